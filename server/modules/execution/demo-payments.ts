import Decimal from 'decimal.js'
import { monitoredBudgetKinds } from '../../../domain/monitoring.ts'
import type { Trx } from '../../db/database.ts'
import type { Ctx } from '../../http/context.ts'

/**
 * How a demo project spends its budget over the year, as cumulative shares by month end. Real treasury data has all of
 * these: steady spending, the year-end rush, one a little behind, a slow starter and one that pays most up front.
 */
const profiles = {
  steady: [0.07, 0.15, 0.23, 0.31, 0.39, 0.48, 0.56, 0.64, 0.72, 0.8, 0.88, 0.98],
  yearEnd: [0.02, 0.05, 0.08, 0.12, 0.16, 0.22, 0.28, 0.35, 0.43, 0.52, 0.68, 0.97],
  slow: [0, 0.01, 0.02, 0.04, 0.06, 0.1, 0.14, 0.18, 0.22, 0.28, 0.4, 0.7],
  upFront: [0.2, 0.35, 0.45, 0.55, 0.62, 0.7, 0.76, 0.82, 0.87, 0.92, 0.96, 1],
  behind: [0.04, 0.09, 0.14, 0.2, 0.27, 0.35, 0.42, 0.5, 0.58, 0.66, 0.8, 0.97],
} as const
const rotation: (keyof typeof profiles)[] = ['steady', 'yearEnd', 'behind', 'steady', 'slow', 'upFront', 'behind', 'steady']
const fundSources = ['一般公共预算拨款', '政府性基金预算拨款', '国有资本经营预算拨款'] as const
const sourceOfKind: Record<string, string> = { general: fundSources[0], fund: fundSources[1], state_capital: fundSources[2] }

export interface DemoPaymentOptions {
  /** The last month paid in the current year (earlier years are paid in full). */
  lastMonthOf: (fiscalYear: number) => number
}

/**
 * Monthly 国库集中支付 payments for the demo's budgeted, executing and closed projects of the three monitored budgets —
 * the prior year in full (the forecast's profiles), the current year up to `lastMonthOf`. Deterministic by project
 * code; one voucher per project and month, so seeding twice adds nothing.
 */
export async function seedDemoPayments(trx: Trx, ctx: Ctx, options: DemoPaymentOptions) {
  const projects = await trx
    .selectFrom('project')
    .select(['id', 'code', 'jurisdictionCode', 'fiscalYear', 'budgetKind', 'amountFiscal'])
    .where('status', 'in', ['budgeted', 'executing', 'closed'])
    .where('budgetKind', 'in', [...monitoredBudgetKinds])
    .orderBy('code')
    .execute()
  const rows = []
  for (const [index, p] of projects.entries()) {
    const shares = profiles[rotation[index % rotation.length]!]
    const last = Math.min(12, options.lastMonthOf(p.fiscalYear))
    const budget = new Decimal(p.amountFiscal)
    let paidSoFar = new Decimal(0)
    for (let month = 1; month <= last; month++) {
      const due = budget.times(shares[month - 1]!).toDecimalPlaces(2, Decimal.ROUND_DOWN)
      const amount = due.minus(paidSoFar)
      if (amount.lte(0)) continue
      paidSoFar = due
      const day = String(10 + (index % 15)).padStart(2, '0')
      rows.push({
        jurisdictionCode: p.jurisdictionCode,
        projectId: p.id,
        fiscalYear: p.fiscalYear,
        paidOn: `${p.fiscalYear}-${String(month).padStart(2, '0')}-${day}`,
        month,
        amount: amount.toFixed(2),
        fundSource: sourceOfKind[p.budgetKind] ?? fundSources[0],
        voucherNo: `ZF${p.fiscalYear}${String(month).padStart(2, '0')}-${p.code}`,
        source: 'demo' as const,
        createdAt: ctx.now,
      })
    }
  }
  let inserted = 0
  for (let i = 0; i < rows.length; i += 1000) {
    const done = await trx
      .insertInto('executionPayment')
      .values(rows.slice(i, i + 1000))
      .onConflict((oc) => oc.columns(['jurisdictionCode', 'fiscalYear', 'voucherNo']).doNothing())
      .returning('id')
      .execute()
    inserted += done.length
  }
  return inserted
}

/** A few demo 调整预算 of the current year's executing projects: a top-up and a cut, each with its reason. Idempotent. */
export async function seedDemoAdjustments(trx: Trx, options: { fiscalYear: number; jurisdictionCode: string; adjustedOn: string }): Promise<number> {
  const projects = await trx
    .selectFrom('project')
    .select(['id', 'amountFiscal'])
    .where('jurisdictionCode', '=', options.jurisdictionCode)
    .where('fiscalYear', '=', options.fiscalYear)
    .where('status', '=', 'executing')
    .orderBy('code')
    .limit(4)
    .execute()
  const already = projects.length ? await trx.selectFrom('budgetAdjustment').select('id').where('projectId', 'in', projects.map((p) => p.id)).executeTakeFirst() : undefined
  if (already) return 0
  const reasons = [
    { share: '0.10', reason: '根据年中工作安排，追加项目资金' },
    { share: '-0.15', reason: '政策调整，部分任务不再实施，同步调减预算' },
    { share: '0.05', reason: '上年结转资金并入本年预算' },
    { share: '-0.08', reason: '政府采购节约资金收回' },
  ]
  const rows = projects.map((p, i) => ({
    projectId: p.id,
    fiscalYear: options.fiscalYear,
    amount: new Decimal(p.amountFiscal).times(reasons[i]!.share).toDecimalPlaces(2, Decimal.ROUND_DOWN).toFixed(2),
    reason: reasons[i]!.reason,
    adjustedOn: options.adjustedOn,
    actionId: null,
    createdBy: null,
  }))
  if (rows.length) await trx.insertInto('budgetAdjustment').values(rows).execute()
  return rows.length
}
