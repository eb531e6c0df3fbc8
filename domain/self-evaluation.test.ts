import { describe, expect, test } from 'vitest'
import { nationalRules, type RuleSet } from './rule-set.ts'
import { defaultWeights, type SelfEvalIndicatorInput, type SelfEvalInput, scoreSelfEvaluation } from './self-evaluation.ts'

/** The 自评表 scored as a whole: REFERENCE §6.4 and §13.1–19 worked examples. */
const rules = nationalRules
const withRescale: RuleSet = { ...rules, evaluation: { ...rules.evaluation, rescaleNotApplicable: true } }

const ind = (over: Partial<SelfEvalIndicatorInput>): SelfEvalIndicatorInput => ({
  name: '培训人次', level1: '产出指标', nature: '>=', target: '50', unit: '人次', weight: '50', actual: '50', applicable: true, score: null, overrideReason: null, deviationReason: null, ...over,
})
const form = (indicators: SelfEvalIndicatorInput[], over: Partial<SelfEvalInput> = {}): SelfEvalInput => ({ budget: '100.00', executed: '100.00', executionWeight: '10', executionReason: null, indicators, ...over })
const full = [ind({}), ind({ name: '合格率', level1: '效益指标', target: '95', unit: '%', actual: '96', weight: '30' }), ind({ name: '满意度', level1: '满意度指标', target: '90', unit: '%', actual: '90', weight: '10' })]

describe('execution (rules 6–8)', () => {
  test('132.912 / 202.64 → 65.59 % → 6.56 of 10, and a reason is required below 90 %', () => {
    const result = scoreSelfEvaluation(form(full, { budget: '202.64', executed: '132.912' }), rules)
    expect(result.execution.value).toEqual({ ratePercent: '65.59', score: '6.56', reasonRequired: true })
    expect(result.problems.map((p) => p.path)).toEqual(['executionReason'])
    expect(scoreSelfEvaluation(form(full, { budget: '202.64', executed: '132.912', executionReason: '项目延期' }), rules).problems).toEqual([])
  })

  test('over-executed is capped at the weight; a budget of 0 gives rate 0', () => {
    expect(scoreSelfEvaluation(form(full, { executed: '150.00' }), rules).execution.value.score).toBe('10.00')
    expect(scoreSelfEvaluation(form(full, { budget: '0', executed: '0' }), rules).execution.value).toMatchObject({ ratePercent: '0.00', score: '0.00' })
  })
})

/** Problems of the indicators only (a one-indicator form's weights do not add up to 100). */
const indicatorProblems = (input: SelfEvalInput, r: RuleSet = rules) => scoreSelfEvaluation(input, r).problems.filter((p) => p.path.startsWith('indicators'))

describe('indicators (rules 9–14, 17–19)', () => {
  test('positive: target 50, actual 40, weight 8 → 6.40, with the reason required (under-achieved)', () => {
    const result = scoreSelfEvaluation(form([ind({ weight: '8', actual: '40' })]), rules)
    expect(result.indicators[0]!.proposed!.value).toBe('6.40')
    expect(result.indicators[0]!.deviationReasonRequired).toBe(true)
    expect(result.problems.map((p) => p.path)).toContain('indicators.0.deviationReason')
  })

  test('reverse FASP2: target 90, actual 99, weight 8 → 7.20; the local target/actual variant by rule set', () => {
    const reverse = ind({ nature: '<=', target: '90', unit: '天', actual: '99', weight: '8' })
    expect(scoreSelfEvaluation(form([reverse]), rules).indicators[0]!.proposed!.value).toBe('7.20')
    expect(scoreSelfEvaluation(form([reverse]), { ...rules, reverseFormula: 'target_over_actual' }).indicators[0]!.proposed!.value).toBe('7.27')
  })

  test('"= 0": actual 0 → full, actual 1 → 0', () => {
    expect(scoreSelfEvaluation(form([ind({ nature: '=', target: '0', actual: '0', weight: '5' })]), rules).indicators[0]!.proposed!.value).toBe('5.00')
    expect(scoreSelfEvaluation(form([ind({ nature: '=', target: '0', actual: '1', weight: '5' })]), rules).indicators[0]!.proposed!.value).toBe('0.00')
  })

  test('over-achievement ≥ 130 % keeps the weight but needs the reason (rule 13); a target with its sign and unit is read', () => {
    const result = scoreSelfEvaluation(form([ind({ target: '≥500人次', actual: '650', weight: '8' })]), rules)
    expect(result.indicators[0]).toMatchObject({ proposed: { value: '8.00' }, deviationReasonRequired: true })
    expect(scoreSelfEvaluation(form([ind({ target: '≥500人次', actual: '640', weight: '8' })]), rules).indicators[0]!.deviationReasonRequired).toBe(false)
  })

  test('qualitative: an unknown verdict is refused; each tier proposes within its range and bounds an override', () => {
    const q = (actual: string, score: string | null = null) => ind({ nature: 'qualitative', target: '按期完成', unit: '', actual, weight: '10', score, overrideReason: score ? '酌情' : null, deviationReason: '原因' })
    expect(indicatorProblems(form([q('差不多')]))[0]).toMatchObject({ path: 'indicators.0.actual' })
    expect(scoreSelfEvaluation(form([q('达成年度指标')]), rules).indicators[0]!.proposed!.value).toBe('10.00')
    expect(scoreSelfEvaluation(form([q('部分达成')]), rules).indicators[0]).toMatchObject({ proposed: { value: '7.00' }, bound: { low: '6.00', high: '8.00', highExclusive: true } })
    expect(indicatorProblems(form([q('部分达成', '8.00')]))[0]).toMatchObject({ path: 'indicators.0.score' })
    expect(scoreSelfEvaluation(form([q('部分达成', '7.99')]), rules).indicators[0]).toMatchObject({ score: '7.99', overridden: true })
    expect(indicatorProblems(form([q('未达成', '6.00')]))[0]!.zh).toContain('[0.00, 6.00)')
  })

  test('an override of a quantitative score: within [0, proposal] with a reason kept beside the proposal; above it refused', () => {
    const met = ind({ weight: '50', actual: '50', score: '45', overrideReason: null, deviationReason: '指标值设置偏低' })
    const missingReason = scoreSelfEvaluation(form([met]), rules)
    expect(missingReason.problems.map((p) => p.path)).toContain('indicators.0.overrideReason')
    const kept = scoreSelfEvaluation(form([{ ...met, overrideReason: '按实际效果酌减' }]), rules).indicators[0]!
    expect(kept).toMatchObject({ proposed: { value: '50.00' }, score: '45.00', overridden: true })
    const above = indicatorProblems(form([ind({ weight: '8', actual: '40', score: '7', overrideReason: 'x', deviationReason: 'y' })]))
    expect(above[0]).toMatchObject({ path: 'indicators.0.score' })
    expect(above[0]!.zh).toContain('[0.00, 6.40]')
  })
})

describe('total and grade (rules 1–4, 16)', () => {
  test('all met → 100 优; boundaries 90.00 优, 89.99 良, 80.00 良, 60.00 中, 59.99 差', () => {
    expect(scoreSelfEvaluation(form(full), rules)).toMatchObject({ total: { value: '100.00' }, grade: { value: '优' }, problems: [] })
    const graded = (actual: string) => scoreSelfEvaluation(form([ind({ target: '10000', actual, weight: '90', deviationReason: 'x' })]), rules)
    expect([graded('8889'), graded('8888'), graded('7778'), graded('5556'), graded('5554')].map((r) => [r.total!.value, r.grade!.value])).toEqual([
      ['90.00', '优'], ['89.99', '良'], ['80.00', '良'], ['60.00', '中'], ['59.99', '差'],
    ])
  })

  test('weights that do not add up to 100 are a problem and give no total', () => {
    const result = scoreSelfEvaluation(form([ind({ weight: '80' })]), rules)
    expect(result.problems.map((p) => p.path)).toEqual(['weights'])
    expect(result.total).toBeNull()
  })

  test('not applicable: refused by default; with rule 16 on, dropped and the rest rescaled to 100', () => {
    const indicators = [ind({ weight: '40' }), ind({ name: '新增', weight: '10', applicable: false, actual: null }), ind({ name: '效益', level1: '效益指标', weight: '40', actual: '25', deviationReason: 'x' })]
    expect(scoreSelfEvaluation(form(indicators), rules).problems.map((p) => p.path)).toContain('indicators.1.applicable')
    const rescaled = scoreSelfEvaluation(form(indicators), withRescale)
    // 10 + 40 + 40 × 25 / 50 = 70 of 90 → 70 × 100 / 90 = 77.78 → 中
    expect(rescaled.total).toMatchObject({ value: '77.78' })
    expect(rescaled.total!.formula).toContain('/ 90.00')
    expect(rescaled.grade!.value).toBe('中')
  })

  test('一级 weights off the rule set split warn, not block (rule 5)', () => {
    const result = scoreSelfEvaluation(form([ind({ weight: '60' }), ind({ name: '效益', level1: '效益指标', weight: '30' })]), rules)
    expect(result.problems).toEqual([])
    expect(result.warnings.map((w) => w.zh)).toContain('产出指标分值合计 60.00，规则集规定为 50')
  })
})

describe('default weights', () => {
  test('the split 10/50/30/10 divided evenly, adding up to 100', () => {
    const { executionWeight, weights } = defaultWeights([{ level1: '产出指标', weight: null }, { level1: '产出指标', weight: null }, { level1: '产出指标', weight: null }, { level1: '效益指标', weight: null }, { level1: '满意度指标', weight: null }], rules)
    expect(executionWeight).toBe('10.00')
    expect(weights).toEqual(['16.66', '16.66', '16.68', '30.00', '10.00'])
  })

  test('a goal without 满意度 shares the 90 in proportion; weights the goal carries are kept when they add up', () => {
    expect(defaultWeights([{ level1: '产出指标', weight: null }, { level1: '效益指标', weight: null }], rules).weights).toEqual(['56.25', '33.75'])
    expect(defaultWeights([{ level1: '产出指标', weight: '70' }, { level1: '效益指标', weight: '20' }], rules).weights).toEqual(['70.00', '20.00'])
  })
})
