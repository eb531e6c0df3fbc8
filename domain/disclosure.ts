import type { Grade } from './rule-set.ts'

/**
 * 信息公开 (issue 14, rule 46): what the public sees. Each kind is a frozen copy written when finance approves
 * the record for publication; the portal renders these payloads and nothing else. No person's name, no internal
 * opinion, no score sheet of an expert: only the fields below.
 */
export const PUBLIC_RECORD_KINDS = ['goal', 'self_evaluation', 'key_evaluation_report', 'assessment'] as const
export type PublicRecordKind = (typeof PUBLIC_RECORD_KINDS)[number]

/** A project's 绩效目标 (published with the department budget). Amounts are decimal strings. */
export interface PublicGoal {
  /** A project's goal, or a department's overall goal (部门整体绩效目标; code and name then the department's and the goal's). Absent on copies made before it existed: a project. */
  subjectKind?: 'project' | 'department'
  projectCode: string
  projectName: string
  departmentCode: string
  departmentName: string
  unitName: string
  fiscalYear: number
  budget: string
  periodStart?: number | null
  periodEnd?: number | null
  overallTarget: string
  annualTarget: string
  indicators: PublicGoalIndicator[]
}

export interface PublicGoalIndicator {
  level1: string
  level2: string
  name: string
  /** As written in the goal, e.g. "≥95%". */
  target: string
  unit: string | null
}

/** A project's (or a department's overall) self-evaluation (published with the final accounts). */
export interface PublicSelfEvaluation {
  subjectKind: 'project' | 'department'
  /** The project code, or the department code for a department-overall evaluation. */
  subjectCode: string
  subjectName: string
  departmentCode: string
  departmentName: string
  unitName: string | null
  fiscalYear: number
  budget: string
  executed: string
  /** Percent with two decimals, e.g. "93.50". */
  executionRate: string | null
  score: string
  grade: Grade
  indicators: Array<{ level1: string; level2: string; name: string; target: string; actual: string; points: string; score: string }>
  /** The published summary of problems and improvements, if the unit wrote one for the public. */
  summary: string | null
}

/** A finance key evaluation (重点评价) report, published on completion; the report file is downloadable. */
export interface PublicKeyEvaluationReport {
  projectCode: string
  projectName: string
  departmentCode: string
  departmentName: string
  fiscalYear: number
  score: string | null
  grade: Grade | null
  /** The report's published conclusion. */
  conclusion: string
  reportFileName: string | null
}

/** A 考核 result of a department or of a district finance bureau. */
export interface PublicAssessment {
  orgCode: string
  orgName: string
  orgKind: 'department' | 'district'
  fiscalYear: number
  total: string
  rank: number | null
  grade: string | null
  items: Array<{ name: string; points: string; score: string }>
}

export interface PublicPayloads {
  goal: PublicGoal
  self_evaluation: PublicSelfEvaluation
  key_evaluation_report: PublicKeyEvaluationReport
  assessment: PublicAssessment
}
