import Decimal from 'decimal.js'
import type { KeyMonitoringReason } from './monitoring.ts'
import type { Light } from './lights.ts'
import type { MonitoringRules } from './rule-set.ts'

/**
 * 重点监控 selection within a round (REFERENCE §5: 重点政策和重大项目; items with problems found before; low performance
 * or weak management — 太原 picked ≥200万元 projects spending < 60% of time progress). The criteria are the rule set's:
 * a major project, an annual total at or above `keyAmount`, red or late in the jurisdiction's last round, and budget
 * execution below `keyLowExecutionRatio` % of time progress. Finance adds or removes forms by hand afterwards.
 */
export interface KeyMonitoringInput {
  /** 重大项目 (the project library's 重大新增项目 flag). */
  isMajor: boolean
  /** 年度资金合计 (元, decimal string). */
  amountTotal: string
  /** The project's light in the jurisdiction's previous round, if it was in it. */
  lastLight?: Light | null
  /** Whether its form in the previous round was submitted after its deadline (or never). */
  lastLate?: boolean
  /** 全年预算数 and 1–N月执行数 at the cut-off (decimal strings). */
  budget: string
  executed: string
  /** The cut-off month m (1–12). */
  month: number
}

export interface KeyMonitoringVerdict {
  isKey: boolean
  reasons: KeyMonitoringReason[]
  /** 执行率 / 时间进度 × 100, two places: the figure the low-execution criterion compared. */
  executionToTimeRatio: string
}

/** 执行率 (%) against time progress (m/12 × 100) × 100, rounded half-up to two places; 0 when the budget is 0. */
export function executionToTimeRatio(budget: Decimal.Value, executed: Decimal.Value, month: number): Decimal {
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`监控月份须为 1–12 的整数，收到 ${month}`)
  const b = new Decimal(budget)
  const rate = b.isZero() ? new Decimal(0) : new Decimal(executed).dividedBy(b).times(100)
  return rate.dividedBy(new Decimal(month).dividedBy(12).times(100)).times(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP)
}

/** Which rule-set criteria put a project's form in 重点监控, in the order of `keyMonitoringReasons`. */
export function keyMonitoringVerdict(input: KeyMonitoringInput, rules: MonitoringRules): KeyMonitoringVerdict {
  const reasons: KeyMonitoringReason[] = []
  if (input.isMajor) reasons.push('major')
  if (new Decimal(input.amountTotal).gte(rules.keyAmount)) reasons.push('amount')
  if (input.lastLight === 'red') reasons.push('last_red')
  if (input.lastLate) reasons.push('last_late')
  const ratio = executionToTimeRatio(input.budget, input.executed, input.month)
  // A project with no budget has nothing to execute: it is not "low execution".
  if (!new Decimal(input.budget).isZero() && ratio.lt(rules.keyLowExecutionRatio)) reasons.push('low_execution')
  return { isKey: reasons.length > 0, reasons, executionToTimeRatio: ratio.toFixed(2) }
}

/** Applies manual picks and unpicks to a form's reasons: a pick adds 'manual'; an unpick clears every reason. */
export function withManualChoice(reasons: readonly string[], pick: boolean): string[] {
  if (!pick) return []
  return reasons.includes('manual') ? [...reasons] : [...reasons, 'manual']
}

/**
 * A form's deadline for its unit: the round's deadline, or a later extension granted by finance. After it the unit
 * can no longer save or submit (the department and finance still review).
 */
export function effectiveDeadline(roundDeadline: Date, extensionUntil: Date | null): Date {
  return extensionUntil && extensionUntil > roundDeadline ? extensionUntil : roundDeadline
}

/** Not yet reported: still with the unit (draft or returned) — and late once its effective deadline has passed. */
export const unreportedStatuses = ['draft', 'returned'] as const
export function isLate(form: { status: string; extensionUntil: Date | null }, roundDeadline: Date, now: Date): boolean {
  return (unreportedStatuses as readonly string[]).includes(form.status) && now > effectiveDeadline(roundDeadline, form.extensionUntil)
}

/** The end of a cut-off month in China Standard Time (UTC+8, no daylight saving): the date the goal version is read at. */
export function cutoffInstant(fiscalYear: number, month: number): Date {
  // Midnight at the start of the next month, +08:00, minus one millisecond.
  return new Date(Date.UTC(fiscalYear, month, 1, -8) - 1)
}
