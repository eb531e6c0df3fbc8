import { spotCheckClosedEvent } from './evaluation.listeners.ts'
import Decimal from 'decimal.js'
import { type ExpressionBuilder, sql } from 'kysely'
import { selfEvalSubmittedStatuses, type SelfEvalStatus } from '../../../domain/evaluation.ts'
import type { RuleSet } from '../../../domain/rule-set.ts'
import type { Grade } from '../../../domain/scoring.ts'
import { scoreSelfEvaluation, type SelfEvalInput, type SelfEvalProblem } from '../../../domain/self-evaluation.ts'
import type { Db, Trx } from '../../db/database.ts'
import type { Database } from '../../db/schema.ts'
import type { Actor, ActorCtx } from '../../http/context.ts'
import { AppError, assertVersion } from '../../http/errors.ts'
import { fetchPage } from '../../http/paging.ts'
import { recordAudit } from '../../platform/audit.ts'
import { jurisdictionsUnder } from '../../platform/scope.ts'
import { onlySupervises } from '../../platform/supervision.ts'
import { effectiveRules } from '../rule-sets/rule-sets.service.ts'

const rulesOf = async (db: Db | Trx, jurisdictionCode: string, fiscalYear: number) => (await effectiveRules(db, jurisdictionCode, fiscalYear)).rules
import { drawSample, newSeed } from '../../../domain/seeded-draw.ts'
import type {
  DrawSpotCheckInput,
  RescoreInput,
  SpotCheckCandidate,
  SpotCheckCompareRow,
  SpotCheckComparison,
  SpotCheckDetail,
  SpotCheckItemRow,
  SpotCheckListFilter,
  SpotCheckListItem,
} from './spotchecks.schemas.ts'
import { readSelfEvalForScoring, type SelfEvalForScoring, selfEvalTablesExist, submittedFormIds } from './spotchecks.source.ts'

/** The unit's 自评表 as drawn: its scoring input, labels and stored scores. */
export interface SpotCheckSnapshot {
  status: SelfEvalStatus
  input: SelfEvalInput
  indicators: SelfEvalForScoring['indicators']
}
export interface ReviewerScore {
  position: number
  actual: string | null
  score: string | null
  reason: string | null
}

const two = (d: Decimal.Value) => new Decimal(d).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2)
const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString())

function violation(ctx: ActorCtx, problems: { path: string; zh: string; en: string }[]): never {
  throw new AppError('RULE_VIOLATION', problems.map((p) => ({ path: p.path, message: p[ctx.lang] })), { zh: problems[0]!.zh, en: problems[0]!.en })
}

/** A bureau sees its own samples and those of the jurisdictions below it; nobody else sees any. */
function spotCheckVisibleTo(actor: Actor) {
  return (eb: ExpressionBuilder<Database, 'spotCheck'>) => (actor.org.kind === 'jurisdiction' ? eb('spotCheck.jurisdictionCode', 'in', jurisdictionsUnder(eb, actor)) : eb.val(false))
}

function listQuery(db: Db | Trx, actor: Actor) {
  return db
    .selectFrom('spotCheck')
    .where(spotCheckVisibleTo(actor))
    .innerJoin('orgNode as jurisdiction', 'jurisdiction.code', 'spotCheck.jurisdictionCode')
    .leftJoin('appUser as creator', 'creator.id', 'spotCheck.createdBy')
    .select((eb) => [
      'spotCheck.id',
      'spotCheck.jurisdictionCode',
      'jurisdiction.name as jurisdictionName',
      'spotCheck.fiscalYear',
      'spotCheck.name',
      'spotCheck.includeBelow',
      'spotCheck.seed',
      'spotCheck.randomCount',
      'spotCheck.poolSize',
      'spotCheck.status',
      'creator.displayName as createdByName',
      'spotCheck.version',
      'spotCheck.createdAt',
      eb.selectFrom('spotCheckItem as i').whereRef('i.spotCheckId', '=', 'spotCheck.id').select(sql<number>`count(*)::int`.as('n')).as('items'),
      eb.selectFrom('spotCheckItem as i').whereRef('i.spotCheckId', '=', 'spotCheck.id').where('i.status', '=', 'reviewed').select(sql<number>`count(*)::int`.as('n')).as('reviewed'),
      eb.selectFrom('spotCheckItem as i').whereRef('i.spotCheckId', '=', 'spotCheck.id').where('i.flagged', '=', true).select(sql<number>`count(*)::int`.as('n')).as('flagged'),
    ])
}

type ListRow = Awaited<ReturnType<ReturnType<typeof listQuery>['execute']>>[number]
function toListItem(row: ListRow): SpotCheckListItem {
  return { ...row, items: Number(row.items ?? 0), reviewed: Number(row.reviewed ?? 0), flagged: Number(row.flagged ?? 0), createdAt: iso(row.createdAt)! }
}

function filtered(db: Db, actor: Actor, filter: SpotCheckListFilter) {
  let q = listQuery(db, actor)
  if (filter.fiscalYear) q = q.where('spotCheck.fiscalYear', '=', filter.fiscalYear)
  if (filter.status) q = q.where('spotCheck.status', '=', filter.status)
  const column = filter.sort === 'fiscalYear' ? 'spotCheck.fiscalYear' : filter.sort === 'name' ? 'spotCheck.name' : 'spotCheck.createdAt'
  return q.orderBy(column, filter.sort ? filter.order : 'desc').orderBy('spotCheck.id')
}

export async function listSpotChecks(db: Db, ctx: ActorCtx, filter: SpotCheckListFilter & { order: 'asc' | 'desc' }, page: { page: number; pageSize: number }) {
  const result = await fetchPage(filtered(db, ctx.actor, filter), page)
  return { ...result, items: result.items.map(toListItem) }
}

/** Every sampled 自评表 of the visible samples, for the Excel export. */
export async function itemsForExport(db: Db, ctx: ActorCtx, filter: SpotCheckListFilter & { order: 'asc' | 'desc' }) {
  const samples = await filtered(db, ctx.actor, filter).limit(2000).execute()
  if (!samples.length) return []
  const items = await itemRows(db, samples.map((s) => s.id))
  const byId = new Map(samples.map((s) => [s.id, s]))
  return items.map((i) => ({ ...i, sample: byId.get(i.spotCheckId)! }))
}

async function itemRows(db: Db | Trx, spotCheckIds: string[]) {
  const rows = await db
    .selectFrom('spotCheckItem')
    .leftJoin('orgNode as department', 'department.code', 'spotCheckItem.departmentCode')
    .leftJoin('orgNode as unit', 'unit.code', 'spotCheckItem.unitCode')
    .select([
      'spotCheckItem.id',
      'spotCheckItem.spotCheckId',
      'spotCheckItem.formId',
      'spotCheckItem.pick',
      'spotCheckItem.position',
      'spotCheckItem.title',
      'spotCheckItem.jurisdictionCode',
      'spotCheckItem.departmentCode',
      'department.name as departmentName',
      'spotCheckItem.unitCode',
      'unit.name as unitName',
      'spotCheckItem.projectId',
      'spotCheckItem.unitTotal',
      'spotCheckItem.unitGrade',
      'spotCheckItem.reviewerTotal',
      'spotCheckItem.reviewerGrade',
      'spotCheckItem.gap',
      'spotCheckItem.flagged',
      'spotCheckItem.status',
      'spotCheckItem.version',
    ])
    .where('spotCheckItem.spotCheckId', 'in', spotCheckIds)
    .orderBy('spotCheckItem.position')
    .execute()
  return rows
}

async function mustFind(db: Db | Trx, actor: Actor, id: string) {
  const row = await listQuery(db, actor).where('spotCheck.id', '=', id).executeTakeFirst()
  if (!row) throw new AppError('NOT_FOUND')
  return row
}

const gapThreshold = (rules: RuleSet) => two(rules.evaluation.spotCheckGapPoints)

export async function getSpotCheck(db: Db | Trx, ctx: ActorCtx, id: string): Promise<SpotCheckDetail> {
  const row = await mustFind(db, ctx.actor, id)
  const rules = await rulesOf(db, row.jurisdictionCode, row.fiscalYear)
  const own = !onlySupervises(ctx.actor, row)
  const sample = (await itemRows(db, [id])).map(({ spotCheckId: _s, ...item }): SpotCheckItemRow => item)
  return { ...toListItem(row), gapThreshold: gapThreshold(rules), sample, can: { rescore: own && row.status === 'open', close: own && row.status === 'open' } }
}

/** The jurisdictions whose 自评表 are in the pool: the actor's own, and those below it when asked. */
async function poolJurisdictions(db: Db | Trx, actor: Actor, includeBelow: boolean) {
  if (!includeBelow) return [actor.org.jurisdictionCode]
  return (await db.selectFrom('orgNode').select('code').where('kind', '=', 'jurisdiction').where('path', 'like', `${actor.org.path}%`).execute()).map((r) => r.code)
}

async function poolOf(db: Db | Trx, actor: Actor, fiscalYear: number, includeBelow: boolean) {
  if (!(await selfEvalTablesExist(db))) return []
  return submittedFormIds(db, fiscalYear, await poolJurisdictions(db, actor, includeBelow), selfEvalSubmittedStatuses)
}

/** The submitted 自评表 a reviewer may pick by hand, paged. */
export async function listCandidates(db: Db, ctx: ActorCtx, query: { fiscalYear: number; includeBelow: boolean; page: number; pageSize: number }) {
  const ids = await poolOf(db, ctx.actor, query.fiscalYear, query.includeBelow)
  const slice = ids.slice((query.page - 1) * query.pageSize, query.page * query.pageSize)
  const items: SpotCheckCandidate[] = []
  for (const id of slice) {
    const form = await readSelfEvalForScoring(db, id)
    if (!form) continue
    const names = await orgNames(db, [form.departmentCode, form.unitCode])
    items.push({ formId: id, title: form.title, departmentName: names.get(form.departmentCode ?? '') ?? null, unitName: names.get(form.unitCode ?? '') ?? null, status: form.status, total: form.total, grade: form.grade })
  }
  return { items, total: ids.length, page: query.page, pageSize: query.pageSize }
}

async function orgNames(db: Db | Trx, codes: (string | null)[]) {
  const wanted = codes.filter((c): c is string => !!c)
  if (!wanted.length) return new Map<string, string>()
  return new Map((await db.selectFrom('orgNode').select(['code', 'name']).where('code', 'in', wanted).execute()).map((r) => [r.code, r.name]))
}

/** Finance draws a sample: the picks first, then `count` at random from the rest of the pool with the recorded seed. */
export async function drawSpotCheck(db: Db, ctx: ActorCtx, input: DrawSpotCheckInput): Promise<SpotCheckDetail> {
  if (ctx.actor.org.kind !== 'jurisdiction') throw new AppError('FORBIDDEN')
  const pool = await poolOf(db, ctx.actor, input.fiscalYear, input.includeBelow)
  const inPool = new Set(pool)
  const picks = [...new Set(input.picks)]
  const problems: { path: string; zh: string; en: string }[] = []
  picks.forEach((id, i) => {
    if (!inPool.has(id)) problems.push({ path: `picks.${i}`, zh: '所选自评表不在可抽查范围内（须为本年度已提交的自评表）', en: 'The chosen self-evaluation is not in the pool (submitted forms of the year in your scope)' })
  })
  const rest = pool.filter((id) => !picks.includes(id))
  if (input.count > rest.length) problems.push({ path: 'count', zh: `可随机抽取的自评表只有 ${rest.length} 份`, en: `Only ${rest.length} self-evaluations are left to draw at random` })
  if (input.count + picks.length === 0) problems.push({ path: 'count', zh: '请至少抽取或选择一份自评表', en: 'Draw or pick at least one self-evaluation' })
  if (problems.length) violation(ctx, problems)
  const seed = input.seed ?? newSeed()
  const drawn = drawSample(rest, input.count, seed)
  return db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('spotCheck')
      .values({ jurisdictionCode: ctx.actor.org.jurisdictionCode, fiscalYear: input.fiscalYear, name: input.name, includeBelow: input.includeBelow, seed, randomCount: input.count, poolSize: pool.length, poolIds: pool, createdBy: ctx.actor.userId, createdAt: ctx.now, updatedAt: ctx.now })
      .returning('id')
      .executeTakeFirstOrThrow()
    const chosen = [...picks.map((formId) => ({ formId, pick: 'manual' as const })), ...drawn.map((formId) => ({ formId, pick: 'random' as const }))]
    for (const [position, { formId, pick }] of chosen.entries()) {
      const form = (await readSelfEvalForScoring(trx, formId))!
      const snapshot: SpotCheckSnapshot = { status: form.status, input: form.input, indicators: form.indicators }
      await trx
        .insertInto('spotCheckItem')
        .values({
          spotCheckId: id,
          formId,
          pick,
          position,
          jurisdictionCode: form.jurisdictionCode,
          departmentCode: form.departmentCode,
          unitCode: form.unitCode,
          projectId: form.projectId,
          title: form.title.slice(0, 300),
          unitSnapshot: JSON.stringify(snapshot),
          unitTotal: form.total,
          unitGrade: form.grade,
          createdAt: ctx.now,
          updatedAt: ctx.now,
        })
        .execute()
    }
    const created = await getSpotCheck(trx, ctx, id)
    await recordAudit(trx, ctx, { action: 'spot_check.draw', entityType: 'spot_check', entityId: id, after: { seed, poolSize: pool.length, randomCount: input.count, picks, drawn } })
    return created
  })
}

async function mustFindItem(db: Db | Trx, ctx: ActorCtx, id: string, itemId: string) {
  const sample = await mustFind(db, ctx.actor, id)
  const item = await db.selectFrom('spotCheckItem').selectAll().where('id', '=', itemId).where('spotCheckId', '=', id).executeTakeFirst()
  if (!item) throw new AppError('NOT_FOUND')
  return { sample, item }
}

type ItemRow = Awaited<ReturnType<typeof mustFindItem>>['item']

/** The reviewer's 自评表: the unit's, with the reviewer's verified actual values and scores as overrides. */
function reviewerInput(snapshot: SpotCheckSnapshot, scores: readonly ReviewerScore[]): SelfEvalInput {
  return {
    ...snapshot.input,
    indicators: snapshot.input.indicators.map((ind, i) => {
      const mine = scores.find((s) => s.position === snapshot.indicators[i]!.position)
      const reason = mine?.reason ?? null
      return { ...ind, actual: mine?.actual ?? ind.actual, score: mine?.score ?? null, overrideReason: reason, deviationReason: ind.deviationReason ?? reason }
    }),
  }
}

/** The problems the reviewer's own entries cause: out-of-bound scores, missing reasons, bad actual values. */
function reviewerProblems(problems: SelfEvalProblem[], snapshot: SpotCheckSnapshot, scores: readonly ReviewerScore[]) {
  return problems.filter((p) => {
    const m = /^indicators\.(\d+)\.(score|overrideReason|actual)$/.exec(p.path)
    if (!m) return false
    const mine = scores.find((s) => s.position === snapshot.indicators[Number(m[1])]?.position)
    return m[2] === 'actual' ? !!mine?.actual : true
  })
}

export function compare(item: Pick<ItemRow, 'unitSnapshot'>, rules: RuleSet, scores: readonly ReviewerScore[]) {
  const snapshot = item.unitSnapshot as SpotCheckSnapshot
  const unit = scoreSelfEvaluation(snapshot.input, rules)
  const reviewer = scoreSelfEvaluation(reviewerInput(snapshot, scores), rules)
  const rows: SpotCheckCompareRow[] = snapshot.input.indicators.map((ind, i) => {
    const labels = snapshot.indicators[i]!
    const mine = scores.find((s) => s.position === labels.position)
    const unitScore = labels.score ?? unit.indicators[i]!.score
    const r = reviewer.indicators[i]!
    return {
      position: labels.position,
      level1: labels.level1,
      level2: labels.level2,
      name: labels.name,
      target: ind.target,
      unit: ind.unit,
      weight: ind.weight,
      applicable: ind.applicable,
      unitActual: ind.actual,
      unitProposed: labels.proposedScore ?? unit.indicators[i]!.proposed?.value ?? null,
      unitScore,
      unitOverrideReason: ind.overrideReason,
      reviewerActual: mine?.actual ?? ind.actual,
      reviewerProposed: r.proposed?.value ?? null,
      reviewerFormula: r.proposed?.formula ?? null,
      reviewerScore: r.score,
      reviewerReason: mine?.reason ?? null,
      bound: r.bound,
      gap: r.score !== null && unitScore !== null ? two(new Decimal(r.score).minus(unitScore)) : null,
    }
  })
  return { snapshot, unit, reviewer, rows, problems: reviewerProblems(reviewer.problems, snapshot, scores) }
}

export { rulesOf }

export async function getComparison(db: Db | Trx, ctx: ActorCtx, id: string, itemId: string): Promise<SpotCheckComparison> {
  const { sample, item } = await mustFindItem(db, ctx, id, itemId)
  const rules = await rulesOf(db, item.jurisdictionCode, sample.fiscalYear)
  const threshold = gapThreshold(await rulesOf(db, sample.jurisdictionCode, sample.fiscalYear))
  const scores = (item.reviewerScores as ReviewerScore[]) ?? []
  const { snapshot, reviewer, rows, problems } = compare(item, rules, scores)
  const names = await orgNames(db, [item.departmentCode, item.unitCode])
  const reviewerName = item.reviewedBy ? ((await db.selectFrom('appUser').select('displayName').where('id', '=', item.reviewedBy).executeTakeFirst())?.displayName ?? null) : null
  const ex = reviewer.execution
  return {
    id: item.id,
    formId: item.formId,
    pick: item.pick,
    position: item.position,
    title: item.title,
    jurisdictionCode: item.jurisdictionCode,
    departmentCode: item.departmentCode,
    departmentName: names.get(item.departmentCode ?? '') ?? null,
    unitCode: item.unitCode,
    unitName: names.get(item.unitCode ?? '') ?? null,
    projectId: item.projectId,
    unitTotal: item.unitTotal,
    unitGrade: item.unitGrade,
    reviewerTotal: item.status === 'reviewed' ? item.reviewerTotal : (reviewer.total?.value ?? null),
    reviewerGrade: item.status === 'reviewed' ? item.reviewerGrade : (reviewer.grade?.value ?? null),
    gap: item.gap,
    flagged: item.flagged,
    status: item.status,
    version: item.version,
    spotCheckId: sample.id,
    spotCheckName: sample.name,
    fiscalYear: sample.fiscalYear,
    formStatus: snapshot.status,
    gapThreshold: threshold,
    note: item.note,
    execution: { budget: snapshot.input.budget, executed: snapshot.input.executed, ratePercent: ex.value.ratePercent, weight: snapshot.input.executionWeight, score: ex.value.score, formula: ex.formula },
    rows,
    reviewerTotalFormula: reviewer.total?.formula ?? null,
    problems,
    reviewedByName: reviewerName,
    reviewedAt: iso(item.reviewedAt),
    can: { rescore: !onlySupervises(ctx.actor, sample) && sample.status === 'open' },
  }
}

/** The reviewer re-scores a sampled 自评表 through the same scoring; a gap at or above the rule set's points is flagged. */
export async function rescoreItem(db: Db, ctx: ActorCtx, id: string, itemId: string, input: RescoreInput): Promise<SpotCheckComparison> {
  return db.transaction().execute(async (trx) => {
    const sample = await mustFind(trx, ctx.actor, id)
    if (onlySupervises(ctx.actor, sample)) throw new AppError('SUPERVISION_ONLY')
    const before = await trx.selectFrom('spotCheckItem').selectAll().where('id', '=', itemId).where('spotCheckId', '=', id).forUpdate().executeTakeFirst()
    if (!before) throw new AppError('NOT_FOUND')
    assertVersion(before, input.version)
    if (sample.status !== 'open') throw new AppError('INVALID_TRANSITION', { from: sample.status, move: 'rescore' }, { zh: '抽查已结束，不能再复核打分', en: 'The spot-check is closed; it takes no more scores' })
    const snapshot = before.unitSnapshot as SpotCheckSnapshot
    const known = new Set(snapshot.indicators.map((i) => i.position))
    const unknown = input.indicators.findIndex((s) => !known.has(s.position))
    if (unknown >= 0) violation(ctx, [{ path: `indicators.${unknown}.position`, zh: '自评表中没有该指标', en: 'The form has no indicator at this position' }])
    const scores: ReviewerScore[] = input.indicators.map((s) => ({ position: s.position, actual: s.actual || null, score: s.score || null, reason: s.reason || null }))
    const rules = await rulesOf(trx, before.jurisdictionCode, sample.fiscalYear)
    const { reviewer, problems } = compare(before, rules, scores)
    if (problems.length) violation(ctx, problems)
    const threshold = (await rulesOf(trx, sample.jurisdictionCode, sample.fiscalYear)).evaluation.spotCheckGapPoints
    const total = reviewer.total?.value ?? null
    const gap = total !== null && before.unitTotal !== null ? two(new Decimal(total).minus(before.unitTotal)) : null
    const flagged = gap !== null && new Decimal(gap).abs().gte(threshold)
    await trx
      .updateTable('spotCheckItem')
      .set({ reviewerScores: JSON.stringify(scores), reviewerTotal: total, reviewerGrade: (reviewer.grade?.value ?? null) as Grade | null, gap, flagged, note: input.note, status: 'reviewed', reviewedBy: ctx.actor.userId, reviewedAt: ctx.now, version: before.version + 1, updatedAt: ctx.now })
      .where('id', '=', itemId)
      .execute()
    const after = await getComparison(trx, ctx, id, itemId)
    const { unitSnapshot: _u, ...beforeRow } = before
    await recordAudit(trx, ctx, { action: 'spot_check.rescore', entityType: 'spot_check_item', entityId: itemId, before: beforeRow, after: { reviewerScores: scores, reviewerTotal: total, gap, flagged } })
    return after
  })
}

/** Closes a sample once every item is re-scored: its flagged gaps go on to the results stage. */
export async function closeSpotCheck(db: Db, ctx: ActorCtx, id: string, version: number): Promise<SpotCheckDetail> {
  return db.transaction().execute(async (trx) => {
    const before = await mustFind(trx, ctx.actor, id)
    if (onlySupervises(ctx.actor, before)) throw new AppError('SUPERVISION_ONLY')
    await trx.selectFrom('spotCheck').select('id').where('id', '=', id).forUpdate().execute()
    assertVersion(before, version)
    if (before.status !== 'open') throw new AppError('INVALID_TRANSITION', { from: before.status, move: 'close' })
    if (Number(before.reviewed) < Number(before.items)) violation(ctx, [{ path: 'items', zh: `还有 ${Number(before.items) - Number(before.reviewed)} 份自评表未复核`, en: `${Number(before.items) - Number(before.reviewed)} sampled forms are not re-scored yet` }])
    await trx.updateTable('spotCheck').set({ status: 'closed', version: before.version + 1, updatedAt: ctx.now }).where('id', '=', id).execute()
    const after = await getSpotCheck(trx, ctx, id)
    await recordAudit(trx, ctx, { action: 'spot_check.close', entityType: 'spot_check', entityId: id, before: toListItem(before), after: { ...after, sample: undefined } })
    await spotCheckClosedEvent(trx, { ids: [id], userId: ctx.actor.userId, now: ctx.now })
    return after
  })
}
