import { sql } from 'kysely'
import { addMoney } from '../../../domain/money.ts'
import type { Db, Trx } from '../../db/database.ts'

/** A project's money at a cut-off month: the funds block of a monitoring form. Amounts are decimal strings (元). */
export interface ProjectFunds {
  projectId: string
  /** 年初预算数: the project's fiscal funds (财政拨款) as budgeted. */
  budgetInitial: string
  /** Sum of 调整预算 rows (signed). */
  adjustments: string
  /** 调整后预算数 = 全年预算数 = 年初 + 调整. */
  budgetAdjusted: string
  /** 1–N月执行数: payments of the project's fiscal year paid in months 1..month. */
  executed: string
  /** Paid per month, January first (12 entries), whatever the cut-off. */
  monthly: string[]
}

/** A project's budget and what was paid to a cut-off, without the months: what lights and forecasts need. */
export type FundsTotals = Omit<ProjectFunds, 'monthly'>

/** 年初预算数 and 调整 of many projects: one query per table. */
async function budgets(db: Db | Trx, ids: string[], fiscalYear: number): Promise<Map<string, FundsTotals>> {
  const result = new Map<string, FundsTotals>()
  const projects = await db.selectFrom('project').select(['id', 'amountFiscal']).where('id', 'in', ids).execute()
  for (const p of projects) result.set(p.id, { projectId: p.id, budgetInitial: p.amountFiscal, adjustments: '0.00', budgetAdjusted: p.amountFiscal, executed: '0.00' })
  const adjustments = await db
    .selectFrom('budgetAdjustment')
    .select(['projectId', sql<string>`sum(amount)::text`.as('total')])
    .where('projectId', 'in', ids)
    .where('fiscalYear', '=', fiscalYear)
    .groupBy('projectId')
    .execute()
  for (const a of adjustments) {
    const funds = result.get(a.projectId)
    if (!funds) continue
    funds.adjustments = addMoney(a.total)
    funds.budgetAdjusted = addMoney(funds.budgetInitial, a.total)
  }
  return result
}

/**
 * The totals of many projects for one fiscal year and cut-off month (a sweep over a round's forms): three queries,
 * a row per project. Projects with no payments get zeros.
 */
export async function projectTotals(db: Db | Trx, input: { projectIds: readonly string[]; fiscalYear: number; month: number }): Promise<Map<string, FundsTotals>> {
  if (input.projectIds.length === 0) return new Map()
  const ids = [...input.projectIds]
  const result = await budgets(db, ids, input.fiscalYear)
  const paid = await db
    .selectFrom('executionPayment')
    .select(['projectId', sql<string>`sum(amount)::text`.as('total')])
    .where('projectId', 'in', ids)
    .where('fiscalYear', '=', input.fiscalYear)
    .where('month', '<=', input.month)
    .groupBy('projectId')
    .execute()
  for (const row of paid) {
    const funds = result.get(row.projectId)
    if (funds) funds.executed = addMoney(row.total)
  }
  return result
}

/**
 * The funds of many projects at once, with every month's payments, for one fiscal year and cut-off month.
 * Projects with no payments get zeros. One query per table, so a round of thousands of forms costs three queries.
 */
export async function projectFunds(db: Db | Trx, input: { projectIds: readonly string[]; fiscalYear: number; month: number }): Promise<Map<string, ProjectFunds>> {
  const result = new Map<string, ProjectFunds>()
  if (input.projectIds.length === 0) return result
  const ids = [...input.projectIds]
  for (const [id, totals] of await budgets(db, ids, input.fiscalYear)) result.set(id, { ...totals, monthly: Array(12).fill('0.00') as string[] })
  const paid = await db
    .selectFrom('executionPayment')
    .select(['projectId', 'month', sql<string>`sum(amount)::text`.as('total')])
    .where('projectId', 'in', ids)
    .where('fiscalYear', '=', input.fiscalYear)
    .groupBy(['projectId', 'month'])
    .execute()
  for (const row of paid) {
    const funds = result.get(row.projectId)
    if (!funds) continue
    funds.monthly[row.month - 1] = addMoney(row.total)
    if (row.month <= input.month) funds.executed = addMoney(funds.executed, row.total)
  }
  return result
}
