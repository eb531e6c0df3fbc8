import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { DisclosureDecision } from '../../../domain/disclosure-decisions'
import type { PublicRecordKind } from '../../../domain/disclosure'
import { type Query, api } from '../../api/client'
import type { DisclosureDetail, DisclosureList, DisclosureRecord } from './disclosure.types'

const key = ['disclosure'] as const
const recordPath = (kind: PublicRecordKind, sourceId: string, action = '') => `/api/disclosure/records/${kind}/${encodeURIComponent(sourceId)}${action}`

export function useDisclosureRecords(params: Query) {
  return useQuery({ queryKey: [...key, 'list', params], queryFn: ({ signal }) => api.get<DisclosureList>('/api/disclosure/records', params, signal), placeholderData: keepPreviousData })
}

export function useDisclosureRecord(kind: PublicRecordKind, sourceId: string) {
  return useQuery({ queryKey: [...key, 'detail', kind, sourceId], queryFn: ({ signal }) => api.get<DisclosureDetail>(recordPath(kind, sourceId), undefined, signal) })
}

function useWrite<B, R>(send: (body: B) => Promise<R>) {
  const queryClient = useQueryClient()
  return useMutation({ mutationFn: send, onSettled: () => queryClient.invalidateQueries({ queryKey: key }) })
}

type Ref = Pick<DisclosureRecord, 'kind' | 'sourceId' | 'version'>
export type DecisionValues = { decision: DisclosureDecision; reasonCode?: string; reasonText?: string }

export const useSetDecision = () => useWrite(({ kind, sourceId, version, ...body }: Ref & DecisionValues) => api.put<DisclosureRecord>(recordPath(kind, sourceId, '/decision'), { version, ...body }))
export const useApprove = () => useWrite(({ kind, sourceId, version }: Ref) => api.post<DisclosureRecord>(recordPath(kind, sourceId, '/approve'), { version }))
export const useWithdraw = () => useWrite(({ kind, sourceId, version, reason }: Ref & { reason: string }) => api.post<DisclosureRecord>(recordPath(kind, sourceId, '/withdraw'), { version, reason }))
export const useApproveBatch = () =>
  useWrite((body: { fiscalYear: number; departmentCode: string }) => api.post<{ published: number; skipped: Record<'notToPublish' | 'withdrawn' | 'notApproved' | 'alreadyPublished', number> }>('/api/disclosure/approve-batch', body))
