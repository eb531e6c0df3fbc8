import type { ExpressionBuilder, Insertable, Updateable } from 'kysely'
import type { Db, Trx } from '../../db/database.ts'
import type { Database, ExAnteAssessmentTable } from '../../db/schema.ts'
import type { Actor } from '../../http/context.ts'
import { likeContains, whereEquals } from '../../http/paging.ts'
import { projectVisibleTo, userVisibleTo } from '../../platform/scope.ts'
import type { ExAnteListFilter } from './exante.schemas.ts'

type Eb = ExpressionBuilder<Database, 'exanteAssessment' | 'project'>

/**
 * Assessments follow their project's scope. Third-party agencies and experts read no projects: they see only the
 * assessments assigned to them (anything else is "not found").
 */
export function exAnteVisibleTo(actor: Actor) {
  return (eb: Eb) => {
    const assigned = eb('exanteAssessment.assignedUserId', '=', actor.userId)
    if (!actor.permissions.has('project.read')) return assigned
    return eb.or([projectVisibleTo(actor)(eb as unknown as ExpressionBuilder<Database, 'project'>), assigned])
  }
}

export const listColumns = [
  'exanteAssessment.id',
  'exanteAssessment.projectId',
  'project.code as projectCode',
  'project.name as projectName',
  'project.fiscalYear',
  'project.jurisdictionCode',
  'project.departmentCode',
  'project.unitCode',
  'unitNode.name as unitName',
  'project.amountTotal',
  'project.isMajorNew',
  'project.status as projectStatus',
  'exanteAssessment.kind',
  'exanteAssessment.assessorKind',
  'exanteAssessment.assessorOrgCode',
  'assessorNode.name as assessorOrgName',
  'exanteAssessment.assignedUserId',
  'assignee.displayName as assignedUserName',
  'exanteAssessment.total',
  'exanteAssessment.conclusion',
  'exanteAssessment.status',
  'exanteAssessment.submittedAt',
  'exanteAssessment.concludedAt',
  'exanteAssessment.version',
  'exanteAssessment.createdAt',
  'exanteAssessment.updatedAt',
] as const

const detailColumns = [
  ...listColumns,
  'project.objectKind',
  'project.budgetKind',
  'project.projectType',
  'project.attribute',
  'project.periodStartYear',
  'project.periodEndYear',
  'project.amountFiscal',
  'project.amountOther',
  'project.mediumTermAmount',
  'project.description',
  'exanteAssessment.dimensionPoints',
  'exanteAssessment.scores',
  'exanteAssessment.opinion',
  'exanteAssessment.process',
  'exanteAssessment.suggestions',
  'exanteAssessment.otherIssues',
  'exanteAssessment.attachments',
  'concluder.displayName as concludedByName',
] as const

function visible(db: Db | Trx, actor: Actor) {
  return db.selectFrom('exanteAssessment').innerJoin('project', 'project.id', 'exanteAssessment.projectId').where(exAnteVisibleTo(actor))
}

function withNames<Q extends ReturnType<typeof visible>>(query: Q) {
  return query
    .innerJoin('orgNode as unitNode', 'unitNode.code', 'project.unitCode')
    .innerJoin('orgNode as assessorNode', 'assessorNode.code', 'exanteAssessment.assessorOrgCode')
    .leftJoin('appUser as assignee', 'assignee.id', 'exanteAssessment.assignedUserId')
    .leftJoin('appUser as concluder', 'concluder.id', 'exanteAssessment.concludedBy')
}

function matching(db: Db, actor: Actor, filter: ExAnteListFilter) {
  let query = visible(db, actor)
  query = whereEquals(query, filter, { projectId: 'exanteAssessment.projectId', status: 'exanteAssessment.status', conclusion: 'exanteAssessment.conclusion', assessorKind: 'exanteAssessment.assessorKind', fiscalYear: 'project.fiscalYear', departmentCode: 'project.departmentCode' })
  if (filter.q) {
    const pattern = likeContains(filter.q)
    query = query.where((eb) => eb.or([eb('project.name', 'ilike', pattern), eb('project.code', 'ilike', pattern)]))
  }
  return query
}

export function countExAnte(db: Db, actor: Actor, filter: ExAnteListFilter) {
  return matching(db, actor, filter).select((eb) => eb.fn.countAll<number>().as('total'))
}

/** The actor's assessments, latest change first unless sorted. */
export function listExAnte(db: Db, actor: Actor, filter: ExAnteListFilter) {
  const sortColumn = { updatedAt: 'exanteAssessment.updatedAt', total: 'exanteAssessment.total', fiscalYear: 'project.fiscalYear' } as const
  const direction = filter.sort ? filter.order : 'desc'
  return withNames(matching(db, actor, filter))
    .select(listColumns)
    .orderBy(sortColumn[filter.sort ?? 'updatedAt'], direction)
    .orderBy('exanteAssessment.id', direction)
}

export function findVisibleExAnte(db: Db | Trx, actor: Actor, id: string) {
  return withNames(visible(db, actor)).select(detailColumns).where('exanteAssessment.id', '=', id).executeTakeFirst()
}

export function findVisibleExAnteForUpdate(trx: Trx, actor: Actor, id: string) {
  return withNames(visible(trx, actor)).select(detailColumns).where('exanteAssessment.id', '=', id).forUpdate('exanteAssessment').executeTakeFirst()
}

export type ExAnteRow = NonNullable<Awaited<ReturnType<typeof findVisibleExAnte>>>

export async function insertExAnte(trx: Trx, row: Insertable<ExAnteAssessmentTable>) {
  const { id } = await trx.insertInto('exanteAssessment').values(row).returning('id').executeTakeFirstOrThrow()
  return id
}

export async function updateExAnteRow(trx: Trx, id: string, changes: Omit<Updateable<ExAnteAssessmentTable>, 'id' | 'version'>) {
  await trx
    .updateTable('exanteAssessment')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute()
}

/** Every assessment of a project, newest first: what the gate and the project page look at. */
export function assessmentsOfProject(db: Db | Trx, projectId: string) {
  return db
    .selectFrom('exanteAssessment')
    .select(['id', 'status', 'conclusion', 'concludedAt'])
    .where('projectId', '=', projectId)
    .orderBy('createdAt', 'desc')
    .execute()
}

/** The ids of a project's attachments among the given ones. */
export async function projectAttachmentIds(db: Db | Trx, projectId: string, ids: string[]) {
  if (!ids.length) return new Set<string>()
  const rows = await db.selectFrom('projectAttachment').select('id').where('projectId', '=', projectId).where('id', 'in', ids).execute()
  return new Set(rows.map((r) => r.id))
}

/** Active third-party agency users and experts at or below the actor's bureau: whom it may assign an assessment to. */
export function assessorsVisibleTo(db: Db | Trx, actor: Actor) {
  return db
    .selectFrom('appUser')
    .innerJoin('orgNode', 'orgNode.code', 'appUser.orgCode')
    .select(['appUser.id', 'appUser.username', 'appUser.displayName', 'appUser.roles', 'appUser.orgCode', 'orgNode.name as orgName'])
    .where(userVisibleTo(actor))
    .where('appUser.status', '=', 'active')
    .where((eb) => eb.or([eb(eb.val('agency_user'), '=', eb.fn.any('appUser.roles')), eb(eb.val('expert'), '=', eb.fn.any('appUser.roles'))]))
    .orderBy('appUser.displayName')
}
