import { createHash } from 'node:crypto'
import Decimal from 'decimal.js'
import { sql } from 'kysely'
import type { Trx } from '../../db/database.ts'

/**
 * Demo 国库集中支付 payments: every budgeted, executing or closed demo project gets monthly payments — whole years
 * for past fiscal years, January to `through.month` of the current one — so the funds block, the budget light and
 * the forecast have something to show. Deterministic (each project's pace comes from a hash of its code), and
 * idempotent (voucher numbers are fixed; a second run adds nothing).
 *
 * Spending shapes: a department spends either evenly or mostly in the last quarter (年底突击), decided by its code,
 * so prior years give the forecast two distinct profiles. In the current year each project runs at a pace of 20 %–
 * 130 % of its department's usual share, which spreads the budget lights over red, yellow and green.
 */
const EVEN = [8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 12]
const YEAR_END_HEAVY = [3, 3, 4, 4, 5, 6, 6, 7, 9, 11, 14, 28]
const FUND_SOURCES = ['一般公共预算', '政府性基金预算', '国有资本经营预算']

const unit = (text: string, salt: string) => createHash('sha256').update(`${salt}:${text}`).digest().readUInt32BE(0) / 0xffffffff

export function demoShapeOf(departmentCode: string) {
  return unit(departmentCode, 'shape') < 0.4 ? YEAR_END_HEAVY : EVEN
}

export async function seedDemoPayments(trx: Trx, options: { through: { fiscalYear: number; month: number } }): Promise<number> {
  const projects = await trx
    .selectFrom('project')
    .select(['id', 'code', 'jurisdictionCode', 'departmentCode', 'fiscalYear', 'amountFiscal', 'budgetKind'])
    .where('status', 'in', ['budgeted', 'executing', 'closed'])
    .where('fiscalYear', '<=', options.through.fiscalYear)
    .execute()
  const rows: { j: string; p: string; y: number; d: string; a: string; f: string; v: string }[] = []
  for (const project of projects) {
    const budget = new Decimal(project.amountFiscal)
    if (budget.lte(0)) continue
    const shape = demoShapeOf(project.departmentCode)
    const current = project.fiscalYear === options.through.fiscalYear
    const lastMonth = current ? options.through.month : 12
    // Past years spend 85–100 % of the budget; the current year runs at a pace of 20–130 % of the usual share.
    const scale = current ? 0.2 + 1.1 * unit(project.code, 'pace') : 0.85 + 0.15 * unit(project.code, 'spent')
    const fundSource = FUND_SOURCES[['general', 'fund', 'state_capital'].indexOf(project.budgetKind)] ?? FUND_SOURCES[0]!
    for (let month = 1; month <= lastMonth; month++) {
      const amount = budget.times(shape[month - 1]!).dividedBy(100).times(scale).toDecimalPlaces(2, Decimal.ROUND_DOWN)
      if (amount.lte(0)) continue
      const day = String(10 + Math.floor(unit(`${project.code}-${month}`, 'day') * 18)).padStart(2, '0')
      rows.push({
        j: project.jurisdictionCode,
        p: project.id,
        y: project.fiscalYear,
        d: `${project.fiscalYear}-${String(month).padStart(2, '0')}-${day}`,
        a: amount.toFixed(2),
        f: fundSource,
        v: `GK${project.fiscalYear}${String(month).padStart(2, '0')}-${project.code}`,
      })
    }
  }
  let inserted = 0
  for (let start = 0; start < rows.length; start += 2000) {
    const chunk = rows.slice(start, start + 2000)
    const col = <K extends keyof (typeof chunk)[number]>(k: K) => chunk.map((r) => r[k])
    const { rows: done } = await sql<{ n: number }>`
      with written as (
        insert into execution_payment (jurisdiction_code, project_id, fiscal_year, paid_on, month, amount, fund_source, voucher_no, source)
        select j, p, y, d, extract(month from d)::smallint, a, f, v, 'demo'
        from unnest(${col('j')}::varchar[], ${col('p')}::uuid[], ${col('y')}::int[], ${col('d')}::date[], ${col('a')}::numeric[], ${col('f')}::varchar[], ${col('v')}::varchar[]) as t(j, p, y, d, a, f, v)
        on conflict (jurisdiction_code, voucher_no) do nothing
        returning 1
      )
      select count(*)::int as n from written
    `.execute(trx)
    inserted += Number(done[0]?.n ?? 0)
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
