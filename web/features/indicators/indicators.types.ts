// Shapes of the indicator library API (server/modules/indicators), as the web uses them.
import type {
  CostKind,
  IndicatorContent,
  IndicatorNature,
  IndicatorScope,
  IndicatorStatus,
  Level1,
  Level2,
  ProjectKind,
  Sector,
  ValueBasis,
} from '../../../domain/indicators'

/** One row of the library list (one revision of an indicator). */
export interface IndicatorRow extends Pick<IndicatorContent, 'name' | 'level1' | 'level2' | 'nature' | 'unit' | 'sectors' | 'projectKinds' | 'scope'> {
  id: string
  code: string
  revision: number
  costKind: CostKind | null
  exampleTarget: string | null
  status: IndicatorStatus
  ownerJurisdictionCode: string | null
  validFromYear: number
  validToYear: number | null
  version: number
  updatedAt: string
  /** BM25 score, only when the list was searched. */
  score?: number
  /** The query words this row matched, only when the list was searched. */
  matched?: string[]
}

export interface IndicatorRevision {
  id: string
  revision: number
  status: IndicatorStatus
  changeNote: string | null
  name: string
  createdAt: string
  reviewedAt: string | null
}

export interface IndicatorDetail extends IndicatorRow {
  definition: string
  formula: string
  dataSource: string
  valueBasis: ValueBasis
  scoringRule: string
  proposedBy: string | null
  proposedOrgCode: string | null
  proposalReason: string | null
  reviewOpinion: string | null
  reviewedBy: string | null
  reviewedAt: string | null
  changeNote: string | null
  createdAt: string
  /** The owner's name; null for shared (national) indicators. */
  ownerJurisdictionName: string | null
  proposedByName: string | null
  reviewedByName: string | null
  /** Every revision of the code the user may see, newest first. */
  revisions: IndicatorRevision[]
}

/** The content a new indicator or a revision sends: the domain's content, with the optional fields explicit. */
export interface IndicatorContentBody extends Omit<IndicatorContent, 'costKind' | 'exampleTarget'> {
  costKind: CostKind | null
  exampleTarget: string | null
  validFromYear: number
  validToYear: number | null
}

export type CreateIndicatorBody = IndicatorContentBody & { reason: string }
export type ReviseIndicatorBody = IndicatorContentBody & { changeNote: string; version: number }

// A type, not an interface, so it fits the index signature of a query.
export type IndicatorFilters = {
  q?: string
  level1?: Level1
  level2?: Level2
  sector?: Sector
  projectKind?: ProjectKind
  nature?: IndicatorNature
  scope?: IndicatorScope
  /** Comma-separated statuses; the live rows (proposed, active, retired) when absent. */
  status?: string
  year?: number
  /** 'proposal': only rows that came in as proposals. */
  origin?: 'proposal'
}

export interface IndicatorFacets {
  total: number
  placements: { level1: Level1; level2: Level2; count: number }[]
  sectors: { key: Sector; count: number }[]
  projectKinds: { key: ProjectKind; count: number }[]
}

export interface RecommendedIndicator extends IndicatorRow {
  score: number
  reasons: { matchedTerms: string[]; projectKinds: ProjectKind[]; sector: Sector | null; usedBySimilarGoals: number }
}

export interface Recommendation {
  subject: { name: string; projectId: string | null; projectKinds: ProjectKind[]; sector: Sector | null; terms: string[] }
  similarProjects: { id: string; name: string; fiscalYear: number }[]
  items: RecommendedIndicator[]
}

export type RecommendQuery = { projectId?: string; text?: string; limit?: number }
