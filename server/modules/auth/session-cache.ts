import { sql } from 'kysely'
import type { Db, Trx } from '../../db/database.ts'

/**
 * Every API request resolves its session; looking it up in the database each time costs as much as the
 * request's own query. A resolved session is kept for a moment (the TTL, JIXIAO_SESSION_CACHE_SECONDS).
 *
 * Ending sessions (logout, disabling a user, a role or password change, new security settings) forgets them
 * here at once and sends `pg_notify` on the writing transaction: PostgreSQL delivers it at commit to every
 * app node's listener (session-eviction-listener.ts), which forgets them there too — and here again, which
 * also covers a request of this node that cached the old row before the commit. While a node's listener is
 * down its cache is off, since it could miss an eviction (ADR 0012). PGlite is one process: no listener, and
 * the local forgetting is all there is.
 */
export const SESSION_EVICT_CHANNEL = 'jixiao_session_evict'
const DEFAULT_TTL_MS = 2_000
const MAX_ENTRIES = 10_000

export type Eviction = { session: string } | { user: string } | 'all'

interface Entry {
  row: unknown
  userId: string
  storedAt: number
}

interface SessionCache {
  entries: Map<string, Entry>
  ttlMs: number
  /** False while an app node's eviction listener is not connected. */
  live: boolean
  /** Counts evictions: a row read before one must not be cached after it. */
  evictions: number
}

const caches = new WeakMap<Db, SessionCache>()

function cacheOf(db: Db): SessionCache {
  let cache = caches.get(db)
  if (!cache) caches.set(db, (cache = { entries: new Map(), ttlMs: DEFAULT_TTL_MS, live: true, evictions: 0 }))
  return cache
}

export function configureSessionCache(db: Db, options: { ttlMs: number }) {
  cacheOf(db).ttlMs = options.ttlMs
}

/** Turns the cache off (emptied) or on again (emptied: evictions may have been missed meanwhile). */
export function setSessionCacheLive(db: Db, live: boolean) {
  const cache = cacheOf(db)
  cache.live = live
  forgetLocally(db, 'all')
}

/** Taken before reading a session row; `rememberSession` keeps the row only if nothing was evicted since. */
export function sessionCacheStamp(db: Db): number {
  return cacheOf(db).evictions
}

export function cachedSession<Row>(db: Db, tokenHash: string): Row | undefined {
  const cache = cacheOf(db)
  const entry = cache.entries.get(tokenHash)
  if (!entry) return undefined
  if (!cache.live || performance.now() - entry.storedAt > cache.ttlMs) {
    cache.entries.delete(tokenHash)
    return undefined
  }
  return entry.row as Row
}

export function rememberSession<Row>(db: Db, tokenHash: string, userId: string, row: Row, stamp: number) {
  const cache = cacheOf(db)
  if (!cache.live || stamp !== cache.evictions) return
  if (cache.entries.size >= MAX_ENTRIES) cache.entries.delete(cache.entries.keys().next().value!)
  cache.entries.set(tokenHash, { row, userId, storedAt: performance.now() })
}

/** Forgets on this node only: the listener's part, and the first half of `evictSessions`. */
export function forgetLocally(db: Db, eviction: Eviction) {
  const cache = cacheOf(db)
  cache.evictions++
  if (eviction === 'all') cache.entries.clear()
  else if ('session' in eviction) cache.entries.delete(eviction.session)
  else for (const [key, entry] of cache.entries) if (entry.userId === eviction.user) cache.entries.delete(key)
}

/**
 * Forgets sessions on this node now and on every node when `within` commits (at once when it is `db`).
 * Call it with the transaction that ends the sessions in the database.
 */
export async function evictSessions(db: Db, within: Db | Trx, eviction: Eviction) {
  forgetLocally(db, eviction)
  await sql`select pg_notify(${SESSION_EVICT_CHANNEL}, ${encodeEviction(eviction)})`.execute(within)
}

export function encodeEviction(eviction: Eviction): string {
  if (eviction === 'all') return '*'
  return 'session' in eviction ? `s:${eviction.session}` : `u:${eviction.user}`
}

export function decodeEviction(payload: string): Eviction {
  if (payload.startsWith('s:')) return { session: payload.slice(2) }
  if (payload.startsWith('u:')) return { user: payload.slice(2) }
  // '*', or anything this version does not know: forgetting everything is always safe.
  return 'all'
}
