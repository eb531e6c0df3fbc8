import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type Query, api } from '../../../api/client'
import type { Paged } from '../../../api/types'
import type { FormChanges, FormListItem, MonitoringForm } from './forms.types'

const formsKey = ['monitoring-forms'] as const
export const formPath = (id: string) => `/api/monitoring/forms/${encodeURIComponent(id)}`

export function useFormList(params: Query) {
  return useQuery({
    queryKey: [...formsKey, 'list', params],
    queryFn: ({ signal }) => api.get<Paged<FormListItem>>('/api/monitoring/forms', params, signal),
    placeholderData: keepPreviousData,
  })
}

export function useMonitoringForm(id: string | undefined) {
  return useQuery({
    queryKey: [...formsKey, 'one', id],
    queryFn: ({ signal }) => api.get<MonitoringForm>(formPath(id!), undefined, signal),
    enabled: !!id,
  })
}

/** Every write refetches the forms and the home to-dos, also on failure (a 409 means stale). */
function useFormMutation<B, R>(send: (body: B) => Promise<R>) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: send,
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: formsKey })
      await queryClient.invalidateQueries({ queryKey: ['home'] })
    },
  })
}

type Versioned = { id: string; version: number }

export const useSaveForm = () => useFormMutation(({ id, ...body }: Versioned & FormChanges) => api.put<MonitoringForm>(formPath(id), body))
export const useFormMove = () =>
  useFormMutation(({ id, move, ...body }: Versioned & { move: 'submit' | 'return' | 'accept'; opinion: string }) => api.post<MonitoringForm>(`${formPath(id)}/${move}`, body))
export const useAddNote = () => useFormMutation(({ id, note }: { id: string; note: string }) => api.post<MonitoringForm>(`${formPath(id)}/notes`, { note }))
export const useBatchAccept = () =>
  useFormMutation((body: { items: { id: string; version: number }[]; opinion: string }) =>
    api.post<{ accepted: number; items: { id: string; ok: boolean; code?: string }[] }>('/api/monitoring/forms/batch-accept', body),
  )
