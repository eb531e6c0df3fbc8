import { randomBytes, randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { sql } from 'kysely'
import { afterAll, inject } from 'vitest'
import { type App, buildApp } from '../app.ts'
import { type Config, loadConfig } from '../config.ts'
import { type DatabaseHandle, type Db, openPGlite, openPostgres } from '../db/database.ts'
import { jobDefinitions } from '../jobs.ts'
import { useAuditKey } from '../platform/audit.ts'
import { ManualClock } from '../platform/clock.ts'
import { type JobWorker, type JobWorkerOptions, startJobWorker } from '../platform/jobs-worker.ts'
import { waitForJobRun } from '../platform/jobs-wait.ts'
import { makeFactories } from './factories.ts'
import { adminUrl } from './postgres-urls.ts'

export const TEST_PASSWORD = 'Test@Pass123'

export interface Response {
  statusCode: number
  headers: Record<string, unknown>
  body: string
  json(): any
}

export interface Client {
  get(url: string, headers?: Record<string, string>): Promise<Response>
  post(url: string, body?: unknown, headers?: Record<string, string>): Promise<Response>
  put(url: string, body?: unknown): Promise<Response>
  patch(url: string, body?: unknown): Promise<Response>
  delete(url: string, body?: unknown): Promise<Response>
  cookie: string | null
}

/** A fresh database from the migrated template; `url` is set on PostgreSQL (for a child process to connect to). */
export async function cloneTemplate(): Promise<{ handle: DatabaseHandle; url?: string; drop: () => Promise<void> }> {
  const url = process.env.TEST_DATABASE_URL
  const pgTemplate = inject('postgresTemplate')
  if (url && pgTemplate) {
    const name = `jixiao_t_${randomUUID().replaceAll('-', '').slice(0, 16)}`
    const admin = openPostgres(adminUrl(url))
    await sql.raw(`create database ${name} template ${pgTemplate}`).execute(admin.db)
    const handle = openPostgres(adminUrl(url, name))
    return {
      handle,
      url: adminUrl(url, name),
      drop: async () => {
        await sql.raw(`drop database if exists ${name} with (force)`).execute(admin.db)
        await admin.close()
      },
    }
  }
  const dump = new Blob([readFileSync(inject('pgliteTemplate'))])
  return { handle: await openPGlite({ loadDataDir: dump }), drop: async () => {} }
}

// Each test file (its own process) appends to its chains with a key of its own, as a deployment does with its key
// file; every context of the file shares it, since the key is the process's.
const testAuditKey = randomBytes(32)

export interface TestContextOptions {
  /**
   * Start a job worker on the test database (the definitions of server/jobs.ts plus any given here); without
   * it enqueued jobs stay queued. `waitForJob(id)` then waits for one to finish.
   */
  jobs?: boolean | Partial<JobWorkerOptions>
  /** A read handle for the heavy reads (ADR 0013), opened on the fresh database (its `url` on PostgreSQL). */
  readDb?: (primary: { db: Db; url?: string }) => Promise<{ db: Db; close(): Promise<void> }>
}

/**
 * A fresh migrated database (PGlite, or PostgreSQL when TEST_DATABASE_URL is set), the real app on it
 * with a clock the test controls, factories, and clients that sign in through the API.
 */
export async function createTestContext(configOverrides: Partial<Config> = {}, options: TestContextOptions = {}) {
  const { handle, url, drop } = await cloneTemplate()
  const clock = new ManualClock()
  useAuditKey(testAuditKey)
  const config = { ...loadConfig({}), logLevel: 'silent', webDistDir: '/nonexistent', loginRateLimit: 100_000, ...configOverrides }
  const reads = options.readDb ? await options.readDb({ db: handle.db, url }) : undefined
  const deps = { db: handle.db, readDb: reads?.db, engine: handle.engine, clock, config }
  const app = await buildApp(deps)
  let worker: JobWorker | null = null
  if (options.jobs) {
    const extra = options.jobs === true ? {} : options.jobs
    worker = await startJobWorker(deps, { pollSeconds: 0.5, heartbeatSeconds: 1, stopTimeoutSeconds: 5, ...extra, definitions: [...jobDefinitions, ...(extra.definitions ?? [])] })
  }
  /** Waits until the job is done or failed (a worker must run: `{ jobs: true }`) and returns its row. */
  const waitForJob = (jobRunId: string, timeoutMs = 20_000) => waitForJobRun(handle.db, jobRunId, { timeoutMs, pollMs: 100 })
  afterAll(async () => {
    await app.close()
    await worker?.stop()
    await reads?.close()
    await handle.close()
    await drop()
  })
  const make = makeFactories(handle.db, clock)

  function client(cookie: string | null = null): Client {
    const send = async (method: string, url: string, body?: unknown, headers: Record<string, string> = {}) => {
      const res = await app.inject({
        method: method as 'GET',
        url,
        payload: body === undefined ? undefined : (body as object),
        headers: { ...(c.cookie ? { cookie: c.cookie } : {}), ...headers },
      })
      return res as unknown as Response
    }
    const c: Client = {
      cookie,
      get: (url, headers) => send('GET', url, undefined, headers),
      post: (url, body, headers) => send('POST', url, body, headers),
      put: (url, body) => send('PUT', url, body),
      patch: (url, body) => send('PATCH', url, body),
      delete: (url, body) => send('DELETE', url, body),
    }
    return c
  }

  const sessions = new Map<string, string>()
  /** A client signed in as this user (one login per user per file). */
  async function as(user: { username: string; password?: string }): Promise<Client> {
    let cookie = sessions.get(user.username)
    if (!cookie) {
      cookie = await login(user.username, user.password ?? TEST_PASSWORD)
      sessions.set(user.username, cookie)
    }
    return client(cookie)
  }

  async function login(username: string, password: string) {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } })
    if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`)
    const setCookie = res.headers['set-cookie']
    const first = Array.isArray(setCookie) ? setCookie[0] : setCookie
    return String(first).split(';')[0]!
  }

  return { app: app as App, db: handle.db, readDb: deps.readDb, engine: handle.engine, clock, config, make, waitForJob, as, anon: client(), client, login, forget: (username: string) => sessions.delete(username) }
}

export type TestContext = Awaited<ReturnType<typeof createTestContext>>
