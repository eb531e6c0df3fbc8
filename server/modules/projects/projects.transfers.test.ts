import { describe, expect, test } from 'vitest'
import { createTestContext } from '../../test/context.ts'
import { makeForm, makeRound } from '../../test/factories.monitoring-forms.ts'

const t = await createTestContext()
const city = await t.make.jurisdiction({ name: '转移市' })
const nanshan = await t.make.jurisdiction({ parent: city, name: '转移南山区' })
const futian = await t.make.jurisdiction({ parent: city, name: '转移福田区' })
const elsewhere = await t.make.jurisdiction({ name: '外市' })
const farDistrict = await t.make.jurisdiction({ parent: elsewhere, name: '外市某区' })
const education = await t.make.department({ jurisdiction: city, name: '市教育局' })
const health = await t.make.department({ jurisdiction: city, name: '市卫健委' })
const bureau = await t.make.unit({ department: education, name: '市教育局本级' })
const hospital = await t.make.unit({ department: health, name: '市人民医院' })
const transfer = await t.make.project({ unit: bureau, code: 'TR-1', name: '义务教育转移支付', objectKind: 'transfer', amountGeneral: '1000000.00', status: 'budgeted' })
const ordinary = await t.make.project({ unit: bureau, code: 'TR-2', name: '校舍维修', amountGeneral: '1000.00' })
const finance = await t.as(await t.make.user({ role: 'finance_admin', org: city }))
const department = await t.as(await t.make.user({ role: 'dept_user', org: education }))
const otherDepartment = await t.as(await t.make.user({ role: 'unit_user', org: hospital }))
const districtFinance = await t.as(await t.make.user({ role: 'finance_admin', org: nanshan }))
const url = `/api/projects/${transfer.id}/transfer-allocations`

describe('transfer allocations of a city 转移支付 project', () => {
  test('start empty, naming the districts directly below the city', async () => {
    const res = await department.get(url)
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({ version: 0, items: [] })
    expect(res.json().districts.map((d: { name: string }) => d.name)).toEqual(expect.arrayContaining(['转移南山区', '转移福田区']))
    expect(res.json().districts.map((d: { code: string }) => d.code)).not.toContain(farDistrict.code)
  })

  test('the department saves a set; it is audited with before and after', async () => {
    const res = await department.put(url, { version: 0, items: [{ districtCode: nanshan.code, amount: '600000' }, { districtCode: futian.code, amount: '400000.00' }] })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({ version: 1, items: [{ districtCode: expect.any(String), amount: expect.any(String) }, expect.anything()] })
    const amounts = Object.fromEntries(res.json().items.map((i: { districtCode: string; amount: string }) => [i.districtCode, i.amount]))
    expect(amounts).toEqual({ [nanshan.code]: '600000.00', [futian.code]: '400000.00' })
    const audit = await t.db.selectFrom('auditLog').select(['before', 'after']).where('action', '=', 'project.allocate_transfer').where('entityId', '=', transfer.id).execute()
    expect(audit).toHaveLength(1)
    expect(audit[0]).toMatchObject({ before: { version: 0, items: [] }, after: { version: 1 } })
  })

  test('a stale version is 409 and changes nothing', async () => {
    const res = await finance.put(url, { version: 0, items: [] })
    expect(res.statusCode).toBe(409)
    expect((await finance.get(url)).json().items).toHaveLength(2)
  })

  test('more than the fiscal budget, a district elsewhere, and a non-transfer project are refused in Chinese', async () => {
    const over = await finance.put(url, { version: 1, items: [{ districtCode: nanshan.code, amount: '1000000.01' }] })
    expect(over.statusCode).toBe(422)
    expect(over.json().error.message).toContain('超过项目财政拨款')
    const far = await finance.put(url, { version: 1, items: [{ districtCode: farDistrict.code, amount: '1.00' }] })
    expect(far.statusCode).toBe(422)
    expect(far.json().error.details).toEqual([expect.objectContaining({ path: 'items.0.districtCode' })])
    const plain = await finance.put(`/api/projects/${ordinary.id}/transfer-allocations`, { version: 0, items: [] })
    expect(plain.statusCode).toBe(422)
    expect((await finance.get(url)).json().version).toBe(1)
  })

  test('another department does not see it; a district bureau does not see the city project', async () => {
    expect((await otherDepartment.get(url)).statusCode).toBe(404)
    expect((await districtFinance.get(url)).statusCode).toBe(404)
  })
})

const nanshanEducation = await t.make.department({ jurisdiction: nanshan, name: '南山区教育局' })
const nanshanSchool = await t.make.unit({ department: nanshanEducation, name: '南山区实验学校' })
const futianEducation = await t.make.department({ jurisdiction: futian, name: '福田区教育局' })
const futianSchool = await t.make.unit({ department: futianEducation, name: '福田区实验学校' })
const nanshanProject = await t.make.project({ unit: nanshanSchool, code: 'NS-TR', name: '南山区义务教育提升', status: 'executing' })
const futianProject = await t.make.project({ unit: futianSchool, code: 'FT-TR', name: '福田区义务教育提升', status: 'executing' })
const nanshanFinance = await t.as(await t.make.user({ role: 'finance_admin', org: nanshan }))
const futianUnit = await t.as(await t.make.user({ role: 'unit_user', org: futianSchool }))

describe('district sub-goals roll up to the city goal (rule 48)', () => {
  const versionOf = async () => (await finance.get(url)).json().version as number

  test('a district sees what the city allocated to it and names its receiving project; another district sees only its own', async () => {
    const sources = await nanshanFinance.get(`/api/projects/${nanshanProject.id}/transfer-sources`)
    expect(sources.statusCode, sources.body).toBe(200)
    expect(sources.json()).toMatchObject({ receiving: null, items: [{ sourceProjectId: transfer.id, sourceName: '义务教育转移支付', bureauName: '转移市', amount: '600000.00', districtProjectId: null }] })
    const version = await versionOf()
    const linked = await nanshanFinance.put(`/api/projects/${nanshanProject.id}/transfer-source`, { sourceProjectId: transfer.id, version, link: true })
    expect(linked.statusCode, linked.body).toBe(200)
    expect(linked.json()).toMatchObject({ receiving: transfer.id, items: [{ districtProjectCode: 'NS-TR' }] })
    expect(await versionOf()).toBe(version + 1)
    const stale = await futianUnit.put(`/api/projects/${futianProject.id}/transfer-source`, { sourceProjectId: transfer.id, version, link: true })
    expect(stale.statusCode).toBe(409)
    expect((await futianUnit.get(`/api/projects/${futianProject.id}/transfer-sources`)).json().items).toMatchObject([{ amount: '400000.00', districtProjectId: null }])
    const audit = await t.db.selectFrom('auditLog').select('after').where('action', '=', 'project.link_transfer').where('entityId', '=', nanshanProject.id).execute()
    expect(audit).toMatchObject([{ after: { sourceProjectId: transfer.id, link: true } }])
  })

  test('the city project shows each district’s sub-goal, monitoring and self-evaluation, and the weighted roll-up', async () => {
    await futianUnit.put(`/api/projects/${futianProject.id}/transfer-source`, { sourceProjectId: transfer.id, version: await versionOf(), link: true })
    await t.make.goal({ project: nanshanProject, status: 'approved' })
    await t.make.goal({ project: futianProject, status: 'submitted' })
    await makeForm(t, { round: await makeRound(t, { jurisdiction: nanshan }), project: nanshanProject, status: 'accepted' })
    await t.db.updateTable('monitoringForm').set({ executed: '300000.00', projectLight: 'yellow' }).where('projectId', '=', nanshanProject.id).execute()
    const round = await t.db.insertInto('selfEvalRound').values({ jurisdictionCode: nanshan.code, fiscalYear: 2026, name: '南山区2026年度自评', deadline: t.clock.now(), status: 'open', createdAt: t.clock.now(), updatedAt: t.clock.now() }).returning('id').executeTakeFirstOrThrow()
    await t.db.insertInto('selfEvalForm').values({ roundId: round.id, kind: 'project', projectId: nanshanProject.id, jurisdictionCode: nanshan.code, departmentCode: nanshanEducation.code, unitCode: nanshanSchool.code, fiscalYear: 2026, status: 'accepted', total: '88.50', grade: '良', acceptedAt: t.clock.now(), createdAt: t.clock.now(), updatedAt: t.clock.now() }).execute()
    const res = await finance.get(url)
    expect(res.statusCode, res.body).toBe(200)
    const byDistrict = Object.fromEntries(res.json().items.map((i: { districtName: string }) => [i.districtName, i]))
    expect(byDistrict['转移南山区']).toMatchObject({ districtProject: { code: 'NS-TR' }, goalStatus: 'approved', light: 'yellow', executed: '300000.00', score: '88.50', grade: '良' })
    expect(byDistrict['转移福田区']).toMatchObject({ districtProject: { code: 'FT-TR' }, goalStatus: 'submitted', light: null, score: null })
    // Only 南山区 has a score: the weighted score is its own; 300,000 of 1,000,000 spent.
    expect(res.json().rollUp.value).toMatchObject({ allocated: '1000000.00', linked: 2, goalsApproved: 1, monitored: 1, executionRate: '30.00', worstLight: 'yellow', evaluated: 1, weightedScore: '88.50', grade: '良' })
    expect(res.json().rollUp.formula).toContain('转移南山区 88.50 分 × 600,000.00 元')
  })

  test('saving the allocation again keeps the districts’ receiving projects; a city cannot name a district’s project', async () => {
    const version = await versionOf()
    await finance.put(url, { version, items: [{ districtCode: nanshan.code, amount: '500000.00' }, { districtCode: futian.code, amount: '400000.00' }] })
    const items = (await finance.get(url)).json().items
    expect(items.map((i: { districtProject: { code: string } | null }) => i.districtProject?.code).sort()).toEqual(['FT-TR', 'NS-TR'])
    const refused = await finance.put(`/api/projects/${nanshanProject.id}/transfer-source`, { sourceProjectId: transfer.id, version: version + 1, link: false })
    expect(refused.statusCode).toBe(403)
    const unlinked = await nanshanFinance.put(`/api/projects/${nanshanProject.id}/transfer-source`, { sourceProjectId: transfer.id, version: version + 1, link: false })
    expect(unlinked.statusCode, unlinked.body).toBe(200)
    expect(unlinked.json().receiving).toBeNull()
  })
})
