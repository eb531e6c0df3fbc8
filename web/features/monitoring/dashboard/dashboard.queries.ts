import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { api, apiUrl } from '../../../api/client'
import type { Dashboard, Drill } from './dashboard.types'

export function useMonitoringDashboard(params: { roundId?: string; fiscalYear: number }) {
  const query = params.roundId ? { roundId: params.roundId } : { fiscalYear: params.fiscalYear }
  return useQuery({
    queryKey: ['monitoring', 'dashboard', query],
    queryFn: ({ signal }) => api.get<Dashboard>('/api/monitoring/dashboard', query, signal),
    placeholderData: keepPreviousData,
  })
}

/** The forms list filtered to the forms behind a figure. */
export function drillPath(drill: Drill): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(drill)) if (value !== undefined) params.set(key, String(value))
  return `/monitoring/forms?${params}`
}

export const reportUrl = (roundId: string, departmentCode?: string) => apiUrl('/api/monitoring/report.docx', { roundId, departmentCode })
export const exportUrl = (roundId: string, departmentCode?: string) => apiUrl('/api/monitoring/export.xlsx', { roundId, departmentCode })
