import type { InterviewSourceType } from '../../../../domain/interviews'

export interface Interview {
  id: string
  jurisdictionCode: string
  fiscalYear: number
  orgCode: string
  orgName: string
  orgKind: string
  departmentCode: string | null
  departmentName: string | null
  unitCode: string | null
  personTitle: string
  interviewedOn: string
  interviewer: string
  reason: string
  sourceType: InterviewSourceType
  sourceId: string
  sourceName: string | null
  projectId: string | null
  projectName: string | null
  projectCode: string | null
  outcome: string
  createdByName: string | null
  version: number
  mayEdit: boolean
}

export interface Accountability {
  id: string
  jurisdictionCode: string
  fiscalYear: number
  projectId: string
  projectName: string
  projectCode: string
  departmentCode: string
  departmentName: string
  unitCode: string | null
  unitName: string | null
  incident: string
  lossAmount: string
  measures: string
  decidedOn: string
  decidedBy: string
  version: number
  mayEdit: boolean
}

export type InterviewFilters = { q?: string; fiscalYear?: number; sourceType?: InterviewSourceType; projectId?: string }
export type AccountabilityFilters = { q?: string; fiscalYear?: number; projectId?: string }
