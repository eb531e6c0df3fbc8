import { describe, expect, test } from 'vitest'
import { createTestContext } from '../../test/context.ts'
import { completeIndicators, makeForm, makePayment, makeRound } from '../../test/factories.monitoring-forms.ts'

const t = await createTestContext()
const city = await t.make.jurisdiction()
const district = await t.make.jurisdiction({ parent: city })
const edu = await t.make.department({ jurisdiction: district, name: '教育局' })
const school = await t.make.unit({ department: edu, name: '第一中学' })
const otherSchool = await t.make.unit({ department: edu, name: '第二中学' })
const round = await makeRound(t, { jurisdiction: district, cutoffMonth: 6 })

const unitUser = await t.as(await t.make.user({ role: 'unit_user', org: school }))
const otherUnitUser = await t.as(await t.make.user({ role: 'unit_user', org: otherSchool }))
const deptUser = await t.as(await t.make.user({ role: 'dept_user', org: edu }))
const financeAdmin = await t.as(await t.make.user({ role: 'finance_admin', org: district }))
const financeReviewer = await t.as(await t.make.user({ role: 'finance_reviewer', org: district }))
const cityAdmin = await t.as(await t.make.user({ role: 'finance_admin', org: city }))
const agencyRow = await t.make.user({ role: 'agency_user', org: district })
const agency = await t.as(agencyRow)

const url = (id: string, tail = '') => `/api/monitoring/forms/${id}${tail}`
const read = async (id: string) => (await unitUser.get(url(id))).json()
const errorOf = (res: { json(): any }) => res.json().error

describe('filling a form: progress, likelihood and reasons; the lights follow', () => {
  test('the form shows the cut-off, the funds with the execution rate as a percent string, and the indicators', async () => {
    const form = await makeForm(t, { round, unit: school, amount: '1200000.00' })
    await makePayment(t, { project: form.project!, month: 2, amount: '300000.00' })
    const saved = await unitUser.put(url(form.id), { version: 1, unitForecast: '1000000.00' })
    expect(saved.statusCode).toBe(200)
    const view = saved.json()
    expect(view).toMatchObject({ id: form.id, projectId: form.project!.id, cutoffMonth: 6, status: 'draft', version: 2, allowedActions: ['save', 'submit'] })
    expect(view.funds).toMatchObject({ budgetInitial: '1200000.00', budgetAdjusted: '1200000.00', executed: '300000.00', executionRate: '25.00', timeProgress: '50.00', unitForecast: '1000000.00' })
    // 25% against 50% of the year → 50 → 红, with the formula
    expect(view.lights.budget).toMatchObject({ light: 'red', explained: { formula: expect.stringContaining('执行率 = 300000.00 / 1200000.00') } })
    expect(view.indicators).toHaveLength(5)
    expect(view.indicators[0]).toMatchObject({ name: '培训人次', target: '500', light: null, likelihood: null, causeCategory: null, deviationAnalysis: '', measures: '' })
  })

  test('progress lights each indicator and the project light is the worst', async () => {
    const form = await makeForm(t, { round, unit: school })
    const [count, rate] = (await read(form.id)).indicators
    const res = await unitUser.put(url(form.id), { version: 1, indicators: [{ id: count.id, progress: '100', likelihood: 'impossible' }, { id: rate.id, progress: '50' }] })
    expect(res.statusCode).toBe(200)
    const view = res.json()
    expect(view.indicators.map((i: { light: string | null }) => i.light)).toEqual(['red', 'green', null, null, null])
    expect(view.indicators[0].explained.formula).toContain('完成比 = 100 / 250.00 × 100 = 40.00 → 红')
    expect(view.lights.project.light).toBe('red')
    expect((await unitUser.get(`/api/monitoring/forms?roundId=${round.id}&light=red`)).json().items.map((i: { id: string }) => i.id)).toContain(form.id)
  })

  test('unreadable progress is refused naming the field; an indicator of another form too', async () => {
    const form = await makeForm(t, { round, unit: school })
    const other = await makeForm(t, { round, unit: school })
    const [count, , deadline] = (await read(form.id)).indicators
    const res = await unitUser.put(url(form.id), { version: 1, indicators: [{ id: count.id, progress: '很多' }, { id: deadline.id, progress: '差不多' }] })
    expect(res.statusCode).toBe(422)
    expect(errorOf(res).details.map((d: { path: string }) => d.path)).toEqual(['indicators.0.progress', 'indicators.2.progress'])
    const foreign = await unitUser.put(url(form.id), { version: 1, indicators: [{ id: (await read(other.id)).indicators[0].id, progress: '1' }] })
    expect(errorOf(foreign).details).toEqual([{ path: 'indicators.0.id', message: '该指标不属于本监控表' }])
    expect((await read(form.id)).version).toBe(1)
  })

  test('a stale version is 409 and writes nothing', async () => {
    const form = await makeForm(t, { round, unit: school })
    expect((await unitUser.put(url(form.id), { version: 1, fundsNote: '一' })).statusCode).toBe(200)
    const stale = await unitUser.put(url(form.id), { version: 1, fundsNote: '二' })
    expect(stale.statusCode).toBe(409)
    expect(errorOf(stale).code).toBe('VERSION_CONFLICT')
    expect((await read(form.id)).funds.fundsNote).toBe('一')
  })
})

describe('submitting: rule 29 (both blocks) and rule 31 (reasons)', () => {
  test('without the full-year estimate or progress the submit is 422 naming each field', async () => {
    const form = await makeForm(t, { round, unit: school })
    const res = await unitUser.post(url(form.id, '/submit'), { version: 1 })
    expect(res.statusCode).toBe(422)
    const paths = errorOf(res).details.map((d: { path: string }) => d.path)
    expect(paths).toContain('unitForecast')
    expect(paths).toContain('indicators.0.progress')
    expect(paths).toContain('indicators.4.likelihood')
    expect(errorOf(res).message).toContain('全年预计执行数')
  })

  test('a form without indicators (no goal in force) cannot be submitted', async () => {
    const form = await makeForm(t, { round, unit: school, indicators: [], unitForecast: '1.00' })
    const res = await unitUser.post(url(form.id, '/submit'), { version: 1 })
    expect(errorOf(res).details).toEqual([expect.objectContaining({ path: 'indicators' })])
  })

  test('不可能 is refused without the cause, analysis and measures, and accepted with them', async () => {
    const form = await makeForm(t, { round, unit: school, indicators: completeIndicators(), unitForecast: '900000.00' })
    const first = (await read(form.id)).indicators[0]
    const certainOthers = (await read(form.id)).indicators.map((i: { id: string }) => ({ id: i.id, likelihood: 'certain' }))
    expect((await unitUser.put(url(form.id), { version: 1, indicators: [...certainOthers.slice(1), { id: first.id, likelihood: 'impossible' }] })).statusCode).toBe(200)
    const refused = await unitUser.post(url(form.id, '/submit'), { version: 2 })
    expect(refused.statusCode).toBe(422)
    expect(errorOf(refused).details.map((d: { path: string }) => d.path)).toEqual(['indicators.0.causeCategory', 'indicators.0.deviationAnalysis', 'indicators.0.measures'])
    expect(errorOf(refused).message).toBe('第 1 个指标“培训人次”完成目标可能性为“不可能”，须选择偏差原因类别')
    const reasons = { id: first.id, causeCategory: 'funding', deviationAnalysis: '上级资金未到位，培训推迟', measures: '申请调整预算并压缩培训期次' }
    expect((await unitUser.put(url(form.id), { version: 2, indicators: [reasons] })).statusCode).toBe(200)
    const submitted = await unitUser.post(url(form.id, '/submit'), { version: 3, opinion: '请审核' })
    expect(submitted.statusCode).toBe(200)
    expect(submitted.json()).toMatchObject({ status: 'submitted', allowedActions: [] })
    expect((await unitUser.put(url(form.id), { version: 4, fundsNote: '再改' })).statusCode).toBe(409)
  })
})

/** A complete form submitted by its unit, ready for the department. */
async function submitted(unit = school) {
  const form = await makeForm(t, { round, unit, indicators: completeIndicators(), unitForecast: '900000.00' })
  const ids = (await read(form.id).catch(() => null))?.indicators ?? (await (await otherUnitUser.get(url(form.id))).json()).indicators
  const client = unit === school ? unitUser : otherUnitUser
  await client.put(url(form.id), { version: 1, indicators: ids.map((i: { id: string }) => ({ id: i.id, likelihood: 'certain' })) })
  const res = await client.post(url(form.id, '/submit'), { version: 2 })
  expect(res.statusCode).toBe(200)
  return form
}

describe('review: the department, then finance; return with an opinion', () => {
  test('department accepts, finance accepts; each move in the opinions', async () => {
    const form = await submitted()
    expect((await financeAdmin.post(url(form.id, '/accept'), { version: 3 })).statusCode).toBe(403)
    const dept = await deptUser.post(url(form.id, '/accept'), { version: 3, opinion: '同意' })
    expect(dept.json()).toMatchObject({ status: 'dept_accepted' })
    expect((await financeAdmin.get(url(form.id))).json().allowedActions).toEqual(['return', 'accept'])
    expect((await cityAdmin.post(url(form.id, '/accept'), { version: 4 })).json().error.code).toBe('SUPERVISION_ONLY')
    const done = await financeReviewer.post(url(form.id, '/accept'), { version: 4 })
    expect(done.json()).toMatchObject({ status: 'accepted', acceptedAt: expect.any(String) })
    expect(done.json().opinions.map((o: { stage: string; action: string }) => `${o.stage}:${o.action}`)).toEqual(['unit:submit', 'dept:accept', 'finance:accept'])
  })

  test('a return needs an opinion and gives the form back to the unit', async () => {
    const form = await submitted()
    expect((await deptUser.post(url(form.id, '/return'), { version: 3, opinion: '' })).statusCode).toBe(400)
    const returned = await deptUser.post(url(form.id, '/return'), { version: 3, opinion: '指标进度说明不足' })
    expect(returned.json()).toMatchObject({ status: 'returned' })
    expect((await read(form.id)).allowedActions).toEqual(['save', 'submit'])
    expect((await unitUser.post(url(form.id, '/submit'), { version: 4 })).json()).toMatchObject({ status: 'submitted' })
  })

  test('two reviewers at once: one wins, the other gets 409', async () => {
    const form = await submitted()
    const deptUser2 = await t.as(await t.make.user({ role: 'dept_user', org: edu }))
    const results = await Promise.all([deptUser.post(url(form.id, '/accept'), { version: 3 }), deptUser2.post(url(form.id, '/return'), { version: 3, opinion: '退回' })])
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409])
  })

  test('batch accept accepts what is the caller’s and reports the rest', async () => {
    const a = await submitted()
    const b = await submitted()
    const draft = await makeForm(t, { round, unit: school })
    const res = await deptUser.post('/api/monitoring/forms/batch-accept', { items: [{ id: a.id, version: 3 }, { id: b.id, version: 1 }, { id: draft.id, version: 1 }, { id: crypto.randomUUID(), version: 1 }] })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({
      accepted: 1,
      items: [
        { id: a.id, ok: true, status: 'dept_accepted' },
        { id: b.id, ok: false, code: 'VERSION_CONFLICT' },
        { id: draft.id, ok: false, code: 'INVALID_TRANSITION' },
        { id: expect.any(String), ok: false, code: 'NOT_FOUND' },
      ],
    })
  })
})

describe('scope, deadline and agencies', () => {
  test('another unit’s form is 404; the list holds only the unit’s own; a round still opening shows nothing', async () => {
    const form = await makeForm(t, { round, unit: school })
    expect((await otherUnitUser.get(url(form.id))).statusCode).toBe(404)
    expect((await otherUnitUser.put(url(form.id), { version: 1, fundsNote: 'x' })).statusCode).toBe(404)
    const mine = (await otherUnitUser.get(`/api/monitoring/forms?roundId=${round.id}&pageSize=200`)).json()
    expect(mine.items.every((i: { unitCode: string }) => i.unitCode === otherSchool.code)).toBe(true)
    const opening = await makeRound(t, { jurisdiction: district, status: 'opening' })
    const hidden = await makeForm(t, { round: opening, unit: school })
    expect((await unitUser.get(url(hidden.id))).statusCode).toBe(404)
    expect((await cityAdmin.get(url(form.id))).json().allowedActions).toEqual([])
  })

  test('after the deadline a unit can neither save nor submit; an extension reopens it', async () => {
    const late = await makeRound(t, { jurisdiction: district, deadline: new Date(t.clock.now().getTime() - 1000) })
    const form = await makeForm(t, { round: late, unit: school })
    const res = await unitUser.put(url(form.id), { version: 1, fundsNote: '迟到' })
    expect(res.statusCode).toBe(409)
    expect(errorOf(res).code).toBe('MONITORING_DEADLINE_PASSED')
    expect(errorOf(res).message).toMatch(/截止/)
    expect((await read(form.id)).allowedActions).toEqual([])
    await t.db.updateTable('monitoringForm').set({ extensionUntil: new Date(t.clock.now().getTime() + 86_400_000) }).where('id', '=', form.id).execute()
    expect((await unitUser.put(url(form.id), { version: 1, fundsNote: '延期后补报' })).statusCode).toBe(200)
  })

  test('an agency sees only the forms assigned to it and adds verification notes', async () => {
    const assigned = await makeForm(t, { round, unit: school, isKey: true, agencyUserId: agencyRow.id })
    const other = await makeForm(t, { round, unit: school })
    expect((await agency.get(url(other.id))).statusCode).toBe(404)
    expect((await agency.get('/api/monitoring/forms')).json().items.map((i: { id: string }) => i.id)).toEqual([assigned.id])
    const noted = await agency.post(url(assigned.id, '/notes'), { note: '已现场核查，进度属实' })
    expect(noted.statusCode).toBe(200)
    expect(noted.json().opinions).toEqual([expect.objectContaining({ stage: 'agency', action: 'note', opinion: '已现场核查，进度属实' })])
    expect((await agency.put(url(assigned.id), { version: 1, fundsNote: 'x' })).statusCode).toBe(403)
  })

  test('the department fills its own overall form, which goes straight to finance', async () => {
    const form = await makeForm(t, { round, department: edu, indicators: completeIndicators(), unitForecast: '1.00' })
    expect((await unitUser.get(url(form.id))).statusCode).toBe(404)
    const ids = (await (await deptUser.get(url(form.id))).json()).indicators.map((i: { id: string }) => ({ id: i.id, likelihood: 'certain' }))
    expect((await deptUser.put(url(form.id), { version: 1, indicators: ids })).statusCode).toBe(200)
    expect((await deptUser.post(url(form.id, '/submit'), { version: 2 })).json()).toMatchObject({ status: 'dept_accepted', kind: 'department' })
  })

  test('the list filters and exports', async () => {
    const list = await deptUser.get(`/api/monitoring/forms?roundId=${round.id}&status=draft&isKey=false&unitCode=${school.code}&sort=executionRate&order=asc`)
    expect(list.statusCode).toBe(200)
    expect(list.json().items.length).toBeGreaterThan(0)
    expect(list.json().items.every((i: { status: string; unitCode: string }) => i.status === 'draft' && i.unitCode === school.code)).toBe(true)
    const xlsx = await deptUser.get(`/api/monitoring/forms/export?roundId=${round.id}`)
    expect(xlsx.statusCode).toBe(200)
    expect(String(xlsx.headers['content-type'])).toContain('spreadsheetml')
  })
})
