import Decimal from 'decimal.js'
import type { Nature } from './scoring.ts'

/** An indicator value as written in real goal tables ("≥95%", "≤30天", "较上年提升"), understood. */
export type IndicatorValue =
  | { kind: 'quantitative'; nature: Nature; value: string; unit: string; normalized: { value: string; unit: string }; original: string }
  | { kind: 'qualitative'; nature: 'qualitative'; text: string; original: string }

// Longest first, so "大于等于" is not read as "大于".
const natureWords: [string, Nature][] = [
  ['>=', '>='], ['≥', '>='], ['≧', '>='], ['大于等于', '>='], ['不低于', '>='], ['不少于', '>='], ['不小于', '>='], ['至少', '>='],
  ['<=', '<='], ['≤', '<='], ['≦', '<='], ['小于等于', '<='], ['不高于', '<='], ['不超过', '<='], ['不多于', '<='], ['不大于', '<='], ['至多', '<='],
  ['>', '>'], ['大于', '>'], ['高于', '>'], ['超过', '>'],
  ['<', '<'], ['小于', '<'], ['低于', '<'],
  ['==', '='], ['=', '='], ['等于', '='],
]

/** Full-width forms (＞＝９５％) to their ASCII twins, so one grammar reads both. */
function toHalfWidth(text: string) {
  return text.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ')
}

// Units that convert to a base unit; everything else is kept as written.
const conversions: Record<string, { unit: string; factor: Decimal.Value }> = {
  万元: { unit: '元', factor: 10_000 },
  亿元: { unit: '元', factor: 100_000_000 },
  千元: { unit: '元', factor: 1_000 },
  '‰': { unit: '%', factor: '0.1' },
  万人: { unit: '人', factor: 10_000 },
  万人次: { unit: '人次', factor: 10_000 },
  公里: { unit: '千米', factor: 1 },
}

/** Reads an indicator value; anything without a number is a qualitative target ("效果明显", "较上年提升"). */
export function parseIndicatorValue(original: string): IndicatorValue {
  let rest = toHalfWidth(original).trim().replace(/\s+/g, ' ')
  let nature: Nature | undefined
  for (const [word, n] of natureWords) {
    if (rest.startsWith(word)) {
      nature = n
      rest = rest.slice(word.length).trim()
      break
    }
  }
  const match = /^([+-]?\d[\d,]*(?:\.\d+)?)\s*(.*)$/.exec(rest)
  if (!match) return { kind: 'qualitative', nature: 'qualitative', text: original.trim(), original }
  const value = new Decimal(match[1]!.replaceAll(',', ''))
  const unit = match[2]!.trim()
  const conversion = conversions[unit]
  return {
    kind: 'quantitative',
    nature: nature ?? '=',
    value: value.toString(),
    unit,
    normalized: conversion ? { value: value.times(conversion.factor).toString(), unit: conversion.unit } : { value: value.toString(), unit },
    original,
  }
}

const natureSymbols: Record<Nature, string> = { '>=': '≥', '>': '>', '=': '=', '<=': '≤', '<': '<' }

/** Writes a value back the way tables show it: "≥95%", "≤30天". */
export function formatIndicatorValue(value: IndicatorValue): string {
  if (value.kind === 'qualitative') return value.text
  return `${natureSymbols[value.nature]}${value.value}${value.unit}`
}
