import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type Query, api } from '../../api/client'
import type { Paged } from '../../api/types'
import type {
  CreateIndicatorBody,
  IndicatorDetail,
  IndicatorFacets,
  IndicatorRow,
  Recommendation,
  RecommendQuery,
  ReviseIndicatorBody,
} from './indicators.types'

const indicatorsKey = ['indicators'] as const
export const indicatorPath = (id: string) => `/api/indicators/${encodeURIComponent(id)}`

export function useIndicators(params: Query) {
  return useQuery({
    queryKey: [...indicatorsKey, 'list', params],
    queryFn: ({ signal }) => api.get<Paged<IndicatorRow>>('/api/indicators', params, signal),
    placeholderData: keepPreviousData,
  })
}

export function useIndicatorFacets(year?: number) {
  return useQuery({
    queryKey: [...indicatorsKey, 'facets', year ?? null],
    queryFn: ({ signal }) => api.get<IndicatorFacets>('/api/indicators/facets', { year }, signal),
  })
}

export function useIndicator(id: string | undefined) {
  return useQuery({
    queryKey: [...indicatorsKey, 'one', id],
    queryFn: ({ signal }) => api.get<IndicatorDetail>(indicatorPath(id!), undefined, signal),
    enabled: !!id,
  })
}

/** Suggestions for a project or a free text; nothing is asked until one of them is given. */
export function useRecommendation(query: RecommendQuery) {
  const ready = !!query.projectId || (query.text?.trim().length ?? 0) >= 2
  return useQuery({
    queryKey: [...indicatorsKey, 'recommend', query],
    queryFn: ({ signal }) => api.get<Recommendation>('/api/indicators/recommend', query, signal),
    enabled: ready,
  })
}

/** Every write refetches the library, also on failure (a 409 means our copy is stale). */
function useIndicatorMutation<B, R>(send: (body: B) => Promise<R>) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: send,
    onSettled: () => queryClient.invalidateQueries({ queryKey: indicatorsKey }),
  })
}

export const useCreateIndicator = () =>
  useIndicatorMutation((body: CreateIndicatorBody) => api.post<IndicatorDetail>('/api/indicators', body))

/** A revision answers with the new revision's row (a new id). */
export const useReviseIndicator = () =>
  useIndicatorMutation(({ id, ...body }: ReviseIndicatorBody & { id: string }) =>
    api.post<IndicatorDetail>(`${indicatorPath(id)}/revise`, body),
  )

export type IndicatorDecision = 'confirm' | 'reject' | 'retire'

export const useDecideIndicator = () =>
  useIndicatorMutation(({ id, decision, ...body }: { id: string; decision: IndicatorDecision; version: number; opinion: string }) =>
    api.post<IndicatorDetail>(`${indicatorPath(id)}/${decision}`, body),
  )

/** Confirms several proposals one after the other; reports which ones failed instead of stopping at the first. */
export function useConfirmMany() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: async (rows: Pick<IndicatorRow, 'id' | 'name' | 'version'>[]) => {
      const failed: { name: string; error: unknown }[] = []
      for (const row of rows) {
        try {
          await api.post(`${indicatorPath(row.id)}/confirm`, { version: row.version, opinion: '' })
        } catch (error) {
          failed.push({ name: row.name, error })
        }
      }
      return { confirmed: rows.length - failed.length, failed }
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: indicatorsKey }),
  })
}
