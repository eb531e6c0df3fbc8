import { describe, expect, it } from 'vitest'
import { applyOverrides, ruleSetPaths } from '../../../domain/rule-set-resolve'
import { nationalRules } from '../../../domain/rule-set'
import {
  checkForm,
  emptyLeaves,
  flattenOverrides,
  formatLeafValue,
  fromFormValues,
  getAt,
  layerSourceLabel,
  leafLabel,
  originOf,
  overridesOf,
  problemsByRow,
  sameOverrides,
  toFormValues,
} from './ruleForm'
import { ruleLeaves, rowOfProblem } from './ruleFields'
import type { RuleSetView } from './rules.types'
import i18n from '../../i18n'

const shenzhen = applyOverrides(nationalRules, { monitoringCutoffMonths: [6, 9], exAnte: { majorProjectAmount: '5000000.00' } })
const view = {
  jurisdiction: { code: '440305', name: '南山区' },
  fiscalYear: 2026,
  layers: [
    { jurisdictionCode: '440300', fiscalYear: 2026, revision: 1, source: '深圳市 2026年 第1版', overrides: {} },
    { jurisdictionCode: '440305', fiscalYear: 2026, revision: 2, source: '南山区 2026年 第2版', overrides: {} },
  ],
  inherited: { rules: shenzhen, sourceOf: {} },
  effective: {
    rules: applyOverrides(shenzhen, { reverseFormula: 'target_over_actual' }),
    sourceOf: { reverseFormula: '南山区 2026年 第2版', monitoringCutoffMonths: '深圳市 2026年 第1版', gradeBands: '全国默认' },
  },
} satisfies Pick<RuleSetView, 'jurisdiction' | 'fiscalYear' | 'layers' | 'inherited' | 'effective'>

const t = (key: string, params?: Record<string, unknown>) => (params ? `${key}${JSON.stringify(params)}` : key)

describe('the rule-set catalogue', () => {
  it('places every rule of the domain exactly once', () => {
    expect(ruleLeaves.map((leaf) => leaf.path).sort()).toEqual([...ruleSetPaths].sort())
  })

  it('puts a problem on the row that holds its path', () => {
    expect(rowOfProblem('gradeBands')?.key).toBe('gradeBands')
    expect(rowOfProblem('selfEvaluationWeights.output')?.key).toBe('selfEvaluationWeights')
    expect(rowOfProblem('gradeBudgetProposals.中.cutPercent')?.key).toBe('gradeBudgetProposals.中')
    expect(rowOfProblem('exAnte')?.key).toBe('exAnte.majorProjectAmount')
  })
})

describe('the rule-set form', () => {
  it('round-trips a rule set, showing ratios as percentages and money grouped', () => {
    const values = toFormValues(shenzhen)
    expect(getAt(values, 'qualitativeBands.achieved')).toBe(80)
    expect(getAt(values, 'overAchievementRatio')).toBe(130)
    expect(getAt(values, 'exAnte.majorProjectAmount')).toBe('5,000,000.00')
    expect(fromFormValues(values)).toEqual(shenzhen)
  })

  it('saves only what differs from the inherited rules', () => {
    const values = toFormValues(view.effective.rules)
    expect(overridesOf(view, values)).toEqual({ reverseFormula: 'target_over_actual' })
    const edited = { ...values, executionReasonBelow: 85, monitoringCutoffMonths: [9, 6], exAnte: { ...(values.exAnte as object), majorProjectAmount: '3,000,000' } }
    expect(overridesOf(view, edited)).toEqual({ reverseFormula: 'target_over_actual', executionReasonBelow: 0.85, exAnte: { majorProjectAmount: '3000000.00' } })
    // Resetting a row to the inherited value drops it from the overrides.
    expect(overridesOf(view, toFormValues(view.inherited.rules))).toEqual({})
  })

  it('checks the rules as the server will, by row, in the chosen language', () => {
    const values = toFormValues(nationalRules)
    const bad = { ...values, gradeBands: { excellent: 70, good: 80, pass: 60 }, selfEvaluationWeights: { execution: 10, output: 50, effect: 30, satisfaction: 20 } }
    const rows = problemsByRow(checkForm(bad, 'zh'))
    expect(rows.gradeBands).toEqual(['等级分数线须满足 0 < 中 < 良 < 优 ≤ 100'])
    expect(rows.selfEvaluationWeights?.[0]).toContain('合计须为 100')
    expect(checkForm(bad, 'en')[0]?.message).toMatch(/^Grade bands/)
    const money = { ...values, exAnte: { ...(values.exAnte as object), majorProjectAmount: '5百万' } }
    expect(Object.keys(problemsByRow(checkForm(money, 'zh')))).toEqual(['exAnte.majorProjectAmount'])
  })

  it('waits for empty fields before checking the whole', () => {
    const values = { ...toFormValues(nationalRules), gradeBands: { excellent: null, good: 80, pass: 60 } }
    expect(emptyLeaves(values)).toEqual(['gradeBands.excellent'])
    expect(checkForm(values, 'zh')).toEqual([])
  })

  it('tells own values from inherited ones', () => {
    expect(originOf(view, 'reverseFormula')).toEqual({ kind: 'own' })
    expect(originOf(view, 'monitoringCutoffMonths')).toEqual({ kind: 'inherited', source: '深圳市 2026年 第1版' })
    expect(originOf(view, 'gradeBands')).toEqual({ kind: 'national' })
  })
})

describe('overrides as readable lines', () => {
  it('flattens nested overrides in page order and compares them whatever the key order', () => {
    const overrides = { exAnte: { majorProjectAmount: '5000000.00' }, monitoringCutoffMonths: [6, 9], gradeBudgetProposals: { 中: { cutPercent: 20 } } }
    expect(flattenOverrides(overrides).map((line) => line.path)).toEqual(['monitoringCutoffMonths', 'exAnte.majorProjectAmount', 'gradeBudgetProposals.中.cutPercent'])
    expect(sameOverrides(overrides, { monitoringCutoffMonths: [6, 9], gradeBudgetProposals: { 中: { cutPercent: 20 } }, exAnte: { majorProjectAmount: '5000000.00' } })).toBe(true)
    expect(sameOverrides(overrides, {})).toBe(false)
  })

  it('formats values by kind', () => {
    expect(formatLeafValue('qualitativeBands.achieved', 0.8, t)).toBe('80rules.units.percent')
    expect(formatLeafValue('exAnte.majorProjectAmount', '5000000.00', t)).toBe('5,000,000.00 rules.units.yuan')
    expect(formatLeafValue('monitoringCutoffMonths', [6, 9], t)).toBe('rules.month{"month":6}rules.listSeparatorrules.month{"month":9}')
    expect(formatLeafValue('reverseFormula', 'target_over_actual', t)).toBe('rules.options.reverseFormula.target_over_actual')
    expect(formatLeafValue('unitsMayChangeLevel1Weights', false, t)).toBe('rules.no')
    expect(formatLeafValue('frameworkCode', 'core-101', t, () => '核心')).toBe('rules.nameWithCode{"name":"核心","code":"core-101"}')
  })
})

describe('labels', () => {
  it('names leaves by row and leaf, grades translated', () => {
    expect(leafLabel('gradeBands.excellent', t)).toBe('rules.fields.gradeBands · rules.leaves.excellent')
    expect(leafLabel('gradeBudgetProposals.中.cutPercent', t)).toBe('rules.fields.gradeBudgetProposal{"grade":"rules.grades.pass"} · rules.leaves.cutPercent')
    expect(leafLabel('reverseFormula', t)).toBe('rules.fields.reverseFormula')
  })
})

describe('a rule-set layer’s name in the current language (issue 10 §27)', () => {
  it('keeps the place name and words the year and revision in English', () => {
    expect(layerSourceLabel('深圳市 2026年 第1版', i18n.getFixedT('en'))).toBe('深圳市 2026, revision 1')
    expect(layerSourceLabel('深圳市 2026年 第1版', i18n.getFixedT('zh-CN'))).toBe('深圳市 2026年 第1版')
  })

  it('shows a source it does not recognise as written', () => {
    expect(layerSourceLabel('全国默认', i18n.getFixedT('en'))).toBe('全国默认')
  })
})

describe('the required 一级 in the current language (issue 10 §27)', () => {
  it('names the national levels in English and keeps a local one as written', () => {
    expect(formatLeafValue('requiredLevel1', ['产出指标', '效益指标', '本地指标'], i18n.getFixedT('en'))).toBe('Output, Benefit, 本地指标')
    expect(formatLeafValue('requiredLevel1', ['产出指标', '效益指标'], i18n.getFixedT('zh-CN'))).toBe('产出指标、效益指标')
  })
})
