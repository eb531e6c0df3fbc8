import type { AssessmentItemKind, AssessmentMetric, AssessmentStatus } from '../../../../domain/assessment'
import type { Grade } from '../../../../domain/rule-set'

export interface Explained {
  value: unknown
  rule: string
  formula: string
}

export type AssessmentMove = 'self' | 'submit' | 'review'

/** One 考核 as GET /api/assessments answers it. */
export interface Assessment {
  id: string
  jurisdictionCode: string
  orgCode: string
  orgName: string
  orgKind: 'department' | 'jurisdiction'
  fiscalYear: number
  status: AssessmentStatus
  dueOn: string
  total: string | null
  grade: Grade | null
  rank: number | null
  totalExplanation: Explained | null
  consequence: 'interview' | 'none' | null
  moves: AssessmentMove[]
  version: number
  createdAt: string
  updatedAt: string
}

export interface AssessmentFigure {
  available: boolean
  numerator: number
  denominator: number
  numeratorAmount?: string
  denominatorAmount?: string
  note?: string
}

export interface AssessmentItem {
  id: string
  code: string
  name: string
  kind: AssessmentItemKind
  points: string
  metric: AssessmentMetric | null
  computed: boolean
  figure: AssessmentFigure | null
  computedScore: string | null
  selfScore: string | null
  selfNote: string
  reviewScore: string | null
  reviewOpinion: string
  score: string | null
  explanation: Explained | null
}

export interface AssessmentDetail extends Assessment {
  items: AssessmentItem[]
}

export type AssessmentFilters = {
  fiscalYear?: number
  status?: AssessmentStatus
  orgKind?: 'department' | 'jurisdiction'
}
