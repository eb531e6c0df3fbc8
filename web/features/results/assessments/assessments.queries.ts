import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type Query, api } from '../../../api/client'
import type { Paged } from '../../../api/types'
import type { Assessment, AssessmentDetail } from './assessments.types'

const key = ['assessments'] as const

export function useAssessments(params: Query) {
  return useQuery({
    queryKey: [...key, 'list', params],
    queryFn: ({ signal }) => api.get<Paged<Assessment>>('/api/assessments', params, signal),
    placeholderData: keepPreviousData,
  })
}

export function useAssessment(id: string | undefined) {
  return useQuery({
    queryKey: [...key, 'one', id],
    queryFn: ({ signal }) => api.get<AssessmentDetail>(`/api/assessments/${encodeURIComponent(id ?? '')}`, undefined, signal),
    enabled: !!id,
  })
}

function useAssessmentMutation<B, R>(send: (body: B) => Promise<R>) {
  const queryClient = useQueryClient()
  return useMutation({ mutationFn: send, onSettled: () => queryClient.invalidateQueries({ queryKey: key }) })
}

const path = (id: string, action: string) => `/api/assessments/${encodeURIComponent(id)}/${action}`

export const useOpenAssessments = () =>
  useAssessmentMutation((body: { fiscalYear: number }) => api.post<{ fiscalYear: number; dueOn: string; created: number; existing: number }>('/api/assessments/open', body))
export const usePublishAssessments = () => useAssessmentMutation((body: { fiscalYear: number }) => api.post<{ fiscalYear: number; published: number }>('/api/assessments/publish', body))
export const useSaveSelfAssessment = () =>
  useAssessmentMutation(({ id, ...body }: { id: string; version: number; items: { code: string; score?: string | null; note?: string }[] }) => api.put<AssessmentDetail>(path(id, 'self'), body))
export const useSubmitSelfAssessment = () => useAssessmentMutation(({ id, ...body }: { id: string; version: number }) => api.post<AssessmentDetail>(path(id, 'submit'), body))
export const useReviewAssessment = () =>
  useAssessmentMutation(({ id, ...body }: { id: string; version: number; items: { code: string; score: string; opinion: string }[] }) => api.post<AssessmentDetail>(path(id, 'review'), body))
