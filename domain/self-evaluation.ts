import Decimal from 'decimal.js'
import { parseIndicatorValue } from './indicator-value.ts'
import { level1WeightPart, type Level1WeightPart } from './level1.ts'
import type { RuleSet } from './rule-set.ts'
import { type Explained, FULL_MARKS, gradeOf, type Grade, type Nature, qualitativeLevelOf, qualitativeRange, scoreExecution, scoreIndicator, totalScore } from './scoring.ts'

/**
 * A 单位自评表 scored (REFERENCE §6.4, §13.1–19): the system proposes every score by the rule set — execution,
 * quantitative and qualitative indicators — each with its formula; a person may set a score within the bound the
 * rule allows, with a reason; the total and grade follow. Pure: the API, the Excel import, spot-checks and the web
 * form all call `scoreSelfEvaluation`, never a formula of their own.
 */

export type SelfEvalNature = Nature | 'qualitative'

export interface SelfEvalIndicatorInput {
  name: string
  level1: string
  nature: SelfEvalNature
  /** 年度指标值 as the goal states it ("≥500人次", "95%", or the qualitative target text). */
  target: string
  unit: string
  /** 分值, decimal string. */
  weight: string
  /** 实际完成值: a number (in the target's unit) or, for a qualitative indicator, a verdict the rule set knows. */
  actual: string | null
  /** Rule 16: false drops the indicator and rescales the rest (only where the rule set allows it). */
  applicable: boolean
  /** A score set by a person instead of the proposal; null keeps the proposal. */
  score: string | null
  overrideReason: string | null
  /** 偏差原因分析及改进措施. */
  deviationReason: string | null
}

export interface SelfEvalInput {
  /** 全年预算数 (调整后) and 全年执行数, decimal strings. */
  budget: string
  executed: string
  /** 执行率 分值 (10 by default). */
  executionWeight: string
  /** Why 执行率 is below the rule set's threshold (rule 8). */
  executionReason: string | null
  indicators: readonly SelfEvalIndicatorInput[]
}

/** A score a person may set: [low, high], `high` excluded for the lower qualitative tiers. */
export interface ScoreBound {
  low: string
  high: string
  highExclusive: boolean
  rule: string
}

export interface SelfEvalIndicatorResult {
  /** The rule's score, with its formula; null until 实际完成值 is entered (or when not applicable). */
  proposed: Explained<string> | null
  bound: ScoreBound | null
  /** The score that counts: the person's when set, else the proposal. */
  score: string | null
  overridden: boolean
  deviationReasonRequired: boolean
}

export interface SelfEvalProblem {
  /** Names the field: `executionReason`, `indicators.2.actual`, `indicators.0.score`, `weights`. */
  path: string
  zh: string
  en: string
}

export interface SelfEvalResult {
  execution: Explained<{ ratePercent: string; score: string; reasonRequired: boolean }>
  indicators: SelfEvalIndicatorResult[]
  /** 总分 and 等级 once every applicable indicator has a score; with the rescaling said when rule 16 applied. */
  total: Explained<string> | null
  grade: Explained<Grade> | null
  /** What blocks a submit (rules 4, 8, 13, 14, 17–19). */
  problems: SelfEvalProblem[]
  /** What a reviewer should see but does not block (一级 weights that differ from the rule set's split). */
  warnings: SelfEvalProblem[]
}

const NUMBER = /^-?\d{1,15}(\.\d{1,4})?$/
const blank = (text: string | null | undefined) => !text || text.trim() === ''
const two = (d: Decimal.Value) => new Decimal(d).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2)
const who = (i: number, ind: { name: string }) => ({ zh: `第 ${i + 1} 个指标“${ind.name}”`, en: `Indicator ${i + 1} (${ind.name})` })

/** The target's number for a quantitative indicator ("≥500人次" → 500), or null when it names none. */
export function targetNumber(ind: Pick<SelfEvalIndicatorInput, 'target' | 'nature' | 'unit'>): string | null {
  if (ind.nature === 'qualitative') return null
  const parsed = parseIndicatorValue(ind.target, { nature: ind.nature, unit: ind.unit })
  return parsed.kind === 'quantitative' ? parsed.value : null
}

/**
 * The range a person may set an indicator's score in (rule 19): a qualitative verdict's tier (rule 18); for a
 * quantitative indicator from 0 up to the rule's proposal — a reviewer may dock points (a target set too low, rule
 * 13; Lijiang's 90 % on met targets) but never score above what the formula gives (§6.5: inflating is forbidden).
 */
export function scoreBound(ind: SelfEvalIndicatorInput, proposed: string | null, rules: RuleSet): ScoreBound | null {
  if (ind.nature === 'qualitative') {
    if (blank(ind.actual) || !qualitativeLevelOf(ind.actual!, rules)) return null
    const range = qualitativeRange(ind.actual!, ind.weight, rules)
    return { low: range.low, high: range.high, highExclusive: range.highExclusive, rule: `定性指标“${range.level}”的得分区间` }
  }
  if (proposed === null) return null
  return { low: '0.00', high: proposed, highExclusive: false, rule: '定量指标得分可在 0 至按公式计算的得分之间调整' }
}

function inBound(score: Decimal, bound: ScoreBound) {
  return score.gte(bound.low) && (bound.highExclusive ? score.lt(bound.high) : score.lte(bound.high))
}

function boundText(bound: ScoreBound) {
  return `[${bound.low}, ${bound.high}${bound.highExclusive ? ')' : ']'}`
}

/** One indicator: its proposal, the bound, the score that counts and what it still needs. */
function scoreOne(ind: SelfEvalIndicatorInput, i: number, rules: RuleSet, problems: SelfEvalProblem[]): SelfEvalIndicatorResult {
  const at = (field: string) => `indicators.${i}.${field}`
  const name = who(i, ind)
  const none: SelfEvalIndicatorResult = { proposed: null, bound: null, score: null, overridden: false, deviationReasonRequired: false }
  if (!ind.applicable) {
    if (!rules.evaluation.rescaleNotApplicable) problems.push({ path: at('applicable'), zh: `${name.zh}：本地区规则不允许将指标设为不适用`, en: `${name.en}: this jurisdiction's rules do not allow marking an indicator not applicable` })
    return none
  }
  if (blank(ind.actual)) {
    problems.push({ path: at('actual'), zh: `${name.zh}须填写实际完成值`, en: `${name.en}: the actual value is required` })
    return none
  }
  const actual = ind.actual!.trim()
  let proposed: Explained<string>
  let deviationReasonRequired: boolean
  if (ind.nature === 'qualitative') {
    if (!qualitativeLevelOf(actual, rules)) {
      const known = [...rules.qualitativeLabels.achieved, ...rules.qualitativeLabels.partial, ...rules.qualitativeLabels.failed].join('、')
      problems.push({ path: at('actual'), zh: `${name.zh}的完成情况“${actual}”不是认可的表述（${known}）`, en: `${name.en}: "${actual}" is not a verdict the rules know (${known})` })
      return none
    }
    const range = qualitativeRange(actual, ind.weight, rules)
    // 达成 proposes full marks, as a met quantitative target does; the lower tiers their range's middle. A person
    // picks another score within the tier, with a reason.
    const achieved = !range.highExclusive
    const value = achieved ? two(range.high) : two(new Decimal(range.low).plus(range.high).dividedBy(2))
    const tier = boundText({ ...range, rule: '' })
    proposed = { value, rule: `定性指标：“${range.level}”得分区间 ${tier}`, formula: achieved ? `${range.level} → 满分 ${value}` : `${range.level} → 区间 ${tier} 的中值 ${value}` }
    deviationReasonRequired = range.level !== '达成年度指标'
  } else {
    const target = targetNumber(ind)
    if (target === null) {
      problems.push({ path: at('target'), zh: `${name.zh}的年度指标值“${ind.target}”不是数值，无法按公式计分`, en: `${name.en}: the target "${ind.target}" names no number to score against` })
      return none
    }
    if (!NUMBER.test(actual)) {
      problems.push({ path: at('actual'), zh: `${name.zh}的实际完成值“${actual}”须为数值（单位：${ind.unit || '同指标值'}）`, en: `${name.en}: the actual value "${actual}" must be a number (unit: ${ind.unit || 'as the target'})` })
      return none
    }
    const scored = scoreIndicator({ nature: ind.nature, target, actual, weight: ind.weight }, rules)
    proposed = { value: scored.value.score, rule: scored.rule, formula: scored.formula }
    deviationReasonRequired = scored.value.deviationReasonRequired
  }
  const bound = scoreBound(ind, proposed.value, rules)
  let score = proposed.value
  let overridden = false
  if (!blank(ind.score)) {
    const wanted = ind.score!.trim()
    if (!NUMBER.test(wanted)) problems.push({ path: at('score'), zh: `${name.zh}的得分“${wanted}”不是数值`, en: `${name.en}: the score "${wanted}" is not a number` })
    else if (bound && !inBound(new Decimal(wanted), bound)) {
      problems.push({ path: at('score'), zh: `${name.zh}的得分 ${two(wanted)} 超出允许范围 ${boundText(bound)}（${bound.rule}）`, en: `${name.en}: the score ${two(wanted)} is outside the allowed range ${boundText(bound)}` })
    } else if (!new Decimal(wanted).eq(proposed.value)) {
      score = two(wanted)
      overridden = true
      if (blank(ind.overrideReason)) problems.push({ path: at('overrideReason'), zh: `${name.zh}的得分与系统建议分 ${proposed.value} 不同，须说明调整理由`, en: `${name.en}: the score differs from the proposal ${proposed.value}; give the reason` })
    }
  }
  if (overridden && new Decimal(score).lt(ind.weight)) deviationReasonRequired = true
  if (deviationReasonRequired && blank(ind.deviationReason)) {
    problems.push({ path: at('deviationReason'), zh: `${name.zh}未满分或超额完成，须填写偏差原因分析及改进措施`, en: `${name.en} is not at full marks or over-achieved: the deviation analysis and measures are required` })
  }
  return { proposed, bound, score, overridden, deviationReasonRequired }
}

/** Rule 4: the weights add up to 100; rule 5: each 一级's weights to the rule set's split unless units may change it. */
function weightChecks(input: SelfEvalInput, rules: RuleSet, problems: SelfEvalProblem[], warnings: SelfEvalProblem[]) {
  const sum = input.indicators.reduce((s, ind) => s.plus(NUMBER.test(ind.weight) ? ind.weight : 0), new Decimal(input.executionWeight))
  if (!sum.eq(FULL_MARKS)) {
    problems.push({ path: 'weights', zh: `执行率分值与各指标分值合计为 ${two(sum)}，应为 ${FULL_MARKS}`, en: `The execution weight and the indicator weights add up to ${two(sum)}, not ${FULL_MARKS}` })
  }
  if (rules.unitsMayChangeLevel1Weights) return
  const parts = new Map<Level1WeightPart, Decimal>()
  for (const ind of input.indicators) {
    const part = level1WeightPart(ind.level1, rules)
    if (part) parts.set(part, (parts.get(part) ?? new Decimal(0)).plus(NUMBER.test(ind.weight) ? ind.weight : 0))
  }
  const labels: Record<Level1WeightPart, string> = { output: '产出指标', effect: '效益指标', satisfaction: '满意度指标' }
  for (const [part, weight] of parts) {
    const expected = rules.selfEvaluationWeights[part]
    if (!weight.eq(expected)) warnings.push({ path: 'weights', zh: `${labels[part]}分值合计 ${two(weight)}，规则集规定为 ${expected}`, en: `${labels[part]} weights add up to ${two(weight)}; the rules set ${expected}` })
  }
}

export function scoreSelfEvaluation(input: SelfEvalInput, rules: RuleSet): SelfEvalResult {
  const problems: SelfEvalProblem[] = []
  const warnings: SelfEvalProblem[] = []
  weightChecks(input, rules, problems, warnings)
  const execution = scoreExecution({ budget: input.budget, executed: input.executed, weight: input.executionWeight }, rules)
  if (execution.value.reasonRequired && blank(input.executionReason)) {
    problems.push({ path: 'executionReason', zh: `执行率 ${execution.value.ratePercent}% 低于 ${new Decimal(rules.executionReasonBelow).times(100).toFixed(0)}%，须说明原因`, en: `The execution rate ${execution.value.ratePercent}% is below ${new Decimal(rules.executionReasonBelow).times(100).toFixed(0)}%: give the reason` })
  }
  const indicators = input.indicators.map((ind, i) => scoreOne(ind, i, rules, problems))
  const applicable = input.indicators.map((ind, i) => ({ ind, result: indicators[i]! })).filter((x) => x.ind.applicable)
  let total: Explained<string> | null = null
  let grade: Explained<Grade> | null = null
  if (applicable.every((x) => x.result.score !== null) && !problems.some((p) => p.path === 'weights')) {
    const scores = [execution.value.score, ...applicable.map((x) => x.result.score!)]
    const raw = totalScore(scores)
    const excluded = input.indicators.filter((ind) => !ind.applicable).reduce((s, ind) => s.plus(ind.weight), new Decimal(0))
    if (excluded.isZero()) total = { value: raw, rule: '总分 = 执行率得分 + Σ 指标得分', formula: `${scores.join(' + ')} = ${raw}` }
    else {
      const base = new Decimal(FULL_MARKS).minus(excluded)
      const value = two(new Decimal(raw).times(FULL_MARKS).dividedBy(base))
      total = { value, rule: '不适用指标剔除后按百分制折算（§13.16）', formula: `(${scores.join(' + ')}) × ${FULL_MARKS} / (${FULL_MARKS} − ${two(excluded)}) = ${raw} × ${FULL_MARKS} / ${two(base)} = ${value}` }
    }
    grade = gradeOf(total.value, rules)
  }
  return { execution, indicators, total, grade, problems, warnings }
}

/**
 * Weights for a 自评表 whose goal indicators carry none: each 一级's share of the rule set's split, divided evenly
 * among its indicators (two places, the last taking the remainder); 一级 the rule set does not know share what is
 * left of 100 after the execution weight and the known parts. Totals always add up to 100 with `executionWeight`.
 */
export function defaultWeights(indicators: readonly { level1: string; weight: string | null }[], rules: RuleSet): { executionWeight: string; weights: string[] } {
  const executionWeight = two(rules.selfEvaluationWeights.execution)
  if (indicators.length > 0 && indicators.every((ind) => ind.weight !== null && NUMBER.test(ind.weight))) {
    const sum = indicators.reduce((s, ind) => s.plus(ind.weight!), new Decimal(executionWeight))
    if (sum.eq(FULL_MARKS)) return { executionWeight, weights: indicators.map((ind) => two(ind.weight!)) }
  }
  const groups = new Map<string, number[]>()
  indicators.forEach((ind, i) => {
    const key = level1WeightPart(ind.level1, rules) ?? 'other'
    groups.set(key, [...(groups.get(key) ?? []), i])
  })
  const pool = new Decimal(FULL_MARKS).minus(executionWeight)
  const known = [...groups.keys()].filter((k) => k !== 'other') as Level1WeightPart[]
  const shares = new Map<string, Decimal>()
  const knownSum = known.reduce((s, k) => s.plus(rules.selfEvaluationWeights[k]), new Decimal(0))
  if (groups.has('other')) {
    for (const k of known) shares.set(k, new Decimal(rules.selfEvaluationWeights[k]))
    shares.set('other', Decimal.max(0, pool.minus(knownSum)))
  } else {
    // The parts present share the indicator pool in the rule set's proportions (a goal without 满意度 keeps 100).
    for (const k of known) shares.set(k, knownSum.isZero() ? new Decimal(0) : pool.times(rules.selfEvaluationWeights[k]).dividedBy(knownSum))
  }
  const weights: string[] = Array(indicators.length).fill('0.00')
  let given = new Decimal(0)
  const keys = [...groups.keys()]
  keys.forEach((key, g) => {
    const members = groups.get(key)!
    const share = shares.get(key) ?? new Decimal(0)
    const each = share.dividedBy(members.length).toDecimalPlaces(2, Decimal.ROUND_DOWN)
    members.forEach((index, m) => {
      const last = g === keys.length - 1 && m === members.length - 1
      const w = last ? pool.minus(given) : m === members.length - 1 ? share.minus(each.times(members.length - 1)).toDecimalPlaces(2, Decimal.ROUND_HALF_UP) : each
      weights[index] = two(w)
      given = given.plus(two(w))
    })
  })
  return { executionWeight, weights }
}
