import Decimal from 'decimal.js'
import type { Emit, GoalQualityContext } from './goal-quality.ts'
import { who } from './goal-quality.ts'
import type { GoalContent, GoalIndicatorInput } from './goals.ts'
import { directionOf } from './indicator-direction.ts'
import { formatInUnit, parseIndicatorValue, type IndicatorValue } from './indicator-value.ts'
import { indicatorNatureLabels } from './indicators.ts'
import { normalizeLevel1 } from './level1.ts'

/**
 * The checks of 智能审核 that judge whether a goal fits its project and says what it means (88号 相关性、适当性):
 * a nature that points the wrong way for its words, a library indicator that has nothing to do with the project,
 * cost targets that add up to more than the budget, a multi-year project without 中期 values. All are warnings:
 * each can be right in a case the words do not show, and the reviewer decides.
 */

/** What the check needs of the goal's project. */
export interface GoalProjectFacts {
  periodStartYear: number
  periodEndYear: number
  /** The project's annual budget (元, decimal string): what its cost indicators are measured against. */
  budget: string
}

type Quantity = Extract<IndicatorValue, { kind: 'quantitative' }>

/**
 * A nature that reads the target the wrong way round: ≥ (or "=" with a non-zero target, scored like ≥, §13.10) on
 * an indicator whose words say lower is better (成本, 逾期率), or ≤ < where they say higher is better (满意度, 及时率).
 * Real forms have both ("逾期发放率 ≥100%", "检测及时率 ≤7工作日", ADDENDUM D).
 */
export function checkNatureDirection(row: GoalIndicatorInput, i: number, value: Quantity, ctx: GoalQualityContext, emit: Emit) {
  const hit = directionOf(row, ctx.rules)
  if (!hit) return
  const up = row.nature === '>=' || row.nature === '>' || (row.nature === '=' && !new Decimal(value.normalized.value).isZero())
  const down = row.nature === '<=' || row.nature === '<'
  if (hit.direction === 'lower' ? !up : !down) return
  const it = who(row, i)
  const sign = indicatorNatureLabels[row.nature].zh
  const lower = hit.direction === 'lower'
  emit('NATURE_INVERTED', 'warning', `indicators.${i}.nature`, {
    zh: lower
      ? `${it.zh}含“${hit.word}”，通常越低越好，但指标性质为“${sign}”：超出目标反而得分更高；请确认是否应为“≤”`
      : `${it.zh}含“${hit.word}”，通常越高越好，但指标性质为“${sign}”；请确认是否应为“≥”`,
    en: lower
      ? `${it.en} mentions “${hit.word}”, which is usually better low, but its nature is “${sign}”: overshooting would score higher; should it be “≤”?`
      : `${it.en} mentions “${hit.word}”, which is usually better high, but its nature is “${sign}”; should it be “≥”?`,
  })
}

/** A library indicator the recommender finds (next to) nothing in common with the project: likely picked by mistake. */
export function checkRelevance(rows: GoalIndicatorInput[], ctx: GoalQualityContext, emit: Emit) {
  if (!ctx.relevance) return
  const { scores, irrelevantBelow } = ctx.relevance
  rows.forEach((row, i) => {
    const code = ctx.indicatorCodes?.[i]
    const score = code ? scores.get(code) : undefined
    if (score === undefined || score >= irrelevantBelow) return
    const it = who(row, i)
    emit('INDICATOR_IRRELEVANT', 'warning', `indicators.${i}.name`, {
      zh: `${it.zh}与本项目的名称、内容、类型和所属行业均不相关，可能选错了指标；请核对或改用与项目相关的指标`,
      en: `${it.en} has nothing in common with the project's name, description, type or sector and may have been picked by mistake`,
    })
  })
}

const isCostRow = (row: GoalIndicatorInput, ctx: GoalQualityContext) =>
  normalizeLevel1(row.level1, ctx.rules) === '成本指标' || row.level2.includes('成本') || row.name.includes('成本')

/**
 * Money cost targets that together exceed the project's budget: a total cost and a component of it both counted
 * (项目总成本 ≤380万元 and 设备购置成本 ≤300万元 on a 500万元 project), or a cost above the budget outright.
 */
export function checkCostsAgainstBudget(rows: GoalIndicatorInput[], ctx: GoalQualityContext, emit: Emit) {
  if (!ctx.project) return
  const costs = rows.flatMap((row, i) => {
    if (row.nature === 'qualitative' || !isCostRow(row, ctx)) return []
    const value = parseIndicatorValue(row.target, { nature: row.nature, unit: row.unit })
    return value.kind === 'quantitative' && value.normalized.unit === '元' ? [{ row, i, amount: new Decimal(value.normalized.value), value }] : []
  })
  if (costs.length === 0) return
  const budget = new Decimal(ctx.project.budget)
  const sum = costs.reduce((total, c) => total.plus(c.amount), new Decimal(0))
  if (sum.lte(budget)) return
  const unit = costs[0]!.value.unit
  const money = (amount: Decimal.Value) => formatInUnit(amount, '元', unit) ?? `${new Decimal(amount).toFixed(2)}元`
  const names = costs.map((c) => `${who(c.row, c.i).zh}（${money(c.amount)}）`).join('、')
  const several = costs.length > 1
  emit('COST_EXCEEDS_BUDGET', 'warning', `indicators.${costs[0]!.i}.target`, {
    zh: several
      ? `成本指标 ${names} 合计 ${money(sum)}，超过项目预算 ${money(budget)}：各成本指标可能相互包含（总成本与分项成本），请只保留一个层次或核对金额`
      : `${names}超过项目预算 ${money(budget)}，请核对金额`,
    en: several
      ? `Cost indicators add up to ${money(sum)}, more than the project budget ${money(budget)}: they may overlap (a total and its parts); keep one level or check the amounts`
      : `The cost target ${money(sum)} exceeds the project budget ${money(budget)}; check the amount`,
  })
}

/** A project running over several years states 中期 (实施期) targets as well as annual ones. §4.1, ADDENDUM B3 */
export function checkMediumTerm(content: GoalContent, ctx: GoalQualityContext, emit: Emit) {
  const project = ctx.project
  if (!project || ctx.kind !== 'project' || project.periodEndYear <= project.periodStartYear) return
  const period = `${project.periodStartYear}–${project.periodEndYear}`
  if (!content.mediumTermTarget.trim()) {
    emit('MEDIUM_TERM_MISSING', 'warning', 'mediumTermTarget', {
      zh: `项目实施期为 ${period} 年，跨年度实施，应填写中期（实施期）目标`,
      en: `The project runs ${period}, over several years: state its medium-term (whole-period) target`,
    })
  }
  const missing = content.indicators.flatMap((row, i) => (row.mediumTermTarget?.trim() ? [] : [i]))
  if (missing.length === 0 || content.indicators.length === 0) return
  emit('MEDIUM_TERM_MISSING', 'warning', `indicators.${missing[0]}.mediumTermTarget`, {
    zh: `项目实施期为 ${period} 年，${missing.length} 个指标缺少中期指标值（如${who(content.indicators[missing[0]!]!, missing[0]!).zh}）`,
    en: `The project runs ${period}; ${missing.length} indicator(s) have no medium-term target (e.g. ${who(content.indicators[missing[0]!]!, missing[0]!).en})`,
  })
}
