import Decimal from 'decimal.js'

/** Money is a decimal string with two places ("1234567.89"), never a JS number. */
export type Money = string

const MONEY_PATTERN = /^-?\d{1,16}(\.\d{1,2})?$/
export const MAX_MONEY = '9999999999999999.99'

export function isMoney(text: string): boolean {
  return MONEY_PATTERN.test(text)
}

/** Normalises "1,234.5" / " 1234.50 " to "1234.50"; null when the text is not an amount of money. */
export function parseMoney(text: string | number): Money | null {
  const cleaned = String(text).replace(/[,，\s]/g, '').replace(/元$/, '')
  if (!/^-?\d+(\.\d+)?$/.test(cleaned)) return null
  const value = new Decimal(cleaned)
  if (value.decimalPlaces() > 2 || value.abs().greaterThan(MAX_MONEY)) return null
  return value.toFixed(2)
}

export function addMoney(...amounts: Money[]): Money {
  return amounts.reduce((sum, a) => sum.plus(a), new Decimal(0)).toFixed(2)
}

export function compareMoney(a: Money, b: Money): number {
  return new Decimal(a).comparedTo(b)
}

/** 元 → 万元 with the given places, exactly (for display and Excel in 万元). */
export function toWanYuan(amount: Money, places = 6): string {
  const fixed = new Decimal(amount).dividedBy(10_000).toFixed(places)
  // Trim trailing zeros of the fraction only: "100.000000" → "100", but "100" (places = 0) stays "100".
  return fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed
}

/** "1234567.89" → "1,234,567.89" */
export function formatMoney(amount: Money): string {
  const [whole = '0', fraction = '00'] = new Decimal(amount).toFixed(2).split('.')
  const negative = whole.startsWith('-')
  const digits = negative ? whole.slice(1) : whole
  return `${negative ? '-' : ''}${digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${fraction}`
}
