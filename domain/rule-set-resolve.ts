import Decimal from 'decimal.js'
import { grades, nationalRules, type BudgetProposalAction, type ReviewConsequence, type RuleSet } from './rule-set.ts'
import { projectCodePatternProblems } from './project-code.ts'

/**
 * Rule-set inheritance (district ← city ← national) with the source of every value. A layer stores only what it
 * changes: plain objects (including the per-grade tables) merge key by key, arrays and scalars replace whole.
 */

export type DeepPartial<T> = T extends readonly unknown[] ? T : T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T
export type RuleOverrides = DeepPartial<RuleSet>

export interface RuleLayer {
  /** Who set these values, as users see it: '深圳市 2026 第3版'. */
  source: string
  overrides: RuleOverrides
}

export interface RuleProblem {
  /** Dot path of the offending value: 'gradeBands', 'gradeBudgetProposals.中.cutPercent'. */
  path: string
  zh: string
  en: string
}

export const NATIONAL_SOURCE = '全国默认'

type Tree = Record<string, unknown>
const isTree = (value: unknown): value is Tree => typeof value === 'object' && value !== null && !Array.isArray(value)
const join = (prefix: string, key: string) => (prefix ? `${prefix}.${key}` : key)

function leafPathsOf(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) => (isTree(value) ? leafPathsOf(value, join(prefix, key)) : [join(prefix, key)]))
}

/** Every leaf of a rule set as a dot path; arrays are leaves. */
export const ruleSetPaths: readonly string[] = leafPathsOf(nationalRules as unknown as Tree)

/** Copies the overrides' known leaves onto `target`, recording who set each. Unknown keys are ignored here. */
function apply(target: Tree, overrides: Tree, source: string, sourceOf: Record<string, string>, prefix = '') {
  for (const key of Object.keys(target)) {
    const value = overrides[key]
    if (value === undefined) continue
    const path = join(prefix, key)
    if (isTree(target[key])) {
      if (isTree(value)) apply(target[key], value, source, sourceOf, path)
    } else {
      target[key] = structuredClone(value)
      sourceOf[path] = source
    }
  }
}

/** `base` with the overrides applied, without touching either. */
export function applyOverrides(base: RuleSet, overrides: RuleOverrides): RuleSet {
  const rules = structuredClone(base)
  apply(rules as unknown as Tree, overrides as Tree, '', {})
  return rules
}

/**
 * The effective rules of a jurisdiction and year: the national defaults, then each layer in order (parent first).
 * `sourceOf` names, for every leaf path, the layer that set its final value. Throws a TypeError when a layer does not
 * pass `validateOverrides`; the result may still break `validateRuleSet` (a district can set 优 below 良), which the
 * caller reports.
 */
export function resolveRules(layers: readonly RuleLayer[]): { rules: RuleSet; sourceOf: Record<string, string> } {
  const rules = structuredClone(nationalRules)
  const sourceOf = Object.fromEntries(ruleSetPaths.map((path) => [path, NATIONAL_SOURCE]))
  for (const layer of layers) {
    const problems = validateOverrides(layer.overrides)
    if (problems.length > 0) throw new TypeError(`${layer.source} 的规则覆盖项有误：${problems.map((p) => `${p.path} ${p.zh}`).join('；')}`)
    apply(rules as unknown as Tree, layer.overrides as Tree, layer.source, sourceOf)
  }
  return { rules, sourceOf }
}

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

function diffTrees(parent: Tree, child: Tree): Tree {
  const diff: Tree = {}
  for (const [key, value] of Object.entries(child)) {
    if (isTree(value) && isTree(parent[key])) {
      const inner = diffTrees(parent[key], value)
      if (Object.keys(inner).length > 0) diff[key] = inner
    } else if (!sameValue(parent[key], value)) diff[key] = structuredClone(value)
  }
  return diff
}

/** The fewest overrides that turn `parent` into `child`: what a form saves so the layer keeps inheriting the rest. */
export function diffRules(parent: RuleSet, child: RuleSet): RuleOverrides {
  return diffTrees(parent as unknown as Tree, child as unknown as Tree) as RuleOverrides
}

// ─── checking stored overrides ─────────────────────────────────────────────────────────────────────────────────

// Records keyed by the union, so adding a member to a type without listing it here fails to compile.
const reviewConsequenceSet: Record<ReviewConsequence, true> = { proceed: true, proceed_after_edits: true, revise_and_resubmit: true, blocked: true }
const proposalActionSet: Record<BudgetProposalAction, true> = { priority: true, maintain: true, cut: true, cancel: true }
const reverseFormulaSet: Record<RuleSet['reverseFormula'], true> = { linear_to_double: true, target_over_actual: true }
const scopeSet: Record<RuleSet['timeProportionalScope'], true> = { all: true, shanxi: true }
const conclusionSet: Record<RuleSet['exAnte']['passingConclusion'], true> = { 予以支持: true }

/** Leaves whose strings come from a closed list. */
const choices: Record<string, readonly string[]> = {
  reverseFormula: Object.keys(reverseFormulaSet),
  timeProportionalScope: Object.keys(scopeSet),
  'exAnte.passingConclusion': Object.keys(conclusionSet),
  ...Object.fromEntries(grades.map((grade) => [`reviewConsequences.${grade}`, Object.keys(reviewConsequenceSet)])),
  ...Object.fromEntries(grades.map((grade) => [`gradeBudgetProposals.${grade}.action`, Object.keys(proposalActionSet)])),
}

type Kind = 'number' | 'string' | 'boolean'
const kindOf = (value: unknown): Kind => (typeof value === 'number' ? 'number' : typeof value === 'boolean' ? 'boolean' : 'string')
const kindZh: Record<Kind, string> = { number: '数值', string: '文本', boolean: '是/否' }

function valueProblem(expected: unknown, value: unknown, path: string): RuleProblem | null {
  if (Array.isArray(expected)) {
    // Element kinds come from the national defaults, which are never empty (a test holds us to it).
    const item = kindOf(expected[0])
    if (Array.isArray(value) && value.every((v) => leafOk(item, v))) return null
    return { path, zh: `应为${kindZh[item]}列表`, en: `must be a list of ${item}s` }
  }
  const kind = kindOf(expected)
  if (!leafOk(kind, value)) return { path, zh: `应为${kindZh[kind]}`, en: `must be a ${kind}` }
  const allowed = choices[path]
  if (allowed && !allowed.includes(value as string)) return { path, zh: `应为 ${allowed.join('、')} 之一`, en: `must be one of ${allowed.join(', ')}` }
  return null
}

function leafOk(kind: Kind, value: unknown) {
  return kind === 'number' ? typeof value === 'number' && Number.isFinite(value) : typeof value === kind
}

function overrideProblems(expected: Tree, overrides: unknown, prefix: string): RuleProblem[] {
  if (!isTree(overrides)) return [{ path: prefix || '(根)', zh: '应为对象', en: 'must be an object' }]
  return Object.entries(overrides).flatMap(([key, value]): RuleProblem[] => {
    const path = join(prefix, key)
    if (!Object.hasOwn(expected, key)) return [{ path, zh: '不是规则项', en: 'is not a rule' }]
    if (value === undefined) return []
    const inner = expected[key]
    if (isTree(inner)) return overrideProblems(inner, value, path)
    const problem = valueProblem(inner, value, path)
    return problem ? [problem] : []
  })
}

/**
 * Checks a stored override (parsed JSON) before it is merged: every key must name a rule and every value have the
 * rule's type (closed lists included). It says nothing of whether the values make sense together: `validateRuleSet`.
 */
export function validateOverrides(overrides: unknown): RuleProblem[] {
  return overrideProblems(nationalRules as unknown as Tree, overrides, '')
}

// ─── checking a whole rule set ─────────────────────────────────────────────────────────────────────────────────

const problem = (path: string, zh: string, en: string): RuleProblem => ({ path, zh, en })
const increasing = (...values: number[]) => values.every((v, i) => i === 0 || values[i - 1]! < v)

/** What is wrong with a rule set, as a user would be told; empty when it is usable. §13 */
export function validateRuleSet(rules: RuleSet): RuleProblem[] {
  const problems: RuleProblem[] = []
  const check = (ok: boolean, path: string, zh: string, en: string) => {
    if (!ok) problems.push(problem(path, zh, en))
  }
  const { excellent, good, pass } = rules.gradeBands
  check(0 < pass && increasing(pass, good, excellent) && excellent <= 100, 'gradeBands', '等级分数线须满足 0 < 中 < 良 < 优 ≤ 100', 'Grade bands must satisfy 0 < pass < good < excellent ≤ 100')

  const weights = Object.entries(rules.selfEvaluationWeights)
  for (const [key, weight] of weights) check(weight >= 0, `selfEvaluationWeights.${key}`, '一级指标权重不能为负', 'A level-1 weight cannot be negative')
  const sum = weights.reduce((total, [, weight]) => total.plus(weight), new Decimal(0))
  check(sum.eq(100), 'selfEvaluationWeights', `一级指标权重合计须为 100（当前 ${sum}）`, `Level-1 weights must sum to 100 (they sum to ${sum})`)

  const { achieved, partial } = rules.qualitativeBands
  check(0 < partial && partial < achieved && achieved <= 1, 'qualitativeBands', '定性分档须满足 0 < 部分达成 < 达成 ≤ 1', 'Qualitative bands must satisfy 0 < partial < achieved ≤ 1')

  const { yellowFrom, greenFrom, blueFrom } = rules.monitoringLights
  check(0 < yellowFrom && increasing(yellowFrom, greenFrom, blueFrom), 'monitoringLights', '指标预警分档须满足 0 < 黄 < 绿 < 蓝', 'Indicator light bands must satisfy 0 < yellow < green < blue')
  const budget = rules.budgetLights
  check(0 < budget.yellowFrom && budget.yellowFrom < budget.greenFrom, 'budgetLights', '预算执行预警分档须满足 0 < 黄 < 绿', 'Budget light bands must satisfy 0 < yellow < green')

  const months = rules.monitoringCutoffMonths
  check(months.length > 0, 'monitoringCutoffMonths', '至少设置一个监控截止月份', 'Set at least one monitoring cut-off month')
  check(months.every((m) => Number.isInteger(m) && m >= 1 && m <= 12), 'monitoringCutoffMonths', '监控截止月份须为 1–12 的整数', 'Cut-off months must be whole numbers from 1 to 12')
  check(new Set(months).size === months.length, 'monitoringCutoffMonths', '监控截止月份不能重复', 'Cut-off months must not repeat')

  const evaluation = rules.evaluation
  check(Number.isInteger(evaluation.keyCoverageYears) && evaluation.keyCoverageYears >= 1 && evaluation.keyCoverageYears <= 10, 'evaluation.keyCoverageYears', '重点项目评价周期须为 1–10 的整数（年）', 'The key-evaluation cycle must be a whole number of years from 1 to 10')
  check(evaluation.outputEffectMinPercent >= 0 && evaluation.outputEffectMinPercent <= 100, 'evaluation.outputEffectMinPercent', '产出与效益权重下限须在 0–100 之间', 'The output-and-benefit weight floor must be within 0–100')
  check(Number.isInteger(evaluation.agencyViolationYears) && evaluation.agencyViolationYears >= 0, 'evaluation.agencyViolationYears', '机构违规回溯年限须为非负整数', 'The agency violation look-back must be a non-negative whole number of years')
  check(Number.isInteger(evaluation.expertCooldownMonths) && evaluation.expertCooldownMonths >= 0, 'evaluation.expertCooldownMonths', '专家回避月数须为非负整数', 'The expert cool-down must be a non-negative whole number of months')
  check(evaluation.spotCheckGapPoints > 0 && evaluation.spotCheckGapPoints <= 100, 'evaluation.spotCheckGapPoints', '抽查差异提示分值须在 0 到 100 之间（不含 0）', 'The spot-check gap must be in (0, 100]')
  const results = rules.results
  check(Number.isInteger(results.rectificationDays) && results.rectificationDays >= 1 && results.rectificationDays <= 365, 'results.rectificationDays', '整改期限须为 1–365 的整数（天）', 'The rectification period must be a whole number of days from 1 to 365')
  check(Number.isInteger(results.escalateToFinanceDays) && results.escalateToFinanceDays >= 0 && results.escalateToFinanceDays <= 365, 'results.escalateToFinanceDays', '逾期报财政天数须为 0–365 的整数', 'The days before finance is told must be a whole number from 0 to 365')
  check(Array.isArray(results.rectifyGrades) && results.rectifyGrades.every((g) => (grades as readonly string[]).includes(g)) && new Set(results.rectifyGrades).size === results.rectifyGrades.length, 'results.rectifyGrades', '须整改的等级只能是 优、良、中、差 中的若干个，不能重复', 'Grades that raise rectification must be some of 优, 良, 中, 差, without repeats')
  check(Number.isInteger(results.assessmentDue.month) && results.assessmentDue.month >= 1 && results.assessmentDue.month <= 12 && Number.isInteger(results.assessmentDue.day) && results.assessmentDue.day >= 0 && results.assessmentDue.day <= 31, 'results.assessmentDue', '考核自评截止日须为 1–12 月、0–31 日（0 表示月末）', 'The self-assessment due date must be month 1–12 and day 0–31 (0 = the month’s last day)')
  check(results.unrectifiedCutPercent >= 0 && results.unrectifiedCutPercent <= 100, 'results.unrectifiedCutPercent', '未整改再核减比例须在 0–100 之间', 'The further cut for open items must be within 0–100')
  const monitoring = rules.monitoring
  check(/^\d+(\.\d{1,2})?$/.test(monitoring.keyAmount), 'monitoring.keyAmount', '重点监控金额须为不超过两位小数的非负金额', 'The key-monitoring amount must be a non-negative amount with at most two decimals')
  check(monitoring.keyLowExecutionRatio > 0 && monitoring.keyLowExecutionRatio <= 100, 'monitoring.keyLowExecutionRatio', '低执行率的比值须在 0 到 100 之间（不含 0）', 'The low-execution ratio must be in (0, 100]')
  check(monitoring.forecastMarginPercent > 0 && monitoring.forecastMarginPercent <= 100, 'monitoring.forecastMarginPercent', '预计执行偏离幅度须在 0 到 100 之间（不含 0）', 'The forecast margin must be in (0, 100]')
  check(Number.isInteger(monitoring.forecastMinPeers) && monitoring.forecastMinPeers >= 1, 'monitoring.forecastMinPeers', '同类项目最少个数须为正整数', 'The fewest similar projects must be a positive whole number')

  check(rules.overAchievementRatio > 1, 'overAchievementRatio', '超额完成比例须大于 1', 'The over-achievement ratio must be above 1')
  check(rules.executionReasonBelow > 0 && rules.executionReasonBelow <= 1, 'executionReasonBelow', '须说明原因的执行率须在 0 到 1 之间（不含 0）', 'The execution rate needing a reason must be in (0, 1]')
  check(/^\d+(\.\d{1,2})?$/.test(rules.exAnte.majorProjectAmount), 'exAnte.majorProjectAmount', '重大项目金额须为不超过两位小数的非负金额', 'The major-project amount must be a non-negative amount with at most two decimals')

  for (const grade of grades) {
    const cut = rules.gradeBudgetProposals[grade].cutPercent
    check(cut >= 0 && cut <= 100, `gradeBudgetProposals.${grade}.cutPercent`, '核减比例须在 0 到 100 之间', 'The cut must be between 0 and 100 percent')
  }
  check(rules.requiredLevel1.length > 0, 'requiredLevel1', '至少要求一个一级指标', 'Require at least one level-1 indicator')
  check(rules.requiredLevel1.every((name) => name.trim() !== ''), 'requiredLevel1', '一级指标名称不能为空', 'Level-1 indicator names cannot be empty')
  for (const p of projectCodePatternProblems(rules.projectCodePattern)) problems.push(problem('projectCodePattern', p.zh, p.en))
  const disclosure = rules.disclosure
  check(disclosure.withholdReasons.length > 0 && disclosure.withholdReasons.every((r) => r.trim() !== ''), 'disclosure.withholdReasons', '至少设置一个不公开原因，原因不能为空', 'Set at least one reason for not publishing; none may be empty')
  check(disclosure.reasonsNeedingText.every((r) => disclosure.withholdReasons.includes(r)), 'disclosure.reasonsNeedingText', '须说明的原因应是不公开原因之一', 'A reason needing an explanation must be one of the reasons for not publishing')
  problems.push(...wordListProblems(rules))
  return problems
}

/** The first word that two lists share, or null: one wording may stand for one thing only. */
function sharedWord(lists: readonly (readonly string[])[]): string | null {
  const seen = new Set<string>()
  for (const list of lists) {
    for (const word of new Set(list.map((w) => w.trim()))) {
      if (seen.has(word)) return word
      seen.add(word)
    }
  }
  return null
}

/** Label, synonym and direction lists: none empty where a verdict needs a name, none claiming a word twice. */
function wordListProblems(rules: RuleSet): RuleProblem[] {
  const problems: RuleProblem[] = []
  const labels = rules.qualitativeLabels
  for (const [band, list] of Object.entries(labels)) {
    if (list.length === 0 || list.some((label) => label.trim() === '')) {
      problems.push(problem(`qualitativeLabels.${band}`, '每档定性完成情况至少有一个表述，且不能为空', 'Each qualitative verdict needs at least one non-empty label'))
    }
  }
  const label = sharedWord(Object.values(labels))
  if (label) problems.push(problem('qualitativeLabels', `表述“${label}”不能同时属于两档`, `The label “${label}” cannot belong to two verdicts`))
  const synonym = sharedWord(Object.values(rules.level1Synonyms))
  if (synonym) problems.push(problem('level1Synonyms', `“${synonym}”不能同时是两个一级指标的同义词`, `“${synonym}” cannot be a synonym of two level-1 indicators`))
  const word = sharedWord([rules.indicatorDirection.lowerIsBetter, rules.indicatorDirection.higherIsBetter])
  if (word) problems.push(problem('indicatorDirection', `“${word}”不能同时表示越低越好和越高越好`, `“${word}” cannot mean both lower-is-better and higher-is-better`))
  return problems
}
