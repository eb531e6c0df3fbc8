import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type Query, api } from '../../api/client'
import type { Paged } from '../../api/types'
import type { GoalStatus } from '../../../domain/goals'
import type { Light } from '../../../domain/lights'
import type { ProjectStatus } from '../../../domain/projects'
import type { Grade } from '../../../domain/rule-set'
import type { Explained } from '../../../domain/scoring'
import type { TransferRollUp } from '../../../domain/transfers'
import type {
  ImportPreview,
  Project,
  ProjectAttachment,
  ProjectHistoryEntry,
  ProjectInput,
} from './projects.types'

const projectsKey = ['projects'] as const
export const projectPath = (id: string) => `/api/projects/${encodeURIComponent(id)}`
export const attachmentPath = (projectId: string, attachmentId: string) =>
  `${projectPath(projectId)}/attachments/${encodeURIComponent(attachmentId)}`

export function useProjects(params: Query) {
  return useQuery({
    queryKey: [...projectsKey, 'list', params],
    queryFn: ({ signal }) => api.get<Paged<Project>>('/api/projects', params, signal),
    placeholderData: keepPreviousData,
  })
}

export function useProject(id: string | undefined) {
  return useQuery({
    queryKey: [...projectsKey, 'one', id],
    queryFn: ({ signal }) => api.get<Project>(projectPath(id!), undefined, signal),
    enabled: !!id,
  })
}

export function useProjectHistory(id: string) {
  return useQuery({
    queryKey: [...projectsKey, 'one', id, 'history'],
    queryFn: ({ signal }) =>
      api.get<{ items: ProjectHistoryEntry[] }>(`${projectPath(id)}/history`, undefined, signal).then((r) => r.items),
  })
}

export function useProjectAttachments(id: string) {
  return useQuery({
    queryKey: [...projectsKey, 'one', id, 'attachments'],
    queryFn: ({ signal }) =>
      api.get<{ items: ProjectAttachment[] }>(`${projectPath(id)}/attachments`, undefined, signal).then((r) => r.items),
  })
}

/** Every project write refetches what it may have changed, also on failure (a 409 means our copy is stale). */
function useProjectMutation<B, R>(send: (body: B) => Promise<R>) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: send,
    onSettled: () => queryClient.invalidateQueries({ queryKey: projectsKey }),
  })
}

export interface TransferShare {
  districtCode: string
  districtName: string
  amount: string
  /** The district's own project that receives the share (its sub-goal), and how far it got. */
  districtProject: { id: string; code: string; name: string } | null
  goalStatus: GoalStatus | null
  light: Light | null
  executed: string | null
  monitoredThrough: number | null
  score: string | null
  grade: Grade | null
}

export interface TransferAllocations {
  version: number
  updatedAt: string | null
  items: TransferShare[]
  rollUp: Explained<TransferRollUp>
  districts: { code: string; name: string }[]
}

/** GET /api/projects/:id/transfer-sources: what the bureau above allocated to this project's district. */
export interface TransferSources {
  receiving: string | null
  items: { sourceProjectId: string; sourceCode: string; sourceName: string; bureauName: string; amount: string; districtProjectId: string | null; districtProjectCode: string | null; districtProjectName: string | null; version: number }[]
}

export function useTransferSources(id: string) {
  return useQuery({
    queryKey: [...projectsKey, 'one', id, 'transfer-sources'],
    queryFn: ({ signal }) => api.get<TransferSources>(`${projectPath(id)}/transfer-sources`, undefined, signal),
  })
}

export const useLinkTransferSource = () =>
  useProjectMutation(({ projectId, ...body }: { projectId: string; sourceProjectId: string; version: number; link: boolean }) =>
    api.put<TransferSources>(`${projectPath(projectId)}/transfer-source`, body),
  )

export function useTransferAllocations(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...projectsKey, 'one', id, 'transfers'],
    queryFn: ({ signal }) => api.get<TransferAllocations>(`${projectPath(id)}/transfer-allocations`, undefined, signal),
    enabled,
  })
}

export const useSaveTransferAllocations = () =>
  useProjectMutation(({ projectId, ...body }: { projectId: string; version: number; items: { districtCode: string; amount: string }[] }) =>
    api.put<TransferAllocations>(`${projectPath(projectId)}/transfer-allocations`, body),
  )

export const useCreateProject = () => useProjectMutation((body: ProjectInput) => api.post<Project>('/api/projects', body))

export const useUpdateProject = () =>
  useProjectMutation(({ id, ...body }: Partial<ProjectInput> & { id: string; version: number }) =>
    api.patch<Project>(projectPath(id), body),
  )

export function useDeleteProject() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) => api.delete<void>(projectPath(id), { version }),
    // Drop the deleted project's own queries first, or refetching them would answer 404 on the way out.
    onSuccess: (_, { id }) => queryClient.removeQueries({ queryKey: [...projectsKey, 'one', id] }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: projectsKey }),
  })
}

export const useMoveProject = () =>
  useProjectMutation(({ id, ...body }: { id: string; status: ProjectStatus; version: number; opinion?: string }) =>
    api.post<Project>(`${projectPath(id)}/status`, body),
  )

export const useUploadAttachment = () =>
  useProjectMutation(({ projectId, file }: { projectId: string; file: File }) =>
    api.upload<ProjectAttachment>(`${projectPath(projectId)}/attachments`, file),
  )

export const useDeleteAttachment = () =>
  useProjectMutation(({ projectId, attachmentId }: { projectId: string; attachmentId: string }) =>
    api.delete<void>(attachmentPath(projectId, attachmentId)),
  )

/** Reads the file and reports what an import would do; nothing is written. */
export const usePreviewImport = () =>
  useMutation({
    mutationFn: (file: File) => api.upload<ImportPreview>('/api/projects/import', file, { dryRun: true }),
  })

/** Stores the file and queues the projects.import job that writes every row in one go, or nothing; progress at /api/jobs/:id. */
export const useQueueImport = () => useProjectMutation((file: File) => api.upload<{ jobRunId: string }>('/api/projects/import', file, { background: true }))
