import { describe, expect, test } from 'vitest'
import { createTestContext } from '../../test/context.ts'
import { makeSelfForm } from '../../test/factories.self-evaluation.ts'

/** 绩效评价看板: grades by department and district, the totals' bands, key evaluations by stage — each in scope. */
const t = await createTestContext()
const city = await t.make.jurisdiction()
const district = await t.make.jurisdiction({ parent: city })
const edu = await t.make.department({ jurisdiction: city, name: '教育局' })
const school = await t.make.unit({ department: edu, name: '第一中学' })
const health = await t.make.department({ jurisdiction: city, name: '卫健委' })
const clinic = await t.make.unit({ department: health, name: '社区医院' })
const districtUnit = await t.make.unit({ department: await t.make.department({ jurisdiction: district, name: '区教育局' }) })

async function scored(unit: typeof school, status: 'draft' | 'submitted' | 'accepted', total: string | null, grade: '优' | '良' | '中' | '差' | null) {
  const form = await makeSelfForm(t, { unit, status })
  await t.db.updateTable('selfEvalForm').set({ total, grade }).where('id', '=', form.id).execute()
  return form
}
await scored(school, 'submitted', '92.50', '优')
await scored(school, 'accepted', '85.00', '良')
await scored(school, 'draft', null, null)
await scored(clinic, 'submitted', '100.00', '优')
await scored(districtUnit, 'submitted', '55.00', '差')
for (const stage of ['exchange', 'exchange', 'final'] as const) {
  await t.db
    .insertInto('keyEvaluation')
    .values({ jurisdictionCode: city.code, fiscalYear: 2026, level: 'finance', objectKind: 'department', commissionerCode: city.code, departmentCode: edu.code, name: `重点评价${stage}`, template: 'department', stage, createdAt: t.clock.now(), updatedAt: t.clock.now() })
    .execute()
}

const dashboardOf = async (role: 'finance_admin' | 'dept_user', org: typeof city) => {
  const res = await (await t.as(await t.make.user({ role, org }))).get('/api/evaluation/dashboard?fiscalYear=2026')
  expect(res.statusCode).toBe(200)
  return res.json()
}

describe('GET /api/evaluation/dashboard', () => {
  test('the city bureau: its departments’ grades and averages, its districts apart, the totals’ bands, key evaluations by stage', async () => {
    const view = await dashboardOf('finance_admin', city)
    expect(view).toMatchObject({ forms: 5, submitted: 4, grades: { 优: 2, 良: 1, 中: 0, 差: 1 } })
    const edu2 = view.byDepartment.find((d: { code: string }) => d.code === edu.code)
    expect(edu2).toMatchObject({ name: '教育局', forms: 3, submitted: 2, grades: { 优: 1, 良: 1, 中: 0, 差: 0 }, averageTotal: '88.75', drill: { fiscalYear: 2026, departmentCode: edu.code } })
    expect(view.byDistrict).toEqual([expect.objectContaining({ code: district.code, forms: 1, grades: { 优: 0, 良: 0, 中: 0, 差: 1 }, drill: { fiscalYear: 2026, jurisdictionCode: district.code } })])
    expect(view.scores.map((b: { from: number; count: number }) => [b.from, b.count])).toEqual([[0, 1], [60, 0], [70, 0], [80, 1], [90, 2]])
    expect(view.keyEvaluations).toEqual(expect.arrayContaining([{ stage: 'exchange', count: 2 }, { stage: 'final', count: 1 }, { stage: 'selected', count: 0 }]))
  })

  test('a department sees its own forms only; the district bureau not the city’s', async () => {
    const dept = await dashboardOf('dept_user', health)
    expect(dept).toMatchObject({ forms: 1, submitted: 1, grades: { 优: 1 } })
    expect(dept.byDepartment.map((d: { code: string }) => d.code)).toEqual([health.code])
    const districtView = await dashboardOf('finance_admin', district)
    expect(districtView).toMatchObject({ forms: 1, grades: { 差: 1 } })
    expect(districtView.keyEvaluations.every((k: { count: number }) => k.count === 0)).toBe(true)
  })

  test('without evaluation.read: 403; a bad year: 400', async () => {
    const auditor = await t.as(await t.make.user({ role: 'audit_admin', org: city }))
    expect((await auditor.get('/api/evaluation/dashboard?fiscalYear=2026')).statusCode).toBe(403)
    const admin = await t.as(await t.make.user({ role: 'finance_admin', org: city }))
    expect((await admin.get('/api/evaluation/dashboard?fiscalYear=abc')).statusCode).toBe(400)
  })
})
