import type { ExpressionBuilder } from 'kysely'
import { paymentHoldKinds } from '../../../domain/monitoring.ts'
import type { Db, Trx } from '../../db/database.ts'
import type { Database } from '../../db/schema.ts'
import type { Actor } from '../../http/context.ts'
import { jurisdictionsUnder } from '../../platform/scope.ts'

/**
 * The monitoring forms an actor may issue an action from or see proposals for: by the org tree like projects
 * (agencies only their assigned forms). The forms helper owns the forms API; this is the read the actions need.
 */
export function formVisibleTo(actor: Actor) {
  return (eb: ExpressionBuilder<Database, 'monitoringForm'>) => {
    if (!actor.permissions.has('project.read')) return eb('monitoringForm.agencyUserId', '=', actor.userId)
    if (actor.org.kind === 'unit') return eb('monitoringForm.unitCode', '=', actor.org.code)
    if (actor.org.kind === 'department') return eb('monitoringForm.departmentCode', '=', actor.org.code)
    return eb('monitoringForm.jurisdictionCode', 'in', jurisdictionsUnder(eb, actor))
  }
}

export function visibleForm(db: Db | Trx, actor: Actor, formId: string) {
  return db
    .selectFrom('monitoringForm')
    .select(['monitoringForm.id', 'monitoringForm.roundId', 'monitoringForm.projectId', 'monitoringForm.jurisdictionCode', 'monitoringForm.departmentCode', 'monitoringForm.unitCode', 'monitoringForm.fiscalYear'])
    .where('monitoringForm.id', '=', formId)
    .where(formVisibleTo(actor))
    .executeTakeFirst()
}

/** A round the actor may look at: a bureau's own and those below it, a department's or unit's jurisdiction's. */
export function visibleRound(db: Db | Trx, actor: Actor, roundId: string) {
  return db
    .selectFrom('monitoringRound')
    .select(['id', 'jurisdictionCode', 'fiscalYear', 'cutoffMonth', 'name'])
    .where('id', '=', roundId)
    .where((eb) => (actor.org.kind === 'jurisdiction' ? eb('jurisdictionCode', 'in', jurisdictionsUnder(eb, actor)) : eb('jurisdictionCode', '=', actor.org.jurisdictionCode)))
    .executeTakeFirst()
}

/**
 * 红灯提示 (§13.37): the red forms of a round that no action not yet closed deals with — on the form or on its
 * project. A proposal only: nothing is issued until someone decides.
 */
export function redFormsWithoutAction(db: Db, actor: Actor, roundId: string) {
  return db
    .selectFrom('monitoringForm')
    .innerJoin('orgNode as departmentNode', 'departmentNode.code', 'monitoringForm.departmentCode')
    .leftJoin('orgNode as unitNode', 'unitNode.code', 'monitoringForm.unitCode')
    .leftJoin('project', 'project.id', 'monitoringForm.projectId')
    .select([
      'monitoringForm.id as formId',
      'monitoringForm.kind as formKind',
      'monitoringForm.projectId',
      'project.code as projectCode',
      'project.name as projectName',
      'monitoringForm.departmentCode',
      'departmentNode.name as departmentName',
      'monitoringForm.unitCode',
      'unitNode.name as unitName',
      'monitoringForm.status',
      'monitoringForm.isKey',
      'monitoringForm.budgetLight',
      'monitoringForm.projectLight',
      'monitoringForm.executionRate',
      'monitoringForm.budgetAdjusted',
      'monitoringForm.executed',
      'monitoringForm.lightsExplained',
    ])
    .where('monitoringForm.roundId', '=', roundId)
    .where('monitoringForm.projectLight', '=', 'red')
    .where(formVisibleTo(actor))
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('correctiveAction as a')
            .select('a.id')
            .where('a.status', '!=', 'closed')
            .where((inner) => inner.or([inner('a.formId', '=', inner.ref('monitoringForm.id')), inner('a.projectId', '=', inner.ref('monitoringForm.projectId'))])),
        ),
      ),
    )
    .orderBy('departmentNode.name')
    .orderBy('project.code')
}

/** 暂缓 / 停止拨款 in force: what the treasury payment system must not pay. */
export function holdsInForce(db: Db, actor: Actor, filter: { projectCode?: string; fiscalYear?: number }) {
  let query = db
    .selectFrom('correctiveAction')
    .innerJoin('project', 'project.id', 'correctiveAction.projectId')
    .leftJoin('orgNode as unitNode', 'unitNode.code', 'correctiveAction.unitCode')
    .select([
      'correctiveAction.id',
      'correctiveAction.kind',
      'correctiveAction.title',
      'correctiveAction.amount',
      'correctiveAction.jurisdictionCode',
      'correctiveAction.projectId',
      'project.code as projectCode',
      'project.name as projectName',
      'project.fiscalYear',
      'correctiveAction.unitCode',
      'unitNode.name as unitName',
      'correctiveAction.createdAt as since',
    ])
    .where('correctiveAction.kind', 'in', paymentHoldKinds)
    .where('correctiveAction.liftedAt', 'is', null)
    .where((eb) => eb('correctiveAction.jurisdictionCode', 'in', jurisdictionsUnder(eb, actor)))
  if (filter.projectCode) query = query.where('project.code', '=', filter.projectCode)
  if (filter.fiscalYear) query = query.where('project.fiscalYear', '=', filter.fiscalYear)
  return query.orderBy('correctiveAction.createdAt').orderBy('correctiveAction.id')
}
