import { z } from 'zod'
import { MAX_Q } from './portal.text.ts'

/**
 * The portal's inputs. A year that is not a four-digit number, a code with odd characters or an overlong search
 * is refused with the portal's 400 page, before any query runs.
 */
const Code = z.string().regex(/^[A-Za-z0-9_-]{1,32}$/)
const Year = z
  .string()
  .regex(/^\d{4}$/)
  .transform(Number)
  .pipe(z.number().int().min(2000).max(2100))

export const PortalQuery = z.object({ lang: z.enum(['zh', 'en']).optional() })

/** The stylesheet's version (its content hash), there only to make a new stylesheet a new URL. */
export const AssetQuery = z.object({ v: z.string().regex(/^[0-9a-f]{1,64}$/).optional() })

const Page = z.coerce.number().int().min(1).max(10_000).default(1)

export const SearchQuery = PortalQuery.extend({ q: z.string().trim().max(MAX_Q).optional(), page: Page })

export const ListQuery = SearchQuery.extend({ department: z.union([Code, z.literal('')]).optional() })

export const PlaceParams = z.object({ jurisdiction: Code, year: Year })

/** A list segment (`goals`, `goals.csv`, …): checked against the kinds by the route. */
export const ListParams = PlaceParams.extend({ list: z.string().max(40) })

/** A record key with an optional `.csv` / `.json`. */
export const DetailParams = ListParams.extend({ key: z.string().regex(/^[A-Za-z0-9_.-]{1,80}$/) })
