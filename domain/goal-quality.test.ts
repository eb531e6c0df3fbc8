import { describe, expect, test } from 'vitest'
import { checkGoalQuality, goalFindingRules, hasBlockingFindings, type GoalQualityContext } from './goal-quality.ts'
import type { GoalContent, GoalFinding, GoalIndicatorInput, PeerTargets } from './goals.ts'
import { indicatorRow } from './goal-quality.fixtures.ts'
import { nationalRules, type RuleSet } from './rule-set.ts'

const row = indicatorRow

/** A realistic 2026 teacher-training project goal, weighted to 90 under the national rules (产出 50, 效益 30, 满意度 10). */
const good: GoalContent = {
  name: '2026年中小学教师能力提升培训项目',
  overallTarget: '2026年组织全市中小学教师能力提升培训500人次，培训合格率不低于95%，参训教师教学考核优良率达到90%以上，参训教师满意度不低于90%。',
  mediumTermTarget: '2026—2028年累计培训中小学教师1500人次，建立教师培训长效机制。',
  annualTarget: '（1）2026年11月30日前完成培训500人次；（2）人均培训成本控制在800元以内，项目预算40万元。',
  indicators: [
    row({ level2: '数量指标', name: '培训人次', target: '500', unit: '人次', weight: '20' }),
    row({ level2: '质量指标', name: '培训合格率', target: '95', unit: '%', weight: '10' }),
    row({ level2: '时效指标', name: '培训完成时间', nature: 'qualitative', target: '2026年11月30日前', weight: '10' }),
    row({ level2: '成本指标', name: '人均培训成本', nature: '<=', target: '800', unit: '元', weight: '10' }),
    row({ level1: '效益指标', level2: '社会效益指标', name: '参训教师教学考核优良率', target: '≥90%', unit: '%', weight: '20' }),
    row({ level1: '效益指标', level2: '可持续影响指标', name: '培训成果应用机制', nature: 'qualitative', target: '建立培训成果校本应用长效机制', weight: '10' }),
    row({ level1: '满意度指标', level2: '服务对象满意度指标', name: '参训教师满意度', target: '90', unit: '%', weight: '10' }),
  ],
}
const codes = ['TR-COUNT', 'TR-PASS', null, 'TR-COST', null, null, 'SAT-01']
const peers = (entries: [string, Omit<PeerTargets, 'indicatorCode'>][]) =>
  new Map(entries.map(([code, peer]) => [code, { indicatorCode: code, ...peer }]))
const ctx: GoalQualityContext = {
  kind: 'project',
  rules: nationalRules,
  indicatorCodes: codes,
  peers: peers([
    ['TR-COUNT', { count: 6, unit: '人次', median: '450', min: '300', max: '600' }],
    ['TR-PASS', { count: 5, unit: '%', median: '95', min: '90', max: '98' }],
    ['TR-COST', { count: 4, unit: '元', median: '850', min: '700', max: '1000' }],
  ]),
  history: new Map([
    ['培训人次', { target: '480', unit: '人次' }],
    ['TR-COST', { target: '≤850元', unit: '元' }],
  ]),
}

/** The good goal with some rows changed (by index), or with its indicators replaced. */
function goal(change: Partial<GoalContent> & { rows?: Record<number, Partial<GoalIndicatorInput>> } = {}): GoalContent {
  const { rows = {}, ...rest } = change
  return { ...good, indicators: good.indicators.map((r, i) => ({ ...r, ...rows[i] })), ...rest }
}
const unweighted = (indicators: GoalIndicatorInput[]) => indicators.map((r) => ({ ...r, weight: null }))

/** Asserts exactly one finding and returns it, with the rule it cites. */
function only(findings: GoalFinding[]): GoalFinding {
  expect(findings.map((f) => f.code)).toHaveLength(1)
  const finding = findings[0]!
  expect(finding.rule).toBe(goalFindingRules[finding.code as keyof typeof goalFindingRules])
  expect(finding.rule).not.toBe('')
  expect(finding.zh).not.toBe('')
  expect(finding.en).not.toBe('')
  return finding
}

describe('a good goal', () => {
  test('yields no findings, with peers and history known', () => {
    expect(checkGoalQuality(good, ctx)).toEqual([])
    expect(hasBlockingFindings(checkGoalQuality(good, ctx))).toBe(false)
  })

  test('yields no findings without weights, and as a department goal without an annual target', () => {
    expect(checkGoalQuality(goal({ indicators: unweighted(good.indicators) }), { kind: 'project', rules: nationalRules })).toEqual([])
    expect(checkGoalQuality(goal({ annualTarget: '' }), { ...ctx, kind: 'department' })).toEqual([])
  })

  test('a second realistic goal (rural water supply, 万/公里 units, a 万元 budget in the text) yields no findings', () => {
    const r = (level1: string, level2: string, name: string, nature: GoalIndicatorInput['nature'], target: string, unit = '') =>
      row({ level1, level2, name, nature, target, unit })
    const water: GoalContent = {
      name: '2026年农村饮水安全巩固提升工程',
      overallTarget: '新建集中供水工程12处，改造管网80公里，受益人口3.5万人，农村自来水普及率达到92%，水质达标率不低于95%，群众满意度达到90%以上。',
      mediumTermTarget: '',
      annualTarget: '2026年底前完成12处集中供水工程和80公里管网改造，总投资1200万元，有效保障3.5万农村人口饮水安全。',
      indicators: [
        r('产出指标', '数量指标', '新建集中供水工程', '>=', '12', '处'),
        r('产出指标', '数量指标', '改造供水管网长度', '>=', '80', '公里'),
        r('产出指标', '质量指标', '工程验收合格率', '=', '100', '%'),
        r('产出指标', '时效指标', '工程完工时间', 'qualitative', '2026年12月31日前'),
        r('产出指标', '成本指标', '工程总成本', '<=', '1200', '万元'),
        r('效益指标', '社会效益指标', '受益人口', '>=', '3.5', '万人'),
        r('效益指标', '社会效益指标', '农村自来水普及率', '>=', '92', '%'),
        r('效益指标', '社会效益指标', '供水水质达标率', '>=', '95', '%'),
        r('效益指标', '可持续影响指标', '工程长效管护机制', 'qualitative', '建立健全工程运行管护制度并落实管护责任'),
        r('满意度指标', '服务对象满意度指标', '受益群众满意度', '>=', '90', '%'),
      ],
    }
    expect(checkGoalQuality(water, { kind: 'project', rules: nationalRules })).toEqual([])
  })
})

describe('required content (§13.20, §4.2)', () => {
  test('NO_INDICATORS', () => {
    expect(only(checkGoalQuality(goal({ indicators: [] }), ctx))).toMatchObject({ code: 'NO_INDICATORS', severity: 'error', path: 'indicators' })
  })

  test.each(['project', 'policy', 'department'] as const)('REQUIRED_LEVEL1_MISSING for a %s goal', (kind) => {
    const indicators = unweighted(good.indicators.filter((r) => r.level1 !== '效益指标'))
    const finding = only(checkGoalQuality(goal({ indicators, overallTarget: '2026年培训500人次，参训教师满意度不低于90%' }), { ...ctx, kind }))
    expect(finding).toMatchObject({ code: 'REQUIRED_LEVEL1_MISSING', severity: 'error', path: 'indicators', rule: '§13.20 规则集·必备一级指标' })
    expect(finding.zh).toContain('效益指标')
  })

  test('"产出" and "产出指标" are the same 一级', () => {
    const indicators = good.indicators.map((r) => ({ ...r, level1: r.level1.replace('指标', '') }))
    expect(checkGoalQuality(goal({ indicators }), ctx)).toEqual([])
  })

  test('OVERALL_TARGET_EMPTY', () => {
    expect(only(checkGoalQuality(goal({ overallTarget: '  ' }), ctx))).toMatchObject({ code: 'OVERALL_TARGET_EMPTY', severity: 'error', path: 'overallTarget' })
  })

  test.each(['project', 'policy'] as const)('ANNUAL_TARGET_EMPTY for a %s goal', (kind) => {
    expect(only(checkGoalQuality(goal({ annualTarget: '' }), { ...ctx, kind }))).toMatchObject({ code: 'ANNUAL_TARGET_EMPTY', severity: 'error', path: 'annualTarget' })
  })
})

describe('values (§13.25)', () => {
  test('QUANTITATIVE_NEEDS_NUMBER: blank, or prose that is not a number', () => {
    for (const target of ['', '控制在合理范围', '较上年明显下降']) {
      const finding = only(checkGoalQuality(goal({ rows: { 3: { target } } }), ctx))
      expect(finding).toMatchObject({ code: 'QUANTITATIVE_NEEDS_NUMBER', severity: 'error', path: 'indicators.3.target' })
      expect(finding.zh).toContain('人均培训成本')
    }
  })

  test('QUANTITATIVE_NEEDS_UNIT, unless the target carries the unit', () => {
    const finding = only(checkGoalQuality(goal({ rows: { 3: { unit: ' ' } } }), ctx))
    expect(finding).toMatchObject({ code: 'QUANTITATIVE_NEEDS_UNIT', severity: 'error', path: 'indicators.3.unit' })
    expect(finding.zh).toBe('三级指标“人均培训成本”缺少计量单位')
    expect(checkGoalQuality(goal({ rows: { 3: { unit: '', target: '≤800元' } } }), ctx)).toEqual([])
  })

  test('QUALITATIVE_NEEDS_TEXT', () => {
    expect(only(checkGoalQuality(goal({ rows: { 5: { target: '' } } }), ctx))).toMatchObject({ code: 'QUALITATIVE_NEEDS_TEXT', severity: 'error', path: 'indicators.5.target' })
  })

  test.each([
    ['≤ nature, ≥ written', 3, { target: '≥800' }, 'error'],
    ['≥ nature, ≤ written', 0, { target: '500人次以内' }, 'error'],
    ['≥ nature, a deadline', 2, { nature: '>=', target: '2026年11月30日前' }, 'error'],
    ['定性, a signed number', 5, { target: '≥95%' }, 'error'],
    ['定性, a bare number', 5, { target: '100%' }, 'warning'],
  ] as const)('NATURE_MISMATCH: %s', (_, index, change, severity) => {
    const finding = only(checkGoalQuality(goal({ rows: { [index]: change } }), ctx))
    expect(finding).toMatchObject({ code: 'NATURE_MISMATCH', severity, path: `indicators.${index}.target` })
  })

  test('a bare number, a range, or = under ≥ is no mismatch; a deadline under ≤ is fine', () => {
    expect(checkGoalQuality(goal({ rows: { 1: { target: '95%-100%' }, 3: { target: '=800' } } }), ctx)).toEqual([])
    expect(checkGoalQuality(goal({ rows: { 2: { nature: '<=' } } }), ctx)).toEqual([])
  })
})

describe('weights (§13.4)', () => {
  test('WEIGHT_MISSING when some rows have weights and one has none', () => {
    const finding = only(checkGoalQuality(goal({ rows: { 4: { weight: null } } }), ctx))
    expect(finding).toMatchObject({ code: 'WEIGHT_MISSING', severity: 'error', path: 'indicators.4.weight' })
  })

  test.each(['0', '-5', 'abc'])('WEIGHT_INVALID for %s', (weight) => {
    expect(only(checkGoalQuality(goal({ rows: { 6: { weight } } }), ctx))).toMatchObject({ code: 'WEIGHT_INVALID', severity: 'error', path: 'indicators.6.weight' })
  })

  // Units free to move weights between 一级: only the sum is checked.
  const free: GoalQualityContext = { ...ctx, rules: { ...nationalRules, unitsMayChangeLevel1Weights: true } }

  test('WEIGHTS_SUM under national rules: 90 expected', () => {
    const finding = only(checkGoalQuality(goal({ rows: { 0: { weight: '15' } } }), free))
    expect(finding).toMatchObject({ code: 'WEIGHTS_SUM', severity: 'error', path: 'indicators' })
    expect(finding.zh).toBe('指标权重合计 85，应为 90（100 − 预算执行率 10）')
  })

  test('decimal weights sum exactly (no float drift): 0.1 + 0.2 + … = 90', () => {
    const weights = ['0.1', '0.2', '9.7', '15', '20', '25', '20']
    expect(checkGoalQuality(goal({ rows: Object.fromEntries(weights.map((weight, i) => [i, { weight }])) }), free)).toEqual([])
  })

  test('WEIGHTS_SUM with an execution weight of 20: 80 expected', () => {
    const rules: RuleSet = { ...nationalRules, selfEvaluationWeights: { execution: 20, output: 40, effect: 30, satisfaction: 10 } }
    const finding = only(checkGoalQuality(good, { ...free, rules: { ...rules, unitsMayChangeLevel1Weights: true } }))
    expect(finding.zh).toBe('指标权重合计 90，应为 80（100 − 预算执行率 20）')
    expect(checkGoalQuality(goal({ rows: { 0: { weight: '10' } } }), { ...ctx, rules })).toEqual([])
  })

  test('LEVEL1_WEIGHT: with the split locked (national default), each 一级 carries exactly its share', () => {
    // 产出 60 and 效益 20 still sum to 90: the sum check alone let this through (issue 10, point 13).
    const findings = checkGoalQuality(goal({ rows: { 0: { weight: '30' }, 4: { weight: '10' } } }), ctx)
    expect(findings.map((f) => f.code)).toEqual(['LEVEL1_WEIGHT', 'LEVEL1_WEIGHT'])
    expect(findings[0]).toMatchObject({ severity: 'error', path: 'indicators', rule: goalFindingRules.LEVEL1_WEIGHT })
    expect(findings[0]!.zh).toBe('产出指标（含成本指标）的权重合计 60，规则集规定为 50，单位不得调整一级指标权重')
    expect(findings[1]!.zh).toBe('效益指标的权重合计 20，规则集规定为 30，单位不得调整一级指标权重')
    expect(checkGoalQuality(goal({ rows: { 0: { weight: '30' }, 4: { weight: '10' } } }), free)).toEqual([])
  })

  test('LEVEL1_WEIGHT counts synonyms and a 101号 成本指标 一级 with their 一级', () => {
    const renamed = goal({ rows: { 3: { level1: '成本指标', level2: '经济成本指标' }, 4: { level1: '效果指标' }, 5: { level1: '效益指标(30分)' } } })
    expect(checkGoalQuality(renamed, ctx)).toEqual([])
  })
})

describe('wording (88号 细化量化, §4.2)', () => {
  test('VAGUE_TARGET on a qualitative target', () => {
    const finding = only(checkGoalQuality(goal({ rows: { 5: { target: '培训成果应用机制进一步完善' } } }), ctx))
    expect(finding).toMatchObject({ code: 'VAGUE_TARGET', severity: 'warning', path: 'indicators.5.target' })
    expect(finding.zh).toContain('进一步完善')
  })

  test('VAGUE_TARGET on an indicator name when the target is not measurable', () => {
    const finding = only(checkGoalQuality(goal({ rows: { 5: { name: '教师教学能力明显提升', target: '达到预期' } } }), ctx))
    expect(finding).toMatchObject({ code: 'VAGUE_TARGET', severity: 'warning', path: 'indicators.5.name' })
  })

  test('VAGUE_TARGET on an overall target without any number', () => {
    expect(only(checkGoalQuality(goal({ overallTarget: '进一步提升参训教师教学能力' }), ctx))).toMatchObject({ code: 'VAGUE_TARGET', severity: 'warning', path: 'overallTarget' })
  })

  test('no vague warning when a number is stated, or for graded qualitative wording', () => {
    expect(checkGoalQuality(goal({ rows: { 5: { target: '应用率较上年提高10%' } } }), ctx)).toEqual([])
    expect(checkGoalQuality(goal({ rows: { 5: { target: '效果明显' } } }), ctx)).toEqual([])
  })

  test.each(['项目资金投入', '投入人员数', '工作人员数量', '拨付资金总额'])('INPUT_AS_OUTPUT for 产出 “%s”', (name) => {
    const indicators = [...unweighted(good.indicators), row({ name, target: '40', unit: '万元' })]
    const finding = only(checkGoalQuality(goal({ indicators }), ctx))
    expect(finding).toMatchObject({ code: 'INPUT_AS_OUTPUT', severity: 'warning', path: 'indicators.7.name' })
  })

  test('cost indicators, 资金到位率 and 效益 rows are not inputs-as-outputs', () => {
    const extra = [
      row({ level2: '成本指标', name: '项目成本控制', nature: '<=', target: '40', unit: '万元' }),
      row({ level2: '成本指标', name: '单位成本', nature: '<=', target: '800', unit: '元' }),
      row({ level2: '质量指标', name: '资金到位率', target: '100', unit: '%' }),
      row({ level1: '效益指标', level2: '经济效益指标', name: '带动社会资金投入', target: '10', unit: '万元' }),
    ]
    expect(checkGoalQuality(goal({ indicators: [...unweighted(good.indicators), ...extra] }), ctx)).toEqual([])
  })

  test('DUPLICATE_INDICATOR', () => {
    const indicators = [...unweighted(good.indicators), row({ name: ' 培训人次', target: '500', unit: '人次' })]
    const finding = only(checkGoalQuality(goal({ indicators }), ctx))
    expect(finding).toMatchObject({ code: 'DUPLICATE_INDICATOR', severity: 'warning', path: 'indicators.7.name' })
    expect(finding.zh).toContain('第1行')
  })
})

describe('overall target consistency', () => {
  test('OVERALL_TARGET_INCONSISTENT: a number no indicator carries', () => {
    const finding = only(checkGoalQuality(goal({ overallTarget: '2026年培训中小学教师600人次，参训教师满意度不低于90%' }), ctx))
    expect(finding).toMatchObject({ code: 'OVERALL_TARGET_INCONSISTENT', severity: 'warning', path: 'overallTarget' })
    expect(finding.zh).toContain('600')
  })

  test('OVERALL_TARGET_INCONSISTENT: nothing in common with the indicators', () => {
    const finding = only(checkGoalQuality(goal({ annualTarget: '完成全市道路路灯更换改造' }), ctx))
    expect(finding).toMatchObject({ code: 'OVERALL_TARGET_INCONSISTENT', severity: 'warning', path: 'annualTarget' })
  })

  test('years, dates, list markers, money and 万 are not claims; 5万人次 matches 50000', () => {
    const overallTarget = '1、2026—2028年实施，2026年12月底前投入40万元，培训5万人次，合格率95%以上。'
    const plain: GoalQualityContext = { kind: 'department', rules: nationalRules }
    expect(checkGoalQuality(goal({ overallTarget, annualTarget: '', rows: { 0: { target: '≥50000' } } }), plain)).toEqual([])
  })
})

describe('plausibility against peers and history (88号 合理可行)', () => {
  test.each([
    ['≥ below the lowest peer', 1, '80', '中位数 95%，范围 90%–98%'],
    ['≥ over twice the highest', 0, '1300', '中位数 450人次'],
    ['≤ above the highest peer', 3, '≤1200元', '范围 700.00元–1,000.00元'],
    ['≤ under half the lowest', 3, '300', '中位数 850.00元'],
  ] as const)('IMPLAUSIBLE_TARGET: %s', (_, index, target, shown) => {
    const findings = checkGoalQuality(goal({ rows: { [index]: { target } } }), { ...ctx, history: undefined })
    const finding = only(findings.filter((f) => f.code !== 'OVERALL_TARGET_INCONSISTENT'))
    expect(finding).toMatchObject({ code: 'IMPLAUSIBLE_TARGET', severity: 'warning', path: `indicators.${index}.target` })
    expect(finding.zh).toContain(shown)
  })

  test('peers are compared in base units, and ignored with other units or fewer than 3 goals', () => {
    const cost = (target: string, unit: string) => goal({ rows: { 3: { target, unit } } })
    expect(only(checkGoalQuality(cost('0.12', '万元'), { ...ctx, history: undefined })).code).toBe('IMPLAUSIBLE_TARGET')
    expect(checkGoalQuality(cost('0.08', '万元'), ctx)).toEqual([])
    const fewer = { ...ctx, peers: peers([['TR-PASS', { count: 2, unit: '%', median: '95', min: '90', max: '98' }]]) }
    const implausible = (c: GoalQualityContext) => checkGoalQuality(goal({ rows: { 1: { target: '80' } } }), c).filter((f) => f.code === 'IMPLAUSIBLE_TARGET')
    expect(implausible(ctx)).toHaveLength(1)
    expect(implausible(fewer)).toEqual([])
    const otherUnit = { ...ctx, peers: peers([['TR-PASS', { count: 9, unit: '分', median: '95', min: '90', max: '98' }]]) }
    expect(implausible(otherUnit)).toEqual([])
  })

  test('TARGET_BELOW_HISTORY: a ≥ target lower than last year (by name), a ≤ target higher (by code)', () => {
    const lower = only(checkGoalQuality(good, { ...ctx, history: new Map([['培训人次', { target: '≥520', unit: '人次' }]]) }))
    expect(lower).toMatchObject({ code: 'TARGET_BELOW_HISTORY', severity: 'warning', path: 'indicators.0.target' })
    expect(lower.zh).toContain('上年批复值 520人次')
    const higher = only(checkGoalQuality(good, { ...ctx, history: new Map([['TR-COST', { target: '0.075', unit: '万元' }]]) }))
    expect(higher).toMatchObject({ code: 'TARGET_BELOW_HISTORY', severity: 'warning', path: 'indicators.3.target' })
  })
})

test('hasBlockingFindings: errors block, warnings do not', () => {
  const warning: GoalFinding = { code: 'VAGUE_TARGET', severity: 'warning', rule: 'x', path: 'overallTarget', zh: '', en: '' }
  expect(hasBlockingFindings([warning])).toBe(false)
  expect(hasBlockingFindings([warning, { ...warning, severity: 'error' }])).toBe(true)
  expect(hasBlockingFindings([])).toBe(false)
})
