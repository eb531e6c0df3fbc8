import { type GoalStatus, goalStatuses } from '../../../domain/goals.ts'
import type { Db } from '../../db/database.ts'
import type { ActorCtx } from '../../http/context.ts'
import { goalVisibleTo } from '../../platform/scope.ts'
import { listGoals } from './goals.service.ts'

/** How many of the actor's goals are in each status (superseded versions left out: they are history). */
export async function goalCountsByStatus(db: Db, ctx: ActorCtx): Promise<{ status: GoalStatus; count: number }[]> {
  const rows = await db
    .selectFrom('goal')
    .where(goalVisibleTo(ctx.actor))
    .where('goal.status', '!=', 'superseded')
    .groupBy('goal.status')
    .select(['goal.status', (eb) => eb.fn.countAll<number>().as('count')])
    .execute()
  return goalStatuses.filter((s) => s !== 'superseded').map((status) => ({ status, count: Number(rows.find((r) => r.status === status)?.count ?? 0) }))
}

/** The goals waiting for this actor's move (the 待办 list's own rule) — how many, and the first few, newest first. */
export async function goalsWaitingFor(db: Db, ctx: ActorCtx, limit: number) {
  return listGoals(db, ctx, { todo: true, sort: 'updatedAt', order: 'desc', page: 1, pageSize: limit })
}

/** The actor's goals changed last, newest first. */
export async function recentGoals(db: Db, ctx: ActorCtx, limit: number) {
  return (await listGoals(db, ctx, { todo: false, sort: 'updatedAt', order: 'desc', page: 1, pageSize: limit })).items
}
