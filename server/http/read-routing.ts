import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Db } from '../db/database.ts'

/**
 * Read replicas (ADR 0013). The heavy reads of a request go to `readDb` (a streaming replica) unless the client
 * wrote within the last few seconds: a successful write answers with this cookie, and while the browser holds it
 * (Max-Age = JIXIAO_READ_YOUR_WRITES_SECONDS) its reads stay on the primary, so a user sees what they just saved
 * even when the replica lags. The cookie lives in the browser, so it works on every app node alike.
 */
export const RECENT_WRITE_COOKIE = 'jixiao_wrote'

const READS = new Set(['GET', 'HEAD', 'OPTIONS'])

export interface ReadRouting {
  db: Db
  /** The replica, or the primary itself when there is none. */
  readDb?: Db
  config: { readYourWritesSeconds: number; secureCookies: boolean }
}

export const hasReplica = (deps: ReadRouting) => deps.readDb !== undefined && deps.readDb !== deps.db

/** The handle a request's heavy reads use: the primary after a recent write by this client, else the replica. */
export function readDbFor(deps: ReadRouting, req: FastifyRequest): Db {
  if (!deps.readDb || req.cookies[RECENT_WRITE_COOKIE]) return deps.db
  return deps.readDb
}

/** A route module's reader: `const reads = readerOf(deps)` then `reads(req)` where a list, dashboard or export runs. */
export const readerOf = (deps: ReadRouting) => (req: FastifyRequest) => readDbFor(deps, req)

/** Marks each successful write with the cookie; nothing at all without a replica. */
export function markRecentWrites(app: FastifyInstance, deps: ReadRouting) {
  if (!hasReplica(deps)) return
  const maxAge = Math.max(1, Math.round(deps.config.readYourWritesSeconds))
  app.addHook('onSend', async (req, reply, payload) => {
    if (!READS.has(req.method) && reply.statusCode < 400) {
      reply.setCookie(RECENT_WRITE_COOKIE, '1', { path: '/', httpOnly: true, sameSite: 'lax', maxAge, secure: deps.config.secureCookies })
    }
    return payload
  })
}
