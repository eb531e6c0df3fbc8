import { describe, expect, test } from 'vitest'
import { deviationFromTime, executionRate, timeProgress } from './monitoring-dashboard.ts'

describe('time progress, execution rate and deviation', () => {
  test('time progress is m/12 as a percent with two places', () => {
    expect(timeProgress(6)).toBe('50.00')
    expect(timeProgress(5)).toBe('41.67')
    expect(timeProgress(7)).toBe('58.33')
    expect(timeProgress(12)).toBe('100.00')
    expect(() => timeProgress(0)).toThrow(RangeError)
    expect(() => timeProgress(6.5)).toThrow(RangeError)
  })

  test('execution rate is exact on decimals and null without a budget', () => {
    expect(executionRate('790000.00', '2100000.00')).toBe('37.62')
    // 0.1 + 0.2 style float drift would show here.
    expect(executionRate('0.30', '0.90')).toBe('33.33')
    expect(executionRate('1200000', '1000000')).toBe('120.00')
    expect(executionRate('5', '0')).toBeNull()
  })

  test('deviation is points ahead (+) or behind (−) the time progress', () => {
    expect(deviationFromTime('20.00', timeProgress(6))).toBe('-30.00')
    expect(deviationFromTime('95.00', '50.00')).toBe('45.00')
    expect(deviationFromTime('41.67', timeProgress(5))).toBe('0.00')
  })
})
