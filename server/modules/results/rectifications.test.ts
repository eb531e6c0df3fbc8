import { describe, expect, test } from 'vitest'
import { createTestContext } from '../../test/context.ts'
import { MultipartBody } from '../../test/endpoints.ts'
import { makeRectification } from '../../test/factories.rectifications.ts'

const t = await createTestContext()
const city = await t.make.jurisdiction()
const district = await t.make.jurisdiction({ parent: city })
const edu = await t.make.department({ jurisdiction: district, name: '教育局' })
const school = await t.make.unit({ department: edu, name: '第一中学' })
const otherSchool = await t.make.unit({ department: edu, name: '第二中学' })
const health = await t.make.department({ jurisdiction: district, name: '卫健局' })

const finance = await t.make.user({ role: 'finance_admin', org: district })
const cityFinance = await t.make.user({ role: 'finance_admin', org: city })
const eduUser = await t.make.user({ role: 'dept_user', org: edu })
const healthUser = await t.make.user({ role: 'dept_user', org: health })
const schoolUser = await t.make.user({ role: 'unit_user', org: school })
const otherSchoolUser = await t.make.user({ role: 'unit_user', org: otherSchool })

const dayMinutes = 24 * 60
/** After the clock jumps days ahead the old session has expired: sign in again. */
async function signedIn(user: { username: string }) {
  t.forget(user.username)
  return t.as(user)
}

function upload(id: string, cookie: string, name = '整改佐证.pdf') {
  const body = new MultipartBody(name, Buffer.from('%PDF-1.4 整改佐证'))
  return t.app.inject({ method: 'POST', url: `/api/rectifications/${id}/evidence`, payload: body.payload(), headers: { cookie, 'content-type': `multipart/form-data; boundary=${body.boundary}` } })
}

describe('an item entered by hand, through its whole life', () => {
  test('finance enters it → the unit answers with evidence → the department verifies → finance closes', async () => {
    const fin = await t.as(finance)
    const created = await fin.post('/api/rectifications', { origin: 'audit', ownerCode: school.code, problem: '审计发现专项资金闲置一年以上。', requiredMeasure: '清理闲置资金并说明原因。' })
    expect(created.statusCode).toBe(201)
    const item = created.json()
    // No due date given: the rule set's 60 days after today (2026-01-05).
    expect(item).toMatchObject({ sourceType: 'manual', origin: 'audit', status: 'open', ownerUnitCode: school.code, departmentCode: edu.code, dueOn: '2026-03-06', version: 1, escalation: { level: 'none', daysOverdue: 0 } })
    expect(item.events.map((e: { action: string }) => e.action)).toEqual(['raise'])

    const unit = await t.as(schoolUser)
    expect((await unit.get(`/api/rectifications/${item.id}`)).json().moves).toEqual(['respond'])
    const bare = await unit.post(`/api/rectifications/${item.id}/respond`, { version: 1, measures: '已清理闲置资金并收回。' })
    expect(bare.statusCode).toBe(422)
    expect(bare.json().error.details.map((d: { path: string }) => d.path)).toEqual(['evidence'])

    const uploaded = await upload(item.id, unit.cookie!)
    expect(uploaded.statusCode).toBe(201)
    const answered = await unit.post(`/api/rectifications/${item.id}/respond`, { version: 1, measures: '已清理闲置资金并收回。' })
    expect(answered.statusCode).toBe(200)
    expect(answered.json()).toMatchObject({ status: 'responded', response: '已清理闲置资金并收回。', version: 2, moves: [] })
    expect((await upload(item.id, unit.cookie!)).statusCode).toBe(409)
    const download = await unit.get(`/api/rectifications/${item.id}/evidence/${uploaded.json().id}/download`)
    expect(download.statusCode).toBe(200)
    expect(download.body).toContain('整改佐证')

    const dept = await t.as(eduUser)
    expect((await dept.post(`/api/rectifications/${item.id}/close`, { version: 2 })).statusCode).toBe(403)
    const verified = await dept.post(`/api/rectifications/${item.id}/verify`, { version: 2, opinion: '经核实已整改到位' })
    expect(verified.statusCode).toBe(200)
    expect(verified.json().status).toBe('verified')

    expect((await (await t.as(cityFinance)).post(`/api/rectifications/${item.id}/close`, { version: 3 })).json().error.code).toBe('SUPERVISION_ONLY')
    expect((await fin.post(`/api/rectifications/${item.id}/close`, { version: 2 })).statusCode).toBe(409)
    const closed = await fin.post(`/api/rectifications/${item.id}/close`, { version: 3, opinion: '同意销号' })
    expect(closed.statusCode).toBe(200)
    expect(closed.json()).toMatchObject({ status: 'closed', version: 4, moves: [] })
    expect(closed.json().events.map((e: { action: string; toStatus: string }) => `${e.action}→${e.toStatus}`)).toEqual(['raise→open', 'respond→responded', 'verify→verified', 'close→closed'])
    expect(closed.json().evidence).toHaveLength(1)
    const audit = await t.db.selectFrom('auditLog').select('action').where('entityId', '=', item.id).orderBy('seq').execute()
    expect(audit.map((a) => a.action)).toEqual(['rectification.create', 'rectification.evidence', 'rectification.respond', 'rectification.verify', 'rectification.close'])
  })

  test('a return needs an opinion and sends the item back to the owner', async () => {
    const item = await makeRectification(t, { owner: school, status: 'responded', evidence: true })
    const dept = await t.as(eduUser)
    expect((await dept.post(`/api/rectifications/${item.id}/return`, { version: 1, opinion: '' })).statusCode).toBe(400)
    const back = await dept.post(`/api/rectifications/${item.id}/return`, { version: 1, opinion: '佐证材料不足，请补充' })
    expect(back.statusCode).toBe(200)
    expect(back.json()).toMatchObject({ status: 'open', version: 2 })
    expect(back.json().events.at(-1)).toMatchObject({ action: 'return', fromStatus: 'responded', toStatus: 'open', opinion: '佐证材料不足，请补充' })
    expect((await (await t.as(schoolUser)).get(`/api/rectifications/${item.id}`)).json().moves).toEqual(['respond'])
  })

  test('finance closes an item a department owns straight from its answer; a unit owner cannot skip verification', async () => {
    const own = await makeRectification(t, { owner: edu, status: 'responded', evidence: true })
    const fin = await t.as(finance)
    expect((await fin.post(`/api/rectifications/${own.id}/close`, { version: 1 })).json().status).toBe('closed')
    const unitOwned = await makeRectification(t, { owner: school, status: 'responded', evidence: true })
    const refused = await fin.post(`/api/rectifications/${unitOwned.id}/close`, { version: 1 })
    expect(refused.statusCode).toBe(409)
    expect(refused.json().error.code).toBe('INVALID_TRANSITION')
  })

  test('bad entries: an owner out of scope is 404, a project of another unit or a past due date 422', async () => {
    const fin = await t.as(finance)
    const elsewhere = await t.make.unit()
    expect((await fin.post('/api/rectifications', { origin: 'expert', ownerCode: elsewhere.code, problem: '专家指出绩效目标不清晰。', requiredMeasure: '修订绩效目标。' })).statusCode).toBe(404)
    const project = await t.make.project({ unit: otherSchool })
    const wrongProject = await fin.post('/api/rectifications', { origin: 'expert', ownerCode: school.code, projectId: project.id, problem: '专家指出绩效目标不清晰。', requiredMeasure: '修订绩效目标。' })
    expect(wrongProject.statusCode).toBe(422)
    expect(wrongProject.json().error.details[0].path).toBe('projectId')
    const past = await fin.post('/api/rectifications', { origin: 'expert', ownerCode: school.code, problem: '专家指出绩效目标不清晰。', requiredMeasure: '修订绩效目标。', dueOn: '2025-01-01' })
    expect(past.statusCode).toBe(422)
    const withProject = await fin.post('/api/rectifications', { origin: 'congress', ownerCode: otherSchool.code, projectId: project.id, problem: '人大代表反映项目进度慢。', requiredMeasure: '加快实施进度。', dueOn: '2026-06-30' })
    expect(withProject.statusCode).toBe(201)
    expect(withProject.json()).toMatchObject({ projectId: project.id, projectCode: project.code, fiscalYear: project.fiscalYear, dueOn: '2026-06-30' })
  })
})

describe('scope', () => {
  test('a unit sees only its own items, a department its units’, another department none (404)', async () => {
    const item = await makeRectification(t, { owner: school })
    expect((await (await t.as(otherSchoolUser)).get(`/api/rectifications/${item.id}`)).statusCode).toBe(404)
    expect((await (await t.as(otherSchoolUser)).post(`/api/rectifications/${item.id}/respond`, { version: 1, measures: '已整改完毕。' })).statusCode).toBe(404)
    expect((await (await t.as(healthUser)).get(`/api/rectifications/${item.id}`)).statusCode).toBe(404)
    expect((await (await t.as(eduUser)).get(`/api/rectifications/${item.id}`)).statusCode).toBe(200)
    expect((await (await t.as(cityFinance)).get(`/api/rectifications/${item.id}`)).json().moves).toEqual([])
    const listed = (await (await t.as(otherSchoolUser)).get('/api/rectifications?pageSize=200')).json().items.map((i: { ownerUnitCode: string }) => i.ownerUnitCode)
    expect(new Set(listed)).toEqual(new Set(listed.length ? [otherSchool.code] : []))
  })
})

describe('racing moves', () => {
  test('two verifies of the same version: one succeeds, the other is 409', async () => {
    const item = await makeRectification(t, { owner: school, status: 'responded', evidence: true })
    const dept = await t.as(eduUser)
    const results = await Promise.all([dept.post(`/api/rectifications/${item.id}/verify`, { version: 1 }), dept.post(`/api/rectifications/${item.id}/verify`, { version: 1 })])
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409])
  })
})

describe('overdue and escalation', () => {
  test('past its due date an item escalates to the department, 30 days later to finance; closed items never', async () => {
    const late = await makeRectification(t, { owner: otherSchool, dueOn: '2026-01-10' })
    const done = await makeRectification(t, { owner: otherSchool, dueOn: '2026-01-10', status: 'closed' })
    let fin = await t.as(finance)
    const overdueIds = async () => (await fin.get(`/api/rectifications?overdue=true&unitCode=${otherSchool.code}`)).json().items.map((i: { id: string }) => i.id)
    expect(await overdueIds()).toEqual([])
    t.clock.advanceMinutes(10 * dayMinutes) // 2026-01-15: 5 days overdue
    fin = await signedIn(finance)
    expect(await overdueIds()).toEqual([late.id])
    expect((await fin.get(`/api/rectifications/${late.id}`)).json().escalation).toMatchObject({ level: 'department', daysOverdue: 5 })
    t.clock.advanceMinutes(30 * dayMinutes) // 2026-02-14: 35 days overdue
    fin = await signedIn(finance)
    expect((await fin.get(`/api/rectifications/${late.id}`)).json().escalation).toMatchObject({ level: 'finance', daysOverdue: 35 })
    expect((await fin.get(`/api/rectifications/${done.id}`)).json().escalation).toMatchObject({ level: 'none', daysOverdue: 0 })
    const onTime = (await fin.get(`/api/rectifications?overdue=false&unitCode=${otherSchool.code}`)).json().items.map((i: { id: string }) => i.id)
    expect(onTime).toContain(done.id)
    expect(onTime).not.toContain(late.id)
  })

  test('the list exports as xlsx', async () => {
    const res = await (await signedIn(finance)).get('/api/rectifications/export?status=open')
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toContain('spreadsheetml')
  })
})
