import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type Query, api } from '../../api/client'
import type { Paged } from '../../api/types'
import type { Agency, AgencyInput, AgencyListItem, Engagement, EngagementInput, Independence, KeyEvaluationOption } from './agencies.types'

const key = ['agencies'] as const
export const agencyPath = (id: string) => `/api/agencies/${encodeURIComponent(id)}`
const engagementPath = (id: string) => `/api/agencies/engagements/${encodeURIComponent(id)}`

export function useAgencyList(params: Query, enabled = true) {
  return useQuery({ queryKey: [...key, 'list', params], queryFn: ({ signal }) => api.get<Paged<AgencyListItem>>('/api/agencies', params, signal), placeholderData: keepPreviousData, enabled })
}

export function useAgency(id: string | undefined) {
  return useQuery({ queryKey: [...key, 'one', id], queryFn: ({ signal }) => api.get<Agency>(agencyPath(id!), undefined, signal), enabled: !!id })
}

export function useEngagementList(params: Query) {
  return useQuery({ queryKey: [...key, 'engagements', params], queryFn: ({ signal }) => api.get<Paged<Engagement>>('/api/agencies/engagements', params, signal), placeholderData: keepPreviousData })
}

/** Key evaluations to engage an agency or draw experts for: keyeval's list, in the user's scope. */
export function useKeyEvaluationOptions(enabled: boolean) {
  return useQuery({
    queryKey: ['evaluation', 'key', 'options'],
    queryFn: ({ signal }) => api.get<Paged<KeyEvaluationOption>>('/api/evaluation/key', { pageSize: 200 }, signal).then((r) => r.items),
    enabled,
    retry: false,
  })
}

export function checkIndependence(agencyId: string, keyEvaluationId: string) {
  return api.get<Independence>(`${agencyPath(agencyId)}/independence`, { keyEvaluationId })
}

function useAgencyMutation<B, R>(send: (body: B) => Promise<R>) {
  const queryClient = useQueryClient()
  // A key evaluation's page lists its engagements too.
  return useMutation({ mutationFn: send, onSettled: () => Promise.all([queryClient.invalidateQueries({ queryKey: key }), queryClient.invalidateQueries({ queryKey: ['evaluation-key-linked'] })]) })
}

export const useCreateAgency = () => useAgencyMutation((body: AgencyInput) => api.post<Agency>('/api/agencies', body))
export const useUpdateAgency = () => useAgencyMutation(({ id, ...body }: Partial<AgencyInput> & { id: string; version: number }) => api.patch<Agency>(agencyPath(id), body))
export const useAddRelation = () => useAgencyMutation(({ id, ...body }: { id: string; orgCode: string; relation: string }) => api.post<Agency>(`${agencyPath(id)}/relations`, body))
export const useRemoveRelation = () => useAgencyMutation(({ id, relationId }: { id: string; relationId: string }) => api.delete<void>(`${agencyPath(id)}/relations/${encodeURIComponent(relationId)}`))
export const useAddViolation = () =>
  useAgencyMutation(({ id, ...body }: { id: string; occurredOn: string; severity: 'major' | 'minor'; description: string }) => api.post<Agency>(`${agencyPath(id)}/violations`, body))
export const useEngage = () => useAgencyMutation(({ agencyId, ...body }: EngagementInput & { agencyId: string }) => api.post<Engagement>(`${agencyPath(agencyId)}/engagements`, body))
export const useUpdateEngagement = () =>
  useAgencyMutation(({ id, ...body }: { id: string; version: number; status?: string; subcontracted?: boolean; subcontractNote?: string }) => api.patch<Engagement>(engagementPath(id), body))
export const useRateEngagement = () => useAgencyMutation(({ id, ...body }: { id: string; version: number; rating: number; comment: string }) => api.post<Engagement>(`${engagementPath(id)}/rating`, body))
