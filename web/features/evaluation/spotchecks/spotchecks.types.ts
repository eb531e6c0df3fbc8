import type { Query } from '../../../api/client'

/** The spot-check API's response shapes are domain/spot-check-api.ts; here the list filters. */

export type * from '../../../../domain/spot-check-api'

export interface SpotCheckFilters extends Query {
  fiscalYear?: number
  status?: 'open' | 'closed'
}

export interface DrawBody {
  fiscalYear: number
  name: string
  count: number
  seed?: string
  picks: string[]
  includeBelow: boolean
}

export interface RescoreEntry {
  position: number
  actual?: string | null
  score?: string | null
  reason?: string | null
}
