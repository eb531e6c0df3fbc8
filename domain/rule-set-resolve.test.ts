import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { applyOverrides, diffRules, NATIONAL_SOURCE, resolveRules, ruleSetPaths, validateOverrides, validateRuleSet, type RuleLayer } from './rule-set-resolve.ts'
import { nationalRules, type RuleSet } from './rule-set.ts'

const city: RuleLayer = {
  source: '深圳市 2026 第3版',
  overrides: { monitoringCutoffMonths: [6, 9], gradeBudgetProposals: { 中: { cutPercent: 20 } }, timeProportionalScope: 'shanxi' },
}
const district: RuleLayer = { source: '南山区 2026 第1版', overrides: { gradeBands: { excellent: 85 }, monitoringCutoffMonths: [8] } }

describe('inheritance (district ← city ← national)', () => {
  test('no layers: the national rules, every value from 全国默认', () => {
    const { rules, sourceOf } = resolveRules([])
    expect(rules).toEqual(nationalRules)
    expect(new Set(Object.values(sourceOf))).toEqual(new Set([NATIONAL_SOURCE]))
    expect(Object.keys(sourceOf).sort()).toEqual([...ruleSetPaths].sort())
  })

  test('a district override changes only its path; what it is silent on flows from the city', () => {
    const { rules, sourceOf } = resolveRules([city, district])
    expect(rules.gradeBands).toEqual({ excellent: 85, good: 80, pass: 60 })
    expect(rules.monitoringCutoffMonths).toEqual([8])
    expect(rules.timeProportionalScope).toBe('shanxi')
    expect(rules.gradeBudgetProposals.中).toEqual({ action: 'cut', cutPercent: 20 })
    expect(rules.gradeBudgetProposals.差).toEqual(nationalRules.gradeBudgetProposals.差)
    expect(sourceOf).toMatchObject({
      'gradeBands.excellent': '南山区 2026 第1版',
      'gradeBands.good': NATIONAL_SOURCE,
      monitoringCutoffMonths: '南山区 2026 第1版',
      timeProportionalScope: '深圳市 2026 第3版',
      'gradeBudgetProposals.中.cutPercent': '深圳市 2026 第3版',
      'gradeBudgetProposals.中.action': NATIONAL_SOURCE,
      reverseFormula: NATIONAL_SOURCE,
    })
  })

  test('arrays are replaced whole, never merged by index', () => {
    expect(resolveRules([{ source: 'x', overrides: { requiredLevel1: ['产出指标'] } }]).rules.requiredLevel1).toEqual(['产出指标'])
  })

  test('neither the national defaults nor the layers are changed', () => {
    const before = structuredClone(nationalRules)
    const layer = structuredClone(city)
    const { rules } = resolveRules([city])
    rules.monitoringCutoffMonths.push(12)
    rules.gradeBands.excellent = 1
    expect(nationalRules).toEqual(before)
    expect(city).toEqual(layer)
  })

  test('a layer that fails validateOverrides is refused, naming the layer', () => {
    const bad = { source: '坏数据', overrides: { gradeBands: { excellent: '90' } } } as unknown as RuleLayer
    expect(() => resolveRules([bad])).toThrow(/坏数据.*gradeBands\.excellent/)
  })
})

describe('diffRules', () => {
  test('only what differs, nested objects key by key, arrays whole', () => {
    const child = applyOverrides(nationalRules, { gradeBands: { good: 75 }, monitoringCutoffMonths: [7, 12], reviewConsequences: { 良: 'proceed' } })
    expect(diffRules(nationalRules, child)).toEqual({ gradeBands: { good: 75 }, monitoringCutoffMonths: [7, 12], reviewConsequences: { 良: 'proceed' } })
    expect(diffRules(nationalRules, nationalRules)).toEqual({})
  })

  const child = fc.record(
    {
      gradeBands: fc.record({ excellent: fc.integer({ min: 1, max: 100 }), good: fc.integer({ min: 1, max: 100 }), pass: fc.integer({ min: 1, max: 100 }) }, { requiredKeys: [] }),
      reverseFormula: fc.constantFrom('linear_to_double' as const, 'target_over_actual' as const),
      monitoringCutoffMonths: fc.uniqueArray(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 4 }),
      unitsMayChangeLevel1Weights: fc.boolean(),
      gradeBudgetProposals: fc.record({ 中: fc.record({ cutPercent: fc.integer({ min: 0, max: 100 }) }) }, { requiredKeys: [] }),
      exAnte: fc.record({ majorProjectAmount: fc.integer({ min: 0, max: 1e9 }).map((n) => `${n}.00`) }, { requiredKeys: [] }),
    },
    { requiredKeys: [] },
  )

  test('round trip: the parent plus diff(parent, child) resolves to the child, and sources only name the layer on changed paths', () => {
    fc.assert(
      fc.property(child, child, (parentOverrides, childOverrides) => {
        const parent = resolveRules([{ source: 'city', overrides: parentOverrides }]).rules
        const wanted = applyOverrides(parent, childOverrides)
        const diff = diffRules(parent, wanted)
        const { rules, sourceOf } = resolveRules([
          { source: 'city', overrides: parentOverrides },
          { source: 'district', overrides: diff },
        ])
        expect(rules).toEqual(wanted)
        expect(validateOverrides(diff)).toEqual([])
        for (const [path, source] of Object.entries(sourceOf)) {
          const leaf = (r: RuleSet) => JSON.stringify(path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], r))
          if (source === 'district') expect(leaf(parent)).not.toBe(leaf(wanted))
          else expect(leaf(parent)).toBe(leaf(wanted))
        }
      }),
    )
  })
})

describe('validateOverrides', () => {
  test('a well-formed override, and an empty one, pass', () => {
    expect(validateOverrides(city.overrides)).toEqual([])
    expect(validateOverrides({})).toEqual([])
    expect(validateOverrides(JSON.parse(JSON.stringify(district.overrides)))).toEqual([])
  })

  test('unknown keys and wrong types are named by path', () => {
    const problems = validateOverrides({
      gradeBand: { excellent: 85 },
      gradeBands: { excellent: '85', best: 99 },
      monitoringCutoffMonths: 7,
      requiredLevel1: ['产出指标', 3],
      unitsMayChangeLevel1Weights: 'yes',
      reverseFormula: 'ratio',
      reviewConsequences: { 优: 'go', 甲: 'proceed' },
      gradeBudgetProposals: { 差: { action: 'cancel', cutPercent: null } },
      exAnte: 5,
      overAchievementRatio: Number.NaN,
    }).map((p) => p.path)
    expect(problems).toEqual([
      'gradeBand',
      'gradeBands.excellent',
      'gradeBands.best',
      'monitoringCutoffMonths',
      'requiredLevel1',
      'unitsMayChangeLevel1Weights',
      'reverseFormula',
      'reviewConsequences.优',
      'reviewConsequences.甲',
      'gradeBudgetProposals.差.cutPercent',
      'exAnte',
      'overAchievementRatio',
    ])
  })

  test('the root must be an object; problems come in both languages', () => {
    expect(validateOverrides(null)).toEqual([{ path: '(根)', zh: '应为对象', en: 'must be an object' }])
    expect(validateOverrides([1])).toHaveLength(1)
    expect(validateOverrides({ timeProportionalScope: 'beijing' })).toEqual([
      { path: 'timeProportionalScope', zh: '应为 all、shanxi 之一', en: 'must be one of all, shanxi' },
    ])
  })

  test('every array default is non-empty, so its element type is known', () => {
    for (const value of Object.values(nationalRules)) if (Array.isArray(value)) expect(value.length).toBeGreaterThan(0)
  })
})

describe('validateRuleSet', () => {
  test('the national rules have no problems', () => {
    expect(validateRuleSet(nationalRules)).toEqual([])
  })

  const bad = (overrides: Partial<RuleSet>) => validateRuleSet({ ...nationalRules, ...overrides }).map((p) => p.path)

  test.each<[string, Partial<RuleSet>, string[]]>([
    ['优 below 良', { gradeBands: { excellent: 80, good: 85, pass: 60 } }, ['gradeBands']],
    ['优 above 100', { gradeBands: { excellent: 101, good: 80, pass: 60 } }, ['gradeBands']],
    ['中 at 0', { gradeBands: { excellent: 90, good: 80, pass: 0 } }, ['gradeBands']],
    ['a negative weight (still summing to 100)', { selfEvaluationWeights: { execution: -10, output: 70, effect: 30, satisfaction: 10 } }, ['selfEvaluationWeights.execution']],
    ['weights summing to 90', { selfEvaluationWeights: { execution: 10, output: 40, effect: 30, satisfaction: 10 } }, ['selfEvaluationWeights']],
    ['partial above achieved', { qualitativeBands: { achieved: 0.6, partial: 0.8 } }, ['qualitativeBands']],
    ['achieved above 1', { qualitativeBands: { achieved: 1.2, partial: 0.6 } }, ['qualitativeBands']],
    ['green below yellow', { monitoringLights: { yellowFrom: 80, greenFrom: 60, blueFrom: 120 } }, ['monitoringLights']],
    ['a yellow at 0', { monitoringLights: { yellowFrom: 0, greenFrom: 60, blueFrom: 120 } }, ['monitoringLights']],
    ['budget green equal to yellow', { budgetLights: { yellowFrom: 60, greenFrom: 60 } }, ['budgetLights']],
    ['no cut-off month', { monitoringCutoffMonths: [] }, ['monitoringCutoffMonths']],
    ['month 13 and 6.5', { monitoringCutoffMonths: [13, 6.5] }, ['monitoringCutoffMonths']],
    ['a repeated month', { monitoringCutoffMonths: [6, 6] }, ['monitoringCutoffMonths']],
    ['an over-achievement ratio of 1', { overAchievementRatio: 1 }, ['overAchievementRatio']],
    ['an execution threshold of 0', { executionReasonBelow: 0 }, ['executionReasonBelow']],
    ['an execution threshold above 1', { executionReasonBelow: 90 }, ['executionReasonBelow']],
    ['three decimals', { exAnte: { ...nationalRules.exAnte, majorProjectAmount: '100.001' } }, ['exAnte.majorProjectAmount']],
    ['a negative amount', { exAnte: { ...nationalRules.exAnte, majorProjectAmount: '-1.00' } }, ['exAnte.majorProjectAmount']],
    ['a cut of 120%', { gradeBudgetProposals: { ...nationalRules.gradeBudgetProposals, 中: { action: 'cut', cutPercent: 120 } } }, ['gradeBudgetProposals.中.cutPercent']],
    ['no required 一级', { requiredLevel1: [] }, ['requiredLevel1']],
    ['a rectification grade that is not one', { results: { ...nationalRules.results, rectifyGrades: ['中', '很差' as never] } }, ['results.rectifyGrades']],
    ['a rectification period of 0 days', { results: { ...nationalRules.results, rectificationDays: 0 } }, ['results.rectificationDays']],
    ['a further cut of 150 %', { results: { ...nationalRules.results, unrectifiedCutPercent: 150 } }, ['results.unrectifiedCutPercent']],
    ['a blank required 一级', { requiredLevel1: ['产出指标', ' '] }, ['requiredLevel1']],
    ['a verdict with no label', { qualitativeLabels: { ...nationalRules.qualitativeLabels, partial: [] } }, ['qualitativeLabels.partial']],
    ['one label in two verdicts', { qualitativeLabels: { ...nationalRules.qualitativeLabels, failed: ['达成'] } }, ['qualitativeLabels']],
    ['one synonym of two 一级', { level1Synonyms: { ...nationalRules.level1Synonyms, 产出指标: ['效果指标'] } }, ['level1Synonyms']],
    ['a word both ways', { indicatorDirection: { lowerIsBetter: ['成本'], higherIsBetter: ['成本'] } }, ['indicatorDirection']],
  ])('%s', (_, overrides, paths) => {
    expect(bad(overrides)).toEqual(paths)
  })

  test('weights sum exactly, in decimals: 12.5 + 47.5 + 30 + 10 is 100', () => {
    expect(bad({ selfEvaluationWeights: { execution: 12.5, output: 47.5, effect: 30, satisfaction: 10 } })).toEqual([])
    expect(bad({ selfEvaluationWeights: { execution: 0.1, output: 0.2, effect: 89.7, satisfaction: 10 } })).toEqual([])
  })

  test('messages come in both languages', () => {
    expect(validateRuleSet({ ...nationalRules, overAchievementRatio: 0.9 })).toEqual([
      { path: 'overAchievementRatio', zh: '超额完成比例须大于 1', en: 'The over-achievement ratio must be above 1' },
    ])
  })
})
