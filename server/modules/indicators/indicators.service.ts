import { sql } from 'kysely'
import { type IndicatorStatus, indicatorContentProblems, indicatorStatusLabels } from '../../../domain/indicators.ts'
import type { Db, Trx } from '../../db/database.ts'
import type { Indicator, NewIndicator } from '../../db/schema.ts'
import type { ActorCtx, Ctx } from '../../http/context.ts'
import { AppError, assertVersion } from '../../http/errors.ts'
import { recordAudit } from '../../platform/audit.ts'
import { isWithinScope } from '../../platform/scope.ts'
import { indexIndicators, unindexIndicator } from './indicators.index.ts'
import { visibleIndicators } from './indicators.repository.ts'
import type { CreateIndicatorInput, IndicatorContentInput, ReviseIndicatorInput } from './indicators.schemas.ts'

function assertContent(ctx: Ctx, content: IndicatorContentInput) {
  const problems = indicatorContentProblems(content)
  if (!problems.length) return
  throw new AppError(
    'RULE_VIOLATION',
    problems.map((p) => ({ path: p.path, message: p[ctx.lang] })),
    { zh: problems[0]!.zh, en: problems[0]!.en },
  )
}

function contentRow(content: IndicatorContentInput) {
  const { reason: _r, ...rest } = content as CreateIndicatorInput
  return { ...rest, costKind: content.level2 === '成本指标' ? (content.costKind ?? 'economic') : null }
}

async function mustFind(trx: Db | Trx, ctx: ActorCtx, id: string, forUpdate = false) {
  let q = visibleIndicators(trx, ctx.actor).selectAll('indicator').where('indicator.id', '=', id)
  if (forUpdate) q = q.forUpdate()
  const row = await q.executeTakeFirst()
  if (!row) throw new AppError('NOT_FOUND')
  return row
}

/** A finance bureau manages its own jurisdiction's library and those below it; shared rows are nobody's to change. */
async function mustManage(trx: Trx, ctx: ActorCtx, row: Indicator) {
  if (!ctx.actor.permissions.has('indicator.manage')) throw new AppError('FORBIDDEN')
  const owner = row.ownerJurisdictionCode
  const node = owner ? await trx.selectFrom('orgNode').select('path').where('code', '=', owner).executeTakeFirst() : undefined
  if (!node || !isWithinScope(ctx.actor, node.path)) throw new AppError('FORBIDDEN')
}

function assertStatus(row: Indicator, allowed: IndicatorStatus[], action: { zh: string; en: string }) {
  if (allowed.includes(row.status)) return
  const label = indicatorStatusLabels[row.status]
  throw new AppError('INVALID_TRANSITION', { from: row.status }, {
    zh: `指标处于“${label.zh}”状态，不能${action.zh}`,
    en: `The indicator is ${label.en} and cannot be ${action.en}`,
  })
}

/** Codes of proposals: ZD + year + a 4-digit serial, unique among every revision ever stored. */
async function nextProposalCode(trx: Trx, year: number) {
  const prefix = `ZD${year}`
  const last = await trx
    .selectFrom('indicator')
    .select(sql<string>`max(code)`.as('code'))
    .where('code', 'like', `${prefix}%`)
    .executeTakeFirst()
  const serial = last?.code ? Number(last.code.slice(prefix.length)) + 1 : 1
  return `${prefix}${String(serial).padStart(4, '0')}`
}

/**
 * A new library indicator. The finance bureau's goes live at once; a department's or unit's is a proposal
 * (待确认) that the bureau confirms or rejects. It belongs to the proposer's jurisdiction.
 */
export async function createIndicator(db: Db, ctx: ActorCtx, input: CreateIndicatorInput) {
  assertContent(ctx, input)
  const direct = ctx.actor.permissions.has('indicator.manage')
  return db.transaction().execute(async (trx) => {
    // Proposal numbers are max + 1: take the audit head's row lock (every write takes it anyway, to append its
    // audit record) before reading the max, so two proposals never draw the same number.
    await trx.updateTable('auditHead').set({ id: 1 }).where('id', '=', 1).execute()
    const row: NewIndicator = {
      ...contentRow(input),
      code: await nextProposalCode(trx, ctx.now.getFullYear()),
      ownerJurisdictionCode: ctx.actor.org.jurisdictionCode,
      status: direct ? 'active' : 'proposed',
      proposedBy: ctx.actor.userId,
      proposedOrgCode: ctx.actor.org.code,
      proposalReason: input.reason || null,
      reviewedBy: direct ? ctx.actor.userId : null,
      reviewedAt: direct ? ctx.now : null,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    }
    const { id } = await trx.insertInto('indicator').values(row).returning('id').executeTakeFirstOrThrow()
    const created = await mustFind(trx, ctx, id)
    await indexIndicators(trx, [created])
    await recordAudit(trx, ctx, { action: direct ? 'indicator.create' : 'indicator.propose', entityType: 'indicator', entityId: id, after: created })
    return mustFind(trx, ctx, id)
  })
}

/** The finance bureau accepts a proposal into the library (启用). */
export async function confirmIndicator(db: Db, ctx: ActorCtx, id: string, input: { version: number; opinion: string }) {
  return decide(db, ctx, id, input, { to: 'active', action: 'indicator.confirm', verb: { zh: '确认', en: 'confirmed' } })
}

/** The finance bureau turns a proposal down, saying why. */
export async function rejectIndicator(db: Db, ctx: ActorCtx, id: string, input: { version: number; opinion: string }) {
  return decide(db, ctx, id, input, { to: 'rejected', action: 'indicator.reject', verb: { zh: '退回', en: 'rejected' } })
}

async function decide(
  db: Db,
  ctx: ActorCtx,
  id: string,
  input: { version: number; opinion: string },
  how: { to: 'active' | 'rejected'; action: string; verb: { zh: string; en: string } },
) {
  return db.transaction().execute(async (trx) => {
    const row = await mustFind(trx, ctx, id, true)
    await mustManage(trx, ctx, row)
    assertVersion(row, input.version)
    assertStatus(row, ['proposed'], how.verb)
    await trx
      .updateTable('indicator')
      .set({ status: how.to, reviewOpinion: input.opinion || null, reviewedBy: ctx.actor.userId, reviewedAt: ctx.now, version: row.version + 1, updatedAt: ctx.now })
      .where('id', '=', id)
      .execute()
    if (how.to === 'rejected') await unindexIndicator(trx, id)
    const after = await mustFind(trx, ctx, id)
    await recordAudit(trx, ctx, { action: how.action, entityType: 'indicator', entityId: id, before: { status: row.status }, after: { status: after.status, opinion: input.opinion } })
    return after
  })
}

/**
 * A revision: a new row with the next revision number becomes the active one; the old row is kept, superseded, so
 * goals that used it still read what they used.
 */
export async function reviseIndicator(db: Db, ctx: ActorCtx, id: string, input: ReviseIndicatorInput) {
  assertContent(ctx, input)
  return db.transaction().execute(async (trx) => {
    const row = await mustFind(trx, ctx, id, true)
    await mustManage(trx, ctx, row)
    assertVersion(row, input.version)
    assertStatus(row, ['active'], { zh: '修订', en: 'revised' })
    const { version: _v, changeNote, ...content } = input
    await trx.updateTable('indicator').set({ status: 'superseded', version: row.version + 1, updatedAt: ctx.now }).where('id', '=', id).execute()
    await unindexIndicator(trx, id)
    const { id: newId } = await trx
      .insertInto('indicator')
      .values({
        ...contentRow({ ...content, reason: '' } as CreateIndicatorInput),
        code: row.code,
        revision: row.revision + 1,
        ownerJurisdictionCode: row.ownerJurisdictionCode,
        status: 'active',
        proposedBy: row.proposedBy,
        proposedOrgCode: row.proposedOrgCode,
        proposalReason: row.proposalReason,
        reviewedBy: ctx.actor.userId,
        reviewedAt: ctx.now,
        changeNote,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const created = await mustFind(trx, ctx, newId)
    await indexIndicators(trx, [created])
    await recordAudit(trx, ctx, { action: 'indicator.revise', entityType: 'indicator', entityId: newId, before: row, after: created })
    return mustFind(trx, ctx, newId)
  })
}

/** Retires an indicator: no longer offered for new goals, still readable by the goals that used it. */
export async function retireIndicator(db: Db, ctx: ActorCtx, id: string, input: { version: number; opinion: string }) {
  return db.transaction().execute(async (trx) => {
    const row = await mustFind(trx, ctx, id, true)
    await mustManage(trx, ctx, row)
    assertVersion(row, input.version)
    assertStatus(row, ['active'], { zh: '停用', en: 'retired' })
    await trx
      .updateTable('indicator')
      .set({ status: 'retired', reviewOpinion: input.opinion, validToYear: row.validToYear ?? Math.max(row.validFromYear, ctx.now.getFullYear()), version: row.version + 1, updatedAt: ctx.now })
      .where('id', '=', id)
      .execute()
    const after = await mustFind(trx, ctx, id)
    await recordAudit(trx, ctx, { action: 'indicator.retire', entityType: 'indicator', entityId: id, before: { status: row.status }, after: { status: after.status, opinion: input.opinion } })
    return after
  })
}

/** One indicator with every revision of its code the user may see, newest first. */
export async function getIndicator(db: Db, ctx: ActorCtx, id: string) {
  const row = await mustFind(db, ctx, id)
  const revisions = await visibleIndicators(db, ctx.actor)
    .select(['indicator.id', 'indicator.revision', 'indicator.status', 'indicator.changeNote', 'indicator.name', 'indicator.createdAt', 'indicator.reviewedAt'])
    .where('indicator.code', '=', row.code)
    .orderBy('indicator.revision', 'desc')
    .execute()
  const userIds = [row.proposedBy, row.reviewedBy].filter((v): v is string => Boolean(v))
  const people = userIds.length ? await db.selectFrom('appUser').select(['id', 'displayName']).where('id', 'in', userIds).execute() : []
  const nameOf = (userId: string | null) => people.find((p) => p.id === userId)?.displayName ?? null
  const owner = row.ownerJurisdictionCode ? await db.selectFrom('orgNode').select('name').where('code', '=', row.ownerJurisdictionCode).executeTakeFirst() : undefined
  const { docLength: _d, ...rest } = row
  return { ...rest, ownerJurisdictionName: owner?.name ?? null, proposedByName: nameOf(row.proposedBy), reviewedByName: nameOf(row.reviewedBy), revisions }
}
