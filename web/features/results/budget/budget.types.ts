import type { BudgetProposalAction, Grade } from '../../../../domain/rule-set'

/** A next-year budget decision as GET /api/budget-decisions answers it. */
export interface BudgetDecision {
  id: string
  projectId: string
  projectCode: string
  projectName: string
  evaluatedYear: number
  departmentCode: string
  departmentName: string
  unitCode: string | null
  unitName: string | null
  /** The year decided for (the evaluated year + 1). */
  fiscalYear: number
  sourceType: 'self_evaluation' | 'key_evaluation'
  grade: Grade
  baseAmount: string
  proposedAction: BudgetProposalAction
  cutPercent: string
  proposedAmount: string
  recoveredAmount: string
  openRectifications: number
  explanation: { rule: string; formula: string }
  decidedAmount: string | null
  reason: string
  decidedByName: string | null
  decidedAt: string | null
  decided: boolean
  mayDecide: boolean
  version: number
}

export type BudgetDecisionFilters = {
  q?: string
  fiscalYear?: number
  grade?: Grade
  proposedAction?: BudgetProposalAction
  decided?: 'true' | 'false'
  departmentCode?: string
}

/** GET /api/budget-decisions/for-project/:projectId */
export interface LastYearResult {
  projectId: string
  fiscalYear: number
  openRectifications: number
  /** Last year's items of the project already closed (销号). */
  closedRectifications: number
  decision: {
    id: string
    evaluatedProjectId: string
    evaluatedYear: number
    fiscalYear: number
    grade: Grade
    sourceType: 'self_evaluation' | 'key_evaluation'
    proposedAction: BudgetProposalAction
    proposedAmount: string
    decidedAmount: string | null
    reason: string
    decidedAt: string | null
  } | null
}
