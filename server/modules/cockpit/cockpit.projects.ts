import { sql } from 'kysely'
import { budgetProjectStatuses } from '../../../domain/cockpit.ts'
import { addMoney } from '../../../domain/money.ts'
import { executionRate } from '../../../domain/monitoring-dashboard.ts'
import type { Db } from '../../db/database.ts'
import type { ActorCtx } from '../../http/context.ts'
import { departmentFor } from './cockpit.scope.ts'

const LIMIT = 2000

/**
 * The last step of the drill-down: a department's budget projects of the year, each with where it stands in the
 * lifecycle — its goal, its latest monitoring form and light, its self-evaluation and grade, its rectification items
 * and payments. Read live (one department is small); each row links to the project's own pages.
 */
export async function departmentProjects(db: Db, ctx: ActorCtx, code: string, fiscalYear: number) {
  const department = await departmentFor(db, ctx, code)
  const rows = await db
    .selectFrom('project')
    .innerJoin('orgNode as unitNode', 'unitNode.code', 'project.unitCode')
    .where('project.departmentCode', '=', department.code)
    .where('project.fiscalYear', '=', fiscalYear)
    .where('project.status', 'in', budgetProjectStatuses)
    .select((eb) => [
      'project.id',
      'project.code',
      'project.name',
      'project.status',
      'project.amountTotal',
      'unitNode.name as unitName',
      eb.selectFrom('goal').select('goal.status').whereRef('goal.projectId', '=', 'project.id').whereRef('goal.fiscalYear', '=', 'project.fiscalYear').where('goal.status', '<>', 'superseded').orderBy('goal.revision', 'desc').limit(1).as('goalStatus'),
      eb.selectFrom('monitoringForm').innerJoin('monitoringRound', 'monitoringRound.id', 'monitoringForm.roundId').select('monitoringForm.status').whereRef('monitoringForm.projectId', '=', 'project.id').orderBy('monitoringRound.cutoffMonth', 'desc').orderBy('monitoringRound.createdAt', 'desc').limit(1).as('monitoringStatus'),
      eb.selectFrom('monitoringForm').innerJoin('monitoringRound', 'monitoringRound.id', 'monitoringForm.roundId').select('monitoringForm.projectLight').whereRef('monitoringForm.projectId', '=', 'project.id').orderBy('monitoringRound.cutoffMonth', 'desc').orderBy('monitoringRound.createdAt', 'desc').limit(1).as('light'),
      eb.selectFrom('selfEvalForm').select('selfEvalForm.status').whereRef('selfEvalForm.projectId', '=', 'project.id').orderBy('selfEvalForm.createdAt', 'desc').limit(1).as('selfEvalStatus'),
      eb.selectFrom('selfEvalForm').select('selfEvalForm.grade').whereRef('selfEvalForm.projectId', '=', 'project.id').orderBy('selfEvalForm.createdAt', 'desc').limit(1).as('grade'),
      eb.selectFrom('rectification').select(sql<number>`count(*)::int`.as('n')).whereRef('rectification.projectId', '=', 'project.id').as('rectificationRaised'),
      eb.selectFrom('rectification').select(sql<number>`count(*)::int`.as('n')).whereRef('rectification.projectId', '=', 'project.id').where('rectification.status', '=', 'closed').as('rectificationClosed'),
      eb.selectFrom('budgetAdjustment').select(sql<string>`coalesce(sum(amount), 0)::numeric(18,2)::text`.as('a')).whereRef('budgetAdjustment.projectId', '=', 'project.id').whereRef('budgetAdjustment.fiscalYear', '=', 'project.fiscalYear').as('adjustments'),
      eb.selectFrom('executionPayment').select(sql<string>`coalesce(sum(amount), 0)::numeric(18,2)::text`.as('x')).whereRef('executionPayment.projectId', '=', 'project.id').whereRef('executionPayment.fiscalYear', '=', 'project.fiscalYear').as('executed'),
    ])
    .orderBy('project.code')
    .limit(LIMIT)
    .execute()
  return {
    department: { code: department.code, name: department.name, jurisdictionCode: department.jurisdictionCode },
    fiscalYear,
    items: rows.map(({ adjustments, ...r }) => {
      const budget = addMoney(r.amountTotal, adjustments ?? '0.00')
      const executed = r.executed ?? '0.00'
      return { ...r, rectificationRaised: Number(r.rectificationRaised ?? 0), rectificationClosed: Number(r.rectificationClosed ?? 0), budgetAdjusted: budget, executed, executionRate: executionRate(executed, budget) }
    }),
  }
}
