import { sql } from 'kysely'
import { describe, expect, test } from 'vitest'
import { createTestContext } from '../test/context.ts'
import { enqueueJob, JOB_QUEUE } from './jobs.ts'
import { countJob, failingJob, testJobDefinitions } from './jobs.fixtures.ts'
import { runJobFromCli } from './jobs-cli.ts'
import { progressLine } from './jobs-progress-bar.ts'
import { startJobWorker } from './jobs-worker.ts'
import { readJobRun } from './jobs-wait.ts'

// A short stale limit: a job must outlive it on its heartbeat alone.
const t = await createTestContext({}, { jobs: { definitions: testJobDefinitions, staleSeconds: 1, heartbeatSeconds: 0.2 } })
const city = await t.make.jurisdiction()
const district = await t.make.jurisdiction({ parent: city })
const edu = await t.make.department({ jurisdiction: district })
const school = await t.make.unit({ department: edu })
const elsewhere = await t.make.jurisdiction()
const creator = await t.make.user({ role: 'dept_user', org: edu })
const districtFinance = await t.make.user({ role: 'finance_admin', org: district })
const cityFinance = await t.make.user({ role: 'finance_reviewer', org: city })
const strangerFinance = await t.make.user({ role: 'finance_admin', org: elsewhere })
const unitUser = await t.make.user({ role: 'unit_user', org: school })

const queuedJobs = async (id: string) =>
  Number((await sql<{ n: number }>`select count(*)::int as n from pgboss.job where name = ${JOB_QUEUE} and id = ${id}`.execute(t.db)).rows[0]!.n)

describe('enqueueJob', () => {
  test('a job enqueued in a transaction that rolls back leaves no row, no queued job, and never runs', async () => {
    let jobRunId = ''
    await expect(
      t.db.transaction().execute(async (trx) => {
        ;({ jobRunId } = await enqueueJob(trx, countJob, { n: 2, stepMs: 0 }, { jurisdictionCode: district.code }))
        expect(await trx.selectFrom('jobRun').select('id').where('id', '=', jobRunId).executeTakeFirst()).toBeDefined()
        throw new Error('the use case failed after enqueueing')
      }),
    ).rejects.toThrow('the use case failed')
    expect(jobRunId).not.toBe('')
    expect(await readJobRun(t.db, jobRunId)).toBeUndefined()
    expect(await queuedJobs(jobRunId)).toBe(0)
    // A committed job sent afterwards runs, so the worker was polling all along.
    const after = await enqueueJob(t.db, countJob, { n: 1, stepMs: 0 }, {})
    expect((await t.waitForJob(after.jobRunId)).status).toBe('done')
    expect(await readJobRun(t.db, jobRunId)).toBeUndefined()
  })

  test('a committed job is queued in pg-boss under the same id and runs with moving progress', async () => {
    const { jobRunId } = await t.db.transaction().execute((trx) => enqueueJob(trx, countJob, { n: 8, stepMs: 60 }, { createdBy: creator.id, jurisdictionCode: district.code, entityType: 'test', entityId: crypto.randomUUID() }))
    expect(await queuedJobs(jobRunId)).toBe(1)
    const seen = new Set<string>()
    const { waitForJobRun } = await import('./jobs-wait.ts')
    const final = await waitForJobRun(t.db, jobRunId, { timeoutMs: 20_000, pollMs: 40, onState: (s) => seen.add(`${s.status}:${s.done}`) })
    expect(final).toMatchObject({ status: 'done', done: 8, total: 8, result: { counted: 8, resumedFrom: 0 }, error: null, attempts: 1 })
    const runningSteps = [...seen].filter((s) => s.startsWith('running:')).map((s) => Number(s.split(':')[1]))
    expect(runningSteps.some((done) => done > 0 && done < 8)).toBe(true)
  })

  test('a job busy longer than the stale limit between two progress reports is kept alive by its heartbeat', async () => {
    // A second worker on the same database, as another app node would be: it must not take the job for dead.
    const other = await startJobWorker({ db: t.db, engine: t.engine, clock: t.clock, config: t.config }, { definitions: testJobDefinitions, staleSeconds: 1, pollSeconds: 0.5 })
    try {
      const { jobRunId } = await enqueueJob(t.db, countJob, { n: 2, stepMs: 1600 }, {})
      const final = await t.waitForJob(jobRunId)
      expect(final).toMatchObject({ status: 'done', attempts: 1, result: { counted: 2, resumedFrom: 0 } })
    } finally {
      await other.stop()
    }
  })

  test('a payload the definition refuses is refused at enqueue', async () => {
    await expect(enqueueJob(t.db, countJob, { n: 0, stepMs: 0 }, {})).rejects.toThrow()
    await expect(enqueueJob(t.db, countJob, { n: 1 } as never, {})).rejects.toThrow()
  })

  test('a job that throws is failed with its message and not run again', async () => {
    const { jobRunId } = await enqueueJob(t.db, failingJob, { why: 'test' }, { createdBy: creator.id })
    const final = await t.waitForJob(jobRunId)
    expect(final).toMatchObject({ status: 'failed', error: 'NOT_FOUND: 数据不存在或不在您的权限范围内', attempts: 1 })
    await new Promise((resolve) => setTimeout(resolve, 1200))
    expect((await readJobRun(t.db, jobRunId))?.attempts).toBe(1)
  })
})

describe('GET /api/jobs/:id', () => {
  test('the creator and the finance bureaus over its jurisdiction see it; others get 404', async () => {
    const { jobRunId } = await enqueueJob(t.db, countJob, { n: 3, stepMs: 0 }, { createdBy: creator.id, jurisdictionCode: district.code })
    await t.waitForJob(jobRunId)
    const res = await (await t.as(creator)).get(`/api/jobs/${jobRunId}`)
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ id: jobRunId, kind: 'test.count', status: 'done', done: 3, total: 3, message: 'counted 3', result: { counted: 3, resumedFrom: 0 }, error: null })
    for (const user of [districtFinance, cityFinance]) expect((await (await t.as(user)).get(`/api/jobs/${jobRunId}`)).statusCode, user.username).toBe(200)
    for (const user of [strangerFinance, unitUser]) expect((await (await t.as(user)).get(`/api/jobs/${jobRunId}`)).statusCode, user.username).toBe(404)
  })

  test('a job without a jurisdiction is its creator’s alone', async () => {
    const { jobRunId } = await enqueueJob(t.db, countJob, { n: 1, stepMs: 0 }, { createdBy: creator.id })
    expect((await (await t.as(creator)).get(`/api/jobs/${jobRunId}`)).json()).toMatchObject({ id: jobRunId, kind: 'test.count' })
    expect((await (await t.as(districtFinance)).get(`/api/jobs/${jobRunId}`)).statusCode).toBe(404)
  })

  test('unknown id 404, malformed id 400, signed out 401', async () => {
    expect((await (await t.as(creator)).get(`/api/jobs/${crypto.randomUUID()}`)).statusCode).toBe(404)
    const bad = await (await t.as(creator)).get('/api/jobs/not-a-uuid')
    expect(bad.statusCode).toBe(400)
    expect((await t.anon.get(`/api/jobs/${crypto.randomUUID()}`)).statusCode).toBe(401)
  })
})

describe('runJobFromCli', () => {
  test('works the queue in its own process and redraws one bar line on a terminal', async () => {
    const writes: string[] = []
    const out = { isTTY: true, columns: 100, write: (text: string) => writes.push(text) }
    const handle = { db: t.db, engine: t.engine, close: async () => {} }
    const final = await runJobFromCli(handle, t.config, countJob, { n: 4, stepMs: 150 }, { label: '计数', out })
    expect(final).toMatchObject({ status: 'done', done: 4 })
    const bars = writes.filter((w) => w.startsWith('\r\x1b[2K'))
    expect(bars.length).toBeGreaterThanOrEqual(2)
    expect(bars.at(-1)).toBe('\r\x1b[2K计数 [########################] 100% 4/4 counted 4')
    expect(writes.at(-1)).toBe('\n')
  })

  test('prints plain lines when the output is not a terminal, and the error of a failed job', async () => {
    const writes: string[] = []
    const handle = { db: t.db, engine: t.engine, close: async () => {} }
    const final = await runJobFromCli(handle, t.config, failingJob, { why: 'cli' }, { label: 'fail', out: { write: (text: string) => writes.push(text) } })
    expect(final.status).toBe('failed')
    expect(writes.every((w) => w.endsWith('\n') && !w.includes('\r'))).toBe(true)
    expect(writes.at(-1)).toBe('fail: NOT_FOUND: 数据不存在或不在您的权限范围内\n')
  })
})

describe('progressLine', () => {
  test('a bar with percent and counts when the total is known, the count alone otherwise', () => {
    expect(progressLine('开启批次', { status: 'running', done: 4200, total: 10_000, message: 'forms' })).toBe('开启批次 [##########--------------]  42% 4,200/10,000 forms')
    expect(progressLine('sweep', { status: 'running', done: 7, total: null, message: '' })).toBe('sweep 7')
    expect(progressLine('sweep', { status: 'queued', done: 0, total: null, message: 'x' })).toBe('sweep 0 排队中 queued')
    expect(progressLine('x', { status: 'running', done: 1, total: 2, message: 'a'.repeat(100) }, 40)).toHaveLength(40)
  })
})
