import type { SelfEvalFormKind, SelfEvalRoundStatus, SelfEvalStatus } from './evaluation.ts'
import type { Explained, Grade } from './scoring.ts'
import type { ScoreBound, SelfEvalNature, SelfEvalProblem } from './self-evaluation.ts'

/** The self-evaluation API's response shapes: the server answers with them, the web reads them (one contract, no copy). */

export interface SelfRoundCounts {
  /** forms in the round, by status */
  total: number
  draft: number
  submitted: number
  deptAccepted: number
  returned: number
  accepted: number
}

export interface SelfRoundView {
  id: string
  jurisdictionCode: string
  jurisdictionName: string
  fiscalYear: number
  name: string
  deadline: string
  status: SelfEvalRoundStatus
  /** the background job creating the forms while `opening` */
  jobId: string | null
  counts: SelfRoundCounts
  version: number
  createdAt: string
}

/** GET /api/evaluation/self-rounds/:id (and PATCH): the round with its opening job's progress while 'opening'. */
export interface SelfRoundDetail extends SelfRoundView {
  job: { id: string; status: string; done: number; total: number | null; message: string } | null
}

/** POST /api/evaluation/self-rounds → 201: follow `jobRunId` (GET /api/jobs/:id) or poll the round until 'open'. */
export interface OpenSelfRoundResponse {
  round: SelfRoundDetail
  jobRunId: string
}

/** Every list answers a page: GET /api/evaluation/self-rounds → SelfPage<SelfRoundView>, GET /api/evaluation/self → SelfPage<SelfFormListItem>. */
export interface SelfPage<T> {
  items: T[]
  total: number
  page: number
  pageSize: number
}

/** One row of GET /api/evaluation/self. */
export interface SelfFormListItem {
  id: string
  roundId: string
  fiscalYear: number
  kind: SelfEvalFormKind
  projectId: string | null
  projectCode: string | null
  /** the project name, or the department's name for 部门整体自评 */
  projectName: string
  departmentCode: string
  departmentName: string
  unitCode: string
  unitName: string
  status: SelfEvalStatus
  /** decimal strings, two places; null until every applicable indicator has a score */
  executionRate: string | null
  total: string | null
  grade: Grade | null
  version: number
  submittedAt: string | null
  updatedAt: string
}

export interface SelfFormFunds {
  /** 年初预算数 */
  initialBudget: string
  /** 全年预算数 (调整后) */
  budget: string
  /** 全年执行数 */
  executed: string
  /** 执行率, percent with two places ("87.50") */
  executionRate: string
  /** 执行率 分值 and 得分 */
  weight: string
  score: string
  reasonRequired: boolean
  executionReason: string | null
  explanation: Explained<{ ratePercent: string; score: string; reasonRequired: boolean }>
}

export interface SelfFormIndicator {
  id: string
  position: number
  level1: string
  level2: string
  name: string
  nature: SelfEvalNature
  target: string
  unit: string
  weight: string
  actual: string | null
  applicable: boolean
  /** the rule's score (null until 实际完成值), with its rule and formula in `explanation` */
  proposedScore: string | null
  explanation: Explained<string> | null
  /** the range a person may set the score in */
  bound: ScoreBound | null
  /** the score that counts: the override, else the proposal */
  score: string | null
  overridden: boolean
  overrideReason: string | null
  deviationReason: string | null
  deviationReasonRequired: boolean
}

export interface SelfFormOpinion {
  id: string
  action: 'submit' | 'return' | 'dept_accept' | 'accept' | 'reopen'
  fromStatus: SelfEvalStatus
  toStatus: SelfEvalStatus
  opinion: string
  byName: string
  at: string
}

export interface SelfFormMonitoringSummary {
  roundName: string
  cutoffMonth: number
  executionRate: string | null
  light: string | null
  overallProgress: string | null
}

export interface SelfFormDetail extends SelfFormListItem {
  roundName: string
  roundStatus: SelfEvalRoundStatus
  deadline: string
  /** a later deadline finance granted this form (or its unit) */
  extensionUntil: string | null
  /** the deadline that holds (the round's or the extension) has passed: units can no longer fill */
  deadlinePassed: boolean
  goalVersionId: string | null
  funds: SelfFormFunds
  /** 年度总体目标: 预期目标 and 实际完成情况 */
  overallTarget: string
  overallActual: string
  problems: string
  measures: string
  indicators: SelfFormIndicator[]
  /** total and grade with their rule and formula (null while incomplete) */
  totalExplanation: Explained<string> | null
  gradeExplanation: Explained<Grade> | null
  /** what blocks a submit (paths name the field: `executionReason`, `indicators.2.actual`, …) */
  problemsToFix: SelfEvalProblem[]
  warnings: SelfEvalProblem[]
  lastMonitoring: SelfFormMonitoringSummary | null
  opinions: SelfFormOpinion[]
  /** what the caller may do now */
  can: { fill: boolean; submit: boolean; deptReview: boolean; financeReview: boolean }
}

export interface SelfCoverageMissing {
  projectId: string
  projectCode: string
  projectName: string
  unitCode: string
  unitName: string
  /** null: no 自评表 exists for the project */
  formId: string | null
  status: SelfEvalStatus | null
}

export interface SelfCoverageDepartment {
  departmentCode: string
  departmentName: string
  expected: number
  submitted: number
  /** submitted / expected in percent, two places */
  rate: string
  /** the submitted forms by grade */
  grades: Record<Grade, number>
  missing: SelfCoverageMissing[]
}

export interface SelfCoverage {
  fiscalYear: number
  jurisdictionCode: string
  expected: number
  submitted: number
  rate: string
  grades: Record<Grade, number>
  departments: SelfCoverageDepartment[]
}

export interface SelfImportRowError {
  sheet: string
  row: number
  field: string
  zh: string
  en: string
}

export interface SelfImportResult {
  dryRun: boolean
  /** all-or-nothing: nothing is written when `errors` is not empty */
  applied: boolean
  errors: SelfImportRowError[]
  preview: { formId: string; projectName: string; indicators: number; total: string | null; grade: Grade | null }[]
}
