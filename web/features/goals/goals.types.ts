// Shapes of the goals API (server/modules/goals), as the web uses them; the goal itself is domain/'s GoalView.
import type {
  GoalApprover,
  GoalContent,
  GoalIndicatorInput,
  GoalKind,
  GoalOpinionView,
  GoalStatus,
  GoalView,
  ReviewDimension,
} from '../../../domain/goals'
import type { Grade } from '../../../domain/rule-set'

export type { GoalFinding, GoalIndicatorInput, GoalIndicatorView, GoalKind, GoalStatus, GoalView, PeerTargets } from '../../../domain/goals'
export type { Grade }

/** A row of the list: the goal without its indicators, with how many findings the last check left. */
export interface GoalListItem extends Omit<GoalView, 'indicators' | 'quality'> {
  findingCount: number
}

export interface GoalVersion {
  id: string
  revision: number
  status: GoalStatus
  adjustmentReason: string | null
  approvedAt: string | null
  inForceFrom: string | null
  inForceTo: string | null
  createdAt: string
}

export interface ExpertReview {
  id: string
  round: number
  expertId: string
  expertName: string
  score: string | null
  grade: Grade | null
  dimensions: Partial<Record<ReviewDimension, string>>
  opinion: string | null
  assignedAt: string
  submittedAt: string | null
}

/** GET /api/goals/:id */
export interface GoalDetail extends GoalView {
  /** Who gives the 批复: the department (a 二级 project goal, where the rule set says so) or finance. */
  approver: GoalApprover
  opinions: GoalOpinionView[]
  versions: GoalVersion[]
  expertReviews: ExpertReview[]
}

// A type, not an interface, so it fits the index signature of a query.
export type GoalFilters = {
  q?: string
  fiscalYear?: number
  status?: GoalStatus
  kind?: GoalKind
  departmentCode?: string
  unitCode?: string
  projectId?: string
  todo?: boolean
}

export interface CreateGoalBody extends GoalContent {
  kind: GoalKind
  projectId: string | null
  fiscalYear: number
  departmentCode?: string
  unitCode?: string
}

export type ContentBody = GoalContent & { indicators: GoalIndicatorInput[] }

/** The actions that take only `version` and an optional opinion. */
export type SimpleAction = 'submit' | 'withdraw' | 'return' | 'dept_approve' | 'approve' | 'publish'
export type BatchAction = 'dept_approve' | 'approve' | 'publish'

export interface BatchResult {
  results: { id: string; ok: boolean; status?: GoalStatus; code?: string; message?: string }[]
  succeeded: number
  failed: number
}

export interface ReviewBody {
  version: number
  grade: Grade
  dimensions: Partial<Record<ReviewDimension, string>>
  opinion: string
}

export interface ExpertReviewBody {
  score: string
  grade: Grade
  dimensions: Partial<Record<ReviewDimension, string>>
  opinion: string
}

/** Whom the bureau may assign (GET /api/exante/assessors, filtered to experts). */
export interface ExpertCandidate {
  id: string
  username: string
  displayName: string
  roles: string[]
  orgName: string
}

export type { GoalImportPreview, GoalImportResult, GoalImportRow, SheetError } from '../../../domain/goals-import.ts'
