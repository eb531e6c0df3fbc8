import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type Query, api } from '../../../api/client'
import type { Paged } from '../../../api/types'
import type { DrawBody, RescoreEntry, SpotCheckCandidate, SpotCheckComparison, SpotCheckDetail, SpotCheckListItem } from './spotchecks.types'

const key = ['spot-checks'] as const
const base = '/api/evaluation/spot-checks'
export const spotCheckPath = (id: string) => `${base}/${encodeURIComponent(id)}`
export const itemPath = (id: string, itemId: string) => `${spotCheckPath(id)}/items/${encodeURIComponent(itemId)}`

export function useSpotCheckList(params: Query) {
  return useQuery({ queryKey: [...key, 'list', params], queryFn: ({ signal }) => api.get<Paged<SpotCheckListItem>>(base, params, signal), placeholderData: keepPreviousData })
}

export function useSpotCheck(id: string | undefined) {
  return useQuery({ queryKey: [...key, 'one', id], queryFn: ({ signal }) => api.get<SpotCheckDetail>(spotCheckPath(id!), undefined, signal), enabled: !!id })
}

export function useComparison(id: string | undefined, itemId: string | undefined) {
  return useQuery({ queryKey: [...key, 'item', id, itemId], queryFn: ({ signal }) => api.get<SpotCheckComparison>(itemPath(id!, itemId!), undefined, signal), enabled: !!id && !!itemId })
}

export function useCandidates(fiscalYear: number, includeBelow: boolean, enabled: boolean) {
  return useQuery({
    queryKey: [...key, 'candidates', fiscalYear, includeBelow],
    queryFn: ({ signal }) => api.get<Paged<SpotCheckCandidate>>(`${base}/candidates`, { fiscalYear, includeBelow, pageSize: 200 }, signal),
    enabled,
  })
}

function useSpotCheckMutation<B, R>(send: (body: B) => Promise<R>) {
  const queryClient = useQueryClient()
  return useMutation({ mutationFn: send, onSettled: () => queryClient.invalidateQueries({ queryKey: key }) })
}

export const useDraw = () => useSpotCheckMutation((body: DrawBody) => api.post<SpotCheckDetail>(base, body))
export const useRescore = () =>
  useSpotCheckMutation(({ id, itemId, ...body }: { id: string; itemId: string; version: number; indicators: RescoreEntry[]; note: string }) => api.put<SpotCheckComparison>(itemPath(id, itemId), body))
export const useCloseSpotCheck = () => useSpotCheckMutation(({ id, version }: { id: string; version: number }) => api.post<SpotCheckDetail>(`${spotCheckPath(id)}/close`, { version }))
