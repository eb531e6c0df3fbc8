import { describe, expect, test } from 'vitest'
import type { OrgNode } from '../../db/schema.ts'
import { ReadBudget } from '../../platform/read-limits.ts'
import { readZipPart } from '../../platform/zip.ts'
import { createTestContext } from '../../test/context.ts'
import { makeForm, makeRound } from '../../test/factories.monitoring-dashboard.ts'
import { makeRectification } from '../../test/factories.rectifications.ts'
import { selfRoundBulletinData } from './bulletin.data.ts'

const t = await createTestContext()
const city = await t.make.jurisdiction({ name: '通报市' })
const district = await t.make.jurisdiction({ parent: city, name: '通报区' })
const education = await t.make.department({ jurisdiction: district, name: '区教育局' })
const health = await t.make.department({ jurisdiction: district, name: '区卫健局' })
const school = await t.make.unit({ department: education, name: '第一中学' })
const kindergarten = await t.make.unit({ department: education, name: '实验幼儿园' })
const hospital = await t.make.unit({ department: health, name: '区人民医院' })
const finance = await t.make.user({ role: 'finance_admin', org: district })
const cityFinance = await t.make.user({ role: 'finance_admin', org: city })
const educationUser = await t.make.user({ role: 'dept_user', org: education })
const otherFinance = await t.make.user({ role: 'finance_admin', org: await t.make.jurisdiction({ name: '外市' }) })

const download = async (user: { username: string }, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie: (await t.as(user)).cookie! } })
const documentXml = async (buffer: Buffer) => (await readZipPart(buffer, 'word/document.xml', new ReadBudget()))!.toString('utf8')
/** The document's text with the XML tags dropped, so a figure split over runs still reads as one. */
const textOf = (xml: string) => xml.replace(/<w:p[ >][^]*?<\/w:p>/g, (p) => `${p.replace(/<[^>]+>/g, '')}\n`).replace(/<[^>]+>/g, '')

// The crafted self-evaluation round: 5 forms, 4 submitted, 1 late draft; grades 优 1, 良 1, 中 1, 差 1.
const selfRound = await t.db
  .insertInto('selfEvalRound')
  .values({ jurisdictionCode: district.code, fiscalYear: 2026, name: '2026年度单位自评', deadline: new Date(t.clock.now().getTime() - 86_400_000), status: 'open', createdAt: t.clock.now(), updatedAt: t.clock.now() })
  .returningAll()
  .executeTakeFirstOrThrow()
let serial = 0
async function selfForm(unit: OrgNode, name: string, status: 'draft' | 'submitted' | 'accepted', grade: '优' | '良' | '中' | '差' | null, total: string | null) {
  const project = await t.make.project({ unit, status: 'budgeted', code: `BUL${++serial}`, name, amountGeneral: '1000000.00' })
  return t.db
    .insertInto('selfEvalForm')
    .values({ roundId: selfRound.id, kind: 'project', projectId: project.id, jurisdictionCode: district.code, departmentCode: project.departmentCode, unitCode: project.unitCode, fiscalYear: 2026, status, grade, total, createdAt: t.clock.now(), updatedAt: t.clock.now() })
    .returningAll()
    .executeTakeFirstOrThrow()
}
await selfForm(school, '智慧校园建设', 'accepted', '优', '96.50')
const middling = await selfForm(school, '校舍维修', 'submitted', '中', '72.00')
await selfForm(kindergarten, '幼儿营养餐', 'draft', null, null)
await selfForm(hospital, '远程医疗', 'accepted', '良', '85.00')
const poor = await selfForm(hospital, '设备购置', 'submitted', '差', '55.00')
// One item open and overdue (from the 中 form), one closed (from the 差 form), one manual that does not count.
const open = await makeRectification(t, { owner: school, dueOn: '2020-01-01' })
await t.db.updateTable('rectification').set({ sourceType: 'self_evaluation', sourceId: middling.id, origin: null }).where('id', '=', open.id).execute()
const closed = await makeRectification(t, { owner: hospital, status: 'closed' })
await t.db.updateTable('rectification').set({ sourceType: 'self_evaluation', sourceId: poor.id, origin: null }).where('id', '=', closed.id).execute()
await makeRectification(t, { owner: hospital })

describe('the self-evaluation round bulletin', () => {
  test('its data counts the crafted round as a hand count does', async () => {
    const ctx = { actor: { org: { kind: 'jurisdiction' } }, now: t.clock.now() } as never
    const data = await selfRoundBulletinData(t.db, ctx, { ...selfRound, jurisdictionName: district.name })
    expect(data.coverage).toMatchObject({ total: 5, submitted: 4, late: 1 })
    expect(data.coverage.rows).toEqual([
      { name: '区教育局', total: 3, submitted: 2, late: 1 },
      { name: '区卫健局', total: 2, submitted: 2, late: 0 },
    ])
    expect(data.distribution.rows).toEqual([
      { name: '区教育局', counts: [1, 0, 1, 0] },
      { name: '区卫健局', counts: [0, 1, 0, 1] },
    ])
    expect(data.distribution.totals).toEqual([1, 1, 1, 1])
    expect(data.good.map((g) => [g.owner, g.figure, g.mark])).toEqual([['第一中学', '96.50', '优']])
    expect(data.poor.map((g) => [g.owner, g.figure, g.mark])).toEqual([['区人民医院', '55.00', '差'], ['第一中学', '72.00', '中']])
    expect(data.late).toEqual([{ name: '实验幼儿园', department: '区教育局', count: 1 }])
    expect(data.rectifications).toEqual({ total: 1, overdue: 1, rows: [{ name: '区教育局', open: 1, overdue: 1 }] })
  })

  test('finance downloads it as Word with those figures, and the download is audited', async () => {
    const res = await download(finance, `/api/results/bulletins/self-rounds/${selfRound.id}.docx`)
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toContain('wordprocessingml')
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain('通报区2026年度预算绩效单位自评情况通报.docx')
    const text = textOf(await documentXml(res.rawPayload))
    expect(text).toContain('本次纳入 5 张自评表，已提交 4 张（80.00%），逾期未报 1 张。')
    expect(text).toContain('优 1 个，良 1 个，中 1 个，差 1 个。')
    expect(text).toContain('智慧校园建设')
    expect(text).toContain('逾期未报：实验幼儿园 1 张。')
    expect(text).toContain('尚未销号的整改事项 1 项，其中已超过整改期限 1 项。')
    const audit = await t.db.selectFrom('auditLog').select(['action', 'entityId']).where('action', '=', 'bulletin.self_round').execute()
    expect(audit).toContainEqual({ action: 'bulletin.self_round', entityId: selfRound.id })
  })

  test('the city reads its district’s bulletin; a department, another city and a bad id do not', async () => {
    expect((await download(cityFinance, `/api/results/bulletins/self-rounds/${selfRound.id}.docx`)).statusCode).toBe(200)
    expect((await download(educationUser, `/api/results/bulletins/self-rounds/${selfRound.id}.docx`)).statusCode).toBe(404)
    expect((await download(otherFinance, `/api/results/bulletins/self-rounds/${selfRound.id}.docx`)).statusCode).toBe(404)
    const bad = await download(finance, '/api/results/bulletins/self-rounds/nope.docx')
    expect(bad.statusCode).toBe(400)
  })
})

describe('the monitoring round bulletin', () => {
  test('reporting, lights per department, the red projects and the late', async () => {
    const round = await makeRound(t, { jurisdiction: district, name: '2026年1—6月监控', deadline: new Date(t.clock.now().getTime() - 86_400_000) })
    await makeForm(t, { round, unit: school, project: await t.make.project({ unit: school, status: 'executing', name: '课后服务', code: 'MB-1', amountGeneral: '1000000.00' }), executed: '600000.00', projectLight: 'green', status: 'accepted' })
    await makeForm(t, { round, unit: hospital, project: await t.make.project({ unit: hospital, status: 'executing', name: '急救站建设', code: 'MB-2', amountGeneral: '1000000.00' }), executed: '100000.00', projectLight: 'red', status: 'submitted' })
    await makeForm(t, { round, unit: kindergarten, project: await t.make.project({ unit: kindergarten, status: 'executing', name: '园舍改造', code: 'MB-3', amountGeneral: '1000000.00' }), projectLight: null, status: 'draft' })
    const res = await download(finance, `/api/results/bulletins/monitoring-rounds/${round.id}.docx`)
    expect(res.statusCode).toBe(200)
    const text = textOf(await documentXml(res.rawPayload))
    expect(text).toContain('本次纳入 3 张监控表，已报送 2 张（66.67%），逾期未报 1 张。')
    expect(text).toContain('红灯 1 个，黄灯 0 个，绿灯 1 个，蓝灯 0 个，未亮灯 1 个。')
    expect(text).toContain('课后服务（MB-1）\n第一中学\n60.00\n绿灯')
    expect(text).toContain('急救站建设（MB-2）\n区人民医院\n10.00\n红灯')
    expect(text).toContain('逾期未报：实验幼儿园 1 张。')
  })
})

describe('the 考核 bulletin', () => {
  test('the ranking with totals and consequences: 差 is interviewed', async () => {
    const rows = [
      { org: education, total: '92.00', grade: '优' as const, rank: 1 },
      { org: health, total: '58.50', grade: '差' as const, rank: 2 },
    ]
    for (const r of rows) {
      await t.db
        .insertInto('assessment')
        .values({ jurisdictionCode: district.code, orgCode: r.org.code, orgKind: 'department', fiscalYear: 2025, status: 'published', dueOn: '2026-02-28', total: r.total, grade: r.grade, rank: r.rank, createdAt: t.clock.now(), updatedAt: t.clock.now() })
        .execute()
    }
    const res = await download(finance, '/api/results/bulletins/assessments/2025.docx')
    expect(res.statusCode).toBe(200)
    const text = textOf(await documentXml(res.rawPayload))
    expect(text).toContain('通报区2025年度预算绩效管理工作考核结果通报')
    expect(text).toContain('1\n区教育局\n92.00\n优\n—')
    expect(text).toContain('2\n区卫健局\n58.50\n差\n约谈')
    expect((await download(finance, '/api/results/bulletins/assessments/2019.docx')).statusCode).toBe(404)
    expect((await download(educationUser, '/api/results/bulletins/assessments/2025.docx')).statusCode).toBe(404)
  })
})
