import Decimal from 'decimal.js'
import { parseIndicatorValue } from './indicator-value.ts'
import type { IndicatorNature } from './indicators.ts'
import { budgetLight, indicatorLight, type Light, projectLight } from './lights.ts'
import { type CauseCategory, type Likelihood, likelihoodLabels, likelihoodsNeedingReasons } from './monitoring.ts'
import type { RuleSet } from './rule-set.ts'
import { type Explained, qualitativeLevelOf } from './scoring.ts'
import { executionRate as rateOfBudget } from './monitoring-dashboard.ts'
import { flagUnitEstimate } from './forecast.ts'

/**
 * 绩效监控表 (the monitoring form): what makes one complete (rule 29: both the money and the goals; rule 31: reasons
 * when a target may be missed) and its lights, from the pure light functions of lights.ts. REFERENCE §5.2–5.3,
 * §13.29–36. Paths name the field as the API returns it (`indicators.2.measures`), so a 422 says which one.
 */

export interface FormIndicatorFill {
  level2: string
  name: string
  nature: IndicatorNature
  target: string
  unit: string
  /** Progress to the cut-off: a number for quantitative indicators, 达成 / 部分达成 / 未达成 for qualitative ones. */
  progress: string | null
  likelihood: Likelihood | null
  causeCategory: CauseCategory | null
  deviationAnalysis: string
  measures: string
}

export interface FormProblem {
  path: string
  zh: string
  en: string
}

const NUMBER = /^-?\d{1,15}(\.\d{1,4})?$/
const blank = (text: string | null | undefined) => !text || text.trim() === ''
const nameOf = (i: number, ind: Pick<FormIndicatorFill, 'name'>) => ({ zh: `第 ${i + 1} 个指标“${ind.name}”`, en: `Indicator ${i + 1} (${ind.name})` })

/** Whether a progress entry can be read: a plain number for a quantitative indicator, a verdict the rule set knows otherwise. */
export function progressProblem(ind: Pick<FormIndicatorFill, 'nature' | 'progress' | 'name'>, index: number, rules: Pick<RuleSet, 'qualitativeLabels'>): FormProblem | null {
  if (blank(ind.progress)) return null
  const who = nameOf(index, ind)
  const path = `indicators.${index}.progress`
  if (ind.nature === 'qualitative') {
    if (qualitativeLevelOf(ind.progress!.trim(), rules)) return null
    return { path, zh: `${who.zh}是定性指标，完成情况须填“达成”“部分达成”或“未达成”`, en: `${who.en} is qualitative: its progress is 达成, 部分达成 or 未达成` }
  }
  if (NUMBER.test(ind.progress!.trim())) return null
  return { path, zh: `${who.zh}的完成情况须为数字（按指标的计量单位）`, en: `${who.en}: progress must be a number in the indicator's unit` }
}

/**
 * What stops a form from being submitted.
 * - Rule 29: both blocks. The funds block needs the unit's 全年预计执行数 (the figures to date come from the treasury
 *   payments); the indicator block needs indicators (a goal in force) and, for each, its progress and 完成目标可能性.
 * - Rule 31: 有可能 / 不可能 need the cause category, 偏差原因分析 and 相关建议或举措.
 */
export function submitProblems(form: { unitForecast: string | null }, indicators: readonly FormIndicatorFill[], rules: Pick<RuleSet, 'qualitativeLabels'>): FormProblem[] {
  const problems: FormProblem[] = []
  if (form.unitForecast === null) {
    problems.push({ path: 'unitForecast', zh: '预算执行情况不完整：请填写全年预计执行数（监控表须同时包含预算执行和绩效目标完成情况）', en: 'The funds block is incomplete: enter the full-year expected spending (a form needs both the money and the goals)' })
  }
  if (indicators.length === 0) {
    problems.push({ path: 'indicators', zh: '绩效目标完成情况不完整：没有在执行的绩效目标指标，不能提交', en: 'The indicator block is empty: there is no goal in force to monitor, so the form cannot be submitted' })
  }
  indicators.forEach((ind, i) => {
    const who = nameOf(i, ind)
    const at = (field: string) => `indicators.${i}.${field}`
    if (blank(ind.progress)) problems.push({ path: at('progress'), zh: `${who.zh}未填写 1–N 月指标执行情况`, en: `${who.en}: progress to the cut-off is missing` })
    const unreadable = progressProblem(ind, i, rules)
    if (unreadable) problems.push(unreadable)
    if (!ind.likelihood) {
      problems.push({ path: at('likelihood'), zh: `${who.zh}未选择完成目标可能性`, en: `${who.en}: the likelihood of meeting the target is missing` })
      return
    }
    if (!likelihoodsNeedingReasons.includes(ind.likelihood)) return
    const label = likelihoodLabels[ind.likelihood]
    if (!ind.causeCategory) problems.push({ path: at('causeCategory'), zh: `${who.zh}完成目标可能性为“${label.zh}”，须选择偏差原因类别`, en: `${who.en} is “${label.en}”: choose the cause category` })
    if (blank(ind.deviationAnalysis)) problems.push({ path: at('deviationAnalysis'), zh: `${who.zh}完成目标可能性为“${label.zh}”，须填写偏差或不能完成目标原因分析`, en: `${who.en} is “${label.en}”: the analysis of the deviation is required` })
    if (blank(ind.measures)) problems.push({ path: at('measures'), zh: `${who.zh}完成目标可能性为“${label.zh}”，须填写相关建议或举措`, en: `${who.en} is “${label.en}”: the corrective measures are required` })
  })
  return problems
}

/**
 * An indicator's light from its target and progress, or null while it cannot be lit: no progress yet, progress that
 * is not a number or verdict, or a quantitative target that names no number ("较上年提升" under a ≥ nature).
 */
export function indicatorLightOf(ind: Pick<FormIndicatorFill, 'level2' | 'nature' | 'target' | 'unit' | 'progress'>, month: number, rules: RuleSet): Explained<Light> | null {
  if (blank(ind.progress)) return null
  const progress = ind.progress!.trim()
  if (ind.nature === 'qualitative') {
    if (!qualitativeLevelOf(progress, rules)) return null
    return indicatorLight({ nature: 'qualitative', month, qualitative: progress }, rules)
  }
  if (!NUMBER.test(progress)) return null
  const target = parseIndicatorValue(ind.target, { nature: ind.nature, unit: ind.unit })
  if (target.kind !== 'quantitative') return null
  return indicatorLight({ nature: ind.nature, target: target.value, actual: progress, month, level2: ind.level2 }, rules)
}

/** 执行率 as a percent with two places: 1–N月执行数 / 调整后预算数 × 100; "0.00" when the budget is 0 (as budgetLight). */
export function executionRate(budget: Decimal.Value, executed: Decimal.Value): string {
  return rateOfBudget(executed, budget) ?? '0.00'
}

export interface FormLights {
  executionRate: string
  budget: Explained<Light>
  /** The worst indicator light (目标执行预警); null while no indicator is lit. */
  project: Explained<Light | null>
  /** One per indicator, in order; null where it cannot be lit yet. */
  indicators: (Explained<Light> | null)[]
}

/** Every light of a form: each indicator's, the budget light against 调整后预算数, and the project light (the worst indicator). */
export function formLights(form: { cutoffMonth: number; budgetAdjusted: string; executed: string }, indicators: readonly Parameters<typeof indicatorLightOf>[0][], rules: RuleSet): FormLights {
  const lit = indicators.map((ind) => indicatorLightOf(ind, form.cutoffMonth, rules))
  return {
    executionRate: executionRate(form.budgetAdjusted, form.executed),
    budget: budgetLight({ budget: form.budgetAdjusted, executed: form.executed, month: form.cutoffMonth }, rules),
    project: projectLight(lit.flatMap((l) => (l ? [l.value] : []))),
    indicators: lit,
  }
}

/**
 * Whether the unit's 全年预计执行数 strays from the system forecast by more than the rule set's margin, as a share of
 * 调整后预算数 (`rules.monitoring.forecastMarginPercent`). Either figure missing: nothing to flag.
 */
export function forecastStrays(input: { unitForecast: string | null; systemForecast: string | null; budget: string }, marginPercent: number): boolean {
  if (input.unitForecast === null || input.systemForecast === null) return false
  return flagUnitEstimate({ unitEstimate: input.unitForecast, forecast: input.systemForecast, budget: input.budget, marginPercent }).flagged
}
