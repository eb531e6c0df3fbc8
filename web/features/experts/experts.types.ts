import type { ExpertAvoidanceReason } from '../../../domain/evaluation'

/** The API's shapes (server/modules/experts). */
export interface ExpertListItem {
  id: string
  jurisdictionCode: string
  name: string
  fields: string[]
  affiliationCode: string | null
  affiliationName: string | null
  affiliation: string
  title: string
  phone: string
  active: boolean
  userId: string | null
  version: number
}

export interface Expert extends ExpertListItem {
  relations: { id: string; orgCode: string; orgName: string; relation: string }[]
  draws: { id: string; drawnAt: string; keyEvaluationId: string; keyEvaluationName: string }[]
}

export interface ExpertInput {
  name: string
  fields: string[]
  affiliation?: string
  affiliationCode?: string | null
  title?: string
  phone?: string
  active?: boolean
}

export type ExpertFilters = { q?: string; field?: string; active?: 'true' | 'false' }

export interface DrawCandidate {
  id: string
  name: string
  affiliation: string
  fields: string[]
  reasons: ExpertAvoidanceReason[]
}

export interface Spread {
  min: string | null
  max: string | null
  spread: string | null
  flagged: boolean
}

export interface ScoreSheet {
  expertId: string
  name: string
  affiliation: string
  title: string
  id: string | null
  scores: Record<string, string>
  total: string | null
  comment: string
  submittedAt: string | null
  version: number
  mine: boolean
}

export interface DrawListItem {
  id: string
  keyEvaluationId: string
  keyEvaluationName: string
  seed: string
  criteria: { count: number; fields: string[]; cooldownMonths: number; shortfall?: number }
  drawnIds: string[]
  drawn: { id: string; name: string }[]
  drawnByName: string | null
  drawnAt: string
}

export interface Draw extends Omit<DrawListItem, 'drawn'> {
  candidates: DrawCandidate[]
  drawn: { id: string; name: string; affiliation: string; title: string }[]
  sheets: ScoreSheet[]
  spread: { threshold: string; total: Spread | null; byIndicator: (Spread & { code: string })[] }
}

export interface DrawRequest {
  keyEvaluationId: string
  count: number
  fields?: string[]
  seed?: string
}
