import { describe, expect, it } from 'vitest'
import { applyOverrides } from '../../../domain/rule-set-resolve'
import { nationalRules } from '../../../domain/rule-set'
import { type TrialInput, calculateTrial, defaultMonth, fromIndicatorValue, readDecimal, trialExamples } from './trialCalc'

const blank: TrialInput = { nature: '>=', target: '', actual: '', weight: '10', month: 7, budget: '', executed: '', executionWeight: '10' }
const example = (key: string) => trialExamples.find((e) => e.key === key)!.values
const run = (values: Partial<TrialInput>, rules = nationalRules) => calculateTrial({ ...blank, ...values }, rules)

describe('the trial calculation', () => {
  it('scores the worked examples of the reference', () => {
    expect(run(example('positive')).indicator?.score?.value.score).toBe('6.40')
    expect(run(example('reverse')).indicator?.score?.value.score).toBe('7.20')
    expect(run(example('light')).indicator?.light?.value).toBe('yellow')
    const execution = run(example('execution')).execution
    expect(execution?.score.value).toMatchObject({ ratePercent: '65.59', score: '6.56', reasonRequired: true })
    expect(execution?.light?.value).toBe('green') // 65.59% against 58.33% of the year: ratio 112
  })

  it('uses the rule set it is given (南山区 scores reverse indicators by target / actual)', () => {
    const nanshan = applyOverrides(nationalRules, { reverseFormula: 'target_over_actual' })
    const result = run(example('reverse'), nanshan)
    expect(result.indicator?.score?.value.score).toBe('7.27')
    expect(result.usedPaths).toContain('reverseFormula')
  })

  it('names the rules each figure used', () => {
    const paths = run({ ...example('light'), ...example('execution') }).usedPaths
    expect(paths).toEqual(expect.arrayContaining(['overAchievementRatio', 'monitoringLights.greenFrom', 'executionReasonBelow', 'budgetLights.yellowFrom']))
    expect(paths).not.toContain('reverseFormula')
  })

  it('checks a qualitative score against its grade range and lights the verdict', () => {
    const partial = run({ nature: 'qualitative', qualitative: '部分达成年度指标并具有一定效果', weight: '10', qualitativeScore: '8' })
    expect(partial.indicator?.range).toMatchObject({ low: '6.00', high: '8.00', highExclusive: true })
    expect(partial.indicator?.scoreAllowed).toBe(false)
    expect(partial.indicator?.light?.value).toBe('yellow')
    expect(run({ nature: 'qualitative', qualitative: '达成年度指标', qualitativeScore: '8' }).indicator?.scoreAllowed).toBe(true)
    expect(partial.usedPaths).toContain('qualitativeBands.partial')
    expect(partial.usedPaths).toContain('qualitativeLabels.partial')
  })

  it('takes the printed labels the rule set maps, and refuses others instead of scoring them 未达成 (issue 10, point 16)', () => {
    const local = run({ nature: 'qualitative', qualitative: '部分达成预期指标', weight: '10', qualitativeScore: '7' })
    expect(local.errors.qualitative).toBeUndefined()
    expect(local.indicator?.range).toMatchObject({ level: '部分达成年度指标并具有一定效果', low: '6.00', high: '8.00' })
    expect(local.indicator?.scoreAllowed).toBe(true)
    const unknown = run({ nature: 'qualitative', qualitative: '基本达成', weight: '10', qualitativeScore: '1' })
    expect(unknown.errors).toMatchObject({ qualitative: 'unknownLabel' })
    expect(unknown.indicator).toBeUndefined()
  })

  it('reports bad inputs instead of throwing', () => {
    const result = run({ target: 'abc', actual: '', month: 13 })
    expect(result.errors).toMatchObject({ target: 'number', actual: 'required', month: 'month' })
    expect(result.indicator).toBeUndefined()
    expect(run({ target: '-1', actual: '3' }).errors.target).toBe('negative')
  })

  it('reads typed decimals and pasted indicator values', () => {
    expect(readDecimal('1,234.5')?.toString()).toBe('1234.5')
    expect(readDecimal('12a')).toBeNull()
    expect(fromIndicatorValue('≥95%')).toEqual({ nature: '>=', target: '95', unit: '%' })
    expect(fromIndicatorValue('≤30天')).toEqual({ nature: '<=', target: '30', unit: '天' })
    expect(fromIndicatorValue('较上年提升')?.nature).toBe('qualitative')
    expect(fromIndicatorValue(' ')).toBeNull()
  })

  it('defaults the month to the first cut-off month', () => {
    expect(defaultMonth(nationalRules)).toBe(7)
    expect(defaultMonth(applyOverrides(nationalRules, { monitoringCutoffMonths: [9, 6] }))).toBe(6)
  })
})
