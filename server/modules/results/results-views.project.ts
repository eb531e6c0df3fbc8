import { chinaDay } from '../../../domain/corrective-actions.ts'
import type { Db } from '../../db/database.ts'
import type { ActorCtx } from '../../http/context.ts'
import { AppError } from '../../http/errors.ts'
import { projectVisibleTo } from '../../platform/scope.ts'
import { continuingVersions } from './continuity.ts'
import { rectificationVisibleTo } from './rectifications.repository.ts'

/**
 * 项目绩效结果 (issue 13): every grade (self-evaluation, key evaluation, spot-check), monitoring light, rectification
 * item and budget decision of the project, across its years — every version of a continuing (延续) project the
 * actor may see. Out of scope → 404.
 */
export async function projectResults(db: Db, ctx: ActorCtx, projectId: string) {
  const { actor } = ctx
  const project = await db
    .selectFrom('project')
    .innerJoin('orgNode as unitNode', 'unitNode.code', 'project.unitCode')
    .innerJoin('orgNode as departmentNode', 'departmentNode.code', 'project.departmentCode')
    .select(['project.id', 'project.code', 'project.name', 'project.fiscalYear', 'project.jurisdictionCode', 'project.departmentCode', 'departmentNode.name as departmentName', 'project.unitCode', 'unitNode.name as unitName', 'project.attribute', 'project.status', 'project.amountTotal'])
    .where('project.id', '=', projectId)
    .where(projectVisibleTo(actor))
    .executeTakeFirst()
  if (!project) throw new AppError('NOT_FOUND')

  const versions = await continuingVersions(db, project)
    .where(projectVisibleTo(actor))
    .select(['project.id', 'project.fiscalYear', 'project.name', 'project.attribute', 'project.status', 'project.amountTotal'])
    .orderBy('project.fiscalYear')
    .orderBy('project.id')
    .execute()
  const ids = versions.map((v) => v.id)
  const today = chinaDay(ctx.now)

  const [selfEvaluations, keyEvaluations, spotChecks, monitoring, rectifications, budgetDecisions] = await Promise.all([
    db
      .selectFrom('selfEvalForm')
      .select(['id', 'projectId', 'fiscalYear', 'status', 'total', 'grade', 'acceptedAt'])
      .where('projectId', 'in', ids)
      .orderBy('fiscalYear')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('keyEvaluation')
      .select(['id', 'projectId', 'fiscalYear', 'level', 'name', 'stage', 'total', 'grade'])
      .where('projectId', 'in', ids)
      .orderBy('fiscalYear')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('spotCheckItem')
      .innerJoin('spotCheck', 'spotCheck.id', 'spotCheckItem.spotCheckId')
      .select(['spotCheckItem.id', 'spotCheckItem.spotCheckId', 'spotCheck.name as spotCheckName', 'spotCheckItem.projectId', 'spotCheck.fiscalYear', 'spotCheckItem.unitTotal', 'spotCheckItem.unitGrade', 'spotCheckItem.reviewerTotal', 'spotCheckItem.reviewerGrade', 'spotCheckItem.gap', 'spotCheckItem.flagged', 'spotCheckItem.status'])
      .where('spotCheckItem.projectId', 'in', ids)
      .orderBy('spotCheck.fiscalYear')
      .orderBy('spotCheckItem.id')
      .execute(),
    db
      .selectFrom('monitoringForm')
      .innerJoin('monitoringRound', 'monitoringRound.id', 'monitoringForm.roundId')
      .select(['monitoringForm.id', 'monitoringForm.projectId', 'monitoringForm.fiscalYear', 'monitoringRound.name as roundName', 'monitoringForm.cutoffMonth', 'monitoringForm.status', 'monitoringForm.budgetLight', 'monitoringForm.projectLight', 'monitoringForm.executionRate'])
      .where('monitoringForm.projectId', 'in', ids)
      .orderBy('monitoringForm.fiscalYear')
      .orderBy('monitoringForm.cutoffMonth')
      .orderBy('monitoringForm.id')
      .execute(),
    db
      .selectFrom('rectification')
      .where(rectificationVisibleTo(actor))
      .select(['rectification.id', 'rectification.projectId', 'rectification.fiscalYear', 'rectification.sourceType', 'rectification.origin', 'rectification.problem', 'rectification.status', 'rectification.dueOn', 'rectification.closedAt'])
      .where('rectification.projectId', 'in', ids)
      .orderBy('rectification.fiscalYear')
      .orderBy('rectification.dueOn')
      .orderBy('rectification.id')
      .execute(),
    db
      .selectFrom('budgetDecision')
      .select(['id', 'projectId', 'fiscalYear', 'sourceType', 'grade', 'proposedAction', 'baseAmount', 'proposedAmount', 'decidedAmount', 'reason', 'decidedAt'])
      .where('projectId', 'in', ids)
      .orderBy('fiscalYear')
      .orderBy('id')
      .execute(),
  ])
  return {
    project,
    versions,
    selfEvaluations,
    keyEvaluations,
    spotChecks,
    monitoring,
    rectifications: rectifications.map((r) => ({ ...r, overdue: r.status !== 'closed' && r.dueOn < today })),
    budgetDecisions,
  }
}
