import Decimal from 'decimal.js'
import type { Light } from './lights.ts'
import type { MonitoringFormStatus } from './monitoring.ts'

/**
 * The figures of the monitoring dashboard and report that are not lights (those are lights.ts): time progress,
 * execution rate and how far one is from the other. Percents are decimal strings with two places.
 */

/** 时间进度 m/12 as a percent: the line the execution rate is held against. REFERENCE §5.3 */
export function timeProgress(month: number): string {
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`监控月份须为 1–12 的整数，收到 ${month}`)
  return new Decimal(month).dividedBy(12).times(100).toFixed(2)
}

/** 预算执行率 = 执行数 / 调整后预算数 × 100; null without a budget (nothing to execute against). */
export function executionRate(executed: Decimal.Value, budget: Decimal.Value): string | null {
  const b = new Decimal(budget)
  return b.isZero() ? null : new Decimal(executed).dividedBy(b).times(100).toFixed(2)
}

/** Percentage points ahead of (+) or behind (−) the time progress. */
export function deviationFromTime(rate: Decimal.Value, progress: Decimal.Value): string {
  return new Decimal(rate).minus(progress).toFixed(2)
}

/** The forms-list filter behind a dashboard figure (`/monitoring/forms?…`): every number drills down to its forms. */
export interface Drill {
  roundId: string
  departmentCode?: string
  unitCode?: string
  projectId?: string
  light?: Light
  status?: MonitoringFormStatus
  isKey?: boolean
}
