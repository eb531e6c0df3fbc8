import { sql } from 'kysely'
import type { Grade } from '../../../domain/rule-set.ts'
import type { ReviewDimension } from '../../../domain/goals.ts'
import type { Db, Trx } from '../../db/database.ts'
import type { ActorCtx } from '../../http/context.ts'
import { AppError } from '../../http/errors.ts'
import { recordAudit } from '../../platform/audit.ts'
import { assertOwnJurisdiction } from '../../platform/supervision.ts'
import { lockGoal, readGoal } from './goals.service.ts'

/**
 * Optional expert review: while a goal waits for the finance 复审, the bureau assigns experts from its
 * jurisdiction's expert pool; each scores and comments once per round, and finance reads them side by side.
 */
export async function assignExperts(db: Db, ctx: ActorCtx, id: string, input: { version: number; expertIds: string[] }) {
  return db.transaction().execute(async (trx) => {
    const goal = await lockGoal(trx, ctx, id, input.version)
    if (ctx.actor.org.kind !== 'jurisdiction' || !ctx.actor.permissions.has('goal.review')) throw new AppError('FORBIDDEN')
    assertOwnJurisdiction(ctx.actor, goal)
    if (goal.status !== 'dept_approved') {
      throw new AppError('INVALID_TRANSITION', { from: goal.status }, { zh: '只能为待财政复审的绩效目标指派专家', en: 'Experts are assigned to goals awaiting the finance review' })
    }
    const experts = await trx
      .selectFrom('appUser')
      .innerJoin('orgNode', 'orgNode.code', 'appUser.orgCode')
      .select(['appUser.id'])
      .where('appUser.id', 'in', input.expertIds)
      .where('appUser.status', '=', 'active')
      .where(sql<boolean>`'expert' = any(app_user.roles)`)
      // The pool of the goal's jurisdiction and of those above it (a city's experts review its districts' goals).
      .where(sql<boolean>`(select path from org_node where code = ${goal.jurisdictionCode}) like org_node.path || '%'`)
      .execute()
    const unknown = input.expertIds.filter((e) => !experts.some((x) => x.id === e))
    if (unknown.length) throw new AppError('NOT_FOUND', unknown.map((e) => ({ path: 'expertIds', message: e })), { zh: '所选专家不存在或不属于本级或上级专家库', en: 'An expert does not exist or is not in this jurisdiction’s pool' })
    await trx
      .insertInto('goalExpertReview')
      .values(input.expertIds.map((expertId) => ({ goalId: id, round: goal.reviewRound, expertId, assignedBy: ctx.actor.userId, assignedAt: ctx.now })))
      .onConflict((oc) => oc.columns(['goalId', 'round', 'expertId']).doNothing())
      .execute()
    await trx.updateTable('goal').set({ version: sql`version + 1`, updatedAt: ctx.now }).where('id', '=', id).execute()
    await recordAudit(trx, ctx, { action: 'goal.assign_experts', entityType: 'goal', entityId: id, after: { expertIds: input.expertIds, round: goal.reviewRound } })
    return { ...(await readGoal(trx, ctx, id)), expertReviews: await expertReviewsOf(trx, id) }
  })
}

export async function submitExpertReview(db: Db, ctx: ActorCtx, id: string, input: { score: string; grade: Grade; dimensions: Partial<Record<ReviewDimension, string>>; opinion: string }) {
  return db.transaction().execute(async (trx) => {
    const goal = await trx.selectFrom('goal').select(['id', 'reviewRound', 'status']).where('id', '=', id).forUpdate().executeTakeFirst()
    const assignment = goal
      ? await trx.selectFrom('goalExpertReview').selectAll().where('goalId', '=', id).where('round', '=', goal.reviewRound).where('expertId', '=', ctx.actor.userId).executeTakeFirst()
      : undefined
    if (!goal || !assignment) throw new AppError('NOT_FOUND')
    if (assignment.submittedAt || goal.status !== 'dept_approved') {
      throw new AppError('NOT_EDITABLE', undefined, { zh: '本轮评审已提交或目标已离开复审环节', en: 'This round’s review is already in, or the goal has left the finance review' })
    }
    await trx
      .updateTable('goalExpertReview')
      .set({ score: input.score, grade: input.grade, dimensions: JSON.stringify(input.dimensions), opinion: input.opinion, submittedAt: ctx.now })
      .where('id', '=', assignment.id)
      .execute()
    await recordAudit(trx, ctx, { action: 'goal.expert_review', entityType: 'goal', entityId: id, after: { score: input.score, grade: input.grade, opinion: input.opinion } })
    return { ...(await readGoal(trx, ctx, id)), expertReviews: await expertReviewsOf(trx, id) }
  })
}

/** The experts' reviews of a goal, every round, with their names: finance compares them side by side. */
export async function expertReviewsOf(db: Db | Trx, goalId: string) {
  const rows = await db
    .selectFrom('goalExpertReview')
    .innerJoin('appUser', 'appUser.id', 'goalExpertReview.expertId')
    .select(['goalExpertReview.id', 'goalExpertReview.round', 'goalExpertReview.expertId', 'appUser.displayName as expertName', 'goalExpertReview.score', 'goalExpertReview.grade', 'goalExpertReview.dimensions', 'goalExpertReview.opinion', 'goalExpertReview.assignedAt', 'goalExpertReview.submittedAt'])
    .where('goalExpertReview.goalId', '=', goalId)
    .orderBy('goalExpertReview.round')
    .orderBy('appUser.displayName')
    .execute()
  return rows.map((r) => ({ ...r, dimensions: (r.dimensions ?? {}) as Partial<Record<ReviewDimension, string>> }))
}
