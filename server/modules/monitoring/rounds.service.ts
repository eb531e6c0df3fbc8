import { formsSettled } from './forms.listeners.ts'
import type { Db, Trx } from '../../db/database.ts'
import type { ActorCtx } from '../../http/context.ts'
import { AppError, assertVersion } from '../../http/errors.ts'
import { recordAudit } from '../../platform/audit.ts'
import { assertOwnJurisdiction } from '../../platform/supervision.ts'
import { effectiveRules } from '../rule-sets/rule-sets.service.ts'
import { startRoundOpening } from './rounds.job.ts'
import * as repo from './rounds.repository.ts'
import type { OpenRoundInput, RoundListFilter, UpdateRoundInput } from './rounds.schemas.ts'

export { assertFormWritable } from './rounds.deadline.ts'

const iso = (d: Date | string) => new Date(d).toISOString()

/** A round as the API returns it: the row with its figures over the forms the actor sees. */
function toView(row: repo.RoundRow, stats: repo.RoundStats | undefined, ctx: ActorCtx) {
  return {
    ...row,
    deadline: iso(row.deadline),
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    stats: stats ?? repo.emptyStats,
    /** A bureau above the round's jurisdiction only looks (市区联动: the city rolls its districts up). */
    readOnly: ctx.actor.org.kind !== 'jurisdiction' || ctx.actor.org.jurisdictionCode !== row.jurisdictionCode || !ctx.actor.permissions.has('monitoring.manage'),
    deadlinePassed: ctx.now > new Date(row.deadline),
  }
}
export type RoundView = ReturnType<typeof toView>

export async function listRounds(db: Db, ctx: ActorCtx, filter: RoundListFilter, page: { page: number; pageSize: number }) {
  const offset = (page.page - 1) * page.pageSize
  const [rows, count] = await Promise.all([repo.listRounds(db, ctx.actor, filter).limit(page.pageSize).offset(offset).execute(), repo.countRounds(db, ctx.actor, filter).executeTakeFirstOrThrow()])
  const stats = await repo.roundStats(db, ctx.actor, rows.map((r) => r.id), ctx.now)
  return { items: rows.map((r) => toView(r, stats.get(r.id), ctx)), total: Number(count.total), page: page.page, pageSize: page.pageSize }
}

export async function mustFindRound(db: Db | Trx, ctx: ActorCtx, id: string) {
  const row = await repo.findRound(db, ctx.actor, id)
  if (!row) throw new AppError('NOT_FOUND')
  return row
}

export async function getRound(db: Db | Trx, ctx: ActorCtx, id: string) {
  const row = await mustFindRound(db, ctx, id)
  const stats = await repo.roundStats(db, ctx.actor, [row.id], ctx.now)
  const rules = (await effectiveRules(db, row.jurisdictionCode, row.fiscalYear)).rules
  const job = row.jobId ? await db.selectFrom('jobRun').select(['id', 'status', 'done', 'total', 'message']).where('id', '=', row.jobId).executeTakeFirst() : undefined
  return { ...toView(row, stats.get(row.id), ctx), keyCriteria: rules.monitoring, job: job ?? null }
}

/** Per jurisdiction (a city and its districts), the rounds of a year and their figures: the city's roll-up. */
export async function rollupRounds(db: Db, ctx: ActorCtx, query: { fiscalYear: number; cutoffMonth?: number }) {
  let q = repo.listRounds(db, ctx.actor, { fiscalYear: query.fiscalYear, order: 'asc' }).where('monitoringRound.status', '!=', 'opening')
  if (query.cutoffMonth) q = q.where('monitoringRound.cutoffMonth', '=', query.cutoffMonth)
  const rows = await q.limit(1000).execute()
  const stats = await repo.roundStats(db, ctx.actor, rows.map((r) => r.id), ctx.now)
  const byJurisdiction = new Map<string, { jurisdictionCode: string; jurisdictionName: string; rounds: number; stats: repo.RoundStats }>()
  for (const row of rows) {
    const entry = byJurisdiction.get(row.jurisdictionCode) ?? { jurisdictionCode: row.jurisdictionCode, jurisdictionName: row.jurisdictionName, rounds: 0, stats: { ...repo.emptyStats } }
    entry.rounds++
    const s = stats.get(row.id) ?? repo.emptyStats
    for (const key of Object.keys(entry.stats) as (keyof repo.RoundStats)[]) entry.stats[key] += s[key]
    byJurisdiction.set(row.jurisdictionCode, entry)
  }
  const items = [...byJurisdiction.values()].sort((a, b) => a.jurisdictionCode.localeCompare(b.jurisdictionCode))
  const total = { ...repo.emptyStats }
  for (const item of items) for (const key of Object.keys(total) as (keyof repo.RoundStats)[]) total[key] += item.stats[key]
  return { fiscalYear: query.fiscalYear, cutoffMonth: query.cutoffMonth ?? null, items, total }
}

const defaultName = (input: OpenRoundInput) => `${input.fiscalYear}年1–${input.cutoffMonth}月绩效运行监控${input.adhoc ? '（临时）' : ''}`

/**
 * A bureau opens a round of its own jurisdiction: the rule set's cut-off months, or any month as an ad-hoc round.
 * The row is written as 'opening' with its audit row and its queued job in one transaction; the job creates the
 * forms (rounds.open.ts), after which the round is 'open'. The answer carries `jobRunId` to follow its progress.
 */
export async function openRound(db: Db, ctx: ActorCtx, input: OpenRoundInput) {
  if (ctx.actor.org.kind !== 'jurisdiction') throw new AppError('FORBIDDEN')
  const jurisdictionCode = ctx.actor.org.jurisdictionCode
  const rules = (await effectiveRules(db, jurisdictionCode, input.fiscalYear)).rules
  if (!input.adhoc && !rules.monitoringCutoffMonths.includes(input.cutoffMonth)) {
    const months = rules.monitoringCutoffMonths.join('、')
    throw new AppError('RULE_VIOLATION', [{ path: 'cutoffMonth', message: ctx.lang === 'zh' ? `规则集的监控截止月份为 ${months} 月；其他月份请按临时批次发起` : `The rule set's cut-off months are ${months}; open another month as an ad-hoc round` }], {
      zh: `规则集的监控截止月份为 ${months} 月；其他月份请按临时批次发起`,
      en: `The rule set's cut-off months are ${months}; open another month as an ad-hoc round`,
    })
  }
  if (input.deadline <= ctx.now) {
    throw new AppError('RULE_VIOLATION', [{ path: 'deadline', message: ctx.lang === 'zh' ? '填报截止时间须晚于现在' : 'The deadline must be in the future' }], { zh: '填报截止时间须晚于现在', en: 'The deadline must be in the future' })
  }
  const name = input.name ?? defaultName(input)
  return db.transaction().execute(async (trx) => {
    const clash = await trx.selectFrom('monitoringRound').select('id').where('jurisdictionCode', '=', jurisdictionCode).where('fiscalYear', '=', input.fiscalYear).where('name', '=', name).executeTakeFirst()
    if (clash) throw new AppError('DUPLICATE', [{ path: 'name', message: name }], { zh: `本年度已有名为“${name}”的监控批次`, en: `A round named “${name}” already exists this year` })
    const inserted = await trx
      .insertInto('monitoringRound')
      .values({ jurisdictionCode, fiscalYear: input.fiscalYear, cutoffMonth: input.cutoffMonth, name, adhoc: input.adhoc, deadline: input.deadline, status: 'opening', openedBy: ctx.actor.userId, createdAt: ctx.now, updatedAt: ctx.now })
      .returning('id')
      .executeTakeFirstOrThrow()
    const { jobRunId } = await startRoundOpening(trx, ctx, inserted.id, jurisdictionCode)
    const round = await mustFindRound(trx, ctx, inserted.id)
    await recordAudit(trx, ctx, { action: 'monitoring.round_open', entityType: 'monitoring_round', entityId: round.id, after: round })
    return { round: await getRound(trx, ctx, round.id), jobRunId }
  })
}

/** Name, deadline (extends or shortens it for everyone) or closing, by the round's own bureau. */
export async function updateRound(db: Db, ctx: ActorCtx, id: string, input: UpdateRoundInput) {
  return db.transaction().execute(async (trx) => {
    const row = await repo.findRoundForUpdate(trx, ctx.actor, id)
    if (!row) throw new AppError('NOT_FOUND')
    assertOwnJurisdiction(ctx.actor, row)
    assertVersion(row, input.version)
    if (row.status === 'opening') throw new AppError('MONITORING_ROUND_OPENING')
    if (row.status === 'closed') throw new AppError('MONITORING_ROUND_CLOSED')
    await trx
      .updateTable('monitoringRound')
      .set({
        ...(input.name ? { name: input.name } : {}),
        ...(input.deadline ? { deadline: input.deadline } : {}),
        ...(input.close ? { status: 'closed' as const } : {}),
        version: row.version + 1,
        updatedAt: ctx.now,
      })
      .where('id', '=', id)
      .execute()
    const after = await mustFindRound(trx, ctx, id)
    await recordAudit(trx, ctx, { action: input.close ? 'monitoring.round_close' : 'monitoring.round_update', entityType: 'monitoring_round', entityId: id, before: row, after })
    if (input.close) await formsSettled(trx, { roundId: id, userId: ctx.actor.userId, now: ctx.now })
    return getRound(trx, ctx, id)
  })
}
