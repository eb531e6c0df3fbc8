import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { budgetLight, indicatorLight, lightRank, lights, projectLight, type Light } from './lights.ts'
import { nationalRules as rules, type RuleSet } from './rule-set.ts'

const shanxi: RuleSet = { ...rules, timeProportionalScope: 'shanxi' }

describe('positive indicators by time progress (REFERENCE §13.32)', () => {
  test('worked example: target 120, m = 6, actual 40 → standard 60 → ratio 66.67 → 黄', () => {
    const result = indicatorLight({ nature: '>=', target: 120, actual: 40, month: 6 }, rules)
    expect(result.value).toBe('yellow')
    expect(result.formula).toBe('进度标准 = 120 × 6/12 = 60.00；完成比 = 40 / 60.00 × 100 = 66.67 → 黄')
    expect(result.rule).toContain('[60,80) 黄')
  })

  // Target 100 at m = 12: the ratio is the actual itself.
  test.each([
    ['0', 'red'],
    ['59.99', 'red'],
    ['60', 'yellow'],
    ['79.99', 'yellow'],
    ['80', 'green'],
    ['119.99', 'green'],
    ['120', 'blue'],
    ['500', 'blue'],
  ])('ratio %s → %s', (actual, light) => {
    expect(indicatorLight({ nature: '>=', target: 100, actual, month: 12 }, rules).value).toBe(light)
  })

  test('the ratio is banded as shown, rounded to two places: 59.995 shows 60.00 and is 黄', () => {
    const result = indicatorLight({ nature: '>=', target: 100, actual: '59.995', month: 12 }, rules)
    expect(result).toMatchObject({ value: 'yellow', formula: expect.stringContaining('= 60.00 → 黄') })
  })

  test('">" and "=" with a non-zero target are lit like "≥"', () => {
    expect(indicatorLight({ nature: '>', target: 120, actual: 40, month: 6 }, rules).value).toBe('yellow')
    expect(indicatorLight({ nature: '=', target: 120, actual: 50, month: 6 }, rules).value).toBe('green')
  })

  test('a rule set with other bands lights by its own', () => {
    const own: RuleSet = { ...rules, monitoringLights: { yellowFrom: 50, greenFrom: 70, blueFrom: 150 } }
    expect(indicatorLight({ nature: '>=', target: 100, actual: 55, month: 12 }, own).value).toBe('yellow')
    expect(indicatorLight({ nature: '>=', target: 100, actual: 130, month: 12 }, own).value).toBe('green')
  })
})

describe('reverse, "= 0" and qualitative indicators (§13.33–34)', () => {
  test('"≤": at the target is 绿, above it 红; "<": at the target is already 红', () => {
    expect(indicatorLight({ nature: '<=', target: 30, actual: 30, month: 7 }, rules).value).toBe('green')
    expect(indicatorLight({ nature: '<=', target: 30, actual: '30.01', month: 7 }, rules).value).toBe('red')
    expect(indicatorLight({ nature: '<', target: 30, actual: 29, month: 7 }, rules).value).toBe('green')
    const strict = indicatorLight({ nature: '<', target: 30, actual: 30, month: 7 }, rules)
    expect(strict).toMatchObject({ value: 'red', formula: '实际 30 不满足 < 目标 30 → 红' })
  })

  test('reverse indicators are not time-proportional: 25 of ≤30 is 绿 in January too', () => {
    expect(indicatorLight({ nature: '<=', target: 30, actual: 25, month: 1 }, rules).value).toBe('green')
  })

  test('"= 0" (零事故): 0 is 绿, 1 is 红', () => {
    expect(indicatorLight({ nature: '=', target: 0, actual: 0, month: 6 }, rules).value).toBe('green')
    expect(indicatorLight({ nature: '=', target: 0, actual: 1, month: 6 }, rules)).toMatchObject({ value: 'red', formula: '实际 1 不满足 ≤ 目标 0 → 红' })
  })

  test.each([
    ['达成年度指标', 'green'],
    ['部分达成年度指标并具有一定效果', 'yellow'],
    ['未达成年度指标且效果较差', 'red'],
  ] as const)('qualitative %s → %s', (qualitative, light) => {
    expect(indicatorLight({ nature: 'qualitative', qualitative, month: 6 }, rules).value).toBe(light)
  })

  test.each([
    ['达成预期指标', 'green'],
    ['部分达成预期指标', 'yellow'],
    ['未达成预期指标', 'red'],
  ] as const)('the local label %s → %s, through the rule set (issue 10, point 16)', (qualitative, light) => {
    expect(indicatorLight({ nature: 'qualitative', qualitative, month: 6 }, rules)).toMatchObject({ value: light, formula: expect.stringContaining(qualitative) })
  })

  test('an unknown label gets no light: refused, not 红', () => {
    expect(() => indicatorLight({ nature: 'qualitative', qualitative: '基本达成', month: 6 }, rules)).toThrow(RangeError)
  })

  test('missing inputs and months outside 1–12 are refused', () => {
    expect(() => indicatorLight({ nature: 'qualitative', month: 6 }, rules)).toThrow(TypeError)
    expect(() => indicatorLight({ nature: '>=', target: 10, month: 6 }, rules)).toThrow(TypeError)
    for (const month of [0, 13, 6.5, Number.NaN]) {
      expect(() => indicatorLight({ nature: '>=', target: 10, actual: 5, month }, rules)).toThrow(RangeError)
      expect(() => budgetLight({ budget: 10, executed: 5, month }, rules)).toThrow(RangeError)
    }
  })
})

describe('the 山西 variant (§5.3)', () => {
  test('数量 and 效益/满意度 indicators stay time-proportional', () => {
    for (const level2 of ['数量指标', '社会效益指标', '服务对象满意度指标']) {
      expect(indicatorLight({ nature: '>=', target: 120, actual: 40, month: 6, level2 }, shanxi).value).toBe('yellow')
    }
  })

  test('质量/时效/成本 indicators are 绿 within the target and 红 outside it, whatever the month', () => {
    expect(indicatorLight({ nature: '>=', target: 95, actual: 96, month: 3, level2: '质量指标' }, shanxi).value).toBe('green')
    expect(indicatorLight({ nature: '>=', target: 95, actual: 94, month: 12, level2: '质量指标' }, shanxi)).toMatchObject({
      value: 'red',
      rule: expect.stringContaining('山西口径'),
    })
    expect(indicatorLight({ nature: '=', target: 100, actual: 100, month: 6, level2: '时效指标' }, shanxi).value).toBe('green')
    expect(indicatorLight({ nature: '<=', target: 90, actual: 91, month: 6, level2: '成本指标' }, shanxi).value).toBe('red')
  })

  test('the national scope lights a 质量 indicator by time progress', () => {
    expect(indicatorLight({ nature: '>=', target: 95, actual: 94, month: 12, level2: '质量指标' }, rules).value).toBe('green')
  })
})

describe('budget execution light (§13.35)', () => {
  test.each([
    [50, 'red', '25.00%', '50.00'],
    [70, 'yellow', '35.00%', '70.00'],
    [90, 'green', '45.00%', '90.00'],
  ])('budget 200, executed %s at m = 6 → %s', (executed, light, rate, ratio) => {
    const result = budgetLight({ budget: 200, executed, month: 6 }, rules)
    expect(result.value).toBe(light)
    expect(result.formula).toContain(`= ${rate}`)
    expect(result.formula).toContain(`比值 = ${ratio}`)
  })

  test('boundaries at m = 12: 59.99 红, 60 黄, 79.99 黄, 80 绿; a zero budget is 红', () => {
    const at = (executed: string) => budgetLight({ budget: 100, executed, month: 12 }, rules).value
    expect([at('59.99'), at('60'), at('79.99'), at('80'), at('130')]).toEqual(['red', 'yellow', 'yellow', 'green', 'green'])
    expect(budgetLight({ budget: 0, executed: 10, month: 6 }, rules).value).toBe('red')
  })
})

describe('project light (§13.36)', () => {
  test('the worst light wins, 红 > 黄 > 绿 > 蓝, and the counts are named', () => {
    expect(projectLight(['green', 'blue', 'yellow', 'green'])).toMatchObject({ value: 'yellow', formula: '红 0 个，黄 1 个，绿 2 个，蓝 1 个 → 黄' })
    expect(projectLight(['blue', 'red']).value).toBe('red')
    expect(projectLight(['blue', 'green']).value).toBe('green')
    expect(projectLight(['blue']).value).toBe('blue')
  })

  test('no indicators, no light', () => {
    expect(projectLight([]).value).toBeNull()
  })
})

describe('properties', () => {
  const amount = fc.integer({ min: 0, max: 10_000_000 }).map((cents) => (cents / 100).toFixed(2))
  const month = fc.integer({ min: 1, max: 12 })

  test('a positive indicator never lights worse as the actual grows', () => {
    const positive = fc.constantFrom('>=' as const, '>' as const, '=' as const)
    const target = fc.integer({ min: 1, max: 10_000_000 }).map((cents) => (cents / 100).toFixed(2))
    fc.assert(
      fc.property(positive, target, amount, amount, month, fc.boolean(), (nature, t, a, b, m, inShanxi) => {
        const [low, high] = Number(a) <= Number(b) ? [a, b] : [b, a]
        const light = (actual: string) => lightRank(indicatorLight({ nature, target: t, actual, month: m, level2: '质量指标' }, inShanxi ? shanxi : rules).value)
        return light(low) <= light(high)
      }),
    )
  })

  test('the budget light never worsens as spending grows', () => {
    fc.assert(
      fc.property(amount, amount, amount, month, (budget, a, b, m) => {
        const [low, high] = Number(a) <= Number(b) ? [a, b] : [b, a]
        const light = (executed: string) => lightRank(budgetLight({ budget, executed, month: m }, rules).value)
        return light(low) <= light(high)
      }),
    )
  })

  test('the project light is one of its indicators’ lights and no better than any of them', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...lights), { minLength: 1 }), (all: Light[]) => {
        const worst = projectLight(all).value!
        return all.includes(worst) && all.every((light) => lightRank(worst) <= lightRank(light))
      }),
    )
  })
})
