import { describe, expect, test } from 'vitest'
import type { OrgNode, Project } from '../../db/schema.ts'
import { createTestContext } from '../../test/context.ts'
import { makePayment } from '../../test/factories.monitoring-forms.ts'

const t = await createTestContext({}, { jobs: true })
const city = await t.make.jurisdiction({ name: '测试市' })
const district = await t.make.jurisdiction({ parent: city, name: '测试区' })
const strict = await t.make.jurisdiction({ parent: city, name: '从严区' })
const edu = await t.make.department({ jurisdiction: district, name: '教育局' })
const school = await t.make.unit({ department: edu, name: '第一中学' })
const health = await t.make.department({ jurisdiction: district, name: '卫健局' })
const hospital = await t.make.unit({ department: health, name: '区医院' })
const strictDept = await t.make.department({ jurisdiction: strict, name: '从严区教育局' })
const strictSchool = await t.make.unit({ department: strictDept, name: '从严区一中' })
const otherCity = await t.make.jurisdiction({ name: '外市' })

const financeAdmin = await t.as(await t.make.user({ role: 'finance_admin', org: district }))
const strictAdmin = await t.as(await t.make.user({ role: 'finance_admin', org: strict }))
const cityAdmin = await t.as(await t.make.user({ role: 'finance_admin', org: city }))
const otherAdmin = await t.as(await t.make.user({ role: 'finance_admin', org: otherCity }))
const eduUser = await t.as(await t.make.user({ role: 'dept_user', org: edu }))
const schoolUser = await t.as(await t.make.user({ role: 'unit_user', org: school }))

// 从严区 cuts a 中 project by 15 % (its own rule set for the evaluated year).
await t.db.insertInto('ruleSet').values({ jurisdictionCode: strict.code, fiscalYear: 2026, revision: 1, overrides: JSON.stringify({ gradeBudgetProposals: { 中: { action: 'cut', cutPercent: 15 } } }), note: '从严核减', isCurrent: true }).execute()

let serial = 0
const project = (unit: OrgNode, amount = '1000000.00', code = `BDT${++serial}`, fiscalYear = 2026) => t.make.project({ unit, status: 'closed', code, amountGeneral: amount, fiscalYear })

/** A 2026 自评表 of the project accepted by finance with the grade, written straight to the table. */
async function acceptedSelfEvaluation(p: Project, grade: '优' | '良' | '中' | '差', status: 'accepted' | 'dept_accepted' = 'accepted') {
  let round = await t.db.selectFrom('selfEvalRound').selectAll().where('jurisdictionCode', '=', p.jurisdictionCode).where('fiscalYear', '=', 2026).executeTakeFirst()
  round ??= await t.db.insertInto('selfEvalRound').values({ jurisdictionCode: p.jurisdictionCode, fiscalYear: 2026, name: `2026年度单位绩效自评${++serial}`, deadline: t.clock.now(), status: 'open', createdAt: t.clock.now(), updatedAt: t.clock.now() }).returningAll().executeTakeFirstOrThrow()
  const totals = { 优: '95.00', 良: '85.00', 中: '70.00', 差: '50.00' }
  return t.db
    .insertInto('selfEvalForm')
    .values({ roundId: round.id, kind: 'project', projectId: p.id, jurisdictionCode: p.jurisdictionCode, departmentCode: p.departmentCode, unitCode: p.unitCode, fiscalYear: 2026, status, total: totals[grade], grade, acceptedAt: status === 'accepted' ? t.clock.now() : null, createdAt: t.clock.now(), updatedAt: t.clock.now() })
    .returningAll()
    .executeTakeFirstOrThrow()
}

async function openRectification(p: Project, status: 'open' | 'closed' = 'open') {
  await t.db
    .insertInto('rectification')
    .values({ jurisdictionCode: p.jurisdictionCode, fiscalYear: 2026, sourceType: 'manual', origin: 'audit', projectId: p.id, ownerCode: p.unitCode!, departmentCode: p.departmentCode, problem: '资金使用不规范', dueOn: '2027-03-01', status })
    .execute()
}

const excellent = await project(school, '2000000.00')
const fair = await project(school)
const fairWithItems = await project(school)
const adjusted = await project(hospital)
const keyGraded = await project(hospital)
const notAccepted = await project(school)
const strictFair = await project(strictSchool)
await acceptedSelfEvaluation(excellent, '优')
await acceptedSelfEvaluation(fair, '中')
await acceptedSelfEvaluation(fairWithItems, '中')
await openRectification(fairWithItems)
await openRectification(fairWithItems, 'closed')
await acceptedSelfEvaluation(adjusted, '良')
await t.db.insertInto('budgetAdjustment').values({ projectId: adjusted.id, fiscalYear: 2026, amount: '-200000.00', adjustedOn: '2026-07-01', reason: '年中调减', actionId: null, createdBy: null, createdAt: t.clock.now() }).execute()
await acceptedSelfEvaluation(keyGraded, '良')
await t.db
  .insertInto('keyEvaluation')
  .values({ jurisdictionCode: district.code, fiscalYear: 2026, level: 'finance', objectKind: 'project', projectId: keyGraded.id, commissionerCode: district.code, departmentCode: health.code, unitCode: hospital.code, name: '区医院项目重点评价', template: 'no10', stage: 'reported', total: '55.00', grade: '差', createdAt: t.clock.now(), updatedAt: t.clock.now() })
  .execute()
await acceptedSelfEvaluation(notAccepted, '差', 'dept_accepted')
await acceptedSelfEvaluation(strictFair, '中')
await makePayment(t, { project: fair, month: 6, amount: '300000.00' })

type Item = { id: string; projectId: string; grade: string; proposedAction: string; proposedAmount: string; decidedAmount: string | null; version: number; openRectifications: number; sourceType: string; explanation: { formula: string } }
const decisionsOf = async (client = financeAdmin, query = 'fiscalYear=2027&pageSize=100') => (await client.get(`/api/budget-decisions?${query}`)).json().items as Item[]
const of = (items: Item[], p: Project) => items.find((i) => i.projectId === p.id)

async function generate(client = financeAdmin, body: Record<string, unknown> = { evaluatedYear: 2026 }) {
  const res = await client.post('/api/budget-decisions/generate', body)
  expect(res.statusCode).toBe(201)
  const job = await t.waitForJob(res.json().jobRunId)
  expect(job.status).toBe('done')
  return job
}

describe('next-year budget proposals (rule 42)', () => {
  test('the job proposes from each grade through the rule set: 优 keeps, 中 cuts 10 %, open items cut further, the key evaluation wins', async () => {
    const job = await generate()
    expect(job.result).toMatchObject({ projects: 5, created: 5, refreshed: 0, keptDecided: 0 })
    const items = await decisionsOf()
    expect(items).toHaveLength(5)
    expect(of(items, excellent)).toMatchObject({ grade: '优', proposedAction: 'priority', proposedAmount: '2000000.00', decidedAmount: null })
    expect(of(items, fair)).toMatchObject({ grade: '中', proposedAction: 'cut', proposedAmount: '900000.00' })
    expect(of(items, fair)!.explanation.formula).toContain('核减 10.00%')
    expect(of(items, fairWithItems)).toMatchObject({ proposedAmount: '800000.00', openRectifications: 1 })
    expect(of(items, fairWithItems)!.explanation.formula).toContain('尚有 1 项整改未销号')
    // 全年预算数 = 年初 1,000,000 − 调减 200,000
    expect(of(items, adjusted)).toMatchObject({ grade: '良', proposedAction: 'maintain', proposedAmount: '800000.00' })
    expect(of(items, keyGraded)).toMatchObject({ grade: '差', sourceType: 'key_evaluation', proposedAction: 'cancel', proposedAmount: '0.00' })
    expect(of(items, notAccepted)).toBeUndefined()
  })

  test('another jurisdiction’s rule set: 从严区 cuts its 中 project by 15 % → 850,000', async () => {
    await generate(strictAdmin)
    const items = await decisionsOf(strictAdmin)
    expect(of(items, strictFair)).toMatchObject({ proposedAction: 'cut', proposedAmount: '850000.00' })
  })

  test('a decision differing from the proposal needs a reason (422 naming it); with one it is recorded', async () => {
    const d = of(await decisionsOf(), fair)!
    const bare = await financeAdmin.post(`/api/budget-decisions/${d.id}/decide`, { version: d.version, decidedAmount: '950000.00' })
    expect(bare.statusCode).toBe(422)
    expect(bare.json().error).toMatchObject({ code: 'RULE_VIOLATION', details: [{ path: 'reason' }] })
    const ok = await financeAdmin.post(`/api/budget-decisions/${d.id}/decide`, { version: d.version, decidedAmount: '950000.00', reason: '民生项目，酌情保障' })
    expect(ok.statusCode).toBe(200)
    expect(ok.json()).toMatchObject({ decided: true, decidedAmount: '950000.00', reason: '民生项目，酌情保障', version: d.version + 1 })
    const same = of(await decisionsOf(), excellent)!
    expect((await financeAdmin.post(`/api/budget-decisions/${same.id}/decide`, { version: same.version, decidedAmount: '2000000' })).statusCode).toBe(200)
  })

  test('a stale version is 409; two racing decisions: one wins', async () => {
    const d = of(await decisionsOf(), fairWithItems)!
    const [a, b] = await Promise.all([
      financeAdmin.post(`/api/budget-decisions/${d.id}/decide`, { version: d.version, decidedAmount: '800000.00' }),
      financeAdmin.post(`/api/budget-decisions/${d.id}/decide`, { version: d.version, decidedAmount: '800000.00' }),
    ])
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409])
    expect((await financeAdmin.post(`/api/budget-decisions/${d.id}/decide`, { version: d.version, decidedAmount: '800000.00' })).json().error.code).toBe('VERSION_CONFLICT')
  })

  test('re-generating refreshes undecided proposals and keeps every decision', async () => {
    await openRectification(adjusted)
    const job = await generate()
    expect(job.result).toMatchObject({ projects: 5, created: 0, refreshed: 2, keptDecided: 3 })
    const items = await decisionsOf()
    expect(of(items, fair)).toMatchObject({ decidedAmount: '950000.00', proposedAmount: '900000.00' })
    expect(of(items, adjusted)).toMatchObject({ proposedAction: 'cut', proposedAmount: '720000.00', openRectifications: 1 })
    expect(await decisionsOf(financeAdmin, 'fiscalYear=2027&decided=true')).toHaveLength(3)
    expect(await decisionsOf(financeAdmin, 'fiscalYear=2027&grade=中&decided=false')).toHaveLength(0)
  })

  test('the next year’s request of the project (same code, 2027) shows last year’s grade, open and closed items and the decided amount', async () => {
    const next = await project(school, '1200000.00', fair.code, 2027)
    const res = await schoolUser.get(`/api/budget-decisions/for-project/${next.id}`)
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ fiscalYear: 2027, openRectifications: 0, closedRectifications: 0, decision: { grade: '中', evaluatedYear: 2026, proposedAmount: '900000.00', decidedAmount: '950000.00', reason: '民生项目，酌情保障' } })
    const nextWithItems = await project(school, '1000000.00', fairWithItems.code, 2027)
    expect((await schoolUser.get(`/api/budget-decisions/for-project/${nextWithItems.id}`)).json()).toMatchObject({ openRectifications: 1, closedRectifications: 1, decision: { decidedAmount: '800000.00' } })
    const fresh = await project(school, '1000000.00', 'NEW-2027', 2027)
    expect((await schoolUser.get(`/api/budget-decisions/for-project/${fresh.id}`)).json()).toMatchObject({ decision: null, openRectifications: 0, closedRectifications: 0 })
    const elsewhere = await project(hospital, '1000000.00', `BDT-H${++serial}`, 2027)
    expect((await schoolUser.get(`/api/budget-decisions/for-project/${elsewhere.id}`)).statusCode).toBe(404)
  })

  test('scope: a department sees its own units’ decisions; a unit its own; the city reads but cannot decide; another city gets 404', async () => {
    const mine = await decisionsOf(eduUser)
    expect(mine.map((i) => i.projectId).sort()).toEqual([excellent.id, fair.id, fairWithItems.id].sort())
    expect((await decisionsOf(schoolUser)).length).toBe(3)
    const hospitalDecision = of(await decisionsOf(), adjusted)!
    expect((await eduUser.get(`/api/budget-decisions/${hospitalDecision.id}`)).statusCode).toBe(404)
    expect((await cityAdmin.get(`/api/budget-decisions/${hospitalDecision.id}`)).statusCode).toBe(200)
    expect((await cityAdmin.post(`/api/budget-decisions/${hospitalDecision.id}/decide`, { version: hospitalDecision.version, decidedAmount: '720000.00' })).json().error.code).toBe('SUPERVISION_ONLY')
    expect((await otherAdmin.get(`/api/budget-decisions/${hospitalDecision.id}`)).statusCode).toBe(404)
    expect((await otherAdmin.post('/api/budget-decisions/generate', { jurisdictionCode: district.code, evaluatedYear: 2026 })).statusCode).toBe(404)
    expect((await cityAdmin.post('/api/budget-decisions/generate', { jurisdictionCode: district.code, evaluatedYear: 2026 })).json().error.code).toBe('SUPERVISION_ONLY')
    expect((await eduUser.post(`/api/budget-decisions/${hospitalDecision.id}/decide`, { version: 1, decidedAmount: '1.00' })).statusCode).toBe(403)
  })

  test('the 预算编制 hand-off: an Excel file per department of every decision, decided and proposed', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/budget-decisions/export?departmentCode=${edu.code}`, headers: { cookie: financeAdmin.cookie! } })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toContain('spreadsheetml')
    const ExcelJS = (await import('exceljs')).default
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(res.rawPayload as never)
    const sheet = book.worksheets[0]!
    expect(sheet.rowCount).toBe(4)
    const codes = [2, 3, 4].map((n) => String(sheet.getRow(n).getCell(6).value))
    expect(codes.sort()).toEqual([excellent.code, fair.code, fairWithItems.code].sort())
  })
})
