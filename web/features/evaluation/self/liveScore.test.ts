import { describe, expect, test } from 'vitest'
import { nationalRules } from '../../../../domain/rule-set'
import { changesOf, liveScore, valuesOf } from './liveScore'
import type { SelfFormDetail } from './self.types'

const indicator = (over: Partial<SelfFormDetail['indicators'][number]>): SelfFormDetail['indicators'][number] => ({
  id: crypto.randomUUID(),
  position: 0,
  level1: '产出指标',
  level2: '数量指标',
  name: '培训人次',
  nature: '>=',
  target: '≥500人次',
  unit: '人次',
  weight: '50.00',
  actual: null,
  applicable: true,
  proposedScore: null,
  explanation: null,
  bound: null,
  score: null,
  overridden: false,
  overrideReason: null,
  deviationReason: null,
  deviationReasonRequired: false,
  ...over,
})

const form = {
  funds: { initialBudget: '100.00', budget: '100.00', executed: '95.00', executionRate: '95.00', weight: '10.00', score: '9.50', reasonRequired: false, executionReason: null },
  indicators: [indicator({}), indicator({ name: '满意度', level1: '满意度指标', target: '≥90%', unit: '%', weight: '40.00' })],
} as unknown as SelfFormDetail

describe('the 自评表 scored live in the browser', () => {
  test('an under-achieved indicator asks for its reason; with it the total and grade follow', () => {
    const values = valuesOf(form)
    values.indicators[0]!.actual = '400'
    values.indicators[1]!.actual = '95'
    const missing = liveScore(form, values, nationalRules)
    expect(missing.problems.map((p) => p.path)).toEqual(['indicators.0.deviationReason'])
    expect(missing.indicators[0]!.proposed?.value).toBe('40.00')
    values.indicators[0]!.deviationReason = '下半年停课'
    const ok = liveScore(form, values, nationalRules)
    expect(ok.problems).toEqual([])
    expect(ok.total?.value).toBe('89.50')
    expect(ok.grade?.value).toBe('良')
    expect(changesOf(values).indicators[0]).toMatchObject({ actual: '400', score: null, deviationReason: '下半年停课' })
  })
})
