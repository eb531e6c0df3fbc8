import ExcelJS from 'exceljs'
import { describe, expect, test } from 'vitest'
import { ReadBudget } from '../../platform/read-limits.ts'
import { readZipPart } from '../../platform/zip.ts'
import { createTestContext } from '../../test/context.ts'
import { docxText } from '../../test/docx-text.ts'
import { MultipartBody } from '../../test/endpoints.ts'

const t = await createTestContext()
const city = await t.make.jurisdiction()
const district = await t.make.jurisdiction({ parent: city })
const edu = await t.make.department({ jurisdiction: district, name: '教育局' })
const school = await t.make.unit({ department: edu, name: '第一中学' })
const health = await t.make.department({ jurisdiction: district, name: '卫健局' })
const hospital = await t.make.unit({ department: health, name: '人民医院' })
const elsewhere = await t.make.jurisdiction()

const finance = await t.make.user({ role: 'finance_admin', org: district })
const cityFinance = await t.make.user({ role: 'finance_admin', org: city })
const otherFinance = await t.make.user({ role: 'finance_admin', org: elsewhere })
const eduUser = await t.make.user({ role: 'dept_user', org: edu })
const healthUser = await t.make.user({ role: 'dept_user', org: health })
const schoolUser = await t.make.user({ role: 'unit_user', org: school })
const hospitalUser = await t.make.user({ role: 'unit_user', org: hospital })

const download = async (user: { username: string }, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie: (await t.as(user)).cookie! } })
const upload = async (user: { username: string }, url: string, body: MultipartBody) =>
  t.app.inject({ method: 'POST', url, payload: body.payload(), headers: { cookie: (await t.as(user)).cookie!, 'content-type': `multipart/form-data; boundary=${body.boundary}` } })

async function create(user = finance, over: Record<string, unknown> = {}) {
  const project = await t.make.project({ unit: school, status: 'executing', fiscalYear: 2025, amountGeneral: '20000000.00', name: `校舍改造${Math.random().toString(36).slice(2, 6)}` })
  const res = await (await t.as(user)).post('/api/evaluation/key', { fiscalYear: 2025, objectKind: 'project', projectId: project.id, template: 'no10', ...over })
  expect(res.statusCode, res.body).toBe(201)
  return { project, ev: res.json() }
}

type Line = { level1: string; level2: string; level3: string; weight: string; score: string | null; formula: string | null; inputs: Record<string, string> | null; basis: string }
const linesOf = (ev: { lines: Line[] }, score?: (l: Line) => string | null) =>
  ev.lines.map((l) => ({ level1: l.level1, level2: l.level2, level3: l.level3, weight: l.weight, score: score ? score(l) : l.score, formula: l.formula, inputs: l.inputs, basis: l.basis }))

/** Carries an evaluation to the 交换意见 step: plan, all scored (每项扣 10%), field work. */
async function toExchange(ev: { id: string; version: number; lines: Line[] }) {
  const fin = await t.as(finance)
  let v = ev.version
  let r = await fin.post(`/api/evaluation/key/${ev.id}/stage`, { version: v, stage: 'planning' })
  expect(r.statusCode, r.body).toBe(200)
  r = await fin.put(`/api/evaluation/key/${ev.id}/plan`, { version: r.json().version, purpose: '评价项目资金使用绩效', scope: '2025 年度项目资金', methods: '比较法、公众评判法' })
  expect(r.statusCode, r.body).toBe(200)
  r = await fin.post(`/api/evaluation/key/${ev.id}/stage`, { version: r.json().version, stage: 'fieldwork' })
  expect(r.statusCode, r.body).toBe(200)
  r = await fin.put(`/api/evaluation/key/${ev.id}/framework`, { version: r.json().version, lines: linesOf(r.json(), (l) => (Number(l.weight) * 0.9).toFixed(2)) })
  expect(r.statusCode, r.body).toBe(200)
  v = r.json().version
  r = await fin.post(`/api/evaluation/key/${ev.id}/stage`, { version: v, stage: 'exchange' })
  expect(r.statusCode, r.body).toBe(200)
  return r.json()
}

describe('create and selection', () => {
  test('finance creates a 财政重点评价 with the 10号 framework; a department a 部门评价 of its own project only', async () => {
    const { ev, project } = await create()
    expect(ev).toMatchObject({ level: 'finance', stage: 'selected', commissionerCode: district.code, unitCode: school.code, departmentCode: edu.code, projectId: project.id, version: 1 })
    expect(ev.lines).toHaveLength(17)
    expect(ev.result).toMatchObject({ weightTotal: '100.00', warnings: [] })
    const other = await t.make.project({ unit: hospital, status: 'executing', fiscalYear: 2025 })
    expect((await (await t.as(eduUser)).post('/api/evaluation/key', { fiscalYear: 2025, objectKind: 'project', projectId: other.id, template: 'no10' })).statusCode).toBe(404)
    const own = await t.make.project({ unit: school, status: 'executing', fiscalYear: 2025 })
    const dept = await (await t.as(eduUser)).post('/api/evaluation/key', { fiscalYear: 2025, objectKind: 'project', projectId: own.id, template: 'y2013' })
    expect(dept.statusCode, dept.body).toBe(201)
    expect(dept.json()).toMatchObject({ level: 'department', commissionerCode: edu.code })
    expect((await (await t.as(schoolUser)).post('/api/evaluation/key', { fiscalYear: 2025, objectKind: 'project', projectId: own.id, template: 'no10' })).statusCode).toBe(403)
  })

  test('selection proposes due majors first and records a reproducible seed (rule 39)', async () => {
    const fin = await t.as(finance)
    const a = await fin.get('/api/evaluation/key/selection?fiscalYear=2025&sampleSize=2&seed=abc')
    expect(a.statusCode, a.body).toBe(200)
    const b = await fin.get('/api/evaluation/key/selection?fiscalYear=2025&sampleSize=2&seed=abc')
    expect(b.json().picks).toEqual(a.json().picks)
    expect(a.json().seed).toBe('abc')
    // The majors evaluated this year are inside the cycle and not proposed again.
    const evaluated = (await fin.get('/api/evaluation/key?fiscalYear=2025&pageSize=100')).json().items.map((i: { projectId: string }) => i.projectId)
    expect(a.json().picks.some((p: { projectId: string }) => evaluated.includes(p.projectId))).toBe(false)
    expect(a.json().rule).toContain('5 年')
  })
})

describe('weights, stages and 交换意见', () => {
  test('weights not summing to 100 are refused naming the field; 产出+效益 below 60 warns', async () => {
    const { ev } = await create()
    const fin = await t.as(finance)
    const lines = linesOf(ev)
    const bad = await fin.put(`/api/evaluation/key/${ev.id}/framework`, { version: ev.version, lines: lines.map((l, i) => (i === 0 ? { ...l, weight: '4.00' } : l)) })
    expect(bad.statusCode).toBe(422)
    expect(bad.json().error.details[0].path).toBe('lines')
    // Move 5 points from 实施效益 (效益) to 立项依据充分性 (决策): 产出+效益 = 60 → still fine; 10 points → 55 warns.
    const shifted = lines.map((l) => (l.level3 === '实施效益' ? { ...l, weight: '10.00' } : l.level3 === '立项依据充分性' ? { ...l, weight: '13.00' } : l))
    const warned = await fin.put(`/api/evaluation/key/${ev.id}/framework`, { version: ev.version, lines: shifted })
    expect(warned.statusCode, warned.body).toBe(200)
    expect(warned.json().result.warnings).toEqual([expect.objectContaining({ code: 'OUTPUT_EFFECT_BELOW' })])
    const over = await fin.put(`/api/evaluation/key/${ev.id}/framework`, { version: warned.json().version, lines: shifted.map((l, i) => (i === 0 ? { ...l, score: '14.00' } : l)) })
    expect(over.statusCode).toBe(422)
    expect(over.json().error.details[0].path).toBe('lines.0.score')
  })

  test('a stale version is 409; finalising without 交换意见 is 422 naming rule 41; with it, total and grade', async () => {
    const { ev } = await create()
    const fin = await t.as(finance)
    const stale = await fin.post(`/api/evaluation/key/${ev.id}/stage`, { version: ev.version + 5, stage: 'planning' })
    expect(stale.statusCode).toBe(409)
    const noPlan = await fin.post(`/api/evaluation/key/${ev.id}/stage`, { version: ev.version, stage: 'fieldwork' })
    expect(noPlan.statusCode).toBe(409)
    const atExchange = await toExchange(ev)
    expect(atExchange.stage).toBe('exchange')
    const refused = await fin.post(`/api/evaluation/key/${ev.id}/stage`, { version: atExchange.version, stage: 'final' })
    expect(refused.statusCode).toBe(422)
    expect(refused.json().error.message).toContain('规则 41')
    expect(refused.json().error.details[0].path).toBe('exchange')

    // The evaluated unit reads the draft and records its opinion; another unit cannot even see it.
    expect((await (await t.as(hospitalUser)).get(`/api/evaluation/key/${ev.id}`)).statusCode).toBe(404)
    const unit = await t.as(schoolUser)
    const draft = (await unit.get(`/api/evaluation/key/${ev.id}`)).json()
    // 90% of every weight, but 预算执行率 comes from the project's payments (none yet): 90 − 4.5 = 85.50
    expect(draft.result.score).toBe('85.50')
    expect(draft.moves).toEqual(['exchange_opinion'])
    expect((await (await t.as(healthUser)).post(`/api/evaluation/key/${ev.id}/exchange`, { version: draft.version, opinion: '无异议' })).statusCode).toBe(404)
    const opinion = await unit.post(`/api/evaluation/key/${ev.id}/exchange`, { version: draft.version, opinion: '对评分无异议，问题将在下年度整改。' })
    expect(opinion.statusCode, opinion.body).toBe(200)
    expect(opinion.json().exchanges).toEqual([expect.objectContaining({ orgCode: school.code, draftTotal: '85.50' })])

    const racers = await Promise.all([1, 2].map(() => fin.post(`/api/evaluation/key/${ev.id}/stage`, { version: opinion.json().version, stage: 'final' })))
    expect(racers.map((r) => r.statusCode).sort()).toEqual([200, 409])
    const final = racers.find((r) => r.statusCode === 200)!.json()
    expect(final).toMatchObject({ stage: 'final', total: '85.50', grade: '良' })
    const reported = await fin.post(`/api/evaluation/key/${ev.id}/stage`, { version: final.version, stage: 'reported' })
    expect(reported.json()).toMatchObject({ stage: 'reported' })
  })

  test('published (信息公开), the portal offers the report in its public version: no evaluation team, no 交换意见', async () => {
    const { ev, project } = await create()
    const fin = await t.as(finance)
    const atExchange = await toExchange(ev)
    const team = await fin.put(`/api/evaluation/key/${ev.id}/plan`, { version: atExchange.version, purpose: '评价项目资金使用绩效', team: '组长钱某某，成员孙某某', conclusion: '项目总体达到预期目标。' })
    expect(team.statusCode, team.body).toBe(200)
    const unit = await t.as(schoolUser)
    const opinion = await unit.post(`/api/evaluation/key/${ev.id}/exchange`, { version: team.json().version, opinion: '内部意见：请酌情调整扣分。' })
    expect(opinion.statusCode, opinion.body).toBe(200)
    const final = await fin.post(`/api/evaluation/key/${ev.id}/stage`, { version: opinion.json().version, stage: 'final' })
    const reported = await fin.post(`/api/evaluation/key/${ev.id}/stage`, { version: final.json().version, stage: 'reported' })
    expect(reported.statusCode, reported.body).toBe(200)
    const internal = await docxText((await download(finance, `/api/evaluation/key/${ev.id}/report.docx`)).rawPayload)
    expect(internal).toContain('组长钱某某')
    expect(internal).toContain('内部意见')

    const approved = await fin.post(`/api/disclosure/records/key_evaluation_report/${ev.id}/approve`, { version: 0 })
    expect(approved.statusCode, approved.body).toBe(200)
    const path = `/public/${district.code}/2025/key-evaluations/${project.code}`
    const page = await t.app.inject({ method: 'GET', url: path })
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain(`${path}/report`)
    const file = await t.app.inject({ method: 'GET', url: `${path}/report` })
    expect(file.statusCode).toBe(200)
    expect(String(file.headers['content-disposition'])).toContain(encodeURIComponent('（公开版）.docx'))
    const text = await docxText(file.rawPayload)
    for (const part of ['一、基本情况', '项目总体达到预期目标。', '评价等级', '立项依据充分性']) expect(text).toContain(part)
    for (const hidden of ['组长钱某某', '孙某某', '内部意见', '交换意见']) expect(text).not.toContain(hidden)
  })

  test('a bureau above sees but does not act; another jurisdiction gets 404', async () => {
    const { ev } = await create()
    expect((await (await t.as(cityFinance)).get(`/api/evaluation/key/${ev.id}`)).statusCode).toBe(200)
    expect((await (await t.as(cityFinance)).post(`/api/evaluation/key/${ev.id}/stage`, { version: ev.version, stage: 'planning' })).statusCode).toBe(403)
    expect((await (await t.as(otherFinance)).get(`/api/evaluation/key/${ev.id}`)).statusCode).toBe(404)
    expect((await (await t.as(otherFinance)).post(`/api/evaluation/key/${ev.id}/stage`, { version: ev.version, stage: 'planning' })).statusCode).toBe(404)
    expect((await (await t.as(otherFinance)).get(`/api/evaluation/key/${ev.id}/report.docx`)).statusCode).toBe(404)
    expect((await (await t.as(otherFinance)).get('/api/evaluation/key')).json().items).toEqual([])
  })
})

describe('department overall formula indicators from system data', () => {
  test('预算完成率 and 预算调整率 come from the department’s budgets, adjustments and payments', async () => {
    const water = await t.make.department({ jurisdiction: district, name: '水务局' })
    const plant = await t.make.unit({ department: water, name: '水厂' })
    const p = await t.make.project({ unit: plant, status: 'executing', fiscalYear: 2025, amountGeneral: '1000000.00' })
    await t.db.insertInto('budgetAdjustment').values({ projectId: p.id, fiscalYear: 2025, amount: '100000.00', reason: '追加', adjustedOn: '2025-06-01' }).execute()
    await t.db.insertInto('executionPayment').values({ jurisdictionCode: district.code, projectId: p.id, fiscalYear: 2025, month: 11, amount: '990000.00', paidOn: '2025-11-20', fundSource: '财政拨款', voucherNo: 'V-1', source: 'import' }).execute()
    const res = await (await t.as(finance)).post('/api/evaluation/key', { fiscalYear: 2025, objectKind: 'department', departmentCode: water.code, template: 'department' })
    expect(res.statusCode, res.body).toBe(201)
    const ev = res.json()
    const saved = await (await t.as(finance)).put(`/api/evaluation/key/${ev.id}/framework`, { version: ev.version, lines: linesOf(ev) })
    expect(saved.statusCode, saved.body).toBe(200)
    const line = (name: string) => saved.json().lines.find((l: { level3: string }) => l.level3 === name)
    // 990 000 / 1 100 000 = 90% → two 5% bands → 4 − 4 = 0; adjustment 10% → 75% of 4 = 3.
    expect(line('预算完成率')).toMatchObject({ value: '90.00', score: '0.00' })
    expect(line('预算调整率')).toMatchObject({ value: '10.00', score: '3.00' })
  })
})

describe('evidence, field log, survey and report', () => {
  test('evidence per line, a field log, survey import round trip feeding 满意度, and the .docx report in the §6.6 outline', async () => {
    const { ev } = await create()
    const fin = await t.as(finance)
    const planning = (await fin.post(`/api/evaluation/key/${ev.id}/stage`, { version: ev.version, stage: 'planning' })).json()
    const line = planning.lines.find((l: { level3: string }) => l.level3 === '立项依据充分性')
    const ev1 = await upload(finance, `/api/evaluation/key/${ev.id}/lines/${line.id}/evidence`, new MultipartBody('立项批复.pdf', Buffer.from('%PDF-1.4 批复')))
    expect(ev1.statusCode, ev1.body).toBe(201)
    const dl = await download(finance, `/api/evaluation/key/${ev.id}/evidence/${ev1.json().id}/download`)
    expect(dl.statusCode).toBe(200)
    expect(dl.body).toContain('批复')
    expect((await fin.post(`/api/evaluation/key/${ev.id}/fieldwork`, { visitedOn: '2026-03-02', place: '第一中学', people: '评价组 3 人', notes: '查看校舍改造现场' })).statusCode).toBe(201)

    const survey = await fin.put(`/api/evaluation/key/${ev.id}/survey`, { title: '师生满意度调查', questions: ['校舍条件', '施工组织'], target: '90' })
    expect(survey.statusCode, survey.body).toBe(200)
    const template = await download(finance, `/api/evaluation/key/${ev.id}/survey/template.xlsx`)
    expect(template.statusCode).toBe(200)
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(template.rawPayload as never)
    const sheet = book.getWorksheet('答卷')!
    expect(sheet.getRow(1).values).toEqual([undefined, '受访者', '校舍条件', '施工组织'])
    sheet.addRow(['张三', '满意', '比较满意'])
    sheet.addRow(['李四', 5, '基本满意'])
    sheet.addRow(['王五', '不满意', '很好'])
    const bad = Buffer.from(await book.xlsx.writeBuffer())
    const preview = await upload(finance, `/api/evaluation/key/${ev.id}/survey/import?dryRun=true`, new MultipartBody('答卷.xlsx', bad, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'))
    expect(preview.statusCode, preview.body).toBe(200)
    expect(preview.json()).toMatchObject({ dryRun: true, errorCount: 1, errors: [expect.objectContaining({ row: 4, column: 'C' })] })
    const refused = await upload(finance, `/api/evaluation/key/${ev.id}/survey/import`, new MultipartBody('答卷.xlsx', bad, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'))
    expect(refused.statusCode).toBe(422)
    expect(refused.json().error.code).toBe('IMPORT_INVALID')
    sheet.getRow(4).getCell(3).value = '比较满意'
    const good = Buffer.from(await book.xlsx.writeBuffer())
    const imported = await upload(finance, `/api/evaluation/key/${ev.id}/survey/import`, new MultipartBody('答卷.xlsx', good, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'))
    expect(imported.statusCode, imported.body).toBe(200)
    // 4 of 6 answers are 满意 or 比较满意 → 66.67%; 满意度 weight 10 × 66.67 / 90 = 7.41
    expect(imported.json()).toMatchObject({ dryRun: false, responses: 3, answers: 6, rate: '66.67' })
    const satisfaction = imported.json().evaluation.lines.find((l: { level3: string }) => l.level3 === '满意度')
    expect(satisfaction).toMatchObject({ value: '66.67', score: '7.41' })

    const report = await download(finance, `/api/evaluation/key/${ev.id}/report.docx`)
    expect(report.statusCode).toBe(200)
    expect(report.rawPayload.subarray(0, 2).toString()).toBe('PK')
    const xml = (await readZipPart(report.rawPayload, 'word/document.xml', new ReadBudget()))!.toString('utf8')
    for (const h of ['一、基本情况', '二、评价工作开展情况', '三、综合评价情况及结论', '四、绩效评价指标分析', '五、主要经验及做法', '六、存在的问题及原因分析', '七、有关建议', '八、其他需要说明的问题', '决策情况', '效益情况', '立项依据充分性', '满意率 66.67%']) expect(xml).toContain(h)
    // The evaluated unit reads the report only once the result is final.
    expect((await download(schoolUser, `/api/evaluation/key/${ev.id}/report.docx`)).statusCode).toBe(404)
  })

  test('the list filters, pages and exports', async () => {
    const fin = await t.as(finance)
    const list = await fin.get('/api/evaluation/key?fiscalYear=2025&level=finance&pageSize=2&sort=name')
    expect(list.statusCode).toBe(200)
    expect(list.json().items.length).toBeLessThanOrEqual(2)
    expect(list.json().total).toBeGreaterThan(2)
    const xlsx = await download(finance, '/api/evaluation/key/export?fiscalYear=2025')
    expect(xlsx.statusCode).toBe(200)
    expect((await (await t.as(eduUser)).get('/api/evaluation/key?pageSize=100')).json().items.every((i: { departmentCode: string }) => i.departmentCode === edu.code)).toBe(true)
  })
})
