import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { nationalRules as rules } from './rule-set.ts'
import { gradeOf, qualitativeRange, scoreExecution, scoreIndicator, totalScore } from './scoring.ts'

const amounts = fc.double({ min: 0, max: 1e6, noNaN: true })
const natures = fc.constantFrom('>=', '>', '=', '<=', '<' as const)

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

describe('totals (§13.1, §13.3)', () => {
  // A self-evaluation table: execution 10, and indicators whose weights split the other 90 points.
  const table = fc.record({
    budget: fc.double({ min: 0, max: 1e7, noNaN: true }),
    executed: fc.double({ min: 0, max: 1e7, noNaN: true }),
    indicators: fc.array(fc.record({ nature: natures, target: amounts, actual: amounts, share: fc.integer({ min: 1, max: 20 }) }), { minLength: 1, maxLength: 12 }),
  })

  test('the total of a table whose weights sum to 100 stays within 0–100 and always has a grade', () => {
    fc.assert(
      fc.property(table, ({ budget, executed, indicators }) => {
        const shares = indicators.reduce((n, i) => n + i.share, 0)
        // Weights in whole hundredths summing to exactly 90: the last one takes the rounding remainder.
        const weights = indicators.map((i) => Math.floor((i.share / shares) * 9000) / 100)
        weights[weights.length - 1] = Math.round((90 - weights.slice(0, -1).reduce((a, b) => a + b, 0)) * 100) / 100
        const scores = [
          scoreExecution({ budget, executed, weight: 10 }, rules).value.score,
          ...indicators.map((i, k) => scoreIndicator({ ...i, weight: weights[k]! }, rules).value.score),
        ]
        const total = Number(totalScore(scores))
        return total >= 0 && total <= 100 && ['优', '良', '中', '差'].includes(gradeOf(total, rules).value)
      }),
    )
  })

  test('a full table scores 100.00; one cent short of 90 is 良', () => {
    expect(totalScore(['10.00', '50.00', '30.00', '10.00'])).toBe('100.00')
    expect(totalScore(['6.56', '45.00', '28.44', '9.99'])).toBe('89.99')
    expect(gradeOf(totalScore(['6.56', '45.00', '28.44', '9.99']), rules).value).toBe('良')
  })
})

describe('qualitative indicators (§13.17–18)', () => {
  test('80/60 bands by default, 80/50 where a rule set says so', () => {
    expect(qualitativeRange('达成年度指标', 10, rules)).toEqual({ low: '8.00', high: '10.00', highExclusive: false })
    expect(qualitativeRange('部分达成年度指标并具有一定效果', 10, rules)).toEqual({ low: '6.00', high: '8.00', highExclusive: true })
    expect(qualitativeRange('未达成年度指标且效果较差', 10, { ...rules, qualitativeBands: { achieved: 0.8, partial: 0.5 } })).toEqual({ low: '0.00', high: '5.00', highExclusive: true })
  })
})
