import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type Query, api } from '../../../api/client'
import type { Paged } from '../../../api/types'
import type { AgencyUser, KeyForm, LateView, Round, RoundDetail, RoundRollup } from './rounds.types'

const roundsKey = ['monitoring-rounds'] as const
export const roundPath = (id: string) => `/api/monitoring/rounds/${encodeURIComponent(id)}`

export function useRoundList(params: Query) {
  return useQuery({
    queryKey: [...roundsKey, 'list', params],
    queryFn: ({ signal }) => api.get<Paged<Round>>('/api/monitoring/rounds', params, signal),
    placeholderData: keepPreviousData,
  })
}

export function useRound(id: string | undefined) {
  return useQuery({ queryKey: [...roundsKey, 'one', id], queryFn: ({ signal }) => api.get<RoundDetail>(roundPath(id!), undefined, signal), enabled: !!id })
}

export function useLateView(id: string, enabled: boolean) {
  return useQuery({ queryKey: [...roundsKey, 'late', id], queryFn: ({ signal }) => api.get<LateView>(`${roundPath(id)}/late`, undefined, signal), enabled })
}

export function useKeyForms(id: string, params: Query, enabled: boolean) {
  return useQuery({
    queryKey: [...roundsKey, 'key-forms', id, params],
    queryFn: ({ signal }) => api.get<Paged<KeyForm>>(`${roundPath(id)}/key-forms`, params, signal),
    placeholderData: keepPreviousData,
    enabled,
  })
}

export function useAgencies(enabled: boolean) {
  return useQuery({
    queryKey: [...roundsKey, 'agencies'],
    queryFn: ({ signal }) => api.get<{ items: AgencyUser[] }>('/api/monitoring/rounds/agencies', undefined, signal).then((r) => r.items),
    enabled,
  })
}

/** Every write refetches the rounds (their figures move), also on failure (a 409 means stale). */
function useRoundMutation<B, R>(send: (body: B) => Promise<R>) {
  const queryClient = useQueryClient()
  return useMutation({ mutationFn: send, onSettled: () => queryClient.invalidateQueries({ queryKey: roundsKey }) })
}

export interface OpenRoundBody {
  fiscalYear: number
  cutoffMonth: number
  adhoc: boolean
  deadline: string
  name?: string
}

export const useOpenRound = () => useRoundMutation((body: OpenRoundBody) => api.post<{ round: RoundDetail; jobRunId: string }>('/api/monitoring/rounds', body))
export const useUpdateRound = () =>
  useRoundMutation(({ id, ...body }: { id: string; version: number; name?: string; deadline?: string; close?: true }) => api.patch<RoundDetail>(roundPath(id), body))
export const useRemind = () =>
  useRoundMutation(({ id, ...body }: { id: string; formIds?: string[]; unitCodes?: string[]; departmentCodes?: string[] }) => api.post<{ reminded: number }>(`${roundPath(id)}/remind`, body))
export const useExtend = () =>
  useRoundMutation(({ id, ...body }: { id: string; until: string; formIds?: string[]; unitCode?: string; reason: string }) => api.post<{ extended: number }>(`${roundPath(id)}/extensions`, body))
export const usePickKey = () => useRoundMutation(({ id, ...body }: { id: string; pick: string[]; unpick: string[] }) => api.post<{ keyCount: number }>(`${roundPath(id)}/key`, body))
export const useAssignAgency = () =>
  useRoundMutation(({ id, ...body }: { id: string; formIds: string[]; agencyUserId: string | null }) => api.post<{ assigned: number }>(`${roundPath(id)}/agency`, body))

export function useRollup(fiscalYear: number, enabled: boolean) {
  return useQuery({
    queryKey: [...roundsKey, 'rollup', fiscalYear],
    queryFn: ({ signal }) => api.get<RoundRollup>('/api/monitoring/rounds/rollup', { fiscalYear }, signal),
    enabled,
  })
}
