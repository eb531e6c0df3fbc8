import { describe, expect, test } from 'vitest'
import { createTestContext } from '../../test/context.ts'
import { allScores, makeAssessment } from '../../test/endpoints.exante.ts'

const t = await createTestContext()
const city = await t.make.jurisdiction()
const district = await t.make.jurisdiction({ parent: city })
const edu = await t.make.department({ jurisdiction: district })
const school = await t.make.unit({ department: edu })
const otherSchool = await t.make.unit({ department: edu })
const health = await t.make.department({ jurisdiction: district })
const hospital = await t.make.unit({ department: health })
const elsewhere = await t.make.jurisdiction()

const unitUser = await t.make.user({ role: 'unit_user', org: school })
const otherUnitUser = await t.make.user({ role: 'unit_user', org: otherSchool })
const deptUser = await t.make.user({ role: 'dept_user', org: edu })
const healthUser = await t.make.user({ role: 'dept_user', org: health })
const financeAdmin = await t.make.user({ role: 'finance_admin', org: district })
const strangerBureau = await t.make.user({ role: 'finance_admin', org: elsewhere })
const agency = await t.make.user({ role: 'agency_user', org: district })
const expert = await t.make.user({ role: 'expert', org: city })
const farAgency = await t.make.user({ role: 'agency_user', org: elsewhere })

const ids = async (user: { username: string }) => ((await (await t.as(user)).get('/api/exante?pageSize=200')).json().items as { id: string }[]).map((r) => r.id)

describe('who sees an assessment', () => {
  test('the unit, its department and the bureaus above it; nobody else (404)', async () => {
    const a = await makeAssessment(t, { unit: school })
    const other = await makeAssessment(t, { unit: hospital })
    for (const user of [unitUser, deptUser, financeAdmin]) {
      expect((await (await t.as(user)).get(`/api/exante/${a.id}`)).statusCode, user.username).toBe(200)
      expect(await ids(user), user.username).toContain(a.id)
    }
    for (const user of [otherUnitUser, healthUser, strangerBureau]) {
      expect((await (await t.as(user)).get(`/api/exante/${a.id}`)).statusCode, user.username).toBe(404)
      expect(await ids(user), user.username).not.toContain(a.id)
    }
    expect((await (await t.as(otherUnitUser)).patch(`/api/exante/${a.id}`, { version: 1, opinion: '越权' })).statusCode).toBe(404)
    expect(await ids(healthUser)).toContain(other.id)
  })

  test('agencies and experts see only what is assigned to them, and start nothing', async () => {
    const a = await makeAssessment(t, { unit: school })
    expect(await ids(agency)).toEqual([])
    expect((await (await t.as(expert)).get(`/api/exante/${a.id}`)).statusCode).toBe(404)
    const p = await t.make.project({ unit: school })
    expect((await (await t.as(agency)).post('/api/exante', { projectId: p.id })).statusCode).toBe(404)
  })
})

describe('assigning a third party or an expert', () => {
  test('the bureau lists whom it may assign: its agencies and experts at or below it', async () => {
    const res = await (await t.as(financeAdmin)).get('/api/exante/assessors')
    const names = res.json().items.map((u: { username: string }) => u.username)
    expect(names).toContain(agency.username)
    expect(names).not.toContain(expert.username) // sits at the city, above the district bureau
    expect(names).not.toContain(farAgency.username)
    expect(names).not.toContain(unitUser.username)
    expect((await (await t.as(unitUser)).get('/api/exante/assessors')).statusCode).toBe(403)
  })

  test('the assigned agency scores and submits; the unit may no longer edit; the bureau concludes', async () => {
    const a = await makeAssessment(t, { unit: school })
    const bureau = await t.as(financeAdmin)
    const assigned = await bureau.post(`/api/exante/${a.id}/assign`, { userId: agency.id, version: 1 })
    expect(assigned.json()).toMatchObject({ assessorKind: 'agency', assignedUserId: agency.id, assignedUserName: agency.displayName, assessorOrgCode: district.code, version: 2 })
    expect(await ids(agency)).toEqual([a.id])
    expect(await ids(expert)).toEqual([])

    expect((await (await t.as(unitUser)).patch(`/api/exante/${a.id}`, { version: 2, opinion: '单位修改' })).statusCode).toBe(403)
    const c = await t.as(agency)
    const scored = await c.patch(`/api/exante/${a.id}`, { version: 2, scores: allScores('project', '9', '经核查') })
    expect(scored.json().total).toBe('90.00')
    expect((await c.post(`/api/exante/${a.id}/submit`, { version: 3 })).json().status).toBe('submitted')
    const report = await t.app.inject({ method: 'GET', url: `/api/exante/${a.id}/report.docx`, headers: { cookie: c.cookie! } })
    expect(report.statusCode).toBe(200)
    expect((await bureau.post(`/api/exante/${a.id}/conclude`, { conclusion: '予以支持', version: 4 })).json().status).toBe('completed')
    const audit = await t.db.selectFrom('auditLog').select(['action', 'actorUsername']).where('entityId', '=', a.id).orderBy('seq').execute()
    expect(audit).toEqual([
      { action: 'exante.assign', actorUsername: financeAdmin.username },
      { action: 'exante.update', actorUsername: agency.username },
      { action: 'exante.submit', actorUsername: agency.username },
      { action: 'exante.download_report', actorUsername: agency.username },
      { action: 'exante.conclude', actorUsername: financeAdmin.username },
    ])
  })

  test('only an agency user or expert within the bureau’s scope, and only while in progress', async () => {
    const a = await makeAssessment(t, { unit: school })
    const bureau = await t.as(financeAdmin)
    for (const user of [unitUser, farAgency]) {
      const res = await bureau.post(`/api/exante/${a.id}/assign`, { userId: user.id, version: 1 })
      expect(res.statusCode, user.username).toBe(422)
      expect(res.json().error.details).toEqual([{ path: 'userId', message: '只能指派本级或下级财政的第三方机构用户或评审专家' }])
    }
    const submitted = await makeAssessment(t, { unit: school, scored: true, status: 'submitted' })
    expect((await bureau.post(`/api/exante/${submitted.id}/assign`, { userId: agency.id, version: 1 })).json().error.code).toBe('NOT_EDITABLE')
    expect((await (await t.as(deptUser)).post(`/api/exante/${a.id}/assign`, { userId: agency.id, version: 1 })).statusCode).toBe(403)
  })
})

describe('the checklist of materials', () => {
  async function attach(projectId: string, fileName: string) {
    const file = await t.db.insertInto('storedFile').values({ sha256: '0'.repeat(64), fileName, contentType: 'application/pdf', sizeBytes: 3, content: Buffer.from('pdf') }).returning('id').executeTakeFirstOrThrow()
    return (await t.db.insertInto('projectAttachment').values({ projectId, fileId: file.id }).returning('id').executeTakeFirstOrThrow()).id
  }

  test('items point at the project’s own attachments; what is missing is listed', async () => {
    const a = await makeAssessment(t, { unit: school })
    const plan = await attach(a.projectId, '实施方案.pdf')
    const c = await t.as(unitUser)
    const res = await c.patch(`/api/exante/${a.id}`, { version: 1, attachments: { implementation_plan: { provided: false, attachmentIds: [plan] }, policy_basis: { provided: true, attachmentIds: [] } } })
    expect(res.statusCode).toBe(200)
    expect(res.json().attachments).toEqual({ implementation_plan: { provided: true, attachmentIds: [plan] }, policy_basis: { provided: true, attachmentIds: [] } })
    expect(res.json().missingAttachments).toEqual(['application', 'goal_form', 'expected_report', 'feasibility_study', 'budget_calculation'])

    const foreign = await attach((await t.make.project({ unit: school })).id, '别的项目.pdf')
    const wrong = await c.patch(`/api/exante/${a.id}`, { version: 2, attachments: { feasibility_study: { provided: true, attachmentIds: [foreign] } } })
    expect(wrong.statusCode).toBe(422)
    expect(wrong.json().error.details[0].path).toBe('attachments.feasibility_study.attachmentIds')
  })
})

const cityAdmin = await t.make.user({ role: 'finance_admin', org: city })
const cityAgency = await t.make.user({ role: 'agency_user', org: city })
const street = await t.make.jurisdiction({ parent: district })
const streetAgency = await t.make.user({ role: 'agency_user', org: street })
const rowOf = (id: string) => t.db.selectFrom('exanteAssessment').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
const auditOf = (id: string) => t.db.selectFrom('auditLog').select('action').where('entityId', '=', id).execute()

describe('a district’s assessment is its own bureau’s (issue 10 point 12)', () => {

  test('the city reads it but cannot start, edit, assign, submit or conclude it: 403 SUPERVISION_ONLY, nothing written', async () => {
    const byCity = await t.as(cityAdmin)
    const project = await t.make.project({ unit: school })
    const started = await byCity.post('/api/exante', { projectId: project.id })
    expect(started.statusCode).toBe(403)
    expect(started.json().error).toMatchObject({ code: 'SUPERVISION_ONLY', message: '该事项由其所属行政区划的财政部门办理，上级财政部门只能查看' })
    expect(await t.db.selectFrom('exanteAssessment').select('id').where('projectId', '=', project.id).execute()).toEqual([])

    const draft = await makeAssessment(t, { unit: school, scored: true })
    const submitted = await makeAssessment(t, { unit: school, scored: true, status: 'submitted' })
    expect((await byCity.get(`/api/exante/${draft.id}`)).statusCode).toBe(200)
    const refusals = [
      await byCity.patch(`/api/exante/${draft.id}`, { version: 1, opinion: '市里改' }),
      await byCity.post(`/api/exante/${draft.id}/assign`, { userId: agency.id, version: 1 }),
      await byCity.post(`/api/exante/${draft.id}/assign`, { userId: cityAgency.id, version: 1 }),
      await byCity.post(`/api/exante/${draft.id}/submit`, { version: 1 }),
      await byCity.post(`/api/exante/${submitted.id}/conclude`, { conclusion: '予以支持', opinion: '同意', version: 1 }),
    ]
    for (const res of refusals) {
      expect(res.statusCode).toBe(403)
      expect(res.json().error.code).toBe('SUPERVISION_ONLY')
    }
    expect(await rowOf(draft.id)).toEqual(draft)
    expect(await rowOf(submitted.id)).toEqual(submitted)
    expect([...(await auditOf(draft.id)), ...(await auditOf(submitted.id))]).toEqual([])
  })

  test('the district’s own bureau does each; an agency it assigned from below works on it too', async () => {
    const bureau = await t.as(financeAdmin)
    const project = await t.make.project({ unit: school })
    const started = await bureau.post('/api/exante', { projectId: project.id })
    expect(started.statusCode).toBe(201)
    const a = started.json()
    expect((await bureau.patch(`/api/exante/${a.id}`, { version: 1, opinion: '总体可行' })).statusCode).toBe(200)
    expect((await bureau.post(`/api/exante/${a.id}/assign`, { userId: streetAgency.id, version: 2 })).json().assignedUserId).toBe(streetAgency.id)
    const byAgency = await t.as(streetAgency)
    expect((await byAgency.patch(`/api/exante/${a.id}`, { version: 3, scores: allScores('project', '9', '经核查') })).statusCode).toBe(200)
    expect((await byAgency.post(`/api/exante/${a.id}/submit`, { version: 4 })).json().status).toBe('submitted')
    expect((await bureau.post(`/api/exante/${a.id}/conclude`, { conclusion: '予以支持', opinion: '同意', version: 5 })).json().status).toBe('completed')
    expect((await auditOf(a.id)).map((r) => r.action)).toEqual(['exante.create', 'exante.update', 'exante.assign', 'exante.update', 'exante.submit', 'exante.conclude'])
  })
})
