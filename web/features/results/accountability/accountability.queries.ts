import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { InterviewSourceType } from '../../../../domain/interviews'
import { type Query, api } from '../../../api/client'
import type { Paged } from '../../../api/types'
import type { Accountability, Interview } from './accountability.types'

const interviewKey = ['interviews'] as const
const accountabilityKey = ['accountability'] as const

export function useInterviews(params: Query) {
  return useQuery({ queryKey: [...interviewKey, params], queryFn: ({ signal }) => api.get<Paged<Interview>>('/api/interviews', params, signal), placeholderData: keepPreviousData })
}

export function useAccountabilityList(params: Query) {
  return useQuery({ queryKey: [...accountabilityKey, params], queryFn: ({ signal }) => api.get<Paged<Accountability>>('/api/accountability', params, signal), placeholderData: keepPreviousData })
}

function useWrite<B, R>(key: readonly string[], send: (body: B) => Promise<R>) {
  const queryClient = useQueryClient()
  return useMutation({ mutationFn: send, onSettled: () => queryClient.invalidateQueries({ queryKey: key }) })
}

export type InterviewValues = { orgCode: string; personTitle: string; interviewedOn: string; interviewer: string; reason: string; sourceType: InterviewSourceType; sourceId: string; projectId?: string; outcome?: string }
export type AccountabilityValues = { projectId: string; incident: string; lossAmount: string; measures: string; decidedOn: string; decidedBy: string }

const path = (base: string, id: string) => `${base}/${encodeURIComponent(id)}`

export const useCreateInterview = () => useWrite(interviewKey, (body: InterviewValues) => api.post<Interview>('/api/interviews', body))
export const useUpdateInterview = () => useWrite(interviewKey, ({ id, ...body }: Partial<InterviewValues> & { id: string; version: number }) => api.patch<Interview>(path('/api/interviews', id), body))
export const useDeleteInterview = () => useWrite(interviewKey, ({ id, version }: { id: string; version: number }) => api.delete<void>(path('/api/interviews', id), { version }))
export const useCreateAccountability = () => useWrite(accountabilityKey, (body: AccountabilityValues) => api.post<Accountability>('/api/accountability', body))
export const useUpdateAccountability = () => useWrite(accountabilityKey, ({ id, ...body }: Partial<AccountabilityValues> & { id: string; version: number }) => api.patch<Accountability>(path('/api/accountability', id), body))
export const useDeleteAccountability = () => useWrite(accountabilityKey, ({ id, version }: { id: string; version: number }) => api.delete<void>(path('/api/accountability', id), { version }))

/** Options for the source of a 约谈: the rounds, key evaluations, 考核 and projects the caller sees. */
export function useSourceOptions(type: InterviewSourceType | undefined, q: string) {
  return useQuery({
    queryKey: ['interview-sources', type, q],
    enabled: !!type,
    queryFn: async ({ signal }) => {
      const list = async <T,>(url: string, params: Query) => (await api.get<Paged<T>>(url, { pageSize: 50, ...params }, signal)).items
      switch (type) {
        case 'self_round':
          return (await list<{ id: string; name: string }>('/api/evaluation/self-rounds', {})).map((r) => ({ value: r.id, label: r.name }))
        case 'monitoring_round':
          return (await list<{ id: string; name: string }>('/api/monitoring/rounds', {})).map((r) => ({ value: r.id, label: r.name }))
        case 'key_evaluation':
          return (await list<{ id: string; name: string }>('/api/evaluation/key', {})).map((r) => ({ value: r.id, label: r.name }))
        case 'assessment':
          return (await list<{ id: string; orgName: string; fiscalYear: number; grade: string | null }>('/api/assessments', {})).map((r) => ({ value: r.id, label: `${r.fiscalYear} ${r.orgName}${r.grade ? `（${r.grade}）` : ''}` }))
        default:
          return (await list<{ id: string; name: string; code: string }>('/api/projects', { q: q || undefined })).map((r) => ({ value: r.id, label: `${r.name}（${r.code}）` }))
      }
    },
  })
}

/** Projects for the 问责 form, searched by name or code. */
export function useProjectOptions(q: string) {
  return useQuery({
    queryKey: ['accountability-projects', q],
    queryFn: async ({ signal }) => (await api.get<Paged<{ id: string; name: string; code: string }>>('/api/projects', { pageSize: 50, q: q || undefined }, signal)).items.map((r) => ({ value: r.id, label: `${r.name}（${r.code}）` })),
  })
}
