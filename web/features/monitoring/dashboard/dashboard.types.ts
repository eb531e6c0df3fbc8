import type { Light } from '../../../../domain/lights'
import type { MonitoringFormStatus, MonitoringRoundStatus } from '../../../../domain/monitoring'

import type { Drill } from '../../../../domain/monitoring-dashboard'

export type { Drill }

export interface DashboardRound {
  id: string
  jurisdictionCode: string
  jurisdictionName: string
  fiscalYear: number
  cutoffMonth: number
  name: string
  adhoc: boolean
  deadline: string
  status: MonitoringRoundStatus
}

export interface Summary {
  forms: number
  reported: number
  accepted: number
  awaitingDepartment: number
  late: number
  key: number
  lights: Record<Light | 'unlit', number>
  budgetLights: Record<'red' | 'yellow' | 'green', number>
  budgetInitial: string
  budgetAdjusted: string
  executed: string
  executionRate: string | null
  drill: Drill
}

export interface DepartmentFigures extends Summary {
  departmentCode: string
  departmentName: string
}

export interface UnitFigures extends Summary {
  unitCode: string | null
  unitName: string | null
}

export interface DistrictFigures extends Summary {
  jurisdictionCode: string
  jurisdictionName: string
  roundId: string
  roundName: string
  cutoffMonth: number
  timeProgress: string
}

export interface Deviation {
  formId: string
  projectId: string
  projectCode: string
  projectName: string
  unitCode: string
  unitName: string
  departmentCode: string
  departmentName: string
  status: MonitoringFormStatus
  isKey: boolean
  budgetAdjusted: string
  executed: string
  executionRate: string
  projectLight: Light | null
  budgetLight: Light | null
  redIndicators: number
  deviation: string
  drill: Drill
}

export interface LateUnit {
  departmentCode: string
  departmentName: string
  unitCode: string | null
  unitName: string | null
  late: number
  remindCount: number
  remindedAt: string | null
  drill: Drill
}

export interface LateDepartment {
  departmentCode: string
  departmentName: string
  late: number
  awaitingDepartment: number
  drill: Drill
}

export interface Dashboard {
  round: DashboardRound | null
  rounds: DashboardRound[]
  fiscalYear: number
  timeProgress: string | null
  totals: Summary | null
  byDepartment: DepartmentFigures[]
  /** A department's dashboard: its units (its own 部门整体 form with unitCode null). */
  byUnit: UnitFigures[]
  byDistrict: DistrictFigures[]
  largestDeviations: Deviation[]
  late: { units: LateUnit[]; departments: LateDepartment[] }
}
