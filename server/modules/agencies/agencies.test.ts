import { describe, expect, test } from 'vitest'
import { createTestContext } from '../../test/context.ts'
import { makeAssessment } from '../../test/endpoints.exante.ts'
import { agencyFactories, creditCode } from '../../test/factories.agencies.ts'
import { roundFactories } from '../../test/factories.monitoring-rounds.ts'

const t = await createTestContext()
const f = agencyFactories(t)
const city = await t.make.jurisdiction()
const district = await t.make.jurisdiction({ parent: city })
const edu = await t.make.department({ jurisdiction: district })
const school = await t.make.unit({ department: edu })
const elsewhere = await t.make.jurisdiction()

const admin = await t.make.user({ role: 'finance_admin', org: district })
const cityAdmin = await t.make.user({ role: 'finance_admin', org: city })
const stranger = await t.make.user({ role: 'finance_admin', org: elsewhere })
const deptUser = await t.make.user({ role: 'dept_user', org: edu })
const agencyUser = await t.make.user({ role: 'agency_user', org: district })
const otherAgencyUser = await t.make.user({ role: 'agency_user', org: district })

const engageBody = (keyEvaluationId: string) => ({ keyEvaluationId, procurementMethod: 'government_procurement', contractNo: `HT-${crypto.randomUUID().slice(0, 8)}`, fee: '180000.00' })

async function engage(agencyId: string, keyEvaluationId: string) {
  return (await t.as(admin)).post(`/api/agencies/${agencyId}/engagements`, engageBody(keyEvaluationId))
}

describe('the register', () => {
  test('a bureau registers an agency, declares a relation and a violation; the record shows them', async () => {
    const c = await t.as(admin)
    const created = await c.post('/api/agencies', { name: '深圳某绩效评价咨询有限公司', creditCode: creditCode(), type: 'consulting', qualifications: '预算绩效评价甲级', staffCount: 35 })
    expect(created.statusCode).toBe(201)
    const id = created.json().id
    expect((await c.post(`/api/agencies/${id}/relations`, { orgCode: school.code, relation: '法定代表人为该校退休教师' })).statusCode).toBe(201)
    const detail = await c.post(`/api/agencies/${id}/violations`, { occurredOn: '2025-05-01', severity: 'minor', description: '报告逾期提交' })
    expect(detail.json()).toMatchObject({ relations: [{ orgCode: school.code, orgName: school.name }], violations: [{ severity: 'minor' }], engagements: [], averageRating: null })
    const list = await c.get('/api/agencies?q=绩效评价咨询')
    expect(list.json().items.map((a: { id: string }) => a.id)).toContain(id)
    const exported = await c.get('/api/agencies/export')
    expect(exported.statusCode).toBe(200)
    expect(String(exported.headers['content-type'])).toContain('spreadsheet')
  })

  test('another jurisdiction sees nothing (404); the city above looks but does not act; departments read it', async () => {
    const agency = await f.agency({ jurisdiction: district })
    expect((await (await t.as(stranger)).get(`/api/agencies/${agency.id}`)).statusCode).toBe(404)
    expect((await (await t.as(stranger)).get('/api/agencies?pageSize=200')).json().items.map((a: { id: string }) => a.id)).not.toContain(agency.id)
    expect((await (await t.as(cityAdmin)).get(`/api/agencies/${agency.id}`)).statusCode).toBe(200)
    expect((await (await t.as(cityAdmin)).patch(`/api/agencies/${agency.id}`, { version: 1, staffCount: 3 })).json().error.code).toBe('SUPERVISION_ONLY')
    expect((await (await t.as(deptUser)).get(`/api/agencies/${agency.id}`)).statusCode).toBe(200)
    expect((await (await t.as(deptUser)).patch(`/api/agencies/${agency.id}`, { version: 1, staffCount: 3 })).statusCode).toBe(403)
  })
})

describe('the independence check blocks an engagement with its reason (rule 44)', () => {
  async function refusedWith(agencyId: string, keyEvaluationId: string) {
    const res = await engage(agencyId, keyEvaluationId)
    expect(res.statusCode, res.body).toBe(422)
    const error = res.json().error
    expect(error.code).toBe('AGENCY_CONFLICT')
    return error as { message: string; details: { reasons: string[] } }
  }

  test('the agency is the commissioning party', async () => {
    const ke = await f.keyEvaluation({ unit: school })
    const agency = await f.agency({ jurisdiction: district, orgCode: district.code })
    const error = await refusedWith(agency.id, ke.id)
    expect(error.details.reasons).toEqual(['is_commissioner'])
    expect(error.message).toContain('机构即为委托方')
  })

  test('the agency is the evaluated object', async () => {
    const ke = await f.keyEvaluation({ unit: school })
    const agency = await f.agency({ jurisdiction: district, orgCode: school.code })
    expect((await refusedWith(agency.id, ke.id)).details.reasons).toEqual(['is_object'])
  })

  test('a declared relation to the commissioning party, or to the object', async () => {
    const ke = await f.keyEvaluation({ unit: school })
    const a1 = await f.agency({ jurisdiction: district })
    await (await t.as(admin)).post(`/api/agencies/${a1.id}/relations`, { orgCode: district.code, relation: '财政局下属事业单位' })
    const e1 = await refusedWith(a1.id, ke.id)
    expect(e1.details.reasons).toEqual(['related_to_commissioner'])
    expect(e1.message).toContain('财政局下属事业单位')
    const a2 = await f.agency({ jurisdiction: district })
    await (await t.as(admin)).post(`/api/agencies/${a2.id}/relations`, { orgCode: school.code, relation: '长期财务顾问' })
    const e2 = await refusedWith(a2.id, ke.id)
    expect(e2.details.reasons).toEqual(['related_to_object'])
    expect(e2.message).toContain('机构与被评价对象存在关联关系')
    // In English too.
    const en = await (await t.as(admin)).post(`/api/agencies/${a2.id}/engagements`, engageBody(ke.id), { 'accept-language': 'en' })
    expect(en.json().error.message).toContain('related to the evaluated object')
  })

  test('an earlier stage for the same object: an ex-ante assessment or a monitoring verification by its users', async () => {
    const ke = await f.keyEvaluation({ unit: school })
    await makeAssessment(t, { unit: school, projectId: ke.projectId!, assignedUserId: agencyUser.id })
    const a1 = await f.agency({ jurisdiction: district, userIds: [agencyUser.id] })
    const e1 = await refusedWith(a1.id, ke.id)
    expect(e1.details.reasons).toEqual(['earlier_stage'])
    expect(e1.message).toContain('事前绩效评估')

    const ke2 = await f.keyEvaluation({ unit: school })
    const project = await t.db.selectFrom('project').selectAll().where('id', '=', ke2.projectId!).executeTakeFirstOrThrow()
    const mr = roundFactories(t)
    const form = await mr.form({ round: await mr.round({ jurisdiction: district }), unit: school, project })
    await t.db.updateTable('monitoringForm').set({ agencyUserId: otherAgencyUser.id }).where('id', '=', form.id).execute()
    const a2 = await f.agency({ jurisdiction: district, userIds: [otherAgencyUser.id] })
    const e2 = await refusedWith(a2.id, ke2.id)
    expect(e2.details.reasons).toEqual(['earlier_stage'])
    expect(e2.message).toContain('绩效监控核查')
    // Another project of the same unit is not the same object.
    const ke3 = await f.keyEvaluation({ unit: school })
    expect((await engage(a2.id, ke3.id)).statusCode).toBe(201)
  })

  test('a major violation within 3 years blocks; a minor one does not', async () => {
    const ke = await f.keyEvaluation({ unit: school })
    const minor = await f.agency({ jurisdiction: district })
    await (await t.as(admin)).post(`/api/agencies/${minor.id}/violations`, { occurredOn: '2025-01-10', severity: 'minor', description: '资料归档不全' })
    expect((await engage(minor.id, ke.id)).statusCode).toBe(201)
    const major = await f.agency({ jurisdiction: district })
    await (await t.as(admin)).post(`/api/agencies/${major.id}/violations`, { occurredOn: '2025-01-10', severity: 'major', description: '出具虚假评价报告' })
    const error = await refusedWith(major.id, ke.id)
    expect(error.details.reasons).toEqual(['major_violation'])
    expect(error.message).toContain('2025-01-10')
  })

  test('a blacklisted agency', async () => {
    const ke = await f.keyEvaluation({ unit: school })
    const agency = await f.agency({ jurisdiction: district, creditStatus: 'blacklisted' })
    expect((await refusedWith(agency.id, ke.id)).details.reasons).toEqual(['blacklisted'])
  })

  test('the check alone, before saving, answers the same reasons', async () => {
    const ke = await f.keyEvaluation({ unit: school })
    const agency = await f.agency({ jurisdiction: district, orgCode: school.code, creditStatus: 'blacklisted' })
    const res = await (await t.as(admin)).get(`/api/agencies/${agency.id}/independence?keyEvaluationId=${ke.id}`)
    expect(res.json()).toMatchObject({ independent: false, reasons: ['is_object', 'blacklisted'] })
  })
})

describe('engagements', () => {
  test('a clean agency is engaged; the commissioner rates it, subcontracting is flagged; the record averages the ratings', async () => {
    const ke = await f.keyEvaluation({ unit: school })
    const agency = await f.agency({ jurisdiction: district, userIds: [agencyUser.id] })
    const created = await engage(agency.id, ke.id)
    expect(created.statusCode, created.body).toBe(201)
    expect(created.json()).toMatchObject({ agencyId: agency.id, keyEvaluationId: ke.id, fee: '180000.00', procurementMethod: 'government_procurement', status: 'engaged', keyEvaluation: { name: ke.name } })
    expect((await engage(agency.id, ke.id)).json().error.code).toBe('DUPLICATE')
    const c = await t.as(admin)
    const id = created.json().id
    const flagged = await c.patch(`/api/agencies/engagements/${id}`, { version: 1, subcontracted: true, subcontractNote: '现场调查分包给另一家公司', status: 'delivered' })
    expect(flagged.json()).toMatchObject({ subcontracted: true, status: 'delivered', version: 2 })
    expect((await c.post(`/api/agencies/engagements/${id}/rating`, { version: 1, rating: 4 })).statusCode).toBe(409)
    expect((await c.post(`/api/agencies/engagements/${id}/rating`, { version: 2, rating: 6 })).statusCode).toBe(400)
    const rated = await c.post(`/api/agencies/engagements/${id}/rating`, { version: 2, rating: 4, comment: '报告质量较好' })
    expect(rated.json()).toMatchObject({ qualityRating: 4, ratingComment: '报告质量较好' })
    const record = (await c.get(`/api/agencies/${agency.id}`)).json()
    expect(record).toMatchObject({ averageRating: '4.00', subcontractedCount: 1, engagements: [{ id, qualityRating: 4 }] })
    expect((await c.get(`/api/agencies/engagements?keyEvaluationId=${ke.id}`)).json().items.map((e: { id: string }) => e.id)).toEqual([id])
  })

  test('an agency user sees only its own agency’s engagements and the evaluations they point to', async () => {
    const ke = await f.keyEvaluation({ unit: school })
    const mine = await f.agency({ jurisdiction: district, userIds: [agencyUser.id] })
    const theirs = await f.agency({ jurisdiction: district, userIds: [otherAgencyUser.id] })
    const m = (await engage(mine.id, ke.id)).json()
    const o = (await engage(theirs.id, ke.id)).json()
    const c = await t.as(agencyUser)
    const ids = (await c.get('/api/agencies/engagements?pageSize=200')).json().items.map((e: { id: string }) => e.id)
    expect(ids).toContain(m.id)
    expect(ids).not.toContain(o.id)
    expect((await c.get(`/api/agencies/engagements/${m.id}`)).json().keyEvaluation).toMatchObject({ id: ke.id, name: ke.name })
    expect((await c.get(`/api/agencies/engagements/${o.id}`)).statusCode).toBe(404)
    expect((await c.get(`/api/agencies/${mine.id}`)).statusCode).toBe(403)
    expect((await c.patch(`/api/agencies/engagements/${m.id}`, { version: 1, subcontracted: true })).statusCode).toBe(403)
  })

  test('a department engages and rates an agency for its own 部门评价, not for finance’s evaluation', async () => {
    const own = await f.keyEvaluation({ unit: school, level: 'department' })
    const finances = await f.keyEvaluation({ unit: school })
    const agency = await f.agency({ jurisdiction: district })
    const c = await t.as(deptUser)
    const created = await c.post(`/api/agencies/${agency.id}/engagements`, engageBody(own.id))
    expect(created.statusCode, created.body).toBe(201)
    expect(created.json()).toMatchObject({ commissionerCode: edu.code, keyEvaluationLevel: 'department' })
    const rated = await c.post(`/api/agencies/engagements/${created.json().id}/rating`, { version: 1, rating: 5, comment: '按期交付' })
    expect(rated.json()).toMatchObject({ qualityRating: 5 })
    const refused = await c.post(`/api/agencies/${agency.id}/engagements`, engageBody(finances.id))
    expect(refused.statusCode).toBe(403)
    expect(refused.json().error.message).toContain('委托方')
    // A department's own evaluation still passes the independence check: an agency related to the department is refused.
    const related = await f.agency({ jurisdiction: district })
    await t.db.insertInto('agencyRelation').values({ agencyId: related.id, orgCode: edu.code, relation: '部门常年审计服务机构', createdAt: t.clock.now() }).execute()
    const conflict = (await c.post(`/api/agencies/${related.id}/engagements`, engageBody(own.id))).json()
    expect(conflict.error).toMatchObject({ code: 'AGENCY_CONFLICT', details: { reasons: expect.arrayContaining(['related_to_commissioner']) } })
  })

  test('scope: a bureau elsewhere gets 404 for the evaluation; the city above may not engage for its district', async () => {
    const ke = await f.keyEvaluation({ unit: school })
    const far = await f.agency({ jurisdiction: elsewhere })
    expect((await (await t.as(stranger)).post(`/api/agencies/${far.id}/engagements`, engageBody(ke.id))).statusCode).toBe(404)
    const agency = await f.agency({ jurisdiction: city })
    expect((await (await t.as(cityAdmin)).post(`/api/agencies/${agency.id}/engagements`, engageBody(ke.id))).json().error.code).toBe('SUPERVISION_ONLY')
    // The district picks from the city's register.
    expect((await engage(agency.id, ke.id)).statusCode).toBe(201)
  })
})
