import { type Expression, type SqlBool, sql } from 'kysely'
import type { AssessmentMetric, MetricFigure } from '../../../domain/assessment.ts'
import { selfEvalSubmittedStatuses } from '../../../domain/evaluation.ts'
import { addMoney } from '../../../domain/money.ts'
import type { Db, Trx } from '../../db/database.ts'
import { projectTotals } from '../execution/execution.funds.ts'

/** Who is assessed (rule 47): a department (its own projects, goals and forms) or a district finance bureau (its whole jurisdiction). */
export type AssessedOrg = { kind: 'department' | 'jurisdiction'; code: string }

/** A metric's counts, or `available: false` where the system holds no such data yet (the item is then scored on evidence). */
export interface CountedFigure extends MetricFigure {
  available: boolean
  note?: string
}

/** Projects that have a budget in the year: what goals, self-evaluations and execution are counted over. */
const budgetedStatuses = ['budgeted', 'executing', 'closed'] as const

/** The start of a fiscal year in China Standard Time: a goal first submitted before it was compiled with the budget. */
const yearStart = (fiscalYear: number) => new Date(Date.UTC(fiscalYear, 0, 1, -8))

function scopeOf(org: AssessedOrg, table: string): Expression<SqlBool> {
  const column = org.kind === 'department' ? 'department_code' : 'jurisdiction_code'
  return sql<SqlBool>`${sql.ref(`${table}.${column}`)} = ${org.code}`
}

const counted = (numerator: number | string | bigint, denominator: number | string | bigint): CountedFigure => ({ available: true, numerator: Number(numerator), denominator: Number(denominator) })

/**
 * Every figure the default 考核 template counts, for one assessed org and year, each from the records the other stages
 * wrote — so a hand count over the same records gives the same numbers. `now` decides which monitoring deadlines have
 * passed.
 */
export async function assessmentFigures(db: Db | Trx, org: AssessedOrg, fiscalYear: number, now: Date): Promise<Record<AssessmentMetric, CountedFigure>> {
  const projects = await db
    .selectFrom('project')
    .select(['id'])
    .where('fiscalYear', '=', fiscalYear)
    .where('status', 'in', [...budgetedStatuses])
    .where(scopeOf(org, 'project'))
    .execute()
  const projectIds = projects.map((p) => p.id)
  const none = projectIds.length === 0

  // Goals: a project counts as covered when a goal of it was approved (any revision); on time when first submitted before the year began.
  const goals = none
    ? []
    : await db
        .selectFrom('goal')
        .select(['projectId', sql<Date | null>`min(submitted_at)`.as('firstSubmitted'), sql<number>`count(*) filter (where status in ('approved', 'published', 'superseded'))`.as('approved')])
        .where('projectId', 'in', projectIds)
        .where('fiscalYear', '=', fiscalYear)
        .groupBy('projectId')
        .execute()
  const covered = goals.filter((g) => Number(g.approved) > 0).length
  const onTime = goals.filter((g) => g.firstSubmitted !== null && new Date(g.firstSubmitted) < yearStart(fiscalYear)).length

  const reviewed = await db
    .selectFrom('goal')
    .select([sql<number>`count(*) filter (where finance_grade in ('优', '良'))`.as('good'), sql<number>`count(*)`.as('all')])
    .where('fiscalYear', '=', fiscalYear)
    .where('financeGrade', 'is not', null)
    .where(scopeOf(org, 'goal'))
    .executeTakeFirstOrThrow()

  // Monitoring: forms of rounds whose deadline (or the form's extension) has passed, reported by it.
  const monitoring = await db
    .selectFrom('monitoringForm')
    .innerJoin('monitoringRound', 'monitoringRound.id', 'monitoringForm.roundId')
    .select([
      sql<number>`count(*) filter (where monitoring_form.submitted_at is not null and monitoring_form.submitted_at <= greatest(monitoring_round.deadline, coalesce(monitoring_form.extension_until, monitoring_round.deadline)))`.as('onTime'),
      sql<number>`count(*)`.as('all'),
    ])
    .where('monitoringForm.fiscalYear', '=', fiscalYear)
    .where(sql<SqlBool>`greatest(monitoring_round.deadline, coalesce(monitoring_form.extension_until, monitoring_round.deadline)) < ${now}`)
    .where(scopeOf(org, 'monitoring_form'))
    .executeTakeFirstOrThrow()

  // Self-evaluation (rule 38): budgeted projects with a submitted 自评表.
  const selfSubmitted = none
    ? 0
    : (
        await db
          .selectFrom('selfEvalForm')
          .select(sql<number>`count(distinct project_id)`.as('n'))
          .where('projectId', 'in', projectIds)
          .where('fiscalYear', '=', fiscalYear)
          .where('status', 'in', [...selfEvalSubmittedStatuses])
          .executeTakeFirstOrThrow()
      ).n

  const spotChecks = await db
    .selectFrom('spotCheckItem')
    .innerJoin('selfEvalForm', 'selfEvalForm.id', 'spotCheckItem.formId')
    .select([sql<number>`count(*) filter (where not spot_check_item.flagged)`.as('consistent'), sql<number>`count(*)`.as('all')])
    .where('spotCheckItem.status', '=', 'reviewed')
    .where('selfEvalForm.fiscalYear', '=', fiscalYear)
    .where(scopeOf(org, 'self_eval_form'))
    .executeTakeFirstOrThrow()

  const rectifications = await db
    .selectFrom('rectification')
    .select([sql<number>`count(*) filter (where status = 'closed')`.as('closed'), sql<number>`count(*)`.as('all')])
    .where('fiscalYear', '=', fiscalYear)
    .where(scopeOf(org, 'rectification'))
    .executeTakeFirstOrThrow()

  const funds = await projectTotals(db, { projectIds, fiscalYear, month: 12 })
  let budget = '0.00'
  let executed = '0.00'
  for (const f of funds.values()) {
    budget = addMoney(budget, f.budgetAdjusted)
    executed = addMoney(executed, f.executed)
  }

  return {
    goal_coverage: counted(covered, projectIds.length),
    goal_timeliness: counted(onTime, projectIds.length),
    goal_review_quality: counted(reviewed.good, reviewed.all),
    monitoring_on_time: counted(monitoring.onTime, monitoring.all),
    self_evaluation_coverage: counted(selfSubmitted, projectIds.length),
    spot_check_consistency: counted(spotChecks.consistent, spotChecks.all),
    rectification_closure: counted(rectifications.closed, rectifications.all),
    execution_rate: { available: true, numerator: 0, denominator: 0, numeratorAmount: executed, denominatorAmount: budget },
    // Disclosure decisions arrive with the public portal (issue 14): until then the item is scored on evidence.
    disclosure_rate: { available: false, numerator: 0, denominator: 0, note: '信息公开记录尚未纳入系统，按佐证材料评分' },
  }
}
