import { drawExperts, newSeed, scoreSpread } from '../../../domain/expert-draw.ts'
import type { ExpertAvoidanceReason } from '../../../domain/evaluation.ts'
import type { Db, Trx } from '../../db/database.ts'
import type { Actor, ActorCtx } from '../../http/context.ts'
import { AppError, assertVersion } from '../../http/errors.ts'
import { fetchPage, likeContains } from '../../http/paging.ts'
import { recordAudit } from '../../platform/audit.ts'
import { assertOwnJurisdiction } from '../../platform/supervision.ts'
import { effectiveRules } from '../rule-sets/rule-sets.service.ts'
import { findKeyEvaluation } from '../agencies/agencies.repository.ts'
import { isExpertUser, keyEvaluationVisibleTo, registerVisibleTo } from '../agencies/registers.scope.ts'
import type { CreateExpertInput, DrawInput, ExpertListFilter, SheetInput, UpdateExpertInput } from './experts.schemas.ts'

const notFound = (): never => {
  throw new AppError('NOT_FOUND')
}
const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString())

const expertColumns = [
  'expert.id',
  'expert.jurisdictionCode',
  'expert.name',
  'expert.fields',
  'expert.affiliationCode',
  'affiliationNode.name as affiliationName',
  'expert.affiliation',
  'expert.title',
  'expert.phone',
  'expert.active',
  'expert.userId',
  'expert.version',
  'expert.createdAt',
  'expert.updatedAt',
] as const

function expertsQuery(db: Db | Trx, actor: Actor) {
  return db.selectFrom('expert').leftJoin('orgNode as affiliationNode', 'affiliationNode.code', 'expert.affiliationCode').where(registerVisibleTo(actor, 'expert.jurisdictionCode'))
}

export function listExpertRows(db: Db | Trx, actor: Actor, filter: ExpertListFilter) {
  let q = expertsQuery(db, actor).select(expertColumns)
  if (filter.q) q = q.where((eb) => eb.or([eb('expert.name', 'ilike', likeContains(filter.q!)), eb('expert.affiliation', 'ilike', likeContains(filter.q!))]))
  if (filter.field) q = q.where((eb) => eb(eb.val(filter.field!), '=', eb.fn.any('expert.fields')))
  if (filter.active) q = q.where('expert.active', '=', filter.active === 'true')
  return q.orderBy(`expert.${filter.sort ?? 'name'}`, filter.order ?? 'asc').orderBy('expert.id')
}

export async function listExperts(db: Db, ctx: ActorCtx, filter: ExpertListFilter, page: { page: number; pageSize: number }) {
  return fetchPage(listExpertRows(db, ctx.actor, filter), page)
}

async function mustFindExpert(db: Db | Trx, ctx: ActorCtx, id: string) {
  return (await expertsQuery(db, ctx.actor).select(expertColumns).where('expert.id', '=', id).executeTakeFirst()) ?? notFound()
}

/** The expert's record: relations and the draws that picked it. */
export async function getExpert(db: Db | Trx, ctx: ActorCtx, id: string) {
  const expert = await mustFindExpert(db, ctx, id)
  const relations = await db
    .selectFrom('expertRelation')
    .innerJoin('orgNode', 'orgNode.code', 'expertRelation.orgCode')
    .select(['expertRelation.id', 'expertRelation.orgCode', 'orgNode.name as orgName', 'expertRelation.relation'])
    .where('expertRelation.expertId', '=', id)
    .execute()
  const draws = await db
    .selectFrom('expertDraw')
    .innerJoin('keyEvaluation', 'keyEvaluation.id', 'expertDraw.keyEvaluationId')
    .select(['expertDraw.id', 'expertDraw.drawnAt', 'keyEvaluation.id as keyEvaluationId', 'keyEvaluation.name as keyEvaluationName'])
    .where((eb) => eb(eb.val(id), '=', eb.fn.any('expertDraw.drawnIds')))
    .orderBy('expertDraw.drawnAt', 'desc')
    .limit(100)
    .execute()
  return { ...expert, createdAt: iso(expert.createdAt), updatedAt: iso(expert.updatedAt), relations, draws: draws.map((d) => ({ ...d, drawnAt: iso(d.drawnAt) })) }
}

async function assertRefs(db: Db | Trx, input: { affiliationCode?: string | null; userId?: string | null }) {
  if (input.affiliationCode && !(await db.selectFrom('orgNode').select('code').where('code', '=', input.affiliationCode).executeTakeFirst())) {
    throw new AppError('VALIDATION_FAILED', [{ path: 'affiliationCode', message: input.affiliationCode }])
  }
  if (input.userId) {
    const user = await db.selectFrom('appUser').select('id').where('id', '=', input.userId).where((eb) => eb(eb.val('expert'), '=', eb.fn.any('appUser.roles'))).executeTakeFirst()
    if (!user) throw new AppError('RULE_VIOLATION', [{ path: 'userId', message: 'expert' }], { zh: '专家账号须为评审专家用户', en: 'The account must be an expert user' })
  }
}

export async function createExpert(db: Db, ctx: ActorCtx, input: CreateExpertInput) {
  if (ctx.actor.org.kind !== 'jurisdiction') throw new AppError('FORBIDDEN')
  return db.transaction().execute(async (trx) => {
    await assertRefs(trx, input)
    const row = await trx
      .insertInto('expert')
      .values({ ...input, fields: [...new Set(input.fields)], jurisdictionCode: ctx.actor.org.jurisdictionCode, createdBy: ctx.actor.userId, createdAt: ctx.now, updatedAt: ctx.now })
      .returningAll()
      .executeTakeFirstOrThrow()
    await recordAudit(trx, ctx, { action: 'expert.create', entityType: 'expert', entityId: row.id, after: row })
    return getExpert(trx, ctx, row.id)
  })
}

async function lockExpert(trx: Trx, ctx: ActorCtx, id: string) {
  const row = await mustFindExpert(trx, ctx, id)
  assertOwnJurisdiction(ctx.actor, row)
  await trx.selectFrom('expert').select('id').where('id', '=', id).forUpdate().execute()
  return row
}

export async function updateExpert(db: Db, ctx: ActorCtx, id: string, input: UpdateExpertInput) {
  return db.transaction().execute(async (trx) => {
    const before = await lockExpert(trx, ctx, id)
    assertVersion(before, input.version)
    const { version: _, ...changes } = input
    await assertRefs(trx, changes)
    await trx
      .updateTable('expert')
      .set({ ...changes, ...(changes.fields ? { fields: [...new Set(changes.fields)] } : {}), version: before.version + 1, updatedAt: ctx.now })
      .where('id', '=', id)
      .execute()
    const after = await mustFindExpert(trx, ctx, id)
    await recordAudit(trx, ctx, { action: 'expert.update', entityType: 'expert', entityId: id, before, after })
    return getExpert(trx, ctx, id)
  })
}

export async function addExpertRelation(db: Db, ctx: ActorCtx, id: string, input: { orgCode: string; relation: string }) {
  return db.transaction().execute(async (trx) => {
    await lockExpert(trx, ctx, id)
    await assertRefs(trx, { affiliationCode: input.orgCode })
    const row = await trx.insertInto('expertRelation').values({ expertId: id, ...input, createdAt: ctx.now }).returningAll().executeTakeFirstOrThrow()
    await recordAudit(trx, ctx, { action: 'expert.add_relation', entityType: 'expert_relation', entityId: row.id, after: row })
    return getExpert(trx, ctx, id)
  })
}

export interface DrawCandidateView {
  id: string
  name: string
  affiliation: string
  fields: string[]
  reasons: ExpertAvoidanceReason[]
}

/**
 * The pool of a key evaluation: the experts of its jurisdiction's register and those above it, each with its
 * declared relations and when a draw of another evaluation last picked it (drawing this evaluation again with
 * the recorded seed must give the same experts).
 */
export async function poolFor(db: Db | Trx, jurisdictionCode: string, keyEvaluationId: string) {
  const node = await db.selectFrom('orgNode').select('path').where('code', '=', jurisdictionCode).executeTakeFirstOrThrow()
  const chain = node.path.split('/').filter(Boolean)
  const experts = await db
    .selectFrom('expert')
    .leftJoin('orgNode as affiliationNode', 'affiliationNode.code', 'expert.affiliationCode')
    .select(['expert.id', 'expert.name', 'expert.affiliation', 'expert.fields', 'expert.affiliationCode', 'affiliationNode.departmentCode as affiliationDepartmentCode', 'affiliationNode.kind as affiliationKind', 'expert.active'])
    .select((eb) => [
      eb.selectFrom('expertRelation').select((r) => r.fn.agg<string[]>('array_agg', ['expertRelation.orgCode']).as('codes')).whereRef('expertRelation.expertId', '=', 'expert.id').as('relatedCodes'),
      eb.selectFrom('expertDraw').select((d) => d.fn.max('expertDraw.drawnAt').as('last')).where((d) => d(d.ref('expert.id'), '=', d.fn.any('expertDraw.drawnIds'))).where('expertDraw.keyEvaluationId', '!=', keyEvaluationId).as('lastEngagedAt'),
    ])
    .where('expert.jurisdictionCode', 'in', chain)
    .execute()
  return experts.map((e) => ({
    ...e,
    // A department's own node has no department code: it is its own department.
    affiliationDepartmentCode: e.affiliationKind === 'department' ? e.affiliationCode : (e.affiliationDepartmentCode ?? null),
    relatedCodes: e.relatedCodes ?? [],
    lastEngagedAt: (e.lastEngagedAt as Date | string | null) ?? null,
  }))
}

/**
 * A random draw of experts for a key evaluation (专家随机抽取): the avoided ones are left out with their reasons;
 * the seed, the criteria and the candidate list are recorded so the draw can be reproduced.
 */
export async function drawForEvaluation(db: Db, ctx: ActorCtx, input: DrawInput) {
  return db.transaction().execute(async (trx) => {
    const evaluation = (await findKeyEvaluation(trx, ctx.actor, input.keyEvaluationId)) ?? notFound()
    assertOwnJurisdiction(ctx.actor, evaluation)
    const rules = (await effectiveRules(trx, evaluation.jurisdictionCode, evaluation.fiscalYear)).rules.evaluation
    const pool = await poolFor(trx, evaluation.jurisdictionCode, evaluation.id)
    const seed = input.seed ?? newSeed()
    const object = { unitCode: evaluation.unitCode, departmentCode: evaluation.departmentCode }
    const result = drawExperts({ pool, object, fields: input.fields, count: input.count, seed, asOf: ctx.now, cooldownMonths: rules.expertCooldownMonths })
    if (result.drawn.length === 0) {
      throw new AppError('RULE_VIOLATION', [{ path: 'count', message: ctx.lang === 'zh' ? '没有可抽取的专家' : 'No expert may be drawn' }], { zh: '回避后没有可抽取的专家，请调整专业领域', en: 'No expert is left after avoidance; change the fields' })
    }
    const byId = new Map(pool.map((e) => [e.id, e]))
    const candidates: DrawCandidateView[] = result.candidates.map((c) => ({ id: c.id, name: byId.get(c.id)!.name, affiliation: byId.get(c.id)!.affiliation, fields: byId.get(c.id)!.fields, reasons: c.reasons }))
    const criteria = { count: input.count, fields: input.fields ?? [], cooldownMonths: rules.expertCooldownMonths, asOf: ctx.now.toISOString(), object, shortfall: result.shortfall }
    const row = await trx
      .insertInto('expertDraw')
      .values({ keyEvaluationId: evaluation.id, jurisdictionCode: evaluation.jurisdictionCode, seed, criteria: JSON.stringify(criteria), candidates: JSON.stringify(candidates), drawnIds: result.drawn, drawnBy: ctx.actor.userId, drawnAt: ctx.now })
      .returningAll()
      .executeTakeFirstOrThrow()
    await recordAudit(trx, ctx, { action: 'expert.draw', entityType: 'expert_draw', entityId: row.id, after: { ...row, criteria, candidates } })
    return getDraw(trx, ctx, row.id)
  })
}

/** Draws an actor sees: an expert user those that picked it; others those of key evaluations they see. */
function drawsQuery(db: Db | Trx, actor: Actor) {
  const q = db.selectFrom('expertDraw').innerJoin('keyEvaluation', 'keyEvaluation.id', 'expertDraw.keyEvaluationId').leftJoin('appUser as drawer', 'drawer.id', 'expertDraw.drawnBy')
  if (isExpertUser(actor)) {
    return q.where((eb) => eb.exists(eb.selectFrom('expert as me').select('me.id').where('me.userId', '=', actor.userId).where((m) => m(m.ref('me.id'), '=', m.fn.any('expertDraw.drawnIds')))))
  }
  return q.where(keyEvaluationVisibleTo(actor))
}

const drawColumns = [
  'expertDraw.id',
  'expertDraw.keyEvaluationId',
  'keyEvaluation.name as keyEvaluationName',
  'keyEvaluation.jurisdictionCode',
  'expertDraw.seed',
  'expertDraw.criteria',
  'expertDraw.drawnIds',
  'drawer.displayName as drawnByName',
  'expertDraw.drawnAt',
] as const

export async function listDraws(db: Db, ctx: ActorCtx, filter: { keyEvaluationId?: string; order?: 'asc' | 'desc' }, page: { page: number; pageSize: number }) {
  let q = drawsQuery(db, ctx.actor).select(drawColumns)
  if (filter.keyEvaluationId) q = q.where('expertDraw.keyEvaluationId', '=', filter.keyEvaluationId)
  const result = await fetchPage(q.orderBy('expertDraw.drawnAt', filter.order === 'asc' ? 'asc' : 'desc').orderBy('expertDraw.id'), page)
  const names = await namesOf(db, result.items.flatMap((d) => d.drawnIds))
  return { ...result, items: result.items.map((d) => ({ ...d, drawnAt: iso(d.drawnAt), drawn: d.drawnIds.map((id) => ({ id, name: names.get(id) ?? '' })) })) }
}

async function namesOf(db: Db | Trx, ids: string[]) {
  if (!ids.length) return new Map<string, string>()
  const rows = await db.selectFrom('expert').select(['id', 'name']).where('id', 'in', ids).execute()
  return new Map(rows.map((r) => [r.id, r.name]))
}

/**
 * A draw with its candidates and their avoidance reasons, the drawn experts, and their score sheets side by side
 * with the spread of the totals (flagged above the rule set's gap). An expert user sees only its own sheet.
 */
export async function getDraw(db: Db | Trx, ctx: ActorCtx, id: string) {
  const draw = (await drawsQuery(db, ctx.actor).select(drawColumns).select('expertDraw.candidates').where('expertDraw.id', '=', id).executeTakeFirst()) ?? notFound()
  const evaluation = await db.selectFrom('keyEvaluation').select(['fiscalYear', 'jurisdictionCode']).where('id', '=', draw.keyEvaluationId).executeTakeFirstOrThrow()
  const gap = (await effectiveRules(db, evaluation.jurisdictionCode, evaluation.fiscalYear)).rules.evaluation.spotCheckGapPoints
  let sheetsQ = db
    .selectFrom('expert')
    .leftJoin('expertScoreSheet', (j) => j.onRef('expertScoreSheet.expertId', '=', 'expert.id').on('expertScoreSheet.drawId', '=', id))
    .select(['expert.id as expertId', 'expert.name', 'expert.affiliation', 'expert.title', 'expert.userId', 'expertScoreSheet.id', 'expertScoreSheet.scores', 'expertScoreSheet.total', 'expertScoreSheet.comment', 'expertScoreSheet.submittedAt', 'expertScoreSheet.version'])
    .where('expert.id', 'in', draw.drawnIds.length ? draw.drawnIds : ['00000000-0000-0000-0000-000000000000'])
  const expertView = isExpertUser(ctx.actor)
  if (expertView) sheetsQ = sheetsQ.where('expert.userId', '=', ctx.actor.userId)
  const sheets = (await sheetsQ.execute()).map((s) => ({ ...s, scores: (s.scores ?? {}) as Record<string, string>, comment: s.comment ?? '', version: s.version ?? 0, submittedAt: iso(s.submittedAt), mine: s.userId === ctx.actor.userId }))
  sheets.sort((a, b) => draw.drawnIds.indexOf(a.expertId) - draw.drawnIds.indexOf(b.expertId))
  const submitted = sheets.filter((s) => s.submittedAt && s.total !== null)
  const indicators = [...new Set(sheets.flatMap((s) => Object.keys(s.scores)))].sort()
  const byIndicator = indicators.map((code) => ({ code, ...scoreSpread(submitted.map((s) => s.scores[code]).filter((v): v is string => v !== undefined), gap) }))
  return {
    ...draw,
    drawnAt: iso(draw.drawnAt),
    candidates: draw.candidates as DrawCandidateView[],
    drawn: sheets.map((s) => ({ id: s.expertId, name: s.name, affiliation: s.affiliation, title: s.title })),
    sheets,
    spread: { threshold: gap.toFixed(2), total: expertView ? null : scoreSpread(submitted.map((s) => s.total!), gap), byIndicator: expertView ? [] : byIndicator },
  }
}

/** An expert fills and submits its own score sheet for a draw that picked it; the total is the sum of its scores. */
export async function saveSheet(db: Db, ctx: ActorCtx, drawId: string, input: SheetInput) {
  return db.transaction().execute(async (trx) => {
    const draw = (await drawsQuery(trx, ctx.actor).select(['expertDraw.id', 'expertDraw.keyEvaluationId', 'expertDraw.drawnIds']).where('expertDraw.id', '=', drawId).executeTakeFirst()) ?? notFound()
    const me = (await trx.selectFrom('expert').select('id').where('userId', '=', ctx.actor.userId).where('id', 'in', draw.drawnIds.length ? draw.drawnIds : ['00000000-0000-0000-0000-000000000000']).executeTakeFirst()) ?? notFound()
    const before = await trx.selectFrom('expertScoreSheet').selectAll().where('drawId', '=', drawId).where('expertId', '=', me.id).forUpdate().executeTakeFirst()
    assertVersion({ version: before?.version ?? 0 }, input.version)
    if (before?.submittedAt) throw new AppError('NOT_EDITABLE')
    const cents = Object.values(input.scores).reduce((s, v) => s + Math.round(Number(v) * 100), 0)
    if (cents > 10_000) {
      throw new AppError('RULE_VIOLATION', [{ path: 'scores', message: ctx.lang === 'zh' ? '总分不能超过 100 分' : 'The total cannot exceed 100' }], { zh: '各指标得分合计不能超过 100 分', en: 'The scores cannot total more than 100' })
    }
    const values = { scores: JSON.stringify(input.scores), total: (cents / 100).toFixed(2), comment: input.comment, submittedAt: input.submit ? ctx.now : null, updatedAt: ctx.now }
    const after = before
      ? await trx.updateTable('expertScoreSheet').set({ ...values, version: before.version + 1 }).where('id', '=', before.id).returningAll().executeTakeFirstOrThrow()
      : await trx.insertInto('expertScoreSheet').values({ ...values, drawId, keyEvaluationId: draw.keyEvaluationId, expertId: me.id }).returningAll().executeTakeFirstOrThrow()
    await recordAudit(trx, ctx, { action: input.submit ? 'expert.submit_sheet' : 'expert.save_sheet', entityType: 'expert_score_sheet', entityId: after.id, before: before ?? null, after })
    return getDraw(trx, ctx, drawId)
  })
}
