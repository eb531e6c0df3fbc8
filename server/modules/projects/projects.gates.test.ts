import { describe, expect, test } from 'vitest'
import type { GoalIndicatorInput } from '../../../domain/goals.ts'
import { createTestContext } from '../../test/context.ts'
import { makeAssessment } from '../../test/endpoints.exante.ts'
import { call, MultipartBody, newProjectBody } from '../../test/endpoints.ts'
import { goodGoalIndicators } from '../../test/factories.ts'
import { projectGatesOf } from './projects.gates.ts'

/** Every branch of the gates on entering a status, the ex-ante re-gate on edits, and who may move a district's project. */
const t = await createTestContext()
const city = await t.make.jurisdiction()
const district = await t.make.jurisdiction({ parent: city })
const edu = await t.make.department({ jurisdiction: district, name: '教育局' })
const school = await t.make.unit({ department: edu, name: '第一中学' })

const unitUser = await t.make.user({ role: 'unit_user', org: school })
const deptUser = await t.make.user({ role: 'dept_user', org: edu })
const reviewer = await t.make.user({ role: 'finance_reviewer', org: district })
const cityReviewer = await t.make.user({ role: 'finance_reviewer', org: city })
const cityAdmin = await t.make.user({ role: 'finance_admin', org: city })
const districtAdmin = await t.make.user({ role: 'finance_admin', org: district })

const budget = async (p: { id: string; version: number }, as = reviewer) =>
  (await t.as(as)).post(`/api/projects/${p.id}/status`, { status: 'budgeted', version: p.version })
const errorOf = (res: { json(): { error: unknown } }) => res.json().error as { code: string; message: string; details: unknown }

/** A library project of the school; small (not major) unless said otherwise. */
const libraryProject = (amountGeneral = '500000.00') => t.make.project({ unit: school, status: 'library', amountGeneral })

describe('the gates are keyed by the status entered', () => {
  test('the library asks the ex-ante gate; the budget asks the ex-ante and the goal gates', () => {
    expect(projectGatesOf('library').map((g) => g.name)).toEqual(['exante'])
    expect(projectGatesOf('budgeted').map((g) => g.name)).toEqual(['exante', 'goal'])
    expect(projectGatesOf('reserve')).toEqual([])
  })

  test('reserve → budgeted is no move at all, even with an approved goal', async () => {
    const p = await t.make.project({ unit: school })
    await t.make.goal({ project: p, status: 'approved' })
    const res = await budget(p)
    expect(res.statusCode).toBe(409)
    expect(errorOf(res)).toMatchObject({ code: 'INVALID_TRANSITION', message: '项目不能从“储备”变为“已纳入预算”', details: { from: 'reserve', to: 'budgeted' } })
  })
})

describe('the goal gate on entering the budget (§13.20), branch by branch', () => {
  const indicatorsWithout = (level1: string): GoalIndicatorInput[] => goodGoalIndicators().filter((i) => i.level1 !== level1)

  test('no goal', async () => {
    const res = await budget(await libraryProject())
    expect(res.statusCode).toBe(422)
    expect(errorOf(res)).toMatchObject({ code: 'GATE_BLOCKED', message: '项目没有绩效目标，不能纳入预算（先有目标，后有预算）', details: { gate: 'goal' } })
  })

  test('a goal not yet approved', async () => {
    const p = await libraryProject()
    await t.make.goal({ project: p, status: 'dept_approved', financeGrade: '优' })
    expect(errorOf(await budget(p))).toMatchObject({ code: 'GATE_BLOCKED', message: '项目绩效目标尚未批复，不能纳入预算（先有目标，后有预算）', details: { gate: 'goal' } })
  })

  test('a goal graded 差', async () => {
    const p = await libraryProject()
    await t.make.goal({ project: p, status: 'returned', financeGrade: '差' })
    expect(errorOf(await budget(p))).toMatchObject({ code: 'GATE_BLOCKED', message: '项目绩效目标复审等级为“差”，不得进入预算安排', details: { gate: 'goal' } })
  })

  test('an approved goal without a required 一级 (效益指标) is refused, naming it', async () => {
    const p = await libraryProject()
    await t.make.goal({ project: p, status: 'approved', indicators: indicatorsWithout('效益指标') })
    const res = await budget(p)
    expect(res.statusCode).toBe(422)
    expect(errorOf(res)).toMatchObject({ code: 'GATE_BLOCKED', message: '已批复的绩效目标缺少必备一级指标：效益指标', details: { gate: 'goal' } })
    expect((await (await t.as(reviewer)).get(`/api/projects/${p.id}`)).json().status).toBe('library')
  })

  test('an approved goal with every required 一级 lets the project in', async () => {
    const p = await libraryProject()
    await t.make.goal({ project: p, status: 'approved', indicators: indicatorsWithout('满意度指标') })
    const res = await budget(p)
    expect(res.statusCode).toBe(200)
    expect(res.json().status).toBe('budgeted')
  })
})

describe('the ex-ante gate again on entering the budget (issue 10 point 11)', () => {
  test('a project admitted small, then raised to 2,000万 and marked major in the library, is refused the edit', async () => {
    const p = await libraryProject()
    const c = await t.as(unitUser)
    const raised = await c.patch(`/api/projects/${p.id}`, { amountGeneral: '20000000.00', mediumTermAmount: '20000000.00', isMajorNew: true, version: p.version })
    expect(raised.statusCode).toBe(422)
    expect(errorOf(raised)).toMatchObject({ code: 'GATE_BLOCKED', message: '重大新增项目须经事前绩效评估且结论为“予以支持”方可入库（当前：未评估）', details: { gate: 'exante' } })
    const stored = (await c.get(`/api/projects/${p.id}`)).json()
    expect(stored).toMatchObject({ amountGeneral: '500000.00', isMajorNew: false, version: p.version })
  })

  test('raising the amount past the rule set’s threshold alone is refused too; below it passes', async () => {
    const p = await libraryProject()
    const c = await t.as(unitUser)
    const big = await c.patch(`/api/projects/${p.id}`, { amountGeneral: '10000000.00', mediumTermAmount: '10000000.00', version: p.version })
    expect(errorOf(big).message).toBe('年度资金达到 10,000,000.00 元的项目须经事前绩效评估且结论为“予以支持”方可入库（当前：未评估）')
    const under = await c.patch(`/api/projects/${p.id}`, { amountGeneral: '9999999.99', mediumTermAmount: '9999999.99', version: p.version })
    expect(under.statusCode).toBe(200)
  })

  test('with a 予以支持 assessment the edit and the budget go through', async () => {
    const p = await libraryProject()
    await makeAssessment(t, { unit: school, projectId: p.id, conclusion: '予以支持' })
    const raised = await (await t.as(unitUser)).patch(`/api/projects/${p.id}`, { amountGeneral: '20000000.00', mediumTermAmount: '20000000.00', isMajorNew: true, version: p.version })
    expect(raised.statusCode).toBe(200)
    await t.make.goal({ project: p, status: 'approved' })
    expect((await budget(raised.json())).json().status).toBe('budgeted')
  })

  test('a major project that reached the library unassessed (any other way) cannot be budgeted, whatever its goal', async () => {
    const p = await libraryProject('20000000.00')
    await t.make.goal({ project: p, status: 'approved' })
    const res = await budget(p)
    expect(res.statusCode).toBe(422)
    expect(errorOf(res)).toMatchObject({ code: 'GATE_BLOCKED', message: '年度资金达到 10,000,000.00 元的项目须经事前绩效评估且结论为“予以支持”方可纳入预算（当前：未评估）', details: { gate: 'exante' } })
    await makeAssessment(t, { unit: school, projectId: p.id, conclusion: '不予支持' })
    expect(errorOf(await budget(p)).message).toBe('年度资金达到 10,000,000.00 元的项目须经事前绩效评估且结论为“予以支持”方可纳入预算（当前：结论为“不予支持”）')
  })
})

describe('the budget is the district bureau’s (issue 10 point 12)', () => {
  test('the city sees the district’s project but cannot budget, edit or send it back; the district bureau can', async () => {
    const p = await libraryProject()
    await t.make.goal({ project: p, status: 'approved' })
    expect((await (await t.as(cityReviewer)).get(`/api/projects/${p.id}`)).statusCode).toBe(200)
    const byCity = await budget(p, cityReviewer)
    expect(byCity.statusCode).toBe(403)
    expect(errorOf(byCity)).toMatchObject({ code: 'SUPERVISION_ONLY', message: '该事项由其所属行政区划的财政部门办理，上级财政部门只能查看' })
    const admin = await t.as(cityAdmin)
    expect(errorOf(await admin.patch(`/api/projects/${p.id}`, { name: '市里改名', version: p.version })).code).toBe('SUPERVISION_ONLY')
    expect(errorOf(await admin.post(`/api/projects/${p.id}/status`, { status: 'reserve', version: p.version })).code).toBe('SUPERVISION_ONLY')
    expect(errorOf(await admin.delete(`/api/projects/${p.id}`, { version: p.version })).code).toBe('SUPERVISION_ONLY')
    const audit = await t.db.selectFrom('auditLog').select('action').where('entityId', '=', p.id).execute()
    expect(audit).toEqual([])
    expect((await budget(p)).json().status).toBe('budgeted')
  })

  test('the city cannot file a project for a district’s unit; the district bureau can', async () => {
    const body = newProjectBody(school.code)
    const byCity = await (await t.as(cityAdmin)).post('/api/projects', body)
    expect(byCity.statusCode).toBe(403)
    expect(errorOf(byCity).code).toBe('SUPERVISION_ONLY')
    expect(await t.db.selectFrom('project').select('id').where('code', '=', body.code).execute()).toEqual([])
    expect(await t.db.selectFrom('auditLog').select('seq').where('action', '=', 'project.create').execute()).toEqual([])
    const byDistrict = await (await t.as(districtAdmin)).post('/api/projects', body)
    expect(byDistrict.statusCode).toBe(201)
    expect(byDistrict.json()).toMatchObject({ code: body.code, jurisdictionCode: district.code, unitCode: school.code })
  })

  test('the city cannot hand its own project to a district’s unit by an edit', async () => {
    const cityUnit = await t.make.unit({ department: await t.make.department({ jurisdiction: city }) })
    const p = await t.make.project({ unit: cityUnit })
    const res = await (await t.as(cityAdmin)).patch(`/api/projects/${p.id}`, { unitCode: school.code, version: p.version })
    expect(errorOf(res).code).toBe('SUPERVISION_ONLY')
    expect(await t.db.selectFrom('project').select(['jurisdictionCode', 'unitCode', 'version']).where('id', '=', p.id).executeTakeFirst()).toEqual({ jurisdictionCode: city.code, unitCode: cityUnit.code, version: p.version })
  })

  test('the city cannot attach or remove a district project’s documents; the district bureau can', async () => {
    const p = await t.make.project({ unit: school })
    const upload = async (user: { username: string }) =>
      call(t, 'POST', `/api/projects/${p.id}/attachments`, new MultipartBody('实施方案.pdf', Buffer.from('%PDF-1.4 plan')), (await t.as(user)).cookie)
    const attachments = () => t.db.selectFrom('projectAttachment').select('id').where('projectId', '=', p.id).execute()
    const byCity = await upload(cityAdmin)
    expect(byCity.statusCode).toBe(403)
    expect(errorOf(byCity).code).toBe('SUPERVISION_ONLY')
    expect(await attachments()).toEqual([])

    const uploaded = await upload(districtAdmin)
    expect(uploaded.statusCode).toBe(201)
    const url = `/api/projects/${p.id}/attachments/${uploaded.json().id}`
    expect(errorOf(await (await t.as(cityAdmin)).delete(url)).code).toBe('SUPERVISION_ONLY')
    expect(await attachments()).toHaveLength(1)
    expect((await (await t.as(districtAdmin)).delete(url)).statusCode).toBe(204)
    expect(await attachments()).toEqual([])
    const audit = await t.db.selectFrom('auditLog').select(['action', 'actorUsername']).where('entityId', '=', p.id).orderBy('seq').execute()
    expect(audit).toEqual([
      { action: 'project.attach', actorUsername: districtAdmin.username },
      { action: 'project.detach', actorUsername: districtAdmin.username },
    ])
  })

  test('the department still takes its own projects into the library', async () => {
    const p = await t.make.project({ unit: school })
    expect((await (await t.as(deptUser)).post(`/api/projects/${p.id}/status`, { status: 'library', version: p.version })).json().status).toBe('library')
  })
})
