import { describe, expect, test } from 'vitest'
import type { OrgNode } from '../../db/schema.ts'
import { createTestContext } from '../../test/context.ts'

// REFERENCE §8: a department's overall result sets its next budget; a district's 考核 the city's transfers to it.
const t = await createTestContext({}, { jobs: true })
const city = await t.make.jurisdiction({ name: '联动市' })
const north = await t.make.jurisdiction({ parent: city, name: '北区' })
const south = await t.make.jurisdiction({ parent: city, name: '南区' })
const east = await t.make.jurisdiction({ parent: city, name: '东区' })
const education = await t.make.department({ jurisdiction: city, name: '市教育局' })
const school = await t.make.unit({ department: education, name: '市一中' })
const health = await t.make.department({ jurisdiction: city, name: '市卫健委' })
const hospital = await t.make.unit({ department: health, name: '市医院' })
const finance = await t.as(await t.make.user({ role: 'finance_admin', org: city }))
const northFinance = await t.as(await t.make.user({ role: 'finance_admin', org: north }))
const educationUser = await t.as(await t.make.user({ role: 'dept_user', org: education }))
const healthUser = await t.as(await t.make.user({ role: 'dept_user', org: health }))
const schoolUser = await t.as(await t.make.user({ role: 'unit_user', org: school }))

let serial = 0
const project = (unit: OrgNode, amount: string, status: 'budgeted' | 'executing' | 'cancelled' = 'executing', objectKind: 'general' | 'transfer' = 'general') =>
  t.make.project({ unit, status, code: `SUBJ${++serial}`, amountGeneral: amount, fiscalYear: 2026, objectKind })
const now = t.clock.now()

// 市教育局: 1,000,000 + (500,000 − 100,000 调减) budgeted; a cancelled project does not count → base 1,400,000.
await project(school, '1000000.00')
const adjusted = await project(school, '500000.00', 'budgeted')
await project(school, '9999999.00', 'cancelled')
await t.db.insertInto('budgetAdjustment').values({ projectId: adjusted.id, fiscalYear: 2026, amount: '-100000.00', adjustedOn: '2026-07-01', reason: '年中调减', actionId: null, createdBy: null, createdAt: now }).execute()
// 市卫健委: 2,000,000 and a transfer project of 1,000,000 to the districts (north 600,000, south 400,000).
await project(hospital, '2000000.00')
const transfer = await project(hospital, '1000000.00', 'executing', 'transfer')
await t.db.insertInto('transferAllocationPlan').values({ projectId: transfer.id, updatedBy: null, updatedAt: now }).execute()
await t.db.insertInto('transferAllocation').values([{ projectId: transfer.id, districtCode: north.code, amount: '600000.00' }, { projectId: transfer.id, districtCode: south.code, amount: '400000.00' }]).execute()

const round = await t.db.insertInto('selfEvalRound').values({ jurisdictionCode: city.code, fiscalYear: 2026, name: '2026年度自评', deadline: now, status: 'open', createdAt: now, updatedAt: now }).returningAll().executeTakeFirstOrThrow()
const departmentForm = (department: OrgNode, grade: '良' | '中', total: string) =>
  t.db
    .insertInto('selfEvalForm')
    .values({ roundId: round.id, kind: 'department', projectId: null, jurisdictionCode: city.code, departmentCode: department.code, unitCode: null, fiscalYear: 2026, status: 'accepted', total, grade, acceptedAt: now, createdAt: now, updatedAt: now })
    .returning('id')
    .executeTakeFirstOrThrow()
const educationForm = await departmentForm(education, '中', '72.00')
await departmentForm(health, '良', '86.00')
// The finance evaluation of 市卫健委 as a whole (差) wins over its self-evaluation.
const healthKey = await t.db
  .insertInto('keyEvaluation')
  .values({ jurisdictionCode: city.code, fiscalYear: 2026, level: 'finance', objectKind: 'department', projectId: null, commissionerCode: city.code, departmentCode: health.code, unitCode: null, name: '市卫健委部门整体评价', template: 'department', stage: 'reported', total: '55.00', grade: '差', createdAt: now, updatedAt: now })
  .returning('id')
  .executeTakeFirstOrThrow()
// A department-overall finding still open cuts further; one of a project does not count for the department.
const rectification = (owner: OrgNode, departmentCode: string, projectId: string | null) =>
  t.db.insertInto('rectification').values({ jurisdictionCode: city.code, fiscalYear: 2026, sourceType: 'manual', origin: 'audit', projectId, ownerCode: owner.code, departmentCode, problem: '问题', dueOn: '2027-03-01' }).execute()
await rectification(education, education.code, null)
await rectification(school, education.code, adjusted.id)

// The city's published 考核 of its districts: north 良, south 中 with an item it owns still open, east 优 but no transfers.
const assessment = (district: OrgNode, grade: string, total: string, rank: number) =>
  t.db.insertInto('assessment').values({ jurisdictionCode: city.code, orgCode: district.code, orgKind: 'jurisdiction', fiscalYear: 2026, status: 'published', dueOn: '2027-02-28', total, grade: grade as '良', rank }).returning('id').executeTakeFirstOrThrow()
await assessment(north, '良', '86.00', 2)
const southAssessment = await assessment(south, '中', '71.00', 3)
await assessment(east, '优', '93.00', 1)
await rectification(south, south.code, null)

type Item = { id: string; subjectKind: string; subjectOrgCode: string | null; subjectName: string | null; projectId: string | null; departmentCode: string | null; sourceType: string; sourceId: string; grade: string; baseAmount: string; proposedAction: string; proposedAmount: string; openRectifications: number; version: number; mayDecide: boolean; explanation: { formula: string } }
const list = async (client = finance, query = 'fiscalYear=2027&pageSize=100') => {
  const res = await client.get(`/api/budget-decisions?${query}`)
  expect(res.statusCode, res.body).toBe(200)
  return res.json().items as Item[]
}
const subject = (items: Item[], code: string) => items.find((i) => i.subjectOrgCode === code)

describe('department-overall and district budget linkage', () => {
  test('the job proposes for each department graded as a whole and each district with transfers', async () => {
    const res = await finance.post('/api/budget-decisions/generate', { evaluatedYear: 2026 })
    expect(res.statusCode).toBe(201)
    const job = await t.waitForJob(res.json().jobRunId)
    expect(job.status).toBe('done')
    expect(job.result).toMatchObject({ departments: 2, districts: 3, districtsWithoutTransfers: 1 })
    const items = await list(finance, 'fiscalYear=2027&subjectKind=department')
    expect(items).toHaveLength(2)
    // 中: 1,400,000 − 10 % − 10 % for the open department-overall item = 1,120,000.
    expect(subject(items, education.code)).toMatchObject({ subjectName: '市教育局', projectId: null, departmentCode: education.code, sourceType: 'self_evaluation', sourceId: educationForm.id, grade: '中', baseAmount: '1400000.00', openRectifications: 1, proposedAction: 'cut', proposedAmount: '1120000.00' })
    expect(subject(items, education.code)!.explanation.formula).toMatch(/^部门当年预算项目全年预算数合计：基数 1,?400,?000\.00 元/)
    expect(subject(items, health.code)).toMatchObject({ sourceType: 'key_evaluation', sourceId: healthKey.id, grade: '差', baseAmount: '3000000.00', proposedAction: 'cancel', proposedAmount: '0.00' })
  })

  test('a district’s proposal starts from the city’s transfers to it; one without transfers gets none', async () => {
    const items = await list(finance, 'fiscalYear=2027&subjectKind=district')
    expect(items.map((i) => i.subjectName).sort()).toEqual(['北区', '南区'])
    expect(subject(items, north.code)).toMatchObject({ sourceType: 'assessment', grade: '良', baseAmount: '600000.00', proposedAction: 'maintain', proposedAmount: '600000.00', departmentCode: null, mayDecide: true })
    expect(subject(items, south.code)).toMatchObject({ sourceId: southAssessment.id, grade: '中', baseAmount: '400000.00', openRectifications: 1, proposedAmount: '320000.00' })
    expect(subject(items, south.code)!.explanation.formula).toContain('本级对该区的转移支付额')
    expect(subject(items, east.code)).toBeUndefined()
  })

  test('finance decides a district’s transfers with a reason when it differs; a rerun keeps the decision', async () => {
    const south1 = subject(await list(finance, 'fiscalYear=2027&subjectKind=district'), south.code)!
    const decided = await finance.post(`/api/budget-decisions/${south1.id}/decide`, { version: south1.version, decidedAmount: '360000.00', reason: '民生托底部分不核减' })
    expect(decided.statusCode, decided.body).toBe(200)
    const rerun = await finance.post('/api/budget-decisions/generate', { evaluatedYear: 2026 })
    const job = await t.waitForJob(rerun.json().jobRunId)
    expect(job.result).toMatchObject({ created: 0, keptDecided: 1 })
    expect(subject(await list(), south.code)).toMatchObject({ decidedAmount: '360000.00', reason: '民生托底部分不核减' })
  })

  test('scope: a department sees its own overall decision, a unit none, a district the city’s decision on it (read-only)', async () => {
    const own = await list(educationUser, 'fiscalYear=2027&subjectKind=department')
    expect(own.map((i) => i.subjectOrgCode)).toEqual([education.code])
    expect((await list(healthUser, 'fiscalYear=2027&subjectKind=department')).map((i) => i.subjectOrgCode)).toEqual([health.code])
    expect(await list(schoolUser, 'fiscalYear=2027&subjectKind=department')).toEqual([])
    const northView = await list(northFinance, 'fiscalYear=2027&subjectKind=district')
    expect(northView.map((i) => i.subjectOrgCode)).toEqual([north.code])
    expect(northView[0]!.mayDecide).toBe(false)
    const refused = await northFinance.post(`/api/budget-decisions/${northView[0]!.id}/decide`, { version: northView[0]!.version, decidedAmount: '600000.00' })
    expect(refused.statusCode).toBe(403)
    const southId = subject(await list(), south.code)!.id
    expect((await northFinance.get(`/api/budget-decisions/${southId}`)).statusCode).toBe(404)
  })

  test('the 预算编制 export names the subject of every row', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/budget-decisions/export?fiscalYear=2027&subjectKind=district', headers: { cookie: finance.cookie! } })
    expect(res.statusCode).toBe(200)
    const ExcelJS = (await import('exceljs')).default
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(res.rawPayload as never)
    const sheet = book.worksheets[0]!
    const texts = sheet.getSheetValues().flat().filter((v) => typeof v === 'string')
    expect(texts).toEqual(expect.arrayContaining(['北区', '南区', '下级财政（转移支付）']))
  })
})
