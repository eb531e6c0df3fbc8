import type { Db } from '../../db/database.ts'

/**
 * Every API request resolves its session; looking it up in the database each time costs as much as the
 * request's own query. A resolved session is kept for a moment (TTL_MS of real time). This process forgets a
 * user's sessions the moment it logs them out, disables them or changes their roles or password, and forgets
 * all of them when the security settings change; another app node may serve a session it ended for up to
 * TTL_MS more.
 */
const TTL_MS = 2_000
const MAX_ENTRIES = 10_000

interface Entry<Row> {
  row: Row
  userId: string
  storedAt: number
}

const caches = new WeakMap<Db, Map<string, Entry<unknown>>>()

function cacheOf(db: Db) {
  let cache = caches.get(db)
  if (!cache) caches.set(db, (cache = new Map()))
  return cache
}

export function cachedSession<Row>(db: Db, tokenHash: string): Row | undefined {
  const cache = cacheOf(db)
  const entry = cache.get(tokenHash)
  if (!entry) return undefined
  if (performance.now() - entry.storedAt > TTL_MS) {
    cache.delete(tokenHash)
    return undefined
  }
  return entry.row as Row
}

export function rememberSession<Row>(db: Db, tokenHash: string, userId: string, row: Row) {
  const cache = cacheOf(db)
  if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!)
  cache.set(tokenHash, { row, userId, storedAt: performance.now() })
}

export function forgetSession(db: Db, tokenHash: string) {
  cacheOf(db).delete(tokenHash)
}

export function forgetUserSessions(db: Db, userId: string) {
  const cache = cacheOf(db)
  for (const [key, entry] of cache) if (entry.userId === userId) cache.delete(key)
}

export function forgetAllSessions(db: Db) {
  cacheOf(db).clear()
}
