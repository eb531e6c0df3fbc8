import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { sql } from 'kysely'
import { buildApp } from '../../server/app.ts'
import { loadConfig } from '../../server/config.ts'
import { jobDefinitions } from '../../server/jobs.ts'
import { startJobWorker } from '../../server/platform/jobs-worker.ts'
import { inject } from 'vitest'
import { type DatabaseHandle, openPGlite, openPostgres } from '../../server/db/database.ts'
import { useAuditKey } from '../../server/platform/audit.ts'
import type { Clock } from '../../server/platform/clock.ts'
import { adminUrl } from '../../server/test/postgres-urls.ts'

/**
 * The instant the e2e app starts at: dates in journeys (created-at, submitted-at, in-force ranges) and the
 * screenshots stay the same from run to run — a working morning in the middle of fiscal year 2026.
 */
export const E2E_NOW = new Date('2026-06-15T09:30:00+08:00')

/**
 * The e2e server's clock: it starts at E2E_NOW and then moves with real time, so records written during a journey
 * still sort in the order they were written (lists show the latest change first) while every date stays that day.
 */
export function e2eClock(): Clock {
  const startedAt = Date.now()
  return { now: () => new Date(E2E_NOW.getTime() + (Date.now() - startedAt)) }
}

/**
 * The real app on a clone of the run's demo database (e2e/support/global-setup.ts), serving the built web UI on a
 * free port: PGlite, or PostgreSQL when TEST_DATABASE_URL is set.
 */
export async function startAppServer() {
  const url = process.env.TEST_DATABASE_URL
  let handle: DatabaseHandle
  let drop = async () => {}
  const pgTemplate = inject('e2ePostgresDemo')
  if (url && pgTemplate) {
    const name = `jixiao_e2e_${randomUUID().replaceAll('-', '').slice(0, 12)}`
    const admin = openPostgres(adminUrl(url))
    await sql.raw(`create database ${name} template ${pgTemplate}`).execute(admin.db)
    handle = openPostgres(adminUrl(url, name))
    drop = async () => {
      await sql.raw(`drop database if exists ${name} with (force)`).execute(admin.db)
      await admin.close()
    }
  } else {
    handle = await openPGlite({ loadDataDir: new Blob([readFileSync(inject('e2ePgliteDemo'))]) })
  }
  // The clone's audit chain was written with the run's key: append with the same one.
  useAuditKey(Buffer.from(inject('e2eAuditKey'), 'hex'))
  const clock = e2eClock()
  const config = { ...loadConfig({}), logLevel: 'silent', webDistDir: resolve('web/dist'), loginRateLimit: 10_000, exportMaxGoals: 500 }
  const app = await buildApp({ db: handle.db, engine: handle.engine, clock, config })
  // Background jobs (opening a round, the lights sweep) run as under `serve`.
  const worker = await startJobWorker({ db: handle.db, engine: handle.engine, clock, config }, { definitions: jobDefinitions, pollSeconds: 0.5, stopTimeoutSeconds: 5 })
  await app.listen({ port: 0, host: '127.0.0.1' })
  const address = app.server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    db: handle.db,
    async stop() {
      await app.close()
      await worker.stop()
      await handle.close()
      await drop()
    },
  }
}
