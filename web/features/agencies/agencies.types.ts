import type { AgencyConflictReason, AgencyCreditStatus, AgencyType, KeyEvaluationStage, ProcurementMethod } from '../../../domain/evaluation'

/** The API's shapes (server/modules/agencies). */
export interface AgencyListItem {
  id: string
  jurisdictionCode: string
  jurisdictionName: string
  name: string
  creditCode: string
  type: AgencyType
  qualifications: string
  staffCount: number
  creditStatus: AgencyCreditStatus
  contactPerson: string
  contactPhone: string
  orgCode: string | null
  userIds: string[]
  version: number
  engagementCount: number
  majorViolations: number
  averageRating: string | null
}

export type EngagementStatus = 'engaged' | 'delivered' | 'terminated'

export interface Engagement {
  id: string
  agencyId: string
  agencyName: string
  keyEvaluationId: string
  keyEvaluationName: string
  fiscalYear: number
  keyEvaluationStage: KeyEvaluationStage
  jurisdictionCode: string
  commissionerCode: string
  commissionerName: string
  procurementMethod: ProcurementMethod
  contractNo: string
  fee: string
  status: EngagementStatus
  qualityRating: number | null
  ratingComment: string
  ratedAt: string | null
  subcontracted: boolean
  subcontractNote: string
  note: string
  version: number
  createdAt: string
}

export interface Agency extends Omit<AgencyListItem, 'engagementCount' | 'majorViolations'> {
  relations: { id: string; orgCode: string; orgName: string; relation: string }[]
  violations: { id: string; occurredOn: string; severity: 'major' | 'minor'; description: string }[]
  engagements: Engagement[]
  subcontractedCount: number
}

export interface AgencyConflict {
  reason: AgencyConflictReason
  zh: string
  en: string
}

export interface Independence {
  independent: boolean
  reasons: AgencyConflictReason[]
  conflicts: AgencyConflict[]
  keyEvaluation: { id: string; name: string; fiscalYear: number }
}

export type AgencyFilters = { q?: string; type?: AgencyType; creditStatus?: AgencyCreditStatus }

export interface AgencyInput {
  name: string
  creditCode: string
  type: AgencyType
  qualifications?: string
  staffCount?: number
  creditStatus?: AgencyCreditStatus
  contactPerson?: string
  contactPhone?: string
}

export interface EngagementInput {
  keyEvaluationId: string
  procurementMethod: ProcurementMethod
  contractNo: string
  fee: string
  subcontracted?: boolean
  subcontractNote?: string
  note?: string
}

/** A key evaluation as the pickers list it (keyeval's /api/evaluation/key). */
export interface KeyEvaluationOption {
  id: string
  name: string
  fiscalYear: number
}
