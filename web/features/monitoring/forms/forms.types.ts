import type { Light } from '../../../../domain/lights'
import type { FormIndicatorFill } from '../../../../domain/monitoring-form'
import type { MonitoringFormKind, MonitoringFormStatus } from '../../../../domain/monitoring'
import type { Query } from '../../../api/client'

/** An explained figure as domain/lights.ts gives it. */
export interface Explained<T> {
  value: T
  rule: string
  formula: string
}

export interface FormListItem {
  id: string
  roundId: string
  roundName: string
  deadline: string
  kind: MonitoringFormKind
  projectId: string | null
  projectCode: string | null
  projectName: string | null
  departmentCode: string
  departmentName: string
  unitCode: string | null
  unitName: string | null
  fiscalYear: number
  cutoffMonth: number
  status: MonitoringFormStatus
  isKey: boolean
  keyReasons: string[]
  budgetAdjusted: string
  executed: string
  executionRate: string | null
  budgetLight: Light | null
  projectLight: Light | null
  agencyUserId: string | null
  extensionUntil: string | null
  submittedAt: string | null
  version: number
  updatedAt: string
}

/** An indicator row of the form: what the unit fills (domain/monitoring-form.ts) and its light. */
export interface FormIndicator extends FormIndicatorFill {
  id: string
  goalIndicatorId: string | null
  sortOrder: number
  level1: string
  light: Light | null
  explained: Explained<Light> | null
}

export interface FormOpinion {
  id: string
  stage: 'unit' | 'dept' | 'finance' | 'agency'
  action: string
  opinion: string
  createdAt: string
  actorName: string | null
  orgName: string | null
}

export type FormAction = 'save' | 'submit' | 'return' | 'accept' | 'note'

export interface MonitoringForm extends Omit<FormListItem, 'budgetAdjusted' | 'executed' | 'executionRate'> {
  roundStatus: 'opening' | 'open' | 'closed'
  adhoc: boolean
  goalId: string | null
  budgetKind: string | null
  attribute: string | null
  projectType: string | null
  isMajorNew: boolean | null
  overallProgress: string
  acceptedAt: string | null
  funds: {
    budgetInitial: string
    budgetAdjusted: string
    executed: string
    executionRate: string
    timeProgress: string
    unitForecast: string | null
    systemForecast: string | null
    forecastExplained: unknown
    forecastFlagged: boolean
    fundsNote: string
  }
  lights: {
    budget: { light: Light | null; explained: Explained<Light> | null }
    project: { light: Light | null; explained: Explained<Light | null> | null }
  }
  indicators: FormIndicator[]
  opinions: FormOpinion[]
  allowedActions: FormAction[]
}

export interface FormFilters extends Query {
  q?: string
  roundId?: string
  status?: MonitoringFormStatus
  light?: Light
  budgetLight?: Light
  departmentCode?: string
  unitCode?: string
  isKey?: 'true' | 'false'
  kind?: MonitoringFormKind
}

export interface FormChanges {
  unitForecast?: string | null
  fundsNote?: string
  overallProgress?: string
  indicators?: Pick<FormIndicator, 'id' | 'progress' | 'likelihood' | 'causeCategory' | 'deviationAnalysis' | 'measures'>[]
}
