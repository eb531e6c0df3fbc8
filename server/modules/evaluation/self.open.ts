import { sql } from 'kysely'
import { cutoffInstant } from '../../../domain/key-monitoring.ts'
import { executionRate } from '../../../domain/monitoring-dashboard.ts'
import type { RuleSet } from '../../../domain/rule-set.ts'
import { defaultWeights, scoreSelfEvaluation } from '../../../domain/self-evaluation.ts'
import { type Db, inTransaction, type Trx } from '../../db/database.ts'
import { projectFunds } from '../execution/execution.funds.ts'
import { effectiveRules } from '../rule-sets/rule-sets.service.ts'

/** Forms created per transaction: a killed process loses at most one chunk, which simply runs again. */
export const SELF_OPEN_CHUNK = 300

export type Progress = (done: number, total?: number, message?: string) => Promise<void>

/** The project statuses that get a 自评表: budgeted, executed during the year, or closed after it (100 % coverage). */
export const selfEvaluatedProjectStatuses = ['budgeted', 'executing', 'closed'] as const

export interface OpenSelfRoundResult {
  roundId: string
  formCount: number
  projectForms: number
  departmentForms: number
}

/**
 * The instant the goal version is read at: the end of the fiscal year (China Standard Time), or the round's creation
 * if that came first. Fixed by the round row, so a resumed opening reads the same versions.
 */
export function yearEndInstant(round: { fiscalYear: number; createdAt: Date }): Date {
  const end = cutoffInstant(round.fiscalYear, 12)
  return round.createdAt < end ? round.createdAt : end
}

/** The projects a round covers: its own jurisdiction's budgeted / executing / closed projects of the year. */
export function projectsOfRound(db: Db | Trx, round: { jurisdictionCode: string; fiscalYear: number }) {
  return db
    .selectFrom('project')
    .where('project.jurisdictionCode', '=', round.jurisdictionCode)
    .where('project.fiscalYear', '=', round.fiscalYear)
    .where('project.status', 'in', [...selfEvaluatedProjectStatuses])
}

type GoalIndicatorRow = { goalId: string; id: string; sortOrder: number; level1: string; level2: string; name: string; nature: string; target: string; unit: string; weight: string | null }

function goalsInForce(trx: Trx | Db, at: Date) {
  return trx
    .selectFrom('goal')
    .where('inForceFrom', '<=', at)
    .where((eb) => eb.or([eb('inForceTo', 'is', null), eb('inForceTo', '>', at)]))
}

async function indicatorsOf(trx: Trx, goalIds: string[]) {
  const byGoal = new Map<string, GoalIndicatorRow[]>()
  if (goalIds.length === 0) return byGoal
  const rows = await trx
    .selectFrom('goalIndicator')
    .select(['goalId', 'id', 'sortOrder', 'level1', 'level2', 'name', 'nature', 'target', 'unit', 'weight'])
    .where('goalId', 'in', goalIds)
    .orderBy('goalId')
    .orderBy('sortOrder')
    .execute()
  for (const row of rows) byGoal.set(row.goalId, [...(byGoal.get(row.goalId) ?? []), row])
  return byGoal
}

/** The pre-filled indicator rows and execution figures of one new form, scored by the domain function. */
function prefill(rules: RuleSet, goalIndicators: GoalIndicatorRow[], funds: { budget: string; executed: string }) {
  const { executionWeight, weights } = defaultWeights(goalIndicators, rules)
  const indicators = goalIndicators.map((gi, i) => ({
    goalIndicatorId: gi.id,
    sortOrder: gi.sortOrder,
    level1: gi.level1,
    level2: gi.level2,
    name: gi.name,
    nature: gi.nature as never,
    target: gi.target,
    unit: gi.unit,
    weight: weights[i]!,
  }))
  const scored = scoreSelfEvaluation(
    { budget: funds.budget, executed: funds.executed, executionWeight, executionReason: null, indicators: indicators.map((ind) => ({ ...ind, actual: null, applicable: true, score: null, overrideReason: null, deviationReason: null })) },
    rules,
  )
  return {
    executionWeight,
    executionScore: scored.execution.value.score,
    explanations: JSON.stringify({ execution: scored.execution, total: scored.total, grade: scored.grade, problems: scored.problems, warnings: scored.warnings }),
    indicators,
  }
}

/**
 * Creates a round's 自评表. Resumable and idempotent: each chunk of projects without a form gets its forms and
 * indicators in one transaction; the round turns from 'opening' to 'open' only in the last step. Forms read the goal
 * version in force at year-end, the year's money (payments to December) and the last monitoring round's figures.
 */
export async function openSelfRoundWork(db: Db | Trx, roundId: string, progress: Progress = async () => {}, options: { chunk?: number } = {}): Promise<OpenSelfRoundResult> {
  const chunk = options.chunk ?? SELF_OPEN_CHUNK
  const round = await db.selectFrom('selfEvalRound').selectAll().where('id', '=', roundId).executeTakeFirstOrThrow()
  if (round.status !== 'opening') return { roundId, formCount: round.formCount, projectForms: 0, departmentForms: 0 }
  const rules = (await effectiveRules(db, round.jurisdictionCode, round.fiscalYear)).rules
  const at = yearEndInstant(round)
  const total = Number((await projectsOfRound(db, round).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)
  let projectForms = Number((await db.selectFrom('selfEvalForm').select((eb) => eb.fn.countAll<number>().as('n')).where('roundId', '=', round.id).where('kind', '=', 'project').executeTakeFirstOrThrow()).n)
  let after: string | null = null
  for (;;) {
    const projects = await projectsOfRound(db, round)
      .$if(after !== null, (q) => q.where('project.id', '>', after!))
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('selfEvalForm as f').select('f.id').where('f.roundId', '=', round.id).whereRef('f.projectId', '=', 'project.id'))))
      .select(['project.id', 'project.departmentCode', 'project.unitCode'])
      .orderBy('project.id')
      .limit(chunk)
      .execute()
    if (projects.length === 0) break
    const ids = projects.map((p) => p.id)
    after = ids.at(-1)!
    await inTransaction(db, async (trx) => {
      const funds = await projectFunds(trx, { projectIds: ids, fiscalYear: round.fiscalYear, month: 12 })
      const goals = await goalsInForce(trx, at).select(['id', 'projectId', 'overallTarget', 'annualTarget']).where('kind', '=', 'project').where('projectId', 'in', ids).orderBy('revision', 'asc').execute()
      const goalOf = new Map(goals.map((g) => [g.projectId!, g]))
      const indicators = await indicatorsOf(trx, goals.map((g) => g.id))
      const monitoring = await trx
        .selectFrom('monitoringForm')
        .innerJoin('monitoringRound', 'monitoringRound.id', 'monitoringForm.roundId')
        .select(['monitoringForm.projectId', 'monitoringRound.name', 'monitoringForm.cutoffMonth', 'monitoringForm.executionRate', 'monitoringForm.projectLight', 'monitoringForm.overallProgress'])
        .where('monitoringForm.projectId', 'in', ids)
        .where('monitoringForm.fiscalYear', '=', round.fiscalYear)
        .where('monitoringRound.status', '!=', 'opening')
        .orderBy('monitoringForm.cutoffMonth', 'asc')
        .orderBy('monitoringRound.createdAt', 'asc')
        .execute()
      const lastOf = new Map(monitoring.map((m) => [m.projectId!, m]))
      const pending: { projectId: string; rows: ReturnType<typeof prefill>['indicators'] }[] = []
      const rows = projects.map((p) => {
        const f = funds.get(p.id)!
        const goal = goalOf.get(p.id)
        const filled = prefill(rules, goal ? (indicators.get(goal.id) ?? []) : [], { budget: f.budgetAdjusted, executed: f.executed })
        pending.push({ projectId: p.id, rows: filled.indicators })
        const last = lastOf.get(p.id)
        return {
          roundId: round.id,
          kind: 'project' as const,
          projectId: p.id,
          goalId: goal?.id ?? null,
          jurisdictionCode: round.jurisdictionCode,
          departmentCode: p.departmentCode,
          unitCode: p.unitCode,
          fiscalYear: round.fiscalYear,
          budgetInitial: f.budgetInitial,
          budget: f.budgetAdjusted,
          executed: f.executed,
          executionWeight: filled.executionWeight,
          executionRate: executionRate(f.executed, f.budgetAdjusted),
          executionScore: filled.executionScore,
          overallTarget: goal ? goal.annualTarget || goal.overallTarget : '',
          explanations: filled.explanations,
          monitoringSummary: last ? JSON.stringify({ roundName: last.name, cutoffMonth: last.cutoffMonth, executionRate: last.executionRate, light: last.projectLight, overallProgress: last.overallProgress || null }) : null,
          createdAt: round.createdAt,
          updatedAt: round.createdAt,
        }
      })
      const created = await trx.insertInto('selfEvalForm').values(rows).onConflict((oc) => oc.doNothing()).returning(['id', 'projectId']).execute()
      const formOf = new Map(created.map((c) => [c.projectId!, c.id]))
      const indicatorRows = pending.flatMap((p) => (formOf.has(p.projectId) ? p.rows.map((r) => ({ ...r, formId: formOf.get(p.projectId)! })) : []))
      for (let i = 0; i < indicatorRows.length; i += 1000) await trx.insertInto('selfEvalIndicator').values(indicatorRows.slice(i, i + 1000)).execute()
    })
    projectForms += projects.length
    await progress(projectForms, total + 1, `已生成 ${projectForms} / ${total} 张项目自评表`)
  }

  const departmentForms = await createDepartmentForms(db, round, at, rules)
  const result = await inTransaction(db, async (trx) => {
    const counts = await trx.selectFrom('selfEvalForm').select((eb) => eb.fn.countAll<number>().as('forms')).where('roundId', '=', round.id).executeTakeFirstOrThrow()
    await trx.updateTable('selfEvalRound').set({ status: 'open', formCount: Number(counts.forms), updatedAt: sql`now()` }).where('id', '=', round.id).where('status', '=', 'opening').execute()
    return { roundId: round.id, formCount: Number(counts.forms), projectForms, departmentForms }
  })
  await progress(total + 1, total + 1, `自评批次已生成：${result.formCount} 张自评表`)
  return result
}

/** 部门整体自评: one form per department overall goal in force at year-end; its money the department's projects' sum. */
async function createDepartmentForms(db: Db | Trx, round: { id: string; jurisdictionCode: string; fiscalYear: number; createdAt: Date }, at: Date, rules: RuleSet) {
  return inTransaction(db, async (trx) => {
    const goals = await goalsInForce(trx, at)
      .select(['id', 'departmentCode', 'overallTarget', 'annualTarget'])
      .where('kind', '=', 'department')
      .where('jurisdictionCode', '=', round.jurisdictionCode)
      .where('fiscalYear', '=', round.fiscalYear)
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('selfEvalForm as f').select('f.id').where('f.roundId', '=', round.id).where('f.kind', '=', 'department').whereRef('f.departmentCode', '=', 'goal.departmentCode'))))
      .orderBy('revision', 'desc')
      .execute()
    const oneEach = [...new Map(goals.map((g) => [g.departmentCode, g])).values()]
    if (oneEach.length === 0) return 0
    const sums = await trx
      .selectFrom('selfEvalForm')
      .select(['departmentCode', sql<string>`sum(budget_initial)::text`.as('initial'), sql<string>`sum(budget)::text`.as('budget'), sql<string>`sum(executed)::text`.as('executed')])
      .where('roundId', '=', round.id)
      .where('kind', '=', 'project')
      .groupBy('departmentCode')
      .execute()
    const sumOf = new Map(sums.map((s) => [s.departmentCode, s]))
    const indicators = await indicatorsOf(trx, oneEach.map((g) => g.id))
    let made = 0
    for (const g of oneEach) {
      const s = sumOf.get(g.departmentCode)
      const budget = s?.budget ?? '0.00'
      const executed = s?.executed ?? '0.00'
      const filled = prefill(rules, indicators.get(g.id) ?? [], { budget, executed })
      const created = await trx
        .insertInto('selfEvalForm')
        .values({
          roundId: round.id,
          kind: 'department',
          projectId: null,
          goalId: g.id,
          jurisdictionCode: round.jurisdictionCode,
          departmentCode: g.departmentCode,
          unitCode: null,
          fiscalYear: round.fiscalYear,
          budgetInitial: s?.initial ?? '0.00',
          budget,
          executed,
          executionWeight: filled.executionWeight,
          executionRate: executionRate(executed, budget),
          executionScore: filled.executionScore,
          overallTarget: g.annualTarget || g.overallTarget,
          explanations: filled.explanations,
          createdAt: round.createdAt,
          updatedAt: round.createdAt,
        })
        .onConflict((oc) => oc.doNothing())
        .returning('id')
        .executeTakeFirst()
      if (!created) continue
      made++
      if (filled.indicators.length) await trx.insertInto('selfEvalIndicator').values(filled.indicators.map((r) => ({ ...r, formId: created.id }))).execute()
    }
    return made
  })
}
