import { needsExAnte } from './exante.ts'
import type { IndicatorNature, ValueBasis } from './indicators.ts'
import type { Grade, ReviewConsequence, RuleSet } from './rule-set.ts'

/** 绩效目标: what a goal is, how it moves through review, and who moves it. REFERENCE §4, §13.20–25. */

type Labels<K extends string> = Record<K, { zh: string; en: string }>

export const goalKinds = ['project', 'department', 'policy'] as const
export type GoalKind = (typeof goalKinds)[number]
export const goalKindLabels: Labels<GoalKind> = {
  project: { zh: '项目支出绩效目标', en: 'Project goal' },
  department: { zh: '部门整体支出绩效目标', en: 'Department overall goal' },
  policy: { zh: '政策绩效目标', en: 'Policy goal' },
}

export const goalStatuses = ['draft', 'submitted', 'dept_approved', 'returned', 'approved', 'published', 'superseded'] as const
export type GoalStatus = (typeof goalStatuses)[number]
export const goalStatusLabels: Labels<GoalStatus> = {
  draft: { zh: '草稿', en: 'Draft' },
  submitted: { zh: '待部门初审', en: 'Awaiting department review' },
  dept_approved: { zh: '待财政复审', en: 'Awaiting finance review' },
  returned: { zh: '已退回', en: 'Returned' },
  approved: { zh: '已批复', en: 'Approved' },
  published: { zh: '已公开', en: 'Published' },
  superseded: { zh: '已被调整替代', en: 'Superseded' },
}

/** Goals in force: the ones a budget, monitoring and evaluation may rely on. */
export const goalInForceStatuses: readonly GoalStatus[] = ['approved', 'published']
/** Goals the unit may still edit. */
export const goalEditableStatuses: readonly GoalStatus[] = ['draft', 'returned']

/**
 * Workflow actions. `review` is the finance 复审 with a grade; what the grade does next comes from the rule set
 * (`reviewConsequences`): proceed keeps the goal with finance for 批复; proceed after agreed edits sends it to the
 * unit for those edits and back to finance for 批复; revise and resubmit and blocked send it back to the unit.
 */
export const goalActions = ['submit', 'withdraw', 'return', 'dept_approve', 'review', 'approve', 'publish'] as const
export type GoalAction = (typeof goalActions)[number]
export const goalActionLabels: Labels<GoalAction> = {
  submit: { zh: '提交', en: 'Submit' },
  withdraw: { zh: '撤回', en: 'Withdraw' },
  return: { zh: '退回', en: 'Return' },
  dept_approve: { zh: '初审通过', en: 'Pass first review' },
  review: { zh: '财政复审', en: 'Finance review' },
  approve: { zh: '批复', en: 'Approve' },
  publish: { zh: '公开', en: 'Publish' },
}

/** Review dimensions of the 复审 (88号 §4.4). */
export const reviewDimensions = ['completeness', 'relevance', 'appropriateness', 'feasibility'] as const
export type ReviewDimension = (typeof reviewDimensions)[number]
export const reviewDimensionLabels: Labels<ReviewDimension> = {
  completeness: { zh: '完整性', en: 'Completeness' },
  relevance: { zh: '相关性', en: 'Relevance' },
  appropriateness: { zh: '适当性', en: 'Appropriateness' },
  feasibility: { zh: '可行性', en: 'Feasibility' },
}

export const reviewStages = ['dept', 'finance', 'expert'] as const
export type ReviewStage = (typeof reviewStages)[number]

/** One indicator row of a goal, as the editor, the API and the 申报表 carry it. */
export interface GoalIndicatorInput {
  level1: string
  level2: string
  name: string
  /** The library row (one revision) it was picked from; null for an individual indicator written by the unit. */
  indicatorId: string | null
  nature: IndicatorNature
  /** 年度指标值 as written: "95", "≥95%", "2026年12月31日前", "效果明显". */
  target: string
  unit: string
  /** 中期（实施期）指标值, where the goal has one. */
  mediumTermTarget: string | null
  /** 权重/分值, decimal string; null where the jurisdiction does not weight goal indicators. */
  weight: string | null
  valueBasis: ValueBasis
  scoringRule: string
}

/** The content of a goal: what a unit writes and a reviewer reads. */
export interface GoalContent {
  name: string
  overallTarget: string
  mediumTermTarget: string
  annualTarget: string
  indicators: GoalIndicatorInput[]
}

/** Which actions are possible from which status (who may take them is `goalActionPermission` plus scope). */
export const goalTransitions: Record<GoalAction, { from: readonly GoalStatus[] }> = {
  submit: { from: ['draft', 'returned'] },
  withdraw: { from: ['submitted'] },
  return: { from: ['submitted', 'dept_approved'] },
  dept_approve: { from: ['submitted'] },
  review: { from: ['dept_approved'] },
  // From 'submitted' only by a department approving a 二级 project goal (goalApproverOf); finance from 'dept_approved'.
  approve: { from: ['submitted', 'dept_approved'] },
  publish: { from: ['approved'] },
}

export function canTakeGoalAction(action: GoalAction, status: GoalStatus): boolean {
  return goalTransitions[action].from.includes(status)
}

/**
 * Where a grade leaves the goal (88号, REFERENCE §4.4): 优 (proceed) stays with finance for 批复; every other grade
 * sends it back to the unit — 良 for the edits agreed with the reviewer (修改完善), 中 to revise and go through
 * review again, 差 blocked from the budget.
 */
export function statusAfterGrade(consequence: ReviewConsequence): GoalStatus {
  return consequence === 'proceed' ? 'dept_approved' : 'returned'
}

/**
 * Where a submission goes. 良 means "reviewer and unit improve the goal by consultation, then it proceeds": the
 * unit makes the agreed edits and the goal comes straight back to finance for 批复, without a new 初审 — unlike 中,
 * which "re-submits for review through the normal procedure". A department's own goal has had its 初审.
 */
export function statusOnSubmit(goal: { unitCode: string | null }, gradeConsequence: ReviewConsequence | null): GoalStatus {
  if (gradeConsequence === 'proceed_after_edits') return 'dept_approved'
  return goal.unitCode ? 'submitted' : 'dept_approved'
}

/**
 * 良 is approved only after the agreed edits (修改完善后): the unit must have submitted the goal again since it was
 * last graded. `actions` are the goal's opinion actions, oldest first.
 */
export function editsMadeSinceGrade(actions: readonly string[]): boolean {
  const graded = actions.lastIndexOf('review')
  return graded >= 0 && actions.indexOf('submit', graded + 1) > graded
}

export type GoalApprover = 'department' | 'finance'

/**
 * Who approves a goal (REFERENCE §4.4, "谁批复预算，谁批复目标"). Finance: 部门整体支出 and policy goals, and the goals
 * of major projects — those needing an ex-ante assessment, the projects finance itself weighs (§3.1). The project
 * library holds units' projects, i.e. 二级项目 (一级项目 are the headings they are budgeted under), so a unit's other
 * project goals are the department's to approve when the rule set says so.
 */
export function goalApproverOf(
  goal: { kind: GoalKind; unitCode: string | null },
  project: { isMajorNew: boolean; amountTotal: string } | null,
  rules: Pick<RuleSet, 'goalApproval' | 'exAnte'>,
): GoalApprover {
  const level2 = goal.kind === 'project' && goal.unitCode !== null && project !== null && !needsExAnte(project, rules)
  return level2 && rules.goalApproval.departmentApprovesLevel2ProjectGoals ? 'department' : 'finance'
}

export interface GoalReviewInput {
  grade: Grade
  dimensions: Partial<Record<ReviewDimension, string>>
  opinion: string
}

/** One finding of the quality check (智能审核). Errors block submission; warnings go to the reviewer. */
export interface GoalFinding {
  /** Stable code, e.g. REQUIRED_LEVEL1_MISSING. */
  code: string
  severity: 'error' | 'warning'
  /** The rule it enforces: "§13.20", "规则集 requiredLevel1", "88号 细化量化". */
  rule: string
  /** Where: "overallTarget", "indicators.3.target", "indicators". */
  path: string
  zh: string
  en: string
}

/** Targets similar approved goals set for one library indicator: how a unit sees an unusually low or high target. */
export interface PeerTargets {
  indicatorCode: string
  count: number
  /** In `unit` (the base unit of the normalized value). */
  unit: string
  median: string
  min: string
  max: string
}

export interface GoalIndicatorView extends GoalIndicatorInput {
  id: string
  indicatorCode: string | null
  /** The library revision the row was picked from. */
  indicatorRevision: number | null
}

export interface GoalOpinionView {
  id: string
  round: number
  stage: ReviewStage | 'unit'
  action: string
  grade: Grade | null
  dimensions: Partial<Record<ReviewDimension, string>>
  opinion: string
  actorName: string | null
  orgName: string | null
  createdAt: string
}

/** A goal as the API returns it. */
export interface GoalView extends Omit<GoalContent, 'indicators'> {
  id: string
  lineageId: string
  revision: number
  kind: GoalKind
  projectId: string | null
  projectCode: string | null
  projectName: string | null
  fiscalYear: number
  jurisdictionCode: string
  departmentCode: string
  departmentName: string
  unitCode: string | null
  unitName: string | null
  frameworkCode: string
  status: GoalStatus
  reviewRound: number
  financeGrade: Grade | null
  adjustmentReason: string | null
  basedOnId: string | null
  quality: GoalFinding[]
  submittedAt: string | null
  approvedAt: string | null
  publishedAt: string | null
  inForceFrom: string | null
  inForceTo: string | null
  version: number
  createdAt: string
  updatedAt: string
  indicators: GoalIndicatorView[]
}
