import { sql } from 'kysely'
import { chinaDay } from '../../../domain/corrective-actions.ts'
import { rectificationEscalation } from '../../../domain/results.ts'
import type { Db } from '../../db/database.ts'
import type { ActorCtx } from '../../http/context.ts'
import { rectificationVisibleTo, waitingOn } from './rectifications.repository.ts'
import { rulesCache } from './rectifications.service.ts'

/** Rectification to-dos for the home page, each the moves the item pages would offer the actor (rule 43). */
function waiting(db: Db, ctx: ActorCtx) {
  return db.selectFrom('rectification').where(rectificationVisibleTo(ctx.actor)).select(sql<number>`count(*)::int`.as('count'))
}
const counted = async (query: ReturnType<typeof waiting>) => Number((await query.executeTakeFirstOrThrow()).count)

/** 整改待答复, 待核实, 待销号: the list's `todo` filters, counted. */
export const rectificationsToAnswer = (db: Db, ctx: ActorCtx) => counted(waiting(db, ctx).where(waitingOn(ctx.actor, 'answer')))
export const rectificationsToVerify = (db: Db, ctx: ActorCtx) => counted(waiting(db, ctx).where(waitingOn(ctx.actor, 'verify')))
export const rectificationsToClose = (db: Db, ctx: ActorCtx) => counted(waiting(db, ctx).where(waitingOn(ctx.actor, 'close')))

/**
 * 逾期: overdue items at the actor's level of escalation (`rectificationEscalation` with each item's rule set) — a
 * unit its own, a department every overdue item of its units, a bureau those escalated to finance in its jurisdiction.
 * Counted per (jurisdiction, year, due date), so the rule is applied once per group, not per item.
 */
export async function rectificationsOverdue(db: Db, ctx: ActorCtx) {
  const { actor } = ctx
  const today = chinaDay(ctx.now)
  let query = db
    .selectFrom('rectification')
    .where(rectificationVisibleTo(actor))
    .where('rectification.status', '<>', 'closed')
    .where('rectification.dueOn', '<', today)
    .select(['rectification.jurisdictionCode', 'rectification.fiscalYear', 'rectification.dueOn', sql<number>`count(*)::int`.as('count')])
    .groupBy(['rectification.jurisdictionCode', 'rectification.fiscalYear', 'rectification.dueOn'])
  if (actor.org.kind === 'unit') query = query.where('rectification.ownerCode', '=', actor.org.code)
  else if (actor.org.kind === 'department') query = query.where('rectification.departmentCode', '=', actor.org.code)
  else query = query.where('rectification.jurisdictionCode', '=', actor.org.jurisdictionCode)
  const rules = rulesCache(db)
  let total = 0
  for (const group of await query.execute()) {
    const { level } = rectificationEscalation({ status: 'open', dueOn: group.dueOn }, today, await rules(group.jurisdictionCode, group.fiscalYear)).value
    if (actor.org.kind !== 'jurisdiction' || level === 'finance') total += Number(group.count)
  }
  return total
}
