import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { nationalRules as rules } from './rule-set.ts'
import { parseIndicatorValue } from './indicator-value.ts'
import { gradeOf, qualitativeLevelOf, qualitativeRange, scoreExecution, scoreIndicator, totalScore } from './scoring.ts'

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

describe('a cost target written as a plain number (issue 10, point 15)', () => {
  test('"5万元" 成本 reads as ≤ 5万元, and overspending loses points', () => {
    const target = parseIndicatorValue('5万元', { name: '项目总成本', level2: '成本指标' })
    if (target.kind !== 'quantitative') throw new Error('not a number')
    expect(target.nature).toBe('<=')
    const score = (actual: number) => scoreIndicator({ nature: target.nature, target: target.value, actual, weight: 10 }, rules).value.score
    expect(score(5)).toBe('10.00')
    expect(score(4)).toBe('10.00')
    expect(score(6)).toBe('8.00')
    expect(score(10)).toBe('0.00')
    // Read as "=" (the old reading) 6万元 would have scored the full 10 and 10万元 too.
    expect(scoreIndicator({ nature: '=', target: 5, actual: 10, weight: 10 }, rules).value.score).toBe('10.00')
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

  test('10 + 50 + 30 + 10 + 8 = 108 is refused, never "108.00" graded 优 (issue 10, point 13)', () => {
    expect(() => totalScore(['10', '50', '30', '10', '8'])).toThrow(RangeError)
    expect(() => totalScore(['10', '50', '30', '10', '8'])).toThrow('= 108.00，超过满分 100')
    expect(() => gradeOf('108', rules)).toThrow(RangeError)
    expect(() => gradeOf('-1', rules)).toThrow(RangeError)
    expect(() => totalScore(['10', '-1'])).toThrow(RangeError)
  })

  test('whatever the scores, a total is never above 100: refused instead', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 200, noNaN: true }), { maxLength: 20 }), (scores) => {
        try {
          const total = Number(totalScore(scores))
          return total >= 0 && total <= 100 && ['优', '良', '中', '差'].includes(gradeOf(total, rules).value)
        } catch (error) {
          return error instanceof RangeError && scores.reduce((a, b) => a + b, 0) > 99.99
        }
      }),
    )
  })

  test('whatever the weights and inputs, scoring a table never totals above 100', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ nature: natures, target: amounts, actual: amounts, weight: fc.integer({ min: 0, max: 60 }) }), { minLength: 1, maxLength: 8 }),
        (indicators) => {
          const scores = indicators.map((i) => scoreIndicator(i, rules).value.score)
          try {
            return Number(totalScore(scores)) <= 100
          } catch (error) {
            return error instanceof RangeError && indicators.reduce((n, i) => n + i.weight, 0) > 100
          }
        },
      ),
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
    expect(qualitativeRange('达成年度指标', 10, rules)).toMatchObject({ low: '8.00', high: '10.00', highExclusive: false })
    expect(qualitativeRange('部分达成年度指标并具有一定效果', 10, rules)).toMatchObject({ low: '6.00', high: '8.00', highExclusive: true })
    expect(qualitativeRange('未达成年度指标且效果较差', 10, { ...rules, qualitativeBands: { achieved: 0.8, partial: 0.5 } })).toMatchObject({ low: '0.00', high: '5.00', highExclusive: true })
  })

  test.each([
    ['达成预期指标', '达成年度指标', '8.00'],
    ['部分达成预期指标', '部分达成年度指标并具有一定效果', '6.00'],
    ['未达成预期指标', '未达成年度指标且效果较差', '0.00'],
    ['达成目标', '达成年度指标', '8.00'],
    ['部分达成目标并具有一定效果', '部分达成年度指标并具有一定效果', '6.00'],
    ['未达成目标且效果较差', '未达成年度指标且效果较差', '0.00'],
    [' 达成 预期指标 ', '达成年度指标', '8.00'],
  ])('the printed label %s is %s (issue 10, point 16)', (label, level, low) => {
    expect(qualitativeLevelOf(label, rules)).toBe(level)
    expect(qualitativeRange(label, 10, rules)).toMatchObject({ level, low })
  })

  test('an unknown label is refused with the labels the rule set knows, never scored as 未达成', () => {
    expect(qualitativeLevelOf('基本达成', rules)).toBeNull()
    expect(() => qualitativeRange('基本达成', 10, rules)).toThrow(RangeError)
    expect(() => qualitativeRange('基本达成', 10, rules)).toThrow('“基本达成”不是规则集认可的表述')
    expect(() => qualitativeRange('', 10, rules)).toThrow(RangeError)
  })

  test('a jurisdiction maps its own wording through the rule set', () => {
    const local = { ...rules, qualitativeLabels: { ...rules.qualitativeLabels, partial: [...rules.qualitativeLabels.partial, '基本达成'] } }
    expect(qualitativeRange('基本达成', 10, local)).toMatchObject({ level: '部分达成年度指标并具有一定效果', low: '6.00' })
  })
})
