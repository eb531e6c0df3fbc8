import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query'
import { type Query, api, apiUrl } from '../../api/client'
import type { Paged } from '../../api/types'
import type { NpcBundleStarted, NpcPackageRow } from './npc.types'

export const useNpcPackages = (params: Query) =>
  useQuery({ queryKey: ['npc', 'packages', params], queryFn: ({ signal }) => api.get<Paged<NpcPackageRow>>('/api/npc/packages', params, signal), placeholderData: keepPreviousData })

export const useStartBundle = () => useMutation({ mutationFn: (body: { fiscalYear: number; jurisdictionCode?: string; pdf: boolean }) => api.post<NpcBundleStarted>('/api/npc/bundles', body) })

export const packageUrl = (departmentCode: string, fiscalYear: number, format: 'docx' | 'pdf' = 'docx') => apiUrl(`/api/npc/packages/${encodeURIComponent(departmentCode)}/${fiscalYear}.${format}`)
export const bundleUrl = (jobRunId: string) => apiUrl(`/api/npc/bundles/${encodeURIComponent(jobRunId)}.zip`)
