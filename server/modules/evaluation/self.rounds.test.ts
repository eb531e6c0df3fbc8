import { describe, expect, test } from 'vitest'
import { createTestContext } from '../../test/context.ts'
import { makeForm, makeRound } from '../../test/factories.monitoring-forms.ts'
import { evaluatedProject, pay } from '../../test/factories.self-evaluation.ts'
import { openSelfRoundWork } from './self.open.ts'

const t = await createTestContext({}, { jobs: true })
const city = await t.make.jurisdiction({ name: '测试市' })
const district = await t.make.jurisdiction({ parent: city, name: '测试区' })
const edu = await t.make.department({ jurisdiction: district, name: '教育局' })
const school = await t.make.unit({ department: edu, name: '第一中学' })
const cityDept = await t.make.department({ jurisdiction: city, name: '市教育局' })
const citySchool = await t.make.unit({ department: cityDept, name: '市一中' })

const financeAdmin = await t.as(await t.make.user({ role: 'finance_admin', org: district }))
const financeReviewer = await t.as(await t.make.user({ role: 'finance_reviewer', org: district }))
const cityAdmin = await t.as(await t.make.user({ role: 'finance_admin', org: city }))
const schoolUser = await t.as(await t.make.user({ role: 'unit_user', org: school }))

const budgeted = await evaluatedProject(t, school, { amount: '2000000.00' })
const executing = await evaluatedProject(t, school, { status: 'executing' })
const closed = await evaluatedProject(t, school, { status: 'closed' })
const noGoal = await evaluatedProject(t, school, { goal: false })
const library = await evaluatedProject(t, school, { status: 'library' })
const otherYear = await evaluatedProject(t, school, { fiscalYear: 2025 })
const cityProject = await evaluatedProject(t, citySchool)
await pay(t, budgeted, '1500000.00', 12)
await makeForm(t, { round: await makeRound(t, { jurisdiction: district, cutoffMonth: 9 }), project: budgeted })
await t.db
  .insertInto('goal')
  .values({
    lineageId: crypto.randomUUID(), kind: 'department', projectId: null, fiscalYear: 2026, jurisdictionCode: district.jurisdictionCode, departmentCode: edu.code, unitCode: null,
    name: '教育局部门整体绩效目标', overallTarget: '履职尽责', annualTarget: '履职尽责', mediumTermTarget: '', frameworkCode: 'legacy-88', status: 'approved',
    approvedAt: t.clock.now(), inForceFrom: t.clock.now(), createdAt: t.clock.now(), updatedAt: t.clock.now(),
  })
  .execute()

const days = (n: number) => new Date(t.clock.now().getTime() + n * 86_400_000).toISOString()

describe('opening a self-evaluation round (background job)', () => {
  let roundId = ''
  test('finance_admin opens it: 201 opening, the job creates a form per budgeted/executing/closed project and the department form', async () => {
    const res = await financeAdmin.post('/api/evaluation/self-rounds', { fiscalYear: 2026, deadline: days(60) })
    expect(res.statusCode).toBe(201)
    const { round, jobRunId } = res.json()
    expect(round).toMatchObject({ status: 'opening', fiscalYear: 2026, name: '2026年度单位绩效自评' })
    roundId = round.id
    expect((await schoolUser.get(`/api/evaluation/self-rounds/${round.id}`)).statusCode).toBe(404)
    const job = await t.waitForJob(jobRunId)
    expect(job.status).toBe('done')
    const after = (await financeAdmin.get(`/api/evaluation/self-rounds/${round.id}`)).json()
    expect(after).toMatchObject({ status: 'open', counts: { total: 5, draft: 5 } })
    const forms = await t.db.selectFrom('selfEvalForm').selectAll().where('roundId', '=', round.id).execute()
    const projectIds = forms.map((f) => f.projectId)
    expect(projectIds).toEqual(expect.arrayContaining([budgeted.id, executing.id, closed.id, noGoal.id, null]))
    for (const p of [library, otherYear, cityProject]) expect(projectIds).not.toContain(p.id)
    const big = forms.find((f) => f.projectId === budgeted.id)!
    expect(big).toMatchObject({ budget: '2000000.00', executed: '1500000.00', executionRate: '75.00', executionScore: '7.50', executionWeight: '10.00' })
    expect(forms.find((f) => f.projectId === noGoal.id)!.goalId).toBeNull()
    const detail = (await schoolUser.get(`/api/evaluation/self/${big.id}`)).json()
    expect(detail.lastMonitoring).toMatchObject({ cutoffMonth: 9, roundName: expect.stringContaining('绩效监控') })
    const dept = forms.find((f) => f.kind === 'department')!
    expect(dept.departmentCode).toBe(edu.code)
    expect(dept.budget).toBe('5000000.00')
    const indicators = await t.db.selectFrom('selfEvalIndicator').selectAll().where('formId', '=', big.id).orderBy('sortOrder').execute()
    expect(indicators.map((i) => i.weight)).toEqual(['16.66', '16.66', '16.68', '30.00', '10.00'])
    const audit = await t.db.selectFrom('auditLog').select('action').where('entityId', '=', round.id).execute()
    expect(audit.map((a) => a.action)).toContain('evaluation.self_round_open')
  })

  test('the unit sees the round once open; a second round of the year is 409; others may not open one', async () => {
    expect((await schoolUser.get(`/api/evaluation/self-rounds/${roundId}`)).json().counts.total).toBe(4)
    expect((await schoolUser.get('/api/evaluation/self-rounds')).json().total).toBe(1)
    expect((await financeAdmin.post('/api/evaluation/self-rounds', { fiscalYear: 2026, deadline: days(60) })).statusCode).toBe(409)
    expect((await financeReviewer.post('/api/evaluation/self-rounds', { fiscalYear: 2027, deadline: days(60) })).statusCode).toBe(403)
    expect((await schoolUser.post('/api/evaluation/self-rounds', { fiscalYear: 2027, deadline: days(60) })).statusCode).toBe(403)
    expect((await financeAdmin.post('/api/evaluation/self-rounds', { fiscalYear: 2027, deadline: '2020-01-01T00:00:00Z' })).statusCode).toBe(422)
  })

  test('the city sees its district\'s round; the form without a goal cannot be submitted', async () => {
    expect((await cityAdmin.get('/api/evaluation/self-rounds')).json().items.map((r: { id: string }) => r.id)).toContain(roundId)
    const form = await t.db.selectFrom('selfEvalForm').select(['id', 'version']).where('projectId', '=', noGoal.id).executeTakeFirstOrThrow()
    const res = await schoolUser.post(`/api/evaluation/self/${form.id}/submit`, { version: form.version })
    expect(res.statusCode).toBe(422)
    expect(res.json().error.details[0].path).toBe('indicators')
  })

  test('coverage: the city asks for its district; the district may not ask for the city', async () => {
    const districtView = (await cityAdmin.get(`/api/evaluation/self/coverage?fiscalYear=2026&jurisdictionCode=${district.code}`)).json()
    expect(districtView).toMatchObject({ jurisdictionCode: district.code, expected: 4, submitted: 0 })
    expect((await cityAdmin.get('/api/evaluation/self/coverage?fiscalYear=2026')).json()).toMatchObject({ jurisdictionCode: city.code, expected: 1 })
    expect((await financeAdmin.get(`/api/evaluation/self/coverage?fiscalYear=2026&jurisdictionCode=${city.code}`)).statusCode).toBe(404)
  })

  test('the bureau moves the deadline and closes the round; then nothing can be filled; stale is 409; the city only looks', async () => {
    const round = (await financeAdmin.get(`/api/evaluation/self-rounds/${roundId}`)).json()
    expect((await cityAdmin.patch(`/api/evaluation/self-rounds/${roundId}`, { version: round.version, close: true })).statusCode).toBe(403)
    const moved = await financeAdmin.patch(`/api/evaluation/self-rounds/${roundId}`, { version: round.version, deadline: days(90) })
    expect(moved.statusCode).toBe(200)
    expect((await financeAdmin.patch(`/api/evaluation/self-rounds/${roundId}`, { version: round.version, close: true })).statusCode).toBe(409)
    const closed = await financeAdmin.patch(`/api/evaluation/self-rounds/${roundId}`, { version: moved.json().version, close: true })
    expect(closed.json().status).toBe('closed')
    const form = await t.db.selectFrom('selfEvalForm').select(['id', 'version']).where('projectId', '=', budgeted.id).executeTakeFirstOrThrow()
    const refused = await schoolUser.put(`/api/evaluation/self/${form.id}`, { version: form.version, problems: '晚了' })
    expect(refused.statusCode).toBe(409)
    expect(refused.json().error.code).toBe('NOT_EDITABLE')
    await t.db.updateTable('selfEvalRound').set({ status: 'open' }).where('id', '=', roundId).execute()
  })

  test('a rerun of the opening is idempotent', async () => {
    await t.db.updateTable('selfEvalRound').set({ status: 'opening' }).where('id', '=', roundId).execute()
    const result = await openSelfRoundWork(t.db, roundId)
    expect(result.formCount).toBe(5)
  })
})
