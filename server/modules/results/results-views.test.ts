import { describe, expect, test } from 'vitest'
import type { OrgNode, Project } from '../../db/schema.ts'
import { createTestContext } from '../../test/context.ts'
import { makeForm, makeRound } from '../../test/factories.monitoring-forms.ts'
import { makeRectification } from '../../test/factories.rectifications.ts'

/**
 * The results pages and dashboard on a crafted data set: one city, two districts; figures counted by hand below.
 *   区一 教育局: 一中 RV1 (2025 中, key 良, spot-check, two lights; its 2026 延续 version), 二中 RV2 (2025 优)
 *   区二 卫健局: 医院 RV3 (2025 差)
 */
const t = await createTestContext()
const city = await t.make.jurisdiction({ name: '看板市' })
const one = await t.make.jurisdiction({ parent: city, name: '区一' })
const two = await t.make.jurisdiction({ parent: city, name: '区二' })
const elsewhere = await t.make.jurisdiction({ name: '外市' })
const edu = await t.make.department({ jurisdiction: one, name: '教育局' })
const school = await t.make.unit({ department: edu, name: '一中' })
const school2 = await t.make.unit({ department: edu, name: '二中' })
const health = await t.make.department({ jurisdiction: two, name: '卫健局' })
const hospital = await t.make.unit({ department: health, name: '医院' })

const rv1 = await t.make.project({ unit: school, status: 'closed', code: 'RV1', name: '课后服务', fiscalYear: 2025, amountGeneral: '1000000.00' })
const rv1next = await t.make.project({ unit: school, status: 'reserve', code: 'RV1', name: '课后服务（2026）', fiscalYear: 2026, amountGeneral: '900000.00' })
await t.db.updateTable('project').set({ attribute: 'continuing' }).where('id', '=', rv1next.id).execute()
const rv2 = await t.make.project({ unit: school2, status: 'closed', code: 'RV2', fiscalYear: 2025, amountGeneral: '2000000.00' })
const rv3 = await t.make.project({ unit: hospital, status: 'closed', code: 'RV3', fiscalYear: 2025, amountGeneral: '500000.00' })

async function selfEvaluation(p: Project, grade: '优' | '良' | '中' | '差', total: string) {
  const round =
    (await t.db.selectFrom('selfEvalRound').select('id').where('jurisdictionCode', '=', p.jurisdictionCode).where('fiscalYear', '=', 2025).executeTakeFirst()) ??
    (await t.db.insertInto('selfEvalRound').values({ jurisdictionCode: p.jurisdictionCode, fiscalYear: 2025, name: `2025 自评 ${p.code}`, deadline: t.clock.now(), status: 'open', createdAt: t.clock.now(), updatedAt: t.clock.now() }).returning('id').executeTakeFirstOrThrow())
  await t.db.insertInto('selfEvalForm').values({ roundId: round.id, kind: 'project', projectId: p.id, jurisdictionCode: p.jurisdictionCode, departmentCode: p.departmentCode, unitCode: p.unitCode, fiscalYear: 2025, status: 'accepted', total, grade, acceptedAt: t.clock.now(), createdAt: t.clock.now(), updatedAt: t.clock.now() }).execute()
}
await selfEvaluation(rv1, '中', '72.50')
await selfEvaluation(rv2, '优', '95.00')
await selfEvaluation(rv3, '差', '55.00')
await t.db.insertInto('keyEvaluation').values({ jurisdictionCode: one.code, fiscalYear: 2025, level: 'finance', objectKind: 'project', projectId: rv1.id, commissionerCode: one.code, departmentCode: edu.code, unitCode: school.code, name: '课后服务重点评价', template: 'no10', stage: 'reported', total: '82.00', grade: '良' }).execute()
const spot = await t.db.insertInto('spotCheck').values({ jurisdictionCode: one.code, fiscalYear: 2025, name: '2025 抽查', seed: '1', randomCount: 1, poolSize: 3, createdAt: t.clock.now(), updatedAt: t.clock.now() }).returning('id').executeTakeFirstOrThrow()
await t.db.insertInto('spotCheckItem').values({ spotCheckId: spot.id, formId: crypto.randomUUID(), pick: 'random', position: 1, jurisdictionCode: one.code, departmentCode: edu.code, unitCode: school.code, projectId: rv1.id, unitSnapshot: '{}', unitTotal: '72.50', unitGrade: '中', reviewerTotal: '65.00', reviewerGrade: '中', gap: '7.50', flagged: false, status: 'reviewed', createdAt: t.clock.now(), updatedAt: t.clock.now() }).execute()
for (const cutoffMonth of [6, 9]) {
  const round = await makeRound(t, { jurisdiction: one, fiscalYear: 2025, cutoffMonth })
  const form = await makeForm(t, { round, project: rv1, status: 'accepted' })
  await t.db.updateTable('monitoringForm').set({ budgetLight: cutoffMonth === 6 ? 'yellow' : 'green', projectLight: cutoffMonth === 6 ? 'red' : 'green' }).where('id', '=', form.id).execute()
}

// Rectification items (2025): one overdue and open and one closed for RV1; RV2's answered; RV3's verified, and one overdue.
const late = '2020-01-01'
await makeRectification(t, { owner: school, projectId: rv1.id, dueOn: late })
await makeRectification(t, { owner: school, projectId: rv1.id, status: 'closed' })
await makeRectification(t, { owner: school2, projectId: rv2.id, status: 'responded' })
await makeRectification(t, { owner: hospital, projectId: rv3.id, status: 'verified' })
await makeRectification(t, { owner: hospital, projectId: rv3.id, dueOn: late })

async function decision(p: Project, grade: '优' | '中' | '差', action: 'priority' | 'cut' | 'cancel', proposedAmount: string, decidedAmount: string | null) {
  await t.db
    .insertInto('budgetDecision')
    .values({ jurisdictionCode: p.jurisdictionCode, departmentCode: p.departmentCode, projectId: p.id, projectCode: p.code, fiscalYear: 2026, sourceType: 'self_evaluation', sourceId: crypto.randomUUID(), grade, baseAmount: p.amountTotal, proposedAction: action, cutPercent: '0.00', proposedAmount, explanation: '{}', decidedAmount, reason: decidedAmount && decidedAmount !== proposedAmount ? '压减一般性支出' : '', decidedAt: decidedAmount ? t.clock.now() : null, createdAt: t.clock.now(), updatedAt: t.clock.now() })
    .execute()
}
await decision(rv1, '中', 'cut', '900000.00', '850000.00')
await decision(rv2, '优', 'priority', '2000000.00', null)
await decision(rv3, '差', 'cancel', '0.00', '0.00')

const as = async (role: Parameters<typeof t.make.user>[0]['role'], org: OrgNode) => t.as(await t.make.user({ role, org }))
const schoolUser = await as('unit_user', school)
const school2User = await as('unit_user', school2)
const eduUser = await as('dept_user', edu)
const oneFinance = await as('finance_admin', one)
const twoFinance = await as('finance_admin', two)
const cityFinance = await as('finance_admin', city)
const outsider = await as('finance_admin', elsewhere)

describe('GET /api/results/projects/:projectId', () => {
  test('every grade, light, item and decision of the project, across its continuing versions', async () => {
    const res = await schoolUser.get(`/api/results/projects/${rv1next.id}`)
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body.project).toMatchObject({ id: rv1next.id, code: 'RV1', fiscalYear: 2026, unitName: '一中', departmentName: '教育局' })
    expect(body.versions.map((v: { fiscalYear: number; id: string }) => [v.fiscalYear, v.id])).toEqual([[2025, rv1.id], [2026, rv1next.id]])
    expect(body.selfEvaluations).toEqual([expect.objectContaining({ projectId: rv1.id, fiscalYear: 2025, grade: '中', total: '72.50', status: 'accepted' })])
    expect(body.keyEvaluations).toEqual([expect.objectContaining({ projectId: rv1.id, grade: '良', total: '82.00', level: 'finance' })])
    expect(body.spotChecks).toEqual([expect.objectContaining({ unitGrade: '中', reviewerGrade: '中', gap: '7.50', spotCheckName: '2025 抽查' })])
    expect(body.monitoring.map((m: { cutoffMonth: number; budgetLight: string; projectLight: string }) => [m.cutoffMonth, m.budgetLight, m.projectLight])).toEqual([[6, 'yellow', 'red'], [9, 'green', 'green']])
    expect(body.rectifications.map((r: { status: string; overdue: boolean }) => [r.status, r.overdue])).toEqual([['open', true], ['closed', false]])
    expect(body.budgetDecisions).toEqual([expect.objectContaining({ projectId: rv1.id, fiscalYear: 2026, grade: '中', proposedAction: 'cut', proposedAmount: '900000.00', decidedAmount: '850000.00', reason: '压减一般性支出' })])
  })

  test('scope: another unit, another district and another city get 404; the city above sees it', async () => {
    expect((await school2User.get(`/api/results/projects/${rv1.id}`)).statusCode).toBe(404)
    expect((await twoFinance.get(`/api/results/projects/${rv1.id}`)).statusCode).toBe(404)
    expect((await outsider.get(`/api/results/projects/${rv1.id}`)).statusCode).toBe(404)
    expect((await cityFinance.get(`/api/results/projects/${rv1.id}`)).statusCode).toBe(200)
  })
})

describe('GET /api/results/departments and /:orgCode', () => {
  test('the department page: 考核 history, open items, decisions by year and the grade distribution', async () => {
    await t.db.insertInto('assessment').values({ jurisdictionCode: one.code, orgCode: edu.code, orgKind: 'department', fiscalYear: 2025, status: 'published', dueOn: '2026-02-28', total: '88.50', grade: '良', rank: 1, createdAt: t.clock.now(), updatedAt: t.clock.now() }).execute()
    const res = await eduUser.get(`/api/results/departments/${edu.code}`)
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body.department).toMatchObject({ code: edu.code, name: '教育局', jurisdictionName: '区一' })
    expect(body.assessments).toEqual([expect.objectContaining({ fiscalYear: 2025, total: '88.50', grade: '良', rank: 1 })])
    // RV1: open (overdue) + closed; RV2: responded → 3 items, 1 closed, 2 open, 1 overdue, 33.33 %.
    expect(body.rectifications).toEqual({ total: 3, closed: 1, open: 2, overdue: 1, closureRate: '33.33' })
    expect(body.openItems.map((i: { status: string; overdue: boolean }) => [i.status, i.overdue])).toEqual([['open', true], ['responded', false]])
    expect(body.decisionYears).toEqual([{ fiscalYear: 2026, count: 2, decided: 1, proposedAmount: '2900000.00', decidedAmount: '850000.00' }])
    expect(body.budgetDecisions.map((d: { projectCode: string }) => d.projectCode)).toEqual(['RV1', 'RV2'])
    expect(body.gradeDistribution).toEqual([
      { source: 'key_evaluation', fiscalYear: 2025, grade: '良', count: 1 },
      { source: 'self_evaluation', fiscalYear: 2025, grade: '优', count: 1 },
      { source: 'self_evaluation', fiscalYear: 2025, grade: '中', count: 1 },
    ])
  })

  test('scope: a unit and another district get 404, the city sees every district', async () => {
    expect((await schoolUser.get(`/api/results/departments/${edu.code}`)).statusCode).toBe(404)
    expect((await twoFinance.get(`/api/results/departments/${edu.code}`)).statusCode).toBe(404)
    expect((await cityFinance.get(`/api/results/departments/${edu.code}`)).statusCode).toBe(200)
    expect((await cityFinance.get(`/api/results/departments/${one.code}`)).statusCode).toBe(404)
  })

  test('the list: each department with open and overdue items, within scope', async () => {
    const names = async (client: typeof schoolUser) => (await client.get('/api/results/departments')).json().items.map((d: { name: string; openItems: number; overdueItems: number }) => [d.name, d.openItems, d.overdueItems])
    expect(await names(cityFinance)).toEqual([['教育局', 2, 1], ['卫健局', 2, 1]])
    expect(await names(oneFinance)).toEqual([['教育局', 2, 1]])
    expect(await names(eduUser)).toEqual([['教育局', 2, 1]])
    expect(await names(schoolUser)).toEqual([])
    const sorted = (await cityFinance.get('/api/results/departments?sort=code&order=desc&q=局')).json()
    expect(sorted.items.map((d: { name: string }) => d.name)).toEqual(['卫健局', '教育局'])
    expect(sorted.total).toBe(2)
  })

  test('the list exports to Excel, the same rows and figures', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/results/departments/export?sort=code', headers: { cookie: cityFinance.cookie! } })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toContain('spreadsheetml')
    const ExcelJS = (await import('exceljs')).default
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(res.rawPayload as never)
    const sheet = book.worksheets[0]!
    expect(sheet.rowCount).toBe(3)
    expect([2, 3].map((n) => [sheet.getRow(n).getCell(3).value, sheet.getRow(n).getCell(4).value, sheet.getRow(n).getCell(5).value])).toEqual([['教育局', 2, 1], ['卫健局', 2, 1]])
  })
})

describe('GET /api/results/dashboard', () => {
  test('the city: status by department, closure per district, decisions by action and department, summed in SQL', async () => {
    const body = (await cityFinance.get('/api/results/dashboard?fiscalYear=2025')).json()
    expect(body).toMatchObject({ fiscalYear: 2025, budgetYear: 2026, rectifications: { total: 5, closed: 1, open: 4, overdue: 2, closureRate: '20.00' } })
    expect(body.rectificationsByDepartment).toEqual([
      expect.objectContaining({ departmentName: '教育局', total: 3, open: 1, responded: 1, verified: 0, closed: 1, overdue: 1, closureRate: '33.33' }),
      expect.objectContaining({ departmentName: '卫健局', total: 2, open: 1, responded: 0, verified: 1, closed: 0, overdue: 1, closureRate: '0.00' }),
    ])
    expect(body.rectificationsByJurisdiction.map((j: { jurisdictionName: string; total: number; closureRate: string }) => [j.jurisdictionName, j.total, j.closureRate])).toEqual([['看板市', 0, null], ['区一', 3, '33.33'], ['区二', 2, '0.00']])
    expect(body.decisionsByAction).toEqual([
      { proposedAction: 'priority', count: 1, decided: 0, proposedAmount: '2000000.00', decidedAmount: '0.00' },
      { proposedAction: 'maintain', count: 0, decided: 0, proposedAmount: '0.00', decidedAmount: '0.00' },
      { proposedAction: 'cut', count: 1, decided: 1, proposedAmount: '900000.00', decidedAmount: '850000.00' },
      { proposedAction: 'cancel', count: 1, decided: 1, proposedAmount: '0.00', decidedAmount: '0.00' },
    ])
    expect(body.decisionsByDepartment.map((d: { departmentName: string; proposedAmount: string; decidedAmount: string }) => [d.departmentName, d.proposedAmount, d.decidedAmount])).toEqual([['教育局', '2900000.00', '850000.00'], ['卫健局', '0.00', '0.00']])
  })

  test('a district its own, a unit its own items, another year nothing', async () => {
    const district = (await oneFinance.get('/api/results/dashboard?fiscalYear=2025')).json()
    expect(district.rectifications).toMatchObject({ total: 3, overdue: 1 })
    expect(district.rectificationsByJurisdiction.map((j: { jurisdictionName: string }) => j.jurisdictionName)).toEqual(['区一'])
    const unit = (await schoolUser.get('/api/results/dashboard')).json()
    expect(unit.rectifications).toMatchObject({ total: 2, closed: 1, overdue: 1, closureRate: '50.00' })
    expect(unit.rectificationsByJurisdiction).toEqual([])
    expect(unit.decisionsByAction.find((a: { proposedAction: string }) => a.proposedAction === 'cut')).toMatchObject({ count: 1, decidedAmount: '850000.00' })
    expect(unit.decisionsByAction.find((a: { proposedAction: string }) => a.proposedAction === 'priority')).toMatchObject({ count: 0 })
    const empty = (await cityFinance.get('/api/results/dashboard?fiscalYear=2030')).json()
    expect(empty.rectifications).toEqual({ total: 0, closed: 0, open: 0, overdue: 0, closureRate: null })
    expect((await cityFinance.get('/api/results/dashboard?fiscalYear=soon')).statusCode).toBe(400)
  })
})

describe('last year on the project list and the home to-dos', () => {
  test('the 2026 延续 request shows 2025 grade, decided amount and open items; the new projects nothing', async () => {
    const items = (await schoolUser.get('/api/projects?pageSize=50')).json().items as { id: string; lastYear: unknown }[]
    expect(items.find((p) => p.id === rv1next.id)!.lastYear).toEqual({ grade: '中', evaluatedYear: 2025, decidedAmount: '850000.00', proposedAmount: '900000.00', openRectifications: 1 })
    expect(items.find((p) => p.id === rv1.id)!.lastYear).toBeNull()
  })

  test('answer, verify, close and overdue at each level', async () => {
    const todos = async (client: typeof schoolUser) => Object.fromEntries((await client.get('/api/home')).json().todos.filter((x: { key: string }) => x.key.startsWith('rectifications')).map((x: { key: string; count: number }) => [x.key, x.count]))
    expect(await todos(schoolUser)).toEqual({ rectificationsToAnswer: 1, rectificationsOverdue: 1 })
    expect(await todos(school2User)).toEqual({ rectificationsToAnswer: 0, rectificationsOverdue: 0 })
    expect(await todos(eduUser)).toEqual({ rectificationsToAnswer: 0, rectificationsToVerify: 1, rectificationsOverdue: 1 })
    // 2020-01-01 is far beyond escalateToFinanceDays (30): the item is the district bureau's too.
    expect(await todos(twoFinance)).toEqual({ rectificationsToClose: 1, rectificationsOverdue: 1 })
    expect(await todos(oneFinance)).toEqual({ rectificationsToClose: 0, rectificationsOverdue: 1 })
    expect(await todos(cityFinance)).toEqual({ rectificationsToClose: 0, rectificationsOverdue: 0 })
  })

  test('each to-do opens the list of exactly the items it counts (?todo=)', async () => {
    const todo = { rectificationsToAnswer: 'answer', rectificationsToVerify: 'verify', rectificationsToClose: 'close' } as const
    for (const client of [schoolUser, school2User, eduUser, twoFinance, oneFinance, cityFinance]) {
      const counts = (await client.get('/api/home')).json().todos as { key: keyof typeof todo; count: number }[]
      for (const { key, count } of counts.filter((x) => x.key in todo)) {
        expect((await client.get(`/api/rectifications?todo=${todo[key]}`)).json().total, key).toBe(count)
      }
    }
    expect((await schoolUser.get('/api/rectifications?todo=answer')).json().items.map((i: { status: string }) => i.status)).toEqual(['open'])
  })
})
