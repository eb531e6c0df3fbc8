import Decimal from 'decimal.js'
import type { IndicatorNature } from './indicators.ts'
import type { RuleSet } from './rule-set.ts'
import { requireQualitativeLevel, type Explained, type QualitativeLevel } from './scoring.ts'

/** 预警灯 of 绩效运行监控, from worst to best; a project shows its worst. REFERENCE §5.3, §13.32–36 */
export const lights = ['red', 'yellow', 'green', 'blue'] as const
export type Light = (typeof lights)[number]
export const lightLabels: Record<Light, { zh: string; en: string }> = {
  red: { zh: '红', en: 'Red' },
  yellow: { zh: '黄', en: 'Yellow' },
  green: { zh: '绿', en: 'Green' },
  blue: { zh: '蓝', en: 'Blue' },
}

const zh = (light: Light) => lightLabels[light].zh
const round2 = (d: Decimal) => d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP)

/** The 二级 indicators the 山西 variant still lights by time progress; 质量/时效/成本 are lit in or out of range. §5.3 */
export const timeProportionalLevel2 = ['数量指标', '经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标', '服务对象满意度指标'] as const

function checkMonth(month: number) {
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`监控月份须为 1–12 的整数，收到 ${month}`)
}

export interface IndicatorLightInput {
  nature: IndicatorNature
  target?: Decimal.Value
  actual?: Decimal.Value
  /** The monitoring month m: figures are cumulative from January to the end of m. */
  month: number
  /** 二级指标, needed only by the 山西 variant. */
  level2?: string
  /** The verdict of a qualitative indicator, in any wording the rule set's `qualitativeLabels` maps. */
  qualitative?: string
}

const qualitativeLights: Record<QualitativeLevel, Light> = {
  达成年度指标: 'green',
  部分达成年度指标并具有一定效果: 'yellow',
  未达成年度指标且效果较差: 'red',
}

/**
 * An indicator's monitoring light. §13.32–34, §5.3
 * - Positive (≥, >, and = with a non-zero target): ratio = actual / (target × m/12) × 100, banded by
 *   `rules.monitoringLights`; the ratio is rounded to two places before banding, so the figure shown is the one banded.
 * - Reverse (≤, <): within the target 绿, else 红. "= 0": actual ≤ 0 绿, else 红 (FASP2's traceindexequalzero).
 * - Qualitative: 达成 绿, 部分达成 黄, 未达成 红.
 * - Under the 山西 scope an indicator whose 二级 is named and is not one of `timeProportionalLevel2` is lit in or out of
 *   range; without a 二级 the general rule applies.
 */
export function indicatorLight(input: IndicatorLightInput, rules: RuleSet): Explained<Light> {
  checkMonth(input.month)
  if (input.nature === 'qualitative') return qualitativeLight(input.qualitative, rules)
  if (input.target === undefined || input.actual === undefined) throw new TypeError('定量指标须有目标值和实际完成值')
  const nature = input.nature
  const target = new Decimal(input.target)
  const actual = new Decimal(input.actual)
  const reverse = nature === '<=' || nature === '<'
  if (reverse || target.isZero()) return rangeLight(nature, target, actual, reverse ? '反向指标' : '目标值为 0 的指标')
  if (rules.timeProportionalScope === 'shanxi' && input.level2 !== undefined && !(timeProportionalLevel2 as readonly string[]).includes(input.level2)) {
    return rangeLight(nature, target, actual, `山西口径：${input.level2}不按时间进度`)
  }
  return progressLight(target, actual, input.month, rules)
}

function qualitativeLight(label: string | undefined, rules: RuleSet): Explained<Light> {
  if (label === undefined) throw new TypeError('定性指标须有完成情况（达成/部分达成/未达成）')
  const level = requireQualitativeLevel(label, rules)
  const value = qualitativeLights[level]
  const shown = label === level ? level : `${label}（${level}）`
  return { value, rule: '定性指标：达成 绿，部分达成 黄，未达成 红', formula: `${shown} → ${zh(value)}` }
}

const signs: Record<Exclude<IndicatorNature, 'qualitative'>, string> = { '>=': '≥', '>': '>', '=': '=', '<=': '≤', '<': '<' }

/** Whether the actual meets the target by the nature's sign; "=" with a non-zero target counts as ≥, as in scoring. §13.10 */
export function withinTarget(nature: Exclude<IndicatorNature, 'qualitative'>, target: Decimal.Value, actual: Decimal.Value): boolean {
  const a = new Decimal(actual)
  if (nature === '>=') return a.gte(target)
  if (nature === '>') return a.gt(target)
  if (nature === '<=') return a.lte(target)
  if (nature === '<') return a.lt(target)
  return new Decimal(target).isZero() ? a.lte(0) : a.gte(target)
}

function rangeLight(nature: Exclude<IndicatorNature, 'qualitative'>, target: Decimal, actual: Decimal, why: string): Explained<Light> {
  const ok = withinTarget(nature, target, actual)
  const value: Light = ok ? 'green' : 'red'
  const sign = nature === '=' && target.isZero() ? '≤' : signs[nature]
  return {
    value,
    rule: `${why}：达到目标为绿，否则为红`,
    formula: `实际 ${actual} ${ok ? '' : '不满足 '}${sign} 目标 ${target} → ${zh(value)}`,
  }
}

function progressLight(target: Decimal, actual: Decimal, month: number, rules: RuleSet): Explained<Light> {
  const { yellowFrom, greenFrom, blueFrom } = rules.monitoringLights
  const standard = target.times(month).dividedBy(12)
  const ratio = round2(actual.dividedBy(standard).times(100))
  const value: Light = ratio.lt(yellowFrom) ? 'red' : ratio.lt(greenFrom) ? 'yellow' : ratio.lt(blueFrom) ? 'green' : 'blue'
  return {
    value,
    rule: `正向指标按时间进度：完成比 <${yellowFrom} 红，[${yellowFrom},${greenFrom}) 黄，[${greenFrom},${blueFrom}) 绿，≥${blueFrom} 蓝`,
    formula: `进度标准 = ${target} × ${month}/12 = ${round2(standard).toFixed(2)}；完成比 = ${actual} / ${round2(standard).toFixed(2)} × 100 = ${ratio.toFixed(2)} → ${zh(value)}`,
  }
}

/** The budget-execution light: ratio = 执行率% / (m/12 × 100) × 100, the rate 0 when the budget is 0. §13.35 */
export function budgetLight(input: { budget: Decimal.Value; executed: Decimal.Value; month: number }, rules: RuleSet): Explained<Light> {
  checkMonth(input.month)
  const { yellowFrom, greenFrom } = rules.budgetLights
  const budget = new Decimal(input.budget)
  const rate = budget.isZero() ? new Decimal(0) : new Decimal(input.executed).dividedBy(budget).times(100)
  const timeRate = new Decimal(input.month).dividedBy(12).times(100)
  const ratio = round2(rate.dividedBy(timeRate).times(100))
  const value: Light = ratio.lt(yellowFrom) ? 'red' : ratio.lt(greenFrom) ? 'yellow' : 'green'
  return {
    value,
    rule: `预算执行进度：执行率与时间进度之比 <${yellowFrom} 红，[${yellowFrom},${greenFrom}) 黄，≥${greenFrom} 绿`,
    formula: `执行率 = ${input.executed} / ${input.budget} × 100 = ${round2(rate).toFixed(2)}%；时间进度 = ${input.month}/12 × 100 = ${round2(timeRate).toFixed(2)}%；比值 = ${ratio.toFixed(2)} → ${zh(value)}`,
  }
}

/** Orders lights from worst (red, 0) to best (blue, 3). */
export const lightRank = (light: Light) => lights.indexOf(light)

/** A project's 目标执行预警: its worst indicator light, 红 > 黄 > 绿 > 蓝; null when it has no indicators. §13.36 */
export function projectLight(indicatorLights: readonly Light[]): Explained<Light | null> {
  const counts = lights.map((light) => `${zh(light)} ${indicatorLights.filter((l) => l === light).length} 个`).join('，')
  const rule = '项目预警取各指标中最差的灯：红 > 黄 > 绿 > 蓝'
  if (indicatorLights.length === 0) return { value: null, rule, formula: '没有指标，不亮灯' }
  const value = lights.find((light) => indicatorLights.includes(light))!
  return { value, rule, formula: `${counts} → ${zh(value)}` }
}
