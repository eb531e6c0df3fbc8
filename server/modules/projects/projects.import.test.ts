import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import ExcelJS from 'exceljs'
import { sql } from 'kysely'
import { migrateToLatest, openPGlite } from '../../db/database.ts'
import { systemClock } from '../../platform/clock.ts'
import { beforeAll, describe, expect, test } from 'vitest'
import { verifyAuditChain } from '../../platform/audit-verify.ts'
import { createTestContext } from '../../test/context.ts'
import { call, MultipartBody } from '../../test/endpoints.ts'
import { makeFactories } from '../../test/factories.ts'
import { projectColumns } from './projects.repository.ts'
import { importProjects } from './projects.import.ts'
import { activeActor } from '../../platform/actors.ts'
import type { ActorCtx } from '../../http/context.ts'

/**
 * The project library's Excel round trip over HTTP on a real database: template, import (preview and commit),
 * export. Files are built here the way a unit would fill them in, with the Chinese headers of the template.
 */
const t = await createTestContext()
const city = await t.make.jurisdiction()
const district = await t.make.jurisdiction({ parent: city })
const edu = await t.make.department({ jurisdiction: district, name: '教育局' })
const school = await t.make.unit({ department: edu, name: '第一中学' })
const otherSchool = await t.make.unit({ department: edu, name: '第二中学' })
const health = await t.make.department({ jurisdiction: district, name: '卫生健康局' })
const hospital = await t.make.unit({ department: health, name: '人民医院' })

const unitUser = await t.make.user({ role: 'unit_user', org: school })
const deptUser = await t.make.user({ role: 'dept_user', org: edu })
// The district's own bureau files the district's projects; the city above it only looks (issue 10 point 12).
const financeAdmin = await t.make.user({ role: 'finance_admin', org: district })
const cityAdmin = await t.make.user({ role: 'finance_admin', org: city })
const viewer = await t.make.user({ role: 'viewer', org: city })
// Signed in up front: a first sign-in writes an audit row, which would blur the "writes nothing" checks.
for (const user of [unitUser, deptUser, financeAdmin, cityAdmin, viewer]) await t.as(user)

const HEADERS = [
  '项目编码', '项目名称', '预算年度', '预算单位编码', '预算类别', '项目属性', '项目类型', '项目类别', '实施期开始年度', '实施期结束年度',
  '中期资金总额（元）', '一般公共预算资金（元）', '政府性基金预算资金（元）', '其他资金（元）', '是否重大新增', '项目概述', '联系人', '联系电话',
]
type Cell = string | number | null
let serial = 0

/** A valid row for the unit; override cells by header. */
function row(unitCode: string, overrides: Record<string, Cell> = {}): Cell[] {
  const base: Record<string, Cell> = {
    项目编码: `IM${String(++serial).padStart(5, '0')}`,
    项目名称: '2026年教师培训项目',
    预算年度: 2026,
    预算单位编码: unitCode,
    预算类别: '一般公共预算',
    项目属性: '新增',
    项目类型: '一次性',
    项目类别: '一般项目',
    实施期开始年度: 2026,
    实施期结束年度: 2026,
    '中期资金总额（元）': 1234567.89,
    '一般公共预算资金（元）': 1234567.89,
    '政府性基金预算资金（元）': null,
    '其他资金（元）': 0,
    是否重大新增: '否',
    项目概述: '',
    联系人: '张老师',
    联系电话: '0755-12345678',
  }
  const merged = { ...base, ...overrides }
  return HEADERS.map((h) => merged[h] ?? null)
}

async function xlsx(rows: Cell[][], headers = HEADERS): Promise<Buffer> {
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet('项目')
  sheet.addRow(headers)
  for (const r of rows) sheet.addRow(r)
  return Buffer.from(await book.xlsx.writeBuffer())
}

const csvCell = (v: Cell) => (v === null ? '' : /[",\n]/.test(String(v)) ? `"${String(v).replaceAll('"', '""')}"` : String(v))
const csv = (rows: Cell[][], headers = HEADERS) => Buffer.from(`\ufeff${[headers, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`)

async function upload(user: { username: string }, file: Buffer, options: { name?: string; dryRun?: boolean; lang?: 'en'; url?: string } = {}) {
  const cookie = (await t.as(user)).cookie
  const body = new MultipartBody(options.name ?? '项目.xlsx', file, 'application/octet-stream')
  const url = options.url ?? `/api/projects/import${options.dryRun ? '?dryRun=true' : ''}`
  return t.app.inject({
    method: 'POST',
    url,
    payload: body.payload(),
    headers: { cookie: cookie!, 'content-type': `multipart/form-data; boundary=${body.boundary}`, ...(options.lang ? { 'accept-language': 'en' } : {}) },
  })
}

async function readXlsx(content: Buffer) {
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(content as never)
  return book
}

async function download(user: { username: string }, url: string) {
  const res = await call(t, 'GET', url, undefined, (await t.as(user)).cookie)
  return { res, book: res.statusCode === 200 ? await readXlsx(res.rawPayload) : null }
}

const counts = async () => {
  const { rows } = await sql<{ projects: number; audit: number }>`select (select count(*) from project)::int as projects, (select seq from audit_head) as audit`.execute(t.db)
  return rows[0]!
}

const stored = (code: string) => t.db.selectFrom('project').selectAll().where('code', '=', code).executeTakeFirst()

describe('the template', () => {
  test('is an .xlsx with Chinese headers, an example row, drop-downs and the units the user may file for', async () => {
    const { res, book } = await download(deptUser, '/api/projects/import-template')
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toContain('spreadsheetml')
    const sheet = book!.getWorksheet('项目')!
    const headers = (sheet.getRow(1).values as string[]).slice(1)
    expect(headers).toEqual(expect.arrayContaining(['*项目编码', '*项目名称', '*预算单位编码', '*预算类别', '*一般公共预算资金（元）', '其他资金（元）', '是否重大新增']))
    expect(String(sheet.getRow(2).getCell(1).value)).toMatch(/^示例/)
    const kindColumn = headers.indexOf('*预算类别') + 1
    const validation = sheet.getRow(2).getCell(kindColumn).dataValidation
    expect(validation).toMatchObject({ type: 'list', formulae: ['"一般公共预算,政府性基金预算,国有资本经营预算,社会保险基金预算"'] })
    const units = book!.getWorksheet('预算单位')!.getColumn(1).values.slice(2)
    expect(units).toEqual([school.code, otherSchool.code].sort())
  })

  test('comes in 万元 when asked, and needs project.edit', async () => {
    const { book } = await download(deptUser, '/api/projects/import-template?amountUnit=wan')
    expect(book!.getWorksheet('项目')!.getRow(1).values).toContain('*中期资金总额（万元）')
    expect((await download(viewer, '/api/projects/import-template')).res.statusCode).toBe(403)
  })

  test('imports once filled in: the example row is skipped', async () => {
    const { res } = await download(unitUser, '/api/projects/import-template')
    const book = await readXlsx(res.rawPayload)
    const empty = await upload(unitUser, Buffer.from(await book.xlsx.writeBuffer()), { dryRun: true })
    expect(empty.json().errors).toEqual([{ row: 1, column: null, field: null, message: '文件中没有可导入的项目' }])
    const sheet = book.getWorksheet('项目')!
    const example = sheet.getRow(2).values as Cell[]
    sheet.addRow(example.slice(1).map((v, i) => (i === 0 ? 'TPL001' : v)))
    const filled = await upload(unitUser, Buffer.from(await book.xlsx.writeBuffer()))
    expect(filled.json()).toEqual({ dryRun: false, created: 1, updated: 0, unchanged: 0 })
    expect(await stored('TPL001')).toMatchObject({ unitCode: school.code, amountGeneral: '1234567.89', status: 'reserve' })
  })
})

describe('a file with bad rows', () => {
  const good = () => row(school.code)
  const badFile = async () => {
    const first = good()
    return xlsx([
      first,
      row(school.code, { 项目名称: null }),
      row(school.code, { 预算类别: '一般预算' }),
      row(school.code, { '一般公共预算资金（元）': 'abc' }),
      row(school.code, { 项目编码: first[0]!, 项目名称: '同编码的另一个项目' }),
      row(school.code, { 预算单位编码: 'NOPE01' }),
      row(hospital.code),
      row(school.code, { 预算年度: 2027 }),
    ])
  }

  test('previews each error with its row, column and field, in Chinese, and writes nothing', async () => {
    const before = await counts()
    const res = await upload(deptUser, await badFile(), { dryRun: true })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ dryRun: true, total: 8, toCreate: 1, toUpdate: 0, errorCount: 7 })
    expect(res.json().errors).toEqual([
      { row: 3, column: '项目名称', field: 'name', message: '项目名称不能为空' },
      { row: 4, column: '预算类别', field: 'budgetKind', message: '预算类别“一般预算”无效，可选：一般公共预算、政府性基金预算、国有资本经营预算、社会保险基金预算' },
      { row: 5, column: '一般公共预算资金（元）', field: 'amountGeneral', message: '“abc”不是有效的金额' },
      { row: 6, column: '项目编码', field: 'code', message: expect.stringMatching(/^项目编码 IM\d+ 与第 2 行重复/) },
      { row: 7, column: '预算单位编码', field: 'unitCode', message: '预算单位 NOPE01 不存在或不在您的权限范围内' },
      { row: 8, column: '预算单位编码', field: 'unitCode', message: `预算单位 ${hospital.code} 不存在或不在您的权限范围内` },
      { row: 9, column: '预算年度', field: 'fiscalYear', message: '预算年度 2027 不在实施期 2026–2026 内' },
    ])
    expect(res.json().rows.map((r: { action: string }) => r.action)).toEqual(['create', 'error', 'error', 'error', 'error', 'error', 'error', 'error'])
    expect(await counts()).toEqual(before)
  })

  test('in English when asked', async () => {
    const res = await upload(deptUser, await badFile(), { dryRun: true, lang: 'en' })
    expect(res.json().errors[0]).toEqual({ row: 3, column: '项目名称', field: 'name', message: '项目名称 is required' })
    expect(res.json().errors[4].message).toMatch(/^Unit NOPE01 does not exist or is outside your scope/)
  })

  test('commit refuses with 422 IMPORT_INVALID carrying the same errors, and writes nothing — not even the good row', async () => {
    const before = await counts()
    const file = await badFile()
    const res = await upload(deptUser, file)
    expect(res.statusCode).toBe(422)
    expect(res.json().error).toMatchObject({ code: 'IMPORT_INVALID', message: '导入文件有 7 处错误，未写入任何数据' })
    expect(res.json().error.details.map((e: { row: number; field: string }) => `${e.row}:${e.field}`)).toEqual(['3:name', '4:budgetKind', '5:amountGeneral', '6:code', '7:unitCode', '8:unitCode', '9:fiscalYear'])
    expect(await counts()).toEqual(before)
  })

  test('a missing required column is named on the header row', async () => {
    const headers = HEADERS.filter((h) => h !== '中期资金总额（元）')
    const res = await upload(unitUser, csv([row(school.code).filter((_, i) => HEADERS[i] !== '中期资金总额（元）')], headers), { name: 'p.csv', dryRun: true })
    expect(res.json().errors).toEqual([{ row: 1, column: '中期资金总额（元）', field: 'mediumTermAmount', message: '缺少必填列“中期资金总额”' }])
  })

  test('form rules apply to every row: code format, name length, medium-term total, one-off period', async () => {
    const res = await upload(unitUser, await xlsx([
      row(school.code, { 项目编码: '项目一' }),
      row(school.code, { 项目名称: '短' }),
      row(school.code, { '中期资金总额（元）': 100 }),
      row(school.code, { 实施期结束年度: 2027 }),
    ]), { dryRun: true })
    const errors = res.json().errors.map((e: { row: number; field: string; message: string }) => [e.row, e.field, e.message])
    expect(errors).toEqual([
      [2, 'code', '项目编码为 1–64 位字母、数字、下划线或连字符'],
      [3, 'name', expect.stringMatching(/太小|过短|2/)],
      [4, 'mediumTermAmount', '中期资金总额不能小于本年度资金合计'],
      [5, 'periodEndYear', '一次性项目的实施期只能是一个年度'],
    ])
  })
})

describe('a good file', () => {
  test('commits every row in one transaction, each audited in the hash chain', async () => {
    const before = await counts()
    const rows = [row(school.code), row(otherSchool.code, { 预算类别: '政府性基金预算', '政府性基金预算资金（元）': '500,000.50', '一般公共预算资金（元）': 0, '中期资金总额（元）': '500000.50' }), row(school.code, { 是否重大新增: '是', 项目概述: '含逗号, "引号"\n和换行' })]
    const preview = await upload(deptUser, await xlsx(rows), { dryRun: true })
    expect(preview.json()).toMatchObject({ total: 3, toCreate: 3, toUpdate: 0, errorCount: 0, errors: [] })
    const res = await upload(deptUser, await xlsx(rows))
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ dryRun: false, created: 3, updated: 0, unchanged: 0 })
    expect((await counts()).projects).toBe(before.projects + 3)
    expect(await stored(String(rows[1]![0]))).toMatchObject({ budgetKind: 'fund', amountFund: '500000.50', amountGeneral: '0.00', amountTotal: '500000.50', departmentCode: edu.code, unitCode: otherSchool.code, createdBy: deptUser.id })
    expect(await stored(String(rows[2]![0]))).toMatchObject({ isMajorNew: true, description: '含逗号, "引号"\n和换行' })
    const audit = await t.db.selectFrom('auditLog').select(['action', 'entityId', 'after']).where('seq', '>', before.audit).orderBy('seq').execute()
    expect(audit.map((a) => a.action)).toEqual(['project.create', 'project.create', 'project.create', 'project.import'])
    expect(audit[0]!.after).toMatchObject({ code: rows[0]![0], unitName: '第一中学', departmentName: '教育局', amountGeneral: '1234567.89' })
    expect(audit[3]!.after).toEqual({ fileName: '项目.xlsx', created: 3, updated: 0, unchanged: 0 })
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true })
  })

  test('re-importing updates by code instead of duplicating; unchanged rows are left alone', async () => {
    const rows = [row(school.code), row(school.code), row(school.code)]
    expect((await upload(unitUser, await xlsx(rows))).json()).toMatchObject({ created: 3 })
    const before = await counts()
    expect((await upload(unitUser, await xlsx(rows))).json()).toEqual({ dryRun: false, created: 0, updated: 0, unchanged: 3 })
    rows[1] = row(school.code, { 项目编码: rows[1]![0]!, 项目名称: '改过名称的培训项目', '中期资金总额（元）': 2000000, '一般公共预算资金（元）': '1999999.99' })
    const preview = await upload(unitUser, await xlsx(rows), { dryRun: true })
    expect(preview.json()).toMatchObject({ toCreate: 0, toUpdate: 1, unchanged: 2 })
    expect((await upload(unitUser, await xlsx(rows))).json()).toEqual({ dryRun: false, created: 0, updated: 1, unchanged: 2 })
    expect((await counts()).projects).toBe(before.projects)
    const project = (await stored(String(rows[1]![0])))!
    expect(project).toMatchObject({ name: '改过名称的培训项目', amountGeneral: '1999999.99', version: 2, status: 'reserve' })
    const audit = await t.db.selectFrom('auditLog').select(['action', 'before', 'after']).where('entityId', '=', project.id).orderBy('seq').execute()
    expect(audit.map((a) => a.action)).toEqual(['project.create', 'project.update'])
    expect(audit[1]).toMatchObject({ before: { name: '2026年教师培训项目', version: 1 }, after: { name: '改过名称的培训项目', version: 2 } })
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true })
  })

  test('each audit record holds the project exactly as stored, on create and on update', async () => {
    const asStored = async (code: string) => {
      const p = await t.db.selectFrom('project').innerJoin('orgNode as unitNode', 'unitNode.code', 'project.unitCode')
        .innerJoin('orgNode as departmentNode', 'departmentNode.code', 'project.departmentCode').select(projectColumns).where('project.code', '=', code).executeTakeFirstOrThrow()
      return JSON.parse(JSON.stringify(p))
    }
    const afterOf = async (id: string) => (await t.db.selectFrom('auditLog').select('after').where('entityId', '=', id).orderBy('seq', 'desc').executeTakeFirstOrThrow()).after
    const first = row(school.code, { '中期资金总额（元）': '1000.5', '一般公共预算资金（元）': 1000.5, '其他资金（元）': null })
    await upload(unitUser, await xlsx([first]))
    const created = await asStored(String(first[0]))
    expect(created).toMatchObject({ amountGeneral: '1000.50', amountOther: '0.00', amountTotal: '1000.50', version: 1 })
    expect(await afterOf(created.id)).toEqual(created)
    await upload(unitUser, await xlsx([row(school.code, { 项目编码: first[0]!, 项目名称: '改名后的项目', '中期资金总额（元）': 7, '一般公共预算资金（元）': 7 })]))
    const updated = await asStored(String(first[0]))
    expect(updated).toMatchObject({ name: '改名后的项目', amountGeneral: '7.00', version: 2, createdAt: created.createdAt })
    expect(await afterOf(created.id)).toEqual(updated)
  })

  test('a segment of the chain holds the rows in file order — new, updated, coded on commit — each as stored', async () => {
    const known = row(school.code)
    await upload(unitUser, await xlsx([known]))
    const rows = [row(school.code, { 项目编码: null }), row(school.code, { 项目编码: known[0]!, 项目名称: '分段中改名的项目' }), row(school.code), row(school.code, { 项目编码: null })]
    const actor = (await activeActor(t.db, { userId: unitUser.id }))!
    const ctx: ActorCtx = { actor, requestId: 'segment-order', clientIp: '127.0.0.1', now: new Date(), lang: 'zh' }
    const result = await importProjects(t.db, ctx, { fileName: '分段.xlsx', content: await xlsx(rows) }, { dryRun: false, auditSegmentFrom: 1 })
    expect(result).toEqual({ dryRun: false, created: 3, updated: 1, unchanged: 0 })
    const audit = await t.db.selectFrom('auditLog').select(['action', 'entityId', 'after']).where('requestId', '=', 'segment-order').orderBy('seq').execute()
    expect(audit.map((a) => a.action)).toEqual(['audit.segment.open', 'project.create', 'project.update', 'project.create', 'project.create', 'project.import', 'audit.segment.seal'])
    const projects = await t.db.selectFrom('project').select(['id', 'code', 'name']).where('id', 'in', audit.slice(1, 5).map((a) => a.entityId!)).execute()
    const byId = new Map(projects.map((p) => [p.id, p]))
    // Each audit row names its project's code as stored — the generated ones too, which differ.
    const codes = audit.slice(1, 5).map((a) => (a.after as { code: string }).code)
    expect(codes).toEqual(audit.slice(1, 5).map((a) => byId.get(a.entityId!)!.code))
    expect(codes[1]).toBe(known[0])
    expect(codes[2]).toBe(rows[2]![0])
    expect(new Set(codes).size).toBe(4)
    expect(byId.get(audit[2]!.entityId!)!.name).toBe('分段中改名的项目')
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true })
  })

  test('columns left out of the file keep the stored values of updated projects', async () => {
    const code = 'KEEP001'
    await upload(unitUser, await xlsx([row(school.code, { 项目编码: code, 项目概述: '保留的概述', 联系人: '李四' })]))
    const required = HEADERS.slice(0, 12)
    const res = await upload(unitUser, await xlsx([row(school.code, { 项目编码: code, 项目名称: '只改名称的项目' }).slice(0, 12)], required))
    expect(res.json()).toMatchObject({ updated: 1 })
    expect(await stored(code)).toMatchObject({ name: '只改名称的项目', description: '保留的概述', contactName: '李四' })
  })

  test('rows naming a project past the draft stage, or one out of scope, are refused', async () => {
    await t.make.project({ unit: school, code: 'BUDGETED1', status: 'budgeted' })
    await t.make.project({ unit: hospital, code: 'HOSP001' })
    const res = await upload(deptUser, await xlsx([row(school.code, { 项目编码: 'BUDGETED1' }), row(school.code, { 项目编码: 'HOSP001' })]), { dryRun: true })
    expect(res.json().errors).toEqual([
      { row: 2, column: '项目编码', field: 'code', message: '项目 BUDGETED1 处于“已纳入预算”状态，不能通过导入修改' },
      { row: 3, column: '项目编码', field: 'code', message: '2026 年度编码为 HOSP001 的项目已存在，且不在您的权限范围内' },
    ])
  })

  test('a city bureau may not import a district unit’s projects, and its template offers only its own units', async () => {
    const file = await xlsx([row(school.code, { 项目编码: 'CITY001' })])
    const before = await counts()
    const res = await upload(cityAdmin, file)
    expect(res.statusCode).toBe(422)
    expect(res.json().error.details).toEqual([
      { row: 2, column: '预算单位编码', field: 'unitCode', message: '预算单位 第一中学 属于下级行政区划，其项目由该区划的财政部门办理，上级财政部门只能查看' },
    ])
    expect(await counts()).toEqual(before)
    expect((await download(cityAdmin, '/api/projects/import-template')).book!.getWorksheet('预算单位')!.getColumn(1).values.slice(2)).toEqual([])
    expect((await upload(financeAdmin, file, { dryRun: true })).json()).toMatchObject({ toCreate: 1, errorCount: 0 })
  })

  test('a CSV (UTF-8 with BOM, amounts with thousands separators) imports like an .xlsx', async () => {
    const code = 'CSV001'
    const res = await upload(unitUser, csv([row(school.code, { 项目编码: code, '中期资金总额（元）': '1,234,567.89', '一般公共预算资金（元）': '1,234,567.89' })]), { name: '项目.csv' })
    expect(res.json()).toMatchObject({ created: 1 })
    expect(await stored(code)).toMatchObject({ amountGeneral: '1234567.89', amountTotal: '1234567.89' })
  })
})

describe('files that are not project lists', () => {
  test('other formats are 415 UNSUPPORTED_FILE; a file over 50 MB is 413 FILE_TOO_LARGE; no file is 400', async () => {
    const text = await upload(unitUser, Buffer.from('hello'), { name: 'notes.txt' })
    expect([text.statusCode, text.json().error.code]).toEqual([415, 'UNSUPPORTED_FILE'])
    const xls = await upload(unitUser, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), Buffer.alloc(100)]), { name: 'old.xls' })
    expect(xls.json().error.message).toMatch(/另存为 \.xlsx/)
    const broken = await upload(unitUser, Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100)]), { name: 'broken.xlsx' })
    expect([broken.statusCode, broken.json().error.code]).toEqual([415, 'UNSUPPORTED_FILE'])
    const json = await call(t, 'POST', '/api/projects/import', { file: 'x' }, (await t.as(unitUser)).cookie)
    expect([json.statusCode, json.json().error.code]).toEqual([415, 'UNSUPPORTED_FILE'])
    const empty = await upload(unitUser, Buffer.alloc(0), { name: 'empty.csv' })
    expect(empty.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: 'file', message: '文件为空' }] })
    const huge = await upload(unitUser, Buffer.alloc(50 * 1024 * 1024 + 1, 0x41), { name: 'huge.csv' })
    expect([huge.statusCode, huge.json().error.code]).toEqual([413, 'FILE_TOO_LARGE'])
  })

  test('a sheet without the project headers says so', async () => {
    const res = await upload(unitUser, await xlsx([['a', 'b']], ['名称', '金额']), { dryRun: true })
    expect(res.json().errors[0]).toMatchObject({ row: 1, message: expect.stringMatching(/^找不到表头/) })
  })
})

describe('export', () => {
  const snapshot = async (unitCodes: string[]) =>
    (
      await t.db
        .selectFrom('project')
        .select(['code', 'name', 'fiscalYear', 'unitCode', 'departmentCode', 'jurisdictionCode', 'budgetKind', 'attribute', 'projectType', 'objectKind', 'periodStartYear', 'periodEndYear', 'mediumTermAmount', 'amountGeneral', 'amountFund', 'amountStateCapital', 'amountSocialInsurance', 'amountFiscal', 'amountOther', 'amountTotal', 'isMajorNew', 'description', 'contactName', 'contactPhone', 'status'])
        .where('unitCode', 'in', unitCodes)
        .orderBy('code')
        .execute()
    )

  test('export → import gives the same data, in 元 and in 万元, down to the cent', async () => {
    const unit = await t.make.unit({ department: edu, name: '第三中学' })
    const admin = await t.make.user({ role: 'dept_user', org: edu })
    const rows = [
      row(unit.code, { 项目编码: 'RT001', '中期资金总额（元）': '9999999999999999.99', '一般公共预算资金（元）': '9999999999999999.99' }),
      row(unit.code, { 项目编码: 'RT002', '中期资金总额（元）': 0.01, '一般公共预算资金（元）': 0.01, 联系人: null, 联系电话: null }),
      row(unit.code, { 项目编码: 'RT003', 项目类型: '延续性', 实施期开始年度: 2025, 实施期结束年度: 2027, '中期资金总额（元）': 3703703.67, '政府性基金预算资金（元）': 0.1, '其他资金（元）': 1234567.8, 是否重大新增: '是', 项目概述: '多行\n概述, "含引号"' }),
    ]
    expect((await upload(admin, await xlsx(rows))).json()).toMatchObject({ created: 3 })
    const original = await snapshot([unit.code])
    expect(original.map((p) => p.amountGeneral)).toEqual(['9999999999999999.99', '0.01', '1234567.89'])

    for (const amountUnit of ['yuan', 'wan']) {
      const { book } = await download(admin, `/api/projects/export?unitCode=${unit.code}&sort=code&amountUnit=${amountUnit}`)
      const sheet = book!.worksheets[0]!
      expect(sheet.rowCount).toBe(4)
      const exported = Buffer.from(await book!.xlsx.writeBuffer())
      // Unchanged on re-import: every field read back equals the stored one.
      expect((await upload(admin, exported, { dryRun: true })).json()).toMatchObject({ total: 3, toCreate: 0, toUpdate: 0, unchanged: 3, errorCount: 0 })
      // Into an empty library: the same projects again.
      await t.db.deleteFrom('project').where('unitCode', '=', unit.code).execute()
      expect((await upload(admin, exported)).json()).toMatchObject({ created: 3 })
      expect(await snapshot([unit.code])).toEqual(original)
    }
  })

  test('writes amounts as exact numbers where Excel can hold them, as text beyond 15 digits; labels in Chinese', async () => {
    const { book } = await download(deptUser, `/api/projects/export?q=RT00&sort=code`)
    const sheet = book!.worksheets[0]!
    const header = (sheet.getRow(1).values as string[]).slice(1)
    const cell = (r: number, h: string) => sheet.getRow(r).getCell(header.indexOf(h) + 1)
    expect(cell(2, '一般公共预算资金（元）').value).toBe('9999999999999999.99')
    expect(cell(4, '一般公共预算资金（元）').value).toBe(1234567.89)
    expect(cell(4, '一般公共预算资金（元）').numFmt).toBe('#,##0.00')
    expect(cell(4, '年度资金合计（元）').value).toBe(2469135.79)
    expect(cell(4, '项目类型').value).toBe('延续性')
    expect(cell(4, '是否重大新增').value).toBe('是')
    expect(cell(4, '项目状态').value).toBe('储备')
    expect(cell(4, '预算单位名称').value).toBe('第三中学')
    const { book: wan } = await download(deptUser, `/api/projects/export?q=RT00&sort=code&amountUnit=wan`)
    const wanHeader = (wan!.worksheets[0]!.getRow(1).values as string[]).slice(1)
    expect(wan!.worksheets[0]!.getRow(4).getCell(wanHeader.indexOf('一般公共预算资金（万元）') + 1).value).toBe(123.456789)
  })

  test('follows the list: its filters, its order and the caller’s scope', async () => {
    const list = await (await t.as(deptUser)).get('/api/projects?budgetKind=general&sort=amountTotal&order=desc&pageSize=200')
    const { book } = await download(deptUser, '/api/projects/export?budgetKind=general&sort=amountTotal&order=desc')
    const codes = book!.worksheets[0]!.getColumn(1).values.slice(2)
    expect(codes).toEqual(list.json().items.map((p: { code: string }) => p.code))
    expect(list.json().total).toBe(codes.length)
    const { book: unitBook } = await download(unitUser, '/api/projects/export')
    const units = new Set(unitBook!.worksheets[0]!.getColumn(4).values.slice(2))
    expect([...units]).toEqual([school.code])
    expect((await download(viewer, '/api/projects/export')).res.statusCode).toBe(200)
  })
})

describe('at scale: a 10 000-row file', () => {
  let unit: Awaited<ReturnType<typeof t.make.unit>>
  let file: Buffer
  beforeAll(async () => {
    unit = await t.make.unit({ department: edu, name: '第十中学' })
    const rows = Array.from({ length: 10_000 }, (_, i) =>
      row(unit.code, { 项目编码: `BULK${String(i).padStart(5, '0')}`, 项目名称: `2026年第${i}号批量导入项目`, '中期资金总额（元）': `${i}.99`, '一般公共预算资金（元）': `${i}.99` }),
    )
    rows[0] = row(unit.code, { 项目编码: 'BULK00000', 项目名称: '2026年第0号批量导入项目', '中期资金总额（元）': '1234567.89', '一般公共预算资金（元）': '1234567.89' })
    file = await xlsx(rows)
  })

  test('previews', async () => {
    const preview = await upload(financeAdmin, file, { dryRun: true })
    expect(preview.json()).toMatchObject({ total: 10_000, toCreate: 10_000, errorCount: 0 })
    expect(preview.json().rows).toHaveLength(200)
  })

  test('imports in one go, every project audited, every amount and name exact', async () => {
    const before = await counts()
    const res = await upload(financeAdmin, file)
    expect(res.json()).toEqual({ dryRun: false, created: 10_000, updated: 0, unchanged: 0 })
    const after = await counts()
    expect(after.projects - before.projects).toBe(10_000)
    // One row a project and the import's own, in a segment of the chain with its opening and seal (ADR 0017).
    expect(after.audit - before.audit).toBe(10_003)
    const segment = await t.db.selectFrom('auditLog').select(['action', 'after']).where('action', 'like', 'audit.segment.%').orderBy('seq', 'desc').limit(2).execute()
    expect(segment.map((r) => r.action)).toEqual(['audit.segment.seal', 'audit.segment.open'])
    expect(segment[0]!.after).toMatchObject({ rows: 10_001 })
    expect(await stored('BULK00000')).toMatchObject({ amountGeneral: '1234567.89', amountTotal: '1234567.89' })
    expect(await stored('BULK09999')).toMatchObject({ amountGeneral: '9999.99' })
    // Every Chinese name intact: exceljs's stream reader alone garbles characters split across chunks.
    const { rows: garbled } = await sql<{ n: number }>`select count(*)::int as n from project where unit_code = ${unit.code} and name !~ '^2026年第[0-9]+号批量导入项目$'`.execute(t.db)
    expect(garbled[0]!.n).toBe(0)
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true })
  })

  test('exports back in order', async () => {
    const { book } = await download(financeAdmin, `/api/projects/export?unitCode=${unit.code}&sort=code`)
    const codes = book!.worksheets[0]!.getColumn(1).values.slice(2)
    expect(codes).toHaveLength(10_000)
    expect(codes[0]).toBe('BULK00000')
    expect(codes[9_999]).toBe('BULK09999')
  })
})

describe('the jixiao import projects command', () => {
  test('previews and imports as the given user, with a progress bar on stderr; a bad file exits 1 naming rows', { timeout: 120_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-import-cli-'))
    const dataDir = join(dir, 'data')
    const { DATABASE_URL: _ignored, ...env } = process.env
    const cwd = fileURLToPath(new URL('../../..', import.meta.url))
    const jixiao = (...args: string[]) =>
      spawnSync(process.execPath, ['bin/jixiao.js', ...args], { cwd, env: { ...env, JIXIAO_DATA_DIR: dataDir }, encoding: 'utf8', timeout: 100_000 })
    try {
      const handle = await openPGlite({ dataDir })
      await migrateToLatest(handle.db)
      const make = makeFactories(handle.db, systemClock)
      const cliUnit = await make.unit()
      const cliUser = await make.user({ role: 'unit_user', org: cliUnit, username: 'cli_unit_user' })
      await handle.close()
      const good = join(dir, '项目.csv')
      writeFileSync(good, csv([row(cliUnit.code, { 项目编码: 'CLI001' }), row(cliUnit.code, { 项目编码: 'CLI002' })]))
      const bad = join(dir, 'bad.csv')
      writeFileSync(bad, csv([row(cliUnit.code, { 项目编码: 'CLI003', 预算类别: '一般预算' })]))

      const preview = jixiao('import', 'projects', good, '--as', cliUser.username, '--dry-run')
      expect(preview.stdout).toMatch(/预览.*共 2 行，新增 2，更新 0，未变 0，错误 0/)
      expect(preview.stderr).toMatch(/\r读取 \[#+\] 100% 2 行/)
      expect(preview.status).toBe(0)
      const commit = jixiao('import', 'projects', good, '--as', cliUser.username)
      expect(commit.stdout).toMatch(/已导入.*新增 2，更新 0，未变 0/)
      expect(commit.stderr).toMatch(/\r写入 \[#+\] 100% 2\/2/)
      expect(commit.status).toBe(0)
      const refused = jixiao('import', 'projects', bad, '--as', cliUser.username)
      expect(refused.status).toBe(1)
      expect(refused.stderr).toContain('第 2 行 [预算类别]：预算类别“一般预算”无效')

      const check = await openPGlite({ dataDir })
      const codes = await check.db.selectFrom('project').select(['code', 'createdBy']).orderBy('code').execute()
      await check.close()
      expect(codes).toEqual([{ code: 'CLI001', createdBy: cliUser.id }, { code: 'CLI002', createdBy: cliUser.id }])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
