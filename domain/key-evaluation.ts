/**
 * 部门评价 / 财政重点评价 (key evaluations): the indicator framework templates as data (10号 决策/过程/产出/效益,
 * 2013 投入/过程/产出/效果, 部门整体支出 §6.7), the formula indicators of §6.7 and §6.3, weight validation (rule 40),
 * the scored framework (total and grade through scoring.ts), selection (rule 39) and the satisfaction rate of a
 * survey. Pure: no I/O. REFERENCE §6.1, §6.3, §6.6, §6.7, §13 rules 39–41.
 */
import Decimal from 'decimal.js'
import type { EvaluationTemplate } from './evaluation.ts'
import type { RuleSet, ScoringRules } from './rule-set.ts'
import { type Explained, type Grade, gradeOf, scoreExecution, scoreIndicator, totalScore } from './scoring.ts'
import { drawSample } from './seeded-draw.ts'

const round2 = (d: Decimal) => d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP)
const text = (d: Decimal) => round2(d).toFixed(2)

/** The formula indicators the system can compute from inputs (system data or entered figures). */
export const formulaIndicatorKeys = ['fundsInPlace', 'executionRate', 'staffControl', 'threePublicChange', 'keySpendingShare', 'budgetCompletion', 'budgetAdjustment', 'satisfaction'] as const
export type FormulaIndicatorKey = (typeof formulaIndicatorKeys)[number]

export interface TemplateLine {
  level1: string
  level2: string
  level3: string
  /** Default weight (points of 100), a decimal string. */
  weight: string
  /** Set when the line's score comes from a formula (§6.3, §6.7). */
  formula?: FormulaIndicatorKey
}

const line = (level1: string, level2: string, level3: string, weight: number, formula?: FormulaIndicatorKey): TemplateLine =>
  formula ? { level1, level2, level3, weight: weight.toFixed(2), formula } : { level1, level2, level3, weight: weight.toFixed(2) }

/**
 * 10号 附件2 项目支出绩效评价指标体系框架（参考）, §6.3. Default weights 决策 15 / 过程 20 / 产出 35 / 效益 30
 * (results-oriented: 产出 + 效益 = 65 ≥ 60, rule 40).
 */
const no10: TemplateLine[] = [
  line('决策', '项目立项', '立项依据充分性', 3),
  line('决策', '项目立项', '立项程序规范性', 2),
  line('决策', '绩效目标', '绩效目标合理性', 3),
  line('决策', '绩效目标', '绩效指标明确性', 2),
  line('决策', '资金投入', '预算编制科学性', 3),
  line('决策', '资金投入', '资金分配合理性', 2),
  line('过程', '资金管理', '资金到位率', 4, 'fundsInPlace'),
  line('过程', '资金管理', '预算执行率', 5, 'executionRate'),
  line('过程', '资金管理', '资金使用合规性', 4),
  line('过程', '组织实施', '管理制度健全性', 3),
  line('过程', '组织实施', '制度执行有效性', 4),
  line('产出', '产出数量', '实际完成率', 10),
  line('产出', '产出质量', '质量达标率', 10),
  line('产出', '产出时效', '完成及时性', 8),
  line('产出', '产出成本', '成本节约率', 7),
  line('效益', '项目效益', '实施效益', 20),
  line('效益', '项目效益', '满意度', 10, 'satisfaction'),
]

/** 财预〔2013〕53号 项目支出绩效评价共性指标体系框架: 投入 20 / 过程 20 / 产出 30 / 效果 30. */
const y2013: TemplateLine[] = [
  line('投入', '项目立项', '项目立项规范性', 4),
  line('投入', '项目立项', '绩效目标合理性', 4),
  line('投入', '项目立项', '绩效指标明确性', 4),
  line('投入', '资金落实', '资金到位率', 4, 'fundsInPlace'),
  line('投入', '资金落实', '到位及时率', 4),
  line('过程', '业务管理', '管理制度健全性', 4),
  line('过程', '业务管理', '制度执行有效性', 4),
  line('过程', '业务管理', '项目质量可控性', 4),
  line('过程', '财务管理', '财务管理制度健全性', 4),
  line('过程', '财务管理', '资金使用合规性', 4),
  line('产出', '项目产出', '实际完成率', 8),
  line('产出', '项目产出', '完成及时率', 8),
  line('产出', '项目产出', '质量达标率', 8),
  line('产出', '项目产出', '成本节约率', 6),
  line('效果', '项目效益', '经济效益', 6),
  line('效果', '项目效益', '社会效益', 6),
  line('效果', '项目效益', '生态效益', 6),
  line('效果', '项目效益', '可持续影响', 6),
  line('效果', '项目效益', '服务对象满意度', 6, 'satisfaction'),
]

/** 部门（单位）整体支出绩效评价共性框架, §6.7: 投入 15 / 过程 25 / 产出 30 / 效果 30, with its formula indicators. */
const department: TemplateLine[] = [
  line('投入', '目标设定', '绩效目标合理性', 3),
  line('投入', '目标设定', '绩效指标明确性', 3),
  line('投入', '预算配置', '在职人员控制率', 3, 'staffControl'),
  line('投入', '预算配置', '"三公经费"变动率', 3, 'threePublicChange'),
  line('投入', '预算配置', '重点支出安排率', 3, 'keySpendingShare'),
  line('过程', '预算执行', '预算完成率', 4, 'budgetCompletion'),
  line('过程', '预算执行', '预算调整率', 4, 'budgetAdjustment'),
  line('过程', '预算执行', '支付进度率', 3),
  line('过程', '预算执行', '结转结余率', 3),
  line('过程', '预算管理', '管理制度健全性', 3),
  line('过程', '预算管理', '资金使用合规性', 3),
  line('过程', '预算管理', '预决算信息公开性', 2),
  line('过程', '资产管理', '资产管理安全性', 3),
  line('产出', '职责履行', '实际完成率', 8),
  line('产出', '职责履行', '完成及时率', 8),
  line('产出', '职责履行', '质量达标率', 7),
  line('产出', '职责履行', '重点工作办结率', 7),
  line('效果', '履职效益', '经济效益', 6),
  line('效果', '履职效益', '社会效益', 6),
  line('效果', '履职效益', '生态效益', 6),
  line('效果', '履职效益', '可持续影响', 6),
  line('效果', '履职效益', '社会公众或服务对象满意度', 6, 'satisfaction'),
]

export const keyEvaluationTemplates: Record<EvaluationTemplate, readonly TemplateLine[]> = { no10, y2013, department }

/** The 一级 of each template, in report order (§6.6 绩效评价指标分析 by 一级). */
export function level1Of(template: EvaluationTemplate): string[] {
  return [...new Set(keyEvaluationTemplates[template].map((l) => l.level1))]
}

/** 一级 names that count as 产出 or 效益 for rule 40 (效果 is the 2013 and §6.7 name of 效益). */
export const outputEffectLevel1 = ['产出', '效益', '效果'] as const

// ————— Weights (rule 40) —————

export interface FrameworkLineInput {
  level1: string
  level3: string
  weight: string
  score?: string | null
}

export interface FrameworkProblem {
  /** A field path, e.g. `lines.3.weight` or `lines`. */
  path: string
  code: 'WEIGHT_INVALID' | 'WEIGHT_SUM' | 'SCORE_OUT_OF_RANGE' | 'SCORE_MISSING'
  message: string
}

export interface FrameworkWarning {
  code: 'OUTPUT_EFFECT_BELOW'
  rule: string
  message: string
}

export interface WeightCheck {
  total: string
  outputEffect: string
  problems: FrameworkProblem[]
  warnings: FrameworkWarning[]
}

/** Weights sum to exactly 100 (each > 0, two places); 产出 + 效益 below `outputEffectMinPercent` warns (rule 40). */
export function checkWeights(lines: readonly FrameworkLineInput[], rules: Pick<RuleSet, 'evaluation'>): WeightCheck {
  const problems: FrameworkProblem[] = []
  let total = new Decimal(0)
  let outputEffect = new Decimal(0)
  lines.forEach((l, i) => {
    let w: Decimal
    try {
      w = new Decimal(l.weight)
    } catch {
      problems.push({ path: `lines.${i}.weight`, code: 'WEIGHT_INVALID', message: `“${l.level3}”的权重“${l.weight}”不是数字` })
      return
    }
    if (w.lte(0) || w.gt(100) || w.decimalPlaces() > 2) {
      problems.push({ path: `lines.${i}.weight`, code: 'WEIGHT_INVALID', message: `“${l.level3}”的权重 ${l.weight} 须大于 0、不超过 100，最多两位小数` })
      return
    }
    total = total.plus(w)
    if ((outputEffectLevel1 as readonly string[]).includes(l.level1.replace(/指标$/, ''))) outputEffect = outputEffect.plus(w)
  })
  if (lines.length === 0) problems.push({ path: 'lines', code: 'WEIGHT_SUM', message: '指标体系没有指标' })
  else if (!total.eq(100)) problems.push({ path: 'lines', code: 'WEIGHT_SUM', message: `各指标权重合计 ${text(total)}，应为 100` })
  const warnings: FrameworkWarning[] = []
  const min = rules.evaluation.outputEffectMinPercent
  if (total.gt(0) && outputEffect.dividedBy(total).times(100).lt(min)) {
    warnings.push({
      code: 'OUTPUT_EFFECT_BELOW',
      rule: `规则 40：产出与效益（效果）指标权重合计不低于 ${min}%`,
      message: `产出与效益（效果）指标权重合计 ${text(outputEffect)}，占 ${text(outputEffect.dividedBy(total).times(100))}%，低于 ${min}%`,
    })
  }
  return { total: text(total), outputEffect: text(outputEffect), problems, warnings }
}

// ————— Scores, total and grade —————

export interface FrameworkResult extends WeightCheck {
  /** null until every line is scored and the weights are valid. */
  total: string
  score: string | null
  grade: Explained<Grade> | null
  byLevel1: { level1: string; weight: string; score: string }[]
}

/** Each score within [0, weight]; the total through `totalScore` and the grade through `gradeOf` (scoring.ts). */
export function scoreFramework(lines: readonly FrameworkLineInput[], rules: RuleSet): FrameworkResult {
  const check = checkWeights(lines, rules)
  const problems = [...check.problems]
  const scored: string[] = []
  const groups = new Map<string, { weight: Decimal; score: Decimal }>()
  lines.forEach((l, i) => {
    const g = groups.get(l.level1) ?? { weight: new Decimal(0), score: new Decimal(0) }
    groups.set(l.level1, g)
    try {
      g.weight = g.weight.plus(l.weight)
    } catch {
      /* reported by checkWeights */
    }
    if (l.score == null || l.score === '') {
      problems.push({ path: `lines.${i}.score`, code: 'SCORE_MISSING', message: `“${l.level3}”尚未评分` })
      return
    }
    let s: Decimal
    try {
      s = new Decimal(l.score)
    } catch {
      problems.push({ path: `lines.${i}.score`, code: 'SCORE_OUT_OF_RANGE', message: `“${l.level3}”的得分“${l.score}”不是数字` })
      return
    }
    let weight: Decimal
    try {
      weight = new Decimal(l.weight)
    } catch {
      return
    }
    if (s.isNegative() || s.gt(weight)) {
      problems.push({ path: `lines.${i}.score`, code: 'SCORE_OUT_OF_RANGE', message: `“${l.level3}”的得分 ${l.score} 须在 0 至权重 ${text(weight)} 之间` })
      return
    }
    g.score = g.score.plus(s)
    scored.push(text(s))
  })
  const complete = problems.length === 0 && scored.length === lines.length
  const score = complete ? totalScore(scored) : null
  return {
    ...check,
    problems,
    score,
    grade: score === null ? null : gradeOf(score, rules),
    byLevel1: [...groups].map(([level1, g]) => ({ level1, weight: text(g.weight), score: text(g.score) })),
  }
}

/** Problems that block saving a framework (scores may still be missing while it is being scored). */
export function blockingProblems(result: Pick<FrameworkResult, 'problems'>): FrameworkProblem[] {
  return result.problems.filter((p) => p.code !== 'SCORE_MISSING')
}

// ————— Formula indicators —————

export interface FormulaInputField {
  key: string
  label: string
}

export interface FormulaResult {
  /** The computed rate in percent, two places (null when it cannot be computed). */
  value: string | null
  score: string
  rule: string
  formula: string
}

export interface FormulaIndicatorDef {
  key: FormulaIndicatorKey
  name: string
  inputs: FormulaInputField[]
  rule: string
  compute(inputs: Record<string, Decimal.Value>, weight: Decimal.Value, rules: ScoringRules): FormulaResult
}

const num = (inputs: Record<string, Decimal.Value>, key: string): Decimal => {
  const v = inputs[key]
  if (v === undefined || v === null || v === '') throw new RangeError(`缺少输入 ${key}`)
  return new Decimal(v)
}
const clampScore = (score: Decimal, weight: Decimal) => round2(Decimal.max(0, Decimal.min(weight, score)))

/** A rate scored proportionally (weight × min(rate, 1)) through scoring.ts's execution rule. */
function proportional(key: FormulaIndicatorKey, name: string, num1: FormulaInputField, den: FormulaInputField, rule: string): FormulaIndicatorDef {
  return {
    key,
    name,
    inputs: [num1, den],
    rule,
    compute(inputs, weight, rules) {
      const r = scoreExecution({ budget: num(inputs, den.key), executed: num(inputs, num1.key), weight }, rules)
      return { value: r.value.ratePercent, score: r.value.score, rule, formula: `${name} = ${num1.label} / ${den.label} = ${r.value.ratePercent}%；得分 ${r.formula}` }
    },
  }
}

/** The formula indicators, each a function from inputs to a value and a score by its printed rule. §6.3, §6.7 */
export const formulaIndicators: Record<FormulaIndicatorKey, FormulaIndicatorDef> = {
  fundsInPlace: proportional('fundsInPlace', '资金到位率', { key: 'received', label: '实际到位资金' }, { key: 'planned', label: '预算（计划投入）资金' }, '资金到位率 = 实际到位 / 预算资金 × 100%，得分 = 权重 × 到位率（不超过权重）'),
  executionRate: proportional('executionRate', '预算执行率', { key: 'spent', label: '实际支出' }, { key: 'received', label: '实际到位资金' }, '预算执行率 = 实际支出 / 实际到位 × 100%，得分 = 权重 × 执行率（不超过权重）'),
  keySpendingShare: proportional('keySpendingShare', '重点支出安排率', { key: 'keySpending', label: '重点项目支出' }, { key: 'projectSpending', label: '项目总支出' }, '重点支出安排率 = 重点项目支出 / 项目总支出 × 100%，得分 = 权重 × 安排率'),
  staffControl: {
    key: 'staffControl',
    name: '在职人员控制率',
    inputs: [
      { key: 'staff', label: '在职人员数' },
      { key: 'authorized', label: '编制数' },
    ],
    rule: '在职人员控制率 = 在职人员数 / 编制数 × 100%；≤100% 得满分，每超过 1 个百分点扣 0.1 分',
    compute(inputs, weightValue) {
      const weight = new Decimal(weightValue)
      const authorized = num(inputs, 'authorized')
      if (authorized.lte(0)) return { value: null, score: '0.00', rule: this.rule, formula: '编制数为 0，无法计算，得 0 分' }
      const rate = round2(num(inputs, 'staff').dividedBy(authorized).times(100))
      const over = Decimal.max(0, rate.minus(100))
      const score = clampScore(weight.minus(over.times('0.1')), weight)
      return { value: rate.toFixed(2), score: score.toFixed(2), rule: this.rule, formula: over.isZero() ? `${rate.toFixed(2)}% ≤ 100%，得满分 ${score.toFixed(2)}` : `${text(weight)} − (${rate.toFixed(2)} − 100) × 0.1 = ${score.toFixed(2)}` }
    },
  },
  threePublicChange: {
    key: 'threePublicChange',
    name: '"三公经费"变动率',
    inputs: [
      { key: 'current', label: '本年"三公经费"' },
      { key: 'previous', label: '上年"三公经费"' },
    ],
    rule: '"三公经费"变动率 = (本年 − 上年) / 上年 × 100%；≤0 得满分，每增加 1 个百分点扣 0.1 分',
    compute(inputs, weightValue) {
      const weight = new Decimal(weightValue)
      const previous = num(inputs, 'previous')
      const current = num(inputs, 'current')
      if (previous.isZero()) {
        return current.lte(0)
          ? { value: '0.00', score: text(weight), rule: this.rule, formula: '上年与本年均为 0，得满分' }
          : { value: null, score: '0.00', rule: this.rule, formula: '上年为 0、本年有支出，得 0 分' }
      }
      const rate = round2(current.minus(previous).dividedBy(previous).times(100))
      const score = rate.lte(0) ? round2(weight) : clampScore(weight.minus(rate.times('0.1')), weight)
      return { value: rate.toFixed(2), score: score.toFixed(2), rule: this.rule, formula: rate.lte(0) ? `${rate.toFixed(2)}% ≤ 0，得满分 ${score.toFixed(2)}` : `${text(weight)} − ${rate.toFixed(2)} × 0.1 = ${score.toFixed(2)}` }
    },
  },
  budgetCompletion: {
    key: 'budgetCompletion',
    name: '预算完成率',
    inputs: [
      { key: 'carryOver', label: '上年结转' },
      { key: 'initial', label: '年初预算' },
      { key: 'added', label: '本年追加' },
      { key: 'balance', label: '年末结余' },
    ],
    rule: '预算完成率 = (上年结转 + 年初预算 + 本年追加 − 年末结余) / (上年结转 + 年初预算 + 本年追加) × 100%；100% 得满分，每低 5%（不足 5% 按 5% 计）扣 2 分',
    compute(inputs, weightValue) {
      const weight = new Decimal(weightValue)
      const available = num(inputs, 'carryOver').plus(num(inputs, 'initial')).plus(num(inputs, 'added'))
      if (available.lte(0)) return { value: null, score: '0.00', rule: this.rule, formula: '可支配预算为 0，无法计算，得 0 分' }
      const rate = round2(available.minus(num(inputs, 'balance')).dividedBy(available).times(100))
      const bands = Decimal.max(0, new Decimal(100).minus(rate)).dividedBy(5).ceil()
      const score = clampScore(weight.minus(bands.times(2)), weight)
      return { value: rate.toFixed(2), score: score.toFixed(2), rule: this.rule, formula: bands.isZero() ? `${rate.toFixed(2)}%，得满分 ${score.toFixed(2)}` : `${text(weight)} − ${bands.toFixed(0)} × 2 = ${score.toFixed(2)}（低于 100% ${text(new Decimal(100).minus(rate))} 个百分点）` }
    },
  },
  budgetAdjustment: {
    key: 'budgetAdjustment',
    name: '预算调整率',
    inputs: [
      { key: 'added', label: '本年追加（调整）预算' },
      { key: 'initial', label: '年初预算' },
    ],
    rule: '预算调整率 = 本年追加 / 年初预算 × 100%；0 得满分，0–10%（含）得 75%，10%–20%（含）得 50%，20%–30%（含）得 25%，超过 30% 得 0 分',
    compute(inputs, weightValue) {
      const weight = new Decimal(weightValue)
      const initial = num(inputs, 'initial')
      if (initial.lte(0)) return { value: null, score: '0.00', rule: this.rule, formula: '年初预算为 0，无法计算，得 0 分' }
      const rate = round2(num(inputs, 'added').abs().dividedBy(initial).times(100))
      const share = rate.isZero() ? 1 : rate.lte(10) ? 0.75 : rate.lte(20) ? 0.5 : rate.lte(30) ? 0.25 : 0
      const score = round2(weight.times(share))
      return { value: rate.toFixed(2), score: score.toFixed(2), rule: this.rule, formula: `调整率 ${rate.toFixed(2)}% → ${text(weight)} × ${share * 100}% = ${score.toFixed(2)}` }
    },
  },
  satisfaction: {
    key: 'satisfaction',
    name: '满意度',
    inputs: [
      { key: 'rate', label: '满意率（%）' },
      { key: 'target', label: '目标值（%）' },
    ],
    rule: '满意度得分按正向指标计分：满意率 ≥ 目标值得满分，否则 权重 × 满意率 / 目标值',
    compute(inputs, weight, rules) {
      const rate = num(inputs, 'rate')
      const target = inputs.target === undefined || inputs.target === '' ? new Decimal(90) : num(inputs, 'target')
      const r = scoreIndicator({ nature: '>=', target, actual: rate, weight }, rules)
      return { value: text(rate), score: r.value.score, rule: this.rule, formula: r.formula }
    },
  },
}

/** Computes a formula indicator; a missing input is a RangeError naming it. */
export function computeFormula(key: FormulaIndicatorKey, inputs: Record<string, Decimal.Value>, weight: Decimal.Value, rules: ScoringRules): FormulaResult {
  return formulaIndicators[key].compute(inputs, weight, rules)
}

// ————— Selection (rule 39) —————

export interface SelectionCandidate {
  projectId: string
  name: string
  amount: string
  /** Flagged major (重大项目) regardless of amount. */
  major?: boolean
  /** The last fiscal year it was key-evaluated (部门评价 or 财政重点评价), or null. */
  lastEvaluatedYear: number | null
}

export interface SelectionPick {
  projectId: string
  name: string
  amount: string
  kind: 'major' | 'sample'
  reason: string
}

export interface SelectionResult {
  picks: SelectionPick[]
  /** Candidates left out because they were evaluated within the coverage cycle. */
  recentlyEvaluated: { projectId: string; lastEvaluatedYear: number }[]
  seed: string
  rule: string
}

/**
 * Rule 39: major projects (amount ≥ `exAnte.majorProjectAmount` or flagged) not evaluated within
 * `evaluation.keyCoverageYears` come first — never evaluated, then the longest ago, then the largest — and a
 * seeded random sample of `sampleSize` general ones follows. The same candidates and seed give the same picks.
 */
export function selectKeyEvaluations(
  input: { candidates: readonly SelectionCandidate[]; fiscalYear: number; sampleSize: number; seed: string; maxMajor?: number },
  rules: Pick<RuleSet, 'evaluation' | 'exAnte'>,
): SelectionResult {
  const cycle = rules.evaluation.keyCoverageYears
  const threshold = new Decimal(rules.exAnte.majorProjectAmount)
  const sorted = [...input.candidates].sort((a, b) => (a.projectId < b.projectId ? -1 : a.projectId > b.projectId ? 1 : 0))
  const recentlyEvaluated: SelectionResult['recentlyEvaluated'] = []
  const due = sorted.filter((c) => {
    if (c.lastEvaluatedYear !== null && input.fiscalYear - c.lastEvaluatedYear < cycle) {
      recentlyEvaluated.push({ projectId: c.projectId, lastEvaluatedYear: c.lastEvaluatedYear })
      return false
    }
    return true
  })
  const isMajor = (c: SelectionCandidate) => c.major === true || new Decimal(c.amount).gte(threshold)
  const majors = due
    .filter(isMajor)
    .sort((a, b) => (a.lastEvaluatedYear ?? -Infinity) - (b.lastEvaluatedYear ?? -Infinity) || new Decimal(b.amount).comparedTo(a.amount))
    .slice(0, input.maxMajor ?? Number.POSITIVE_INFINITY)
  const general = due.filter((c) => !isMajor(c))
  // Drawn over the id-sorted list: reproducible from the seed whatever the input order.
  const sample = drawSample(general, input.sampleSize, input.seed)
  const last = (c: SelectionCandidate) => (c.lastEvaluatedYear === null ? '从未重点评价' : `上次重点评价 ${c.lastEvaluatedYear} 年`)
  return {
    picks: [
      ...majors.map((c) => ({ projectId: c.projectId, name: c.name, amount: c.amount, kind: 'major' as const, reason: `${c.major ? '重大项目' : `金额 ≥ ${threshold.toFixed(2)} 元`}，${last(c)}` })),
      ...sample.map((c) => ({ projectId: c.projectId, name: c.name, amount: c.amount, kind: 'sample' as const, reason: `一般项目随机抽取（种子 ${input.seed}），${last(c)}` })),
    ],
    recentlyEvaluated,
    seed: input.seed,
    rule: `规则 39：重大项目优先（金额 ≥ ${threshold.toFixed(2)} 元或标记为重大），${cycle} 年内已重点评价的不再选取；一般项目按种子随机抽取`,
  }
}

// ————— Satisfaction surveys —————

/** The 5-point scale of a satisfaction question, best first. */
export const satisfactionScale = ['满意', '比较满意', '基本满意', '不太满意', '不满意'] as const
export type SatisfactionAnswer = (typeof satisfactionScale)[number]
/** Points of each answer (5 … 1), as printed on questionnaires. */
export const satisfactionPoints: Record<SatisfactionAnswer, number> = { 满意: 5, 比较满意: 4, 基本满意: 3, 不太满意: 2, 不满意: 1 }

/** An answer as typed in a survey sheet: the wording, or its points 1–5; null for anything else. */
export function parseSatisfactionAnswer(raw: string | number | null | undefined): SatisfactionAnswer | null {
  if (raw === null || raw === undefined) return null
  const s = String(raw).trim()
  if ((satisfactionScale as readonly string[]).includes(s)) return s as SatisfactionAnswer
  if (s === '非常满意') return '满意'
  const n = Number(s)
  if (Number.isInteger(n) && n >= 1 && n <= 5) return satisfactionScale[5 - n] as SatisfactionAnswer
  return null
}

/**
 * 满意率 = (满意 + 比较满意 answers) / all answers × 100, two places, over every question of every response.
 * 0 answers → null.
 */
export function satisfactionRate(answers: readonly SatisfactionAnswer[]): Explained<string | null> {
  const satisfied = answers.filter((a) => a === '满意' || a === '比较满意').length
  const rule = '满意率 = （“满意”+“比较满意”答案数）/ 全部有效答案数 × 100%'
  if (answers.length === 0) return { value: null, rule, formula: '没有有效答案' }
  const rate = text(new Decimal(satisfied).dividedBy(answers.length).times(100))
  return { value: rate, rule, formula: `${satisfied} / ${answers.length} × 100% = ${rate}%` }
}
