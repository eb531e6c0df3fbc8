import ExcelJS from 'exceljs'
import { sql } from 'kysely'
import { describe, expect, test } from 'vitest'
import { verifyAuditChain } from '../../platform/audit-verify.ts'
import type { JobContext } from '../../platform/jobs.ts'
import { createTestContext } from '../../test/context.ts'
import { call, MultipartBody } from '../../test/endpoints.ts'
import { importProjectsJob } from './projects.jobs.ts'

/** The project import's commit as a background job: 202 with the job, progress and the result at GET /api/jobs/:id. */
const t = await createTestContext({}, { jobs: true })
const city = await t.make.jurisdiction()
const district = await t.make.jurisdiction({ parent: city })
const edu = await t.make.department({ jurisdiction: district, name: '教育局' })
const school = await t.make.unit({ department: edu, name: '第一中学' })
const otherSchool = await t.make.unit({ department: edu, name: '第二中学' })
const financeAdmin = await t.make.user({ role: 'finance_admin', org: district })
const unitUser = await t.make.user({ role: 'unit_user', org: school })
const otherUnitUser = await t.make.user({ role: 'unit_user', org: otherSchool })
const viewer = await t.make.user({ role: 'viewer', org: city })
for (const user of [financeAdmin, unitUser, otherUnitUser, viewer]) await t.as(user)

const HEADERS = ['项目编码', '项目名称', '预算年度', '预算单位编码', '预算类别', '项目属性', '项目类型', '项目类别', '实施期开始年度', '实施期结束年度',
  '中期资金总额（元）', '一般公共预算资金（元）', '政府性基金预算资金（元）', '其他资金（元）', '是否重大新增', '项目概述', '联系人', '联系电话']

const line = (code: string, unitCode: string, yuan = '1234567.89') =>
  [code, `2026年教师培训项目${code}`, 2026, unitCode, '一般公共预算', '新增', '一次性', '一般项目', 2026, 2026, yuan, yuan, '', '0', '否', '', '张老师', '0755-12345678'].join(',')
const csv = (lines: string[]) => Buffer.from(`\ufeff${[HEADERS.join(','), ...lines].join('\r\n')}\r\n`)

async function upload(user: { username: string }, file: Buffer, query: string, name = '项目.csv') {
  return call(t, 'POST', `/api/projects/import?${query}`, new MultipartBody(name, file, 'application/octet-stream'), (await t.as(user)).cookie)
}

async function runInBackground(user: { username: string }, file: Buffer, name?: string) {
  const res = await upload(user, file, 'background=true', name)
  expect(res.statusCode, res.body).toBe(202)
  const { jobRunId } = res.json() as { jobRunId: string }
  const state = await t.waitForJob(jobRunId, 120_000)
  expect(state.status, state.error ?? '').toBe('done')
  return { jobRunId, job: (await (await t.as(user)).get(`/api/jobs/${jobRunId}`)).json() }
}

const projectsWithCode = async (prefix: string) => Number((await t.db.selectFrom('project').select((eb) => eb.fn.countAll<number>().as('n')).where('code', 'like', `${prefix}%`).executeTakeFirstOrThrow()).n)
const auditSeq = async () => Number((await sql<{ seq: number }>`select seq from audit_head`.execute(t.db)).rows[0]!.seq)

describe('the project import as a background job', () => {
  test('a good file is stored, imported by the worker and audited; progress and the counts are at /api/jobs/:id', async () => {
    const lines = Array.from({ length: 3000 }, (_, i) => line(`BGJ${String(i).padStart(5, '0')}`, i % 2 ? school.code : otherSchool.code))
    const before = await auditSeq()
    const { jobRunId, job } = await runInBackground(financeAdmin, csv(lines))
    expect(job).toMatchObject({ kind: 'projects.import', status: 'done', done: 100, total: 100, result: { committed: true, created: 3000, updated: 0, unchanged: 0 } })
    expect(job.message).toBe('已导入：新增 3000，更新 0，未变 0')
    expect(await projectsWithCode('BGJ')).toBe(3000)
    // The queueing, one record per project and the import's own, and the opening and seal of their segment (ADR 0017).
    expect((await auditSeq()) - before).toBe(3004)
    const audits = await t.db.selectFrom('auditLog').select(['action', 'requestId']).where('action', 'in', ['project.import_queue', 'project.import']).where('seq', '>', before).orderBy('seq').execute()
    expect(audits).toEqual([{ action: 'project.import_queue', requestId: expect.any(String) }, { action: 'project.import', requestId: `job-${jobRunId}` }])
    expect((await verifyAuditChain(t.db)).ok).toBe(true)
  })

  test('an .xlsx imports too, and a second import of the same file updates nothing', async () => {
    const book = new ExcelJS.Workbook()
    const sheet = book.addWorksheet('项目')
    sheet.addRow(HEADERS)
    sheet.addRow(line('BGX00001', school.code).split(','))
    const file = Buffer.from(await book.xlsx.writeBuffer())
    expect((await runInBackground(unitUser, file, '项目.xlsx')).job.result).toMatchObject({ committed: true, created: 1 })
    expect((await runInBackground(unitUser, file, '项目.xlsx')).job.result).toMatchObject({ committed: true, created: 0, updated: 0, unchanged: 1 })
  })

  test('a file with row problems writes nothing; the job is done with committed: false and exactly the errors of the synchronous commit', async () => {
    const file = csv([line('BGE00001', school.code), line('BGE00002', 'NOPE'), line('BGE00003', school.code, 'abc')])
    const refused = await upload(financeAdmin, file, 'dryRun=false')
    expect(refused.statusCode).toBe(422)
    const { error } = refused.json()
    expect(error).toMatchObject({ code: 'IMPORT_INVALID', message: '导入文件有 3 处错误，未写入任何数据' })
    const { job } = await runInBackground(financeAdmin, file)
    expect(job.result).toEqual({ committed: false, created: 0, updated: 0, unchanged: 0, errorCount: 3, errors: error.details, message: error.message })
    expect(job.result.errors.map((e: { row: number }) => e.row)).toEqual([3, 4, 4])
    expect(await projectsWithCode('BGE')).toBe(0)
  })

  test('the data scope applies: a unit may not import another unit’s projects', async () => {
    const { job } = await runInBackground(unitUser, csv([line('BGS00001', otherSchool.code)]))
    expect(job.result).toMatchObject({ committed: false, errorCount: 1, errors: [{ row: 2, field: 'unitCode' }] })
    expect(await projectsWithCode('BGS')).toBe(0)
  })

  test('a second run of a job that committed returns its result and imports nothing again', async () => {
    const { jobRunId, job } = await runInBackground(otherUnitUser, csv([line('BGR00001', otherSchool.code), line('BGR00002', otherSchool.code)]))
    expect(job.result).toMatchObject({ committed: true, created: 2 })
    const before = await auditSeq()
    // What a worker does when the process that committed the import died before it could mark the job done.
    const row = await t.db.selectFrom('jobRun').select('data').where('id', '=', jobRunId).executeTakeFirstOrThrow()
    const ctx: JobContext = { jobRunId, db: t.db, clock: t.clock, config: t.config, data: row.data, progress: async () => {} }
    const again = await importProjectsJob.run(importProjectsJob.schema.parse(row.data), ctx)
    expect(again).toEqual(job.result)
    expect(await auditSeq()).toBe(before)
    expect(await projectsWithCode('BGR')).toBe(2)
  })

  test('needs project.edit (403); someone else’s job is 404; a file that is no spreadsheet is 415 and queues nothing', async () => {
    expect((await upload(viewer, csv([line('BGF00001', school.code)]), 'background=true')).statusCode).toBe(403)
    const res = await upload(unitUser, csv([line('BGF00002', school.code)]), 'background=true')
    const { jobRunId } = res.json()
    await t.waitForJob(jobRunId, 60_000)
    expect((await (await t.as(otherUnitUser)).get(`/api/jobs/${jobRunId}`)).statusCode).toBe(404)
    const queued = Number((await t.db.selectFrom('jobRun').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)
    const pdf = await upload(financeAdmin, Buffer.from('%PDF-1.4'), 'background=true', 'x.pdf')
    expect(pdf.statusCode).toBe(415)
    expect(pdf.json().error.code).toBe('UNSUPPORTED_FILE')
    expect(Number((await t.db.selectFrom('jobRun').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)).toBe(queued)
  })
})
