import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { refreshCockpitJob } from './modules/cockpit/cockpit.jobs.ts'
import { listenerApplicationName } from './modules/auth/session-eviction-listener.ts'
import { encodeEviction, SESSION_EVICT_CHANNEL } from './modules/auth/session-cache.ts'
import { useAuditKey } from './platform/audit.ts'
import { systemClock } from './platform/clock.ts'
import { enqueueJob } from './platform/jobs.ts'
import { waitForJobRun } from './platform/jobs-wait.ts'
import { makeFactories } from './test/factories.ts'
import { freshPostgres, type ServeProcess, startServeProcess } from './test/serve-process.ts'

/**
 * Two real `jixiao serve` processes on one PostgreSQL database (on either engine's run: several app nodes only
 * exist on PostgreSQL). Their session caches keep a session for ten minutes here, so a node refusing a session
 * another node ended can only be the eviction sent through LISTEN/NOTIFY (ADR 0012).
 */
const CACHE_SECONDS = '600'
const auditKey = randomBytes(32)
let pg: Awaited<ReturnType<typeof freshPostgres>>
let nodeA: ServeProcess
let nodeB: ServeProcess
let users: Awaited<ReturnType<typeof seed>>
let env: Record<string, string>

async function seed() {
  useAuditKey(auditKey)
  const make = makeFactories(pg.handle.db, systemClock)
  const city = await make.jurisdiction()
  const user = (role: 'sys_admin' | 'sec_admin' | 'viewer' | 'finance_reviewer') => make.user({ role, org: city })
  return { city, admin: await user('sys_admin'), secAdmin: await user('sec_admin'), grace: await user('viewer'), alice: await user('viewer'), bob: await user('viewer'), carol: await user('viewer'), dave: await user('finance_reviewer'), erin: await user('viewer'), frank: await user('viewer'), henry: await user('viewer') }
}

beforeAll(async () => {
  pg = await freshPostgres()
  users = await seed()
  env = { DATABASE_URL: pg.url, JIXIAO_AUDIT_KEY: auditKey.toString('hex'), JIXIAO_SESSION_CACHE_SECONDS: CACHE_SECONDS }
  ;[nodeA, nodeB] = await Promise.all([startServeProcess(env), startServeProcess(env)])
}, 120_000)

afterAll(async () => {
  await Promise.all([nodeA?.stop(), nodeB?.stop()])
  await pg?.drop()
}, 60_000)

interface Answer {
  status: number
  body: any
  cookie: string | undefined
}

async function call(node: ServeProcess, method: string, path: string, options: { cookie?: string; body?: unknown } = {}): Promise<Answer> {
  const headers: Record<string, string> = options.cookie ? { cookie: options.cookie } : {}
  if (options.body !== undefined) headers['content-type'] = 'application/json'
  const res = await fetch(node.baseUrl + path, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) })
  const text = await res.text()
  return { status: res.status, body: text ? JSON.parse(text) : null, cookie: res.headers.get('set-cookie')?.split(';')[0] }
}

async function login(node: ServeProcess, user: { username: string; password: string }) {
  const res = await call(node, 'POST', '/api/auth/login', { body: { username: user.username, password: user.password } })
  expect(res.status, JSON.stringify(res.body)).toBe(200)
  return res.cookie!
}

const me = (node: ServeProcess, cookie: string) => call(node, 'GET', '/api/auth/me', { cookie })

/**
 * The notification reaches the other node a moment after the acting node answered: ask again for a few seconds
 * (far below the cache's ten minutes) until the answer is the expected one, and return the last answer.
 */
async function settle(ask: () => Promise<Answer>, until: (a: Answer) => boolean): Promise<Answer> {
  let answer = await ask()
  for (let i = 0; i < 50 && !until(answer); i++) {
    await new Promise((r) => setTimeout(r, 100))
    answer = await ask()
  }
  return answer
}

const refusedOn = (node: ServeProcess, cookie: string) => settle(() => me(node, cookie), (a) => a.status === 401)

describe('two app nodes on one PostgreSQL', () => {
  test('a session made on one node works on the other', async () => {
    const cookie = await login(nodeA, users.alice)
    for (const node of [nodeA, nodeB]) {
      const res = await me(node, cookie)
      expect(res.status).toBe(200)
      expect(res.body.user.username).toBe(users.alice.username)
    }
  })

  test('a node keeps serving a cached session whose row went without a notification, and forgets it on one', async () => {
    const cookie = await login(nodeA, users.bob)
    expect((await me(nodeB, cookie)).status).toBe(200)
    await pg.handle.db.deleteFrom('userSession').where('userId', '=', users.bob.id).execute()
    // The control: the cache is on, so only an eviction can end this session on node B before ten minutes.
    expect((await me(nodeB, cookie)).status).toBe(200)
    await sql`select pg_notify(${SESSION_EVICT_CHANNEL}, ${encodeEviction({ user: users.bob.id })})`.execute(pg.handle.db)
    expect((await refusedOn(nodeB, cookie)).status).toBe(401)
  })

  test('logging out on node A ends the session on node B', async () => {
    const cookie = await login(nodeA, users.alice)
    expect((await me(nodeB, cookie)).status).toBe(200)
    expect((await call(nodeA, 'POST', '/api/auth/logout', { cookie })).status).toBe(204)
    const onB = await refusedOn(nodeB, cookie)
    expect(onB.status).toBe(401)
  })

  test('disabling a user on node A ends their session on node B', async () => {
    const admin = await login(nodeA, users.admin)
    const cookie = await login(nodeB, users.carol)
    expect((await me(nodeB, cookie)).status).toBe(200)
    const res = await call(nodeA, 'PATCH', `/api/users/${users.carol.id}`, { cookie: admin, body: { status: 'disabled', version: users.carol.version } })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect((await refusedOn(nodeB, cookie)).status).toBe(401)
    expect((await call(nodeB, 'POST', '/api/auth/login', { body: { username: users.carol.username, password: users.carol.password } })).status).toBe(403)
  })

  test('disabling a user with the command line ends their session on the running nodes', async () => {
    const cookie = await login(nodeA, users.henry)
    expect((await me(nodeB, cookie)).status).toBe(200)
    const cli = await promisify(execFile)(process.execPath, [join(import.meta.dirname, '../bin/jixiao.js'), 'user', 'disable', '--username', users.henry.username], { env: { ...process.env, ...env } })
    expect(cli.stdout).toContain(users.henry.username)
    for (const node of [nodeA, nodeB]) expect((await refusedOn(node, cookie)).status).toBe(401)
  })

  test('a role change on node A is what node B knows of the user next', async () => {
    const admin = await login(nodeA, users.admin)
    const before = await login(nodeB, users.dave)
    const was = await me(nodeB, before)
    expect(was.body.user.roles).toEqual(['finance_reviewer'])
    const res = await call(nodeA, 'PATCH', `/api/users/${users.dave.id}`, { cookie: admin, body: { roles: ['viewer'], version: users.dave.version } })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    // A role change ends the user's sessions (they sign in again to get the new rights), on every node.
    expect((await refusedOn(nodeB, before)).status).toBe(401)
    const now = await me(nodeB, await login(nodeB, users.dave))
    expect(now.body.user.roles).toEqual(['viewer'])
    expect(now.body.user.permissions).not.toEqual(was.body.user.permissions)
  })

  test("changing one's password on node A ends one's other sessions on node B", async () => {
    const onA = await login(nodeA, users.erin)
    const onB = await login(nodeB, users.erin)
    expect((await me(nodeB, onB)).status).toBe(200)
    const res = await call(nodeA, 'POST', '/api/auth/password', { cookie: onA, body: { currentPassword: users.erin.password, newPassword: 'Another@Pass456' } })
    expect(res.status, JSON.stringify(res.body)).toBeLessThan(300)
    expect((await refusedOn(nodeB, onB)).status).toBe(401)
    expect((await me(nodeA, onA)).status).toBe(200)
  })

  test('new security settings on node A empty the session cache of node B', async () => {
    const secAdmin = await login(nodeA, users.secAdmin)
    const cookie = await login(nodeA, users.grace)
    expect((await me(nodeB, cookie)).status).toBe(200)
    await pg.handle.db.deleteFrom('userSession').where('userId', '=', users.grace.id).execute()
    expect((await me(nodeB, cookie)).status).toBe(200)
    const { version, ...settings } = (await call(nodeA, 'GET', '/api/settings/security', { cookie: secAdmin })).body
    const res = await call(nodeA, 'PUT', '/api/settings/security', { cookie: secAdmin, body: { ...settings, sessionIdleMinutes: settings.sessionIdleMinutes + 1, version } })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    // Node B reads every session anew: this one's row is gone.
    expect((await refusedOn(nodeB, cookie)).status).toBe(401)
  })

  test('a node whose listening connection is cut forgets every cached session before it listens again', async () => {
    const cookie = await login(nodeA, users.frank)
    expect((await me(nodeB, cookie)).status).toBe(200)
    const listenerOfB = () =>
      sql<{ pid: number }>`select pid from pg_stat_activity where application_name = ${listenerApplicationName(nodeB.pid)}`.execute(pg.handle.db).then((r) => r.rows.map((row) => row.pid))
    const [cut] = await listenerOfB()
    expect(cut).toBeDefined()
    await sql`select pg_terminate_backend(${cut})`.execute(pg.handle.db)
    // Gone without a notification, as one sent while node B was not listening would be.
    await pg.handle.db.deleteFrom('userSession').where('userId', '=', users.frank.id).execute()
    const back = await settle(
      async () => ({ status: 0, body: await listenerOfB(), cookie: undefined }),
      (a) => a.body.length === 1 && a.body[0] !== cut,
    )
    expect(back.body).toHaveLength(1)
    expect((await me(nodeB, cookie)).status).toBe(401)
    expect(nodeB.output()).toContain('session eviction listener lost')
  })

  test('jobs enqueued while both nodes run workers each run exactly once', async () => {
    const years = [2020, 2021, 2022, 2023, 2024, 2025]
    const ids = await Promise.all(years.map(async (fiscalYear) => (await enqueueJob(pg.handle.db, refreshCockpitJob, { jurisdictionCode: users.city.code, fiscalYear }, {})).jobRunId))
    const runs = await Promise.all(ids.map((id) => waitForJobRun(pg.handle.db, id, { timeoutMs: 60_000, pollMs: 200 })))
    // attempts counts the times a worker began the job: two nodes taking the same job would make it 2.
    expect(runs.map((r) => [r.status, r.attempts])).toEqual(years.map(() => ['done', 1]))
    const queued = await sql<{ state: string; retryCount: number }>`select state, retry_count as "retryCount" from pgboss.job where id in (${sql.join(ids)})`.execute(pg.handle.db.withoutPlugins())
    expect(queued.rows).toEqual(years.map(() => ({ state: 'completed', retryCount: 0 })))
  }, 90_000)
})
