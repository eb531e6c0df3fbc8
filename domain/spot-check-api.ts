import type { SelfEvalStatus } from './evaluation.ts'
import type { Grade } from './scoring.ts'
import type { ScoreBound, SelfEvalProblem } from './self-evaluation.ts'

/** The spot-check API's response shapes: the server answers with them, the web reads them (one contract, no copy). */

export interface SpotCheckListItem {
  id: string
  jurisdictionCode: string
  jurisdictionName: string
  fiscalYear: number
  name: string
  includeBelow: boolean
  seed: string
  randomCount: number
  poolSize: number
  status: 'open' | 'closed'
  items: number
  reviewed: number
  flagged: number
  createdByName: string | null
  version: number
  createdAt: string
}

export interface SpotCheckItemRow {
  id: string
  formId: string
  pick: 'random' | 'manual'
  position: number
  title: string
  jurisdictionCode: string
  departmentCode: string | null
  departmentName: string | null
  unitCode: string | null
  unitName: string | null
  projectId: string | null
  unitTotal: string | null
  unitGrade: Grade | null
  reviewerTotal: string | null
  reviewerGrade: Grade | null
  /** reviewer − unit, two places; null until re-scored */
  gap: string | null
  flagged: boolean
  status: 'pending' | 'reviewed'
  version: number
}

export interface SpotCheckDetail extends SpotCheckListItem {
  /** the gap (points) at or above which an item is flagged, from the rule set */
  gapThreshold: string
  sample: SpotCheckItemRow[]
  can: { rescore: boolean; close: boolean }
}

export interface SpotCheckCompareRow {
  position: number
  level1: string
  level2: string
  name: string
  target: string
  unit: string
  weight: string
  applicable: boolean
  unitActual: string | null
  unitProposed: string | null
  unitScore: string | null
  unitOverrideReason: string | null
  reviewerActual: string | null
  reviewerProposed: string | null
  reviewerFormula: string | null
  reviewerScore: string | null
  reviewerReason: string | null
  bound: ScoreBound | null
  /** reviewer − unit, two places */
  gap: string | null
}

export interface SpotCheckComparison extends SpotCheckItemRow {
  spotCheckId: string
  spotCheckName: string
  fiscalYear: number
  formStatus: SelfEvalStatus
  gapThreshold: string
  note: string
  execution: { budget: string; executed: string; ratePercent: string; weight: string; score: string; formula: string }
  rows: SpotCheckCompareRow[]
  /** the reviewer's total with its formula (through the same scoring as the unit's) */
  reviewerTotalFormula: string | null
  /** what the reviewer's scores break (bounds, missing reasons) */
  problems: SelfEvalProblem[]
  reviewedByName: string | null
  reviewedAt: string | null
  can: { rescore: boolean }
}

export interface SpotCheckCandidate {
  formId: string
  title: string
  departmentName: string | null
  unitName: string | null
  status: SelfEvalStatus
  total: string | null
  grade: Grade | null
}
