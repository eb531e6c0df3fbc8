import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type Query, api } from '../../../api/client'
import type { Paged } from '../../../api/types'
import type { KeyEvaluation, KeyListItem, SelectionProposal, SurveyImportResult } from './key.types'

const keyEvaluationsKey = ['evaluation-key'] as const
export const keyPath = (id: string) => `/api/evaluation/key/${encodeURIComponent(id)}`

export function useKeyList(params: Query) {
  return useQuery({
    queryKey: [...keyEvaluationsKey, 'list', params],
    queryFn: ({ signal }) => api.get<Paged<KeyListItem>>('/api/evaluation/key', params, signal),
    placeholderData: keepPreviousData,
  })
}

export function useKeyEvaluation(id: string | undefined) {
  return useQuery({
    queryKey: [...keyEvaluationsKey, 'one', id],
    queryFn: ({ signal }) => api.get<KeyEvaluation>(keyPath(id!), undefined, signal),
    enabled: !!id,
  })
}

export function useSelection(params: { fiscalYear: number; sampleSize: number; seed?: string } | null) {
  return useQuery({
    queryKey: [...keyEvaluationsKey, 'selection', params],
    queryFn: ({ signal }) => api.get<SelectionProposal>('/api/evaluation/key/selection', params ?? undefined, signal),
    enabled: !!params,
  })
}

/** Engagements and expert draws of the evaluation, from the agencies module: nothing (or 404) is an empty list. */
export function useLinked<T>(path: string, keyEvaluationId: string) {
  return useQuery({
    queryKey: ['evaluation-key-linked', path, keyEvaluationId],
    queryFn: ({ signal }) =>
      api
        .get<{ items: T[] } | T[]>(path, { keyEvaluationId }, signal)
        .then((r) => (Array.isArray(r) ? r : (r?.items ?? [])))
        .catch(() => [] as T[]),
    retry: false,
  })
}

function useKeyMutation<B, R>(send: (body: B) => Promise<R>) {
  const queryClient = useQueryClient()
  return useMutation({ mutationFn: send, onSettled: () => queryClient.invalidateQueries({ queryKey: keyEvaluationsKey }) })
}

type Versioned = { id: string; version: number }
export const useCreateKey = () => useKeyMutation((body: Record<string, unknown>) => api.post<KeyEvaluation>('/api/evaluation/key', body))
export const useSavePlan = () => useKeyMutation(({ id, ...body }: Versioned & Record<string, unknown>) => api.put<KeyEvaluation>(`${keyPath(id)}/plan`, body))
export const useSaveFramework = () => useKeyMutation(({ id, ...body }: Versioned & { lines: unknown[] }) => api.put<KeyEvaluation>(`${keyPath(id)}/framework`, body))
export const useMoveStage = () => useKeyMutation(({ id, ...body }: Versioned & { stage: string }) => api.post<KeyEvaluation>(`${keyPath(id)}/stage`, body))
export const useExchange = () => useKeyMutation(({ id, ...body }: Versioned & { opinion: string }) => api.post<KeyEvaluation>(`${keyPath(id)}/exchange`, body))
export const useAddFieldwork = () => useKeyMutation(({ id, ...body }: { id: string; visitedOn: string; place: string; people: string; notes: string }) => api.post(`${keyPath(id)}/fieldwork`, body))
export const useUploadEvidence = () => useKeyMutation(({ id, lineId, file }: { id: string; lineId: string; file: File }) => api.upload(`${keyPath(id)}/lines/${encodeURIComponent(lineId)}/evidence`, file))
export const useSaveSurvey = () => useKeyMutation(({ id, ...body }: { id: string; title: string; questions: string[]; target: string }) => api.put(`${keyPath(id)}/survey`, body))
export const useImportSurvey = () =>
  useKeyMutation(({ id, file, dryRun }: { id: string; file: File; dryRun: boolean }) => api.upload<SurveyImportResult>(`${keyPath(id)}/survey/import`, file, { dryRun: String(dryRun) }))
