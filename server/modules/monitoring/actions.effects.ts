import { goalInForceStatuses } from '../../../domain/goals.ts'
import { correctiveActionKindLabels } from '../../../domain/monitoring.ts'
import type { Db, Trx } from '../../db/database.ts'
import type { ActorCtx } from '../../http/context.ts'
import { draftAdjustmentIn } from '../goals/goals.adjust.ts'
import { registerProjectGate } from '../projects/projects.gates.ts'

/**
 * What a corrective action does beyond being recorded: a 调减预算 writes a negative budget adjustment and starts
 * the goal's adjustment (less money, less to reach); a 暂停项目实施 closes the project's way on until lifted.
 */

/** 调减预算: the signed adjustment (全年预算数 falls by the amount) and a draft adjustment of the goal in force. */
export async function applyBudgetCut(
  trx: Trx,
  ctx: ActorCtx,
  action: { id: string; projectId: string; fiscalYear: number; amount: string; title: string; adjustedOn: string },
): Promise<{ goalAdjustmentId: string | null }> {
  const reason = `${correctiveActionKindLabels.cut_budget.zh}：${action.title}`
  await trx
    .insertInto('budgetAdjustment')
    .values({ projectId: action.projectId, fiscalYear: action.fiscalYear, amount: `-${action.amount}`, reason, adjustedOn: action.adjustedOn, actionId: action.id, createdBy: ctx.actor.userId, createdAt: ctx.now })
    .execute()
  const goal = await trx
    .selectFrom('goal')
    .select('id')
    .where('projectId', '=', action.projectId)
    .where('fiscalYear', '=', action.fiscalYear)
    .where('status', 'in', goalInForceStatuses)
    .orderBy('revision', 'desc')
    .executeTakeFirst()
  if (!goal) return { goalAdjustmentId: null }
  return { goalAdjustmentId: await draftAdjustmentIn(trx, ctx, goal.id, `${reason}（调减 ${action.amount} 元，请相应调整绩效目标）`) }
}

/** The suspensions of a project not lifted, oldest first. */
export function suspensionsInForce(db: Db | Trx, projectId: string) {
  return db
    .selectFrom('correctiveAction')
    .select(['id', 'title', 'createdAt'])
    .where('projectId', '=', projectId)
    .where('kind', '=', 'suspend')
    .where('liftedAt', 'is', null)
    .orderBy('createdAt')
    .execute()
}

/** 暂停项目实施 (§13.37): a suspended project does not start or finish until the suspension is lifted. */
async function suspensionProblem(trx: Trx, project: { id: string }) {
  const [first] = await suspensionsInForce(trx, project.id)
  if (!first) return null
  return { zh: `项目已被暂停实施（${first.title}），解除暂停前不能进入下一阶段`, en: `The project is suspended (${first.title}); it cannot move on until the suspension is lifted` }
}

for (const status of ['executing', 'closed'] as const) registerProjectGate(status, { name: 'suspended', problem: suspensionProblem })
