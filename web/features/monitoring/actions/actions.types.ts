import type { ActionMove } from '../../../../domain/corrective-actions'
import type { Light } from '../../../../domain/lights'
import type { CorrectiveActionKind, CorrectiveActionStatus } from '../../../../domain/monitoring'

export interface ActionListItem {
  id: string
  kind: CorrectiveActionKind
  title: string
  content: string
  amount: string | null
  dueOn: string | null
  status: CorrectiveActionStatus
  jurisdictionCode: string
  departmentCode: string
  departmentName: string
  unitCode: string | null
  unitName: string | null
  projectId: string | null
  projectCode: string | null
  projectName: string | null
  formId: string | null
  roundId: string | null
  roundName: string | null
  issuerOrgCode: string
  issuerOrgName: string
  issuerOrgKind: 'jurisdiction' | 'department' | 'unit'
  issuedByName: string | null
  goalAdjustmentId: string | null
  response: string
  respondedAt: string | null
  liftedAt: string | null
  closedAt: string | null
  version: number
  createdAt: string
  updatedAt: string
}

export interface ActionFile {
  id: string
  fileName: string
  sizeBytes: number
  contentType: string
}

export interface ActionEvent {
  id: string
  event: 'issue' | 'respond' | 'return' | 'close' | 'lift' | 'update'
  note: string
  createdAt: string
  actorName: string | null
  attachments: ActionFile[]
}

export interface CorrectiveAction extends ActionListItem {
  inForce: boolean
  overdue: boolean
  moves: ActionMove[]
  events: ActionEvent[]
}

export interface ActionFilters extends Record<string, string | number | boolean | undefined> {
  q?: string
  kind?: CorrectiveActionKind
  status?: CorrectiveActionStatus
  inForce?: 'true' | 'false'
  overdue?: 'true' | 'false'
  departmentCode?: string
  projectId?: string
  roundId?: string
}

export interface IssueActionValues {
  kind: CorrectiveActionKind
  formId?: string
  projectId?: string
  title: string
  content?: string
  amount?: string | null
  dueOn?: string | null
}

export interface Proposal {
  formId: string
  projectId: string | null
  projectCode: string | null
  projectName: string | null
  departmentName: string
  unitName: string | null
  status: string
  isKey: boolean
  budgetLight: Light | null
  projectLight: Light | null
  executionRate: string | null
  budgetAdjusted: string
  executed: string
}
