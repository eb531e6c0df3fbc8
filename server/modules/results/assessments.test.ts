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

describe('self-assessment, review, ranking (rule 47)', () => {
  test('the department scores its evidence items and submits; finance reviews item by item; totals ranked and published', async () => {
    const mine = (await deptUser.get('/api/assessments?fiscalYear=2025')).json().items[0]
    // A computed item cannot be self-scored; a bonus above its points is refused; disclosure (on evidence) needs a score to submit.
    const computed = await deptUser.put(`/api/assessments/${mine.id}/self`, { version: mine.version, items: [{ code: 'A1', score: '15' }] })
    expect(computed.statusCode).toBe(422)
    expect((await deptUser.put(`/api/assessments/${mine.id}/self`, { version: mine.version, items: [{ code: 'F1', score: '6' }] })).json().error.details[0].path).toBe('items.0.score')
    expect((await deptUser.post(`/api/assessments/${mine.id}/submit`, { version: mine.version })).json().error.details[0].path).toBe('items.E1.score')
    const saved = await deptUser.put(`/api/assessments/${mine.id}/self`, { version: mine.version, items: [{ code: 'E1', score: '4', note: '预算、决算公开网址' }, { code: 'F1', score: '3', note: '经验在全市推广' }, { code: 'F2', score: '0' }] })
    expect(saved.statusCode, saved.body).toBe(200)
    expect((await deptUser.put(`/api/assessments/${mine.id}/self`, { version: mine.version, items: [{ code: 'F1', score: '2' }] })).statusCode).toBe(409)
    const submitted = await deptUser.post(`/api/assessments/${mine.id}/submit`, { version: saved.json().version })
    expect(submitted.json()).toMatchObject({ status: 'submitted' })

    // Only the assessing bureau reviews; a changed score needs an opinion.
    expect((await districtAdmin.post(`/api/assessments/${mine.id}/review`, { version: submitted.json().version, items: [] })).statusCode).toBe(404)
    const noOpinion = await cityAdmin.post(`/api/assessments/${mine.id}/review`, { version: submitted.json().version, items: [{ code: 'F1', score: '1' }] })
    expect(noOpinion.json().error.details[0].path).toBe('items.0.opinion')
    const reviewed = await cityAdmin.post(`/api/assessments/${mine.id}/review`, { version: submitted.json().version, items: [{ code: 'F1', score: '1', opinion: '推广范围有限' }] })
    expect(reviewed.statusCode, reviewed.body).toBe(200)
    const body = reviewed.json()
    expect(body.status).toBe('reviewed')
    expect(body.items.find((i: { code: string }) => i.code === 'F1')).toMatchObject({ selfScore: '3.00', reviewScore: '1.00', score: '1.00', reviewOpinion: '推广范围有限' })
    // Every computed item of a department with one covered, reviewed 良 project: see the figures on the detail.
    const expected = body.items.reduce((sum: number, i: { kind: string; score: string | null }) => (i.kind === 'deduction' ? sum - Number(i.score ?? 0) : sum + Number(i.score ?? 0)), 0)
    expect(Number(body.total)).toBeCloseTo(Math.min(100, expected), 2)
    expect(body.totalExplanation.formula).toContain('→')

    // Publishing waits for every assessment of the bureau to be reviewed.
    expect((await cityAdmin.post('/api/assessments/publish', { fiscalYear: 2025 })).statusCode).toBe(409)
    const district2025 = (await districtAdmin.get(`/api/assessments?orgCode=${district.code}`)).json().items[0]
    const own = await districtAdmin.put(`/api/assessments/${district2025.id}/self`, { version: district2025.version, items: [{ code: 'E1', score: '5', note: '全部公开' }] })
    const sent = await districtAdmin.post(`/api/assessments/${district2025.id}/submit`, { version: own.json().version })
    expect((await cityAdmin.post(`/api/assessments/${district2025.id}/review`, { version: sent.json().version, items: [] })).statusCode).toBe(200)
    expect((await cityAdmin.post('/api/assessments/publish', { fiscalYear: 2025 })).json()).toEqual({ fiscalYear: 2025, published: 2 })
    const published = (await cityAdmin.get('/api/assessments?fiscalYear=2025&status=published')).json().items
    expect(published.map((a: { orgCode: string; rank: number }) => [a.orgCode, a.rank]).sort()).toEqual([[cityDept.code, 1], [district.code, 1]].sort())
  })
})


describe('sorting and export', () => {
  test('the list sorts by total; the export is an xlsx of the filtered rows, recorded', async () => {
    const sorted = (await cityAdmin.get('/api/assessments?fiscalYear=2025&sort=total&order=desc')).json().items
    const totals = sorted.map((a: { total: string | null }) => a.total).filter((x: string | null) => x !== null).map(Number)
    expect(totals).toEqual([...totals].sort((a, b) => b - a))
    const published = (await cityAdmin.get('/api/assessments?fiscalYear=2025&status=published')).json().items
    expect(published.every((a: { consequence: string }) => ['interview', 'none'].includes(a.consequence))).toBe(true)
    const res = await cityAdmin.get('/api/assessments/export?fiscalYear=2025')
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toContain('spreadsheetml')
    expect((await cityAdmin.get('/api/assessments/export?sort=height')).statusCode).toBe(400)
  })
})
