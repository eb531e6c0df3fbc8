/**
 * 结果应用 (REFERENCE §8, §10, §13.42–43, 47): rectification items (整改) and how they move and escalate, and what an
 * evaluation grade proposes for the project's next-year budget. Pure rules with their explanations; the services of
 * the results module apply them, and 考核 (assessment.ts) reads the same figures.
 */
import Decimal from 'decimal.js'
import type { Labels } from './evaluation.ts'
import type { BudgetProposalAction, RuleSet } from './rule-set.ts'
import type { Explained, Grade } from './scoring.ts'

/** A rectification item's life: the owner unit answers, its department verifies, finance closes; either may send it back. */
export const rectificationStatuses = ['open', 'responded', 'verified', 'closed'] as const
export type RectificationStatus = (typeof rectificationStatuses)[number]
export const rectificationStatusLabels: Record<RectificationStatus, Labels> = {
  open: { zh: '待整改', en: 'Open' },
  responded: { zh: '待部门核实', en: 'Awaiting the department' },
  verified: { zh: '待财政销号', en: 'Awaiting finance' },
  closed: { zh: '已销号', en: 'Closed' },
}

/** Where an item comes from (rule 43): a 中/差 result, a red light, a spot-check gap, or a finding entered by hand. */
/** What waits on a user in the rectification list (the home page's to-dos): answer (owner), verify (department), close (finance). */
export const rectificationTodos = ['answer', 'verify', 'close'] as const
export type RectificationTodo = (typeof rectificationTodos)[number]

export const rectificationSourceTypes = ['self_evaluation', 'key_evaluation', 'monitoring_form', 'spot_check', 'manual'] as const
export type RectificationSourceType = (typeof rectificationSourceTypes)[number]
export const rectificationSourceLabels: Record<RectificationSourceType, Labels> = {
  self_evaluation: { zh: '单位自评', en: 'Self-evaluation' },
  key_evaluation: { zh: '重点评价', en: 'Key evaluation' },
  monitoring_form: { zh: '运行监控红灯', en: 'Red monitoring light' },
  spot_check: { zh: '抽查复核差异', en: 'Spot-check gap' },
  manual: { zh: '其他发现', en: 'Other finding' },
}

/** Who found what an item entered by hand names. */
export const findingOrigins = ['expert', 'agency', 'audit', 'congress', 'finance', 'other'] as const
export type FindingOrigin = (typeof findingOrigins)[number]
export const findingOriginLabels: Record<FindingOrigin, Labels> = {
  expert: { zh: '专家意见', en: 'Expert' },
  agency: { zh: '第三方机构', en: 'Third-party agency' },
  audit: { zh: '审计发现', en: 'Audit' },
  congress: { zh: '人大意见', en: 'People’s Congress' },
  finance: { zh: '财政检查', en: 'Finance inspection' },
  other: { zh: '其他', en: 'Other' },
}

export type RectificationMove = 'respond' | 'verify' | 'close' | 'return'
/** Who acts on each move: the owner unit answers, the department verifies, the bureau closes or anyone above returns. */
export const rectificationMoves: Record<RectificationMove, { from: readonly RectificationStatus[]; to: RectificationStatus; by: 'owner' | 'department' | 'finance' | 'reviewer' }> = {
  respond: { from: ['open'], to: 'responded', by: 'owner' },
  verify: { from: ['responded'], to: 'verified', by: 'department' },
  // Finance may close an item a department owns (no department above it verifies) straight from 'responded'.
  close: { from: ['verified', 'responded'], to: 'closed', by: 'finance' },
  return: { from: ['responded', 'verified'], to: 'open', by: 'reviewer' },
}

export type ProblemText = { path: string; zh: string; en: string }

/** Closing needs the unit's measures and at least one piece of evidence (rule 43: tracked to closure, not by word). */
export function respondProblems(input: { measures: string; evidenceCount: number }): ProblemText[] {
  const problems: ProblemText[] = []
  if (input.measures.trim().length < 4) problems.push({ path: 'measures', zh: '请填写整改措施和完成情况（至少 4 个字）', en: 'Describe the measures taken (at least 4 characters)' })
  if (input.evidenceCount < 1) problems.push({ path: 'evidence', zh: '请上传至少一份整改佐证材料', en: 'Attach at least one piece of evidence' })
  return problems
}

export type EscalationLevel = 'none' | 'department' | 'finance'
export const escalationLevelLabels: Record<EscalationLevel, Labels> = {
  none: { zh: '未逾期', en: 'On time' },
  department: { zh: '逾期（报主管部门）', en: 'Overdue (department)' },
  finance: { zh: '逾期（报财政）', en: 'Overdue (finance)' },
}

const dayMs = 86_400_000
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / dayMs)

/**
 * How far an unclosed item has escalated on `today` (YYYY-MM-DD): past its due date it goes to the owner's department,
 * and `results.escalateToFinanceDays` days later to the finance bureau. A closed item never escalates.
 */
export function rectificationEscalation(item: { status: RectificationStatus; dueOn: string }, today: string, rules: Pick<RuleSet, 'results'>): Explained<{ level: EscalationLevel; daysOverdue: number }> {
  const rule = 'REFERENCE §13.43：整改逾期先报主管部门，超过规则集规定天数再报财政部门'
  const finance = rules.results.escalateToFinanceDays
  if (item.status === 'closed') return { value: { level: 'none', daysOverdue: 0 }, rule, formula: '已销号，不再升级' }
  const overdue = daysBetween(item.dueOn, today)
  if (overdue <= 0) return { value: { level: 'none', daysOverdue: 0 }, rule, formula: `整改期限 ${item.dueOn}，今天 ${today}，未逾期` }
  const level: EscalationLevel = overdue > finance ? 'finance' : 'department'
  return { value: { level, daysOverdue: overdue }, rule, formula: `整改期限 ${item.dueOn}，已逾期 ${overdue} 天${level === 'finance' ? ` > ${finance} 天，报财政部门` : `（≤ ${finance} 天），报主管部门`}` }
}

/** The due date of a new item: `results.rectificationDays` after it was raised, unless the raiser sets one. */
export function defaultDueOn(raisedOn: string, rules: Pick<RuleSet, 'results'>): string {
  return new Date(Date.parse(`${raisedOn}T00:00:00Z`) + rules.results.rectificationDays * dayMs).toISOString().slice(0, 10)
}

/** Which results raise an item by themselves (rule 43): grades the rule set calls poor, red lights, large spot-check gaps. */
export const raisesRectification = (grade: Grade | null | undefined, rules: Pick<RuleSet, 'results'>) => !!grade && rules.results.rectifyGrades.includes(grade)

export const budgetProposalActionLabels: Record<BudgetProposalAction, Labels> = {
  priority: { zh: '优先保障', en: 'Priority' },
  maintain: { zh: '保障', en: 'Maintain' },
  cut: { zh: '核减', en: 'Cut' },
  cancel: { zh: '取消/暂停', en: 'Cancel or suspend' },
}

/** What a budget decision is about (rule 42 and REFERENCE §8): a project, a department's overall budget, or the transfers to a district. */
export const budgetDecisionSubjects = ['project', 'department', 'district'] as const
export type BudgetDecisionSubject = (typeof budgetDecisionSubjects)[number]
export const budgetDecisionSubjectLabels: Record<BudgetDecisionSubject, Labels & { base: Labels }> = {
  project: { zh: '项目', en: 'Project', base: { zh: '项目全年预算数', en: 'The project’s full-year budget' } },
  department: { zh: '部门整体', en: 'Department overall', base: { zh: '部门当年预算项目全年预算数合计', en: 'The full-year budget of the department’s projects of the year' } },
  district: { zh: '下级财政（转移支付）', en: 'District (transfer payments)', base: { zh: '本级对该区的转移支付额', en: 'This bureau’s transfer payments to the district' } },
}

export interface BudgetProposalInput {
  grade: Grade
  /** The amount the proposal starts from (元, decimal string): this year's 全年预算数 of the project. */
  baseAmount: string
  /** Rectification items of the project still open at proposal time: each cuts further (rule 42). */
  openRectifications: number
  /** Funds idle beyond the rule set's limit, recovered (元, decimal string; '0.00' when none). */
  idleAmount?: string
}

export interface BudgetProposal {
  action: BudgetProposalAction
  /** The total cut in percent of the base, after the grade's and the unrectified items' cuts. */
  cutPercent: string
  proposedAmount: string
  recoveredAmount: string
}

const money = (d: Decimal) => d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2)

/**
 * Rule 42: the next-year budget an evaluation grade proposes, from the rule set's table (`gradeBudgetProposals`):
 * 优 优先保障 and 良 保障 keep the base, 中 核减 by its percent, 差 取消/暂停 (nothing). Items still open cut a further
 * `results.unrectifiedCutPercent` (a kept budget becomes a cut); idle funds are recovered from what is left. Amounts
 * are decimal strings; the formula names every step.
 */
export function proposeBudget(input: BudgetProposalInput, rules: Pick<RuleSet, 'gradeBudgetProposals' | 'results'>): Explained<BudgetProposal> {
  const row = rules.gradeBudgetProposals[input.grade]
  const base = new Decimal(input.baseAmount)
  const rule = 'REFERENCE §13.42：评价等级对应下年预算安排建议（规则集 gradeBudgetProposals）；未整改的问题进一步核减；长期沉淀资金收回'
  const steps = [`基数 ${money(base)} 元，等级“${input.grade}” → ${budgetProposalActionLabels[row.action].zh}`]
  let action = row.action
  let cut = new Decimal(row.action === 'cancel' ? 100 : row.action === 'cut' ? row.cutPercent : 0)
  if (row.action === 'cut') steps.push(`核减 ${cut.toFixed(2)}%`)
  if (action !== 'cancel' && input.openRectifications > 0 && rules.results.unrectifiedCutPercent > 0) {
    const extra = new Decimal(rules.results.unrectifiedCutPercent)
    cut = Decimal.min(100, cut.plus(extra))
    action = 'cut'
    steps.push(`尚有 ${input.openRectifications} 项整改未销号，再核减 ${extra.toFixed(2)}%`)
  }
  let proposed = action === 'cancel' ? new Decimal(0) : base.times(new Decimal(100).minus(cut)).div(100)
  proposed = new Decimal(money(proposed))
  let recovered = new Decimal(0)
  if (input.idleAmount && new Decimal(input.idleAmount).gt(0) && proposed.gt(0)) {
    recovered = Decimal.min(proposed, new Decimal(input.idleAmount))
    proposed = proposed.minus(recovered)
    steps.push(`收回沉淀资金 ${money(recovered)} 元`)
  }
  steps.push(`建议安排 ${money(proposed)} 元`)
  return { value: { action, cutPercent: cut.toFixed(2), proposedAmount: money(proposed), recoveredAmount: money(recovered) }, rule, formula: steps.join('；') }
}

/** Finance decides an amount; when it differs from the proposal it must say why (rule 42, recorded decisions). */
export function decisionProblems(input: { proposedAmount: string; decidedAmount: string; reason: string }): ProblemText[] {
  if (!new Decimal(input.decidedAmount).eq(input.proposedAmount) && input.reason.trim().length < 2) {
    return [{ path: 'reason', zh: `决定安排 ${input.decidedAmount} 元与建议 ${input.proposedAmount} 元不同，请说明理由`, en: `The decided ${input.decidedAmount} differs from the proposed ${input.proposedAmount}: give the reason` }]
  }
  if (new Decimal(input.decidedAmount).lt(0)) return [{ path: 'decidedAmount', zh: '决定安排金额不能为负数', en: 'The decided amount cannot be negative' }]
  return []
}
