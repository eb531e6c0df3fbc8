import Decimal from 'decimal.js'
import type { Grade, ScoringRules } from './rule-set.ts'

export type { Grade }
export type Nature = '>=' | '>' | '=' | '<=' | '<'

/** Every figure comes with the rule, the inputs and the formula that produced it, for the UI to show. */
export interface Explained<T> {
  value: T
  rule: string
  formula: string
}

const round2 = (d: Decimal) => d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP)
const text = (d: Decimal) => round2(d).toFixed(2)

/** The 100-point scale every total lives on. §13.1, §13.3 */
export const FULL_MARKS = 100

/** 优/良/中/差 from a 100-point total, rounded to two places first; a total off the scale is refused. §13.1–3 */
export function gradeOf(total: Decimal.Value, rules: ScoringRules): Explained<Grade> {
  const t = round2(new Decimal(total))
  if (t.gt(FULL_MARKS) || t.isNegative()) throw new RangeError(`总分 ${t.toFixed(2)} 不在 0–${FULL_MARKS} 分之间，不能评定等级（§13.3）`)
  const { excellent, good, pass } = rules.gradeBands
  const value: Grade = t.gte(excellent) ? '优' : t.gte(good) ? '良' : t.gte(pass) ? '中' : '差'
  return { value, rule: `≥${excellent} 优，≥${good} 良，≥${pass} 中，其余差`, formula: `总分 ${t.toFixed(2)} → ${value}` }
}

export interface ExecutionScore {
  /** Execution rate in percent, two places. */
  ratePercent: string
  score: string
  reasonRequired: boolean
}

/** 执行率 = 执行数 / 全年预算数 (0 when the budget is 0); 得分 = 权重 × min(执行率, 1). §13.6–8 */
export function scoreExecution(input: { budget: Decimal.Value; executed: Decimal.Value; weight: Decimal.Value }, rules: ScoringRules): Explained<ExecutionScore> {
  const budget = new Decimal(input.budget)
  const rate = budget.isZero() ? new Decimal(0) : new Decimal(input.executed).dividedBy(budget)
  const score = round2(new Decimal(input.weight).times(Decimal.min(rate, 1)))
  const ratePercent = text(rate.times(100))
  return {
    value: { ratePercent, score: score.toFixed(2), reasonRequired: rate.lt(rules.executionReasonBelow) },
    rule: `执行率低于 ${new Decimal(rules.executionReasonBelow).times(100).toFixed(0)}% 须说明原因`,
    formula: `${input.weight} × min(${input.executed} / ${input.budget}, 1) = ${input.weight} × ${ratePercent}% = ${score.toFixed(2)}`,
  }
}

export interface IndicatorScore {
  score: string
  deviationReasonRequired: boolean
}

/**
 * A quantitative indicator's score: positive and "=" targets proportional to the actual, reverse targets by the
 * rule set's formula; never above the weight nor below 0. §13.9–14
 */
export function scoreIndicator(
  input: { nature: Nature; target: Decimal.Value; actual: Decimal.Value; weight: Decimal.Value },
  rules: ScoringRules,
): Explained<IndicatorScore> {
  const target = new Decimal(input.target)
  const actual = new Decimal(input.actual)
  const weight = new Decimal(input.weight)
  let score: Decimal
  let formula: string
  if (input.nature === '<=' || input.nature === '<') {
    if (actual.lte(target)) [score, formula] = [weight, `实际 ${actual} ≤ 目标 ${target}，得满分`]
    else if (rules.reverseFormula === 'target_over_actual') [score, formula] = [weight.times(target).dividedBy(actual), `${weight} × ${target} / ${actual}`]
    else if (actual.gte(target.times(2))) [score, formula] = [new Decimal(0), `实际 ${actual} ≥ 2 × 目标 ${target}，得 0 分`]
    else [score, formula] = [Decimal.sub(1, actual.minus(target).dividedBy(target)).times(weight), `(1 − (${actual} − ${target}) / ${target}) × ${weight}`]
  } else if (input.nature === '=' && target.isZero()) {
    ;[score, formula] = actual.lte(0) ? [weight, '目标为 0，实际 ≤ 0，得满分'] : [new Decimal(0), '目标为 0，实际 > 0，得 0 分']
  } else if (actual.gte(target)) {
    ;[score, formula] = [weight, `实际 ${actual} ≥ 目标 ${target}，得满分`]
  } else {
    ;[score, formula] = [target.isZero() ? weight : weight.times(actual).dividedBy(target), `${weight} × ${actual} / ${target}`]
  }
  const bounded = round2(Decimal.max(0, Decimal.min(weight, score)))
  const overAchieved = !target.isZero() && (input.nature === '>=' || input.nature === '>' || input.nature === '=') && actual.dividedBy(target).gte(rules.overAchievementRatio)
  return {
    value: { score: bounded.toFixed(2), deviationReasonRequired: bounded.lt(weight) || overAchieved },
    rule: input.nature.startsWith('<') ? `反向指标（${rules.reverseFormula === 'linear_to_double' ? '超出目标线性扣减，达 2 倍目标为 0' : '目标 / 实际'}）` : '正向指标（按完成比例计分，不超过权重）',
    formula: `${formula} = ${bounded.toFixed(2)}`,
  }
}

/** The three qualitative verdicts (§13.17), by the national wording; a rule set maps other wordings onto them. */
export type QualitativeLevel = '达成年度指标' | '部分达成年度指标并具有一定效果' | '未达成年度指标且效果较差'
export const qualitativeLevels: readonly QualitativeLevel[] = ['达成年度指标', '部分达成年度指标并具有一定效果', '未达成年度指标且效果较差']
const levelOfBand = { achieved: '达成年度指标', partial: '部分达成年度指标并具有一定效果', failed: '未达成年度指标且效果较差' } as const

const labelKey = (label: string) => label.replace(/[\s，,。.、；;]/g, '')

/**
 * The verdict a printed label stands for, through the rule set's `qualitativeLabels` ("达成预期指标" → 达成); null
 * for a label on no list. §13.17, §6.4
 */
export function qualitativeLevelOf(label: string, rules: Pick<ScoringRules, 'qualitativeLabels'>): QualitativeLevel | null {
  const key = labelKey(label)
  if (!key) return null
  for (const band of ['achieved', 'partial', 'failed'] as const) {
    if (rules.qualitativeLabels[band].some((known) => labelKey(known) === key)) return levelOfBand[band]
  }
  return null
}

/** `qualitativeLevelOf`, or a RangeError that names the label and the wordings the rule set knows. */
export function requireQualitativeLevel(label: string, rules: Pick<ScoringRules, 'qualitativeLabels'>): QualitativeLevel {
  const level = qualitativeLevelOf(label, rules)
  if (level) return level
  const known = [...rules.qualitativeLabels.achieved, ...rules.qualitativeLabels.partial, ...rules.qualitativeLabels.failed].join('、')
  throw new RangeError(`定性指标完成情况“${label}”不是规则集认可的表述（${known}），不能计分`)
}

/**
 * The score range a qualitative verdict allows: [low, high] with `highExclusive` for the lower two bands. The label
 * may be any wording the rule set maps (达成预期指标 …); an unknown label is refused, never put in the lowest band.
 * §13.17–18
 */
export function qualitativeRange(label: string, weight: Decimal.Value, rules: ScoringRules) {
  const level = requireQualitativeLevel(label, rules)
  const w = new Decimal(weight)
  const { achieved, partial } = rules.qualitativeBands
  if (level === '达成年度指标') return { level, low: text(w.times(achieved)), high: text(w), highExclusive: false }
  if (level === '部分达成年度指标并具有一定效果') return { level, low: text(w.times(partial)), high: text(w.times(achieved)), highExclusive: true }
  return { level, low: '0.00', high: text(w.times(partial)), highExclusive: true }
}

/**
 * 总分 = 执行率得分 + Σ 指标得分, two places. §13.1, §13.3: it never exceeds the sum of the weights, which is 100, so
 * a sum above 100 (10 + 50 + 30 + 10 + 8 = 108: weights that add up to more than 100) is refused with a RangeError
 * rather than capped: a capped 100 would hide the wrong weights and still grade 优. Negative scores are refused too.
 */
export function totalScore(scores: readonly Decimal.Value[]): string {
  const parts = scores.map((s) => new Decimal(s))
  const negative = parts.find((s) => s.isNegative())
  if (negative) throw new RangeError(`得分不能为负（${negative.toFixed()}）`)
  const sum = parts.reduce<Decimal>((total, s) => total.plus(s), new Decimal(0))
  if (round2(sum).gt(FULL_MARKS)) {
    throw new RangeError(`各项得分合计 ${parts.map((s) => s.toFixed()).join(' + ')} = ${text(sum)}，超过满分 ${FULL_MARKS}：各项权重之和不能超过 ${FULL_MARKS}（§13.3）`)
  }
  return text(sum)
}
