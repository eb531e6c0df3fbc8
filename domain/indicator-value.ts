import Decimal from 'decimal.js'
import { directionOf } from './indicator-direction.ts'
import type { IndicatorNature } from './indicators.ts'
import type { RuleSet } from './rule-set.ts'
import type { Nature } from './scoring.ts'

/**
 * An indicator value as written in real goal tables ("≥95%", "≤30天", "95%-100%", "2026年12月31日前", "较上年提升"),
 * understood. Decisions, each tested:
 * - A bare number is '=' ("100%" → = 100 %), as written: scoring treats '=' with a non-zero target like '≥' (§13.10),
 *   so "100%" scores and lights the same as "≥100%"; a 指标性质 column, when there is one, says otherwise. When the
 *   hint names the indicator and its words say lower is better (成本, 逾期率… `indicator-direction.ts`), a bare number
 *   is '≤' instead: "5万元" of 项目总成本 is a ceiling, and read as '=' it would score overspending like over-achievement.
 * - "百分比" is '%'; "及其以下" / "及其以上" are 以下 / 以上; "100%覆盖" is = 100 %.
 * - A range ("95%-100%", "90～95分") keeps both bounds in `range` and compares against one: the lower bound for
 *   ≥ > = (a range defaults to '≥'), the upper for ≤ <.
 * - Words after the number set the nature when no sign precedes it: 以上 ≥, 以下/以内/内 ≤, 左右 =.
 * - A full date ("2026年12月31日前", "2026年底前") is a deadline: judged 达成/未达成 like a qualitative target, so its
 *   nature is 'qualitative'. A month without a day ("2026年6月前") is ambiguous and stays plain text.
 * - Anything else without a leading number is qualitative ("较上年提升", "达到国家标准", "较上年增长10%").
 */
export type IndicatorValue =
  | {
      kind: 'quantitative'
      nature: Nature
      /** The bound compared against, as written (in `unit`). */
      value: string
      unit: string
      /** The value in a base unit: 万元 → 元, ‰ → %, 万人次 → 人次, 公里 → 千米. */
      normalized: { value: string; unit: string }
      range?: { low: string; high: string }
      original: string
    }
  | { kind: 'qualitative'; nature: 'qualitative'; text: string; original: string }
  | { kind: 'deadline'; nature: 'qualitative'; /** YYYY-MM-DD */ date: string; /** Words after the date: 完成, 竣工. */ note: string; text: string; original: string }

/** A separate 指标性质 / 计量单位 column of the same row (Excel 申报表). */
export interface IndicatorValueHint {
  nature?: IndicatorNature
  unit?: string
  /** The 三级 name and 二级 of the row, whose words decide the nature of a number written without a sign. */
  name?: string
  level2?: string
  /** The word lists for that (the rule set's; the national defaults when left out). */
  rules?: Pick<RuleSet, 'indicatorDirection'>
}

const natureWords: [string, Nature][] = (
  [
    ['>=', '>='], ['=>', '>='], ['≥', '>='], ['≧', '>='], ['⩾', '>='], ['≮', '>='],
    ['大于等于', '>='], ['大于或等于', '>='], ['不低于', '>='], ['不少于', '>='], ['不小于', '>='], ['至少', '>='], ['达到', '>='],
    ['<=', '<='], ['=<', '<='], ['≤', '<='], ['≦', '<='], ['⩽', '<='], ['≯', '<='],
    ['小于等于', '<='], ['小于或等于', '<='], ['不高于', '<='], ['不超过', '<='], ['不多于', '<='], ['不大于', '<='], ['至多', '<='], ['控制在', '<='],
    ['>', '>'], ['大于', '>'], ['高于', '>'], ['超过', '>'], ['多于', '>'],
    ['<', '<'], ['小于', '<'], ['低于', '<'], ['少于', '<'], ['不足', '<'],
    ['==', '='], ['=', '='], ['等于', '='],
  ] satisfies [string, Nature][]
).sort((a, b) => b[0].length - a[0].length) // longest first, so "不超过" is not read as "超过"

const suffixWords: [RegExp, Nature][] = [
  [/(?:及其|及|或)?以上$/, '>='],
  [/(?:及其|及|或)?以下$|以内$|之内$|内$/, '<='],
  [/左右$/, '='],
  // "100%覆盖": the coverage rate, stated as reached.
  [/(?<=%)覆盖$/, '='],
]

/** Full-width forms (＞＝９５％, （套）) to their ASCII twins and the odd dashes to '-', so one grammar reads them all. */
function toHalfWidth(text: string) {
  return text
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .replace(/﹪/g, '%')
    .replace(/[﹦﹤﹥]/g, (c) => (c === '﹦' ? '=' : c === '﹤' ? '<' : '>'))
    .replace(/[—–〜]/g, (c) => (c === '〜' ? '~' : '-'))
}

const clean = (text: string) =>
  toHalfWidth(text)
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/([<>=≤≥])\s+(?=[<>=])/g, '$1')

const NUMBER = String.raw`[+-]?(?:\d[\d,]*(?:\.\d+)?|\.\d+)`
const UNIT = String.raw`[^\d\s~至到.,+-]*`
const single = new RegExp(String.raw`^(${NUMBER})\s*(.*)$`)
const range = new RegExp(String.raw`^(${NUMBER})\s*(${UNIT})\s*(?:-|~|至|到)\s*(${NUMBER})\s*(.*)$`)

const number = (text: string) => new Decimal(text.replaceAll(',', ''))

/** 百分之九十五 → 95; 百分之九十九点五 → 99.5. Integers below 1000 are enough for percentages. */
function chineseNumber(text: string): string | null {
  const digits: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 }
  const [whole = '', fraction] = text.split('点')
  let total = 0
  let current = 0
  for (const c of whole) {
    if (c in digits) current = digits[c]!
    else if (c === '十' || c === '百') {
      total += (current || 1) * (c === '十' ? 10 : 100)
      current = 0
    } else return null
  }
  if (whole === '') return null
  const fractionDigits = [...(fraction ?? '')].map((c) => digits[c])
  if (fraction !== undefined && (fraction === '' || fractionDigits.some((d) => d === undefined))) return null
  return fraction === undefined ? String(total + current) : `${total + current}.${fractionDigits.join('')}`
}

function conversionOf(unit: string): { unit: string; factor: Decimal.Value } | null {
  if (unit === '千元') return { unit: '元', factor: 1_000 }
  if (unit === '‰') return { unit: '%', factor: '0.1' }
  if (unit === '公里') return { unit: '千米', factor: 1 }
  const scaled = /^(万|亿)(.+)$/.exec(unit)
  if (scaled) return { unit: scaled[2]!, factor: scaled[1] === '万' ? 10_000 : 100_000_000 }
  return null
}

const cleanUnit = (unit: string) => {
  const compact = toHalfWidth(unit).replace(/\s+/g, '')
  return compact === '百分比' || compact === '百分率' ? '%' : compact
}
// Longer tails are prose ("所学校完成改造", "%完成"), not a unit, and neither is one still ending in 以上/内 once
// those are stripped ("0以上内"): the value is read as text.
const isUnit = (unit: string) =>
  unit.length <= 8 && !/[\d,.~+-]/.test(unit) && (!/[%‰]/.test(unit) || unit.length === 1) && !suffixWords.some(([pattern]) => pattern.test(unit))

function splitSuffix(rest: string): { unit: string; nature?: Nature } {
  for (const [pattern, nature] of suffixWords) {
    if (pattern.test(rest)) return { unit: cleanUnit(rest.replace(pattern, '')), nature }
  }
  return { unit: cleanUnit(rest) }
}

function stripNature(text: string): { rest: string; nature?: Nature } {
  const hit = natureWords.find(([word]) => text.startsWith(word))
  return hit ? { rest: text.slice(hit[0].length).trim(), nature: hit[1] } : { rest: text }
}

const isReverse = (nature: Nature) => nature === '<=' || nature === '<'

interface Reading {
  nature?: Nature
  value: Decimal
  unit: string
  range?: { low: Decimal; high: Decimal }
}

function readNumber(text: string): Reading | null {
  const { rest, nature: prefix } = stripNature(text)
  const percent = /^百分之([零〇一二两三四五六七八九十百点]+)(.*)$/.exec(rest)
  if (percent) {
    const value = chineseNumber(percent[1]!)
    const suffix = splitSuffix(percent[2]!.trim())
    if (value === null || suffix.unit !== '') return null
    return { nature: prefix ?? suffix.nature, value: new Decimal(value), unit: '%' }
  }
  const between = range.exec(rest)
  if (between) {
    const suffix = splitSuffix(between[4]!.trim())
    const firstUnit = cleanUnit(between[2]!)
    if ((firstUnit !== '' && firstUnit !== suffix.unit) || !isUnit(suffix.unit)) return null
    const [a, b] = [number(between[1]!), number(between[3]!)]
    const [low, high] = a.lte(b) ? [a, b] : [b, a]
    return { nature: prefix ?? suffix.nature ?? '>=', value: low, unit: suffix.unit, range: { low, high } }
  }
  const one = single.exec(rest)
  if (!one) return null
  const suffix = splitSuffix(one[2]!.trim())
  if (!isUnit(suffix.unit)) return null
  return { nature: prefix ?? suffix.nature, value: number(one[1]!), unit: suffix.unit }
}

function readDeadline(text: string): { date: string; note: string } | null {
  const compact = text.replace(/\s+/g, '')
  const patterns: [RegExp, (m: RegExpExecArray) => [number, number, number | 'end']][] = [
    [/^(\d{4})年(?:年)?(?:底|末)/, (m) => [Number(m[1]), 12, 'end']],
    [/^(\d{4})年(\d{1,2})月(?:(\d{1,2})日|底|末)/, (m) => [Number(m[1]), Number(m[2]), m[3] ? Number(m[3]) : 'end']],
    // One separator throughout, so a range such as "2026-1.5万元" is not a date.
    [/^(\d{4})([-./])(\d{1,2})\2(\d{1,2})(?![\d.])/, (m) => [Number(m[1]), Number(m[3]), Number(m[4])]],
  ]
  for (const [pattern, parts] of patterns) {
    const match = pattern.exec(compact)
    if (!match) continue
    const [year, month, day] = parts(match)
    const last = new Date(Date.UTC(year, month, 0)).getUTCDate()
    if (month < 1 || month > 12) return null
    const d = day === 'end' ? last : day
    if (d < 1 || d > last) return null
    const note = compact.slice(match[0].length).replace(/^(?:之前|以前|前)/, '')
    return { date: `${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`, note }
  }
  return null
}

const natureOfHint = (hint?: IndicatorValueHint): Nature | undefined => (hint?.nature && hint.nature !== 'qualitative' ? hint.nature : undefined)

/** The nature of a number written without a sign: '≤' where the row's words say lower is better, else '='. */
function unsignedNature(hint?: IndicatorValueHint): Nature {
  if (!hint?.name && !hint?.level2) return '='
  return directionOf({ name: hint.name ?? '', level2: hint.level2 }, hint.rules)?.direction === 'lower' ? '<=' : '='
}

/**
 * Reads an indicator value. A 指标性质 column (`hint.nature`) wins over the sign in the text: 定性 makes the value
 * text, a sign replaces the written one. A 计量单位 column (`hint.unit`) fills in a unit the text leaves out; a unit
 * written beside the number wins, being what that number is counted in.
 */
export function parseIndicatorValue(original: string, hint?: IndicatorValueHint): IndicatorValue {
  const text = clean(original)
  const qualitative: IndicatorValue = { kind: 'qualitative', nature: 'qualitative', text: original.trim(), original }
  const deadline = readDeadline(text)
  if (deadline) return { kind: 'deadline', nature: 'qualitative', ...deadline, text: original.trim(), original }
  if (hint?.nature === 'qualitative') return qualitative
  const reading = readNumber(text)
  if (!reading) return qualitative
  const nature = natureOfHint(hint) ?? reading.nature ?? unsignedNature(hint)
  const unit = reading.unit || cleanUnit(hint?.unit ?? '')
  const value = reading.range ? (isReverse(nature) ? reading.range.high : reading.range.low) : reading.value
  const conversion = conversionOf(unit)
  return {
    kind: 'quantitative',
    nature,
    value: value.toFixed(),
    unit,
    normalized: conversion ? { value: value.times(conversion.factor).toFixed(), unit: conversion.unit } : { value: value.toFixed(), unit },
    ...(reading.range && { range: { low: reading.range.low.toFixed(), high: reading.range.high.toFixed() } }),
    original,
  }
}

const natureSymbols: Record<Nature, string> = { '>=': '≥', '>': '>', '=': '=', '<=': '≤', '<': '<' }

/**
 * Writes a value back the canonical way: "≥95%", "≤30天", "=100%", "95～100%" (a range's sign only when not ≥),
 * "2026年12月31日前完成"; qualitative text as written. `parseIndicatorValue` reads every output back to the same value.
 */
export function formatIndicatorValue(value: IndicatorValue): string {
  if (value.kind === 'qualitative') return value.text
  if (value.kind === 'deadline') {
    const [year, month, day] = value.date.split('-').map(Number)
    return `${year}年${month}月${day}日前${value.note}`
  }
  if (value.range) return `${value.nature === '>=' ? '' : natureSymbols[value.nature]}${value.range.low}～${value.range.high}${value.unit}`
  return `${natureSymbols[value.nature]}${value.value}${value.unit}`
}

const moneyUnits = new Set(['元', '千元', '万元', '亿元'])

/** A decimal with thousands separators: 3800000 → "3,800,000"; money with two places ("380.00"). */
export function groupThousands(value: Decimal.Value, money = false): string {
  const d = new Decimal(value)
  const text = money ? d.toFixed(2) : d.toFixed()
  const [whole = '', fraction] = text.split('.')
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return fraction === undefined ? grouped : `${grouped}.${fraction}`
}

/**
 * A value counted in a base unit (as `normalized` holds it) in the indicator's own unit, with thousands separators:
 * 3800000 元 in 万元 → { number: "380.00", unit: "万元" }; 95 % in % → { number: "95", unit: "%" }. Null when the
 * units do not convert (件 vs %). A blank unit keeps the base unit.
 */
export function inUnit(baseValue: Decimal.Value, baseUnit: string, unit: string): { number: string; unit: string } | null {
  const target = cleanUnit(unit)
  const conversion = conversionOf(target)
  const factor = conversion ? (conversion.unit === baseUnit ? conversion.factor : null) : target === baseUnit || target === '' ? 1 : null
  if (factor === null) return null
  const shownUnit = target || baseUnit
  return { number: groupThousands(new Decimal(baseValue).dividedBy(factor), moneyUnits.has(shownUnit)), unit: shownUnit }
}

/** `inUnit` as one text: "380.00万元". */
export function formatInUnit(baseValue: Decimal.Value, baseUnit: string, unit: string): string | null {
  const shown = inUnit(baseValue, baseUnit, unit)
  return shown && `${shown.number}${shown.unit}`
}
