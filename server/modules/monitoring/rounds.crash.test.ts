import { randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { DatabaseHandle } from '../../db/database.ts'
import { LOCK_FILE } from '../../db/data-dir-lock.ts'
import { useAuditKey } from '../../platform/audit.ts'
import { systemClock } from '../../platform/clock.ts'
import { databaseForCli, runCli } from '../../test/cli-process.ts'
import { makeFactories } from '../../test/factories.ts'
import { type ServeProcess, startServeProcess } from '../../test/serve-process.ts'
import { OPEN_CHUNK } from './rounds.open.ts'

/**
 * Crash safety (issue 15): a real `jixiao serve` killed with SIGKILL while its job opens a monitoring round. Nothing
 * half-made shows — the round stays 'opening' (hidden from units) with whole chunks of forms — and after the restart
 * the job is taken up again and finishes: every project has exactly one form, the round is open, the chain verifies.
 * On the engine of the run; on PostgreSQL the restarted node takes the dead one's job once it is stale.
 */
const url = process.env.TEST_DATABASE_URL
const engine = url ? 'PostgreSQL' : 'PGlite'
const PROJECTS = 10 * OPEN_CHUNK + 137
const work = mkdtempSync(join(tmpdir(), 'jixiao-round-crash-'))
const dataDir = join(work, 'data')
const auditKey = randomBytes(32)
let database: Awaited<ReturnType<typeof databaseForCli>>
let finance: { username: string; password: string }
let serve: ServeProcess | undefined

const withOurDatabase = <T>(work: (handle: DatabaseHandle) => Promise<T>) => database.open(work)
const serveEnv = () => ({ ...(database.env() as Record<string, string>), LOG_LEVEL: 'debug', JIXIAO_JOB_STALE_SECONDS: '2' })

/** PROJECTS executing 2026 projects of one district's school: one made by the factory, the rest copies of it. */
async function seedDistrict(handle: DatabaseHandle) {
  const make = makeFactories(handle.db, systemClock)
  const district = await make.jurisdiction({ name: '崩溃测试区' })
  const department = await make.department({ jurisdiction: district, name: '教育局' })
  const school = await make.unit({ department, name: '第一中学' })
  const first = await make.project({ unit: school, status: 'executing', fiscalYear: 2026, code: 'CR000000' })
  const columns = (await sql<{ columnName: string }>`select column_name from information_schema.columns where table_schema = 'public' and table_name = 'project' and column_name not in ('id', 'code', 'name')`.execute(handle.db)).rows.map((c) => `"${c.columnName}"`)
  await sql
    .raw(`insert into project (code, name, ${columns.join(', ')}) select 'CR' || lpad(n::text, 6, '0'), '崩溃测试项目' || n, ${columns.join(', ')} from project, generate_series(1, ${PROJECTS - 1}) n where project.id = '${first.id}'`)
    .execute(handle.db)
  return make.user({ role: 'finance_admin', org: district })
}

async function call(path: string, init: { method?: string; cookie?: string; body?: unknown } = {}) {
  const headers: Record<string, string> = init.cookie ? { cookie: init.cookie } : {}
  if (init.body !== undefined) headers['content-type'] = 'application/json'
  const res = await fetch(serve!.baseUrl + path, { method: init.method ?? 'GET', headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) })
  return { status: res.status, body: (await res.json()) as any, cookie: res.headers.get('set-cookie')?.split(';')[0] }
}

async function login() {
  const res = await call('/api/auth/login', { method: 'POST', body: { username: finance.username, password: finance.password } })
  expect(res.status, JSON.stringify(res.body)).toBe(200)
  return res.cookie!
}

/** Asks for the job every 20 ms until `until` holds; answers the last reading. */
async function pollJob(cookie: string, jobRunId: string, until: (job: { status: string; done: number }) => boolean, seconds: number) {
  const end = Date.now() + seconds * 1000
  for (;;) {
    const job = (await call(`/api/jobs/${jobRunId}`, { cookie })).body
    if (until(job) || Date.now() > end) return job
    await new Promise((r) => setTimeout(r, 20))
  }
}

/**
 * Waits until the server logged the round-opening job's progress past its first chunk of forms (before the last).
 * Watched from before the request that queues it: on PGlite the job holds the one connection chunk after chunk, so
 * the request's own answer can come after most of the opening.
 */
async function firstChunkLogged(server: ServeProcess) {
  const end = Date.now() + 120_000
  for (;;) {
    const progress = server
      .output()
      .split('\n')
      .filter((line) => line.includes('"job progress"') && line.includes('"monitoring.open-round"'))
      .map((line) => JSON.parse(line) as { done: number; total: number })
    if (progress.some((p) => p.done >= OPEN_CHUNK && p.done < p.total)) return
    if (progress.some((p) => p.done >= p.total) || Date.now() > end) throw new Error(`the opening ended or stalled before the crash point:\n${server.output().slice(-2000)}`)
    await new Promise((r) => setTimeout(r, 5))
  }
}

const roundState = (roundId: string) =>
  withOurDatabase(async ({ db }) => ({
    round: await db.selectFrom('monitoringRound').select(['status', 'formCount']).where('id', '=', roundId).executeTakeFirstOrThrow(),
    forms: Number((await db.selectFrom('monitoringForm').select((eb) => eb.fn.countAll<number>().as('n')).where('roundId', '=', roundId).executeTakeFirstOrThrow()).n),
    projects: Number((await db.selectFrom('monitoringForm').select(sql<number>`count(distinct project_id)`.as('n')).where('roundId', '=', roundId).executeTakeFirstOrThrow()).n),
  }))

beforeAll(async () => {
  useAuditKey(auditKey)
  database = await databaseForCli(dataDir, auditKey)
  finance = await withOurDatabase(seedDistrict)
}, 180_000)

afterAll(async () => {
  await serve?.stop()
  await database.drop()
  rmSync(work, { recursive: true, force: true })
}, 60_000)

describe(`a monitoring round's opening killed with the server (${engine})`, () => {
  test('shows nothing half-made, and the restarted server finishes it once', async () => {
    serve = await startServeProcess(serveEnv())
    let cookie = await login()
    const deadline = new Date(Date.now() + 10 * 86_400_000).toISOString()
    const crashPoint = firstChunkLogged(serve)
    // Its answer may never come: the server can be killed before it is sent.
    const answer = call('/api/monitoring/rounds', { method: 'POST', cookie, body: { fiscalYear: 2026, cutoffMonth: 7, deadline } }).catch(() => null)
    await Promise.race([crashPoint, answer.then((a) => (a && a.status !== 201 ? Promise.reject(new Error(JSON.stringify(a.body))) : crashPoint))])
    process.kill(serve.pid, 'SIGKILL')
    await serve.stop()
    serve = undefined
    if (!url) expect(existsSync(join(dataDir, LOCK_FILE))).toBe(true)

    const { round, jobRunId } = await withOurDatabase(async ({ db }) => ({
      round: await db.selectFrom('monitoringRound').select('id').executeTakeFirstOrThrow(),
      jobRunId: (await db.selectFrom('jobRun').select('id').where('kind', '=', 'monitoring.open-round').executeTakeFirstOrThrow()).id,
    }))
    const killed = await roundState(round.id)
    expect(killed.round.status).toBe('opening')
    expect(killed.forms).toBeGreaterThanOrEqual(OPEN_CHUNK)
    expect(killed.forms).toBeLessThan(PROJECTS)
    // Forms are made a chunk per transaction: what survived is whole chunks.
    expect(killed.forms % OPEN_CHUNK).toBe(0)

    // The restarted server takes the job up again (PGlite: at start; PostgreSQL: once its heartbeat is stale).
    serve = await startServeProcess(serveEnv())
    cookie = await login()
    const done = await pollJob(cookie, jobRunId, (job) => job.status === 'done' || job.status === 'failed', 120)
    expect(done.status, JSON.stringify(done)).toBe('done')
    await serve.stop()
    serve = undefined

    const finished = await roundState(round.id)
    expect(finished.round).toEqual({ status: 'open', formCount: PROJECTS })
    expect(finished.forms).toBe(PROJECTS)
    expect(finished.projects).toBe(PROJECTS)
    const verify = await runCli(['audit', 'verify'], database.env())
    expect(verify.code, verify.output).toBe(0)
  }, 300_000)
})
