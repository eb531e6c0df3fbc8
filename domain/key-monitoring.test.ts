import { describe, expect, test } from 'vitest'
import { cutoffInstant, effectiveDeadline, executionToTimeRatio, isLate, keyMonitoringVerdict, withManualChoice } from './key-monitoring.ts'
import { nationalRules } from './rule-set.ts'

const rules = { ...nationalRules.monitoring, keyAmount: '2000000.00', keyLowExecutionRatio: 60 }
const base = { isMajor: false, amountTotal: '1000000.00', budget: '1000000.00', executed: '500000.00', month: 6 }

describe('重点监控 selection by the rule set (REFERENCE §5)', () => {
  test('an ordinary project spending on time is not key', () => {
    expect(keyMonitoringVerdict(base, rules)).toEqual({ isKey: false, reasons: [], executionToTimeRatio: '100.00' })
  })

  test('a major project is key', () => {
    expect(keyMonitoringVerdict({ ...base, isMajor: true }, rules).reasons).toEqual(['major'])
  })

  test('the amount threshold is inclusive (太原: ≥200万元)', () => {
    expect(keyMonitoringVerdict({ ...base, amountTotal: '2000000.00' }, rules).reasons).toEqual(['amount'])
    expect(keyMonitoringVerdict({ ...base, amountTotal: '1999999.99' }, rules).reasons).toEqual([])
  })

  test('red or late in the last round', () => {
    expect(keyMonitoringVerdict({ ...base, lastLight: 'red', lastLate: true }, rules).reasons).toEqual(['last_red', 'last_late'])
    expect(keyMonitoringVerdict({ ...base, lastLight: 'yellow', lastLate: false }, rules).reasons).toEqual([])
  })

  test('low execution: 执行率 against time progress below the rule set\'s ratio (太原: < 60%)', () => {
    // m = 8: time progress 66.67%; 40% executed → ratio 60.00 → not low; 39.99% → 59.99 → low.
    expect(keyMonitoringVerdict({ ...base, month: 8, executed: '400000.00' }, rules)).toMatchObject({ reasons: [], executionToTimeRatio: '60.00' })
    expect(keyMonitoringVerdict({ ...base, month: 8, executed: '399900.00' }, rules)).toMatchObject({ reasons: ['low_execution'], executionToTimeRatio: '59.99' })
  })

  test('a project without budget is not "low execution"', () => {
    expect(keyMonitoringVerdict({ ...base, budget: '0', executed: '0' }, rules).reasons).toEqual([])
  })

  test('every criterion at once, in the vocabulary\'s order', () => {
    const all = keyMonitoringVerdict({ isMajor: true, amountTotal: '9000000', lastLight: 'red', lastLate: true, budget: '9000000', executed: '0', month: 6 }, rules)
    expect(all).toEqual({ isKey: true, reasons: ['major', 'amount', 'last_red', 'last_late', 'low_execution'], executionToTimeRatio: '0.00' })
  })

  test('the ratio refuses a month outside 1–12', () => {
    expect(() => executionToTimeRatio('1', '1', 13)).toThrow(RangeError)
    expect(executionToTimeRatio('1200', '100', 1).toFixed(2)).toBe('100.00')
  })

  test('manual picks add "manual"; an unpick clears the reasons', () => {
    expect(withManualChoice(['amount'], true)).toEqual(['amount', 'manual'])
    expect(withManualChoice(['amount', 'manual'], true)).toEqual(['amount', 'manual'])
    expect(withManualChoice(['amount'], false)).toEqual([])
  })
})

describe('deadlines', () => {
  const deadline = new Date('2026-07-15T18:00:00+08:00')

  test('an extension later than the deadline replaces it; an earlier one does not shorten it', () => {
    const later = new Date('2026-07-20T18:00:00+08:00')
    expect(effectiveDeadline(deadline, later)).toEqual(later)
    expect(effectiveDeadline(deadline, new Date('2026-07-01T00:00:00+08:00'))).toEqual(deadline)
    expect(effectiveDeadline(deadline, null)).toEqual(deadline)
  })

  test('late = still with the unit after its deadline', () => {
    const after = new Date('2026-07-16T00:00:00+08:00')
    expect(isLate({ status: 'draft', extensionUntil: null }, deadline, after)).toBe(true)
    expect(isLate({ status: 'returned', extensionUntil: null }, deadline, after)).toBe(true)
    expect(isLate({ status: 'submitted', extensionUntil: null }, deadline, after)).toBe(false)
    expect(isLate({ status: 'draft', extensionUntil: new Date('2026-07-20T00:00:00+08:00') }, deadline, after)).toBe(false)
    expect(isLate({ status: 'draft', extensionUntil: null }, deadline, deadline)).toBe(false)
  })

  test('the cut-off is the last instant of the month in China Standard Time', () => {
    expect(cutoffInstant(2026, 6).toISOString()).toBe('2026-06-30T15:59:59.999Z')
    expect(cutoffInstant(2026, 12).toISOString()).toBe('2026-12-31T15:59:59.999Z')
    expect(cutoffInstant(2024, 2).toISOString()).toBe('2024-02-29T15:59:59.999Z')
  })
})
