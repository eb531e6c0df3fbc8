import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type Query, api } from '../../api/client'
import type { Paged } from '../../api/types'
import type { AdjustmentItem, NewAdjustment, PaymentImportResult, PaymentItem, ProjectFunds } from './execution.types'

const executionKey = ['execution'] as const

export function usePayments(params: Query) {
  return useQuery({
    queryKey: [...executionKey, 'payments', params],
    queryFn: ({ signal }) => api.get<Paged<PaymentItem> & { sumAmount: string }>('/api/execution/payments', params, signal),
    placeholderData: keepPreviousData,
  })
}

export function useAdjustments(params: Query) {
  return useQuery({
    queryKey: [...executionKey, 'adjustments', params],
    queryFn: ({ signal }) => api.get<Paged<AdjustmentItem>>('/api/execution/adjustments', params, signal),
    placeholderData: keepPreviousData,
  })
}

export function useProjectFunds(projectId: string | undefined, month?: number) {
  return useQuery({
    queryKey: [...executionKey, 'funds', projectId, month],
    queryFn: ({ signal }) => api.get<ProjectFunds>(`/api/execution/projects/${encodeURIComponent(projectId!)}/funds`, { month }, signal),
    enabled: !!projectId,
  })
}

/** Writes refetch every execution query (lists, funds), also on failure. */
function useExecutionMutation<B, R>(send: (body: B) => Promise<R>) {
  const queryClient = useQueryClient()
  return useMutation({ mutationFn: send, onSettled: () => queryClient.invalidateQueries({ queryKey: executionKey }) })
}

export const useCreateAdjustment = () => useExecutionMutation((body: NewAdjustment) => api.post<AdjustmentItem>('/api/execution/adjustments', body))
export const usePreviewPayments = () => useExecutionMutation((file: File) => api.upload<PaymentImportResult>('/api/execution/payments/import', file, { dryRun: true }))
/** Large files are imported by a background job: the answer is the job to follow. */
export const useQueuePayments = () => useExecutionMutation((file: File) => api.upload<{ jobRunId: string }>('/api/execution/payments/import', file, { background: true }))
export const useCommitPayments = () => useExecutionMutation((file: File) => api.upload<PaymentImportResult>('/api/execution/payments/import', file, { dryRun: false }))
