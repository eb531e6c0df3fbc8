import Decimal from 'decimal.js'
import { compareMoney } from './money.ts'
import type { ObjectKind, RuleProblem } from './projects.ts'
import type { Permission } from './roles.ts'
import type { Grade, RuleSet, ScoringRules } from './rule-set.ts'
import { gradeOf } from './scoring.ts'

/** 事前绩效评估: dimensions, review points, conclusions and the checklist of materials. REFERENCE §3, §13.26–28. */

type Labels<K extends string> = Record<K, { zh: string; en: string }>

/** Projects and policies are assessed on the same five dimensions, worded for each (§3.2). */
export const exAnteKinds = ['project', 'policy'] as const
export type ExAnteKind = (typeof exAnteKinds)[number]
export const exAnteKindLabels: Labels<ExAnteKind> = {
  project: { zh: '项目', en: 'Project' },
  policy: { zh: '政策', en: 'Policy' },
}

export const exAnteKindOf = (objectKind: ObjectKind): ExAnteKind => (objectKind === 'policy' ? 'policy' : 'project')

export interface ReviewPoint {
  /** Stable code, "<dimension>.<point>", the key of a score. */
  code: string
  zh: string
  en: string
  /** What the assessor looks at (审核要点说明). */
  guide: string
}

export interface ExAnteDimension {
  code: string
  zh: string
  en: string
  points: readonly ReviewPoint[]
}

const dimension = (code: string, zh: string, en: string, points: [string, string, string, string][]): ExAnteDimension => ({
  code,
  zh,
  en,
  points: points.map(([point, pointZh, pointEn, guide]) => ({ code: `${code}.${point}`, zh: pointZh, en: pointEn, guide })),
})

// 立项必要性 and 投入经济性 follow the 事前模板 (§3.2); the other review points are ours, two to a dimension.
export const exAnteDimensions: Record<ExAnteKind, readonly ExAnteDimension[]> = {
  project: [
    dimension('necessity', '立项必要性', 'Necessity', [
      ['relevance', '明确相关性', 'Relevance', '项目立项目的明确，与国家和地方发展规划、政策决策部署相符，与部门（单位）职能密切相关'],
      ['need', '必要可行性', 'Need and feasibility', '与其他项目不重复；立项前经过可行性研究、专家论证、风险评估和集体决策等程序'],
    ]),
    dimension('economy', '投入经济性', 'Economy of inputs', [
      ['budget', '预算科学性', 'Sound budget', '支出内容与部门职能和项目内容相匹配，预算编制细化到具体事项'],
      ['cost', '经济合理性', 'Economical cost', '厉行节约，测算依据充分，符合相关定额和支出标准'],
    ]),
    dimension('goals', '绩效目标合理性', 'Soundness of the goals', [
      ['completeness', '目标完整性', 'Complete goals', '绩效目标申报表填报完整，产出、效益和满意度指标齐全，目标与项目内容相符'],
      ['measurability', '指标明确性', 'Measurable indicators', '绩效指标细化、量化、可衡量，指标值参考历史或行业标准设定，合理可实现'],
    ]),
    dimension('feasibility', '实施方案可行性', 'Feasibility of the plan', [
      ['plan', '方案完备性', 'Complete plan', '实施内容、进度安排、责任分工、采购和资金管理安排明确'],
      ['capacity', '实施保障性', 'Capacity to deliver', '组织机构、管理制度、人员和条件到位，主要风险已识别并有应对措施'],
    ]),
    dimension('financing', '筹资合规性', 'Compliant financing', [
      ['sources', '资金来源合规性', 'Lawful sources', '资金来源符合法律法规和财政管理规定，不新增隐性债务，政府与市场边界清晰'],
      ['structure', '财政投入合理性', 'Reasonable fiscal share', '财政资金与其他渠道资金分担合理，配套资金已落实，不与其他资金重复安排'],
    ]),
  ],
  policy: [
    dimension('policy_necessity', '政策设立必要性', 'Necessity of the policy', [
      ['basis', '政策依据充分性', 'Sound basis', '符合国家和地方决策部署及发展规划，有明确的法律法规和政策依据'],
      ['need', '问题导向性', 'Problem it solves', '针对明确的经济社会问题，属于政府职责范围，与现行政策不交叉重复'],
    ]),
    dimension('policy_support', '政策保障充分性', 'Adequate support', [
      ['measures', '保障措施完备性', 'Complete measures', '实施细则、配套措施和责任部门明确，管理流程清晰'],
      ['resources', '资源匹配性', 'Matching resources', '资金、人员和管理能力与政策任务相匹配'],
    ]),
    dimension('policy_goals', '政策目标合理性', 'Soundness of the goals', [
      ['clarity', '目标明确性', 'Clear goals', '政策目标明确具体，能量化的予以量化，绩效指标可衡量'],
      ['fit', '目标匹配性', 'Goals that fit', '目标与政策内容和资金规模相匹配，指标值设定合理可实现'],
    ]),
    dimension('policy_sustainability', '政策实施可持续性', 'Sustainability', [
      ['period', '实施期限合理性', 'Reasonable period', '实施期限、阶段安排和退出机制明确'],
      ['mechanism', '长效机制', 'Lasting mechanism', '资金投入和政策效果可持续，建立评估调整机制'],
    ]),
    dimension('policy_funding', '政策资金合规性', 'Compliant funding', [
      ['sources', '资金来源合规性', 'Lawful sources', '资金来源符合法律法规和财政管理规定，不新增隐性债务'],
      ['allocation', '资金分配合理性', 'Fair allocation', '分配方式、标准和范围明确，公平公开，不与其他资金重复'],
    ]),
  ],
}

export const exAnteConclusions = ['予以支持', '调整后支持', '不予支持'] as const
export type ExAnteConclusion = (typeof exAnteConclusions)[number]
export const exAnteConclusionLabels: Labels<ExAnteConclusion> = {
  予以支持: { zh: '予以支持', en: 'Supported' },
  调整后支持: { zh: '调整后支持', en: 'Supported after changes' },
  不予支持: { zh: '不予支持', en: 'Not supported' },
}

/** Who carries out the assessment: the unit (or its department) itself, the bureau, a third party it engages, or experts. */
export const assessorKinds = ['unit', 'finance', 'agency', 'expert'] as const
export type AssessorKind = (typeof assessorKinds)[number]
export const assessorKindLabels: Labels<AssessorKind> = {
  unit: { zh: '部门（单位）自评估', en: 'Self-assessment by the unit' },
  finance: { zh: '财政评估', en: 'Finance bureau' },
  agency: { zh: '第三方机构评估', en: 'Third-party agency' },
  expert: { zh: '专家评审', en: 'Expert review' },
}

/** draft (scoring) → submitted (to the bureau) → completed (concluded); the bureau may also conclude a draft it scored. */
export const exAnteStatuses = ['draft', 'submitted', 'completed'] as const
export type ExAnteStatus = (typeof exAnteStatuses)[number]
export const exAnteStatusLabels: Labels<ExAnteStatus> = {
  draft: { zh: '评估中', en: 'In progress' },
  submitted: { zh: '待财政结论', en: 'Awaiting conclusion' },
  completed: { zh: '已完成', en: 'Completed' },
}

/** The submission package (§3.4). */
export const exAnteAttachmentItems = ['application', 'goal_form', 'expected_report', 'policy_basis', 'implementation_plan', 'feasibility_study', 'budget_calculation'] as const
export type ExAnteAttachmentItem = (typeof exAnteAttachmentItems)[number]
export const exAnteAttachmentLabels: Labels<ExAnteAttachmentItem> = {
  application: { zh: '事前绩效评估项目申报书', en: 'Ex-ante assessment application' },
  goal_form: { zh: '绩效目标申报表', en: 'Performance goal form' },
  expected_report: { zh: '预期绩效报告', en: 'Expected performance report' },
  policy_basis: { zh: '相关法律法规政策规划', en: 'Governing laws, policies and plans' },
  implementation_plan: { zh: '实施方案', en: 'Implementation plan' },
  feasibility_study: { zh: '可行性研究报告', en: 'Feasibility study' },
  budget_calculation: { zh: '预算测算材料', en: 'Budget calculation' },
}

/** One review point's score (a decimal string, never a float) and the assessor's note. */
export interface ExAnteScore {
  score: string
  comment: string
}
export type ExAnteScores = Partial<Record<string, ExAnteScore>>
/** Per item: whether it was provided, and which of the project's attachments hold it. */
export type ExAnteChecklist = Partial<Record<ExAnteAttachmentItem, { provided: boolean; attachmentIds: string[] }>>

const round2 = (d: Decimal) => d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP)

/** Full points of each review point: the dimension's points split evenly, the last taking the rounding rest. */
export function reviewPointPoints(dimensionPoints: Decimal.Value, d: ExAnteDimension): string[] {
  const each = round2(new Decimal(dimensionPoints).dividedBy(d.points.length))
  return d.points.map((_, i) => (i < d.points.length - 1 ? each : new Decimal(dimensionPoints).minus(each.times(d.points.length - 1))).toFixed(2))
}

/** 优/良/中/差 of a score against its full points, by the rule set's grade bands on a 100-point scale. §13.2 */
export function ratingOf(score: Decimal.Value, points: Decimal.Value, rules: ScoringRules): Grade {
  const full = new Decimal(points)
  return gradeOf(full.isZero() ? 0 : new Decimal(score).dividedBy(full).times(100), rules).value
}

export interface ScoreSheetPoint extends ReviewPoint {
  points: string
  score: string | null
  rating: Grade | null
  comment: string
}
export interface ScoreSheetDimension extends Omit<ExAnteDimension, 'points'> {
  points: string
  score: string
  rating: Grade | null
  items: ScoreSheetPoint[]
}
export interface ScoreSheet {
  dimensions: ScoreSheetDimension[]
  total: string
  maxTotal: string
  /** The overall rating; null until every point is scored. */
  rating: Grade | null
  /** Review points not scored yet. */
  missing: string[]
}

/** The score table: every dimension with its review points, their full points, scores and ratings, and the total. */
export function scoreSheet(kind: ExAnteKind, scores: ExAnteScores, dimensionPoints: Decimal.Value, rules: ScoringRules): ScoreSheet {
  const missing: string[] = []
  const dimensions = exAnteDimensions[kind].map((d) => {
    const full = reviewPointPoints(dimensionPoints, d)
    const items = d.points.map((p, i): ScoreSheetPoint => {
      const entry = scores[p.code]
      if (!entry) missing.push(p.code)
      return { ...p, points: full[i]!, score: entry?.score ?? null, rating: entry ? ratingOf(entry.score, full[i]!, rules) : null, comment: entry?.comment ?? '' }
    })
    const score = round2(items.reduce((sum, item) => sum.plus(item.score ?? 0), new Decimal(0)))
    const scored = items.every((item) => item.score !== null)
    return { code: d.code, zh: d.zh, en: d.en, points: new Decimal(dimensionPoints).toFixed(2), score: score.toFixed(2), rating: scored ? ratingOf(score, dimensionPoints, rules) : null, items }
  })
  const total = round2(dimensions.reduce((sum, d) => sum.plus(d.score), new Decimal(0)))
  const maxTotal = new Decimal(dimensionPoints).times(dimensions.length)
  return { dimensions, total: total.toFixed(2), maxTotal: maxTotal.toFixed(2), rating: missing.length ? null : ratingOf(total, maxTotal, rules), missing }
}

/** Scores that name no review point of this kind, or fall outside 0..full points. */
export function scoreProblems(kind: ExAnteKind, scores: Partial<Record<string, ExAnteScore | null>>, dimensionPoints: Decimal.Value): RuleProblem[] {
  const full = new Map(exAnteDimensions[kind].flatMap((d) => reviewPointPoints(dimensionPoints, d).map((points, i) => [d.points[i]!.code, points] as const)))
  const problems: RuleProblem[] = []
  for (const [code, entry] of Object.entries(scores)) {
    const points = full.get(code)
    if (points === undefined) problems.push({ path: `scores.${code}`, zh: `审核要点 ${code} 不属于${exAnteKindLabels[kind].zh}事前评估`, en: `${code} is not a review point of a ${kind} assessment` })
    else if (entry && (new Decimal(entry.score).isNegative() || new Decimal(entry.score).greaterThan(points))) {
      problems.push({ path: `scores.${code}.score`, zh: `得分须在 0 到 ${points} 分之间`, en: `The score must be between 0 and ${points}` })
    }
  }
  return problems
}

/** What stops a conclusion: unscored review points, and a missing opinion for anything but support. §13.28 */
export function conclusionProblems(sheet: ScoreSheet, conclusion: ExAnteConclusion, opinion: string, passing: ExAnteConclusion = '予以支持'): RuleProblem[] {
  const problems: RuleProblem[] = []
  if (sheet.missing.length) {
    const names = sheet.dimensions.flatMap((d) => d.items.filter((i) => i.score === null).map((i) => `${d.zh}·${i.zh}`))
    problems.push({ path: 'scores', zh: `尚有审核要点未评分：${names.join('、')}`, en: `Some review points are not scored yet: ${sheet.missing.join(', ')}` })
  }
  if (conclusion !== passing && !opinion.trim()) {
    problems.push({ path: 'opinion', zh: `结论为“${conclusion}”时须填写评估意见`, en: `An opinion is required for the conclusion ${exAnteConclusionLabels[conclusion].en}` })
  }
  return problems
}

/** A hint, not a rule: 优/良 support, 中 support after changes, 差 do not support. */
export function suggestedConclusion(rating: Grade | null): ExAnteConclusion | null {
  if (rating === null) return null
  return rating === '优' || rating === '良' ? '予以支持' : rating === '中' ? '调整后支持' : '不予支持'
}

/** Items of the submission package not provided yet. */
export function missingAttachments(checklist: ExAnteChecklist): ExAnteAttachmentItem[] {
  return exAnteAttachmentItems.filter((item) => !checklist[item]?.provided)
}

/** New major projects (and those at or above the rule set's amount) need an assessment before the library. §3.1, §13.26 */
export function needsExAnte(project: { isMajorNew: boolean; amountTotal: string }, rules: Pick<RuleSet, 'exAnte'>): boolean {
  return project.isMajorNew || compareMoney(project.amountTotal, rules.exAnte.majorProjectAmount) >= 0
}

type EditVerdict = 'yes' | 'not_editable' | 'forbidden'
interface Editor {
  userId: string
  permissions: { has(permission: Permission): boolean }
}

/**
 * Who may change scores and texts: while in progress, whoever edits assessments of the project — but once the
 * bureau has assigned an agency or expert, only that assessor (and the bureau). After submission only the bureau,
 * which concludes; a concluded assessment is fixed. Scope is the caller's to check.
 */
export function canEditExAnte(actor: Editor, a: { status: ExAnteStatus; assignedUserId: string | null }): EditVerdict {
  const bureau = actor.permissions.has('exante.conclude')
  if (!actor.permissions.has('exante.edit')) return 'forbidden'
  if (a.status === 'completed') return 'not_editable'
  if (a.status === 'submitted') return bureau ? 'yes' : 'not_editable'
  if (a.assignedUserId && a.assignedUserId !== actor.userId && !bureau) return 'forbidden'
  return 'yes'
}

/** Submitting hands a scored draft to the bureau: the same people as editing, from a draft only. */
export function canSubmitExAnte(actor: Editor, a: { status: ExAnteStatus; assignedUserId: string | null }): EditVerdict {
  return a.status === 'draft' ? canEditExAnte(actor, a) : 'not_editable'
}
