import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type Query, api } from '../../../api/client'
import type { Paged } from '../../../api/types'
import type { BudgetDecision, LastYearResult } from './budget.types'

const key = ['budget-decisions'] as const

export function useBudgetDecisions(params: Query) {
  return useQuery({
    queryKey: [...key, 'list', params],
    queryFn: ({ signal }) => api.get<Paged<BudgetDecision>>('/api/budget-decisions', params, signal),
    placeholderData: keepPreviousData,
  })
}

export function useLastYearResult(projectId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...key, 'for-project', projectId],
    queryFn: ({ signal }) => api.get<LastYearResult>(`/api/budget-decisions/for-project/${encodeURIComponent(projectId)}`, undefined, signal),
    enabled,
  })
}

function useDecisionMutation<B, R>(send: (body: B) => Promise<R>) {
  const queryClient = useQueryClient()
  return useMutation({ mutationFn: send, onSettled: () => queryClient.invalidateQueries({ queryKey: key }) })
}

export const useDecideBudget = () =>
  useDecisionMutation(({ id, ...body }: { id: string; version: number; decidedAmount: string; reason: string }) => api.post<BudgetDecision>(`/api/budget-decisions/${encodeURIComponent(id)}/decide`, body))
export const useGenerateBudget = () =>
  useDecisionMutation((body: { evaluatedYear: number }) => api.post<{ jobRunId: string; fiscalYear: number }>('/api/budget-decisions/generate', body))
export const useRefreshBudgetDecisions = () => {
  const queryClient = useQueryClient()
  return () => queryClient.invalidateQueries({ queryKey: key })
}
