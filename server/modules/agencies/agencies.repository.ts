import type { Db, Trx } from '../../db/database.ts'
import type { Actor } from '../../http/context.ts'
import { likeContains, whereEquals } from '../../http/paging.ts'
import type { AgencyListFilter } from './agencies.schemas.ts'
import { isAgencyUser, keyEvaluationVisibleTo, registerVisibleTo } from './registers.scope.ts'

export const agencyColumns = [
  'agency.id',
  'agency.jurisdictionCode',
  'jurisdiction.name as jurisdictionName',
  'agency.name',
  'agency.creditCode',
  'agency.type',
  'agency.qualifications',
  'agency.staffCount',
  'agency.creditStatus',
  'agency.contactPerson',
  'agency.contactPhone',
  'agency.orgCode',
  'agency.userIds',
  'agency.version',
  'agency.createdAt',
  'agency.updatedAt',
] as const

function agenciesQuery(db: Db | Trx, actor: Actor) {
  return db.selectFrom('agency').innerJoin('orgNode as jurisdiction', 'jurisdiction.code', 'agency.jurisdictionCode').where(registerVisibleTo(actor, 'agency.jurisdictionCode'))
}

export function listAgencies(db: Db, actor: Actor, filter: AgencyListFilter) {
  let q = whereEquals(agenciesQuery(db, actor), filter, { type: 'agency.type', creditStatus: 'agency.creditStatus', jurisdictionCode: 'agency.jurisdictionCode' })
  if (filter.q) q = q.where((eb) => eb.or([eb('agency.name', 'ilike', likeContains(filter.q!)), eb('agency.creditCode', 'ilike', likeContains(filter.q!))]))
  return q
    .select(agencyColumns)
    .select((eb) => [
      eb.selectFrom('agencyEngagement').select((e) => e.fn.countAll<number>().as('n')).whereRef('agencyEngagement.agencyId', '=', 'agency.id').as('engagementCount'),
      eb.selectFrom('agencyEngagement').select((e) => e.fn.avg<string | null>('agencyEngagement.qualityRating').as('avg')).whereRef('agencyEngagement.agencyId', '=', 'agency.id').as('averageRating'),
      eb.selectFrom('agencyViolation').select((e) => e.fn.countAll<number>().as('n')).whereRef('agencyViolation.agencyId', '=', 'agency.id').where('agencyViolation.severity', '=', 'major').as('majorViolations'),
    ])
    .orderBy(`agency.${filter.sort ?? 'name'}`, filter.order ?? 'asc')
    .orderBy('agency.id')
}

export function findAgency(db: Db | Trx, actor: Actor, id: string) {
  return agenciesQuery(db, actor).select(agencyColumns).where('agency.id', '=', id).executeTakeFirst()
}
export type AgencyRow = NonNullable<Awaited<ReturnType<typeof findAgency>>>

export function relationsOf(db: Db | Trx, agencyId: string) {
  return db
    .selectFrom('agencyRelation')
    .innerJoin('orgNode', 'orgNode.code', 'agencyRelation.orgCode')
    .select(['agencyRelation.id', 'agencyRelation.orgCode', 'orgNode.name as orgName', 'agencyRelation.relation', 'agencyRelation.createdAt'])
    .where('agencyRelation.agencyId', '=', agencyId)
    .orderBy('agencyRelation.createdAt')
    .execute()
}

export function violationsOf(db: Db | Trx, agencyId: string) {
  return db.selectFrom('agencyViolation').select(['id', 'occurredOn', 'severity', 'description', 'createdAt']).where('agencyId', '=', agencyId).orderBy('occurredOn', 'desc').execute()
}

/** The agency's earlier work: ex-ante assessments its users carried out and monitoring verifications assigned to them. */
export async function earlierWorkOf(db: Db | Trx, userIds: readonly string[]) {
  if (userIds.length === 0) return []
  const exante = await db
    .selectFrom('exanteAssessment')
    .innerJoin('project', 'project.id', 'exanteAssessment.projectId')
    .select(['exanteAssessment.projectId', 'project.departmentCode', 'project.unitCode', 'exanteAssessment.fiscalYear'])
    .where('exanteAssessment.assessorKind', '=', 'agency')
    .where('exanteAssessment.assignedUserId', 'in', [...userIds])
    .execute()
  const monitoring = await db
    .selectFrom('monitoringForm')
    .select(['projectId', 'departmentCode', 'unitCode', 'fiscalYear'])
    .where('agencyUserId', 'in', [...userIds])
    .execute()
  return [...exante.map((r) => ({ kind: 'exante' as const, ...r })), ...monitoring.map((r) => ({ kind: 'monitoring' as const, ...r }))]
}

export const engagementColumns = [
  'agencyEngagement.id',
  'agencyEngagement.agencyId',
  'agency.name as agencyName',
  'agencyEngagement.keyEvaluationId',
  'keyEvaluation.name as keyEvaluationName',
  'keyEvaluation.fiscalYear',
  'keyEvaluation.stage as keyEvaluationStage',
  'keyEvaluation.level as keyEvaluationLevel',
  'agencyEngagement.jurisdictionCode',
  'agencyEngagement.commissionerCode',
  'commissioner.name as commissionerName',
  'agencyEngagement.procurementMethod',
  'agencyEngagement.contractNo',
  'agencyEngagement.fee',
  'agencyEngagement.status',
  'agencyEngagement.qualityRating',
  'agencyEngagement.ratingComment',
  'agencyEngagement.ratedAt',
  'agencyEngagement.subcontracted',
  'agencyEngagement.subcontractNote',
  'agencyEngagement.note',
  'agencyEngagement.version',
  'agencyEngagement.createdAt',
  'agencyEngagement.updatedAt',
] as const

/**
 * Engagements an actor sees: an agency user those of its agency; others those whose key evaluation they see
 * (or, for a department without one, none), within the agencies' registers they see.
 */
export function engagementsQuery(db: Db | Trx, actor: Actor) {
  const q = db
    .selectFrom('agencyEngagement')
    .innerJoin('agency', 'agency.id', 'agencyEngagement.agencyId')
    .innerJoin('keyEvaluation', 'keyEvaluation.id', 'agencyEngagement.keyEvaluationId')
    .innerJoin('orgNode as commissioner', 'commissioner.code', 'agencyEngagement.commissionerCode')
  if (isAgencyUser(actor)) return q.where((eb) => eb(eb.val(actor.userId), '=', eb.fn.any('agency.userIds')))
  return q.where(keyEvaluationVisibleTo(actor))
}

export function findEngagement(db: Db | Trx, actor: Actor, id: string) {
  return engagementsQuery(db, actor).select(engagementColumns).where('agencyEngagement.id', '=', id).executeTakeFirst()
}

export function findKeyEvaluation(db: Db | Trx, actor: Actor, id: string) {
  return db
    .selectFrom('keyEvaluation')
    .innerJoin('orgNode as commissioner', 'commissioner.code', 'keyEvaluation.commissionerCode')
    .leftJoin('orgNode as department', 'department.code', 'keyEvaluation.departmentCode')
    .leftJoin('orgNode as unit', 'unit.code', 'keyEvaluation.unitCode')
    .select([
      'keyEvaluation.id',
      'keyEvaluation.jurisdictionCode',
      'keyEvaluation.fiscalYear',
      'keyEvaluation.level',
      'keyEvaluation.objectKind',
      'keyEvaluation.projectId',
      'keyEvaluation.commissionerCode',
      'commissioner.name as commissionerName',
      'keyEvaluation.departmentCode',
      'department.name as departmentName',
      'keyEvaluation.unitCode',
      'unit.name as unitName',
      'keyEvaluation.name',
      'keyEvaluation.stage',
    ])
    .where('keyEvaluation.id', '=', id)
    .where(keyEvaluationVisibleTo(actor))
    .executeTakeFirst()
}
export type KeyEvaluationRow = NonNullable<Awaited<ReturnType<typeof findKeyEvaluation>>>
