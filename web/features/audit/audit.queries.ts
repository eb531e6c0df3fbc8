import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query'
import { type Query, api } from '../../api/client'
import type { AuditEntry, Paged } from '../../api/types'

export function useAuditEntries(params: Query) {
  return useQuery({
    queryKey: ['audit', params],
    queryFn: ({ signal }) => api.get<Paged<AuditEntry>>('/api/audit', params, signal),
    placeholderData: keepPreviousData,
  })
}

/** The server's verdict on the audit hash chain (server/platform/audit-verify.ts). */
export interface ChainVerdict {
  ok: boolean
  rows: number
  keyedFromSeq: number
  headSeq: number
  brokenAtSeq?: number
  reason?: string
  checkpointSeq?: number
  archivedThroughSeq?: number
}

export function useVerifyAuditChain() {
  return useMutation({
    mutationFn: (checkpoint?: Record<string, unknown>) => api.post<ChainVerdict>('/api/audit/verify', checkpoint ? { checkpoint } : {}),
  })
}
