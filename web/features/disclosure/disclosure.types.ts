import type { DisclosureState } from '../../../domain/disclosure-decisions'
import type { PublicRecordKind } from '../../../domain/disclosure'
import type { Paged } from '../../api/types'

/** One record of the 信息公开 list (GET /api/disclosure/records). */
export interface DisclosureRecord {
  kind: PublicRecordKind
  sourceId: string
  jurisdictionCode: string
  fiscalYear: number
  departmentCode: string | null
  departmentName: string | null
  unitCode: string | null
  unitName: string | null
  recordKey: string
  title: string
  sourceStatus: string
  state: DisclosureState
  reasonCode: string | null
  reasonText: string | null
  decidedAt: string | null
  decidedByName: string | null
  approvedAt: string | null
  withdrawnAt: string | null
  withdrawalReason: string | null
  version: number
  publishable: boolean
  mayDecide: boolean
  mayApprove: boolean
  mayWithdraw: boolean
}

export interface DisclosureList extends Paged<DisclosureRecord> {
  withholdReasons: string[]
  reasonsNeedingText: string[]
}

export interface PublicCopyEntry {
  id: string
  publishedAt: string
  supersededAt: string | null
  withdrawnAt: string | null
  withdrawalReason: string | null
  publishedByName: string | null
  withdrawnByName: string | null
}

export interface DisclosureDetail extends DisclosureRecord {
  liveCopy: { id: string; payload: Record<string, unknown>; publishedAt: string } | null
  history: PublicCopyEntry[]
  withholdReasons: string[]
  reasonsNeedingText: string[]
}

export type DisclosureFilters = {
  q?: string
  fiscalYear?: number
  kind?: PublicRecordKind
  departmentCode?: string
  state?: DisclosureState
}
