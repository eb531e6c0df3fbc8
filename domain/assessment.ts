/**
 * 考核 of performance-management work (REFERENCE §10, §13.47): an annual scoring template per jurisdiction and year —
 * items computed from the system's own data where it exists, entered with evidence where it does not, bonus and
 * deduction items — the department's self-assessment due in the next year (end of February by default), finance's
 * review item by item, ranking, and the consequence a poor result proposes. Pure; every score explains its figure.
 */
import Decimal from 'decimal.js'
import type { Labels } from './evaluation.ts'
import type { Grade, RuleSet } from './rule-set.ts'
import { type Explained, gradeOf } from './scoring.ts'

/** What the system can count for an item: each a share in percent, higher is better. */
export const assessmentMetrics = [
  'goal_coverage',
  'goal_timeliness',
  'goal_review_quality',
  'monitoring_on_time',
  'self_evaluation_coverage',
  'spot_check_consistency',
  'rectification_closure',
  'execution_rate',
  'disclosure_rate',
] as const
export type AssessmentMetric = (typeof assessmentMetrics)[number]
export const assessmentMetricLabels: Record<AssessmentMetric, Labels & { counts: string }> = {
  goal_coverage: { zh: '绩效目标覆盖率', en: 'Goal coverage', counts: '有批复绩效目标的预算项目 / 全部预算项目' },
  goal_timeliness: { zh: '目标申报及时率', en: 'Goals submitted on time', counts: '按期提交的绩效目标 / 应提交的绩效目标' },
  goal_review_quality: { zh: '目标审核优良率', en: 'Goals reviewed 优 or 良', counts: '审核等级为优、良的绩效目标 / 已审核的绩效目标' },
  monitoring_on_time: { zh: '监控按时报送率', en: 'Monitoring reported on time', counts: '截止前提交的监控表 / 应填报的监控表' },
  self_evaluation_coverage: { zh: '单位自评覆盖率', en: 'Self-evaluation coverage', counts: '已提交的自评表 / 应自评的项目' },
  spot_check_consistency: { zh: '抽查复核一致率', en: 'Spot-checks without a gap', counts: '复核差异未超过提示分值的抽查 / 已复核的抽查' },
  rectification_closure: { zh: '整改销号率', en: 'Rectification closed', counts: '已销号的整改事项 / 全部整改事项' },
  execution_rate: { zh: '预算执行率', en: 'Budget execution rate', counts: '全年执行数 / 全年预算数' },
  disclosure_rate: { zh: '绩效信息公开率', en: 'Disclosure rate', counts: '已公开的绩效目标和自评结果 / 应公开的' },
}

/** The department self-assesses, submits by the due date; finance reviews item by item; results are published. */
export const assessmentStatuses = ['self_assessing', 'submitted', 'reviewed', 'published'] as const
export type AssessmentStatus = (typeof assessmentStatuses)[number]
export const assessmentStatusLabels: Record<AssessmentStatus, Labels> = {
  self_assessing: { zh: '自评中', en: 'Self-assessing' },
  submitted: { zh: '待财政复核', en: 'Awaiting review' },
  reviewed: { zh: '已复核', en: 'Reviewed' },
  published: { zh: '已通报', en: 'Published' },
}

export const assessmentItemKinds = ['computed', 'entered', 'bonus', 'deduction'] as const
export type AssessmentItemKind = (typeof assessmentItemKinds)[number]
export const assessmentItemKindLabels: Record<AssessmentItemKind, Labels> = {
  computed: { zh: '系统计算', en: 'Computed' },
  entered: { zh: '佐证评分', en: 'Scored on evidence' },
  bonus: { zh: '加分项', en: 'Bonus' },
  deduction: { zh: '扣分项', en: 'Deduction' },
}

export interface AssessmentTemplateItem {
  code: string
  name: string
  kind: AssessmentItemKind
  /** Full points of the item (the most a bonus adds or a deduction takes). */
  points: number
  /** For a computed item: what the system counts, full points at or above `fullAt` percent, none below `zeroBelow`. */
  metric?: AssessmentMetric
  fullAt?: number
  zeroBelow?: number
}

/**
 * A default template (data, editable per jurisdiction and year): nine computed items adding to 100, one bonus and one
 * deduction scored on evidence. Points and thresholds are this project's choice — the 2015 考核办法's tables are not
 * at hand (REFERENCE §10: "Result grades and uses beyond this are UNCONFIRMED").
 */
export const defaultAssessmentTemplate: readonly AssessmentTemplateItem[] = [
  { code: 'A1', name: '绩效目标覆盖率', kind: 'computed', metric: 'goal_coverage', points: 15, fullAt: 100, zeroBelow: 60 },
  { code: 'A2', name: '目标申报及时率', kind: 'computed', metric: 'goal_timeliness', points: 10, fullAt: 100, zeroBelow: 50 },
  { code: 'A3', name: '目标审核优良率', kind: 'computed', metric: 'goal_review_quality', points: 10, fullAt: 90, zeroBelow: 40 },
  { code: 'B1', name: '监控按时报送率', kind: 'computed', metric: 'monitoring_on_time', points: 15, fullAt: 100, zeroBelow: 60 },
  { code: 'C1', name: '单位自评覆盖率', kind: 'computed', metric: 'self_evaluation_coverage', points: 15, fullAt: 100, zeroBelow: 60 },
  { code: 'C2', name: '抽查复核一致率', kind: 'computed', metric: 'spot_check_consistency', points: 10, fullAt: 90, zeroBelow: 50 },
  { code: 'D1', name: '整改销号率', kind: 'computed', metric: 'rectification_closure', points: 10, fullAt: 90, zeroBelow: 30 },
  { code: 'D2', name: '预算执行率', kind: 'computed', metric: 'execution_rate', points: 10, fullAt: 95, zeroBelow: 60 },
  { code: 'E1', name: '绩效信息公开率', kind: 'computed', metric: 'disclosure_rate', points: 5, fullAt: 100, zeroBelow: 50 },
  { code: 'F1', name: '绩效管理创新与经验推广', kind: 'bonus', points: 5 },
  { code: 'F2', name: '绩效管理重大问题（审计、巡视发现等）', kind: 'deduction', points: 10 },
]

export type ProblemText = { path: string; zh: string; en: string }

/** What is wrong with a template: codes unique, points positive, computed items with a metric and thresholds in order. */
export function templateProblems(items: readonly AssessmentTemplateItem[]): ProblemText[] {
  const problems: ProblemText[] = []
  const seen = new Set<string>()
  items.forEach((item, i) => {
    const at = (field: string) => `items.${i}.${field}`
    if (!item.code.trim() || seen.has(item.code)) problems.push({ path: at('code'), zh: `考核项编号“${item.code}”为空或重复`, en: `Item code “${item.code}” is empty or repeated` })
    seen.add(item.code)
    if (!(item.points > 0) || item.points > 100) problems.push({ path: at('points'), zh: '分值须大于 0 且不超过 100', en: 'Points must be above 0 and at most 100' })
    if (item.kind === 'computed') {
      if (!item.metric) problems.push({ path: at('metric'), zh: '系统计算的考核项须指定统计口径', en: 'A computed item needs a metric' })
      const full = item.fullAt ?? 100
      const zero = item.zeroBelow ?? 0
      if (!(zero >= 0 && zero < full && full <= 100)) problems.push({ path: at('fullAt'), zh: '须满足 0 ≤ 不得分线 < 满分线 ≤ 100', en: 'Must hold: 0 ≤ zero line < full line ≤ 100' })
    }
  })
  const base = items.filter((i) => i.kind === 'computed' || i.kind === 'entered').reduce((s, i) => s.plus(i.points), new Decimal(0))
  if (!base.eq(100)) problems.push({ path: 'items', zh: `计算项和佐证项分值合计须为 100，现为 ${base.toFixed(2)}`, en: `Computed and evidence items must add to 100, not ${base.toFixed(2)}` })
  return problems
}

/** A figure the system counted for a metric: the records behind it, named so the score can say what it counted. */
export interface MetricFigure {
  numerator: number
  denominator: number
  /** Decimal strings for money metrics (execution rate): executed and budget in 元. */
  numeratorAmount?: string
  denominatorAmount?: string
}

const round2 = (d: Decimal) => d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP)

/** The metric as a percent (two places); nothing to count is full marks — there was nothing to fall short on. */
export function metricRate(figure: MetricFigure): Decimal | null {
  if (figure.denominatorAmount !== undefined) {
    const d = new Decimal(figure.denominatorAmount)
    return d.isZero() ? null : round2(new Decimal(figure.numeratorAmount ?? '0').div(d).times(100))
  }
  return figure.denominator === 0 ? null : round2(new Decimal(figure.numerator).div(figure.denominator).times(100))
}

/**
 * A computed item's score: full points at or above `fullAt`, none below `zeroBelow`, in between in proportion to the
 * rate over `fullAt` (points × rate / fullAt). The formula names the counts.
 */
export function scoreComputedItem(item: AssessmentTemplateItem, figure: MetricFigure): Explained<string> {
  const metric = item.metric!
  const label = assessmentMetricLabels[metric]
  const full = new Decimal(item.fullAt ?? 100)
  const zero = new Decimal(item.zeroBelow ?? 0)
  const points = new Decimal(item.points)
  const rule = `REFERENCE §13.47：${label.zh}（${label.counts}）达到 ${full.toFixed(2)}% 得满分 ${points.toFixed(2)}，低于 ${zero.toFixed(2)}% 不得分，其间按比例`
  const counted = figure.denominatorAmount !== undefined ? `${figure.numeratorAmount ?? '0.00'} / ${figure.denominatorAmount} 元` : `${figure.numerator} / ${figure.denominator}`
  const rate = metricRate(figure)
  if (rate === null) return { value: points.toFixed(2), rule, formula: `${counted}：无应统计的记录，按满分计 ${points.toFixed(2)}` }
  if (rate.gte(full)) return { value: points.toFixed(2), rule, formula: `${counted} = ${rate.toFixed(2)}% ≥ ${full.toFixed(2)}% → ${points.toFixed(2)}` }
  if (rate.lt(zero)) return { value: '0.00', rule, formula: `${counted} = ${rate.toFixed(2)}% < ${zero.toFixed(2)}% → 0.00` }
  const score = round2(points.times(rate).div(full))
  return { value: score.toFixed(2), rule, formula: `${counted} = ${rate.toFixed(2)}%；${points.toFixed(2)} × ${rate.toFixed(2)} ÷ ${full.toFixed(2)} = ${score.toFixed(2)}` }
}

/** An entered, bonus or deduction score must lie within 0 and the item's points, two decimals at most. */
export function enteredScoreProblems(item: AssessmentTemplateItem, score: string, path: string): ProblemText[] {
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(score) || new Decimal(score).gt(item.points)) {
    return [{ path, zh: `“${item.name}”的得分须在 0 到 ${item.points} 之间，最多两位小数`, en: `The score of “${item.name}” must be within 0 and ${item.points}, two decimals at most` }]
  }
  return []
}

/** The total: computed and entered items, plus bonuses, minus deductions, kept within 0–100; its grade by the rule set. */
export function assessmentTotal(items: readonly { item: AssessmentTemplateItem; score: string }[], rules: Pick<RuleSet, 'gradeBands'> & Parameters<typeof gradeOf>[1]): Explained<{ total: string; grade: Grade }> {
  let base = new Decimal(0)
  let bonus = new Decimal(0)
  let deduction = new Decimal(0)
  for (const { item, score } of items) {
    if (item.kind === 'bonus') bonus = bonus.plus(score)
    else if (item.kind === 'deduction') deduction = deduction.plus(score)
    else base = base.plus(score)
  }
  const raw = base.plus(bonus).minus(deduction)
  const total = round2(Decimal.max(0, Decimal.min(100, raw)))
  const grade = gradeOf(total, rules)
  const capped = raw.gt(100) ? '（封顶 100）' : raw.lt(0) ? '（不低于 0）' : ''
  return {
    value: { total: total.toFixed(2), grade: grade.value },
    rule: `基本分 + 加分 − 扣分，0–100 分；${grade.rule}`,
    formula: `${round2(base).toFixed(2)} + ${round2(bonus).toFixed(2)} − ${round2(deduction).toFixed(2)} = ${total.toFixed(2)}${capped} → ${grade.value}`,
  }
}

/** Ranks by total, highest first; equal totals share a rank and the next rank skips (1, 2, 2, 4). */
export function rankAssessments<T extends { total: string }>(rows: readonly T[]): (T & { rank: number })[] {
  const sorted = [...rows].sort((a, b) => new Decimal(b.total).comparedTo(a.total))
  return sorted.map((row) => ({ ...row, rank: sorted.findIndex((r) => new Decimal(r.total).eq(row.total)) + 1 }))
}

/** The self-assessment's due date (YYYY-MM-DD) in the year after the assessed one: end of February unless the rule set says otherwise. */
export function selfAssessmentDue(fiscalYear: number, rules: Pick<RuleSet, 'results'>): string {
  const { month, day } = rules.results.assessmentDue
  const lastDay = new Date(Date.UTC(fiscalYear + 1, month, 0)).getUTCDate()
  const d = day === 0 ? lastDay : Math.min(day, lastDay)
  return `${fiscalYear + 1}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}

/** A poor result proposes a consequence as an evaluation grade does: 约谈 for the grades that raise rectification. */
export function assessmentConsequence(grade: Grade, rules: Pick<RuleSet, 'results'>): 'interview' | 'none' {
  return rules.results.rectifyGrades.includes(grade) ? 'interview' : 'none'
}
