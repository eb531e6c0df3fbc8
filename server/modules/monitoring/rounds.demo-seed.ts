import { cutoffInstant } from '../../../domain/key-monitoring.ts'
import type { Trx } from '../../db/database.ts'
import type { Ctx } from '../../http/context.ts'
import { recordAudit } from '../../platform/audit.ts'
import { effectiveRules } from '../rule-sets/rule-sets.service.ts'
import { openRoundWork } from './rounds.open.ts'

/**
 * The demo's monitoring rounds: 深圳市 2026 at its rule set's first cut-off month, and a 南山区 round the city sees
 * read-only. Opened inline (the demo seed is one transaction; no job), with the units' deadline 15 days after the
 * cut-off. Run it after the demo's payments and goals, before forms are filled: goals must be in force at the
 * round's goal instant (the earlier of the cut-off and now) to be copied into the forms.
 */
export async function seedDemoRounds(trx: Trx, ctx: Ctx, options: { fiscalYear?: number; jurisdictions?: string[] } = {}) {
  const fiscalYear = options.fiscalYear ?? 2026
  const opened: { roundId: string; jurisdictionCode: string; formCount: number; keyCount: number }[] = []
  for (const jurisdictionCode of options.jurisdictions ?? ['440300', '440305']) {
    const node = await trx.selectFrom('orgNode').select('code').where('code', '=', jurisdictionCode).executeTakeFirst()
    if (!node) continue
    const rules = (await effectiveRules(trx, jurisdictionCode, fiscalYear)).rules
    const cutoffMonth = [...rules.monitoringCutoffMonths].sort((a, b) => a - b)[0] ?? 6
    const name = `${fiscalYear}年1–${cutoffMonth}月绩效运行监控`
    const exists = await trx.selectFrom('monitoringRound').select('id').where('jurisdictionCode', '=', jurisdictionCode).where('fiscalYear', '=', fiscalYear).where('name', '=', name).executeTakeFirst()
    if (exists) continue
    const deadline = new Date(cutoffInstant(fiscalYear, cutoffMonth).getTime() + 15 * 86_400_000)
    const round = await trx
      .insertInto('monitoringRound')
      .values({ jurisdictionCode, fiscalYear, cutoffMonth, name, deadline, status: 'opening', createdAt: ctx.now, updatedAt: ctx.now })
      .returning('id')
      .executeTakeFirstOrThrow()
    const result = await openRoundWork(trx, round.id)
    await recordAudit(trx, ctx, { action: 'monitoring.round_open', entityType: 'monitoring_round', entityId: round.id, after: { jurisdictionCode, fiscalYear, cutoffMonth, name, ...result } })
    opened.push({ roundId: round.id, jurisdictionCode, formCount: result.formCount, keyCount: result.keyCount })
  }
  return opened
}
