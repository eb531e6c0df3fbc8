import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type Query, api } from '../../api/client'
import type {
  Department,
  Jurisdiction,
  JurisdictionLevel,
  OrgTreeNode,
  Paged,
  RecordStatus,
  Unit,
} from '../../api/types'

export type OrgResource = 'jurisdictions' | 'departments' | 'units'

interface OrgRows {
  jurisdictions: Jurisdiction
  departments: Department
  units: Unit
}

export interface OrgCreateBodies {
  jurisdictions: { code: string; name: string; level: JurisdictionLevel; parentCode?: string | null; financeBureauName: string }
  departments: { code: string; name: string; jurisdictionCode: string }
  units: { code: string; name: string; departmentCode: string }
}

export interface OrgPatchBodies {
  jurisdictions: { name?: string; financeBureauName?: string; status?: RecordStatus; version: number }
  departments: { name?: string; status?: RecordStatus; version: number }
  units: { name?: string; status?: RecordStatus; version: number }
}

export const orgListPath = (resource: OrgResource) => `/api/org/${resource}`

export function useOrgTree() {
  return useQuery({
    queryKey: ['org', 'tree'],
    queryFn: ({ signal }) => api.get<{ nodes: OrgTreeNode[] }>('/api/org/tree', undefined, signal).then((r) => r.nodes),
    staleTime: 5 * 60_000,
  })
}

export function useOrgList<R extends OrgResource>(resource: R, params: Query) {
  return useQuery({
    queryKey: ['org', resource, params],
    queryFn: ({ signal }) => api.get<Paged<OrgRows[R]>>(orgListPath(resource), params, signal),
    placeholderData: keepPreviousData,
  })
}

export function useCreateOrg<R extends OrgResource>(resource: R) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: OrgCreateBodies[R]) => api.post<OrgRows[R]>(orgListPath(resource), body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['org'] }),
  })
}

export function useUpdateOrg<R extends OrgResource>(resource: R) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ code, ...body }: OrgPatchBodies[R] & { code: string }) =>
      api.patch<OrgRows[R]>(`${orgListPath(resource)}/${encodeURIComponent(code)}`, body),
    // A conflict also means our copy is stale: refetch either way.
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['org'] }),
  })
}

/** Every node of the scope tree of one kind, for filter and parent selects. */
export function nodesOfKind(nodes: OrgTreeNode[] | undefined, kind: OrgTreeNode['kind']): OrgTreeNode[] {
  const found: OrgTreeNode[] = []
  const walk = (list: OrgTreeNode[]) => {
    for (const node of list) {
      if (node.kind === kind) found.push(node)
      walk(node.children)
    }
  }
  walk(nodes ?? [])
  return found
}
