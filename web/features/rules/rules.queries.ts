import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api } from '../../api/client'
import type {
  CreateFrameworkBody,
  FrameworkDetail,
  FrameworkSummary,
  RuleSetRevision,
  RuleSetView,
  SaveRuleSetBody,
  UpdateFrameworkBody,
} from './rules.types'

const ruleSetsKey = ['rule-sets'] as const
const frameworksKey = ['frameworks'] as const

export const ruleSetPath = (jurisdictionCode: string, fiscalYear: number) =>
  `/api/rule-sets/${encodeURIComponent(jurisdictionCode)}/${fiscalYear}`
const frameworkPath = (code: string) => `/api/frameworks/${encodeURIComponent(code)}`

/** The rules of a jurisdiction and year; `asOf` (ISO) gives them as they stood at that moment. */
export function useRuleSet(jurisdictionCode: string | undefined, fiscalYear: number, asOf?: string) {
  return useQuery({
    queryKey: [...ruleSetsKey, jurisdictionCode, fiscalYear, asOf ?? null],
    queryFn: ({ signal }) => api.get<RuleSetView>(ruleSetPath(jurisdictionCode!, fiscalYear), { asOf }, signal),
    enabled: !!jurisdictionCode,
    placeholderData: keepPreviousData,
  })
}

export function useRuleSetRevisions(jurisdictionCode: string, fiscalYear: number, enabled: boolean) {
  return useQuery({
    queryKey: [...ruleSetsKey, jurisdictionCode, fiscalYear, 'revisions'],
    queryFn: ({ signal }) =>
      api.get<{ items: RuleSetRevision[] }>(`${ruleSetPath(jurisdictionCode, fiscalYear)}/revisions`, undefined, signal).then((r) => r.items),
    enabled,
  })
}

export function useSaveRuleSet(jurisdictionCode: string, fiscalYear: number) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: SaveRuleSetBody) => api.put<RuleSetView>(ruleSetPath(jurisdictionCode, fiscalYear), body),
    // Districts below inherit what was saved, and a conflict means our copy is stale: refetch every rule set.
    onSettled: () => queryClient.invalidateQueries({ queryKey: ruleSetsKey }),
  })
}

export function useFrameworks() {
  return useQuery({
    queryKey: [...frameworksKey, 'list'],
    queryFn: ({ signal }) => api.get<{ items: FrameworkSummary[] }>('/api/frameworks', undefined, signal).then((r) => r.items),
    staleTime: 60_000,
  })
}

export function useFramework(code: string | undefined) {
  return useQuery({
    queryKey: [...frameworksKey, 'one', code],
    queryFn: ({ signal }) => api.get<FrameworkDetail>(frameworkPath(code!), undefined, signal),
    enabled: !!code,
  })
}

export function useCreateFramework() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: CreateFrameworkBody) => api.post<FrameworkDetail>('/api/frameworks', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: frameworksKey }),
  })
}

export function useSaveFramework(code: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: UpdateFrameworkBody) => api.put<FrameworkDetail>(frameworkPath(code), body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: frameworksKey }),
  })
}
