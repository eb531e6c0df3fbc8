import { checkAgencyIndependence, conflictMessage } from '../../../domain/agency-independence.ts'
import type { Db, Trx } from '../../db/database.ts'
import type { ActorCtx } from '../../http/context.ts'
import { AppError, assertVersion } from '../../http/errors.ts'
import { fetchPage } from '../../http/paging.ts'
import { recordAudit } from '../../platform/audit.ts'
import { assertOwnJurisdiction } from '../../platform/supervision.ts'
import { mayManage } from '../evaluation/key.service.ts'
import { effectiveRules } from '../rule-sets/rule-sets.service.ts'
import * as repo from './agencies.repository.ts'
import type { AgencyListFilter, CreateAgencyInput, EngagementInput, UpdateAgencyInput, UpdateEngagementInput } from './agencies.schemas.ts'

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString())
const rating = (avg: string | number | null) => (avg === null || avg === undefined ? null : Number(avg).toFixed(2))

export async function listAgencies(db: Db, ctx: ActorCtx, filter: AgencyListFilter, page: { page: number; pageSize: number }) {
  const result = await fetchPage(repo.listAgencies(db, ctx.actor, filter), page)
  return { ...result, items: result.items.map((r) => ({ ...r, engagementCount: Number(r.engagementCount ?? 0), majorViolations: Number(r.majorViolations ?? 0), averageRating: rating(r.averageRating ?? null) })) }
}

export async function mustFindAgency(db: Db | Trx, ctx: ActorCtx, id: string) {
  return (await repo.findAgency(db, ctx.actor, id)) ?? notFound()
}
const notFound = (): never => {
  throw new AppError('NOT_FOUND')
}

/** The agency's record: qualifications, relations, violations, engagements with their ratings and the average. */
export async function getAgency(db: Db | Trx, ctx: ActorCtx, id: string) {
  const agency = await mustFindAgency(db, ctx, id)
  const [relations, violations, engagements] = await Promise.all([
    repo.relationsOf(db, id),
    repo.violationsOf(db, id),
    repo.engagementsQuery(db, ctx.actor).select(repo.engagementColumns).where('agencyEngagement.agencyId', '=', id).orderBy('agencyEngagement.createdAt', 'desc').limit(500).execute(),
  ])
  const rated = engagements.filter((e) => e.qualityRating !== null)
  const averageRating = rated.length ? (rated.reduce((s, e) => s + e.qualityRating!, 0) / rated.length).toFixed(2) : null
  return {
    ...agency,
    createdAt: iso(agency.createdAt),
    updatedAt: iso(agency.updatedAt),
    relations,
    violations,
    engagements: engagements.map(toEngagementView),
    averageRating,
    subcontractedCount: engagements.filter((e) => e.subcontracted).length,
  }
}

async function assertOrgExists(db: Db | Trx, code: string | null | undefined, path: string) {
  if (!code) return
  const node = await db.selectFrom('orgNode').select('code').where('code', '=', code).executeTakeFirst()
  if (!node) throw new AppError('VALIDATION_FAILED', [{ path, message: `${code}` }])
}

async function assertAgencyUsers(db: Db | Trx, ids: readonly string[] | undefined) {
  if (!ids?.length) return
  const found = await db.selectFrom('appUser').select('id').where('id', 'in', [...ids]).where((eb) => eb(eb.val('agency_user'), '=', eb.fn.any('appUser.roles'))).execute()
  if (found.length !== new Set(ids).size) {
    throw new AppError('RULE_VIOLATION', [{ path: 'userIds', message: 'agency_user' }], { zh: '机构账号须为第三方机构用户', en: 'The agency accounts must be third-party agency users' })
  }
}

/** A bureau registers an agency in its own jurisdiction's register. */
export async function createAgency(db: Db, ctx: ActorCtx, input: CreateAgencyInput) {
  if (ctx.actor.org.kind !== 'jurisdiction') throw new AppError('FORBIDDEN')
  return db.transaction().execute(async (trx) => {
    await assertOrgExists(trx, input.orgCode, 'orgCode')
    await assertAgencyUsers(trx, input.userIds)
    const clash = await trx.selectFrom('agency').select('id').where('jurisdictionCode', '=', ctx.actor.org.jurisdictionCode).where('creditCode', '=', input.creditCode).executeTakeFirst()
    if (clash) throw new AppError('DUPLICATE', [{ path: 'creditCode', message: input.creditCode }], { zh: `统一社会信用代码 ${input.creditCode} 已登记`, en: `Credit code ${input.creditCode} is already registered` })
    const row = await trx
      .insertInto('agency')
      .values({ ...input, jurisdictionCode: ctx.actor.org.jurisdictionCode, createdBy: ctx.actor.userId, createdAt: ctx.now, updatedAt: ctx.now })
      .returning('id')
      .executeTakeFirstOrThrow()
    const after = await mustFindAgency(trx, ctx, row.id)
    await recordAudit(trx, ctx, { action: 'agency.create', entityType: 'agency', entityId: row.id, after })
    return getAgency(trx, ctx, row.id)
  })
}

async function lockAgency(trx: Trx, ctx: ActorCtx, id: string) {
  const row = await mustFindAgency(trx, ctx, id)
  assertOwnJurisdiction(ctx.actor, row)
  await trx.selectFrom('agency').select('id').where('id', '=', id).forUpdate().execute()
  return row
}

export async function updateAgency(db: Db, ctx: ActorCtx, id: string, input: UpdateAgencyInput) {
  return db.transaction().execute(async (trx) => {
    const before = await lockAgency(trx, ctx, id)
    assertVersion(before, input.version)
    const { version: _, ...changes } = input
    await assertOrgExists(trx, changes.orgCode, 'orgCode')
    await assertAgencyUsers(trx, changes.userIds)
    await trx.updateTable('agency').set({ ...changes, version: before.version + 1, updatedAt: ctx.now }).where('id', '=', id).execute()
    const after = await mustFindAgency(trx, ctx, id)
    await recordAudit(trx, ctx, { action: 'agency.update', entityType: 'agency', entityId: id, before, after })
    return getAgency(trx, ctx, id)
  })
}

export async function addRelation(db: Db, ctx: ActorCtx, id: string, input: { orgCode: string; relation: string }) {
  return db.transaction().execute(async (trx) => {
    await lockAgency(trx, ctx, id)
    await assertOrgExists(trx, input.orgCode, 'orgCode')
    const row = await trx.insertInto('agencyRelation').values({ agencyId: id, ...input, createdAt: ctx.now }).returningAll().executeTakeFirstOrThrow()
    await recordAudit(trx, ctx, { action: 'agency.add_relation', entityType: 'agency_relation', entityId: row.id, after: row })
    return getAgency(trx, ctx, id)
  })
}

export async function removeRelation(db: Db, ctx: ActorCtx, id: string, relationId: string) {
  return db.transaction().execute(async (trx) => {
    await lockAgency(trx, ctx, id)
    const row = (await trx.deleteFrom('agencyRelation').where('id', '=', relationId).where('agencyId', '=', id).returningAll().executeTakeFirst()) ?? notFound()
    await recordAudit(trx, ctx, { action: 'agency.remove_relation', entityType: 'agency_relation', entityId: relationId, before: row })
  })
}

export async function addViolation(db: Db, ctx: ActorCtx, id: string, input: { occurredOn: string; severity: 'major' | 'minor'; description: string }) {
  if (input.occurredOn > ctx.now.toISOString().slice(0, 10)) {
    throw new AppError('RULE_VIOLATION', [{ path: 'occurredOn', message: ctx.lang === 'zh' ? '违规日期不能晚于今天' : 'The date cannot be in the future' }], { zh: '违规日期不能晚于今天', en: 'The date cannot be in the future' })
  }
  return db.transaction().execute(async (trx) => {
    await lockAgency(trx, ctx, id)
    const row = await trx.insertInto('agencyViolation').values({ agencyId: id, ...input, createdAt: ctx.now }).returningAll().executeTakeFirstOrThrow()
    await recordAudit(trx, ctx, { action: 'agency.add_violation', entityType: 'agency_violation', entityId: row.id, after: row })
    return getAgency(trx, ctx, id)
  })
}

/** Every independence conflict of the agency with the key evaluation (rule 44), from the agency's record and its users' earlier work. */
export async function independenceOf(db: Db | Trx, agency: repo.AgencyRow, evaluation: repo.KeyEvaluationRow, now: Date) {
  const rules = (await effectiveRules(db, evaluation.jurisdictionCode, evaluation.fiscalYear)).rules.evaluation
  const [relations, violations, earlierWork] = await Promise.all([repo.relationsOf(db, agency.id), repo.violationsOf(db, agency.id), repo.earlierWorkOf(db, agency.userIds)])
  const objectName = evaluation.objectKind === 'department' ? (evaluation.departmentName ?? evaluation.name) : (evaluation.unitName ?? evaluation.departmentName ?? evaluation.name)
  return checkAgencyIndependence(
    { orgCode: agency.orgCode, relations, violations: violations.map((v) => ({ date: String(v.occurredOn).slice(0, 10), severity: v.severity, description: v.description })), creditStatus: agency.creditStatus, earlierWork },
    { commissionerCode: evaluation.commissionerCode, commissionerName: evaluation.commissionerName, objectKind: evaluation.objectKind, projectId: evaluation.projectId, departmentCode: evaluation.departmentCode, unitCode: evaluation.unitCode, objectName },
    rules,
    now,
  )
}

async function mustFindKeyEvaluation(db: Db | Trx, ctx: ActorCtx, id: string, path = 'keyEvaluationId') {
  const row = await repo.findKeyEvaluation(db, ctx.actor, id)
  if (!row) throw new AppError('NOT_FOUND', [{ path, message: id }])
  return row
}

/** The independence check alone, for the engagement dialog to show before saving. */
export async function checkIndependence(db: Db, ctx: ActorCtx, agencyId: string, keyEvaluationId: string) {
  const agency = await mustFindAgency(db, ctx, agencyId)
  const evaluation = await mustFindKeyEvaluation(db, ctx, keyEvaluationId)
  const conflicts = await independenceOf(db, agency, evaluation, ctx.now)
  return { independent: conflicts.length === 0, reasons: conflicts.map((c) => c.reason), conflicts, keyEvaluation: { id: evaluation.id, name: evaluation.name, fiscalYear: evaluation.fiscalYear } }
}

/**
 * Who engages and rates an agency (rule 44): the commissioning party — the finance bureau in its own jurisdiction
 * (agency.manage), or whoever manages the key evaluation, e.g. a department for its own 部门评价.
 */
function assertCommissions(ctx: ActorCtx, evaluation: { level: 'finance' | 'department'; jurisdictionCode: string; commissionerCode: string }) {
  assertOwnJurisdiction(ctx.actor, evaluation)
  if (ctx.actor.permissions.has('agency.manage') || mayManage(ctx, evaluation)) return
  throw new AppError('FORBIDDEN', undefined, { zh: '只有委托方（本级财政部门或组织评价的部门）可以委托和评价第三方机构', en: 'Only the commissioning party (the finance bureau or the department running the evaluation) engages and rates agencies' })
}

/**
 * The commissioning party engages an agency for a key evaluation, with its procurement record (rule 44). Refused
 * with 422 AGENCY_CONFLICT naming every reason when the agency is not independent of the evaluation.
 */
export async function engageAgency(db: Db, ctx: ActorCtx, agencyId: string, input: EngagementInput) {
  return db.transaction().execute(async (trx) => {
    // An agency of the register above may be engaged: the evaluation's own bureau acts, not the register's.
    const agency = await mustFindAgency(trx, ctx, agencyId)
    await trx.selectFrom('agency').select('id').where('id', '=', agencyId).forUpdate().execute()
    const evaluation = await mustFindKeyEvaluation(trx, ctx, input.keyEvaluationId)
    assertCommissions(ctx, evaluation)
    const conflicts = await independenceOf(trx, agency, evaluation, ctx.now)
    if (conflicts.length) throw new AppError('AGENCY_CONFLICT', { reasons: conflicts.map((c) => c.reason), conflicts }, conflictMessage(conflicts))
    const clash = await trx.selectFrom('agencyEngagement').select('id').where('agencyId', '=', agencyId).where('keyEvaluationId', '=', evaluation.id).executeTakeFirst()
    if (clash) throw new AppError('DUPLICATE', [{ path: 'keyEvaluationId', message: evaluation.name }], { zh: '该机构已受托承担此项评价', en: 'The agency is already engaged for this evaluation' })
    const row = await trx
      .insertInto('agencyEngagement')
      .values({ ...input, agencyId, keyEvaluationId: evaluation.id, jurisdictionCode: evaluation.jurisdictionCode, commissionerCode: evaluation.commissionerCode, createdBy: ctx.actor.userId, createdAt: ctx.now, updatedAt: ctx.now })
      .returningAll()
      .executeTakeFirstOrThrow()
    await recordAudit(trx, ctx, { action: 'agency.engage', entityType: 'agency_engagement', entityId: row.id, after: row })
    return getEngagement(trx, ctx, row.id)
  })
}

function toEngagementView(row: Awaited<ReturnType<typeof repo.findEngagement>> & object) {
  return { ...row, ratedAt: iso(row.ratedAt), createdAt: iso(row.createdAt), updatedAt: iso(row.updatedAt) }
}

export async function listEngagements(db: Db, ctx: ActorCtx, filter: { keyEvaluationId?: string; agencyId?: string; status?: string; order?: 'asc' | 'desc' }, page: { page: number; pageSize: number }) {
  let q = repo.engagementsQuery(db, ctx.actor).select(repo.engagementColumns)
  if (filter.keyEvaluationId) q = q.where('agencyEngagement.keyEvaluationId', '=', filter.keyEvaluationId)
  if (filter.agencyId) q = q.where('agencyEngagement.agencyId', '=', filter.agencyId)
  if (filter.status) q = q.where('agencyEngagement.status', '=', filter.status as 'engaged')
  const result = await fetchPage(q.orderBy('agencyEngagement.createdAt', filter.order === 'asc' ? 'asc' : 'desc').orderBy('agencyEngagement.id'), page)
  return { ...result, items: result.items.map(toEngagementView) }
}

/** An engagement with the key evaluation it points to: all an agency user reads of that evaluation. */
export async function getEngagement(db: Db | Trx, ctx: ActorCtx, id: string) {
  const row = (await repo.findEngagement(db, ctx.actor, id)) ?? notFound()
  const evaluation = await db
    .selectFrom('keyEvaluation')
    .leftJoin('orgNode as department', 'department.code', 'keyEvaluation.departmentCode')
    .leftJoin('orgNode as unit', 'unit.code', 'keyEvaluation.unitCode')
    .select(['keyEvaluation.id', 'keyEvaluation.name', 'keyEvaluation.fiscalYear', 'keyEvaluation.level', 'keyEvaluation.objectKind', 'keyEvaluation.template', 'keyEvaluation.stage', 'keyEvaluation.total', 'keyEvaluation.grade', 'department.name as departmentName', 'unit.name as unitName'])
    .where('keyEvaluation.id', '=', row.keyEvaluationId)
    .executeTakeFirstOrThrow()
  return { ...toEngagementView(row), keyEvaluation: evaluation }
}

async function lockEngagement(trx: Trx, ctx: ActorCtx, id: string, version: number) {
  const row = (await repo.findEngagement(trx, ctx.actor, id)) ?? notFound()
  assertCommissions(ctx, { level: row.keyEvaluationLevel, jurisdictionCode: row.jurisdictionCode, commissionerCode: row.commissionerCode })
  await trx.selectFrom('agencyEngagement').select('id').where('id', '=', id).forUpdate().execute()
  const current = await trx.selectFrom('agencyEngagement').select('version').where('id', '=', id).executeTakeFirstOrThrow()
  assertVersion(current, version)
  return row
}

/** Status, contract details, and the subcontracting flag (rule 45: 转包 is flagged on the agency's record). */
export async function updateEngagement(db: Db, ctx: ActorCtx, id: string, input: UpdateEngagementInput) {
  return db.transaction().execute(async (trx) => {
    const before = await lockEngagement(trx, ctx, id, input.version)
    const { version, ...changes } = input
    await trx.updateTable('agencyEngagement').set({ ...changes, version: version + 1, updatedAt: ctx.now }).where('id', '=', id).execute()
    const after = await getEngagement(trx, ctx, id)
    await recordAudit(trx, ctx, { action: 'agency.update_engagement', entityType: 'agency_engagement', entityId: id, before, after })
    return after
  })
}

/** The commissioning party rates the deliverable's quality, 1–5 with a comment (rule 45); the ratings build the agency's record. */
export async function rateEngagement(db: Db, ctx: ActorCtx, id: string, input: { version: number; rating: number; comment: string }) {
  return db.transaction().execute(async (trx) => {
    const before = await lockEngagement(trx, ctx, id, input.version)
    await trx
      .updateTable('agencyEngagement')
      .set({ qualityRating: input.rating, ratingComment: input.comment, ratedBy: ctx.actor.userId, ratedAt: ctx.now, version: input.version + 1, updatedAt: ctx.now })
      .where('id', '=', id)
      .execute()
    const after = await getEngagement(trx, ctx, id)
    await recordAudit(trx, ctx, { action: 'agency.rate', entityType: 'agency_engagement', entityId: id, before, after })
    return after
  })
}
