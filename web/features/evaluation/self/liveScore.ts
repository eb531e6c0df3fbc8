import type { RuleSet } from '../../../../domain/rule-set'
import { scoreSelfEvaluation, type SelfEvalInput, type SelfEvalResult } from '../../../../domain/self-evaluation'
import type { SelfFormDetail } from './self.types'

/** What the editor holds for one indicator (the form's own fields, indicators[i].…). */
export interface IndicatorValues {
  id: string
  actual: string | null
  applicable: boolean
  score: string | null
  overrideReason: string | null
  deviationReason: string | null
}

export interface SelfFormValues {
  executed: string
  executionReason: string | null
  overallActual: string
  problems: string
  measures: string
  indicators: IndicatorValues[]
}

const blankToNull = (v: string | null | undefined) => (v === undefined || v === null || String(v).trim() === '' ? null : String(v).trim())

export const valuesOf = (f: SelfFormDetail): SelfFormValues => ({
  executed: f.funds.executed,
  executionReason: f.funds.executionReason,
  overallActual: f.overallActual,
  problems: f.problems,
  measures: f.measures,
  indicators: f.indicators.map((ind) => ({
    id: ind.id,
    actual: ind.actual,
    applicable: ind.applicable,
    score: ind.overridden ? ind.score : null,
    overrideReason: ind.overrideReason,
    deviationReason: ind.deviationReason,
  })),
})

/** The form as typed, in the shape the API's PUT takes. */
export function changesOf(values: SelfFormValues) {
  return {
    executed: String(values.executed ?? '').replace(/[,，\s]/g, '') || undefined,
    executionReason: blankToNull(values.executionReason),
    overallActual: values.overallActual ?? '',
    problems: values.problems ?? '',
    measures: values.measures ?? '',
    indicators: (values.indicators ?? []).map((i) => ({
      id: i.id,
      actual: blankToNull(i.actual),
      applicable: i.applicable !== false,
      score: blankToNull(i.score),
      overrideReason: blankToNull(i.overrideReason),
      deviationReason: blankToNull(i.deviationReason),
    })),
  }
}

/**
 * The 自评表 scored in the browser as the unit types — through the same domain function the server uses
 * (`scoreSelfEvaluation`), so the unit sees the proposals, bounds, total, grade and what still blocks a submit.
 */
export function liveScore(f: SelfFormDetail, values: Partial<SelfFormValues> | undefined, rules: RuleSet): SelfEvalResult {
  const typed = values?.indicators ?? []
  const executed = String(values?.executed ?? f.funds.executed).replace(/[,，\s]/g, '')
  const input: SelfEvalInput = {
    budget: f.funds.budget,
    executed: /^\d+(\.\d+)?$/.test(executed) ? executed : f.funds.executed,
    executionWeight: f.funds.weight,
    executionReason: values ? blankToNull(values.executionReason) : f.funds.executionReason,
    indicators: f.indicators.map((ind, i) => {
      const v = typed[i]
      return {
        name: ind.name,
        level1: ind.level1,
        nature: ind.nature,
        target: ind.target,
        unit: ind.unit,
        weight: ind.weight,
        actual: v ? blankToNull(v.actual) : ind.actual,
        applicable: v ? v.applicable !== false : ind.applicable,
        score: v ? blankToNull(v.score) : ind.overridden ? ind.score : null,
        overrideReason: v ? blankToNull(v.overrideReason) : ind.overrideReason,
        deviationReason: v ? blankToNull(v.deviationReason) : ind.deviationReason,
      }
    }),
  }
  return scoreSelfEvaluation(input, rules)
}
