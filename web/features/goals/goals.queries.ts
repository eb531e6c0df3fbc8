import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type Query, api } from '../../api/client'
import type { Paged } from '../../api/types'
import { useCan } from '../auth/CurrentUser'
import type {
  BatchAction,
  BatchResult,
  ContentBody,
  CreateGoalBody,
  ExpertCandidate,
  ExpertReviewBody,
  GoalDetail,
  GoalImportPreview,
  GoalImportResult,
  GoalListItem,
  GoalView,
  PeerTargets,
  ReviewBody,
  SimpleAction,
} from './goals.types'

const goalsKey = ['goals'] as const
export const goalPath = (id: string) => `/api/goals/${encodeURIComponent(id)}`
/** 绩效目标申报表 of one goal, and of every project goal a department has for a year. */
export const declarationUrl = (id: string) => `${goalPath(id)}/declaration.xlsx`
export const DECLARATIONS_URL = '/api/goals/declarations.zip'
export const IMPORT_TEMPLATE_URL = '/api/goals/import-template'

// Goals move between people (a unit submits, a department returns): what others did shows on every visit.
const fresh = { staleTime: 0 }

/** Unsorted, a list shows the latest changes first (the server's own default is oldest first). */
export function useGoals(params: Query) {
  const query = params.sort ? params : { ...params, sort: 'updatedAt', order: 'desc' }
  return useQuery({
    queryKey: [...goalsKey, 'list', query],
    queryFn: ({ signal }) => api.get<Paged<GoalListItem>>('/api/goals', query, signal),
    placeholderData: keepPreviousData,
    ...fresh,
  })
}

export function useGoal(id: string | undefined) {
  return useQuery({
    queryKey: [...goalsKey, 'one', id],
    queryFn: ({ signal }) => api.get<GoalDetail>(goalPath(id!), undefined, signal),
    enabled: !!id,
    ...fresh,
  })
}

/** The version of a project's goal in force now (approved or published), or null. */
export function useGoalInForce(projectId: string) {
  return useQuery({
    queryKey: [...goalsKey, 'in-force', projectId],
    queryFn: ({ signal }) => api.get<{ goal: GoalView | null }>('/api/goals/in-force', { projectId }, signal).then((r) => r.goal),
    ...fresh,
  })
}

/** What similar approved goals set for these library indicators (median and range), by code; never the goal's own lineage. */
export function usePeerTargets(codes: string[], fiscalYear: number | undefined, excludeLineageId?: string) {
  // Experts read a goal assigned to them but not the goals it would be compared with.
  const allowed = useCan('goal.read')
  const sorted = [...new Set(codes)].sort()
  return useQuery({
    queryKey: [...goalsKey, 'peers', sorted, fiscalYear ?? null, excludeLineageId ?? null],
    queryFn: ({ signal }) =>
      api
        .get<{ items: PeerTargets[] }>('/api/goals/peer-targets', { codes: sorted.join(','), fiscalYear, excludeLineageId }, signal)
        .then((r) => new Map(r.items.map((p) => [p.indicatorCode, p]))),
    enabled: allowed && sorted.length > 0,
    staleTime: 60_000,
  })
}

/** The experts the bureau may assign: the active experts of its jurisdiction (the ex-ante assessor list). */
export function useExpertCandidates(enabled: boolean) {
  return useQuery({
    queryKey: [...goalsKey, 'experts'],
    queryFn: ({ signal }) =>
      api
        .get<{ items: ExpertCandidate[] }>('/api/exante/assessors', undefined, signal)
        .then((r) => r.items.filter((u) => u.roles.includes('expert'))),
    enabled,
  })
}

/** Every goal write refetches the goals, also on failure (a 409 means our copy is stale). */
function useGoalMutation<B, R>(send: (body: B) => Promise<R>) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: send,
    onSettled: () => queryClient.invalidateQueries({ queryKey: goalsKey }),
  })
}

export const useCreateGoal = () => useGoalMutation((body: CreateGoalBody) => api.post<GoalView>('/api/goals', body))

export const useUpdateGoal = () =>
  useGoalMutation(({ id, ...body }: ContentBody & { id: string; version: number }) => api.put<GoalView>(goalPath(id), body))

/** An approved goal is never edited: the change is a new draft revision with the reason. */
export const useAdjustGoal = () =>
  useGoalMutation(({ id, ...body }: ContentBody & { id: string; version: number; reason: string }) =>
    api.post<GoalView>(`${goalPath(id)}/adjust`, body),
  )

export function useDeleteGoal() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) => api.delete<void>(goalPath(id), { version }),
    onSuccess: (_, { id }) => queryClient.removeQueries({ queryKey: [...goalsKey, 'one', id] }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: goalsKey }),
  })
}

export const useGoalAction = () =>
  useGoalMutation(({ id, action, ...body }: { id: string; action: SimpleAction; version: number; opinion?: string }) =>
    api.post<GoalView>(`${goalPath(id)}/${action.replace('_', '-')}`, body),
  )

export const useReviewGoal = () =>
  useGoalMutation(({ id, ...body }: ReviewBody & { id: string }) => api.post<GoalView>(`${goalPath(id)}/review`, body))

export const useAssignExperts = () =>
  useGoalMutation(({ id, ...body }: { id: string; version: number; expertIds: string[] }) =>
    api.post<GoalView>(`${goalPath(id)}/experts`, body),
  )

export const useSubmitExpertReview = () =>
  useGoalMutation(({ id, ...body }: ExpertReviewBody & { id: string }) => api.post<GoalView>(`${goalPath(id)}/expert-review`, body))

export const useBatchGoals = () =>
  useGoalMutation((body: { action: BatchAction; items: { id: string; version: number }[]; opinion: string }) =>
    api.post<BatchResult>('/api/goals/batch', body),
  )

/** Reads a 申报表 file and reports what importing it would create; nothing is written. */
export const usePreviewGoalImport = () =>
  useMutation({ mutationFn: (file: File) => api.upload<GoalImportPreview>('/api/goals/import', file, { dryRun: true }) })

/** Creates every sheet's goal as a draft, or nothing (422 IMPORT_INVALID with the sheet errors). */
export const useCommitGoalImport = () =>
  useGoalMutation((file: File) => api.upload<GoalImportResult>('/api/goals/import', file, { dryRun: false }))
