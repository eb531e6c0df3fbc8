import { describe, expect, test } from 'vitest'
import { createTestContext } from '../../test/context.ts'
import { call, MultipartBody } from '../../test/endpoints.ts'

/** A payment import as a background job: 202 with the job, progress and the result at GET /api/jobs/:id. */
const t = await createTestContext({}, { jobs: true })
const city = await t.make.jurisdiction()
const unit = await t.make.unit({ department: await t.make.department({ jurisdiction: city }) })
const admin = await t.make.user({ role: 'finance_admin', org: city })
const project = await t.make.project({ unit, code: 'BG001', status: 'executing' })

const HEADER = '项目编码,支付日期,金额,资金来源,支付凭证号'
const file = (lines: string[]) => new MultipartBody('支付.csv', Buffer.from([HEADER, ...lines].join('\n')), 'text/csv')
const upload = async (body: MultipartBody) => call(t, 'POST', '/api/execution/payments/import?background=true', body, (await t.as(admin)).cookie)

describe('background payment import', () => {
  test('a good file is imported by the worker; its result and progress are readable at /api/jobs/:id', async () => {
    const lines = Array.from({ length: 2500 }, (_, i) => `BG001,2026-0${(i % 9) + 1}-10,1.00,一般公共预算,BGV-${i}`)
    const res = await upload(file(lines))
    expect(res.statusCode).toBe(202)
    const { jobRunId } = res.json()
    const state = await t.waitForJob(jobRunId, 60_000)
    expect(state.status).toBe('done')
    const job = (await (await t.as(admin)).get(`/api/jobs/${jobRunId}`)).json()
    expect(job).toMatchObject({ kind: 'execution.import-payments', status: 'done', done: 100, total: 100, result: { committed: true, created: 2500, unchanged: 0 } })
    const count = await t.db.selectFrom('executionPayment').select((eb) => eb.fn.countAll<number>().as('n')).where('projectId', '=', project.id).executeTakeFirstOrThrow()
    expect(Number(count.n)).toBe(2500)
    const audits = await t.db.selectFrom('auditLog').select('action').where('action', 'in', ['execution.payment_import_queue', 'execution.payment_import']).orderBy('seq').execute()
    expect(audits.map((a) => a.action)).toEqual(['execution.payment_import_queue', 'execution.payment_import'])
  })

  test('a file with a bad row writes nothing; the job is done with committed: false and the row errors', async () => {
    const res = await upload(file(['BG001,2026-03-10,1.00,一般公共预算,BGX-1', 'NOPE,2026-03-10,1.00,一般公共预算,BGX-2']))
    const state = await t.waitForJob(res.json().jobRunId, 60_000)
    expect(state.status).toBe('done')
    const job = (await (await t.as(admin)).get(`/api/jobs/${res.json().jobRunId}`)).json()
    expect(job.result).toMatchObject({ committed: false, errorCount: 1, errors: [{ row: 3, field: 'projectCode' }] })
    expect(await t.db.selectFrom('executionPayment').select('id').where('voucherNo', '=', 'BGX-1').executeTakeFirst()).toBeUndefined()
  })

  test('a file of several stored pieces is read back piece by piece: every row, Chinese cut between pieces intact', async () => {
    const lines = Array.from({ length: 40_000 }, (_, i) => `BG001,2026-0${(i % 9) + 1}-11,2.00,政府性基金预算资金（专项）,BGL-${i}`)
    const res = await upload(file(lines))
    expect(res.statusCode).toBe(202)
    const stored = await t.db.selectFrom('storedFile').select(['chunkCount', 'sizeBytes']).orderBy('sizeBytes', 'desc').executeTakeFirstOrThrow()
    expect(stored.sizeBytes).toBeGreaterThan(2 * 1024 * 1024)
    expect(stored.chunkCount).toBe(Math.ceil(stored.sizeBytes / (1024 * 1024)))
    const state = await t.waitForJob(res.json().jobRunId, 120_000)
    expect(state.status).toBe('done')
    const sources = await t.db.selectFrom('executionPayment').select(['fundSource', (eb) => eb.fn.countAll<string>().as('n')]).where('voucherNo', 'like', 'BGL-%').groupBy('fundSource').execute()
    expect(sources.map((r) => [r.fundSource, Number(r.n)])).toEqual([['政府性基金预算资金（专项）', 40_000]])
  })

  test('a file that is not a spreadsheet is refused at once (415), no job queued', async () => {
    const res = await call(t, 'POST', '/api/execution/payments/import?background=true', new MultipartBody('x.pdf', Buffer.from('%PDF-1.4'), 'application/pdf'), (await t.as(admin)).cookie)
    expect(res.statusCode).toBe(415)
  })
})
