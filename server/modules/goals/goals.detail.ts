import type { Db } from '../../db/database.ts'
import type { ActorCtx } from '../../http/context.ts'
import { expertReviewsOf } from './goals.experts.ts'
import * as repo from './goals.repository.ts'
import { approverOfGoal, readGoal } from './goals.service.ts'

/**
 * The goal with its review opinions per round and every version of its lineage. Expert reviews are for the
 * finance bureau (side by side) and each expert's own; units and departments see the bureau's opinions. `approver`
 * says who gives its 批复 (the department for a 二级 project goal, where the rule set says so).
 */
export async function getGoal(db: Db, ctx: ActorCtx, id: string) {
  const goal = await readGoal(db, ctx, id)
  const [opinions, versions, experts, approver] = await Promise.all([repo.goalOpinions(db, [id]), repo.lineageVersions(db, goal.lineageId), expertReviewsOf(db, id), approverOfGoal(db, goal)])
  const seesExperts = ctx.actor.org.kind === 'jurisdiction' && ctx.actor.permissions.has('goal.read')
  return {
    ...goal,
    approver,
    opinions: opinions.map(({ goalId: _g, ...o }) => o),
    versions,
    expertReviews: seesExperts ? experts : experts.filter((e) => e.expertId === ctx.actor.userId),
  }
}
