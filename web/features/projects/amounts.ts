import Decimal from 'decimal.js'
import { type Money, formatMoney, parseMoney, toWanYuan } from '../../../domain/money'

/** The unit amounts are shown and typed in on the list; the API always speaks 元. */
export type AmountUnit = 'yuan' | 'wan'

/** "1234567.89" → "1,234,567.89" in 元, or "123.46" in 万元 (rounded to two places, display only). */
export function formatAmount(amount: Money, unit: AmountUnit): string {
  return unit === 'wan' ? formatMoney(toWanYuan(amount, 2)) : formatMoney(amount)
}

/** What the user typed for an amount of money (commas allowed, not negative), as the API takes it; null if not one. */
export function parseAmount(text: string | null | undefined): Money | null {
  if (text === null || text === undefined || text.trim() === '') return null
  const money = parseMoney(text)
  return money !== null && !money.startsWith('-') ? money : null
}

/**
 * A typed filter bound in the given unit, as 元 for the API: "12.5" 万元 → "125000.00". Null when the text is not
 * an amount, or has more places than 元 can hold (万元 takes up to six).
 */
export function amountInYuan(text: string, unit: AmountUnit): Money | null {
  if (unit === 'yuan') return parseAmount(text)
  const cleaned = text.replace(/[,，\s]/g, '')
  if (!/^\d+(\.\d{1,6})?$/.test(cleaned)) return null
  return parseAmount(new Decimal(cleaned).times(10_000).toFixed(2))
}

/** A bound in 元 shown back in the given unit, without grouping (for editing). */
export function amountInUnit(amount: Money, unit: AmountUnit): string {
  return unit === 'wan' ? toWanYuan(amount) : new Decimal(amount).toFixed(2).replace(/\.00$/, '')
}
