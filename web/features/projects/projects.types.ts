// Shapes of the project library API (server/modules/projects), as the web uses them.
import type { Money } from '../../../domain/money'
import type { LastYearSummary } from '../results/views/LastYearCell'
import type { BudgetKind, ObjectKind, ProjectInput, ProjectStatus } from '../../../domain/projects'

export interface Project extends ProjectInput {
  id: string
  jurisdictionCode: string
  departmentCode: string
  unitName: string
  departmentName: string
  amountFiscal: Money
  amountTotal: Money
  status: ProjectStatus
  version: number
  createdAt: string
  updatedAt: string
  /** A continuing project's last-year result in the list (with results.read); null otherwise. */
  lastYear?: LastYearSummary | null
}

/** What the form sends: every input field, money as decimal strings (the domain's shape). */
export type { ProjectInput }

// A type, not an interface, so it fits the index signature of a query.
export type ProjectFilters = {
  q?: string
  fiscalYear?: number
  jurisdictionCode?: string
  departmentCode?: string
  unitCode?: string
  budgetKind?: BudgetKind
  objectKind?: ObjectKind
  status?: ProjectStatus
  /** 元, whatever unit the user types in. */
  minAmount?: Money
  maxAmount?: Money
}

export type HistoryAction = 'project.create' | 'project.update' | 'project.status' | 'project.attach' | 'project.detach' | 'project.allocate_transfer' | 'project.link_transfer'

export interface ProjectHistoryEntry {
  id: number | string
  at: string
  username: string | null
  action: HistoryAction | string
  before: unknown
  after: unknown
}

export interface ProjectAttachment {
  id: string
  fileName: string
  contentType: string
  sizeBytes: number
  sha256: string
  createdAt: string
  createdBy: string | null
}

export interface ImportRowError {
  row: number
  column: string | null
  field: string | null
  message: string
}

export type ImportRowAction = 'create' | 'update' | 'unchanged' | 'error'

export interface ImportPreviewRow {
  row: number
  action: ImportRowAction
  code: string | null
  name: string | null
  fiscalYear: number | null
  unitCode: string | null
  unitName: string | null
  amountTotal: Money | null
}

export interface ImportPreview {
  dryRun: true
  total: number
  toCreate: number
  toUpdate: number
  unchanged?: number
  /** All problems found; `errors` lists the first ones. */
  errorCount?: number
  errors: ImportRowError[]
  ignoredColumns?: string[]
  /** The first 200 rows. */
  rows: ImportPreviewRow[]
}

export interface ImportResult {
  created: number
  updated: number
  unchanged?: number
}

/** What the projects.import job stores as its result: the counts of a committed import, or the row errors of a refused file. */
export type ImportJobResult = (ImportResult & { committed: true }) | { committed: false; errorCount: number; errors: ImportRowError[]; message: string }
