import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { type Query, api } from '../../api/client'
import type { AuditEntry, Paged } from '../../api/types'

export function useAuditEntries(params: Query) {
  return useQuery({
    queryKey: ['audit', params],
    queryFn: ({ signal }) => api.get<Paged<AuditEntry>>('/api/audit', params, signal),
    placeholderData: keepPreviousData,
  })
}
