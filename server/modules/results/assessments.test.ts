import { describe, expect, test } from 'vitest'
import { createTestContext } from '../../test/context.ts'

/** 考核 opened by a bureau: its departments and the district bureaus below it, computed items scored with their figures. */
const t = await createTestContext()
const city = await t.make.jurisdiction({ name: '考核市' })
const district = await t.make.jurisdiction({ parent: city, name: '考核区' })
const cityDept = await t.make.department({ jurisdiction: city, name: '市教育局' })
const districtDept = await t.make.department({ jurisdiction: district, name: '区教育局' })
const school = await t.make.unit({ department: cityDept })
const project = await t.make.project({ unit: school, status: 'budgeted', code: 'KHA1', fiscalYear: 2025 })
await t.make.goal({ project, status: 'approved', financeGrade: '良' })

const cityAdmin = await t.as(await t.make.user({ role: 'finance_admin', org: city }))
const districtAdmin = await t.as(await t.make.user({ role: 'finance_admin', org: district }))
const deptUser = await t.as(await t.make.user({ role: 'dept_user', org: cityDept }))
const unitUser = await t.as(await t.make.user({ role: 'unit_user', org: school }))

describe('opening the year’s 考核', () => {
  test('the city assesses its departments and its districts; due at the end of February; opening again adds nothing', async () => {
    const opened = await cityAdmin.post('/api/assessments/open', { fiscalYear: 2025 })
    expect(opened.statusCode, opened.body).toBe(201)
    expect(opened.json()).toEqual({ fiscalYear: 2025, dueOn: '2026-02-28', created: 2, existing: 0 })
    expect((await cityAdmin.post('/api/assessments/open', { fiscalYear: 2025 })).json()).toMatchObject({ created: 0, existing: 2 })
    const list = (await cityAdmin.get('/api/assessments?fiscalYear=2025')).json()
    expect(list.items.map((a: { orgCode: string; orgKind: string; status: string }) => [a.orgCode, a.orgKind, a.status]).sort()).toEqual(
      [
        [cityDept.code, 'department', 'self_assessing'],
        [district.code, 'jurisdiction', 'self_assessing'],
      ].sort(),
    )
  })

  test('a department’s items: computed ones scored with their figure and formula; disclosure scored on evidence', async () => {
    const { items } = (await deptUser.get('/api/assessments?fiscalYear=2025')).json()
    expect(items).toHaveLength(1)
    const detail = (await deptUser.get(`/api/assessments/${items[0].id}`)).json()
    const coverage = detail.items.find((i: { code: string }) => i.code === 'A1')
    expect(coverage).toMatchObject({ points: '15.00', computed: true, score: '15.00', figure: { numerator: 1, denominator: 1 } })
    expect(coverage.explanation.formula).toContain('1 / 1 = 100.00%')
    expect(detail.items.find((i: { code: string }) => i.code === 'E1')).toMatchObject({ kind: 'entered', computed: false, score: null })
    expect(detail.items.find((i: { code: string }) => i.code === 'F2')).toMatchObject({ kind: 'deduction', points: '10.00' })
  })

  test('scope: the district bureau sees its own 考核, not the city’s departments; a unit sees none; the city sees all', async () => {
    const own = (await districtAdmin.get('/api/assessments?fiscalYear=2025')).json().items
    expect(own.map((a: { orgCode: string }) => a.orgCode)).toEqual([district.code])
    const cityDepartment = (await cityAdmin.get(`/api/assessments?orgCode=${cityDept.code}`)).json().items[0]
    expect((await districtAdmin.get(`/api/assessments/${cityDepartment.id}`)).statusCode).toBe(404)
    expect((await unitUser.get(`/api/assessments/${cityDepartment.id}`)).statusCode).toBe(404)
    expect((await unitUser.get('/api/assessments')).json().total).toBe(0)
    expect((await deptUser.post('/api/assessments/open', { fiscalYear: 2025 })).statusCode).toBe(403)
    // The district's own departments are the district's to assess.
    expect((await districtAdmin.post('/api/assessments/open', { fiscalYear: 2025 })).json()).toMatchObject({ created: 1 })
    expect((await cityAdmin.get(`/api/assessments?orgCode=${districtDept.code}`)).json().total).toBe(1)
  })
})
