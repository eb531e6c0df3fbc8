import { parseArgs } from 'node:util'
import { z } from 'zod'
import type { Config } from '../../config.ts'
import type { DatabaseHandle } from '../../db/database.ts'
import type { Ctx } from '../../http/context.ts'
import { recordAudit } from '../../platform/audit.ts'
import { runJobFromCli } from '../../platform/jobs-cli.ts'
import { effectiveRules } from '../rule-sets/rule-sets.service.ts'
import { sweepLightsJob } from './lights.jobs.ts'
import { openRoundJob } from './rounds.jobs.ts'

export const monitoringCliUsage = `  monitoring open --jurisdiction CODE --year YYYY --month M --deadline ISO [--adhoc] [--name 名称]
                                 发起监控批次并生成监控表（显示进度；同名批次仍在生成中时继续生成）
  monitoring sweep --round ID    重算一个监控批次的全部预警灯和预测（显示进度）`

const Args = z.object({
  jurisdiction: z.string().regex(/^[0-9A-Za-z]{2,32}$/),
  year: z.coerce.number().int().min(2000).max(2100),
  month: z.coerce.number().int().min(1).max(12),
  deadline: z.iso.datetime({ offset: true }).transform((s) => new Date(s)),
  adhoc: z.boolean().default(false),
  name: z.string().trim().min(2).max(100).optional(),
})

/**
 * `jixiao monitoring open`: the bureau's round opened from the server's command line, as the system. The round row
 * and its audit row are written first; the opening job then runs here with a progress bar. A round of the same
 * name still 'opening' (an interrupted earlier run) is resumed instead of refused. Returns the exit code.
 */
export async function monitoringFromCli(handle: DatabaseHandle, config: Config, ctx: Ctx, args: string[], out: (line: string) => void = console.log): Promise<number> {
  const [action, ...rest] = args
  if (action === 'sweep') return sweepFromCli(handle, config, rest, out)
  if (action !== 'open') {
    out(`用法 Usage:\n${monitoringCliUsage}`)
    return 2
  }
  const { values } = parseArgs({ args: rest, options: { jurisdiction: { type: 'string' }, year: { type: 'string' }, month: { type: 'string' }, deadline: { type: 'string' }, adhoc: { type: 'boolean' }, name: { type: 'string' } } })
  const parsed = Args.safeParse(values)
  if (!parsed.success) {
    out(`参数有误 Bad arguments: ${parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; ')}\n${monitoringCliUsage}`)
    return 2
  }
  const input = parsed.data
  const { db } = handle
  const node = await db.selectFrom('orgNode').select(['code', 'kind']).where('code', '=', input.jurisdiction).executeTakeFirst()
  if (node?.kind !== 'jurisdiction') {
    out(`行政区划 ${input.jurisdiction} 不存在 No such jurisdiction`)
    return 1
  }
  const rules = (await effectiveRules(db, input.jurisdiction, input.year)).rules
  if (!input.adhoc && !rules.monitoringCutoffMonths.includes(input.month)) {
    out(`规则集的监控截止月份为 ${rules.monitoringCutoffMonths.join('、')} 月；其他月份请加 --adhoc`)
    return 1
  }
  const name = input.name ?? `${input.year}年1–${input.month}月绩效运行监控${input.adhoc ? '（临时）' : ''}`
  const existing = await db.selectFrom('monitoringRound').select(['id', 'status']).where('jurisdictionCode', '=', input.jurisdiction).where('fiscalYear', '=', input.year).where('name', '=', name).executeTakeFirst()
  if (existing && existing.status !== 'opening') {
    out(`已有名为“${name}”的监控批次 A round of that name exists (${existing.id})`)
    return 1
  }
  const roundId =
    existing?.id ??
    (await db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('monitoringRound')
        .values({ jurisdictionCode: input.jurisdiction, fiscalYear: input.year, cutoffMonth: input.month, name, adhoc: input.adhoc, deadline: input.deadline, status: 'opening', createdAt: ctx.now, updatedAt: ctx.now })
        .returningAll()
        .executeTakeFirstOrThrow()
      await recordAudit(trx, ctx, { action: 'monitoring.round_open', entityType: 'monitoring_round', entityId: row.id, after: row })
      return row.id
    }))
  const state = await runJobFromCli(handle, config, openRoundJob, { roundId }, { jurisdictionCode: input.jurisdiction, entityType: 'monitoring_round', entityId: roundId, label: name })
  await db.updateTable('monitoringRound').set({ jobId: state.id }).where('id', '=', roundId).execute()
  if (state.status !== 'done') {
    out(`生成失败 Failed: ${state.error ?? state.status}`)
    return 1
  }
  out(JSON.stringify(state.result))
  return 0
}

/** `jixiao monitoring sweep --round ID`: every light and forecast of a round recomputed as a job, with a progress bar. */
async function sweepFromCli(handle: DatabaseHandle, config: Config, args: string[], out: (line: string) => void): Promise<number> {
  const { values } = parseArgs({ args, options: { round: { type: 'string' } } })
  const round = z.uuid().safeParse(values.round)
  if (!round.success) {
    out(`参数有误 Bad arguments: --round 须为监控批次的 ID\n${monitoringCliUsage}`)
    return 2
  }
  const exists = await handle.db.selectFrom('monitoringRound').select(['id', 'jurisdictionCode']).where('id', '=', round.data).executeTakeFirst()
  if (!exists) {
    out(`没有这个监控批次 no such round: ${round.data}`)
    return 2
  }
  const state = await runJobFromCli(handle, config, sweepLightsJob, { roundId: exists.id }, { label: '重算预警灯', jurisdictionCode: exists.jurisdictionCode, entityType: 'monitoring_round', entityId: exists.id })
  out(state.status === 'done' ? `已重算 swept: ${JSON.stringify(state.result)}` : `失败 failed: ${state.error ?? state.status}`)
  return state.status === 'done' ? 0 : 1
}
