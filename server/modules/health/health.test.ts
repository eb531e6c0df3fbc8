import { sql } from 'kysely'
import { describe, expect, test } from 'vitest'
import { buildApp } from '../../app.ts'
import { openPostgres } from '../../db/database.ts'
import { migrations } from '../../db/migrations/index.ts'
import { jobDefinitions } from '../../jobs.ts'
import { startJobWorker } from '../../platform/jobs-worker.ts'
import { cloneTemplate, createTestContext } from '../../test/context.ts'
import { checkReadiness } from './readiness.ts'

const t = await createTestContext()
const latest = Object.keys(migrations).sort().at(-1)!

describe('liveness and readiness for a load balancer', () => {
  test('live: 200 without a session', async () => {
    const res = await t.anon.get('/api/health/live')
    expect([res.statusCode, res.json().status]).toEqual([200, 'ok'])
  })

  test('ready: 200 with the latest migration and the job queue', async () => {
    await t.db.insertInto('jobRun').values({ kind: 'test.waiting', data: '{}' }).execute()
    const res = await t.anon.get('/api/health/ready')
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({
      status: 'ready',
      database: t.engine,
      migrations: { latest, pending: 0 },
      jobs: { worker: 'none', queued: 1, oldestQueuedSeconds: expect.any(Number), stalled: 0 },
    })
  })

  test('ready names whether the job worker of the process takes jobs', async () => {
    const worker = await startJobWorker({ db: t.db, engine: t.engine, clock: t.clock, config: t.config }, { definitions: jobDefinitions, pollSeconds: 0.5, stopTimeoutSeconds: 2 })
    expect((await checkReadiness(t.db, 'zh', () => worker)).jobs?.worker).toBe('taking')
    await worker.stop()
    expect((await checkReadiness(t.db, 'zh', () => worker)).jobs?.worker).toBe('stopped')
  })

  test('a migration not applied yet: 503 NOT_READY naming the migrations, in English on request', async () => {
    await sql`delete from kysely_migration where name = ${latest}`.execute(t.db)
    try {
      const zh = await t.anon.get('/api/health/ready')
      expect(zh.statusCode).toBe(503)
      expect(zh.json().error).toEqual({ code: 'NOT_READY', message: '服务尚未就绪', details: { checks: [{ check: 'migrations', message: expect.stringContaining('待执行 1 个迁移') }] } })
      const en = await t.anon.get('/api/health/ready', { 'accept-language': 'en' })
      expect(en.json().error.details.checks[0].message).toBe('The database is behind: 1 migrations pending (run jixiao migrate)')
      expect((await t.anon.get('/api/health/live')).statusCode).toBe(200)
    } finally {
      await sql`insert into kysely_migration (name, timestamp) values (${latest}, now()::text)`.execute(t.db)
    }
    expect((await t.anon.get('/api/health/ready')).statusCode).toBe(200)
  })

  test('a database that does not answer within the timeout: 503 NOT_READY naming the database', async () => {
    // An open transaction holding the migrations table: on PostgreSQL a lock, on PGlite the one connection itself.
    const res = await t.db.transaction().execute(async (trx) => {
      await sql`lock table kysely_migration in access exclusive mode`.execute(trx)
      return t.anon.get('/api/health/ready')
    })
    expect(res.statusCode).toBe(503)
    expect(res.json().error.details.checks).toEqual([{ check: 'database', message: '数据库在 3 秒内未响应' }])
  })

  test('a database that cannot be reached: ready is 503 naming the database, live stays 200', async () => {
    // PostgreSQL: a port nothing listens on; PGlite: an instance already closed.
    const handle = process.env.TEST_DATABASE_URL ? openPostgres('postgres://postgres@127.0.0.1:1/jixiao_gone') : (await cloneTemplate()).handle
    if (handle.engine === 'pglite') await handle.close()
    const app = await buildApp({ db: handle.db, engine: handle.engine, clock: t.clock, config: t.config })
    const ready = await app.inject({ method: 'GET', url: '/api/health/ready' })
    expect(ready.statusCode).toBe(503)
    expect(ready.json().error.details.checks).toEqual([{ check: 'database', message: '数据库无法连接' }])
    expect((await app.inject({ method: 'GET', url: '/api/health/live' })).statusCode).toBe(200)
    await app.close()
    if (handle.engine === 'postgres') await handle.close()
  })
})
