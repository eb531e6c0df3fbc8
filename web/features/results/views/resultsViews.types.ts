import type { Light } from '../../../../domain/lights'
import type { RectificationSourceType, RectificationStatus } from '../../../../domain/results'
import type { BudgetProposalAction, Grade } from '../../../../domain/rule-set'

/** GET /api/results/projects/:projectId */
export interface ProjectResults {
  project: { id: string; code: string; name: string; fiscalYear: number; departmentCode: string; departmentName: string; unitCode: string; unitName: string; attribute: 'new' | 'continuing'; status: string; amountTotal: string }
  versions: { id: string; fiscalYear: number; name: string; attribute: 'new' | 'continuing'; status: string; amountTotal: string }[]
  selfEvaluations: { id: string; projectId: string; fiscalYear: number; status: string; total: string | null; grade: Grade | null; acceptedAt: string | null }[]
  keyEvaluations: { id: string; projectId: string; fiscalYear: number; level: 'department' | 'finance'; name: string; stage: string; total: string | null; grade: Grade | null }[]
  spotChecks: { id: string; spotCheckId: string; spotCheckName: string; projectId: string; fiscalYear: number; unitTotal: string | null; unitGrade: Grade | null; reviewerTotal: string | null; reviewerGrade: Grade | null; gap: string | null; flagged: boolean; status: 'pending' | 'reviewed' }[]
  monitoring: { id: string; projectId: string; fiscalYear: number; roundName: string; cutoffMonth: number; status: string; budgetLight: Light | null; projectLight: Light | null; executionRate: string | null }[]
  rectifications: { id: string; projectId: string; fiscalYear: number; sourceType: RectificationSourceType; problem: string; status: RectificationStatus; dueOn: string; overdue: boolean }[]
  budgetDecisions: { id: string; projectId: string; fiscalYear: number; grade: Grade; proposedAction: BudgetProposalAction; baseAmount: string; proposedAmount: string; decidedAmount: string | null; reason: string; decidedAt: string | null }[]
}

export interface ResultDepartment {
  code: string
  name: string
  jurisdictionCode: string
  jurisdictionName: string
  openItems: number
  overdueItems: number
  lastAssessmentGrade: Grade | null
  lastAssessmentYear: number | null
}

export type ResultDepartmentFilters = { q?: string; jurisdictionCode?: string }

/** GET /api/results/departments/:orgCode */
export interface DepartmentResults {
  department: { code: string; name: string; jurisdictionCode: string; jurisdictionName: string }
  assessments: { id: string; fiscalYear: number; status: string; total: string | null; grade: Grade | null; rank: number | null }[]
  rectifications: { total: number; closed: number; open: number; overdue: number; closureRate: string | null }
  openItems: { id: string; fiscalYear: number; sourceType: RectificationSourceType; problem: string; status: RectificationStatus; dueOn: string; projectId: string | null; projectName: string | null; ownerName: string; overdue: boolean }[]
  decisionYears: { fiscalYear: number; count: number; decided: number; proposedAmount: string; decidedAmount: string }[]
  budgetDecisions: { id: string; subjectKind: 'project' | 'department' | 'district'; projectId: string | null; projectCode: string | null; projectName: string | null; fiscalYear: number; grade: Grade; proposedAction: BudgetProposalAction; proposedAmount: string; decidedAmount: string | null; decidedAt: string | null }[]
  gradeDistribution: { source: 'self_evaluation' | 'key_evaluation'; fiscalYear: number; grade: Grade; count: number }[]
}

export interface StatusCounts {
  total: number
  open: number
  responded: number
  verified: number
  closed: number
  overdue: number
  closureRate: string | null
}

export interface DecisionSums {
  count: number
  decided: number
  proposedAmount: string
  decidedAmount: string
}

/** GET /api/results/dashboard */
export interface ResultsDashboard {
  fiscalYear: number | null
  budgetYear: number | null
  rectifications: { total: number; closed: number; open: number; overdue: number; closureRate: string | null }
  rectificationsByDepartment: (StatusCounts & { departmentCode: string; departmentName: string; jurisdictionCode: string })[]
  rectificationsByJurisdiction: (StatusCounts & { jurisdictionCode: string; jurisdictionName: string })[]
  decisionsByAction: (DecisionSums & { proposedAction: BudgetProposalAction })[]
  decisionsByDepartment: (DecisionSums & { departmentCode: string; departmentName: string })[]
}
