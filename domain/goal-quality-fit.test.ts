import { describe, expect, test } from 'vitest'
import { checkGoalQuality, goalFindingRules, hasBlockingFindings, type GoalQualityContext } from './goal-quality.ts'
import type { GoalContent, GoalIndicatorInput } from './goals.ts'
import { indicatorRow } from './goal-quality.fixtures.ts'
import { nationalRules } from './rule-set.ts'

const row = indicatorRow

/** A 2026–2027 政务服务平台 upgrade with a 500万元 budget. */
const platform: GoalContent = {
  name: '政务服务平台升级改造项目',
  overallTarget: '完成政务服务平台升级改造，系统可用率不低于99%，群众满意度不低于90%。',
  mediumTermTarget: '2026—2027年完成平台全部模块升级改造。',
  annualTarget: '2026年完成平台核心模块升级改造，系统可用率不低于99%。',
  indicators: [
    row({ name: '升级改造模块数', target: '≥12', unit: '个', mediumTermTarget: '≥20个' }),
    row({ level2: '质量指标', name: '系统可用率', target: '≥99%', unit: '%', mediumTermTarget: '≥99%' }),
    row({ level2: '成本指标', name: '项目总成本', nature: '<=', target: '≤380万元', unit: '万元', mediumTermTarget: '≤500万元' }),
    row({ level1: '效益指标', level2: '社会效益指标', name: '网上办件占比', target: '≥80%', unit: '%', mediumTermTarget: '≥90%' }),
    row({ level1: '满意度指标', level2: '服务对象满意度指标', name: '群众满意度', target: '≥90%', unit: '%', mediumTermTarget: '≥90%' }),
  ],
}
const project = { periodStartYear: 2026, periodEndYear: 2027, budget: '5000000.00' }
const ctx: GoalQualityContext = { kind: 'project', rules: nationalRules, project }
const withRows = (rows: Record<number, Partial<GoalIndicatorInput>>, extra: GoalIndicatorInput[] = []): GoalContent => ({
  ...platform,
  indicators: [...platform.indicators.map((r, i) => ({ ...r, ...rows[i] })), ...extra],
})
const codesOf = (findings: { code: string }[]) => findings.map((f) => f.code)

test('the platform goal is clean', () => {
  expect(checkGoalQuality(platform, ctx)).toEqual([])
})

describe('智能审核 catches what it missed (issue 10, point 19)', () => {
  test('INDICATOR_IRRELEVANT: 校园绿地率 on an IT project, by the recommender’s score', () => {
    const content = withRows({}, [row({ level1: '效益指标', level2: '生态效益指标', name: '校园绿地率', target: '≥35%', unit: '%', mediumTermTarget: '≥35%' })])
    const relevance = { scores: new Map([['IT-01', 14.2], ['ED-GREEN', 0]]), irrelevantBelow: 1 }
    const findings = checkGoalQuality(content, { ...ctx, relevance, indicatorCodes: ['IT-01', null, null, null, null, 'ED-GREEN'] })
    expect(findings).toEqual([expect.objectContaining({ code: 'INDICATOR_IRRELEVANT', severity: 'warning', path: 'indicators.5.name', rule: goalFindingRules.INDICATOR_IRRELEVANT })])
    expect(findings[0]!.zh).toContain('校园绿地率')
    expect(hasBlockingFindings(findings)).toBe(false)
  })

  test('no relevance judged without a score (an individual indicator, or no recommender data)', () => {
    const content = withRows({}, [row({ level1: '效益指标', name: '校园绿地率', target: '≥35%', unit: '%', mediumTermTarget: '≥35%' })])
    expect(checkGoalQuality(content, { ...ctx, relevance: { scores: new Map(), irrelevantBelow: 1 }, indicatorCodes: [null, null, null, null, null, 'ED-GREEN'] })).toEqual([])
  })

  test('COST_EXCEEDS_BUDGET: two overlapping 成本 indicators whose sum exceeds the 500万元 budget', () => {
    const content = withRows({}, [row({ level2: '成本指标', name: '设备购置成本', nature: '<=', target: '≤300万元', unit: '万元', mediumTermTarget: '≤300万元' })])
    const findings = checkGoalQuality(content, ctx)
    expect(codesOf(findings)).toEqual(['COST_EXCEEDS_BUDGET'])
    expect(findings[0]).toMatchObject({ severity: 'warning', path: 'indicators.2.target' })
    expect(findings[0]!.zh).toContain('合计 680.00万元，超过项目预算 500.00万元')
  })

  test('one cost above the budget is flagged too; costs within it are not', () => {
    expect(codesOf(checkGoalQuality(withRows({ 2: { target: '≤600万元' } }), ctx))).toEqual(['COST_EXCEEDS_BUDGET'])
    expect(checkGoalQuality(withRows({ 2: { target: '≤500万元' } }), ctx)).toEqual([])
  })

  test('MEDIUM_TERM_MISSING: a multi-year project without 中期指标值', () => {
    const content = { ...withRows({ 0: { mediumTermTarget: null }, 3: { mediumTermTarget: ' ' } }), mediumTermTarget: '' }
    const findings = checkGoalQuality(content, ctx)
    expect(codesOf(findings)).toEqual(['MEDIUM_TERM_MISSING', 'MEDIUM_TERM_MISSING'])
    expect(findings[0]).toMatchObject({ path: 'mediumTermTarget', severity: 'warning' })
    expect(findings[1]).toMatchObject({ path: 'indicators.0.mediumTermTarget' })
    expect(findings[1]!.zh).toContain('2 个指标缺少中期指标值')
  })

  test('a one-year project needs no 中期 values', () => {
    const oneYear = { ...ctx, project: { ...project, periodEndYear: 2026 } }
    expect(checkGoalQuality({ ...withRows({ 0: { mediumTermTarget: null } }), mediumTermTarget: '' }, oneYear)).toEqual([])
  })
})

describe('NATURE_INVERTED: a nature that rewards the wrong thing (issue 10, point 15)', () => {
  test.each([
    ['成本 ≥', { level2: '成本指标', name: '项目总成本', nature: '>=', target: '380', unit: '万元' }],
    ['成本 = a plain number', { level2: '成本指标', name: '项目总成本', nature: '=', target: '380', unit: '万元' }],
    ['逾期率 ≥', { level2: '质量指标', name: '办件逾期率', nature: '>=', target: '100', unit: '%' }],
    ['及时率 ≤', { level2: '时效指标', name: '检测及时率', nature: '<=', target: '7', unit: '工作日' }],
  ] as const)('%s warns', (_, change) => {
    const findings = checkGoalQuality(withRows({ 2: change }), ctx)
    expect(findings).toEqual([expect.objectContaining({ code: 'NATURE_INVERTED', severity: 'warning', path: 'indicators.2.nature' })])
  })

  test('"= 0" of an accident count is fine', () => {
    expect(checkGoalQuality(withRows({ 2: { level2: '质量指标', name: '安全事故数', nature: '=', target: '0', unit: '起' } }), ctx)).toEqual([])
  })
})

describe('一级 names (issue 10, point 14)', () => {
  test('产出 / 效果指标 count as 产出指标 / 效益指标, the same way the budget gate counts them', () => {
    const renamed = withRows({ 0: { level1: '产出' }, 1: { level1: '产出' }, 2: { level1: '产出' }, 3: { level1: '效果指标' } })
    expect(checkGoalQuality(renamed, ctx)).toEqual([])
  })

  test('a 一级 the rule set does not know is a warning, and does not meet a required 一级', () => {
    const findings = checkGoalQuality(withRows({ 3: { level1: '社会效果' } }), ctx)
    expect(codesOf(findings)).toEqual(['LEVEL1_UNKNOWN', 'REQUIRED_LEVEL1_MISSING'])
    expect(findings[0]).toMatchObject({ severity: 'warning', path: 'indicators.3.level1' })
  })
})
