import ExcelJS from 'exceljs'
import { describe, expect, test } from 'vitest'
import { readWorkbook } from '../../platform/excel.ts'
import { createTestContext } from '../../test/context.ts'
import { MultipartBody } from '../../test/endpoints.ts'
import { evaluatedProject, formOfProject, openedSelfRound, pay } from '../../test/factories.self-evaluation.ts'

/** The 自评表 in Excel: the 10号 附件1 and Sichuan layouts, export → import round trips, preview, all or nothing. */

const t = await createTestContext()
const district = await t.make.jurisdiction({ name: '表格区' })
const edu = await t.make.department({ jurisdiction: district, name: '教育局' })
const school = await t.make.unit({ department: edu, name: '第一中学' })
const other = await t.make.unit({ department: edu, name: '第二中学' })
const unitRow = await t.make.user({ role: 'unit_user', org: school })
const otherRow = await t.make.user({ role: 'unit_user', org: other })
const unitUser = await t.as(unitRow)

const projects = [await evaluatedProject(t, school), await evaluatedProject(t, school), await evaluatedProject(t, school)]
for (const p of projects) await pay(t, p, '800000.00')
const round = await openedSelfRound(t, { jurisdiction: district })
const ids = await Promise.all(projects.map(async (p) => (await formOfProject(t, p.id)).id))

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
const url = (id: string, tail = '') => `/api/evaluation/self/${id}${tail}`
const read = async (id: string) => (await unitUser.get(url(id))).json()

async function upload(user: { username: string }, content: Buffer, dryRun: boolean) {
  const body = new MultipartBody('自评表.xlsx', content, XLSX)
  const { cookie } = await t.as(user)
  return t.app.inject({ method: 'POST', url: `/api/evaluation/self/import?dryRun=${dryRun}`, payload: body.payload(), headers: { cookie: cookie!, 'content-type': `multipart/form-data; boundary=${body.boundary}` } })
}
async function download(path: string) {
  const { cookie } = await t.as(unitRow)
  const res = await t.app.inject({ method: 'GET', url: path, headers: { cookie: cookie! } })
  expect(res.statusCode).toBe(200)
  expect(res.headers['content-type']).toContain('spreadsheetml')
  return res.rawPayload
}

/** Fills a form: every indicator met except the second (under-achieved, with a reason), one score docked with a reason. */
async function fillForm(id: string) {
  const view = await read(id)
  const indicators = view.indicators.map((i: { id: string; nature: string; name: string }, n: number) => ({
    id: i.id,
    actual: i.nature === 'qualitative' ? '达成年度指标' : i.name === '培训人次' ? '520' : n === 1 ? '80' : '95',
    ...(n === 1 && { deviationReason: '部分学员因病缺考' }),
  }))
  const first = await unitUser.put(url(id), { version: view.version, executionReason: '年底集中支付未到账', overallActual: '完成培训 520 人次', problems: '进度偏慢', measures: '提前安排', indicators })
  expect(first.statusCode).toBe(200)
  const docked = first.json().indicators[0]
  const res = await unitUser.put(url(id), { version: first.json().version, indicators: [{ id: docked.id, score: '15.00', overrideReason: '目标设定偏低', deviationReason: '目标偏低' }] })
  expect(res.statusCode).toBe(200)
  return res.json()
}

const snapshot = (view: any) => ({
  executed: view.funds.executed,
  executionReason: view.funds.executionReason,
  overallActual: view.overallActual,
  problems: view.problems,
  measures: view.measures,
  total: view.total,
  grade: view.grade,
  indicators: view.indicators.map((i: any) => ({ actual: i.actual, score: i.score, overridden: i.overridden, overrideReason: i.overrideReason, deviationReason: i.deviationReason, applicable: i.applicable })),
})

async function clear(id: string) {
  const view = await read(id)
  const res = await unitUser.put(url(id), {
    version: view.version,
    executionReason: null,
    overallActual: '',
    problems: '',
    measures: '',
    indicators: view.indicators.map((i: { id: string }) => ({ id: i.id, actual: null, score: null, overrideReason: null, deviationReason: null })),
  })
  expect(res.statusCode).toBe(200)
  expect(res.json().total).toBeNull()
}

describe('export', () => {
  test('the 10号 附件1 layout: header, 项目资金 in 万元, 年度总体目标, the indicator table, 总分', async () => {
    await fillForm(ids[0]!)
    const [sheet] = await readWorkbook(await download(url(ids[0]!, '/export')))
    const texts = sheet!.rows.flatMap((r) => r.cells.map((c) => (c === null ? '' : String(c))))
    for (const label of ['项目支出绩效自评表', '（2026年度）', '项目名称', '主管部门', '实施单位', '项目资金（万元）', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分', '年度总体目标', '预期目标', '实际完成情况', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '偏差原因分析及改进措施', '总分', '自评表编号']) {
      expect(texts).toContain(label)
    }
    expect(texts).toContain('80') // 全年执行数 800000 元 = 80 万元
    expect(texts).toContain('80.00%')
  })

  test('the Sichuan variant: 预算执行情况 by fund source, 指标性质 and 度量单位, 评价结论', async () => {
    const [sheet] = await readWorkbook(await download(url(ids[0]!, '/export?layout=sichuan')))
    const texts = sheet!.rows.flatMap((r) => r.cells.map((c) => (c === null ? '' : String(c))))
    for (const label of ['预算执行情况（10分）', '调整后预算数', '预算执行数', '财政资金', '指标性质', '度量单位', '完成值', '权重', '未完成原因分析', '评价结论', '存在问题', '改进措施']) expect(texts).toContain(label)
  })

  test('a round exports a sheet per form the caller sees; the list exports too', async () => {
    const sheets = await readWorkbook(await download(`/api/evaluation/self-rounds/${round.id}/export`))
    expect(sheets).toHaveLength(3)
    const list = await readWorkbook(await download(`/api/evaluation/self/export?roundId=${round.id}`))
    expect(list[0]!.rows).toHaveLength(4)
    const roundList = await readWorkbook(await download('/api/evaluation/self-rounds/export?fiscalYear=2026'))
    expect(roundList[0]!.rows).toHaveLength(2)
  })
})

describe('import: the same layout read back', () => {
  test('10号 layout: export → clear → preview (nothing written) → import restores every value', async () => {
    const before = snapshot(await read(ids[0]!))
    const file = await download(url(ids[0]!, '/export'))
    await clear(ids[0]!)
    const preview = await upload(unitRow, file, true)
    expect(preview.statusCode).toBe(200)
    expect(preview.json()).toMatchObject({ dryRun: true, applied: false, errors: [], preview: [{ formId: ids[0], total: before.total, grade: before.grade }] })
    expect((await read(ids[0]!)).total).toBeNull()
    const commit = await upload(unitRow, file, false)
    expect(commit.statusCode).toBe(200)
    expect(commit.json().applied).toBe(true)
    expect(snapshot(await read(ids[0]!))).toEqual(before)
    const audit = await t.db.selectFrom('auditLog').select('action').where('entityId', '=', ids[0]!).execute()
    expect(audit.map((a) => a.action)).toContain('evaluation.self_import')
  })

  test('Sichuan layout round trip, with a changed 完成值 and 执行数', async () => {
    await fillForm(ids[1]!)
    const before = snapshot(await read(ids[1]!))
    const file = await download(url(ids[1]!, '/export?layout=sichuan'))
    await clear(ids[1]!)
    expect((await upload(unitRow, file, false)).json().applied).toBe(true)
    expect(snapshot(await read(ids[1]!))).toEqual(before)

    const book = new ExcelJS.Workbook()
    await book.xlsx.load(file as never)
    const sheet = book.worksheets[0]!
    sheet.eachRow((row) => {
      if (row.getCell(2).value === '财政资金') row.getCell(5).value = 100
    })
    const changed = Buffer.from(await book.xlsx.writeBuffer())
    const view = (await upload(unitRow, changed, false)).json()
    expect(view.applied).toBe(true)
    expect((await read(ids[1]!)).funds).toMatchObject({ executed: '1000000.00', executionRate: '100.00', score: '10.00' })
  })

  test('all or nothing: one score outside its bound names its row; nothing of the file is written', async () => {
    await fillForm(ids[2]!)
    const file = await download(`/api/evaluation/self-rounds/${round.id}/export`)
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(file as never)
    const target = book.worksheets.find((s) => s.getColumn(2).values.some((v) => v === ids[2]))!
    let scoreRow = 0
    target.eachRow((row) => {
      if (!scoreRow && typeof row.getCell(11).value === 'string' && /^[0-9a-f-]{36}$/.test(row.getCell(11).value as string)) {
        scoreRow = row.number
        row.getCell(7).value = 99
      }
    })
    // Another sheet's change that must not be written either.
    const first = book.worksheets.find((s) => s.getColumn(2).values.some((v) => v === ids[0]))!
    first.eachRow((row) => {
      if (row.getCell(1).value === '存在问题') row.getCell(2).value = '不应写入'
    })
    const bad = Buffer.from(await book.xlsx.writeBuffer())
    const preview = (await upload(unitRow, bad, true)).json()
    expect(preview.errors).toHaveLength(1)
    expect(preview.errors[0]).toMatchObject({ sheet: target.name, row: scoreRow, field: 'indicators.0.score' })
    expect(preview.errors[0].zh).toContain('超出允许范围')
    const commit = await upload(unitRow, bad, false)
    expect(commit.statusCode).toBe(422)
    expect(commit.json().error.code).toBe('IMPORT_INVALID')
    expect((await read(ids[0]!)).problems).toBe('进度偏慢')
  })

  test('a form outside the caller\'s scope is a row error', async () => {
    const file = await download(url(ids[0]!, '/export'))
    const res = (await upload(otherRow, file, true)).json()
    expect(res.errors[0]).toMatchObject({ field: 'formId' })
  })

  test('after the deadline the import refuses the form with a row error naming it; nothing is written', async () => {
    const file = await download(url(ids[2]!, '/export'))
    const before = await read(ids[2]!)
    await t.db.updateTable('selfEvalRound').set({ deadline: new Date(t.clock.now().getTime() - 86_400_000) }).where('id', '=', round.id).execute()
    try {
      const res = await upload(unitRow, file, false)
      expect(res.statusCode).toBe(422)
      expect(res.json().error.details[0]).toMatchObject({ field: 'deadline' })
      expect(res.json().error.details[0].zh).toContain('截止')
      expect((await read(ids[2]!)).version).toBe(before.version)
    } finally {
      await t.db.updateTable('selfEvalRound').set({ deadline: new Date(t.clock.now().getTime() + 60 * 86_400_000) }).where('id', '=', round.id).execute()
    }
  })
})
