import type { BudgetProposalAction, Grade } from '../../../../domain/rule-set'
import type { BudgetDecisionSubject } from '../../../../domain/results'

/** A next-year budget decision as GET /api/budget-decisions answers it. */
export interface BudgetDecision {
  id: string
  /** A project's next budget, a department's budget as a whole, or the transfers to a district. */
  subjectKind: BudgetDecisionSubject
  /** The department or district decided on (null for a project). */
  subjectOrgCode: string | null
  subjectName: string | null
  projectId: string | null
  projectCode: string | null
  projectName: string | null
  evaluatedYear: number
  departmentCode: string | null
  departmentName: string | null
  unitCode: string | null
  unitName: string | null
  /** The year decided for (the evaluated year + 1). */
  fiscalYear: number
  sourceType: 'self_evaluation' | 'key_evaluation' | 'assessment'
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
  subjectKind?: BudgetDecisionSubject
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
