import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { api } from '../../../api/client'
import type { EvaluationDashboard } from './dashboard.types'

export function useEvaluationDashboard(fiscalYear: number) {
  return useQuery({
    queryKey: ['evaluation', 'dashboard', fiscalYear],
    queryFn: ({ signal }) => api.get<EvaluationDashboard>('/api/evaluation/dashboard', { fiscalYear }, signal),
    placeholderData: keepPreviousData,
  })
}

/** The 自评表 list filtered to the forms behind a figure. */
export function selfListPath(filters: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(filters)) if (value !== undefined && key !== 'jurisdictionCode') params.set(key, String(value))
  return `/evaluation/self?${params}`
}
