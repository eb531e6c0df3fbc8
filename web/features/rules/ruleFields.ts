import { canonicalLevel1, grades, type CanonicalLevel1, type Grade } from '../../../domain/rule-set'

/**
 * The rule-set page's catalogue: every leaf of a RuleSet (domain/rule-set.ts), grouped into rows (what one label,
 * one source tag and one 恢复继承 button cover) and rows into cards. A test holds it to `ruleSetPaths`, so a rule
 * added to the domain without a place on the page fails.
 */

export type LeafKind =
  /** A plain number. */
  | 'number'
  /** Stored as a ratio (0.8), shown and typed as a percentage (80). */
  | 'percent'
  | 'select'
  | 'boolean'
  /** Monitoring cut-off months, 1–12. */
  | 'months'
  /** 元 as a decimal string. */
  | 'money'
  /** Free list of names (required 一级 indicators). */
  | 'tags'
  /** A framework code, chosen from /api/frameworks. */
  | 'framework'
  /** Free text, e.g. the 项目编码 pattern. */
  | 'text'

export interface LeafOption {
  value: string
  labelKey: string
}

export interface RuleLeaf {
  path: string
  kind: LeafKind
  /** Label of the leaf inside a row of several; a one-leaf row uses the row's label. */
  labelKey?: string
  labelParams?: Record<string, string>
  options?: LeafOption[]
  min?: number
  max?: number
  step?: number
  /** i18n key of the unit shown after the value. */
  unitKey?: string
  /** Values a 'tags' leaf offers to pick (others may be typed). */
  suggestions?: readonly string[]
  /** The tags are 一级/二级 names: shown in the current language (labels.levels) where they are the national ones. */
  levelNames?: boolean
}

export interface RuleRow {
  /** Path prefix of the row's leaves ('gradeBands', 'gradeBudgetProposals.中'); problems at or below it show here. */
  key: string
  labelKey: string
  labelParams?: Record<string, string>
  hintKey?: string
  leaves: RuleLeaf[]
}

export interface RuleCard {
  key: string
  titleKey: string
  rows: RuleRow[]
}

/** i18n key part of each grade: 优 excellent, 良 good, 中 pass, 差 fail. */
export const gradeKeys: Record<Grade, string> = { 优: 'excellent', 良: 'good', 中: 'pass', 差: 'fail' }

const options = (set: string, values: readonly string[]): LeafOption[] =>
  values.map((value) => ({ value, labelKey: `rules.options.${set}.${value}` }))

const points = { kind: 'number', min: 0, max: 100, step: 1, unitKey: 'rules.units.points' } as const
const percent = { kind: 'percent', min: 0, max: 100, step: 5, unitKey: 'rules.units.percent' } as const
const lightBand = { kind: 'number', min: 0, max: 1000, step: 5, unitKey: 'rules.units.percent' } as const

export const reviewConsequenceOptions = options('reviewConsequence', ['proceed', 'proceed_after_edits', 'revise_and_resubmit', 'blocked'])
export const proposalActionOptions = options('proposalAction', ['priority', 'maintain', 'cut', 'cancel'])
/** 一级 names offered for 必备一级指标 (others may be typed). */
export const level1Suggestions: readonly string[] = canonicalLevel1
/** i18n key part of each canonical 一级, for the synonym lists. */
const level1Keys: Record<CanonicalLevel1, string> = { 产出指标: 'output', 效益指标: 'effect', 满意度指标: 'satisfaction', 成本指标: 'cost' }

export const ruleCards: RuleCard[] = [
  {
    key: 'scoring',
    titleKey: 'rules.cards.scoring',
    rows: [
      {
        key: 'gradeBands',
        labelKey: 'rules.fields.gradeBands',
        hintKey: 'rules.hints.gradeBands',
        leaves: (['excellent', 'good', 'pass'] as const).map((band) => ({ path: `gradeBands.${band}`, labelKey: `rules.leaves.${band}`, ...points })),
      },
      {
        key: 'reverseFormula',
        labelKey: 'rules.fields.reverseFormula',
        hintKey: 'rules.hints.reverseFormula',
        leaves: [{ path: 'reverseFormula', kind: 'select', options: options('reverseFormula', ['linear_to_double', 'target_over_actual']) }],
      },
      {
        key: 'qualitativeBands',
        labelKey: 'rules.fields.qualitativeBands',
        hintKey: 'rules.hints.qualitativeBands',
        leaves: (['achieved', 'partial'] as const).map((band) => ({ path: `qualitativeBands.${band}`, labelKey: `rules.leaves.${band}`, ...percent })),
      },
      {
        key: 'qualitativeLabels',
        labelKey: 'rules.fields.qualitativeLabels',
        hintKey: 'rules.hints.qualitativeLabels',
        leaves: (['achieved', 'partial', 'failed'] as const).map((band) => ({ path: `qualitativeLabels.${band}`, kind: 'tags', labelKey: `rules.leaves.${band}Labels` })),
      },
      {
        key: 'overAchievementRatio',
        labelKey: 'rules.fields.overAchievementRatio',
        hintKey: 'rules.hints.overAchievementRatio',
        leaves: [{ path: 'overAchievementRatio', ...percent, min: 100, max: 1000 }],
      },
      {
        key: 'executionReasonBelow',
        labelKey: 'rules.fields.executionReasonBelow',
        hintKey: 'rules.hints.executionReasonBelow',
        leaves: [{ path: 'executionReasonBelow', ...percent }],
      },
    ],
  },
  {
    key: 'weights',
    titleKey: 'rules.cards.weights',
    rows: [
      {
        key: 'selfEvaluationWeights',
        labelKey: 'rules.fields.selfEvaluationWeights',
        hintKey: 'rules.hints.selfEvaluationWeights',
        leaves: (['execution', 'output', 'effect', 'satisfaction'] as const).map((part) => ({
          path: `selfEvaluationWeights.${part}`,
          labelKey: `rules.leaves.${part}`,
          ...points,
        })),
      },
      {
        key: 'unitsMayChangeLevel1Weights',
        labelKey: 'rules.fields.unitsMayChangeLevel1Weights',
        leaves: [{ path: 'unitsMayChangeLevel1Weights', kind: 'boolean' }],
      },
    ],
  },
  {
    key: 'monitoring',
    titleKey: 'rules.cards.monitoring',
    rows: [
      {
        key: 'monitoringLights',
        labelKey: 'rules.fields.monitoringLights',
        hintKey: 'rules.hints.monitoringLights',
        leaves: (['yellowFrom', 'greenFrom', 'blueFrom'] as const).map((band) => ({ path: `monitoringLights.${band}`, labelKey: `rules.leaves.${band}`, ...lightBand })),
      },
      {
        key: 'budgetLights',
        labelKey: 'rules.fields.budgetLights',
        hintKey: 'rules.hints.budgetLights',
        leaves: (['yellowFrom', 'greenFrom'] as const).map((band) => ({ path: `budgetLights.${band}`, labelKey: `rules.leaves.${band}`, ...lightBand })),
      },
      {
        key: 'timeProportionalScope',
        labelKey: 'rules.fields.timeProportionalScope',
        hintKey: 'rules.hints.timeProportionalScope',
        leaves: [{ path: 'timeProportionalScope', kind: 'select', options: options('timeProportionalScope', ['all', 'shanxi']) }],
      },
      {
        key: 'monitoringCutoffMonths',
        labelKey: 'rules.fields.monitoringCutoffMonths',
        hintKey: 'rules.hints.monitoringCutoffMonths',
        leaves: [{ path: 'monitoringCutoffMonths', kind: 'months' }],
      },
      {
        key: 'monitoring.keyAmount',
        labelKey: 'rules.fields.keyMonitoringAmount',
        hintKey: 'rules.hints.keyMonitoringAmount',
        leaves: [{ path: 'monitoring.keyAmount', kind: 'money', unitKey: 'rules.units.yuan' }],
      },
      {
        key: 'monitoring.keyLowExecutionRatio',
        labelKey: 'rules.fields.keyLowExecutionRatio',
        hintKey: 'rules.hints.keyLowExecutionRatio',
        leaves: [{ path: 'monitoring.keyLowExecutionRatio', ...lightBand, max: 100 }],
      },
      {
        key: 'monitoring.forecastMarginPercent',
        labelKey: 'rules.fields.forecastMarginPercent',
        hintKey: 'rules.hints.forecastMarginPercent',
        leaves: [{ path: 'monitoring.forecastMarginPercent', kind: 'number', min: 1, max: 100, step: 5, unitKey: 'rules.units.percent' }],
      },
      {
        key: 'monitoring.forecastMinPeers',
        labelKey: 'rules.fields.forecastMinPeers',
        hintKey: 'rules.hints.forecastMinPeers',
        leaves: [{ path: 'monitoring.forecastMinPeers', kind: 'number', min: 1, max: 1000, step: 1 }],
      },
    ],
  },
  {
    key: 'evaluation',
    titleKey: 'rules.cards.evaluation',
    rows: [
      { key: 'evaluation.rescaleNotApplicable', labelKey: 'rules.fields.rescaleNotApplicable', hintKey: 'rules.hints.rescaleNotApplicable', leaves: [{ path: 'evaluation.rescaleNotApplicable', kind: 'boolean' }] },
      { key: 'evaluation.keyCoverageYears', labelKey: 'rules.fields.keyCoverageYears', hintKey: 'rules.hints.keyCoverageYears', leaves: [{ path: 'evaluation.keyCoverageYears', kind: 'number', min: 1, max: 10, step: 1 }] },
      { key: 'evaluation.outputEffectMinPercent', labelKey: 'rules.fields.outputEffectMinPercent', hintKey: 'rules.hints.outputEffectMinPercent', leaves: [{ path: 'evaluation.outputEffectMinPercent', kind: 'number', min: 0, max: 100, step: 5, unitKey: 'rules.units.percent' }] },
      { key: 'evaluation.agencyViolationYears', labelKey: 'rules.fields.agencyViolationYears', hintKey: 'rules.hints.agencyViolationYears', leaves: [{ path: 'evaluation.agencyViolationYears', kind: 'number', min: 0, max: 20, step: 1 }] },
      { key: 'evaluation.agencyEarlierStageConflicts', labelKey: 'rules.fields.agencyEarlierStageConflicts', hintKey: 'rules.hints.agencyEarlierStageConflicts', leaves: [{ path: 'evaluation.agencyEarlierStageConflicts', kind: 'boolean' }] },
      { key: 'evaluation.expertCooldownMonths', labelKey: 'rules.fields.expertCooldownMonths', hintKey: 'rules.hints.expertCooldownMonths', leaves: [{ path: 'evaluation.expertCooldownMonths', kind: 'number', min: 0, max: 60, step: 1 }] },
      { key: 'evaluation.spotCheckGapPoints', labelKey: 'rules.fields.spotCheckGapPoints', hintKey: 'rules.hints.spotCheckGapPoints', leaves: [{ path: 'evaluation.spotCheckGapPoints', kind: 'number', min: 1, max: 100, step: 1 }] },
    ],
  },
  {
    key: 'exAnte',
    titleKey: 'rules.cards.exAnte',
    rows: [
      {
        key: 'exAnte.majorProjectAmount',
        labelKey: 'rules.fields.majorProjectAmount',
        hintKey: 'rules.hints.majorProjectAmount',
        leaves: [{ path: 'exAnte.majorProjectAmount', kind: 'money', unitKey: 'rules.units.yuan' }],
      },
      {
        key: 'exAnte.dimensionPoints',
        labelKey: 'rules.fields.dimensionPoints',
        hintKey: 'rules.hints.dimensionPoints',
        leaves: [{ path: 'exAnte.dimensionPoints', ...points, min: 1 }],
      },
      {
        key: 'exAnte.passingConclusion',
        labelKey: 'rules.fields.passingConclusion',
        hintKey: 'rules.hints.passingConclusion',
        leaves: [{ path: 'exAnte.passingConclusion', kind: 'select', options: [{ value: '予以支持', labelKey: 'rules.options.passingConclusion.supported' }] }],
      },
    ],
  },
  {
    key: 'review',
    titleKey: 'rules.cards.review',
    rows: [
      {
        key: 'requiredLevel1',
        labelKey: 'rules.fields.requiredLevel1',
        hintKey: 'rules.hints.requiredLevel1',
        leaves: [{ path: 'requiredLevel1', kind: 'tags', suggestions: level1Suggestions, levelNames: true }],
      },
      {
        key: 'level1Synonyms',
        labelKey: 'rules.fields.level1Synonyms',
        hintKey: 'rules.hints.level1Synonyms',
        leaves: canonicalLevel1.map((name) => ({ path: `level1Synonyms.${name}`, kind: 'tags', labelKey: `rules.leaves.synonymsOf.${level1Keys[name]}` })),
      },
      {
        key: 'indicatorDirection',
        labelKey: 'rules.fields.indicatorDirection',
        hintKey: 'rules.hints.indicatorDirection',
        leaves: (['lowerIsBetter', 'higherIsBetter'] as const).map((list) => ({ path: `indicatorDirection.${list}`, kind: 'tags', labelKey: `rules.leaves.${list}` })),
      },
      {
        key: 'goalApproval.departmentApprovesLevel2ProjectGoals',
        labelKey: 'rules.fields.departmentApprovesLevel2ProjectGoals',
        hintKey: 'rules.hints.departmentApprovesLevel2ProjectGoals',
        leaves: [{ path: 'goalApproval.departmentApprovesLevel2ProjectGoals', kind: 'boolean' }],
      },
      ...grades.map(
        (grade): RuleRow => ({
          key: `reviewConsequences.${grade}`,
          labelKey: 'rules.fields.reviewConsequence',
          labelParams: { grade },
          leaves: [{ path: `reviewConsequences.${grade}`, kind: 'select', options: reviewConsequenceOptions }],
        }),
      ),
    ],
  },
  {
    key: 'results',
    titleKey: 'rules.cards.results',
    rows: grades.map(
      (grade): RuleRow => ({
        key: `gradeBudgetProposals.${grade}`,
        labelKey: 'rules.fields.gradeBudgetProposal',
        labelParams: { grade },
        leaves: [
          { path: `gradeBudgetProposals.${grade}.action`, kind: 'select', labelKey: 'rules.leaves.action', options: proposalActionOptions },
          { path: `gradeBudgetProposals.${grade}.cutPercent`, labelKey: 'rules.leaves.cutPercent', ...points, unitKey: 'rules.units.percent' },
        ],
      }),
    ).concat([
      { key: 'results.unrectifiedCutPercent', labelKey: 'rules.fields.unrectifiedCutPercent', hintKey: 'rules.hints.unrectifiedCutPercent', leaves: [{ path: 'results.unrectifiedCutPercent', ...points, unitKey: 'rules.units.percent' }] },
      { key: 'results.rectifyGrades', labelKey: 'rules.fields.rectifyGrades', hintKey: 'rules.hints.rectifyGrades', leaves: [{ path: 'results.rectifyGrades', kind: 'tags', suggestions: grades }] },
      { key: 'results.rectificationDays', labelKey: 'rules.fields.rectificationDays', hintKey: 'rules.hints.rectificationDays', leaves: [{ path: 'results.rectificationDays', kind: 'number', min: 1, max: 365, step: 5, unitKey: 'rules.units.days' }] },
      {
        key: 'results.assessmentDue',
        labelKey: 'rules.fields.assessmentDue',
        hintKey: 'rules.hints.assessmentDue',
        leaves: [
          { path: 'results.assessmentDue.month', labelKey: 'rules.leaves.dueMonth', kind: 'number', min: 1, max: 12, step: 1 },
          { path: 'results.assessmentDue.day', labelKey: 'rules.leaves.dueDay', kind: 'number', min: 0, max: 31, step: 1 },
        ],
      },
      { key: 'results.escalateToFinanceDays', labelKey: 'rules.fields.escalateToFinanceDays', hintKey: 'rules.hints.escalateToFinanceDays', leaves: [{ path: 'results.escalateToFinanceDays', kind: 'number', min: 0, max: 365, step: 5, unitKey: 'rules.units.days' }] },
    ]),
  },
  {
    key: 'framework',
    titleKey: 'rules.cards.framework',
    rows: [{ key: 'frameworkCode', labelKey: 'rules.fields.frameworkCode', hintKey: 'rules.hints.frameworkCode', leaves: [{ path: 'frameworkCode', kind: 'framework' }] }],
  },
  {
    key: 'projects',
    titleKey: 'rules.cards.projects',
    rows: [{ key: 'projectCodePattern', labelKey: 'rules.fields.projectCodePattern', hintKey: 'rules.hints.projectCodePattern', leaves: [{ path: 'projectCodePattern', kind: 'text' }] }],
  },
  {
    // 信息公开 (issue 14, rule 46): the reasons a record may stay unpublished.
    key: 'disclosure',
    titleKey: 'disclosure.rules.card',
    rows: [
      { key: 'disclosure.withholdReasons', labelKey: 'disclosure.rules.withholdReasons', hintKey: 'disclosure.rules.withholdReasonsHint', leaves: [{ path: 'disclosure.withholdReasons', kind: 'tags' }] },
      { key: 'disclosure.reasonsNeedingText', labelKey: 'disclosure.rules.reasonsNeedingText', hintKey: 'disclosure.rules.reasonsNeedingTextHint', leaves: [{ path: 'disclosure.reasonsNeedingText', kind: 'tags' }] },
    ],
  },
]

export const ruleRows: RuleRow[] = ruleCards.flatMap((card) => card.rows)
export const ruleLeaves: RuleLeaf[] = ruleRows.flatMap((row) => row.leaves)

export const leafAt = (path: string): RuleLeaf | undefined => ruleLeaves.find((leaf) => leaf.path === path)
export const rowOfLeaf = (path: string): RuleRow | undefined => ruleRows.find((row) => row.leaves.some((leaf) => leaf.path === path))

/**
 * The row a problem belongs to: the one whose key is the problem's path or a prefix of it
 * ('gradeBudgetProposals.中.cutPercent' → 'gradeBudgetProposals.中'), else the first row under it.
 */
export function rowOfProblem(path: string): RuleRow | undefined {
  return (
    ruleRows.find((row) => path === row.key || path.startsWith(`${row.key}.`)) ??
    ruleRows.find((row) => row.key.startsWith(`${path}.`))
  )
}
