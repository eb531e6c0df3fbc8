import { chinaDay } from '../../../domain/corrective-actions.ts'
import {
  defaultDueOn,
  findingOriginLabels,
  type ProblemText,
  type RectificationMove,
  rectificationEscalation,
  rectificationMoves,
  type RectificationSourceType,
  rectificationStatusLabels,
  respondProblems,
} from '../../../domain/results.ts'
import type { RuleSet } from '../../../domain/rule-set.ts'
import type { Db, Trx } from '../../db/database.ts'
import type { ActorCtx } from '../../http/context.ts'
import { AppError, assertVersion } from '../../http/errors.ts'
import { recordAudit } from '../../platform/audit.ts'
import { isWithinScope } from '../../platform/scope.ts'
import { assertOwnJurisdiction, onlySupervises } from '../../platform/supervision.ts'
import { effectiveRules } from '../rule-sets/rule-sets.service.ts'
import * as repo from './rectifications.repository.ts'
import type { CreateRectificationInput } from './rectifications.schemas.ts'

function violation(ctx: ActorCtx, problems: ProblemText[]): never {
  throw new AppError('RULE_VIOLATION', problems.map((p) => ({ path: p.path, message: p[ctx.lang] })), { zh: problems[0]!.zh, en: problems[0]!.en })
}

/** The rules of each (jurisdiction, year) an item list touches, resolved once per request. */
export function rulesCache(db: Db | Trx) {
  const cache = new Map<string, Promise<RuleSet>>()
  return (jurisdictionCode: string, fiscalYear: number) => {
    const key = `${jurisdictionCode}/${fiscalYear}`
    if (!cache.has(key)) cache.set(key, effectiveRules(db, jurisdictionCode, fiscalYear).then((r) => r.rules as RuleSet))
    return cache.get(key)!
  }
}

/** Where the item's source can be opened in the web app (the link back from the item to what raised it). */
export function sourceLink(row: { sourceType: RectificationSourceType; sourceId: string | null; sourceSpotCheckId?: string | null }): string | null {
  if (!row.sourceId) return null
  switch (row.sourceType) {
    case 'self_evaluation':
      return `/evaluation/self/${row.sourceId}`
    case 'key_evaluation':
      return `/evaluation/key/${row.sourceId}`
    case 'monitoring_form':
      return `/monitoring/forms/${row.sourceId}`
    case 'spot_check':
      return row.sourceSpotCheckId ? `/evaluation/spot-checks/${row.sourceSpotCheckId}/items/${row.sourceId}` : null
    default:
      return null
  }
}

/** Which moves the actor may take on the item now: the page shows only these buttons. */
export function movesFor(ctx: ActorCtx, row: repo.RectificationRow): RectificationMove[] {
  const p = ctx.actor.permissions
  const moves: RectificationMove[] = []
  const from = (move: RectificationMove) => (rectificationMoves[move].from as readonly string[]).includes(row.status)
  const departmentOwned = row.ownerUnitCode === row.departmentCode
  if (p.has('results.respond') && ctx.actor.org.kind !== 'jurisdiction' && from('respond')) moves.push('respond')
  if (p.has('results.verify') && ctx.actor.org.kind === 'department' && !departmentOwned && from('verify')) moves.push('verify')
  const ownBureau = ctx.actor.org.kind === 'jurisdiction' && !onlySupervises(ctx.actor, row)
  if (p.has('results.manage') && ownBureau && (row.status === 'verified' || (row.status === 'responded' && departmentOwned))) moves.push('close')
  if (from('return') && ((p.has('results.manage') && ownBureau) || (p.has('results.verify') && ctx.actor.org.kind === 'department' && row.status === 'responded'))) moves.push('return')
  return moves
}

type Row = repo.RectificationRow
export async function toView(db: Db | Trx, ctx: ActorCtx, row: Row, rules: (j: string, y: number) => Promise<RuleSet> = rulesCache(db)) {
  const escalation = rectificationEscalation(row, chinaDay(ctx.now), await rules(row.jurisdictionCode, row.fiscalYear))
  return { ...row, sourceLink: sourceLink(row), escalation: { ...escalation.value, formula: escalation.formula }, moves: movesFor(ctx, row) }
}

async function mustFind(db: Db | Trx, ctx: ActorCtx, id: string) {
  const row = await repo.findVisibleRectification(db, ctx.actor, id)
  if (!row) throw new AppError('NOT_FOUND')
  return row
}

/** One item with its history and evidence. */
export async function getRectification(db: Db | Trx, ctx: ActorCtx, id: string) {
  const row = await mustFind(db, ctx, id)
  return { ...(await toView(db, ctx, row)), events: await repo.eventsOf(db, id), evidence: await repo.evidenceOf(db, id) }
}

/** A finding entered by hand (expert, agency, audit, congress…): finance names the owner and what must be done. */
export async function createRectification(db: Db, ctx: ActorCtx, input: CreateRectificationInput) {
  const owner = await db.selectFrom('orgNode').select(['code', 'kind', 'path', 'jurisdictionCode', 'departmentCode']).where('code', '=', input.ownerCode).executeTakeFirst()
  if (!owner || !isWithinScope(ctx.actor, owner.path)) throw new AppError('NOT_FOUND')
  if (owner.kind === 'jurisdiction' || !owner.departmentCode) violation(ctx, [{ path: 'ownerCode', zh: '整改责任主体须为预算单位或主管部门', en: 'The owner is a unit or a department' }])
  assertOwnJurisdiction(ctx.actor, owner)
  let fiscalYear = Number(chinaDay(ctx.now).slice(0, 4))
  if (input.projectId) {
    const project = await db.selectFrom('project').select(['id', 'unitCode', 'departmentCode', 'fiscalYear']).where('id', '=', input.projectId).executeTakeFirst()
    if (!project || (project.unitCode !== owner.code && project.departmentCode !== owner.code)) violation(ctx, [{ path: 'projectId', zh: '项目不属于整改责任单位', en: 'The project is not the owner’s' }])
    fiscalYear = project.fiscalYear
  }
  const today = chinaDay(ctx.now)
  const rules = (await effectiveRules(db, owner.jurisdictionCode, fiscalYear)).rules as RuleSet
  if (input.dueOn && input.dueOn < today) violation(ctx, [{ path: 'dueOn', zh: '整改期限不能早于今天', en: 'The due date cannot be in the past' }])
  return db.transaction().execute(async (trx) => {
    const id = await repo.insertRectification(trx, {
      jurisdictionCode: owner.jurisdictionCode,
      fiscalYear,
      sourceType: 'manual',
      sourceId: null,
      origin: input.origin,
      projectId: input.projectId ?? null,
      ownerCode: owner.code,
      departmentCode: owner.departmentCode!,
      problem: input.problem,
      requiredMeasure: input.requiredMeasure,
      dueOn: input.dueOn ?? defaultDueOn(today, rules),
      respondedAt: null,
      verifiedAt: null,
      closedAt: null,
      createdBy: ctx.actor.userId,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    await repo.insertEvent(trx, { rectificationId: id!, action: 'raise', fromStatus: null, toStatus: 'open', opinion: findingOriginLabels[input.origin].zh, byUser: ctx.actor.userId, createdAt: ctx.now })
    const created = await mustFind(trx, ctx, id!)
    await recordAudit(trx, ctx, { action: 'rectification.create', entityType: 'rectification', entityId: id!, after: created })
    return getRectification(trx, ctx, id!)
  })
}

/** What a source hands over when its result raises an item (rule 43). */
export interface RaisedItem {
  sourceType: Exclude<RectificationSourceType, 'manual'>
  sourceId: string
  jurisdictionCode: string
  fiscalYear: number
  projectId: string | null
  ownerCode: string
  departmentCode: string
  problem: string
  requiredMeasure: string
}

/**
 * Raises the item of a source in the source move's transaction; a source raises once (the unique index on
 * source_type + source_id), so a repeated move does nothing. The raise is kept as the item's first event.
 */
export async function raiseRectification(trx: Trx, by: { userId: string | null; now: Date }, item: RaisedItem) {
  const rules = (await effectiveRules(trx, item.jurisdictionCode, item.fiscalYear)).rules as RuleSet
  const id = await repo.insertRectification(trx, {
    ...item,
    origin: null,
    dueOn: defaultDueOn(chinaDay(by.now), rules),
    respondedAt: null,
    verifiedAt: null,
    closedAt: null,
    createdBy: by.userId,
    createdAt: by.now,
    updatedAt: by.now,
  })
  if (id) await repo.insertEvent(trx, { rectificationId: id, action: 'raise', fromStatus: null, toStatus: 'open', opinion: '', byUser: by.userId, createdAt: by.now })
  return id
}

/** A text cut to the item's column (4000 characters). */
export const clip = (text: string, max = 4000) => (text.length > max ? `${text.slice(0, max - 1)}…` : text)

/** The item a 自评表 with a poor grade raises: the grade and the problems the unit named itself. */
export function itemOfSelfForm(form: { id: string; jurisdictionCode: string; departmentCode: string; unitCode: string | null; projectId: string | null; fiscalYear: number; grade: string | null; total: string | null; problems: string }): RaisedItem {
  const found = form.problems.trim() ? `；单位自述问题：${form.problems.trim()}` : ''
  return {
    sourceType: 'self_evaluation',
    sourceId: form.id,
    jurisdictionCode: form.jurisdictionCode,
    fiscalYear: form.fiscalYear,
    projectId: form.projectId,
    ownerCode: form.unitCode ?? form.departmentCode,
    departmentCode: form.departmentCode,
    problem: clip(`${form.fiscalYear}年度单位自评得分 ${form.total ?? '—'} 分，等级“${form.grade}”${found}`),
    requiredMeasure: '针对自评发现的问题制定整改措施，按期完成整改并上传佐证材料',
  }
}

/** The item a monitoring form with a red project light raises. */
export function itemOfRedForm(form: { id: string; jurisdictionCode: string; departmentCode: string; unitCode: string | null; projectId: string | null; fiscalYear: number; cutoffMonth: number; executionRate: string | null }): RaisedItem {
  return {
    sourceType: 'monitoring_form',
    sourceId: form.id,
    jurisdictionCode: form.jurisdictionCode,
    fiscalYear: form.fiscalYear,
    projectId: form.projectId,
    ownerCode: form.unitCode ?? form.departmentCode,
    departmentCode: form.departmentCode,
    problem: `${form.fiscalYear}年1-${form.cutoffMonth}月运行监控项目亮红灯（预算执行率 ${form.executionRate ?? '—'}%），绩效目标存在偏离`,
    requiredMeasure: '分析偏离原因，采取纠偏措施，按期完成整改并上传佐证材料',
  }
}

async function lockForMove(trx: Trx, ctx: ActorCtx, id: string, version: number, move: RectificationMove) {
  const row = await repo.lockVisibleRectification(trx, ctx.actor, id)
  if (!row) throw new AppError('NOT_FOUND')
  if (move !== 'respond') assertOwnJurisdiction(ctx.actor, row)
  assertVersion(row, version)
  if (!movesFor(ctx, row).includes(move)) {
    const allowedFrom = (rectificationMoves[move].from as readonly string[]).includes(row.status)
    if (allowedFrom && move !== 'close') throw new AppError('FORBIDDEN')
    const label = rectificationStatusLabels[row.status]
    throw new AppError('INVALID_TRANSITION', { from: row.status, move }, { zh: `整改事项处于“${label.zh}”状态，不能执行此操作`, en: `The item is ${label.en.toLowerCase()}; this is not possible now` })
  }
  return row
}

async function save(trx: Trx, ctx: ActorCtx, before: Row, move: RectificationMove, changes: Parameters<typeof repo.updateRectification>[2], opinion: string) {
  const to = rectificationMoves[move].to
  await repo.updateRectification(trx, before.id, { ...changes, status: to, updatedAt: ctx.now })
  await repo.insertEvent(trx, { rectificationId: before.id, action: move, fromStatus: before.status, toStatus: to, opinion, byUser: ctx.actor.userId, createdAt: ctx.now })
  const after = await mustFind(trx, ctx, before.id)
  await recordAudit(trx, ctx, { action: `rectification.${move}`, entityType: 'rectification', entityId: before.id, before, after })
  return getRectification(trx, ctx, before.id)
}

/** The owner answers with its measures and at least one piece of evidence uploaded to the item. */
export async function respondRectification(db: Db, ctx: ActorCtx, id: string, input: { version: number; measures: string }) {
  return db.transaction().execute(async (trx) => {
    const row = await lockForMove(trx, ctx, id, input.version, 'respond')
    const evidence = await repo.evidenceOf(trx, id)
    const problems = respondProblems({ measures: input.measures, evidenceCount: evidence.length })
    if (problems.length) violation(ctx, problems)
    return save(trx, ctx, row, 'respond', { response: input.measures, respondedAt: ctx.now }, input.measures)
  })
}

/** The owner's department confirms the rectification is done (核实). */
export async function verifyRectification(db: Db, ctx: ActorCtx, id: string, input: { version: number; opinion: string }) {
  return db.transaction().execute(async (trx) => save(trx, ctx, await lockForMove(trx, ctx, id, input.version, 'verify'), 'verify', { verifiedAt: ctx.now }, input.opinion))
}

/** Finance closes the item (销号). */
export async function closeRectification(db: Db, ctx: ActorCtx, id: string, input: { version: number; opinion: string }) {
  return db.transaction().execute(async (trx) => save(trx, ctx, await lockForMove(trx, ctx, id, input.version, 'close'), 'close', { closedAt: ctx.now }, input.opinion))
}

/** The department or finance finds the rectification wanting: back to the owner, with what is missing. */
export async function returnRectification(db: Db, ctx: ActorCtx, id: string, input: { version: number; opinion: string }) {
  return db.transaction().execute(async (trx) => save(trx, ctx, await lockForMove(trx, ctx, id, input.version, 'return'), 'return', { verifiedAt: null, respondedAt: null }, input.opinion))
}
