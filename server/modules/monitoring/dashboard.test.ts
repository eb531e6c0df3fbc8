import { describe, expect, test } from 'vitest'
import { createTestContext } from '../../test/context.ts'
import { makeDepartmentForm, makeForm, makeRound } from '../../test/factories.monitoring-dashboard.ts'

const t = await createTestContext()
const day = 86_400_000

// 本级 (a district under a city): two departments, one with two units.
const city = await t.make.jurisdiction({ name: '测试市' })
const district = await t.make.jurisdiction({ parent: city, name: '测试区' })
const education = await t.make.department({ jurisdiction: district, name: '区教育局' })
const health = await t.make.department({ jurisdiction: district, name: '区卫健局' })
const school = await t.make.unit({ department: education, name: '第一中学' })
const kindergarten = await t.make.unit({ department: education, name: '实验幼儿园' })
const hospital = await t.make.unit({ department: health, name: '区人民医院' })
const districtFinance = await t.make.user({ role: 'finance_admin', org: district })
const cityFinance = await t.make.user({ role: 'finance_reviewer', org: city })
const educationUser = await t.make.user({ role: 'dept_user', org: education })
const schoolUser = await t.make.user({ role: 'unit_user', org: school })
const agency = await t.make.user({ role: 'agency_user', org: district })

// A round of 1–6月 whose deadline passed yesterday.
const round = await makeRound(t, { jurisdiction: district, cutoffMonth: 6, deadline: new Date(t.clock.now().getTime() - day), name: '2026年1—6月监控' })
const forms = {
  // 执行率 20% (30 points behind 50%), red, late (draft), reminded twice.
  lagging: await makeForm(t, { round, unit: school, budgetAdjusted: '1000000.00', executed: '200000.00', projectLight: 'red', budgetLight: 'red', remindCount: 2, indicators: [{ name: '新建教室数', target: '10', progress: '1', light: 'red', likelihood: 'impossible', causeCategory: 'funding', deviationAnalysis: '资金到位晚', measures: '加快招标' }] }),
  // 执行率 50%, green, accepted.
  onTrack: await makeForm(t, { round, unit: school, budgetAdjusted: '400000.00', executed: '200000.00', status: 'accepted', isKey: true }),
  // 执行率 95% (45 points ahead), blue, submitted (awaiting the department), assigned to the agency.
  ahead: await makeForm(t, { round, unit: kindergarten, budgetAdjusted: '200000.00', executed: '190000.00', projectLight: 'blue', status: 'submitted', agencyUserId: agency.id }),
  // 执行率 40%, yellow, returned but with an extension until tomorrow: not late.
  extended: await makeForm(t, { round, unit: hospital, budgetAdjusted: '500000.00', executed: '200000.00', projectLight: 'yellow', budgetLight: 'yellow', status: 'returned', extensionUntil: new Date(t.clock.now().getTime() + day) }),
}
await makeDepartmentForm(t, { round, department: health, status: 'draft' })

const dashboard = async (user: { username: string }, query: string) => (await t.as(user)).get(`/api/monitoring/dashboard?${query}`)

describe('the dashboard of a round', () => {
  test('finance sees lights, execution against time progress, deviations and late reporters, each with its drill-down filter', async () => {
    const res = await dashboard(districtFinance, `roundId=${round.id}`)
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body.round).toMatchObject({ id: round.id, cutoffMonth: 6, jurisdictionName: '测试区' })
    expect(body.timeProgress).toBe('50.00')
    expect(body.totals).toMatchObject({
      forms: 5,
      reported: 2,
      accepted: 1,
      awaitingDepartment: 1,
      // The draft project form and the department's own draft form; the extended one is not late yet.
      late: 2,
      key: 1,
      lights: { red: 1, yellow: 1, green: 1, blue: 1, unlit: 1 },
      budgetLights: { red: 1, yellow: 1, green: 2 },
      budgetAdjusted: '2100000.00',
      executed: '790000.00',
      executionRate: '37.62',
      drill: { roundId: round.id },
    })
    const byCode = Object.fromEntries(body.byDepartment.map((d: { departmentCode: string }) => [d.departmentCode, d]))
    expect(byCode[education.code]).toMatchObject({ departmentName: '区教育局', forms: 3, lights: { red: 1, green: 1, blue: 1, yellow: 0 }, executed: '590000.00', budgetAdjusted: '1600000.00', executionRate: '36.88', drill: { roundId: round.id, departmentCode: education.code } })
    expect(byCode[health.code]).toMatchObject({ forms: 2, late: 1, lights: { yellow: 1, unlit: 1 }, executionRate: '40.00' })

    // Furthest from 50% either way: 95% (+45), 20% (−30), 40% (−10), 50% (0).
    expect(body.largestDeviations.map((d: { formId: string; deviation: string }) => [d.formId, d.deviation])).toEqual([
      [forms.ahead.form.id, '45.00'],
      [forms.lagging.form.id, '-30.00'],
      [forms.extended.form.id, '-10.00'],
      [forms.onTrack.form.id, '0.00'],
    ])
    expect(body.largestDeviations[1]).toMatchObject({ projectCode: forms.lagging.project.code, unitName: '第一中学', redIndicators: 1, drill: { roundId: round.id, projectId: forms.lagging.project.id } })

    expect(body.late.units).toEqual([
      expect.objectContaining({ unitCode: school.code, unitName: '第一中学', late: 1, remindCount: 2, drill: { roundId: round.id, unitCode: school.code } }),
      expect.objectContaining({ unitCode: null, departmentCode: health.code, late: 1, drill: { roundId: round.id, departmentCode: health.code } }),
    ])
    expect(body.late.departments.map((d: { departmentCode: string; late: number; awaitingDepartment: number }) => [d.departmentCode, d.late, d.awaitingDepartment])).toEqual([
      [education.code, 1, 1],
      [health.code, 1, 0],
    ])
  })

  test('a form becomes late once its extension runs out', async () => {
    const extra = await makeRound(t, { jurisdiction: district, deadline: new Date(t.clock.now().getTime() - day) })
    await makeForm(t, { round: extra, unit: hospital, status: 'returned', extensionUntil: new Date(t.clock.now().getTime() + 60_000) })
    expect((await dashboard(districtFinance, `roundId=${extra.id}`)).json().totals.late).toBe(0)
    t.clock.advanceMinutes(2)
    expect((await dashboard(districtFinance, `roundId=${extra.id}`)).json().totals.late).toBe(1)
  })

  test('a department sees its own forms only, a unit its own, an agency only what is assigned to it', async () => {
    const dept = (await dashboard(educationUser, `roundId=${round.id}`)).json()
    expect(dept.totals.forms).toBe(3)
    expect(dept.byDepartment.map((d: { departmentCode: string }) => d.departmentCode)).toEqual([education.code])
    expect(dept.byDistrict).toEqual([])
    expect(dept.byUnit.map((u: { unitName: string; forms: number; executionRate: string; drill: unknown }) => [u.unitName, u.forms, u.executionRate, u.drill])).toEqual([
      ['第一中学', 2, '28.57', { roundId: round.id, unitCode: school.code }],
      ['实验幼儿园', 1, '95.00', { roundId: round.id, unitCode: kindergarten.code }],
    ])
    const unit = (await dashboard(schoolUser, `roundId=${round.id}`)).json()
    expect(unit.totals).toMatchObject({ forms: 2, executed: '400000.00' })
    expect(unit.late.units.map((u: { unitCode: string }) => u.unitCode)).toEqual([school.code])
    const assigned = (await dashboard(agency, `roundId=${round.id}`)).json()
    expect(assigned.totals).toMatchObject({ forms: 1, lights: { blue: 1 } })
    expect(assigned.largestDeviations.map((d: { formId: string }) => d.formId)).toEqual([forms.ahead.form.id])
  })

  test('out of scope, never assigned or still opening: 404', async () => {
    const elsewhere = await t.make.jurisdiction()
    const outsider = await t.make.user({ role: 'finance_admin', org: elsewhere })
    expect((await dashboard(outsider, `roundId=${round.id}`)).statusCode).toBe(404)
    const other = await makeRound(t, { jurisdiction: district })
    await makeForm(t, { round: other, unit: school })
    expect((await dashboard(agency, `roundId=${other.id}`)).statusCode).toBe(404)
    const opening = await makeRound(t, { jurisdiction: district, status: 'opening' })
    expect((await dashboard(districtFinance, `roundId=${opening.id}`)).statusCode).toBe(404)
    expect((await dashboard(districtFinance, `roundId=${crypto.randomUUID()}`)).statusCode).toBe(404)
  })

  test('a city rolls up its districts by their round nearest the cut-off, and reads a district round', async () => {
    const cityDept = await t.make.department({ jurisdiction: city, name: '市财政直属部门' })
    const cityUnit = await t.make.unit({ department: cityDept })
    const cityRound = await makeRound(t, { jurisdiction: city, cutoffMonth: 6, name: '市本级1—6月监控' })
    await makeForm(t, { round: cityRound, unit: cityUnit, budgetAdjusted: '100000.00', executed: '50000.00' })
    // A second district: its 1–6月 round is rolled up, not its later 1–9月 one.
    const district2 = await t.make.jurisdiction({ parent: city, name: '第二区' })
    const unit2 = await t.make.unit({ department: await t.make.department({ jurisdiction: district2 }) })
    const june = await makeRound(t, { jurisdiction: district2, cutoffMonth: 6 })
    await makeForm(t, { round: june, unit: unit2, projectLight: 'red', budgetAdjusted: '100000.00', executed: '10000.00' })
    await makeForm(t, { round: june, unit: unit2, projectLight: 'green', budgetAdjusted: '100000.00', executed: '30000.00' })
    await makeRound(t, { jurisdiction: district2, cutoffMonth: 9 })
    const body = (await dashboard(cityFinance, `roundId=${cityRound.id}`)).json()
    expect(body.totals.forms).toBe(1)
    expect(body.byDistrict.map((d: { jurisdictionCode: string }) => d.jurisdictionCode)).toEqual([district.code, district2.code])
    expect(body.byDistrict[1]).toMatchObject({ jurisdictionName: '第二区', roundId: june.id, cutoffMonth: 6, forms: 2, lights: { red: 1, green: 1 }, executionRate: '20.00', drill: { roundId: june.id } })
    expect(body.byDistrict[0].cutoffMonth).toBe(6)
    // The city reads the district's own round too.
    expect((await dashboard(cityFinance, `roundId=${round.id}`)).json().totals.forms).toBe(5)
    // By fiscal year alone: the caller's own bureau's newest round first, and every visible round to choose from.
    const byYear = (await dashboard(cityFinance, 'fiscalYear=2026')).json()
    expect(byYear.round.id).toBe(cityRound.id)
    expect(byYear.rounds.map((r: { id: string }) => r.id)).toEqual(expect.arrayContaining([cityRound.id, round.id]))
  })

  test('a year without rounds gives an empty dashboard; neither round nor year is a 400', async () => {
    const empty = (await dashboard(districtFinance, 'fiscalYear=2031')).json()
    expect(empty).toMatchObject({ round: null, rounds: [], totals: null, byDepartment: [] })
    const res = await dashboard(districtFinance, '')
    expect(res.statusCode).toBe(400)
    expect(res.json().error.code).toBe('VALIDATION_FAILED')
  })
})
