import { describe, expect, test } from 'vitest'
import type { OrgNode, Project } from '../../db/schema.ts'
import { createTestContext } from '../../test/context.ts'
import { makeForm, makePayment, makeRound } from '../../test/factories.monitoring-forms.ts'
import { makeRectification } from '../../test/factories.rectifications.ts'

/**
 * 市区联动 on a crafted data set, every figure counted by hand below (fiscal year 2025; the test clock is in
 * January 2026, so 2025's time progress is December, 100.00 %).
 *
 *   联动市 本级  市教育局: C1 1,000,000 budgeted, no goal
 *   东区 教育局: E1 1,000,000 budgeted — goal approved; June form submitted (green), September form accepted (yellow);
 *                 self-evaluation submitted 良; rectification closed; paid 600,000; adjusted +200,000
 *               E2   500,000 executing — goal draft; September form draft (unlit); self-evaluation draft; rectification open
 *               E3   300,000 reserve — not in the budget: counted nowhere, though its goal is approved
 *        卫健局: H1 2,000,000 budgeted — goal published; September form submitted (red); a key evaluation; paid 500,000
 *   西区 交通局: T1   800,000 budgeted — goal approved; June form accepted (green); self-evaluation accepted 优;
 *                 rectification closed, closed, verified; paid 400,000
 *   东区 is ranked 1st in 考核 (88.50), 西区 2nd (76.00); 东区 sets 优 at 92 for 2025, the city keeps 90.
 */
const t = await createTestContext({}, { jobs: true })
const year = 2025
const city = await t.make.jurisdiction({ name: '联动市' })
const east = await t.make.jurisdiction({ parent: city, name: '东区' })
const west = await t.make.jurisdiction({ parent: city, name: '西区' })
const elsewhere = await t.make.jurisdiction({ name: '外市' })
const cityEdu = await t.make.department({ jurisdiction: city, name: '市教育局' })
const eastEdu = await t.make.department({ jurisdiction: east, name: '东区教育局' })
const eastHealth = await t.make.department({ jurisdiction: east, name: '东区卫健局' })
const westTransport = await t.make.department({ jurisdiction: west, name: '西区交通局' })
const [citySchool, school, hospital, bus] = await Promise.all([
  t.make.unit({ department: cityEdu, name: '市一中' }),
  t.make.unit({ department: eastEdu, name: '东一中' }),
  t.make.unit({ department: eastHealth, name: '东区医院' }),
  t.make.unit({ department: westTransport, name: '西区公交' }),
])

const project = (unit: OrgNode, code: string, amount: string, status: 'budgeted' | 'executing' | 'reserve') => t.make.project({ unit, code, status, fiscalYear: year, amountGeneral: amount })
await project(citySchool, 'C1', '1000000.00', 'budgeted')
const e1 = await project(school, 'E1', '1000000.00', 'budgeted')
const e2 = await project(school, 'E2', '500000.00', 'executing')
const e3 = await project(school, 'E3', '300000.00', 'reserve')
const h1 = await project(hospital, 'H1', '2000000.00', 'budgeted')
const t1 = await project(bus, 'T1', '800000.00', 'budgeted')

await t.make.goal({ project: e1, status: 'approved' })
await t.make.goal({ project: e2, status: 'draft' })
await t.make.goal({ project: e3, status: 'approved' })
await t.make.goal({ project: h1, status: 'published' })
await t.make.goal({ project: t1, status: 'approved' })

async function light(form: { id: string }, value: 'green' | 'yellow' | 'red') {
  await t.db.updateTable('monitoringForm').set({ projectLight: value }).where('id', '=', form.id).execute()
}
const eastJune = await makeRound(t, { jurisdiction: east, fiscalYear: year, cutoffMonth: 6, status: 'closed' })
const eastSeptember = await makeRound(t, { jurisdiction: east, fiscalYear: year, cutoffMonth: 9 })
const westJune = await makeRound(t, { jurisdiction: west, fiscalYear: year, cutoffMonth: 6 })
await light(await makeForm(t, { round: eastJune, project: e1, status: 'submitted', indicators: [] }), 'green')
await light(await makeForm(t, { round: eastSeptember, project: e1, status: 'accepted', indicators: [] }), 'yellow')
await makeForm(t, { round: eastSeptember, project: e2, status: 'draft', indicators: [] })
await light(await makeForm(t, { round: eastSeptember, project: h1, status: 'submitted', indicators: [] }), 'red')
await light(await makeForm(t, { round: westJune, project: t1, status: 'accepted', indicators: [] }), 'green')

async function selfEvaluation(p: Project, status: 'draft' | 'submitted' | 'accepted', grade: '优' | '良' | null) {
  const round =
    (await t.db.selectFrom('selfEvalRound').select('id').where('jurisdictionCode', '=', p.jurisdictionCode).where('fiscalYear', '=', year).executeTakeFirst()) ??
    (await t.db.insertInto('selfEvalRound').values({ jurisdictionCode: p.jurisdictionCode, fiscalYear: year, name: `${year} 自评`, deadline: t.clock.now(), status: 'open', createdAt: t.clock.now(), updatedAt: t.clock.now() }).returning('id').executeTakeFirstOrThrow())
  await t.db.insertInto('selfEvalForm').values({ roundId: round.id, kind: 'project', projectId: p.id, jurisdictionCode: p.jurisdictionCode, departmentCode: p.departmentCode, unitCode: p.unitCode, fiscalYear: year, status, grade, total: grade ? '85.00' : null, createdAt: t.clock.now(), updatedAt: t.clock.now() }).execute()
}
await selfEvaluation(e1, 'submitted', '良')
await selfEvaluation(e2, 'draft', null)
await selfEvaluation(t1, 'accepted', '优')
await t.db.insertInto('keyEvaluation').values({ jurisdictionCode: east.code, fiscalYear: year, level: 'finance', objectKind: 'project', projectId: h1.id, commissionerCode: east.code, departmentCode: eastHealth.code, unitCode: hospital.code, name: '医院重点评价', template: 'no10', stage: 'reported' }).execute()

await makeRectification(t, { owner: school, projectId: e1.id, status: 'closed', fiscalYear: year })
await makeRectification(t, { owner: school, projectId: e2.id, fiscalYear: year })
for (const status of ['closed', 'closed', 'verified'] as const) await makeRectification(t, { owner: bus, projectId: t1.id, status, fiscalYear: year })

await makePayment(t, { project: e1, month: 3, amount: '600000.00' })
await makePayment(t, { project: h1, month: 5, amount: '500000.00' })
await makePayment(t, { project: t1, month: 7, amount: '400000.00' })
await t.db.insertInto('budgetAdjustment').values({ projectId: e1.id, fiscalYear: year, amount: '200000.00', reason: '追加', adjustedOn: '2025-08-01', createdAt: t.clock.now() }).execute()

for (const [org, total, rank] of [[east, '88.50', 1], [west, '76.00', 2]] as const) {
  await t.db.insertInto('assessment').values({ jurisdictionCode: city.code, orgCode: org.code, orgKind: 'jurisdiction', fiscalYear: year, status: 'published', dueOn: '2026-02-28', total, grade: '良', rank, createdAt: t.clock.now(), updatedAt: t.clock.now() }).execute()
}
await t.db.insertInto('ruleSet').values({ jurisdictionCode: east.code, fiscalYear: year, revision: 1, overrides: JSON.stringify({ gradeBands: { excellent: 92 } }), note: '东区优秀线', isCurrent: true, createdAt: t.clock.now() }).execute()

const as = async (role: Parameters<typeof t.make.user>[0]['role'], org: OrgNode) => t.as(await t.make.user({ role, org }))
const cityFinance = await as('finance_admin', city)
const eastFinance = await as('finance_reviewer', east)
const westFinance = await as('finance_admin', west)
const outsider = await as('finance_admin', elsewhere)
const eduUser = await as('dept_user', eastEdu)

const refreshed = await cityFinance.post('/api/cockpit/refresh', { fiscalYear: year })

type Row = { code: string; stages: { stage: string; done: number; of: number; rate: string | null }[]; lights: object; grades: object; execution: object; coverage: { dimension: string; share: string | null; covered: string }[]; assessment: { total: string; rank: number } | null }
const stagesOf = (r: Row) => Object.fromEntries(r.stages.map((s) => [s.stage, [s.done, s.of, s.rate]]))

describe('refresh', () => {
  test('a background job rewrites the summary of the city and everything below it, and is audited', async () => {
    expect(refreshed.statusCode).toBe(201)
    const job = await t.waitForJob(refreshed.json().jobRunId)
    expect(job.status).toBe('done')
    expect(job.result).toMatchObject({ jurisdictionCode: city.code, fiscalYear: year, departments: 4, progressMonth: 12 })
    const audit = await t.db.selectFrom('auditLog').select(['action']).where('action', '=', 'cockpit.refresh').execute()
    expect(audit).toHaveLength(1)
  })

  test('only finance administrators refresh; a district refreshes nothing outside its own subtree', async () => {
    expect((await (await as('finance_reviewer', city)).post('/api/cockpit/refresh', { fiscalYear: year })).statusCode).toBe(403)
    expect((await westFinance.post('/api/cockpit/refresh', { fiscalYear: year, jurisdictionCode: east.code })).statusCode).toBe(404)
  })
})

describe('GET /api/cockpit/rollup', () => {
  test('the city: its own departments and each district, equal to the hand count', async () => {
    const res = await cityFinance.get(`/api/cockpit/rollup?fiscalYear=${year}`)
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body.progressMonth).toBe(12)
    expect(body.refreshedAt).not.toBeNull()
    const [own, eastRow, westRow] = body.rows as Row[]
    expect(body.rows.map((r: Row & { name: string }) => [r.code, r.name])).toEqual([[city.code, '联动市本级'], [east.code, '东区'], [west.code, '西区']])

    expect(stagesOf(eastRow!)).toEqual({ goals: [2, 3, '66.67'], monitoring: [2, 3, '66.67'], selfEvaluation: [1, 2, '50.00'], rectification: [1, 2, '50.00'] })
    expect(eastRow!.lights).toEqual({ green: 0, yellow: 1, red: 1 })
    expect(eastRow!.grades).toEqual({ 优: 0, 良: 1, 中: 0, 差: 0 })
    expect(eastRow!.execution).toEqual({ budget: '3700000.00', executed: '1100000.00', executionRate: '29.73', timeProgress: '100.00', deviation: '-70.27' })
    expect(eastRow!.coverage.map((c) => [c.dimension, c.covered, c.share])).toEqual([['goals', '3000000.00', '85.71'], ['monitoring', '3000000.00', '85.71'], ['evaluation', '3000000.00', '85.71']])
    expect(eastRow!.assessment).toMatchObject({ total: '88.50', rank: 1 })

    expect(stagesOf(westRow!)).toEqual({ goals: [1, 1, '100.00'], monitoring: [1, 1, '100.00'], selfEvaluation: [1, 1, '100.00'], rectification: [2, 3, '66.67'] })
    expect(westRow!.lights).toEqual({ green: 1, yellow: 0, red: 0 })
    expect(westRow!.grades).toEqual({ 优: 1, 良: 0, 中: 0, 差: 0 })
    expect(westRow!.execution).toMatchObject({ executionRate: '50.00' })
    expect(westRow!.assessment).toMatchObject({ total: '76.00', rank: 2 })

    expect(stagesOf(own!)).toEqual({ goals: [0, 1, '0.00'], monitoring: [0, 0, null], selfEvaluation: [0, 0, null], rectification: [0, 0, null] })
    expect(own!.assessment).toBeNull()

    // Totals: 5 budget projects, 3 with goals; 5,300,000 of spending, 3,800,000 of it under approved goals.
    expect(stagesOf(body.total).goals).toEqual([3, 5, '60.00'])
    expect(body.total.coverage[0]).toMatchObject({ covered: '3800000.00', spending: '5300000.00', share: '71.70' })
  })

  test('a district reads only its own subtree: another district is not found', async () => {
    const own = await eastFinance.get(`/api/cockpit/rollup?fiscalYear=${year}`)
    expect(own.statusCode).toBe(200)
    expect(own.json().rows.map((r: Row) => r.code)).toEqual([east.code])
    expect(stagesOf(own.json().rows[0]).goals).toEqual([2, 3, '66.67'])
    expect((await eastFinance.get(`/api/cockpit/rollup?fiscalYear=${year}&jurisdictionCode=${west.code}`)).statusCode).toBe(404)
    expect((await eastFinance.get(`/api/cockpit/rollup?fiscalYear=${year}&jurisdictionCode=${city.code}`)).statusCode).toBe(404)
    expect((await westFinance.get(`/api/cockpit/jurisdictions/${east.code}/departments?fiscalYear=${year}`)).statusCode).toBe(404)
    expect((await westFinance.get(`/api/cockpit/departments/${eastEdu.code}/projects?fiscalYear=${year}`)).statusCode).toBe(404)
    expect((await outsider.get(`/api/cockpit/rollup?fiscalYear=${year}&jurisdictionCode=${city.code}`)).statusCode).toBe(404)
  })

  test('a department user does not read the cockpit', async () => {
    expect((await eduUser.get(`/api/cockpit/rollup?fiscalYear=${year}`)).statusCode).toBe(403)
  })

  test('the roll-up table exports to Excel, audited', async () => {
    const res = await cityFinance.get(`/api/cockpit/rollup/export?fiscalYear=${year}`)
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toContain('spreadsheetml')
    expect(await t.db.selectFrom('auditLog').select('action').where('action', '=', 'cockpit.rollup_export').execute()).toHaveLength(1)
  })
})

describe('drill-down', () => {
  test('district → its departments → a department’s projects', async () => {
    const departments = (await cityFinance.get(`/api/cockpit/jurisdictions/${east.code}/departments?fiscalYear=${year}`)).json()
    expect(departments.rows.map((r: Row & { name: string }) => [r.name, stagesOf(r).goals])).toEqual([['东区教育局', [1, 2, '50.00']], ['东区卫健局', [1, 1, '100.00']]])
    const health = departments.rows[1] as Row
    expect(health.lights).toEqual({ green: 0, yellow: 0, red: 1 })
    expect(health.coverage.find((c) => c.dimension === 'evaluation')!.share).toBe('100.00')

    const projects = (await cityFinance.get(`/api/cockpit/departments/${eastEdu.code}/projects?fiscalYear=${year}`)).json()
    expect(projects.items.map((p: { code: string; goalStatus: string; monitoringStatus: string; light: string | null; selfEvalStatus: string; grade: string | null; rectificationRaised: number; rectificationClosed: number; budgetAdjusted: string; executed: string; executionRate: string }) => [p.code, p.goalStatus, p.monitoringStatus, p.light, p.selfEvalStatus, p.grade, p.rectificationRaised, p.rectificationClosed, p.budgetAdjusted, p.executed, p.executionRate])).toEqual([
      ['E1', 'approved', 'accepted', 'yellow', 'submitted', '良', 1, 1, '1200000.00', '600000.00', '50.00'],
      ['E2', 'draft', 'draft', null, 'draft', null, 1, 0, '500000.00', '0.00', '0.00'],
    ])
    expect(projects.items[0].id).toBe(e1.id)
  })
})

describe('rule differences and PEFA coverage', () => {
  test('东区 sets 优 at 92, 西区 nothing', async () => {
    const body = (await cityFinance.get(`/api/cockpit/rule-differences?fiscalYear=${year}`)).json()
    expect(body.parent).toEqual({ code: city.code, name: '联动市' })
    expect(body.jurisdictions).toEqual([
      { code: east.code, name: '东区', differences: [{ path: 'gradeBands.excellent', parent: 90, child: 92, source: '东区 2025年 第1版' }] },
      { code: west.code, name: '西区', differences: [] },
    ])
    // A district with nothing below it is compared with its city.
    const own = (await eastFinance.get(`/api/cockpit/rule-differences?fiscalYear=${year}`)).json()
    expect(own.parent.code).toBe(city.code)
    expect(own.jurisdictions[0].differences).toHaveLength(1)
  })

  test('coverage of spending with the amounts counted', async () => {
    const body = (await cityFinance.get(`/api/cockpit/coverage?fiscalYear=${year}`)).json()
    expect(body.coverage.map((c: { dimension: string; covered: string; share: string }) => [c.dimension, c.covered, c.share])).toEqual([
      ['goals', '3800000.00', '71.70'],
      ['monitoring', '3800000.00', '71.70'],
      ['evaluation', '3800000.00', '71.70'],
    ])
    expect(body.coverage[0].explanation.zh).toContain('3,800,000.00')
  })
})
