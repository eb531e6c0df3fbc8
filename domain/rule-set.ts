import { DEFAULT_PROJECT_CODE_PATTERN } from './project-code.ts'

/**
 * A rule set: every threshold of REFERENCE §13, as data. One belongs to a jurisdiction and a fiscal year and
 * overrides only what differs from its parent (district ← city ← national); `nationalRules` are the defaults.
 */

export type Grade = '优' | '良' | '中' | '差'
export const grades: readonly Grade[] = ['优', '良', '中', '差']

/** What a goal-review grade lets happen next. §4.4, §13.21 */
export type ReviewConsequence = 'proceed' | 'proceed_after_edits' | 'revise_and_resubmit' | 'blocked'
/** What an evaluation grade proposes for next year's budget. §13.42 */
export type BudgetProposalAction = 'priority' | 'maintain' | 'cut' | 'cancel'

export interface ScoringRules {
  /** Lower bounds of 优, 良, 中 on the 100-point scale; below the last is 差. §13.2 */
  gradeBands: { excellent: number; good: number; pass: number }
  /** How a reverse (≤, <) indicator scores when missed: FASP2's linear fall to 0 at twice the target, or target/actual. §13.11 */
  reverseFormula: 'linear_to_double' | 'target_over_actual'
  /** Lower bounds, as shares of the weight, of 达成 and 部分达成 for qualitative indicators. §13.18 */
  qualitativeBands: { achieved: number; partial: number }
  /** Actual ÷ target at or above which a deviation reason is required (over-achievement). §13.13 */
  overAchievementRatio: number
  /** Execution rate below which a reason is required. §13.8 */
  executionReasonBelow: number
}

export interface RuleSet extends ScoringRules {
  /** 单位自评 一级 weights, summing to 100, and whether units may change them. §13.4–5 */
  selfEvaluationWeights: { execution: number; output: number; effect: number; satisfaction: number }
  unitsMayChangeLevel1Weights: boolean
  /** Monitoring lights for positive indicators: ratio (%) of actual to the time-proportional target. §13.32 */
  monitoringLights: { yellowFrom: number; greenFrom: number; blueFrom: number }
  /** Budget-execution lights: ratio (%) of the execution rate to the time-proportional rate. §13.35 */
  budgetLights: { yellowFrom: number; greenFrom: number }
  /** Which indicators the time-proportional light applies to; 'shanxi' = only 数量/效益/满意度, the rest in/out of range. §5.3 */
  timeProportionalScope: 'all' | 'shanxi'
  /** Months whose end is a monitoring cut-off (1–12). §13.30 */
  monitoringCutoffMonths: number[]
  /** 事前绩效评估: projects at or above this total (元, decimal string) are major and need an assessment. §3.1, §13.26 */
  exAnte: { majorProjectAmount: string; dimensionPoints: number; passingConclusion: '予以支持' }
  /** 一级 indicators a goal must have before it may be budgeted. §13.20 */
  requiredLevel1: string[]
  /** Goal-review grade → consequence. §13.21 */
  reviewConsequences: Record<Grade, ReviewConsequence>
  /** Evaluation grade → next-year budget proposal; cutPercent applies to 'cut'. §13.42 */
  gradeBudgetProposals: Record<Grade, { action: BudgetProposalAction; cutPercent: number }>
  /** The indicator framework (指标体系) goals of this jurisdiction and year use. */
  frameworkCode: string
  /** How a 项目编码 left blank is generated (domain/project-code.ts), e.g. {jurisdictionCode}{fiscalYear}{budgetKindDigit}{seq:5}. */
  projectCodePattern: string
}

export const nationalRules: RuleSet = {
  gradeBands: { excellent: 90, good: 80, pass: 60 },
  reverseFormula: 'linear_to_double',
  qualitativeBands: { achieved: 0.8, partial: 0.6 },
  overAchievementRatio: 1.3,
  executionReasonBelow: 0.9,
  selfEvaluationWeights: { execution: 10, output: 50, effect: 30, satisfaction: 10 },
  unitsMayChangeLevel1Weights: false,
  monitoringLights: { yellowFrom: 60, greenFrom: 80, blueFrom: 120 },
  budgetLights: { yellowFrom: 60, greenFrom: 80 },
  timeProportionalScope: 'all',
  monitoringCutoffMonths: [7],
  exAnte: { majorProjectAmount: '10000000.00', dimensionPoints: 20, passingConclusion: '予以支持' },
  requiredLevel1: ['产出指标', '效益指标'],
  reviewConsequences: { 优: 'proceed', 良: 'proceed_after_edits', 中: 'revise_and_resubmit', 差: 'blocked' },
  gradeBudgetProposals: {
    优: { action: 'priority', cutPercent: 0 },
    良: { action: 'maintain', cutPercent: 0 },
    中: { action: 'cut', cutPercent: 10 },
    差: { action: 'cancel', cutPercent: 100 },
  },
  frameworkCode: 'legacy-88',
  projectCodePattern: DEFAULT_PROJECT_CODE_PATTERN,
}
