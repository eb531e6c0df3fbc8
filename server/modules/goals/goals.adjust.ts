import { type GoalContent, goalInForceStatuses, type GoalView } from '../../../domain/goals.ts'
import type { Db, Trx } from '../../db/database.ts'
import type { ActorCtx } from '../../http/context.ts'
import { AppError } from '../../http/errors.ts'
import { recordAudit } from '../../platform/audit.ts'
import { assertOwnJurisdiction } from '../../platform/supervision.ts'
import { getProject } from '../projects/projects.service.ts'
import * as repo from './goals.repository.ts'
import type { AdjustGoalInput } from './goals.schemas.ts'
import { lockGoal, qualityOf, readGoal } from './goals.service.ts'
import { goalTextColumns, indicatorRowsOf } from './goals.rows.ts'

/**
 * An approved goal never changes. A change is an adjustment: a new version of the same lineage, a draft with the
 * reason, that goes through review again and replaces the approved one only when it is approved itself.
 */
export async function requestAdjustment(db: Db, ctx: ActorCtx, id: string, input: AdjustGoalInput): Promise<GoalView> {
  return db.transaction().execute(async (trx) => {
    const { version, reason, ...content } = input
    const goal = await lockGoal(trx, ctx, id, version)
    if (!goalInForceStatuses.includes(goal.status)) {
      throw new AppError('INVALID_TRANSITION', { from: goal.status }, { zh: '只有已批复或已公开的绩效目标可以申请调整', en: 'Only an approved or published goal can be adjusted' })
    }
    const latest = (await repo.latestRevision(trx, goal.lineageId))!
    if (latest.id !== goal.id) {
      throw new AppError('ADJUSTMENT_UNDER_WAY', { pendingId: latest.id })
    }
    if (!ctx.actor.permissions.has('goal.edit')) throw new AppError('FORBIDDEN')
    assertOwnJurisdiction(ctx.actor, goal)
    return insertAdjustment(trx, ctx, goal, reason, content)
  })
}

type LockedGoal = NonNullable<Awaited<ReturnType<typeof repo.lockVisibleGoal>>>

/** Writes the next revision of the goal's lineage as a draft with the reason, checks its quality, audits it. */
async function insertAdjustment(trx: Trx, ctx: ActorCtx, goal: LockedGoal, reason: string, content: GoalContent): Promise<GoalView> {
  const rows = await indicatorRowsOf(trx, content)
  const view = await readGoal(trx, ctx, goal.id)
  const project = view.projectCode ? { code: view.projectCode, jurisdictionCode: goal.jurisdictionCode, fiscalYear: goal.fiscalYear } : null
  const quality = await qualityOf(trx, goal, project, content, rows.map((r) => r.indicatorCode))
  const newId = await repo.insertGoal(trx, {
    lineageId: goal.lineageId,
    revision: goal.revision + 1,
    kind: goal.kind,
    projectId: goal.projectId,
    fiscalYear: goal.fiscalYear,
    jurisdictionCode: goal.jurisdictionCode,
    departmentCode: goal.departmentCode,
    unitCode: goal.unitCode,
    ...goalTextColumns(content),
    frameworkCode: goal.frameworkCode,
    status: 'draft',
    adjustmentReason: reason,
    basedOnId: goal.id,
    quality: JSON.stringify(quality),
    createdBy: ctx.actor.userId,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  })
  await repo.replaceIndicators(trx, newId, rows)
  const created = await readGoal(trx, ctx, newId)
  await recordAudit(trx, ctx, { action: 'goal.adjust', entityType: 'goal', entityId: newId, before: { basedOn: goal.id, revision: goal.revision }, after: created })
  return created
}

/**
 * A decision taken elsewhere changes what the goal can reach (a 调减预算 corrective action, §13.37): its adjustment
 * is started for the unit as a draft copying the goal in force, in the caller's transaction, for the unit to rework
 * and submit. The caller has decided, so no goal.edit is asked of it. When an adjustment is already under way,
 * that one is returned instead of a second.
 */
export async function draftAdjustmentIn(trx: Trx, ctx: ActorCtx, goalId: string, reason: string): Promise<string> {
  const goal = await repo.lockVisibleGoal(trx, ctx.actor, goalId)
  if (!goal) throw new AppError('NOT_FOUND')
  const latest = (await repo.latestRevision(trx, goal.lineageId))!
  if (latest.id !== goal.id) return latest.id
  const view = await readGoal(trx, ctx, goal.id)
  const indicators = view.indicators.map(({ id: _id, indicatorCode: _c, indicatorRevision: _r, ...input }) => input)
  const content: GoalContent = { name: view.name, overallTarget: view.overallTarget, mediumTermTarget: view.mediumTermTarget, annualTarget: view.annualTarget, indicators }
  return (await insertAdjustment(trx, ctx, goal, reason, content)).id
}

/** The version of a project's goal in force at a moment (monitoring and evaluation read the goal as it stood then). */
export async function goalInForceAt(db: Db, ctx: ActorCtx, projectId: string, at: Date) {
  await getProject(db, ctx, projectId)
  const versions = await repo.projectGoalVersionsAllYears(db, projectId)
  const inForce = versions.find((v) => v.inForceFrom && v.inForceFrom <= at && (!v.inForceTo || v.inForceTo > at))
  return inForce ? readGoal(db, ctx, inForce.id) : null
}
