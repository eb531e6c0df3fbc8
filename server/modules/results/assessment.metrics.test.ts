import { describe, expect, test } from 'vitest'
import { defaultAssessmentTemplate, scoreComputedItem } from '../../../domain/assessment.ts'
import { createTestContext } from '../../test/context.ts'
import { makeForm, makePayment, makeRound } from '../../test/factories.monitoring-forms.ts'
import { openedSelfRound } from '../../test/factories.self-evaluation.ts'
import { assessmentFigures } from './assessment.metrics.ts'

/**
 * 考核's computed items (rule 47) on a crafted data set: every figure is what a hand count of the records gives.
 * 教育局 of 考核区 has four budgeted 2026 projects (one more only in the library, one of 2025), goals, monitoring
 * forms, self-evaluations, spot-checks, rectification items and payments written below; 卫健委 has one project.
 */
const t = await createTestContext()
const district = await t.make.jurisdiction({ name: '考核区' })
const edu = await t.make.department({ jurisdiction: district, name: '教育局' })
const health = await t.make.department({ jurisdiction: district, name: '卫健委' })
const school = await t.make.unit({ department: edu })
const hospital = await t.make.unit({ department: health })
const now = t.clock.now()
const day = 86_400_000

const p = await Promise.all([1, 2, 3, 4].map((i) => t.make.project({ unit: school, status: i === 4 ? 'executing' : 'budgeted', code: `KH${i}`, fiscalYear: 2026, amountGeneral: '1000000.00' })))
await t.make.project({ unit: school, status: 'library', code: 'KH5', fiscalYear: 2026 })
await t.make.project({ unit: school, status: 'budgeted', code: 'KH6', fiscalYear: 2025 })
const other = await t.make.project({ unit: hospital, status: 'budgeted', code: 'KH7', fiscalYear: 2026, amountGeneral: '500000.00' })

// Goals: p1–p3 approved (p1 reviewed 优, p2 良, p3 中), p4 only a draft; p1 and p2 first submitted in 2025.
const g1 = await t.make.goal({ project: p[0]!, status: 'approved', financeGrade: '优' })
const g2 = await t.make.goal({ project: p[1]!, status: 'approved', financeGrade: '良' })
const g3 = await t.make.goal({ project: p[2]!, status: 'approved', financeGrade: '中' })
await t.make.goal({ project: p[3]!, status: 'draft' })
await t.make.goal({ project: other, status: 'approved', financeGrade: '差' })
for (const [goal, at] of [[g1, '2025-11-20T10:00:00+08:00'], [g2, '2025-12-31T23:00:00+08:00'], [g3, '2026-01-01T09:00:00+08:00']] as const) {
  await t.db.updateTable('goal').set({ submittedAt: new Date(at) }).where('id', '=', goal.id).execute()
}

// Monitoring: a round past its deadline — p1 on time, p2 late, p3 never, p4 late but within its extension; a round still open does not count.
const closed = await makeRound(t, { jurisdiction: district, fiscalYear: 2026, deadline: new Date(now.getTime() - 10 * day) })
const forms = await Promise.all(p.map((project) => makeForm(t, { round: closed, project, unit: school })))
const submitted = [now.getTime() - 12 * day, now.getTime() - 5 * day, null, now.getTime() - 5 * day]
for (const [i, at] of submitted.entries()) await t.db.updateTable('monitoringForm').set({ submittedAt: at === null ? null : new Date(at), status: at === null ? 'draft' : 'submitted' }).where('id', '=', forms[i]!.id).execute()
await t.db.updateTable('monitoringForm').set({ extensionUntil: new Date(now.getTime() - 2 * day) }).where('id', '=', forms[3]!.id).execute()
const open = await makeRound(t, { jurisdiction: district, fiscalYear: 2026, cutoffMonth: 9, deadline: new Date(now.getTime() + 10 * day) })
await makeForm(t, { round: open, project: p[0]!, unit: school })

// Payments: 2,400,000 of the 4,000,000 (plus an adjustment of +1,000,000 on p4: budget 5,000,000).
for (const [i, amount] of ['900000.00', '700000.00', '500000.00', '300000.00'].entries()) await makePayment(t, { project: p[i]!, month: 3 + i, amount })
await t.db.insertInto('budgetAdjustment').values({ projectId: p[3]!.id, fiscalYear: 2026, amount: '1000000.00', reason: '追加', adjustedOn: '2026-05-01', actionId: null, createdBy: null, createdAt: now }).execute()

// Rectification items: two of 教育局 closed of three.
for (const status of ['closed', 'closed', 'open'] as const) {
  await t.db.insertInto('rectification').values({ jurisdictionCode: district.code, fiscalYear: 2026, sourceType: 'manual', origin: 'audit', projectId: p[0]!.id, ownerCode: school.code, departmentCode: edu.code, problem: '审计发现', dueOn: '2026-12-31', status, createdAt: now, updatedAt: now }).execute()
}

// Self-evaluation: the round creates a 自评表 per budgeted project with a goal in force (p1–p3 here, and 卫健委's);
// p1 and p2 submitted. Spot-checks: both re-scored, p2's gap flagged.
await openedSelfRound(t, { jurisdiction: district, fiscalYear: 2026 })
const selfForms = await t.db.selectFrom('selfEvalForm').select(['id', 'projectId']).where('fiscalYear', '=', 2026).where('departmentCode', '=', edu.code).where('kind', '=', 'project').execute()
const formOf = (i: number) => selfForms.find((f) => f.projectId === p[i]!.id)!.id
await t.db.updateTable('selfEvalForm').set({ status: 'submitted' }).where('id', 'in', [formOf(0), formOf(1)]).execute()
const sample = await t.db.insertInto('spotCheck').values({ jurisdictionCode: district.code, fiscalYear: 2026, name: '抽查', seed: 's', randomCount: 0, poolSize: 2, poolIds: [formOf(0), formOf(1)] }).returning('id').executeTakeFirstOrThrow()
for (const [i, flagged] of [[0, false], [1, true]] as const) {
  await t.db.insertInto('spotCheckItem').values({ spotCheckId: sample.id, formId: formOf(i), pick: 'manual', position: i, jurisdictionCode: district.code, departmentCode: edu.code, unitCode: school.code, projectId: p[i]!.id, unitSnapshot: '{}', status: 'reviewed', flagged }).execute()
}

const figures = await assessmentFigures(t.db, { kind: 'department', code: edu.code }, 2026, now)
const item = (code: string) => defaultAssessmentTemplate.find((i) => i.code === code)!

describe('考核: each computed figure is a hand count of the stage records', () => {
  test('goals: 3 of 4 budgeted projects covered; 2 first submitted before the year; reviewed 优/良 2 of 3', () => {
    expect(figures.goal_coverage).toMatchObject({ numerator: 3, denominator: 4 })
    expect(figures.goal_timeliness).toMatchObject({ numerator: 2, denominator: 4 })
    expect(figures.goal_review_quality).toMatchObject({ numerator: 2, denominator: 3 })
    expect(scoreComputedItem(item('A1'), figures.goal_coverage).formula).toBe('3 / 4 = 75.00%；15.00 × 75.00 ÷ 100.00 = 11.25')
  })

  test('self-evaluation: budgeted projects with a submitted 自评表, 2 of 4; spot-checks without a flagged gap, 1 of 2', () => {
    expect(figures.self_evaluation_coverage).toMatchObject({ numerator: 2, denominator: 4 })
    expect(figures.spot_check_consistency).toMatchObject({ numerator: 1, denominator: 2 })
  })

  test('monitoring: forms of rounds past their deadline, on time by the deadline or the form’s extension — 2 of 4', () => {
    expect(figures.monitoring_on_time).toMatchObject({ numerator: 2, denominator: 4 })
  })

  test('execution: payments over the adjusted budget; rectification closed 2 of 3; disclosure not yet in the system', () => {
    expect(figures.execution_rate).toMatchObject({ numeratorAmount: '2400000.00', denominatorAmount: '5000000.00' })
    expect(scoreComputedItem(item('D2'), figures.execution_rate).value).toBe('0.00')
    expect(figures.rectification_closure).toMatchObject({ numerator: 2, denominator: 3 })
    expect(figures.disclosure_rate.available).toBe(false)
  })

  test('a district finance bureau is assessed over its whole jurisdiction', async () => {
    const bureau = await assessmentFigures(t.db, { kind: 'jurisdiction', code: district.code }, 2026, now)
    expect(bureau.goal_coverage).toMatchObject({ numerator: 4, denominator: 5 })
    expect(bureau.goal_review_quality).toMatchObject({ numerator: 2, denominator: 4 })
    const healthOnly = await assessmentFigures(t.db, { kind: 'department', code: health.code }, 2026, now)
    expect(healthOnly.goal_coverage).toMatchObject({ numerator: 1, denominator: 1 })
    expect(healthOnly.monitoring_on_time).toMatchObject({ numerator: 0, denominator: 0 })
  })
})
