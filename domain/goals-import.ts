import type { GoalContent } from './goals.ts'

/** What the 申报表 import answers (POST /api/goals/import): a preview with row-level errors, or what it created. */

export interface SheetError {
  sheet: string
  row: number
  column: string | null
  field: string | null
  message: string
}

export interface GoalImportRow {
  sheet: string
  projectCode: string | null
  projectName: string | null
  fiscalYear: number | null
  indicators: number
  /** The goal as read from the sheet: targets and indicators with their natures and units. */
  content: GoalContent
  errors: SheetError[]
}

export interface GoalImportPreview {
  dryRun: true
  total: number
  toCreate: number
  errorCount: number
  /** The first problems (up to a limit), sheet by sheet in row order. */
  errors: SheetError[]
  rows: GoalImportRow[]
}

export interface GoalImportResult {
  dryRun: false
  created: number
  goals: { sheet: string; id: string; projectCode: string | null }[]
}

