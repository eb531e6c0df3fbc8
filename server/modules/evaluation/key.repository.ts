import { type ExpressionBuilder, sql } from 'kysely'
import type { Db, Trx } from '../../db/database.ts'
import type { Database } from '../../db/schema.ts'
import type { Actor } from '../../http/context.ts'
import { likeContains, whereEquals } from '../../http/paging.ts'
import { jurisdictionsUnder } from '../../platform/scope.ts'
import type { KeyListFilter } from './key.schemas.ts'

type Eb = ExpressionBuilder<Database, 'keyEvaluation'>

/**
 * A key evaluation follows the org tree: a bureau sees those of its jurisdiction and below, a department those it
 * commissioned and those of its objects, a unit those of its own projects (it reads the draft for 交换意见).
 * Agencies and experts reach an evaluation only through their engagements (agencies module).
 */
export function keyEvaluationVisibleTo(actor: Actor) {
  return (eb: Eb) => {
    if (!actor.permissions.has('evaluation.read')) return eb.val(false)
    if (actor.org.kind === 'unit') return eb('keyEvaluation.unitCode', '=', actor.org.code)
    if (actor.org.kind === 'department') return eb.or([eb('keyEvaluation.departmentCode', '=', actor.org.code), eb('keyEvaluation.commissionerCode', '=', actor.org.code)])
    return eb('keyEvaluation.jurisdictionCode', 'in', jurisdictionsUnder(eb, actor))
  }
}

const columns = [
  'keyEvaluation.id',
  'keyEvaluation.fiscalYear',
  'keyEvaluation.level',
  'keyEvaluation.objectKind',
  'keyEvaluation.name',
  'keyEvaluation.template',
  'keyEvaluation.stage',
  'keyEvaluation.total',
  'keyEvaluation.grade',
  'keyEvaluation.jurisdictionCode',
  'jurisdictionNode.name as jurisdictionName',
  'keyEvaluation.commissionerCode',
  'commissionerNode.name as commissionerName',
  'keyEvaluation.departmentCode',
  'departmentNode.name as departmentName',
  'keyEvaluation.unitCode',
  'unitNode.name as unitName',
  'keyEvaluation.projectId',
  'project.code as projectCode',
  'project.name as projectName',
  'project.amountTotal as projectAmount',
  'keyEvaluation.version',
  'keyEvaluation.createdAt',
  'keyEvaluation.updatedAt',
] as const

function visible(db: Db | Trx, actor: Actor) {
  return db
    .selectFrom('keyEvaluation')
    .where(keyEvaluationVisibleTo(actor))
    .innerJoin('orgNode as jurisdictionNode', 'jurisdictionNode.code', 'keyEvaluation.jurisdictionCode')
    .innerJoin('orgNode as commissionerNode', 'commissionerNode.code', 'keyEvaluation.commissionerCode')
    .leftJoin('orgNode as departmentNode', 'departmentNode.code', 'keyEvaluation.departmentCode')
    .leftJoin('orgNode as unitNode', 'unitNode.code', 'keyEvaluation.unitCode')
    .leftJoin('project', 'project.id', 'keyEvaluation.projectId')
}

export function listKeyEvaluations(db: Db | Trx, actor: Actor, filter: Partial<KeyListFilter>) {
  let query = whereEquals(visible(db, actor), filter, {
    fiscalYear: 'keyEvaluation.fiscalYear',
    level: 'keyEvaluation.level',
    stage: 'keyEvaluation.stage',
    objectKind: 'keyEvaluation.objectKind',
    grade: 'keyEvaluation.grade',
    departmentCode: 'keyEvaluation.departmentCode',
    projectId: 'keyEvaluation.projectId',
  })
  if (filter.q) query = query.where('keyEvaluation.name', 'like', likeContains(filter.q))
  const order = filter.order ?? 'asc'
  const sortColumn = { createdAt: 'keyEvaluation.createdAt', name: 'keyEvaluation.name', fiscalYear: 'keyEvaluation.fiscalYear', stage: 'keyEvaluation.stage', total: 'keyEvaluation.total' } as const
  return query
    .select(columns)
    .orderBy(sortColumn[filter.sort ?? 'createdAt'], order)
    .orderBy('keyEvaluation.id')
}
export type KeyRow = Awaited<ReturnType<ReturnType<typeof listKeyEvaluations>['executeTakeFirstOrThrow']>>

export function findVisible(db: Db | Trx, actor: Actor, id: string) {
  return visible(db, actor).select(columns).where('keyEvaluation.id', '=', id).executeTakeFirst()
}

/** The row locked for a change, then read whole (scope applied). */
export async function lockVisible(trx: Trx, actor: Actor, id: string) {
  const locked = await trx.selectFrom('keyEvaluation').select('id').where('id', '=', id).where(keyEvaluationVisibleTo(actor)).forUpdate().executeTakeFirst()
  return locked ? findVisible(trx, actor, id) : undefined
}

export async function bump(trx: Trx, id: string, now: Date, changes: { stage?: Database['keyEvaluation']['stage']['__update__']; total?: string | null; grade?: Database['keyEvaluation']['grade'] } = {}) {
  await trx
    .updateTable('keyEvaluation')
    .set({ ...changes, version: sql`version + 1`, updatedAt: now })
    .where('id', '=', id)
    .execute()
}

export const planOf = (db: Db | Trx, id: string) => db.selectFrom('keyEvaluationPlan').selectAll().where('keyEvaluationId', '=', id).executeTakeFirst()
export const linesOf = (db: Db | Trx, id: string) => db.selectFrom('keyEvaluationLine').selectAll().where('keyEvaluationId', '=', id).orderBy('seq').execute()
export const evidenceOf = (db: Db | Trx, id: string) =>
  db
    .selectFrom('keyEvaluationEvidence')
    .innerJoin('storedFile', 'storedFile.id', 'keyEvaluationEvidence.fileId')
    .leftJoin('appUser', 'appUser.id', 'keyEvaluationEvidence.createdBy')
    .select(['keyEvaluationEvidence.id', 'keyEvaluationEvidence.lineId', 'keyEvaluationEvidence.fileId', 'keyEvaluationEvidence.note', 'storedFile.fileName', 'storedFile.sizeBytes', 'appUser.displayName as createdByName', 'keyEvaluationEvidence.createdAt'])
    .where('keyEvaluationEvidence.keyEvaluationId', '=', id)
    .orderBy('keyEvaluationEvidence.createdAt')
    .execute()
export const fieldworkOf = (db: Db | Trx, id: string) =>
  db
    .selectFrom('keyEvaluationFieldwork')
    .leftJoin('appUser', 'appUser.id', 'keyEvaluationFieldwork.createdBy')
    .select(['keyEvaluationFieldwork.id', 'keyEvaluationFieldwork.visitedOn', 'keyEvaluationFieldwork.place', 'keyEvaluationFieldwork.people', 'keyEvaluationFieldwork.notes', 'appUser.displayName as createdByName', 'keyEvaluationFieldwork.createdAt'])
    .where('keyEvaluationFieldwork.keyEvaluationId', '=', id)
    .orderBy('keyEvaluationFieldwork.visitedOn')
    .orderBy('keyEvaluationFieldwork.createdAt')
    .execute()
export const exchangesOf = (db: Db | Trx, id: string) =>
  db
    .selectFrom('keyEvaluationExchange')
    .innerJoin('orgNode', 'orgNode.code', 'keyEvaluationExchange.orgCode')
    .leftJoin('appUser', 'appUser.id', 'keyEvaluationExchange.createdBy')
    .select(['keyEvaluationExchange.id', 'keyEvaluationExchange.orgCode', 'orgNode.name as orgName', 'keyEvaluationExchange.draftTotal', 'keyEvaluationExchange.opinion', 'appUser.displayName as createdByName', 'keyEvaluationExchange.createdAt'])
    .where('keyEvaluationExchange.keyEvaluationId', '=', id)
    .orderBy('keyEvaluationExchange.createdAt')
    .execute()
export const surveyOf = (db: Db | Trx, id: string) => db.selectFrom('keyEvaluationSurvey').selectAll().where('keyEvaluationId', '=', id).executeTakeFirst()
