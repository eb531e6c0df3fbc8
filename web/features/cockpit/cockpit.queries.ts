import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api } from '../../api/client'
import type { DepartmentProjects, Rollup, RuleDifferences } from './cockpit.types'

const key = ['cockpit'] as const

/** `refetchInterval` (ms) keeps a wall screen current; the server reads its summary table, so polling is cheap. */
export const useRollup = (fiscalYear: number, jurisdictionCode?: string, refetchInterval?: number) =>
  useQuery({
    queryKey: [...key, 'rollup', fiscalYear, jurisdictionCode ?? null],
    queryFn: ({ signal }) => api.get<Rollup>('/api/cockpit/rollup', { fiscalYear, jurisdictionCode }, signal),
    placeholderData: keepPreviousData,
    refetchInterval,
  })

export const useDepartments = (fiscalYear: number, jurisdictionCode: string | undefined) =>
  useQuery({
    queryKey: [...key, 'departments', fiscalYear, jurisdictionCode],
    queryFn: ({ signal }) => api.get<Rollup>(`/api/cockpit/jurisdictions/${encodeURIComponent(jurisdictionCode!)}/departments`, { fiscalYear }, signal),
    enabled: !!jurisdictionCode,
  })

export const useDepartmentProjects = (fiscalYear: number, departmentCode: string | undefined) =>
  useQuery({
    queryKey: [...key, 'projects', fiscalYear, departmentCode],
    queryFn: ({ signal }) => api.get<DepartmentProjects>(`/api/cockpit/departments/${encodeURIComponent(departmentCode!)}/projects`, { fiscalYear }, signal),
    enabled: !!departmentCode,
  })

export const useRuleDifferences = (fiscalYear: number, jurisdictionCode?: string) =>
  useQuery({
    queryKey: [...key, 'rules', fiscalYear, jurisdictionCode ?? null],
    queryFn: ({ signal }) => api.get<RuleDifferences>('/api/cockpit/rule-differences', { fiscalYear, jurisdictionCode }, signal),
  })

export function useRefresh() {
  const client = useQueryClient()
  return {
    start: useMutation({ mutationFn: (body: { fiscalYear: number; jurisdictionCode?: string }) => api.post<{ jobRunId: string }>('/api/cockpit/refresh', body) }),
    done: () => client.invalidateQueries({ queryKey: key }),
  }
}
