import type { ExpressionBuilder, Insertable, Updateable } from 'kysely'
import type { Db, Trx } from '../../db/database.ts'
import type { Database, MonitoringFormIndicatorTable, MonitoringFormTable, MonitoringOpinionTable } from '../../db/schema.ts'
import type { Actor } from '../../http/context.ts'
import { likeContains, whereEquals } from '../../http/paging.ts'
import { jurisdictionsUnder } from '../../platform/scope.ts'
import type { FormListFilter } from './forms.schemas.ts'

type Eb = ExpressionBuilder<Database, 'monitoringForm' | 'monitoringRound'>

/**
 * Forms follow the org tree (a unit its own, a department its units' and its own overall form, a bureau its
 * jurisdiction's and those below); a third-party agency, which reads no projects, sees only the forms assigned to it.
 * Nothing of a round still opening is visible.
 */
export function formVisibleTo(actor: Actor) {
  return (eb: Eb) => {
    const opened = eb('monitoringRound.status', '!=', 'opening')
    const assigned = eb('monitoringForm.agencyUserId', '=', actor.userId)
    if (!actor.permissions.has('project.read')) return eb.and([opened, assigned])
    const scope =
      actor.org.kind === 'unit'
        ? eb('monitoringForm.unitCode', '=', actor.org.code)
        : actor.org.kind === 'department'
          ? eb('monitoringForm.departmentCode', '=', actor.org.code)
          : eb('monitoringForm.jurisdictionCode', 'in', jurisdictionsUnder(eb, actor))
    return eb.and([opened, eb.or([scope, assigned])])
  }
}

function visible(db: Db | Trx, actor: Actor) {
  return db
    .selectFrom('monitoringForm')
    .innerJoin('monitoringRound', 'monitoringRound.id', 'monitoringForm.roundId')
    .leftJoin('project', 'project.id', 'monitoringForm.projectId')
    .innerJoin('orgNode as departmentNode', 'departmentNode.code', 'monitoringForm.departmentCode')
    .leftJoin('orgNode as unitNode', 'unitNode.code', 'monitoringForm.unitCode')
    .where(formVisibleTo(actor))
}

export const listColumns = [
  'monitoringForm.id',
  'monitoringForm.roundId',
  'monitoringRound.name as roundName',
  'monitoringRound.deadline',
  'monitoringForm.kind',
  'monitoringForm.projectId',
  'project.code as projectCode',
  'project.name as projectName',
  'monitoringForm.jurisdictionCode',
  'monitoringForm.departmentCode',
  'departmentNode.name as departmentName',
  'monitoringForm.unitCode',
  'unitNode.name as unitName',
  'monitoringForm.fiscalYear',
  'monitoringForm.cutoffMonth',
  'monitoringForm.status',
  'monitoringForm.isKey',
  'monitoringForm.keyReasons',
  'monitoringForm.budgetAdjusted',
  'monitoringForm.executed',
  'monitoringForm.executionRate',
  'monitoringForm.budgetLight',
  'monitoringForm.projectLight',
  'monitoringForm.agencyUserId',
  'monitoringForm.extensionUntil',
  'monitoringForm.submittedAt',
  'monitoringForm.version',
  'monitoringForm.updatedAt',
] as const

const detailColumns = [
  ...listColumns,
  'monitoringRound.status as roundStatus',
  'monitoringRound.adhoc',
  'monitoringForm.goalId',
  'project.budgetKind',
  'project.attribute',
  'project.projectType',
  'project.objectKind',
  'project.isMajorNew',
  'monitoringForm.budgetInitial',
  'monitoringForm.unitForecast',
  'monitoringForm.systemForecast',
  'monitoringForm.forecastExplained',
  'monitoringForm.forecastFlagged',
  'monitoringForm.fundsNote',
  'monitoringForm.overallProgress',
  'monitoringForm.lightsExplained',
  'monitoringForm.acceptedAt',
  'monitoringForm.createdAt',
] as const

function matching(db: Db | Trx, actor: Actor, filter: FormListFilter) {
  let query = whereEquals(visible(db, actor), filter, {
    roundId: 'monitoringForm.roundId',
    projectId: 'monitoringForm.projectId',
    kind: 'monitoringForm.kind',
    status: 'monitoringForm.status',
    light: 'monitoringForm.projectLight',
    budgetLight: 'monitoringForm.budgetLight',
    departmentCode: 'monitoringForm.departmentCode',
    unitCode: 'monitoringForm.unitCode',
    isKey: 'monitoringForm.isKey',
    fiscalYear: 'monitoringForm.fiscalYear',
  })
  if (filter.q) {
    const pattern = likeContains(filter.q)
    query = query.where((eb) => eb.or([eb('project.name', 'ilike', pattern), eb('project.code', 'ilike', pattern), eb('departmentNode.name', 'ilike', pattern)]))
  }
  return query
}

/** The actor's forms: latest change first unless sorted. */
export function listForms(db: Db | Trx, actor: Actor, filter: FormListFilter) {
  const sortColumn = { updatedAt: 'monitoringForm.updatedAt', executionRate: 'monitoringForm.executionRate', projectName: 'project.name' } as const
  const direction = filter.sort ? filter.order : 'desc'
  return matching(db, actor, filter).select(listColumns).orderBy(sortColumn[filter.sort ?? 'updatedAt'], direction).orderBy('monitoringForm.id', direction)
}

export function findVisibleForm(db: Db | Trx, actor: Actor, id: string) {
  return visible(db, actor).select(detailColumns).where('monitoringForm.id', '=', id).executeTakeFirst()
}

export function findVisibleFormForUpdate(trx: Trx, actor: Actor, id: string) {
  return visible(trx, actor).select(detailColumns).where('monitoringForm.id', '=', id).forUpdate('monitoringForm').executeTakeFirst()
}

export type FormRow = NonNullable<Awaited<ReturnType<typeof findVisibleForm>>>

export function formIndicators(db: Db | Trx, formId: string) {
  return db.selectFrom('monitoringFormIndicator').selectAll().where('formId', '=', formId).orderBy('sortOrder').execute()
}
export type FormIndicatorRow = Awaited<ReturnType<typeof formIndicators>>[number]

export function formOpinions(db: Db | Trx, formId: string) {
  return db
    .selectFrom('monitoringOpinion')
    .leftJoin('appUser', 'appUser.id', 'monitoringOpinion.actorId')
    .leftJoin('orgNode', 'orgNode.code', 'monitoringOpinion.orgCode')
    .select(['monitoringOpinion.id', 'monitoringOpinion.stage', 'monitoringOpinion.action', 'monitoringOpinion.opinion', 'monitoringOpinion.createdAt', 'appUser.displayName as actorName', 'orgNode.name as orgName'])
    .where('monitoringOpinion.formId', '=', formId)
    .orderBy('monitoringOpinion.seq')
    .execute()
}

export async function updateFormRow(trx: Trx, id: string, changes: Omit<Updateable<MonitoringFormTable>, 'id' | 'version'>) {
  await trx
    .updateTable('monitoringForm')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute()
}

export async function updateIndicatorRow(trx: Trx, formId: string, id: string, changes: Omit<Updateable<MonitoringFormIndicatorTable>, 'id' | 'formId'>) {
  await trx.updateTable('monitoringFormIndicator').set(changes).where('id', '=', id).where('formId', '=', formId).execute()
}

export async function insertOpinion(trx: Trx, row: Insertable<MonitoringOpinionTable>) {
  await trx.insertInto('monitoringOpinion').values(row).execute()
}

/** The display name of the round's deadline holder etc. is not needed; the round row for the deadline check. */
export function roundOf(db: Db | Trx, roundId: string) {
  return db.selectFrom('monitoringRound').selectAll().where('id', '=', roundId).executeTakeFirstOrThrow()
}
