import ExcelJS from 'exceljs'
import { describe, expect, test } from 'vitest'
import { createTestContext } from '../../test/context.ts'
import { makeSelfForm } from '../../test/factories.self-evaluation.ts'
import { liveCopies } from './public-records.ts'

const t = await createTestContext()
const city = await t.make.jurisdiction({ name: '公开市' })
const district = await t.make.jurisdiction({ parent: city, name: '公开区' })
const cityDepartment = await t.make.department({ jurisdiction: city, name: '市交通局' })
const education = await t.make.department({ jurisdiction: district, name: '区教育局' })
const health = await t.make.department({ jurisdiction: district, name: '区卫健局' })
const school = await t.make.unit({ department: education, name: '第一中学' })
const hospital = await t.make.unit({ department: health, name: '区人民医院' })
const roads = await t.make.unit({ department: cityDepartment, name: '市公路中心' })
const finance = await t.as(await t.make.user({ role: 'finance_admin', org: district }))
const cityFinance = await t.as(await t.make.user({ role: 'finance_admin', org: city }))
const educationUser = await t.as(await t.make.user({ role: 'dept_user', org: education }))
const schoolUser = await t.as(await t.make.user({ role: 'unit_user', org: school }))
const hospitalUser = await t.as(await t.make.user({ role: 'unit_user', org: hospital }))
const viewer = await t.as(await t.make.user({ role: 'viewer', org: district }))

const approvedGoal = async (unit = school, code = `DG${Math.random().toString(36).slice(2, 8)}`, name = '校舍维修') =>
  t.make.goal({ project: await t.make.project({ unit, code, name, status: 'budgeted' }), status: 'approved' })
const goalA = await approvedGoal(school, 'DSC-A', '校舍维修')
const goalB = await approvedGoal(school, 'DSC-B', '教师培训')
const goalC = await approvedGoal(school, 'DSC-C', '信息化建设')
const draftGoal = await t.make.goal({ project: await t.make.project({ unit: school, code: 'DSC-D', name: '草稿项目' }), status: 'draft' })
const hospitalGoal = await approvedGoal(hospital, 'DSC-H', '设备购置')
const cityGoal = await approvedGoal(roads, 'DSC-R', '道路养护')

const url = (kind: string, id: string, action = '') => `/api/disclosure/records/${kind}/${id}${action}`
const live = (sourceId: string) => liveCopies(t.db).select(['id', 'payload', 'recordKey']).where('sourceId', '=', sourceId).execute()
const auditOf = (action: string, entityId?: string) => {
  let q = t.db.selectFrom('auditLog').select(['action', 'entityId', 'before', 'after', 'actorUsername']).where('action', '=', action)
  if (entityId) q = q.where('entityId', '=', entityId)
  return q.execute()
}

describe('the list', () => {
  test('finance sees the year’s records of its jurisdiction, undecided, with the reasons of its rule set', async () => {
    const res = await finance.get('/api/disclosure/records?fiscalYear=2026&kind=goal&pageSize=50')
    expect(res.statusCode, res.body).toBe(200)
    const body = res.json()
    expect(body.items.map((r: { recordKey: string }) => r.recordKey).sort()).toEqual(['DSC-A', 'DSC-B', 'DSC-C', 'DSC-D', 'DSC-H'])
    expect(body.items.find((r: { recordKey: string }) => r.recordKey === 'DSC-A')).toMatchObject({ state: 'undecided', version: 0, publishable: true, mayApprove: true, departmentName: '区教育局', unitName: '第一中学' })
    expect(body.items.find((r: { recordKey: string }) => r.recordKey === 'DSC-D')).toMatchObject({ publishable: false, mayApprove: false })
    expect(body.withholdReasons).toContain('涉密')
    expect(body.reasonsNeedingText).toEqual(['其他'])
  })

  test('a unit sees only its own; another department’s record is not found; the city sees its district read-only', async () => {
    expect((await schoolUser.get('/api/disclosure/records?kind=goal')).json().total).toBe(4)
    expect((await hospitalUser.get('/api/disclosure/records?kind=goal')).json().total).toBe(1)
    expect((await hospitalUser.get(url('goal', goalA.id))).statusCode).toBe(404)
    expect((await educationUser.get(url('goal', hospitalGoal.id))).statusCode).toBe(404)
    expect((await cityFinance.get(url('goal', goalA.id))).json()).toMatchObject({ mayApprove: false, mayDecide: false })
    expect((await finance.get(url('goal', cityGoal.id))).statusCode).toBe(404)
  })

  test('exports to Excel, with an audit row', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/disclosure/records/export?fiscalYear=2026&kind=goal', headers: { cookie: finance.cookie! } })
    expect(res.statusCode).toBe(200)
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(res.rawPayload as never)
    expect(book.worksheets[0]!.rowCount).toBe(6)
    expect(await auditOf('disclosure.export')).toHaveLength(1)
  })
})

describe('deciding', () => {
  test('not to publish needs a reason: without one it is a 400 with the field', async () => {
    const res = await schoolUser.put(url('goal', goalC.id, '/decision'), { version: 0, decision: 'withhold' })
    expect(res.statusCode).toBe(400)
    expect(res.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: [expect.objectContaining({ path: expect.stringMatching(/reasonCode$/) })] })
    const unknown = await schoolUser.put(url('goal', goalC.id, '/decision'), { version: 0, decision: 'withhold', reasonCode: '不想公开' })
    expect(unknown.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: [expect.objectContaining({ path: expect.stringMatching(/reasonCode$/) })] })
    const other = await schoolUser.put(url('goal', goalC.id, '/decision'), { version: 0, decision: 'withhold', reasonCode: '其他' })
    expect(other.statusCode).toBe(400)
    expect(other.json().error.details).toEqual([expect.objectContaining({ path: 'reasonText' })])
    expect(await t.db.selectFrom('disclosureDecision').select('id').where('sourceId', '=', goalC.id).execute()).toEqual([])
  })

  test('the unit marks one not to publish with a reason; it is audited; a stale version is a 409', async () => {
    const res = await schoolUser.put(url('goal', goalC.id, '/decision'), { version: 0, decision: 'withhold', reasonCode: '涉密' })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({ state: 'not_to_publish', reasonCode: '涉密', version: 1 })
    expect(await auditOf('disclosure.decide')).toMatchObject([{ after: expect.objectContaining({ state: 'not_to_publish', reasonCode: '涉密' }) }])
    expect((await schoolUser.put(url('goal', goalC.id, '/decision'), { version: 0, decision: 'publish' })).statusCode).toBe(409)
    expect((await hospitalUser.put(url('goal', goalC.id, '/decision'), { version: 1, decision: 'publish' })).statusCode).toBe(404)
    expect((await cityFinance.put(url('goal', goalC.id, '/decision'), { version: 1, decision: 'publish' })).json().error.code).toBe('SUPERVISION_ONLY')
    expect((await viewer.put(url('goal', goalC.id, '/decision'), { version: 1, decision: 'publish' })).statusCode).toBe(403)
  })

  test('a withheld record cannot be approved', async () => {
    expect((await finance.post(url('goal', goalC.id, '/approve'), { version: 1 })).json().error.code).toBe('INVALID_TRANSITION')
    expect(await live(goalC.id)).toEqual([])
  })
})

describe('approving', () => {
  test('approval publishes a frozen copy with only the public fields', async () => {
    expect((await schoolUser.put(url('goal', goalA.id, '/decision'), { version: 0, decision: 'publish' })).json()).toMatchObject({ state: 'to_publish', version: 1 })
    expect((await educationUser.post(url('goal', goalA.id, '/approve'), { version: 1 })).statusCode).toBe(403)
    const res = await finance.post(url('goal', goalA.id, '/approve'), { version: 1 })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({ state: 'published', version: 2, mayWithdraw: true })
    const [copy] = await live(goalA.id)
    expect(copy!.recordKey).toBe('DSC-A')
    expect(Object.keys(copy!.payload as object).sort()).toEqual(['annualTarget', 'budget', 'departmentCode', 'departmentName', 'fiscalYear', 'indicators', 'overallTarget', 'periodEnd', 'periodStart', 'projectCode', 'projectName', 'subjectKind', 'unitName'])
    expect(copy!.payload).toMatchObject({ subjectKind: 'project', projectCode: 'DSC-A', projectName: '校舍维修', unitName: '第一中学', indicators: expect.arrayContaining([{ level1: '产出指标', level2: '数量指标', name: '培训人次', target: '500', unit: '人次' }]) })
    expect(await auditOf('disclosure.approve')).toMatchObject([{ after: expect.objectContaining({ sourceId: goalA.id, fromState: 'to_publish', copyId: copy!.id }) }])
    expect(await auditOf('public_record.publish', copy!.id)).toHaveLength(1)
    // 已公开 on the goal means its copy is live.
    expect((await schoolUser.get(`/api/goals/${goalA.id}`)).json()).toMatchObject({ status: 'published', publishedAt: expect.any(String) })
  })

  test('the goal’s own 公开 (目标列表, 待办) publishes through 信息公开; a goal marked not to publish is refused', async () => {
    const goal = await approvedGoal(hospital, 'DSC-M', '急救设备')
    const moved = await finance.post(`/api/goals/${goal.id}/publish`, { version: goal.version })
    expect(moved.statusCode, moved.body).toBe(200)
    expect(moved.json()).toMatchObject({ status: 'published' })
    expect((await live(goal.id)).map((c) => c.recordKey)).toEqual(['DSC-M'])
    expect((await finance.get(url('goal', goal.id))).json()).toMatchObject({ state: 'published', mayWithdraw: true })
    const withheld = (await schoolUser.get(`/api/goals/${goalC.id}`)).json()
    const refused = await finance.post(`/api/goals/${goalC.id}/publish`, { version: withheld.version })
    expect(refused.json().error).toMatchObject({ code: 'INVALID_TRANSITION', message: '该记录确定为不公开，不能公开' })
    expect((await schoolUser.get(`/api/goals/${goalC.id}`)).json()).toMatchObject({ status: 'approved', version: withheld.version })
    expect(await live(goalC.id)).toEqual([])
  })

  test('a department’s overall goal publishes too: known by the department’s code, with the budget of its projects in the budget', async () => {
    const culture = await t.make.department({ jurisdiction: district, name: '区文旅局' })
    const library = await t.make.unit({ department: culture, name: '区图书馆' })
    await t.make.project({ unit: library, status: 'budgeted', amountGeneral: '150000.00' })
    await t.make.project({ unit: library, status: 'executing', amountGeneral: '250000.50' })
    await t.make.project({ unit: library, status: 'reserve', amountGeneral: '999.00' })
    const goal = await t.db
      .insertInto('goal')
      .values({
        lineageId: crypto.randomUUID(), kind: 'department', projectId: null, fiscalYear: 2026, jurisdictionCode: district.code, departmentCode: culture.code, unitCode: null,
        name: '区文旅局2026年度部门整体支出绩效目标', overallTarget: '公共文化服务覆盖全区', annualTarget: '图书馆年接待读者50万人次', mediumTermTarget: '', frameworkCode: 'legacy-88', status: 'approved',
        approvedAt: t.clock.now(), inForceFrom: t.clock.now(), createdAt: t.clock.now(), updatedAt: t.clock.now(),
      })
      .returning(['id', 'version'])
      .executeTakeFirstOrThrow()
    const moved = await finance.post(`/api/goals/${goal.id}/publish`, { version: goal.version })
    expect(moved.statusCode, moved.body).toBe(200)
    const [copy] = await live(goal.id)
    expect(copy!.recordKey).toBe(culture.code)
    expect(copy!.payload).toMatchObject({ subjectKind: 'department', projectCode: culture.code, projectName: '区文旅局2026年度部门整体支出绩效目标', budget: '400000.50', departmentName: '区文旅局' })
    const listed = (await finance.get('/api/disclosure/records?kind=goal&fiscalYear=2026&pageSize=100')).json()
    expect(listed.items.find((r: { sourceId: string }) => r.sourceId === goal.id)).toMatchObject({ recordKey: culture.code, title: '区文旅局2026年度部门整体支出绩效目标' })
  })

  test('a draft goal cannot be published; a district bureau cannot approve the city’s record; the city does not approve its district’s', async () => {
    expect((await finance.post(url('goal', draftGoal.id, '/approve'), { version: 0 })).json().error.code).toBe('INVALID_TRANSITION')
    expect((await finance.post(url('goal', cityGoal.id, '/approve'), { version: 0 })).statusCode).toBe(404)
    expect((await cityFinance.post(url('goal', goalB.id, '/approve'), { version: 0 })).json().error.code).toBe('SUPERVISION_ONLY')
    expect((await finance.post('/api/disclosure/approve-batch', { fiscalYear: 2026, departmentCode: cityDepartment.code })).statusCode).toBe(404)
  })

  test('an edit inside the system after publishing does not change the public copy; republishing supersedes it', async () => {
    const before = (await live(goalA.id))[0]!
    const goal = (await schoolUser.get(`/api/goals/${goalA.id}`)).json()
    const adjust = await schoolUser.post(`/api/goals/${goalA.id}/adjust`, { version: goal.version, reason: '年中预算调减，维修规模相应调整', name: goal.name, overallTarget: '调整后的总体目标', annualTarget: '调整后的年度目标', indicators: goal.indicators.map(({ id: _id, indicatorCode: _c, indicatorRevision: _r, ...i }: Record<string, unknown>) => i) })
    expect(adjust.statusCode, adjust.body).toBe(201)
    const revision = adjust.json()
    const edited = await schoolUser.put(`/api/goals/${revision.id}`, { version: revision.version, name: goal.name, overallTarget: '再次修改的总体目标', annualTarget: '再次修改的年度目标', indicators: [] })
    expect(edited.statusCode, edited.body).toBe(200)
    await t.db.updateTable('goal').set({ annualTarget: '直接改写的年度目标' }).where('id', '=', goalA.id).execute()
    const after = await live(goalA.id)
    expect(after).toEqual([before])
    expect((before.payload as { annualTarget: string }).annualTarget).toBe('完成培训500人次，参训人员满意度不低于90%。')
    // The adjusted version, once approved, is published in its place under the same project code.
    await t.db.updateTable('goal').set({ status: 'approved' }).where('id', '=', revision.id).execute()
    expect((await finance.post(url('goal', revision.id, '/approve'), { version: 0 })).statusCode).toBe(200)
    expect(await live(goalA.id)).toEqual([])
    expect((await live(revision.id)).map((c) => c.recordKey)).toEqual(['DSC-A'])
    const history = (await finance.get(url('goal', goalA.id))).json().history
    expect(history).toMatchObject([{ supersededAt: expect.any(String), withdrawnAt: null }])
  })

  test('批量公开 publishes the department’s approved goals that are not withheld, in one go', async () => {
    const res = await finance.post('/api/disclosure/approve-batch', { fiscalYear: 2026, departmentCode: education.code })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toEqual({ published: 1, skipped: { notToPublish: 1, withdrawn: 0, notApproved: 1, alreadyPublished: 2 } })
    expect(await live(goalB.id)).toHaveLength(1)
    expect(await live(goalC.id)).toEqual([])
    expect(await live(hospitalGoal.id)).toEqual([])
  })
})

describe('withdrawing', () => {
  test('needs a reason; the record leaves the live copies; the withdrawal is recorded and shown', async () => {
    expect((await finance.post(url('goal', goalB.id, '/withdraw'), { version: 1 })).statusCode).toBe(400)
    const res = await finance.post(url('goal', goalB.id, '/withdraw'), { version: 1, reason: '数据有误，核实后重新公开' })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({ state: 'withdrawn', withdrawalReason: '数据有误，核实后重新公开' })
    expect(await live(goalB.id)).toEqual([])
    expect((await schoolUser.get(`/api/goals/${goalB.id}`)).json()).toMatchObject({ status: 'approved', publishedAt: null })
    const detail = (await schoolUser.get(url('goal', goalB.id))).json()
    expect(detail).toMatchObject({ state: 'withdrawn', liveCopy: null, history: [{ withdrawalReason: '数据有误，核实后重新公开', withdrawnAt: expect.any(String) }] })
    expect(await auditOf('disclosure.withdraw')).toHaveLength(1)
    expect(await auditOf('public_record.withdraw')).toHaveLength(1)
    expect((await finance.get('/api/disclosure/records?state=withdrawn')).json().items.map((r: { sourceId: string }) => r.sourceId)).toEqual([goalB.id])
    // Published again only after a fresh decision.
    expect((await finance.post(url('goal', goalB.id, '/approve'), { version: 2 })).json().error.code).toBe('INVALID_TRANSITION')
    expect((await finance.post(url('goal', goalB.id, '/withdraw'), { version: 2, reason: '再次撤回试试' })).json().error.code).toBe('INVALID_TRANSITION')
  })
})

describe('self-evaluations', () => {
  test('an accepted 自评表 is published with its score and grade; a draft one is not', async () => {
    const accepted = await makeSelfForm(t, { unit: school, status: 'accepted' })
    const draft = await makeSelfForm(t, { unit: school })
    expect((await finance.post(url('self_evaluation', draft.id, '/approve'), { version: 0 })).json().error.code).toBe('INVALID_TRANSITION')
    const res = await finance.post(url('self_evaluation', accepted.id, '/approve'), { version: 0 })
    expect(res.statusCode, res.body).toBe(200)
    const [copy] = await live(accepted.id)
    expect(copy!.payload).toMatchObject({ subjectKind: 'project', subjectCode: accepted.project.code, score: '100.00', grade: '优', budget: '1000000.00', executionRate: '100.00' })
    await t.db.updateTable('selfEvalForm').set({ total: '55.00', grade: '差' }).where('id', '=', accepted.id).execute()
    expect((await live(accepted.id))[0]!.payload).toMatchObject({ score: '100.00', grade: '优' })
  })
})
