import { describe, expect, test } from 'vitest'
import { isKnownLevel1, level1WeightPart, missingLevel1, normalizeLevel1 } from './level1.ts'
import { nationalRules, type RuleSet } from './rule-set.ts'

describe('一级 names: one normalisation for the quality check, the budget gate and the weights (issue 10, point 14)', () => {
  test.each([
    ['产出', '产出指标'],
    ['产出指标', '产出指标'],
    [' 产出 指标 ', '产出指标'],
    ['产出指标(50分)', '产出指标'],
    ['产出指标（50分）', '产出指标'],
    ['效益', '效益指标'],
    ['效果指标', '效益指标'],
    ['项目效益指标', '效益指标'],
    ['预期产出指标', '产出指标'],
    ['项目完成指标', '产出指标'],
    ['满意度', '满意度指标'],
    ['服务对象满意度指标', '满意度指标'],
    ['成本指标', '成本指标'],
    ['实施效果指标', '实施效果指标'],
  ])('%s → %s', (name, canonical) => {
    expect(normalizeLevel1(name, nationalRules)).toBe(canonical)
  })

  test('the gate and the check agree: 产出/效益 meet the required 产出指标/效益指标', () => {
    expect(missingLevel1(['产出', '效益'], nationalRules)).toEqual([])
    expect(missingLevel1(['产出指标(50分)', '效果指标'], nationalRules)).toEqual([])
    expect(missingLevel1(['产出', '满意度'], nationalRules)).toEqual(['效益指标'])
    expect(missingLevel1([], nationalRules)).toEqual(['产出指标', '效益指标'])
  })

  test('synonyms are rule-set data: a jurisdiction adds its own', () => {
    const rules: RuleSet = { ...nationalRules, level1Synonyms: { ...nationalRules.level1Synonyms, 效益指标: ['社会效果'] } }
    expect(normalizeLevel1('社会效果', rules)).toBe('效益指标')
    expect(normalizeLevel1('效果指标', rules)).toBe('效果指标')
    expect(isKnownLevel1('效果指标', rules)).toBe(false)
  })

  test('weight parts: 成本指标 as a 一级 draws on 产出 (10号 puts cost under 产出)', () => {
    expect(level1WeightPart('成本指标', nationalRules)).toBe('output')
    expect(level1WeightPart('效果指标', nationalRules)).toBe('effect')
    expect(level1WeightPart('满意度', nationalRules)).toBe('satisfaction')
    expect(level1WeightPart('决策', nationalRules)).toBeNull()
  })
})
