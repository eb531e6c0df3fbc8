import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type Query, api } from '../../../api/client'
import type { Paged } from '../../../api/types'
import type { ActionFile, ActionListItem, CorrectiveAction, IssueActionValues, Proposal } from './actions.types'

const actionsKey = ['monitoring-actions'] as const
export const actionPath = (id: string) => `/api/monitoring/actions/${encodeURIComponent(id)}`
export const actionFilePath = (id: string, fileId: string) => `${actionPath(id)}/files/${encodeURIComponent(fileId)}/download`

export function useActionList(params: Query, enabled = true) {
  return useQuery({
    queryKey: [...actionsKey, 'list', params],
    queryFn: ({ signal }) => api.get<Paged<ActionListItem>>('/api/monitoring/actions', params, signal),
    placeholderData: keepPreviousData,
    enabled,
  })
}

export function useAction(id: string | undefined) {
  return useQuery({
    queryKey: [...actionsKey, 'one', id],
    queryFn: ({ signal }) => api.get<CorrectiveAction>(actionPath(id!), undefined, signal),
    enabled: !!id,
  })
}

export function useProposals(roundId: string | undefined) {
  return useQuery({
    queryKey: [...actionsKey, 'proposals', roundId],
    queryFn: ({ signal }) => api.get<{ items: Proposal[] }>('/api/monitoring/actions/proposals', { roundId }, signal).then((r) => r.items),
    enabled: !!roundId,
  })
}

/** Every write refetches the actions and the projects (a suspension gates them; a cut changes the budget). */
function useActionMutation<B, R>(send: (body: B) => Promise<R>) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: send,
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: actionsKey })
      await queryClient.invalidateQueries({ queryKey: ['projects'] })
    },
  })
}

type Versioned = { id: string; version: number }

export const useIssueAction = () => useActionMutation((body: IssueActionValues) => api.post<CorrectiveAction>('/api/monitoring/actions', body))
export const useRespondAction = () =>
  useActionMutation(({ id, ...body }: Versioned & { response: string; attachmentIds: string[] }) => api.post<CorrectiveAction>(`${actionPath(id)}/respond`, body))
export const useDecideAction = () =>
  useActionMutation(({ id, move, ...body }: Versioned & { move: 'return' | 'close' | 'lift'; note: string }) => api.post<CorrectiveAction>(`${actionPath(id)}/${move}`, body))
export const useUploadActionFile = () => useActionMutation(({ id, file }: { id: string; file: File }) => api.upload<ActionFile>(`${actionPath(id)}/files`, file))
