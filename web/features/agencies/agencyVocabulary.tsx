import { Tag } from 'antd'
import {
  type AgencyConflictReason,
  agencyConflictReasonLabels,
  type AgencyCreditStatus,
  agencyCreditStatusLabels,
  agencyCreditStatuses,
  type AgencyType,
  agencyTypeLabels,
  agencyTypes,
  type ProcurementMethod,
  procurementMethodLabels,
  procurementMethods,
} from '../../../domain/evaluation'
import { useCodeLabels } from '../../shared/useCodeLabels'

/** The agency code lists in the current language; the labels live in domain/evaluation.ts. */
export function useAgencyVocabulary() {
  const { labelOf, optionsOf } = useCodeLabels()
  return {
    type: labelOf<AgencyType>(agencyTypeLabels),
    creditStatus: labelOf<AgencyCreditStatus>(agencyCreditStatusLabels),
    procurementMethod: labelOf<ProcurementMethod>(procurementMethodLabels),
    conflictReason: labelOf<AgencyConflictReason>(agencyConflictReasonLabels),
    typeOptions: optionsOf(agencyTypes, agencyTypeLabels),
    creditStatusOptions: optionsOf(agencyCreditStatuses, agencyCreditStatusLabels),
    procurementMethodOptions: optionsOf(procurementMethods, procurementMethodLabels),
  }
}

const creditColors: Record<AgencyCreditStatus, string> = { good: 'green', warned: 'orange', blacklisted: 'red' }

export function CreditStatusTag({ status }: { status: AgencyCreditStatus }) {
  const vocabulary = useAgencyVocabulary()
  return <Tag color={creditColors[status]}>{vocabulary.creditStatus(status)}</Tag>
}
