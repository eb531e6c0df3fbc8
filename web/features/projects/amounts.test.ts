import { describe, expect, it } from 'vitest'
import { amountInUnit, amountInYuan, formatAmount, parseAmount } from './amounts'

describe('amounts on the project pages', () => {
  it('shows 元 grouped with two places and 万元 rounded to two places', () => {
    expect(formatAmount('1234567.89', 'yuan')).toBe('1,234,567.89')
    expect(formatAmount('1234567.89', 'wan')).toBe('123.46')
    expect(formatAmount('123456789012.00', 'wan')).toBe('12,345,678.90')
    expect(formatAmount('0.00', 'wan')).toBe('0.00')
  })

  it('reads what people type: commas, spaces, but no negatives or third decimals', () => {
    expect(parseAmount('1,234,567.89')).toBe('1234567.89')
    expect(parseAmount(' 100 ')).toBe('100.00')
    expect(parseAmount('-1')).toBeNull()
    expect(parseAmount('1.234')).toBeNull()
    expect(parseAmount('abc')).toBeNull()
    expect(parseAmount('')).toBeNull()
  })

  it('turns a filter bound in 万元 into 元 exactly, keeping cents past float precision', () => {
    expect(amountInYuan('12.5', 'wan')).toBe('125000.00')
    expect(amountInYuan('1,000.123456', 'wan')).toBe('10001234.56')
    expect(amountInYuan('9999999999.999999', 'wan')).toBe('99999999999999.99')
    expect(amountInYuan('1.1234567', 'wan')).toBeNull()
    expect(amountInYuan('100.5', 'yuan')).toBe('100.50')
  })

  it('shows a bound back in the unit it is edited in', () => {
    expect(amountInUnit('125000.00', 'wan')).toBe('12.5')
    expect(amountInUnit('125000.00', 'yuan')).toBe('125000')
    expect(amountInUnit('125000.50', 'yuan')).toBe('125000.50')
  })
})
