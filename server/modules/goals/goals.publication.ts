import type { Trx } from '../../db/database.ts'
import type { ActorCtx } from '../../http/context.ts'
import { recordAudit } from '../../platform/audit.ts'
import * as repo from './goals.repository.ts'

/**
 * 公开 of a goal is one thing wherever it is started: the disclosure stage (信息公开) makes the frozen public copy and
 * records the decision. It registers here how a goal is published, so goals never imports it; a goal's status
 * 已公开 means exactly that its public copy is live.
 */
export type GoalPublisher = (trx: Trx, ctx: ActorCtx, goalId: string) => Promise<void>

let publisher: GoalPublisher | undefined

export function registerGoalPublisher(publish: GoalPublisher) {
  publisher = publish
}

/** The goal's 公开 move: its public copy through disclosure, inside the move's transaction. */
export async function publishGoalCopy(trx: Trx, ctx: ActorCtx, goalId: string) {
  if (!publisher) throw new Error('No goal publisher is registered: import the disclosure listeners at start-up')
  await publisher(trx, ctx, goalId)
}

/**
 * Disclosure tells the goal when its copy went live from 公开审核 (已批复 → 已公开) or was withdrawn (已公开 → 已批复).
 * A goal adjusted meanwhile (superseded) keeps its status.
 */
export async function markGoalPublication(trx: Trx, ctx: ActorCtx, goalId: string, published: boolean) {
  const goal = await repo.findGoalRow(trx, goalId)
  if (!goal || goal.status !== (published ? 'approved' : 'published')) return
  const set = published ? { status: 'published' as const, publishedAt: ctx.now } : { status: 'approved' as const, publishedAt: null }
  await repo.updateGoalRow(trx, goalId, { ...set, updatedAt: ctx.now })
  await recordAudit(trx, ctx, { action: published ? 'goal.publish' : 'goal.unpublish', entityType: 'goal', entityId: goalId, before: { status: goal.status }, after: { status: set.status } })
}
