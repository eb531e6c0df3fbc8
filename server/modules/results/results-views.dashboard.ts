import { type RawBuilder, sql } from 'kysely'
import { chinaDay } from '../../../domain/corrective-actions.ts'
import type { Db } from '../../db/database.ts'
import type { ActorCtx } from '../../http/context.ts'
import { orgNodeVisibleTo } from '../../platform/scope.ts'
import { decisionVisibleTo } from './budget-decisions.repository.ts'
import { rectificationVisibleTo } from './rectifications.repository.ts'
import { closureRate } from './results-views.department.ts'

const money = (column: string) => sql<string>`coalesce(sum(${sql.ref(column)}), 0)::numeric(18,2)::text`
const decidedMoney = sql<string>`coalesce(sum(budget_decision.decided_amount) filter (where budget_decision.decided_at is not null), 0)::numeric(18,2)::text`
const count = (condition?: RawBuilder<unknown>) => (condition ? sql<number>`(count(*) filter (where ${condition}))::int` : sql<number>`count(*)::int`)
const status = (value: string) => sql`rectification.status = ${value}`

/**
 * 结果应用看板 (issue 13): rectification status and closure per department and (for a bureau) per jurisdiction,
 * overdue items, and the budget decisions' proposed and decided amounts by action and by department — counted and
 * summed in SQL within the actor's scope. `fiscalYear` is the results' year; its decisions are for the year after.
 */
export async function resultsDashboard(db: Db, ctx: ActorCtx, fiscalYear: number | undefined) {
  const { actor } = ctx
  const today = chinaDay(ctx.now)
  let items = db.selectFrom('rectification').where(rectificationVisibleTo(actor))
  if (fiscalYear !== undefined) items = items.where('rectification.fiscalYear', '=', fiscalYear)
  let decisions = db.selectFrom('budgetDecision').leftJoin('project', 'project.id', 'budgetDecision.projectId').where(decisionVisibleTo(actor))
  if (fiscalYear !== undefined) decisions = decisions.where('budgetDecision.fiscalYear', '=', fiscalYear + 1)
  const overdue = sql`rectification.status <> 'closed' and rectification.due_on < ${today}`
  const statusCounts = [
    count().as('total'),
    count(status('open')).as('open'),
    count(status('responded')).as('responded'),
    count(status('verified')).as('verified'),
    count(status('closed')).as('closed'),
    count(overdue).as('overdue'),
  ] as const

  const [byDepartment, byJurisdiction, byAction, decisionsByDepartment] = await Promise.all([
    items
      .innerJoin('orgNode as departmentNode', 'departmentNode.code', 'rectification.departmentCode')
      .select(['rectification.departmentCode', 'departmentNode.name as departmentName', 'rectification.jurisdictionCode', ...statusCounts])
      .groupBy(['rectification.departmentCode', 'departmentNode.name', 'rectification.jurisdictionCode'])
      .orderBy('rectification.jurisdictionCode')
      .orderBy('rectification.departmentCode')
      .execute(),
    // Every jurisdiction in scope, the city first then its districts, with none of its items counted as zero.
    actor.org.kind === 'jurisdiction'
      ? db
          .selectFrom('orgNode')
          .leftJoin('rectification', (join) => {
            const on = join.onRef('rectification.jurisdictionCode', '=', 'orgNode.code')
            return fiscalYear === undefined ? on : on.on('rectification.fiscalYear', '=', fiscalYear)
          })
          .where('orgNode.kind', '=', 'jurisdiction')
          .where(orgNodeVisibleTo(actor))
          .select(['orgNode.code as jurisdictionCode', 'orgNode.name as jurisdictionName', sql<number>`count(rectification.id)::int`.as('total'), ...statusCounts.slice(1)])
          .groupBy(['orgNode.code', 'orgNode.name', 'orgNode.path'])
          .orderBy('orgNode.path')
          .execute()
      : Promise.resolve([]),
    decisions
      .select(['budgetDecision.proposedAction', count().as('count'), sql<number>`count(budget_decision.decided_at)::int`.as('decided'), money('budgetDecision.proposedAmount').as('proposedAmount'), decidedMoney.as('decidedAmount')])
      .groupBy('budgetDecision.proposedAction')
      .execute(),
    decisions
      .innerJoin('orgNode as departmentNode', 'departmentNode.code', 'budgetDecision.departmentCode')
      .select(['budgetDecision.departmentCode', 'departmentNode.name as departmentName', count().as('count'), sql<number>`count(budget_decision.decided_at)::int`.as('decided'), money('budgetDecision.proposedAmount').as('proposedAmount'), decidedMoney.as('decidedAmount')])
      .groupBy(['budgetDecision.departmentCode', 'departmentNode.name'])
      .orderBy('budgetDecision.departmentCode')
      .execute(),
  ])
  const withRate = <T extends { total: number; closed: number }>(row: T) => ({ ...row, closureRate: closureRate(Number(row.closed), Number(row.total)) })
  const actions = ['priority', 'maintain', 'cut', 'cancel'] as const
  const totals = byDepartment.reduce((sum, r) => ({ total: sum.total + Number(r.total), closed: sum.closed + Number(r.closed), overdue: sum.overdue + Number(r.overdue) }), { total: 0, closed: 0, overdue: 0 })
  return {
    fiscalYear: fiscalYear ?? null,
    budgetYear: fiscalYear === undefined ? null : fiscalYear + 1,
    rectifications: { ...withRate(totals), open: totals.total - totals.closed },
    rectificationsByDepartment: byDepartment.map(withRate),
    rectificationsByJurisdiction: byJurisdiction.map(withRate),
    decisionsByAction: actions.map((action) => byAction.find((r) => r.proposedAction === action) ?? { proposedAction: action, count: 0, decided: 0, proposedAmount: '0.00', decidedAmount: '0.00' }),
    decisionsByDepartment,
  }
}
