import ExcelJS from 'exceljs'
import { describe, expect, test } from 'vitest'
import { createTestContext } from '../../test/context.ts'

const t = await createTestContext()
const city = await t.make.jurisdiction({ name: '约谈市' })
const district = await t.make.jurisdiction({ parent: city, name: '约谈区' })
const education = await t.make.department({ jurisdiction: district, name: '区教育局' })
const health = await t.make.department({ jurisdiction: district, name: '区卫健局' })
const school = await t.make.unit({ department: education, name: '第一中学' })
const hospital = await t.make.unit({ department: health, name: '区人民医院' })
const finance = await t.as(await t.make.user({ role: 'finance_admin', org: district }))
const reviewer = await t.as(await t.make.user({ role: 'finance_reviewer', org: district }))
const cityFinance = await t.as(await t.make.user({ role: 'finance_admin', org: city }))
const educationUser = await t.as(await t.make.user({ role: 'dept_user', org: education }))
const schoolUser = await t.as(await t.make.user({ role: 'unit_user', org: school }))
const hospitalUser = await t.as(await t.make.user({ role: 'unit_user', org: hospital }))
const otherFinance = await t.as(await t.make.user({ role: 'finance_admin', org: await t.make.jurisdiction({ name: '外市' }) }))

const schoolProject = await t.make.project({ unit: school, code: 'IVT-1', name: '校舍维修', status: 'executing' })
const hospitalProject = await t.make.project({ unit: hospital, code: 'IVT-2', name: '设备购置', status: 'executing' })
const round = await t.db
  .insertInto('monitoringRound')
  .values({ jurisdictionCode: district.code, fiscalYear: 2026, cutoffMonth: 6, name: '2026年1—6月监控', deadline: t.clock.now(), status: 'open', createdAt: t.clock.now(), updatedAt: t.clock.now() })
  .returningAll()
  .executeTakeFirstOrThrow()

const interviewBody = { orgCode: school.code, personTitle: '校长', interviewedOn: '2026-01-02', interviewer: '区财政局副局长', reason: '监控亮红灯且逾期未报', sourceType: 'monitoring_round', sourceId: round.id, projectId: schoolProject.id, outcome: '限期一个月整改' }
const auditOf = (action: string) => t.db.selectFrom('auditLog').select(['action', 'entityId', 'before', 'after']).where('action', '=', action).execute()

describe('约谈 records', () => {
  let id = ''
  test('finance records one on a monitoring round, with the project; it is audited', async () => {
    const res = await finance.post('/api/interviews', interviewBody)
    expect(res.statusCode, res.body).toBe(201)
    const created = res.json()
    id = created.id
    expect(created).toMatchObject({ orgName: '第一中学', departmentCode: education.code, unitCode: school.code, fiscalYear: 2026, sourceName: '2026年1—6月监控', projectName: '校舍维修', version: 1, mayEdit: true })
    expect(await auditOf('interview.create')).toMatchObject([{ entityId: id }])
  })

  test('a unit sees its own, a department its units’, the city its district’s read-only, another city nothing', async () => {
    expect((await schoolUser.get('/api/interviews')).json().total).toBe(1)
    expect((await hospitalUser.get('/api/interviews')).json().total).toBe(0)
    expect((await hospitalUser.get(`/api/interviews/${id}`)).statusCode).toBe(404)
    expect((await educationUser.get(`/api/interviews/${id}`)).json()).toMatchObject({ id, mayEdit: false })
    expect((await cityFinance.get(`/api/interviews/${id}`)).json()).toMatchObject({ id, mayEdit: false })
    expect((await cityFinance.patch(`/api/interviews/${id}`, { version: 1, outcome: 'x' })).json().error.code).toBe('SUPERVISION_ONLY')
    expect((await otherFinance.get(`/api/interviews/${id}`)).statusCode).toBe(404)
    expect((await otherFinance.get('/api/interviews')).json().total).toBe(0)
    expect((await reviewer.patch(`/api/interviews/${id}`, { version: 1, outcome: 'x' })).statusCode).toBe(403)
  })

  test('the list filters by source and project, and exports to Excel', async () => {
    expect((await finance.get(`/api/interviews?sourceId=${round.id}`)).json().total).toBe(1)
    expect((await finance.get(`/api/interviews?projectId=${hospitalProject.id}`)).json().total).toBe(0)
    expect((await finance.get('/api/interviews?q=红灯')).json().total).toBe(1)
    const res = await t.app.inject({ method: 'GET', url: '/api/interviews/export', headers: { cookie: finance.cookie! } })
    expect(res.statusCode).toBe(200)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(res.rawPayload as never)
    const sheet = workbook.worksheets[0]!
    expect(sheet.getRow(2).getCell(3).value).toBe('第一中学')
    expect(await auditOf('interview.export')).toHaveLength(1)
  })

  test('bad input: a future date, a source not of this bureau, a project not the org’s → 422; a stale edit → 409', async () => {
    const future = await finance.post('/api/interviews', { ...interviewBody, interviewedOn: '2099-01-01' })
    expect(future.statusCode).toBe(422)
    expect(future.json().error.details[0].path).toBe('interviewedOn')
    const foreignRound = await t.db
      .insertInto('monitoringRound')
      .values({ jurisdictionCode: city.code, fiscalYear: 2026, cutoffMonth: 6, name: '市级监控', deadline: t.clock.now(), status: 'open', createdAt: t.clock.now(), updatedAt: t.clock.now() })
      .returning('id')
      .executeTakeFirstOrThrow()
    expect((await finance.post('/api/interviews', { ...interviewBody, sourceId: foreignRound.id })).json().error.details[0].path).toBe('sourceId')
    expect((await finance.post('/api/interviews', { ...interviewBody, projectId: hospitalProject.id })).json().error.details[0].path).toBe('projectId')
    expect((await finance.post('/api/interviews', { ...interviewBody, reason: '' })).statusCode).toBe(400)
    const edited = await finance.patch(`/api/interviews/${id}`, { version: 1, outcome: '已整改到位' })
    expect(edited.json()).toMatchObject({ outcome: '已整改到位', version: 2 })
    expect((await finance.patch(`/api/interviews/${id}`, { version: 1, outcome: '再改' })).statusCode).toBe(409)
    expect(await auditOf('interview.update')).toMatchObject([{ entityId: id }])
  })

  test('the city interviews a district bureau, which sees the record about itself', async () => {
    const assessment = await t.db
      .insertInto('assessment')
      .values({ jurisdictionCode: city.code, orgCode: district.code, orgKind: 'jurisdiction', fiscalYear: 2025, status: 'published', dueOn: '2026-02-28', total: '55.00', grade: '差', rank: 1, createdAt: t.clock.now(), updatedAt: t.clock.now() })
      .returning('id')
      .executeTakeFirstOrThrow()
    const res = await cityFinance.post('/api/interviews', { orgCode: district.code, personTitle: '区财政局局长', interviewedOn: '2026-01-03', interviewer: '市财政局局长', reason: '年度考核等级为差', sourceType: 'assessment', sourceId: assessment.id })
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json()).toMatchObject({ jurisdictionCode: city.code, sourceName: '2025年度考核', departmentCode: null })
    expect((await finance.get(`/api/interviews/${res.json().id}`)).json()).toMatchObject({ mayEdit: false })
  })

  test('delete needs the current version, and is audited with what was deleted', async () => {
    expect((await finance.delete(`/api/interviews/${id}`, { version: 1 })).statusCode).toBe(409)
    expect((await finance.delete(`/api/interviews/${id}`, { version: 2 })).statusCode).toBe(204)
    expect((await finance.get(`/api/interviews/${id}`)).statusCode).toBe(404)
    expect(await auditOf('interview.delete')).toMatchObject([{ entityId: id }])
  })
})

describe('问责 records', () => {
  let id = ''
  test('finance records a major loss on a project, the amount a decimal string', async () => {
    const res = await finance.post('/api/accountability', { projectId: hospitalProject.id, incident: '设备采购后长期闲置', lossAmount: '1234567.89', measures: '追回资金，责任人记过', decidedOn: '2026-01-04', decidedBy: '区纪委监委' })
    expect(res.statusCode, res.body).toBe(201)
    id = res.json().id
    expect(res.json()).toMatchObject({ lossAmount: '1234567.89', projectName: '设备购置', unitName: '区人民医院', departmentName: '区卫健局', mayEdit: true })
    expect(await auditOf('accountability.create')).toMatchObject([{ entityId: id }])
  })

  test('scope: the project’s unit and department see it; others do not; the city only reads', async () => {
    expect((await hospitalUser.get(`/api/accountability?projectId=${hospitalProject.id}`)).json().total).toBe(1)
    expect((await schoolUser.get(`/api/accountability/${id}`)).statusCode).toBe(404)
    expect((await educationUser.get('/api/accountability')).json().total).toBe(0)
    expect((await otherFinance.get(`/api/accountability/${id}`)).statusCode).toBe(404)
    expect((await cityFinance.delete(`/api/accountability/${id}`, { version: 1 })).json().error.code).toBe('SUPERVISION_ONLY')
    expect((await otherFinance.post('/api/accountability', { projectId: hospitalProject.id, incident: '设备采购后长期闲置', lossAmount: '1.00', measures: '通报', decidedOn: '2026-01-04', decidedBy: '市纪委' })).statusCode).toBe(404)
  })

  test('bad input: a float-ish amount → 400, a future decision → 422, a stale edit → 409', async () => {
    const base = { projectId: hospitalProject.id, incident: '设备采购后长期闲置', measures: '通报批评', decidedBy: '区纪委监委' }
    expect((await finance.post('/api/accountability', { ...base, lossAmount: '1.005', decidedOn: '2026-01-04' })).statusCode).toBe(400)
    expect((await finance.post('/api/accountability', { ...base, lossAmount: 12, decidedOn: '2026-01-04' })).statusCode).toBe(400)
    expect((await finance.post('/api/accountability', { ...base, lossAmount: '12.00', decidedOn: '2099-01-04' })).statusCode).toBe(422)
    expect((await finance.patch(`/api/accountability/${id}`, { version: 1, lossAmount: '2000000.00' })).json()).toMatchObject({ lossAmount: '2000000.00', version: 2 })
    expect((await finance.patch(`/api/accountability/${id}`, { version: 1, lossAmount: '3.00' })).statusCode).toBe(409)
    const exported = await finance.get('/api/accountability/export')
    expect(exported.statusCode).toBe(200)
    expect((await finance.delete(`/api/accountability/${id}`, { version: 2 })).statusCode).toBe(204)
    expect(await auditOf('accountability.delete')).toMatchObject([{ entityId: id }])
  })
})
