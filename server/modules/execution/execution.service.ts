import Decimal from 'decimal.js'
import { budgetLight } from '../../../domain/lights.ts'
import { addMoney, compareMoney } from '../../../domain/money.ts'
import type { ProjectStatus } from '../../../domain/projects.ts'
import type { Db, Trx } from '../../db/database.ts'
import type { ActorCtx } from '../../http/context.ts'
import { AppError, notFound } from '../../http/errors.ts'
import { recordAudit } from '../../platform/audit.ts'
import { assertOwnJurisdiction } from '../../platform/supervision.ts'
import { effectiveRules } from '../rule-sets/rule-sets.service.ts'
import { forecastFor } from './execution.forecast.ts'
import { projectFunds } from './execution.funds.ts'
import { PaymentWriter, type PaymentInput } from './execution.payments.ts'
import { visibleProject } from './execution.repository.ts'
import type { CreateAdjustmentInput } from './execution.schemas.ts'
import { fundsChanged } from './execution.listeners.ts'

/** Use cases of 预算执行数据: the API push, budget adjustments and a project's funds at a cut-off. */

export interface PushResult {
  total: number
  created: number
  unchanged: number
}

/**
 * POST /api/execution/payments: a batch from the payment system, all or nothing, idempotent by voucher (a batch
 * sent twice adds nothing). Problems of single items (unknown project, voucher reused with other data) refuse the
 * whole batch with 422 PAYMENTS_INVALID naming each item by its position (1-based) and field.
 */
export async function pushPayments(db: Db, ctx: ActorCtx, items: PaymentInput[]): Promise<PushResult> {
  return db.transaction().execute(async (trx) => {
    const writer = new PaymentWriter(trx, ctx, 'api')
    await writer.write(items.map((input, i) => ({ row: i + 1, input, problems: [] })))
    if (writer.errorCount) {
      const details = writer.problems.map((p) => ({ item: p.row, voucherNo: items[p.row - 1]?.voucherNo ?? null, field: p.field, message: p[ctx.lang] }))
      const n = writer.errorCount
      throw new AppError('PAYMENTS_INVALID', details, { zh: `有 ${n} 条支付记录有误，本批均未写入`, en: `${n} payment${n === 1 ? ' has' : 's have'} problems; nothing of the batch was written` })
    }
    const result = { total: items.length, created: writer.created, unchanged: writer.unchanged }
    await fundsChanged(trx, writer.projectIds)
    await recordAudit(trx, ctx, { action: 'execution.payment_push', entityType: 'execution_payment', after: { ...result, projects: writer.projectIds.size } })
    return result
  })
}

const ADJUSTABLE: readonly ProjectStatus[] = ['budgeted', 'executing']

/** 调整预算 (POST /api/execution/adjustments): one transaction around adjustBudget. */
export async function createAdjustment(db: Db, ctx: ActorCtx, input: CreateAdjustmentInput) {
  return db.transaction().execute((trx) => adjustBudget(trx, ctx, input))
}

/**
 * 调整预算 inside the caller's transaction — also for 纠偏's 调减预算, which passes its corrective action's id: a
 * signed amount with its reason, on a budgeted or executing project the caller sees (else 404) of the caller's own
 * jurisdiction (a bureau above it: 403 SUPERVISION_ONLY), dated within the project's fiscal year; the full-year
 * budget (年初 + Σ 调整) may not fall below zero (422 RULE_VIOLATION naming the field). Audited as execution.adjust.
 */
export async function adjustBudget(trx: Trx, ctx: ActorCtx, input: CreateAdjustmentInput & { actionId?: string | null }) {
  const project = (await visibleProject(trx, ctx.actor, input.projectId)) ?? notFound()
  assertOwnJurisdiction(ctx.actor, project)
  const refuse = (path: string, zh: string, en: string) => new AppError('RULE_VIOLATION', [{ path, message: ctx.lang === 'zh' ? zh : en }])
  if (!ADJUSTABLE.includes(project.status)) throw refuse('projectId', '只有已列入预算或执行中的项目可以调整预算', 'Only budgeted or executing projects can be adjusted')
  if (Number(input.adjustedOn.slice(0, 4)) !== project.fiscalYear) {
    throw refuse('adjustedOn', `调整日期须在预算年度 ${project.fiscalYear} 内`, `The date must fall in fiscal year ${project.fiscalYear}`)
  }
  const before = (await projectFunds(trx, { projectIds: [project.id], fiscalYear: project.fiscalYear, month: 12 })).get(project.id)!
  const budgetAdjusted = addMoney(before.budgetAdjusted, input.amount)
  if (compareMoney(budgetAdjusted, '0') < 0) throw refuse('amount', `调减后全年预算数为 ${budgetAdjusted}，不能小于 0`, `The full-year budget would be ${budgetAdjusted}, below 0`)
  const row = await trx
    .insertInto('budgetAdjustment')
    .values({
      projectId: project.id,
      fiscalYear: project.fiscalYear,
      amount: new Decimal(input.amount).toFixed(2),
      reason: input.reason,
      adjustedOn: input.adjustedOn,
      actionId: input.actionId ?? null,
      createdBy: ctx.actor.userId,
      createdAt: ctx.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
  const after = { ...row, projectCode: project.code, budgetInitial: before.budgetInitial, budgetAdjusted }
  await fundsChanged(trx, [project.id])
  await recordAudit(trx, ctx, { action: 'execution.adjust', entityType: 'budget_adjustment', entityId: row.id, after })
  return after
}

/** The cut-off month to show when none is asked: this month in the project's year, December of a past year. */
function defaultMonth(fiscalYear: number, now: Date) {
  const year = now.getUTCFullYear()
  return fiscalYear < year ? 12 : fiscalYear > year ? 1 : now.getUTCMonth() + 1
}

/** GET /api/execution/projects/:id/funds: the funds block at a cut-off with 执行率, the budget light and the forecast. */
export async function getProjectFunds(db: Db, ctx: ActorCtx, projectId: string, month?: number) {
  const project = (await visibleProject(db, ctx.actor, projectId)) ?? notFound()
  const m = month ?? defaultMonth(project.fiscalYear, ctx.now)
  const funds = (await projectFunds(db, { projectIds: [project.id], fiscalYear: project.fiscalYear, month: m })).get(project.id)!
  const { rules } = await effectiveRules(db, project.jurisdictionCode, project.fiscalYear)
  const budget = new Decimal(funds.budgetAdjusted)
  const executionRate = (budget.isZero() ? new Decimal(0) : new Decimal(funds.executed).dividedBy(budget).times(100)).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2)
  const forecast = (await forecastFor(db, { projectIds: [project.id], fiscalYear: project.fiscalYear, month: m })).get(project.id)!
  return {
    project: { id: project.id, code: project.code, name: project.name, fiscalYear: project.fiscalYear, status: project.status },
    month: m,
    ...funds,
    executionRate,
    timeProgress: new Decimal(m).dividedBy(12).times(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2),
    budgetLight: budgetLight({ budget: funds.budgetAdjusted, executed: funds.executed, month: m }, rules),
    forecast,
  }
}
