import type { FastifyRequest } from 'fastify'
import { z } from 'zod'
import { AppError, requestLanguage } from './errors.ts'
import { bilingual } from './validation-messages.ts'

const NUL_MESSAGE = { zh: '不能包含空字符（NUL，\\u0000）', en: 'must not contain a NUL character (\\u0000)' }

/** Paths (`body.items.0.name`) of every string — value or key — holding a NUL character. */
function nulPaths(value: unknown, path: string, found: string[]) {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) found.push(path)
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => nulPaths(item, `${path}.${i}`, found))
  } else if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
    for (const [key, item] of Object.entries(value)) {
      if (key.includes('\u0000')) found.push(`${path}.${key.replaceAll('\u0000', '\\u0000')}`)
      nulPaths(item, `${path}.${key}`, found)
    }
  }
  return found
}

/**
 * PostgreSQL text cannot hold NUL (error 22021), so such a string reaching a query was a 500. Refused here, for
 * every route at once, before any schema or handler sees the input: a new route cannot forget it.
 */
export async function rejectNulCharacters(req: FastifyRequest) {
  const paths = [
    ...nulPaths(req.params, 'params', []),
    ...nulPaths(req.query, 'querystring', []),
    ...nulPaths(req.body, 'body', []),
  ]
  if (!paths.length) return
  const message = NUL_MESSAGE[requestLanguage(req)]
  throw new AppError('VALIDATION_FAILED', paths.map((path) => ({ path, message })))
}

// Dates the platform can mean: budget years and audit trails, never the year 275760 JavaScript still accepts and
// PostgreSQL refuses.
const EARLIEST = new Date('1900-01-01T00:00:00Z')
const LATEST = new Date('2999-12-31T23:59:59.999Z')
const outOfRange = bilingual('日期须在 1900-01-01 至 2999-12-31 之间', 'The date must lie between 1900-01-01 and 2999-12-31')

/** A moment in a query: an ISO date (`2026-03-01`, midnight UTC) or date-time with offset, within a sane range. */
export const instantParam = () =>
  z
    .union([z.iso.date(), z.iso.datetime({ offset: true })])
    .transform((text) => new Date(text))
    .pipe(z.date().min(EARLIEST, outOfRange).max(LATEST, outOfRange))
