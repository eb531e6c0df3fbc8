import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type Query, api } from '../../api/client'
import type { Paged } from '../../api/types'
import type { ExAnteConclusion } from '../../../domain/exante'
import type { Assessor, ExAnte, ExAnteChanges, ExAnteListItem } from './exante.types'

const exAnteKey = ['exante'] as const
export const exAntePath = (id: string) => `/api/exante/${encodeURIComponent(id)}`

export function useExAnteList(params: Query, enabled = true) {
  return useQuery({
    queryKey: [...exAnteKey, 'list', params],
    queryFn: ({ signal }) => api.get<Paged<ExAnteListItem>>('/api/exante', params, signal),
    placeholderData: keepPreviousData,
    enabled,
  })
}

export function useExAnte(id: string | undefined) {
  return useQuery({
    queryKey: [...exAnteKey, 'one', id],
    queryFn: ({ signal }) => api.get<ExAnte>(exAntePath(id!), undefined, signal),
    enabled: !!id,
  })
}

export function useAssessors(enabled: boolean) {
  return useQuery({
    queryKey: [...exAnteKey, 'assessors'],
    queryFn: ({ signal }) => api.get<{ items: Assessor[] }>('/api/exante/assessors', undefined, signal).then((r) => r.items),
    enabled,
  })
}

/** Every write refetches assessments and projects (the library gate reads them), also on failure (a 409 means stale). */
function useExAnteMutation<B, R>(send: (body: B) => Promise<R>) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: send,
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: exAnteKey })
      await queryClient.invalidateQueries({ queryKey: ['projects'] })
    },
  })
}

type Versioned = { id: string; version: number }

export const useStartExAnte = () => useExAnteMutation((projectId: string) => api.post<ExAnte>('/api/exante', { projectId }))
export const useUpdateExAnte = () => useExAnteMutation(({ id, ...body }: Versioned & ExAnteChanges) => api.patch<ExAnte>(exAntePath(id), body))
export const useSubmitExAnte = () => useExAnteMutation(({ id, version }: Versioned) => api.post<ExAnte>(`${exAntePath(id)}/submit`, { version }))
export const useAssignExAnte = () => useExAnteMutation(({ id, ...body }: Versioned & { userId: string }) => api.post<ExAnte>(`${exAntePath(id)}/assign`, body))
export const useConcludeExAnte = () =>
  useExAnteMutation(({ id, ...body }: Versioned & { conclusion: ExAnteConclusion; opinion: string }) => api.post<ExAnte>(`${exAntePath(id)}/conclude`, body))
