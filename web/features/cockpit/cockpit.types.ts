import type { CoverageDimension, Stage } from '../../../domain/cockpit'
import type { Grade } from '../../../domain/rule-set'

/** What /api/cockpit/* answers (server/modules/cockpit). */

export interface CoverageFigure {
  dimension: CoverageDimension
  covered: string
  spending: string
  projects: number
  ofProjects: number
  share: string | null
  explanation: { zh: string; en: string }
}

export interface Figures {
  stages: { stage: Stage; done: number; of: number; rate: string | null }[]
  monitoringCutoffMonth: number | null
  lights: { green: number; yellow: number; red: number }
  grades: Record<Grade, number>
  execution: { budget: string; executed: string; executionRate: string | null; timeProgress: string | null; deviation: string | null }
  coverage: CoverageFigure[]
}

export interface Assessment {
  total: string | null
  grade: Grade | null
  rank: number | null
  status: string
}

export interface RollupRow extends Figures {
  code: string
  name: string
  own?: boolean
  refreshedAt: string | null
  assessment: Assessment | null
}

export interface Rollup {
  jurisdiction: { code: string; name: string; parentCode: string | null }
  fiscalYear: number
  refreshedAt: string | null
  progressMonth: number | null
  rows: RollupRow[]
  total: Figures
}

export interface DepartmentProject {
  id: string
  code: string
  name: string
  status: string
  unitName: string
  amountTotal: string
  goalStatus: string | null
  monitoringStatus: string | null
  light: 'green' | 'yellow' | 'red' | 'blue' | null
  selfEvalStatus: string | null
  grade: Grade | null
  rectificationRaised: number
  rectificationClosed: number
  budgetAdjusted: string
  executed: string
  executionRate: string | null
}

export interface DepartmentProjects {
  department: { code: string; name: string; jurisdictionCode: string }
  fiscalYear: number
  items: DepartmentProject[]
}

export interface RuleDifferences {
  fiscalYear: number
  parent: { code: string; name: string }
  jurisdictions: { code: string; name: string; differences: { path: string; parent: unknown; child: unknown; source: string }[] }[]
}
