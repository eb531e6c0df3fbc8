// Shapes of the ex-ante assessment API (server/modules/exante), as the web uses them.
import type { AssessorKind, ExAnteAttachmentItem, ExAnteChecklist, ExAnteConclusion, ExAnteKind, ExAnteScores, ExAnteStatus, ScoreSheet } from '../../../domain/exante'
import type { Money } from '../../../domain/money'
import type { BudgetKind, ObjectKind, ProjectStatus } from '../../../domain/projects'
import type { ScoringRules } from '../../../domain/rule-set'

export interface ExAnteListItem {
  id: string
  projectId: string
  projectCode: string
  projectName: string
  fiscalYear: number
  jurisdictionCode: string
  departmentCode: string
  unitCode: string
  unitName: string
  amountTotal: Money
  isMajorNew: boolean
  projectStatus: ProjectStatus
  kind: ExAnteKind
  assessorKind: AssessorKind
  assessorOrgCode: string
  assessorOrgName: string
  assignedUserId: string | null
  assignedUserName: string | null
  total: string
  conclusion: ExAnteConclusion | null
  status: ExAnteStatus
  submittedAt: string | null
  concludedAt: string | null
  version: number
  createdAt: string
  updatedAt: string
}

/** GET /api/exante/:id: the row with its project's figures, the score sheet and what is still missing. */
export interface ExAnte extends ExAnteListItem {
  objectKind: ObjectKind
  budgetKind: BudgetKind
  description: string
  dimensionPoints: string
  scores: ExAnteScores
  opinion: string
  process: string
  suggestions: string
  otherIssues: string
  attachments: ExAnteChecklist
  concludedByName: string | null
  sheet: ScoreSheet
  missingAttachments: ExAnteAttachmentItem[]
  suggestedConclusion: ExAnteConclusion | null
  required: boolean
  passingConclusion: ExAnteConclusion
  gradeBands: ScoringRules['gradeBands']
}

// A type, not an interface, so it fits the index signature of a query.
export type ExAnteFilters = {
  q?: string
  projectId?: string
  status?: ExAnteStatus
  conclusion?: ExAnteConclusion
  fiscalYear?: number
  departmentCode?: string
}

/** PATCH /api/exante/:id */
export interface ExAnteChanges {
  scores?: Record<string, { score: string; comment: string } | null>
  attachments?: ExAnteChecklist
  process?: string
  suggestions?: string
  otherIssues?: string
  opinion?: string
}

export interface Assessor {
  id: string
  username: string
  displayName: string
  roles: string[]
  orgCode: string
  orgName: string
}
