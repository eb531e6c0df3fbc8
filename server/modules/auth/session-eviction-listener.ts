import pg from 'pg'
import type { Db } from '../../db/database.ts'
import { decodeEviction, forgetLocally, SESSION_EVICT_CHANNEL, setSessionCacheLive } from './session-cache.ts'

/** The listener's application_name in pg_stat_activity: one per app node, told apart by process id. */
export const listenerApplicationName = (pid = process.pid) => `jixiao-session-evict:${pid}`
const FIRST_RETRY_MS = 500
const MAX_RETRY_MS = 30_000

export interface SessionEvictionListener {
  stop(): Promise<void>
}

interface Log {
  info(message: string): void
  warn(message: string): void
}

/**
 * One dedicated PostgreSQL connection per app node that LISTENs for session evictions sent by any node
 * (session-cache.ts) and forgets those sessions here. The node's session cache is on only while this
 * connection listens: when it drops, the cache is emptied and off until a new connection listens again
 * (retried with a growing pause), since notifications sent meanwhile are lost.
 */
export async function listenForSessionEvictions(db: Db, url: string, log: Log): Promise<SessionEvictionListener> {
  let client: pg.Client | null = null
  let stopped = false
  let retryMs = FIRST_RETRY_MS
  let retryTimer: NodeJS.Timeout | undefined

  setSessionCacheLive(db, false)

  const dropped = (current: pg.Client, reason: unknown) => {
    if (client !== current) return
    client = null
    setSessionCacheLive(db, false)
    void discard(current)
    if (stopped) return
    log.warn(`session eviction listener lost (${String(reason)}); session cache off, reconnecting in ${retryMs} ms`)
    retryTimer = setTimeout(() => void connect(), retryMs)
    retryTimer.unref()
    retryMs = Math.min(retryMs * 2, MAX_RETRY_MS)
  }

  async function connect() {
    const current = new pg.Client({ connectionString: url, application_name: listenerApplicationName() })
    client = current
    current.on('notification', (message) => {
      if (message.channel === SESSION_EVICT_CHANNEL) forgetLocally(db, decodeEviction(message.payload ?? '*'))
    })
    current.on('error', (error) => dropped(current, error.message))
    current.on('end', () => dropped(current, 'connection ended'))
    try {
      await current.connect()
      await current.query(`listen ${SESSION_EVICT_CHANNEL}`)
    } catch (error) {
      dropped(current, (error as Error).message)
      return
    }
    if (client !== current || stopped) return
    retryMs = FIRST_RETRY_MS
    setSessionCacheLive(db, true)
    log.info('session eviction listener connected; session cache on')
  }

  await connect()
  return {
    async stop() {
      stopped = true
      clearTimeout(retryTimer)
      const current = client
      client = null
      setSessionCacheLive(db, false)
      if (current) await discard(current)
    },
  }
}

/** Closes a connection whose events no longer matter. */
async function discard(client: pg.Client) {
  client.removeAllListeners()
  client.on('error', () => {})
  await client.end().catch(() => {})
}
