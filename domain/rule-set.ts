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
  /**
   * The wording real tables print for each qualitative verdict, mapped onto the three bands; a label on no list is
   * refused, never scored as 未达成. §13.17, §6.4 (local 达成预期指标 / 部分达成预期指标 / 未达成预期指标).
   */
  qualitativeLabels: { achieved: string[]; partial: string[]; failed: string[] }
}

/** The 一级 indicators every framework names (88号/10号 and 101号), the keys of `level1Synonyms`. */
export const canonicalLevel1 = ['产出指标', '效益指标', '满意度指标', '成本指标'] as const
export type CanonicalLevel1 = (typeof canonicalLevel1)[number]

export interface MonitoringRules {
  /** Projects whose annual total (元, decimal string) is at or above this are picked for 重点监控. */
  keyAmount: string
  /** Picked as low execution when the budget light's ratio (执行率 to time progress, %) is below this (太原: < 60). */
  keyLowExecutionRatio: number
  /** A unit's 全年预计执行数 further from the system's forecast than this share of the full-year budget (%) is flagged. */
  forecastMarginPercent: number
  /** Fewest prior-year similar projects a spending profile needs; with fewer the forecast falls back to a wider profile. */
  forecastMinPeers: number
}

export interface EvaluationRules {
  /** Rule 16: indicators marked not applicable drop out and the rest is rescaled to 100. Off by default. */
  rescaleNotApplicable: boolean
  /** Rule 39: years in which every key project is evaluated once (5 national; 3 in some provinces). */
  keyCoverageYears: number
  /** Rule 40: 产出 + 效益 weight below this share (%) of a key evaluation's framework warns. */
  outputEffectMinPercent: number
  /** Rule 44: a major violation within this many years blocks an agency's engagement. */
  agencyViolationYears: number
  /** Rule 44: an agency that did an earlier stage (ex-ante assessment, monitoring verification) of the same object is conflicted. */
  agencyEarlierStageConflicts: boolean
  /** An expert engaged within this many months is left out of a draw. */
  expertCooldownMonths: number
  /** A spot-check re-score this many points or more from the unit's total is flagged for the results stage. */
  spotCheckGapPoints: number
}

/** 结果应用 (REFERENCE §8, §13.42–43): rectification items and the budget's reaction to them. */
export interface ResultsRules {
  /** Days a new rectification item gives its owner unit when the raiser sets no date. */
  rectificationDays: number
  /** Days past its due date after which an open item escalates from the department to the finance bureau. */
  escalateToFinanceDays: number
  /** Evaluation grades that raise a rectification item by themselves (rule 43: 中 and 差). */
  rectifyGrades: Grade[]
  /** A further cut (%) of the next-year proposal while rectification items of the project stay open (rule 42). */
  unrectifiedCutPercent: number
  /** 考核 self-assessment due date in the year after the assessed one (rule 47: end of February); day 0 = the month's last day. */
  assessmentDue: { month: number; day: number }
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
  /** 重点监控 selection and the execution forecast of a monitoring round. §5, §13.29–37 */
  monitoring: MonitoringRules
  /** 绩效评价: self-evaluation rescaling, key-evaluation coverage and weights, agencies, experts, spot-checks. §6–7 */
  evaluation: EvaluationRules
  /** 事前绩效评估: projects at or above this total (元, decimal string) are major and need an assessment. §3.1, §13.26 */
  exAnte: { majorProjectAmount: string; dimensionPoints: number; passingConclusion: '予以支持' }
  /** 一级 indicators a goal must have before it may be budgeted. §13.20 */
  requiredLevel1: string[]
  /** Other names real tables give each 一级 (ADDENDUM B4): 效果指标 is 效益指标. "产出" and "产出指标(50分)" need no entry. */
  level1Synonyms: Record<CanonicalLevel1, string[]>
  /**
   * Words of an indicator's name (or 二级) that say which way is better, for a target written without a sign ("5万元")
   * and for the inverted-nature warning. The longest word found wins: 不合格率 over 合格率, 成本节约率 (节约率) over 成本.
   */
  indicatorDirection: { lowerIsBetter: string[]; higherIsBetter: string[] }
  /** Goal-review grade → consequence. §13.21 */
  reviewConsequences: Record<Grade, ReviewConsequence>
  /** Evaluation grade → next-year budget proposal; cutPercent applies to 'cut'. §13.42 */
  gradeBudgetProposals: Record<Grade, { action: BudgetProposalAction; cutPercent: number }>
  /** Rectification deadlines, escalation and the further cut for open items. §13.42–43 */
  results: ResultsRules
  /** The indicator framework (指标体系) goals of this jurisdiction and year use. */
  frameworkCode: string
  /**
   * Who approves (批复) a unit's project goal. 88号 (§4.4): finance approves 部门整体支出 goals, goals of projects in
   * its evaluation scope and 一级项目 goals; the department approves its units' 二级项目 goals — with this on, the
   * department's 批复 of such a goal is final. See `goalApproverOf` in goals.ts for which goals count as 二级.
   */
  goalApproval: { departmentApprovesLevel2ProjectGoals: boolean }
  /** How a 项目编码 left blank is generated (domain/project-code.ts), e.g. {jurisdictionCode}{fiscalYear}{budgetKindDigit}{seq:5}. */
  projectCodePattern: string
  /** 信息公开 (rule 46): why a record is not published, and which of those reasons need a written explanation. */
  disclosure: DisclosureRules
}

/** 信息公开 (REFERENCE §9, rule 46): the reasons a goal, self-evaluation, report or 考核 result may stay unpublished. */
export interface DisclosureRules {
  /** The reasons to choose from when a record is not published (非绩效目标公开原因). */
  withholdReasons: string[]
  /** Reasons that need a written explanation too (其他). */
  reasonsNeedingText: string[]
}

export const nationalRules: RuleSet = {
  gradeBands: { excellent: 90, good: 80, pass: 60 },
  reverseFormula: 'linear_to_double',
  qualitativeBands: { achieved: 0.8, partial: 0.6 },
  overAchievementRatio: 1.3,
  executionReasonBelow: 0.9,
  qualitativeLabels: {
    achieved: ['达成年度指标', '达成预期指标', '达成目标', '达成'],
    partial: ['部分达成年度指标并具有一定效果', '部分达成预期指标', '部分达成目标并具有一定效果', '部分达成'],
    failed: ['未达成年度指标且效果较差', '未达成预期指标', '未达成目标且效果较差', '未达成'],
  },
  selfEvaluationWeights: { execution: 10, output: 50, effect: 30, satisfaction: 10 },
  unitsMayChangeLevel1Weights: false,
  monitoringLights: { yellowFrom: 60, greenFrom: 80, blueFrom: 120 },
  budgetLights: { yellowFrom: 60, greenFrom: 80 },
  timeProportionalScope: 'all',
  monitoringCutoffMonths: [7],
  monitoring: { keyAmount: '10000000.00', keyLowExecutionRatio: 60, forecastMarginPercent: 20, forecastMinPeers: 5 },
  exAnte: { majorProjectAmount: '10000000.00', dimensionPoints: 20, passingConclusion: '予以支持' },
  evaluation: { rescaleNotApplicable: false, keyCoverageYears: 5, outputEffectMinPercent: 60, agencyViolationYears: 3, agencyEarlierStageConflicts: true, expertCooldownMonths: 6, spotCheckGapPoints: 10 },
  requiredLevel1: ['产出指标', '效益指标'],
  level1Synonyms: {
    产出指标: ['预期产出指标', '项目完成指标', '产出目标'],
    效益指标: ['效果指标', '项目效益指标', '预期效果指标', '效益目标', '效果目标'],
    满意度指标: ['服务对象满意度指标', '社会公众或服务对象满意度指标', '满意度目标'],
    成本指标: ['成本目标', '预算(或投资规模)控制指标'],
  },
  indicatorDirection: {
    lowerIsBetter: [
      '成本', '费用', '超支', '失败率', '逾期', '投诉率', '投诉量', '投诉次数', '投诉件数', '事故率', '事故数', '差错率', '错误率',
      '不合格率', '发生率', '故障率', '返工率', '违约率', '违规率', '死亡率', '损耗率', '流失率', '空置率', '误报率', '漏报率',
      '发案率', '案件数', '时限', '耗时', '用时', '响应时间', '等待时间',
    ],
    higherIsBetter: [
      '满意度', '合格率', '达标率', '覆盖率', '及时率', '完成率', '到位率', '执行率', '知晓率', '通过率', '出勤率', '利用率',
      '使用率', '节约率', '节支率', '公示率', '处置率', '办结率',
    ],
  },
  reviewConsequences: { 优: 'proceed', 良: 'proceed_after_edits', 中: 'revise_and_resubmit', 差: 'blocked' },
  gradeBudgetProposals: {
    优: { action: 'priority', cutPercent: 0 },
    良: { action: 'maintain', cutPercent: 0 },
    中: { action: 'cut', cutPercent: 10 },
    差: { action: 'cancel', cutPercent: 100 },
  },
  results: { rectificationDays: 60, escalateToFinanceDays: 30, rectifyGrades: ['中', '差'], unrectifiedCutPercent: 10, assessmentDue: { month: 2, day: 0 } },
  frameworkCode: 'legacy-88',
  goalApproval: { departmentApprovesLevel2ProjectGoals: true },
  projectCodePattern: DEFAULT_PROJECT_CODE_PATTERN,
  disclosure: { withholdReasons: ['涉密', '敏感', '涉及商业秘密', '涉及个人隐私', '不属于公开范围', '其他'], reasonsNeedingText: ['其他'] },
}
