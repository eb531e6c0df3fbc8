import { approvableStates, decisionProblems, type DisclosureState, isPublishable } from '../../../domain/disclosure-decisions.ts'
import type { PublicRecordKind } from '../../../domain/disclosure.ts'
import type { Db, Trx } from '../../db/database.ts'
import type { ActorCtx } from '../../http/context.ts'
import { AppError } from '../../http/errors.ts'
import { fetchPage } from '../../http/paging.ts'
import { recordAudit } from '../../platform/audit.ts'
import { isWithinScope } from '../../platform/scope.ts'
import { assertOwnJurisdiction, onlySupervises } from '../../platform/supervision.ts'
import { markGoalPublication } from '../goals/goals.publication.ts'
import { effectiveRules } from '../rule-sets/rule-sets.service.ts'
import { buildCopy } from './disclosure.payloads.ts'
import * as repo from './disclosure.repository.ts'
import type { DecisionInput, DisclosureListFilter } from './disclosure.schemas.ts'
import { copyHistory, liveCopies, publishCopy, withdrawCopy } from './public-records.ts'

type Row = repo.DisclosureRecordRow

/** Kinds only a finance bureau decides on: its key evaluations' reports and its 考核 results. */
const bureauKinds: readonly PublicRecordKind[] = ['key_evaluation_report', 'assessment']

const mayPropose = (ctx: ActorCtx, row: Row) =>
  ctx.actor.permissions.has('disclosure.propose') && !onlySupervises(ctx.actor, row) && (ctx.actor.org.kind === 'jurisdiction' || !bureauKinds.includes(row.kind)) && row.state !== 'published'
const mayApprove = (ctx: ActorCtx, row: Row) => ctx.actor.permissions.has('disclosure.approve') && ctx.actor.org.kind === 'jurisdiction' && !onlySupervises(ctx.actor, row)

function toView(ctx: ActorCtx, row: Row) {
  const publishable = isPublishable(row.kind, row.sourceStatus)
  return {
    ...row,
    state: row.state as DisclosureState,
    publishable,
    mayDecide: mayPropose(ctx, row),
    mayApprove: mayApprove(ctx, row) && publishable && approvableStates.includes(row.state as DisclosureState),
    mayWithdraw: mayApprove(ctx, row) && row.state === 'published',
  }
}

/** The actor's records with their decision state, and the reasons to withhold of the actor's rule set for the year. */
export async function listRecords(db: Db, ctx: ActorCtx, filter: DisclosureListFilter, page: { page: number; pageSize: number }) {
  const result = await fetchPage(repo.listRecords(db, ctx.actor, filter), page, repo.countRecords(db, ctx.actor, filter))
  const { rules } = await effectiveRules(db, ctx.actor.org.jurisdictionCode, filter.fiscalYear ?? ctx.now.getFullYear())
  return { ...result, items: result.items.map((r) => toView(ctx, r)), withholdReasons: rules.disclosure.withholdReasons, reasonsNeedingText: rules.disclosure.reasonsNeedingText }
}

async function mustFind(db: Db | Trx, ctx: ActorCtx, kind: PublicRecordKind, sourceId: string) {
  const row = await repo.findRecord(db, ctx.actor, kind, sourceId)
  if (!row) throw new AppError('NOT_FOUND')
  return row
}

/** One record with its decision, the copy the public sees now and every copy made (the withdrawals with their reasons). */
export async function getRecord(db: Db, ctx: ActorCtx, kind: PublicRecordKind, sourceId: string) {
  const row = await mustFind(db, ctx, kind, sourceId)
  const live = await liveCopies(db).select(['id', 'payload', 'publishedAt']).where('kind', '=', kind).where('sourceId', '=', sourceId).executeTakeFirst()
  const { rules } = await effectiveRules(db, row.jurisdictionCode, row.fiscalYear)
  return { ...toView(ctx, row), liveCopy: live ?? null, history: await copyHistory(db, { kind, sourceId }), withholdReasons: rules.disclosure.withholdReasons, reasonsNeedingText: rules.disclosure.reasonsNeedingText }
}

function assertVersionOf(decision: { version: number } | undefined, version: number) {
  const current = decision?.version ?? 0
  if (current !== version) throw new AppError('VERSION_CONFLICT', { currentVersion: current })
}

/**
 * The unit, the department or finance proposes: publish, or not with a reason from the rule set's list. A published
 * record is withdrawn first; the bureau above only looks (403); a stale version gets 409.
 */
export async function setDecision(db: Db, ctx: ActorCtx, kind: PublicRecordKind, sourceId: string, input: DecisionInput) {
  return db.transaction().execute(async (trx) => {
    const record = await mustFind(trx, ctx, kind, sourceId)
    assertOwnJurisdiction(ctx.actor, record)
    if (bureauKinds.includes(kind) && ctx.actor.org.kind !== 'jurisdiction') throw new AppError('FORBIDDEN')
    const before = await repo.lockDecision(trx, kind, sourceId)
    assertVersionOf(before, input.version)
    if (before?.state === 'published') throw new AppError('INVALID_TRANSITION', { state: 'published' }, { zh: '该记录已公开，请先撤回再改变公开意见', en: 'The record is published; withdraw it before changing the decision' })
    const { rules } = await effectiveRules(trx, record.jurisdictionCode, record.fiscalYear)
    const problems = decisionProblems(rules.disclosure, input)
    if (problems.length) throw new AppError('VALIDATION_FAILED', problems.map((p) => ({ path: p.path, message: p[ctx.lang] })), { zh: problems[0]!.zh, en: problems[0]!.en })
    const withhold = input.decision === 'withhold'
    const values = {
      state: withhold ? ('not_to_publish' as const) : ('to_publish' as const),
      reasonCode: withhold ? input.reasonCode!.trim() : null,
      reasonText: withhold ? input.reasonText?.trim() || null : null,
      decidedBy: ctx.actor.userId,
      decidedAt: ctx.now,
      updatedAt: ctx.now,
    }
    const after = await saveDecision(trx, ctx, record, before, values)
    await recordAudit(trx, ctx, { action: 'disclosure.decide', entityType: 'disclosure_decision', entityId: after.id, before: before ?? undefined, after: { title: record.title, ...after } })
    return toView(ctx, await mustFind(trx, ctx, kind, sourceId))
  })
}

type DecisionRow = NonNullable<Awaited<ReturnType<typeof repo.lockDecision>>>
type DecisionValues = Partial<Omit<DecisionRow, 'id' | 'kind' | 'sourceId' | 'version' | 'createdAt'>> & Pick<DecisionRow, 'state'>

/** Writes the record's decision: a new row (version 1), or the next version of the one it has. */
function saveDecision(trx: Trx, ctx: ActorCtx, record: Row, before: DecisionRow | undefined, values: DecisionValues) {
  if (before) return trx.updateTable('disclosureDecision').set((eb) => ({ ...values, version: eb('version', '+', 1) })).where('id', '=', before.id).returningAll().executeTakeFirstOrThrow()
  return trx
    .insertInto('disclosureDecision')
    .values({ ...values, kind: record.kind, sourceId: record.sourceId, jurisdictionCode: record.jurisdictionCode, fiscalYear: record.fiscalYear, departmentCode: record.departmentCode, createdAt: ctx.now })
    .returningAll()
    .executeTakeFirstOrThrow()
}

/**
 * Publishes one record inside the caller's transaction: checks, the frozen copy, the decision marked published, and
 * a goal marked 已公开 (unless the goal's own 公开 move is what publishes it: that move sets its status).
 */
async function publishRecord(trx: Trx, ctx: ActorCtx, record: Row, version: number | null, from: 'disclosure' | 'goal_move' = 'disclosure') {
  if (ctx.actor.org.kind !== 'jurisdiction') throw new AppError('FORBIDDEN')
  assertOwnJurisdiction(ctx.actor, record)
  const before = await repo.lockDecision(trx, record.kind, record.sourceId)
  if (version !== null) assertVersionOf(before, version)
  const state: DisclosureState = before?.state ?? 'undecided'
  if (!approvableStates.includes(state)) throw new AppError('INVALID_TRANSITION', { state }, state === 'withdrawn' ? { zh: '该记录已撤回，须重新确定公开意见后再公开', en: 'The record was withdrawn; decide again before publishing it' } : { zh: '该记录确定为不公开，不能公开', en: 'The record is marked not to publish' })
  if (!isPublishable(record.kind, record.sourceStatus)) throw new AppError('INVALID_TRANSITION', { sourceStatus: record.sourceStatus }, { zh: '记录尚未批复、确认或完成，不能公开', en: 'The record is not approved, accepted or completed yet; it cannot be published' })
  const copyId = await publishCopy(trx, ctx, await buildCopy(trx, ctx, record))
  if (record.kind === 'goal' && from === 'disclosure') await markGoalPublication(trx, ctx, record.sourceId, true)
  const values = { state: 'published' as const, reasonCode: null, reasonText: null, approvedBy: ctx.actor.userId, approvedAt: ctx.now, withdrawnBy: null, withdrawnAt: null, withdrawalReason: null, updatedAt: ctx.now }
  // The decision itself stays whose it was; an undecided record is decided by the approver.
  const after = await saveDecision(trx, ctx, record, before, before ? values : { decidedBy: ctx.actor.userId, decidedAt: ctx.now, ...values })
  await recordAudit(trx, ctx, { action: 'disclosure.approve', entityType: 'disclosure_decision', entityId: after.id, after: { kind: record.kind, sourceId: record.sourceId, title: record.title, fromState: state, copyId, version: after.version } })
  return copyId
}

/** The goal's own 公开 move (目标列表, 待办) publishes through here: one decision, one copy, whichever page starts it. */
export async function publishGoalFromMove(trx: Trx, ctx: ActorCtx, goalId: string) {
  await publishRecord(trx, ctx, await mustFind(trx, ctx, 'goal', goalId), null, 'goal_move')
}

/** Finance approves one record for publication (or republishes it after an edit, superseding the old copy). */
export async function approveRecord(db: Db, ctx: ActorCtx, kind: PublicRecordKind, sourceId: string, version: number) {
  return db.transaction().execute(async (trx) => {
    await publishRecord(trx, ctx, await mustFind(trx, ctx, kind, sourceId), version)
    return toView(ctx, await mustFind(trx, ctx, kind, sourceId))
  })
}

/**
 * 批量公开: every goal of the department's year that is approved and not yet published, unless withheld or
 * withdrawn, in one transaction (all or nothing). Answers what it published and what it left.
 */
export async function approveDepartmentGoals(db: Db, ctx: ActorCtx, input: { fiscalYear: number; departmentCode: string }) {
  const department = await db.selectFrom('orgNode').select(['code', 'kind', 'path', 'jurisdictionCode']).where('code', '=', input.departmentCode).executeTakeFirst()
  if (!department || department.kind !== 'department' || !isWithinScope(ctx.actor, department.path)) throw new AppError('NOT_FOUND')
  if (ctx.actor.org.kind !== 'jurisdiction') throw new AppError('FORBIDDEN')
  assertOwnJurisdiction(ctx.actor, department)
  return db.transaction().execute(async (trx) => {
    const goals = await repo.listRecords(trx, ctx.actor, { kind: 'goal', fiscalYear: input.fiscalYear, departmentCode: input.departmentCode, order: 'asc' }).execute()
    const skipped = { notToPublish: 0, withdrawn: 0, notApproved: 0, alreadyPublished: 0 }
    let published = 0
    for (const goal of goals) {
      if (goal.state === 'not_to_publish') skipped.notToPublish++
      else if (goal.state === 'withdrawn') skipped.withdrawn++
      else if (goal.state === 'published') skipped.alreadyPublished++
      else if (!isPublishable('goal', goal.sourceStatus)) skipped.notApproved++
      else {
        await publishRecord(trx, ctx, goal, null)
        published++
      }
    }
    return { published, skipped }
  })
}

/** Finance withdraws a published record with its reason: the copy leaves the portal, the withdrawal stays on record. */
export async function withdrawRecord(db: Db, ctx: ActorCtx, kind: PublicRecordKind, sourceId: string, input: { version: number; reason: string }) {
  return db.transaction().execute(async (trx) => {
    const record = await mustFind(trx, ctx, kind, sourceId)
    if (ctx.actor.org.kind !== 'jurisdiction') throw new AppError('FORBIDDEN')
    assertOwnJurisdiction(ctx.actor, record)
    const before = await repo.lockDecision(trx, kind, sourceId)
    assertVersionOf(before, input.version)
    if (before?.state !== 'published') throw new AppError('INVALID_TRANSITION', { state: before?.state ?? 'undecided' }, { zh: '该记录未公开，无需撤回', en: 'The record is not published; there is nothing to withdraw' })
    await withdrawCopy(trx, ctx, { kind, sourceId }, input.reason)
    if (kind === 'goal') await markGoalPublication(trx, ctx, sourceId, false)
    const after = await trx
      .updateTable('disclosureDecision')
      .set((eb) => ({ state: 'withdrawn' as const, withdrawnBy: ctx.actor.userId, withdrawnAt: ctx.now, withdrawalReason: input.reason, updatedAt: ctx.now, version: eb('version', '+', 1) }))
      .where('id', '=', before.id)
      .returningAll()
      .executeTakeFirstOrThrow()
    await recordAudit(trx, ctx, { action: 'disclosure.withdraw', entityType: 'disclosure_decision', entityId: after.id, after: { kind, sourceId, title: record.title, reason: input.reason, version: after.version } })
    return toView(ctx, await mustFind(trx, ctx, kind, sourceId))
  })
}
