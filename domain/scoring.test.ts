import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { nationalRules as rules } from './rule-set.ts'
import { gradeOf, qualitativeRange, scoreExecution, scoreIndicator } from './scoring.ts'

describe('grades (REFERENCE §13.2)', () => {
  test.each([
    ['90.00', '优'],
    ['89.99', '良'],
    ['80.00', '良'],
    ['60.00', '中'],
    ['59.99', '差'],
    ['100', '优'],
    ['0', '差'],
  ])('%s → %s', (total, grade) => {
    expect(gradeOf(total, rules).value).toBe(grade)
  })

  test('a district with 85/75/60 bands grades by its own rule', () => {
    expect(gradeOf('86', { ...rules, gradeBands: { excellent: 85, good: 75, pass: 60 } }).value).toBe('优')
  })
})

describe('budget execution (§13.6–8)', () => {
  test('132.912 of 202.64 → 65.59% → 6.56 of 10, and a reason is required', () => {
    const result = scoreExecution({ budget: '202.64', executed: '132.912', weight: 10 }, rules)
    expect(result.value).toEqual({ ratePercent: '65.59', score: '6.56', reasonRequired: true })
    expect(result.formula).toContain('65.59%')
  })

  test('a zero budget is a zero rate; spending over budget scores the full weight', () => {
    expect(scoreExecution({ budget: 0, executed: 5, weight: 10 }, rules).value.score).toBe('0.00')
    expect(scoreExecution({ budget: 100, executed: 120, weight: 10 }, rules).value).toMatchObject({ score: '10.00', reasonRequired: false })
  })
})

describe('quantitative indicators (§13.9–12)', () => {
  test('positive: target 50, actual 40, weight 8 → 6.40', () => {
    expect(scoreIndicator({ nature: '>=', target: 50, actual: 40, weight: 8 }, rules).value).toEqual({ score: '6.40', deviationReasonRequired: true })
  })

  test('reverse: target 90, actual 99, weight 8 → 7.20; at twice the target → 0', () => {
    expect(scoreIndicator({ nature: '<=', target: 90, actual: 99, weight: 8 }, rules).value.score).toBe('7.20')
    expect(scoreIndicator({ nature: '<=', target: 90, actual: 180, weight: 8 }, rules).value.score).toBe('0.00')
    expect(scoreIndicator({ nature: '<=', target: 90, actual: 99, weight: 8 }, { ...rules, reverseFormula: 'target_over_actual' }).value.score).toBe('7.27')
  })

  test('"= 0": met when the actual is 0, otherwise nothing', () => {
    expect(scoreIndicator({ nature: '=', target: 0, actual: 0, weight: 5 }, rules).value.score).toBe('5.00')
    expect(scoreIndicator({ nature: '=', target: 0, actual: 1, weight: 5 }, rules).value.score).toBe('0.00')
  })

  test('over-achievement at 130% of the target needs a reason but keeps the weight', () => {
    expect(scoreIndicator({ nature: '>=', target: 100, actual: 130, weight: 10 }, rules).value).toEqual({ score: '10.00', deviationReasonRequired: true })
    expect(scoreIndicator({ nature: '>=', target: 100, actual: 129, weight: 10 }, rules).value.deviationReasonRequired).toBe(false)
  })

  const amounts = fc.double({ min: 0, max: 1e6, noNaN: true })
  const natures = fc.constantFrom('>=', '>', '=', '<=', '<' as const)

  test('a score is never above its weight nor below 0', () => {
    fc.assert(
      fc.property(natures, amounts, amounts, fc.integer({ min: 0, max: 100 }), (nature, target, actual, weight) => {
        const score = Number(scoreIndicator({ nature, target, actual, weight }, rules).value.score)
        return score >= 0 && score <= weight
      }),
    )
  })

  test('for positive indicators the score never falls as the actual rises', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 1e6, noNaN: true }), amounts, amounts, (target, a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a]
        const score = (actual: number) => Number(scoreIndicator({ nature: '>=', target, actual, weight: 10 }, rules).value.score)
        return score(low) <= score(high)
      }),
    )
  })
})

describe('qualitative indicators (§13.17–18)', () => {
  test('80/60 bands by default, 80/50 where a rule set says so', () => {
    expect(qualitativeRange('达成年度指标', 10, rules)).toEqual({ low: '8.00', high: '10.00', highExclusive: false })
    expect(qualitativeRange('部分达成年度指标并具有一定效果', 10, rules)).toEqual({ low: '6.00', high: '8.00', highExclusive: true })
    expect(qualitativeRange('未达成年度指标且效果较差', 10, { ...rules, qualitativeBands: { achieved: 0.8, partial: 0.5 } })).toEqual({ low: '0.00', high: '5.00', highExclusive: true })
  })
})
