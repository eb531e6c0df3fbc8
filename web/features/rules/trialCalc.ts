import Decimal from 'decimal.js'
import { type IndicatorNature } from '../../../domain/indicators'
import { parseIndicatorValue } from '../../../domain/indicator-value'
import { type Light, budgetLight, indicatorLight } from '../../../domain/lights'
import type { RuleSet } from '../../../domain/rule-set'
import {
  type ExecutionScore,
  type Explained,
  type IndicatorScore,
  qualitativeLevelOf,
  qualitativeLevels,
  qualitativeRange,
  scoreExecution,
  scoreIndicator,
} from '../../../domain/scoring'

/** The 试算 panel's glue: form text in, the domain's explained figures out. Pure, so the worked examples are tested. */

export { qualitativeLevels }

export interface TrialInput {
  nature: IndicatorNature
  target: string
  actual: string
  weight: string
  month: number | null
  unit?: string
  /** The verdict as a table prints it: any label of the rule set's `qualitativeLabels` (达成预期指标 …). */
  qualitative?: string
  qualitativeScore?: string
  budget: string
  executed: string
  executionWeight: string
}

/** Which input is wrong and why (an i18n key under rules.trial.errors). */
export type TrialErrors = Partial<Record<keyof TrialInput, string>>

export interface TrialResult {
  errors: TrialErrors
  indicator?: {
    score?: Explained<IndicatorScore>
    light?: Explained<Light>
    range?: ReturnType<typeof qualitativeRange>
    /** For a qualitative score typed in: whether the grade's range allows it. */
    scoreAllowed?: boolean
  }
  execution?: { score: Explained<ExecutionScore>; light?: Explained<Light> }
  /** Rule-set leaves the figures above depend on, for the "which rules" block. */
  usedPaths: string[]
}

/** A decimal as typed ("1,234.5", " 40 "), or null. */
export function readDecimal(text: string | undefined | null): Decimal | null {
  const cleaned = (text ?? '').replace(/[,，\s]/g, '')
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(cleaned)) return null
  return new Decimal(cleaned)
}

const isReverse = (nature: IndicatorNature) => nature === '<=' || nature === '<'

export function calculateTrial(input: TrialInput, rules: RuleSet): TrialResult {
  const errors: TrialErrors = {}
  const used = new Set<string>()
  const need = (field: keyof TrialInput, nonNegative = true): Decimal | null => {
    const value = readDecimal(input[field] as string | undefined)
    if (value === null) errors[field] = (input[field] ?? '') === '' ? 'required' : 'number'
    else if (nonNegative && value.isNegative()) errors[field] = 'negative'
    return value
  }
  const month = input.month
  const monthOk = month !== null && Number.isInteger(month) && month >= 1 && month <= 12
  if (!monthOk) errors.month = 'month'

  const result: TrialResult = { errors, usedPaths: [] }

  const weight = need('weight')
  if (input.nature === 'qualitative') {
    const label = input.qualitative?.trim() ?? ''
    if (!label) errors.qualitative = 'required'
    // A label the rule set does not map is refused, never scored as 未达成 (§13.17).
    else if (!qualitativeLevelOf(label, rules)) errors.qualitative = 'unknownLabel'
    else used.add(`qualitativeLabels.${labelBand(label, rules)}`)
    if (weight && label && !errors.qualitative) {
      const range = qualitativeRange(label, weight, rules)
      used.add('qualitativeBands.achieved').add('qualitativeBands.partial')
      const typed = (input.qualitativeScore ?? '').trim() === '' ? null : need('qualitativeScore')
      const scoreAllowed =
        typed === null
          ? undefined
          : typed.gte(range.low) && (range.highExclusive ? typed.lt(range.high) : typed.lte(range.high))
      result.indicator = {
        range,
        scoreAllowed,
        light: monthOk ? indicatorLight({ nature: 'qualitative', qualitative: label, month: month! }, rules) : undefined,
      }
    }
  } else {
    const target = need('target')
    const actual = need('actual')
    if (target && actual && weight) {
      const score = scoreIndicator({ nature: input.nature, target, actual, weight }, rules)
      if (isReverse(input.nature)) used.add('reverseFormula')
      else used.add('overAchievementRatio')
      let light: Explained<Light> | undefined
      if (monthOk) {
        light = indicatorLight({ nature: input.nature, target, actual, month: month! }, rules)
        if (!isReverse(input.nature) && !target.isZero()) {
          used.add('monitoringLights.yellowFrom').add('monitoringLights.greenFrom').add('monitoringLights.blueFrom')
        }
      }
      result.indicator = { score, light }
    }
  }

  const budget = need('budget')
  const executed = need('executed')
  const executionWeight = need('executionWeight')
  if (budget && executed && executionWeight) {
    const score = scoreExecution({ budget: budget.toString(), executed: executed.toString(), weight: executionWeight.toString() }, rules)
    used.add('executionReasonBelow')
    if (monthOk) used.add('budgetLights.yellowFrom').add('budgetLights.greenFrom')
    result.execution = { score, light: monthOk ? budgetLight({ budget, executed, month: month! }, rules) : undefined }
  }
  result.usedPaths = [...used]
  return result
}

const bands = ['achieved', 'partial', 'failed'] as const
const labelBand = (label: string, rules: RuleSet) => bands[qualitativeLevels.indexOf(qualitativeLevelOf(label, rules)!)]!

/** The verdict labels the rule set knows, grouped by band (达成 / 部分达成 / 未达成), for the 试算 form. */
export const qualitativeLabelGroups = (rules: RuleSet) => bands.map((band) => ({ band, labels: rules.qualitativeLabels[band] }))

/** What pasting "≥95%" fills in: nature, target and unit; text and deadlines make the indicator qualitative. */
export function fromIndicatorValue(text: string): Pick<TrialInput, 'nature' | 'target' | 'unit'> | null {
  if (text.trim() === '') return null
  const parsed = parseIndicatorValue(text)
  if (parsed.kind === 'quantitative') return { nature: parsed.nature, target: parsed.value, unit: parsed.unit }
  return { nature: 'qualitative', target: '', unit: '' }
}

/** The first cut-off month of the rules: the default monitoring month. */
export const defaultMonth = (rules: RuleSet) => [...rules.monitoringCutoffMonths].sort((a, b) => a - b)[0] ?? 12

export interface TrialExample {
  key: string
  values: Partial<TrialInput>
}

/** The worked examples of REFERENCE §13 (7, 9, 11, 32), as quick-fill buttons. */
export const trialExamples: TrialExample[] = [
  { key: 'positive', values: { nature: '>=', target: '50', actual: '40', weight: '8', unit: '' } },
  { key: 'reverse', values: { nature: '<=', target: '90', actual: '99', weight: '8', unit: '' } },
  { key: 'light', values: { nature: '>=', target: '120', actual: '40', weight: '10', month: 6, unit: '' } },
  { key: 'execution', values: { budget: '202.64', executed: '132.912', executionWeight: '10' } },
]
