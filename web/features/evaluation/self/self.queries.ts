import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type Query, api } from '../../../api/client'
import type { Paged } from '../../../api/types'
import type { OpenSelfRoundResponse, SelfCoverage, SelfFormChanges, SelfFormDetail, SelfFormListItem, SelfRoundDetail, SelfRoundView } from './self.types'

const selfKey = ['evaluation-self'] as const
export const selfFormPath = (id: string) => `/api/evaluation/self/${encodeURIComponent(id)}`
export const selfRoundPath = (id: string) => `/api/evaluation/self-rounds/${encodeURIComponent(id)}`

export function useSelfRoundList(params: Query) {
  return useQuery({
    queryKey: [...selfKey, 'rounds', params],
    queryFn: ({ signal }) => api.get<Paged<SelfRoundView>>('/api/evaluation/self-rounds', params, signal),
    placeholderData: keepPreviousData,
  })
}

export function useSelfRound(id: string | undefined) {
  return useQuery({ queryKey: [...selfKey, 'round', id], queryFn: ({ signal }) => api.get<SelfRoundDetail>(selfRoundPath(id!), undefined, signal), enabled: !!id })
}

export function useSelfFormList(params: Query) {
  return useQuery({
    queryKey: [...selfKey, 'forms', params],
    queryFn: ({ signal }) => api.get<Paged<SelfFormListItem>>('/api/evaluation/self', params, signal),
    placeholderData: keepPreviousData,
  })
}

export function useSelfForm(id: string | undefined) {
  return useQuery({ queryKey: [...selfKey, 'form', id], queryFn: ({ signal }) => api.get<SelfFormDetail>(selfFormPath(id!), undefined, signal), enabled: !!id })
}

export function useSelfCoverage(fiscalYear: number) {
  return useQuery({
    queryKey: [...selfKey, 'coverage', fiscalYear],
    queryFn: ({ signal }) => api.get<SelfCoverage>('/api/evaluation/self/coverage', { fiscalYear }, signal),
    placeholderData: keepPreviousData,
  })
}

/** Every write refetches the self-evaluation data and the home to-dos, also on failure (a 409 means stale). */
function useSelfMutation<B, R>(send: (body: B) => Promise<R>) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: send,
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: selfKey })
      await queryClient.invalidateQueries({ queryKey: ['home'] })
    },
  })
}

export interface OpenSelfRoundBody {
  fiscalYear: number
  deadline: string
  name?: string
}

export const useOpenSelfRound = () => useSelfMutation((body: OpenSelfRoundBody) => api.post<OpenSelfRoundResponse>('/api/evaluation/self-rounds', body))
export const useSaveSelfForm = () => useSelfMutation(({ id, ...body }: { id: string; version: number } & SelfFormChanges) => api.put<SelfFormDetail>(selfFormPath(id), body))
export type SelfMove = 'submit' | 'return' | 'accept'
export const useSelfFormMove = () =>
  useSelfMutation(({ id, move, ...body }: { id: string; version: number; move: SelfMove; opinion: string }) => api.post<SelfFormDetail>(`${selfFormPath(id)}/${move}`, body))
export const useExtendSelfForms = () =>
  useSelfMutation(({ id, ...body }: { id: string; until: string; orgCode?: string; formIds?: string[]; reason: string }) => api.post<{ extended: number; until: string }>(`${selfRoundPath(id)}/extensions`, body))
export const useUpdateSelfRound = () =>
  useSelfMutation(({ id, ...body }: { id: string; version: number; name?: string; deadline?: string; close?: true }) => api.patch<SelfRoundDetail>(selfRoundPath(id), body))
