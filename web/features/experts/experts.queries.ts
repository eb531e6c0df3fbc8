import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type Query, api } from '../../api/client'
import type { Paged } from '../../api/types'
import type { Draw, DrawListItem, DrawRequest, Expert, ExpertInput, ExpertListItem } from './experts.types'

const key = ['experts'] as const
export const expertPath = (id: string) => `/api/experts/${encodeURIComponent(id)}`
const drawPath = (id: string) => `/api/experts/draws/${encodeURIComponent(id)}`

export function useExpertList(params: Query) {
  return useQuery({ queryKey: [...key, 'list', params], queryFn: ({ signal }) => api.get<Paged<ExpertListItem>>('/api/experts', params, signal), placeholderData: keepPreviousData })
}
export function useExpert(id: string | undefined) {
  return useQuery({ queryKey: [...key, 'one', id], queryFn: ({ signal }) => api.get<Expert>(expertPath(id!), undefined, signal), enabled: !!id })
}
export function useDrawList(params: Query) {
  return useQuery({ queryKey: [...key, 'draws', params], queryFn: ({ signal }) => api.get<Paged<DrawListItem>>('/api/experts/draws', params, signal), placeholderData: keepPreviousData })
}
export function useDraw(id: string | undefined) {
  return useQuery({ queryKey: [...key, 'draw', id], queryFn: ({ signal }) => api.get<Draw>(drawPath(id!), undefined, signal), enabled: !!id })
}

function useExpertMutation<B, R>(send: (body: B) => Promise<R>) {
  const queryClient = useQueryClient()
  return useMutation({ mutationFn: send, onSettled: () => queryClient.invalidateQueries({ queryKey: key }) })
}

export const useCreateExpert = () => useExpertMutation((body: ExpertInput) => api.post<Expert>('/api/experts', body))
export const useUpdateExpert = () => useExpertMutation(({ id, ...body }: Partial<ExpertInput> & { id: string; version: number }) => api.patch<Expert>(expertPath(id), body))
export const useAddExpertRelation = () => useExpertMutation(({ id, ...body }: { id: string; orgCode: string; relation: string }) => api.post<Expert>(`${expertPath(id)}/relations`, body))
export const useDrawExperts = () => useExpertMutation((body: DrawRequest) => api.post<Draw>('/api/experts/draw', body))
export const useSaveSheet = () =>
  useExpertMutation(({ drawId, ...body }: { drawId: string; version: number; scores: Record<string, string>; comment: string; submit: boolean }) => api.put<Draw>(`${drawPath(drawId)}/sheet`, body))
