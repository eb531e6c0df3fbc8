import { describe, expect, test } from 'vitest'
import { executionRate, type FormIndicatorFill, formLights, forecastStrays, indicatorLightOf, submitProblems } from './monitoring-form.ts'
import { nationalRules as rules } from './rule-set.ts'

const indicator = (overrides: Partial<FormIndicatorFill> = {}): FormIndicatorFill => ({
  level2: '数量指标',
  name: '培训人次',
  nature: '>=',
  target: '120',
  unit: '人次',
  progress: '40',
  likelihood: 'certain',
  causeCategory: null,
  deviationAnalysis: '',
  measures: '',
  ...overrides,
})
const paths = (problems: { path: string }[]) => problems.map((p) => p.path)

describe('rule 29: a form needs both the money and the goals', () => {
  test('a complete form has no problems', () => {
    expect(submitProblems({ unitForecast: '100.00' }, [indicator()], rules)).toEqual([])
  })

  test('without the unit’s full-year estimate the funds block is incomplete', () => {
    const problems = submitProblems({ unitForecast: null }, [indicator()], rules)
    expect(paths(problems)).toEqual(['unitForecast'])
    expect(problems[0]!.zh).toContain('全年预计执行数')
  })

  test('without indicators (no goal in force) the indicator block is missing', () => {
    expect(paths(submitProblems({ unitForecast: '1.00' }, [], rules))).toEqual(['indicators'])
  })

  test('each indicator needs its progress and its likelihood, named by position', () => {
    const problems = submitProblems({ unitForecast: '1.00' }, [indicator(), indicator({ progress: ' ', likelihood: null })], rules)
    expect(paths(problems)).toEqual(['indicators.1.progress', 'indicators.1.likelihood'])
    expect(problems[0]!.zh).toContain('第 2 个指标“培训人次”')
  })

  test('progress must be readable: a number for quantitative, a verdict for qualitative', () => {
    const problems = submitProblems({ unitForecast: '1.00' }, [indicator({ progress: '四十' }), indicator({ nature: 'qualitative', progress: '还行' })], rules)
    expect(paths(problems)).toEqual(['indicators.0.progress', 'indicators.1.progress'])
  })
})

describe('rule 31: 有可能 / 不可能 need the cause, the analysis and the measures', () => {
  test.each(['possible', 'impossible'] as const)('%s without reasons names each missing field', (likelihood) => {
    const problems = submitProblems({ unitForecast: '1.00' }, [indicator({ likelihood })], rules)
    expect(paths(problems)).toEqual(['indicators.0.causeCategory', 'indicators.0.deviationAnalysis', 'indicators.0.measures'])
  })

  test('不可能 with its reasons is complete; blanks do not count as reasons', () => {
    const filled = indicator({ likelihood: 'impossible', causeCategory: 'funding', deviationAnalysis: '资金未到位', measures: '协调财政尽快拨付' })
    expect(submitProblems({ unitForecast: '1.00' }, [filled], rules)).toEqual([])
    expect(paths(submitProblems({ unitForecast: '1.00' }, [{ ...filled, measures: '   ' }], rules))).toEqual(['indicators.0.measures'])
  })

  test('确定能 needs no reasons', () => {
    expect(submitProblems({ unitForecast: '1.00' }, [indicator({ likelihood: 'certain' })], rules)).toEqual([])
  })
})

describe('an indicator’s light from its target and progress', () => {
  test('REFERENCE’s example: target 120, m = 6, actual 40 → 66.67 → 黄', () => {
    const light = indicatorLightOf(indicator(), 6, rules)
    expect(light?.value).toBe('yellow')
    expect(light?.formula).toContain('66.67')
  })

  test('a target written with its sign and unit ("≥95%") is read as a number', () => {
    expect(indicatorLightOf(indicator({ target: '≥95%', unit: '%', progress: '95' }), 12, rules)?.value).toBe('green')
  })

  test('reverse: within the ceiling 绿, above it 红', () => {
    expect(indicatorLightOf(indicator({ nature: '<=', target: '30', unit: '天', progress: '25' }), 6, rules)?.value).toBe('green')
    expect(indicatorLightOf(indicator({ nature: '<=', target: '30', unit: '天', progress: '31' }), 6, rules)?.value).toBe('red')
  })

  test('qualitative: 达成 绿, 部分达成 黄, 未达成 红', () => {
    const q = (progress: string) => indicatorLightOf(indicator({ nature: 'qualitative', target: '2026年11月30日前', unit: '', progress }), 6, rules)?.value
    expect([q('达成'), q('部分达成'), q('未达成')]).toEqual(['green', 'yellow', 'red'])
  })

  test('not lit while there is no readable progress or no number in the target', () => {
    expect(indicatorLightOf(indicator({ progress: null }), 6, rules)).toBeNull()
    expect(indicatorLightOf(indicator({ progress: 'abc' }), 6, rules)).toBeNull()
    expect(indicatorLightOf(indicator({ target: '较上年提升' }), 6, rules)).toBeNull()
  })
})

describe('the form’s lights', () => {
  test('budget light from 调整后预算数 and the project light is the worst indicator', () => {
    const lights = formLights(
      { cutoffMonth: 6, budgetAdjusted: '1000000.00', executed: '300000.00' },
      [indicator({ progress: '80' }), indicator({ progress: '30' }), indicator({ progress: null })],
      rules,
    )
    // 执行率 30%; time progress 50% → ratio 60 → 黄
    expect(lights.executionRate).toBe('30.00')
    expect(lights.budget.value).toBe('yellow')
    expect(lights.indicators.map((l) => l?.value ?? null)).toEqual(['blue', 'red', null])
    expect(lights.project.value).toBe('red')
    expect(lights.project.formula).toContain('红 1 个')
  })

  test('no indicator lit: no project light', () => {
    expect(formLights({ cutoffMonth: 6, budgetAdjusted: '0', executed: '0' }, [], rules).project.value).toBeNull()
  })

  test('execution rate: two places, 0 on a zero budget', () => {
    expect(executionRate('300', '100')).toBe('33.33')
    expect(executionRate('0', '100')).toBe('0.00')
  })
})

test('the unit’s estimate is flagged beyond the margin of the budget', () => {
  expect(forecastStrays({ unitForecast: '900', systemForecast: '600', budget: '1000' }, 20)).toBe(true)
  expect(forecastStrays({ unitForecast: '800', systemForecast: '600', budget: '1000' }, 20)).toBe(false)
  expect(forecastStrays({ unitForecast: null, systemForecast: '600', budget: '1000' }, 20)).toBe(false)
})
