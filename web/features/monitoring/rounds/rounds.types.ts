import type { KeyMonitoringReason, MonitoringFormStatus, MonitoringRoundStatus } from '../../../../domain/monitoring'
import type { Light } from '../../../../domain/lights'
import type { MonitoringRules } from '../../../../domain/rule-set'

export interface RoundStats {
  forms: number
  key: number
  unreported: number
  late: number
  submitted: number
  deptAccepted: number
  accepted: number
  red: number
  yellow: number
  green: number
  blue: number
}

/** GET /api/monitoring/rounds items and GET /api/monitoring/rounds/:id */
export interface Round {
  id: string
  jurisdictionCode: string
  jurisdictionName: string
  fiscalYear: number
  cutoffMonth: number
  name: string
  adhoc: boolean
  deadline: string
  status: MonitoringRoundStatus
  formCount: number
  keyCount: number
  jobId: string | null
  version: number
  createdAt: string
  stats: RoundStats
  readOnly: boolean
  deadlinePassed: boolean
}

export interface RoundDetail extends Round {
  keyCriteria: MonitoringRules
  job: { id: string; status: string; done: number; total: number | null; message: string } | null
}

export interface RoundFilters extends Record<string, string | number | undefined> {
  fiscalYear?: number
  status?: MonitoringRoundStatus
}

export interface LateForm {
  id: string
  kind: 'project' | 'department'
  status: MonitoringFormStatus
  departmentCode: string
  departmentName: string
  unitCode: string | null
  unitName: string | null
  projectCode: string | null
  projectName: string | null
  isKey: boolean
  extensionUntil: string | null
  remindedAt: string | null
  remindCount: number
  dueAt: string
  late: boolean
}

export interface LateGroup {
  code: string
  name: string
  departmentCode: string
  unreported: number
  late: number
  reminded: number
}

export interface LateView {
  roundId: string
  deadline: string
  deadlinePassed: boolean
  departments: LateGroup[]
  units: LateGroup[]
  forms: LateForm[]
}

export interface KeyForm {
  id: string
  projectId: string
  projectCode: string
  projectName: string
  amountTotal: string
  isMajorNew: boolean
  unitName: string
  status: MonitoringFormStatus
  executionRate: string | null
  projectLight: Light | null
  isKey: boolean
  keyReasons: KeyMonitoringReason[]
  agencyUserId: string | null
  agencyName: string | null
}

export interface AgencyUser {
  id: string
  username: string
  displayName: string
  orgCode: string
  orgName: string
}

/** GET /api/monitoring/rounds/rollup: the rounds of a year per jurisdiction (a city and its districts). */
export interface RoundRollup {
  fiscalYear: number
  cutoffMonth: number | null
  items: { jurisdictionCode: string; jurisdictionName: string; rounds: number; stats: RoundStats }[]
  total: RoundStats
}
