import { describe, expect, test } from 'vitest'
import { createTestContext } from '../../test/context.ts'
import { seedDemoBudgetDecisions } from './budget-decisions.demo-seed.ts'

const t = await createTestContext()
const ctx = () => ({ actor: null, requestId: 'test', clientIp: 'local', now: t.clock.now(), lang: 'zh' as const })
const city = await t.make.jurisdiction({ name: '演示市' })
const edu = await t.make.department({ jurisdiction: city, name: '教育局' })
const school = await t.make.unit({ department: edu, name: '一中' })
const finance = await t.make.user({ role: 'finance_admin', org: city })
const round = await t.db.insertInto('selfEvalRound').values({ jurisdictionCode: city.code, fiscalYear: 2025, name: '2025年度单位绩效自评', deadline: t.clock.now(), status: 'open', createdAt: t.clock.now(), updatedAt: t.clock.now() }).returningAll().executeTakeFirstOrThrow()
const grades = ['优', '良', '中', '差', '良', '中'] as const
for (const [i, grade] of grades.entries()) {
  const p = await t.make.project({ unit: school, status: 'closed', code: `DEMO-2025-0${i + 1}`, amountGeneral: '1000000.00', fiscalYear: 2025 })
  await t.db.insertInto('selfEvalForm').values({ roundId: round.id, kind: 'project', projectId: p.id, jurisdictionCode: city.code, departmentCode: edu.code, unitCode: school.code, fiscalYear: 2025, status: 'accepted', total: '80.00', grade, acceptedAt: t.clock.now(), createdAt: t.clock.now(), updatedAt: t.clock.now() }).execute()
}

describe('the demo budget decisions', () => {
  test('proposals for the 2025 evaluated projects, some decided (one differing with its reason), each decided one requested for 2026 and showing it; a rerun adds nothing', async () => {
    const options = { jurisdictionCode: city.code, evaluatedYear: 2025, financeUser: finance.username }
    expect(await seedDemoBudgetDecisions(t.db, ctx(), options)).toEqual({ budgetDecisions: 6, budgetDecisionsDecided: 4 })
    const rows = await t.db.selectFrom('budgetDecision').selectAll().where('jurisdictionCode', '=', city.code).execute()
    expect(rows.every((r) => r.fiscalYear === 2026)).toBe(true)
    const decided = rows.filter((r) => r.decidedAt)
    expect(decided).toHaveLength(4)
    const differing = decided.filter((r) => r.decidedAmount !== r.proposedAmount)
    expect(differing).toMatchObject([{ grade: '中', proposedAmount: '900000.00', decidedAmount: '950000.00', reason: expect.stringContaining('酌情') }])
    const requests = await t.db.selectFrom('project').selectAll().where('jurisdictionCode', '=', city.code).where('fiscalYear', '=', 2026).execute()
    expect(requests.map((p) => p.code).sort()).toEqual(decided.map((d) => d.projectCode).sort())
    const unit = await t.as(await t.make.user({ role: 'unit_user', org: school }))
    const shown = (await unit.get(`/api/budget-decisions/for-project/${requests.find((p) => p.code === differing[0]!.projectCode)!.id}`)).json()
    expect(shown).toMatchObject({ decision: { grade: '中', evaluatedYear: 2025, decidedAmount: '950000.00' } })
    expect(await seedDemoBudgetDecisions(t.db, ctx(), options)).toEqual({ budgetDecisions: 0 })
  })
})
