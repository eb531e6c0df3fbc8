import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type Query, api } from '../../../api/client'
import type { Paged } from '../../../api/types'
import type { CreateRectificationValues, Rectification, RectificationEvidence, RectificationListItem } from './rectifications.types'

const key = ['rectifications'] as const
export const rectificationPath = (id: string) => `/api/rectifications/${encodeURIComponent(id)}`
export const evidencePath = (id: string, evidenceId: string) => `${rectificationPath(id)}/evidence/${encodeURIComponent(evidenceId)}/download`

export function useRectificationList(params: Query, enabled = true) {
  return useQuery({
    queryKey: [...key, 'list', params],
    queryFn: ({ signal }) => api.get<Paged<RectificationListItem>>('/api/rectifications', params, signal),
    placeholderData: keepPreviousData,
    enabled,
  })
}

export function useRectification(id: string | undefined) {
  return useQuery({
    queryKey: [...key, 'one', id],
    queryFn: ({ signal }) => api.get<Rectification>(rectificationPath(id!), undefined, signal),
    enabled: !!id,
  })
}

function useRectificationMutation<B, R>(send: (body: B) => Promise<R>) {
  const queryClient = useQueryClient()
  return useMutation({ mutationFn: send, onSettled: () => queryClient.invalidateQueries({ queryKey: key }) })
}

type Versioned = { id: string; version: number }
export const useCreateRectification = () => useRectificationMutation((body: CreateRectificationValues) => api.post<Rectification>('/api/rectifications', body))
export const useRespondRectification = () => useRectificationMutation(({ id, ...body }: Versioned & { measures: string }) => api.post<Rectification>(`${rectificationPath(id)}/respond`, body))
export const useDecideRectification = () =>
  useRectificationMutation(({ id, move, ...body }: Versioned & { move: 'verify' | 'close' | 'return'; opinion: string }) => api.post<Rectification>(`${rectificationPath(id)}/${move}`, body))
export const useUploadEvidence = () => useRectificationMutation(({ id, file }: { id: string; file: File }) => api.upload<RectificationEvidence>(`${rectificationPath(id)}/evidence`, file))
