import { describe, expect, test } from 'vitest'
import { evaluationTemplates } from './evaluation.ts'
import {
  checkWeights,
  computeFormula,
  keyEvaluationTemplates,
  level1Of,
  parseSatisfactionAnswer,
  type SelectionCandidate,
  satisfactionRate,
  scoreFramework,
  selectKeyEvaluations,
} from './key-evaluation.ts'
import { nationalRules, type RuleSet } from './rule-set.ts'

const rules = nationalRules

describe('templates (§6.3, §6.7, rule 40)', () => {
  test.each(evaluationTemplates)('%s weights sum to 100 without a warning', (t) => {
    const check = checkWeights(keyEvaluationTemplates[t], rules)
    expect(check.total).toBe('100.00')
    expect(check.problems).toEqual([])
    expect(check.warnings).toEqual([])
  })
  test('10号 is 决策/过程/产出/效益, 2013 投入/过程/产出/效果', () => {
    expect(level1Of('no10')).toEqual(['决策', '过程', '产出', '效益'])
    expect(level1Of('y2013')).toEqual(['投入', '过程', '产出', '效果'])
    expect(level1Of('department')).toEqual(['投入', '过程', '产出', '效果'])
    expect(keyEvaluationTemplates.department.map((l) => l.formula).filter(Boolean)).toEqual(
      expect.arrayContaining(['staffControl', 'threePublicChange', 'budgetCompletion', 'budgetAdjustment']),
    )
  })
})

describe('weights', () => {
  test('a sum other than 100 is a problem on lines', () => {
    const check = checkWeights([{ level1: '产出', level3: 'a', weight: '60' }, { level1: '效益', level3: 'b', weight: '30' }], rules)
    expect(check.problems).toEqual([expect.objectContaining({ path: 'lines', code: 'WEIGHT_SUM' })])
  })
  test('a zero or non-numeric weight names its line', () => {
    const check = checkWeights([{ level1: '产出', level3: 'a', weight: '0' }, { level1: '效益', level3: 'b', weight: 'x' }], rules)
    expect(check.problems.map((p) => p.path)).toEqual(['lines.0.weight', 'lines.1.weight', 'lines'])
  })
  test('产出 + 效益 below 60 warns (rule 40); exactly 60 does not', () => {
    const at = (oe: number) => [{ level1: '决策', level3: 'a', weight: String(100 - oe) }, { level1: '产出', level3: 'b', weight: String(oe / 2) }, { level1: '效益指标', level3: 'c', weight: String(oe / 2) }]
    expect(checkWeights(at(60), rules).warnings).toEqual([])
    const w = checkWeights(at(58), rules).warnings
    expect(w).toEqual([expect.objectContaining({ code: 'OUTPUT_EFFECT_BELOW' })])
    expect(w[0]?.rule).toContain('60%')
    const three: RuleSet = { ...rules, evaluation: { ...rules.evaluation, outputEffectMinPercent: 50 } }
    expect(checkWeights(at(58), three).warnings).toEqual([])
  })
})

describe('scored framework: total and grade through scoring.ts', () => {
  const lines = keyEvaluationTemplates.no10.map((l) => ({ ...l, score: l.weight }))
  test('full marks → 100.00 优', () => {
    const r = scoreFramework(lines, rules)
    expect(r.score).toBe('100.00')
    expect(r.grade?.value).toBe('优')
    expect(r.byLevel1).toEqual([
      { level1: '决策', weight: '15.00', score: '15.00' },
      { level1: '过程', weight: '20.00', score: '20.00' },
      { level1: '产出', weight: '35.00', score: '35.00' },
      { level1: '效益', weight: '30.00', score: '30.00' },
    ])
  })
  test('grade boundaries: 89.99 良, 80 良, 79.99 中, 59.99 差', () => {
    const totalOf = (missing: string) => {
      // take the points off the 20-point 实施效益 line
      const l = lines.map((x) => (x.level3 === '实施效益' ? { ...x, score: (20 - Number(missing)).toFixed(2) } : x))
      return scoreFramework(l, rules)
    }
    expect(totalOf('10.01').grade?.value).toBe('良')
    expect(totalOf('20').score).toBe('80.00')
    expect(totalOf('20').grade?.value).toBe('良')
  })
  test('a score above its weight or missing names the line, and there is no total', () => {
    const l = lines.map((x, i) => (i === 0 ? { ...x, score: '3.01' } : i === 1 ? { ...x, score: null } : x))
    const r = scoreFramework(l, rules)
    expect(r.score).toBeNull()
    expect(r.problems).toEqual([expect.objectContaining({ path: 'lines.0.score', code: 'SCORE_OUT_OF_RANGE' }), expect.objectContaining({ path: 'lines.1.score', code: 'SCORE_MISSING' })])
  })
})

describe('formula indicators (§6.7 worked examples)', () => {
  test('在职人员控制率: ≤100% full marks; 105% → −0.5', () => {
    expect(computeFormula('staffControl', { staff: 98, authorized: 100 }, 3, rules)).toMatchObject({ value: '98.00', score: '3.00' })
    expect(computeFormula('staffControl', { staff: 105, authorized: 100 }, 3, rules)).toMatchObject({ value: '105.00', score: '2.50' })
    expect(computeFormula('staffControl', { staff: 200, authorized: 100 }, 3, rules)).toMatchObject({ score: '0.00' })
  })
  test('"三公经费"变动率: ≤0 full marks; +10% → −1', () => {
    expect(computeFormula('threePublicChange', { current: 90, previous: 100 }, 3, rules)).toMatchObject({ value: '-10.00', score: '3.00' })
    expect(computeFormula('threePublicChange', { current: 110, previous: 100 }, 3, rules)).toMatchObject({ value: '10.00', score: '2.00' })
  })
  test('预算完成率: 100% full; 97% → one started 5% band −2; 92% → two bands −4', () => {
    expect(computeFormula('budgetCompletion', { carryOver: 0, initial: 100, added: 0, balance: 0 }, 4, rules)).toMatchObject({ value: '100.00', score: '4.00' })
    expect(computeFormula('budgetCompletion', { carryOver: 10, initial: 80, added: 10, balance: 3 }, 4, rules)).toMatchObject({ value: '97.00', score: '2.00' })
    expect(computeFormula('budgetCompletion', { carryOver: 10, initial: 80, added: 10, balance: 8 }, 4, rules)).toMatchObject({ value: '92.00', score: '0.00' })
  })
  test('预算调整率: 0 full; 8% → 75%; 25% → 25%; 31% → 0', () => {
    expect(computeFormula('budgetAdjustment', { added: 0, initial: 100 }, 4, rules).score).toBe('4.00')
    expect(computeFormula('budgetAdjustment', { added: 8, initial: 100 }, 4, rules).score).toBe('3.00')
    expect(computeFormula('budgetAdjustment', { added: 25, initial: 100 }, 4, rules).score).toBe('1.00')
    expect(computeFormula('budgetAdjustment', { added: 31, initial: 100 }, 4, rules).score).toBe('0.00')
  })
  test('资金到位率 and 预算执行率 proportional, capped at the weight', () => {
    expect(computeFormula('fundsInPlace', { received: 80, planned: 100 }, 4, rules)).toMatchObject({ value: '80.00', score: '3.20' })
    expect(computeFormula('executionRate', { spent: 120, received: 100 }, 5, rules)).toMatchObject({ score: '5.00' })
  })
  test('满意度: rate ≥ target full; 81 of 90 → 0.9 × weight', () => {
    expect(computeFormula('satisfaction', { rate: 95, target: 90 }, 10, rules).score).toBe('10.00')
    expect(computeFormula('satisfaction', { rate: 81, target: 90 }, 10, rules).score).toBe('9.00')
  })
  test('a missing input is refused by name', () => {
    expect(() => computeFormula('staffControl', { staff: 1 }, 3, rules)).toThrow(/authorized/)
  })
})

describe('selection (rule 39)', () => {
  const c = (projectId: string, amount: string, lastEvaluatedYear: number | null, major = false): SelectionCandidate => ({ projectId, name: projectId, amount, lastEvaluatedYear, major })
  const candidates = [
    c('a-major-recent', '20000000.00', 2022),
    c('b-major-old', '20000000.00', 2019),
    c('c-major-never', '15000000.00', null),
    c('d-flagged', '100.00', null, true),
    ...Array.from({ length: 20 }, (_, i) => c(`g${String(i).padStart(2, '0')}`, '50000.00', i === 0 ? 2024 : null)),
  ]
  test('majors due first (never, then oldest); evaluated within 5 years left out', () => {
    const r = selectKeyEvaluations({ candidates, fiscalYear: 2025, sampleSize: 3, seed: 's1' }, rules)
    expect(r.picks.filter((p) => p.kind === 'major').map((p) => p.projectId)).toEqual(['c-major-never', 'd-flagged', 'b-major-old'])
    expect(r.recentlyEvaluated).toEqual([{ projectId: 'a-major-recent', lastEvaluatedYear: 2022 }, { projectId: 'g00', lastEvaluatedYear: 2024 }])
    expect(r.picks.filter((p) => p.kind === 'sample')).toHaveLength(3)
    expect(r.picks.some((p) => p.projectId === 'g00')).toBe(false)
  })
  test('a 3-year cycle makes the 2022 major due again', () => {
    const three: RuleSet = { ...rules, evaluation: { ...rules.evaluation, keyCoverageYears: 3 } }
    const r = selectKeyEvaluations({ candidates, fiscalYear: 2025, sampleSize: 0, seed: 's1' }, three)
    expect(r.picks.map((p) => p.projectId)).toContain('a-major-recent')
  })
  test('the sample is reproducible from its seed, whatever the input order, and differs by seed', () => {
    const one = selectKeyEvaluations({ candidates, fiscalYear: 2025, sampleSize: 4, seed: 'seed-42' }, rules)
    const again = selectKeyEvaluations({ candidates: [...candidates].reverse(), fiscalYear: 2025, sampleSize: 4, seed: 'seed-42' }, rules)
    expect(again.picks).toEqual(one.picks)
    expect(one.seed).toBe('seed-42')
    const seeds = ['a', 'b', 'c', 'd', 'e'].map((s) => selectKeyEvaluations({ candidates, fiscalYear: 2025, sampleSize: 4, seed: s }, rules).picks.map((p) => p.projectId).join())
    expect(new Set(seeds).size).toBeGreaterThan(1)
  })
})

describe('satisfaction survey', () => {
  test('满意率 = (满意 + 比较满意) / all', () => {
    const answers = ['满意', '比较满意', '基本满意', '不满意', '5', 4, '3'].map(parseSatisfactionAnswer)
    expect(answers.every(Boolean)).toBe(true)
    const r = satisfactionRate(answers.filter((a) => a !== null))
    expect(r.value).toBe('57.14')
    expect(r.formula).toBe('4 / 7 × 100% = 57.14%')
  })
  test('unknown answers are null; no answers → null rate', () => {
    expect(parseSatisfactionAnswer('很好')).toBeNull()
    expect(parseSatisfactionAnswer(6)).toBeNull()
    expect(satisfactionRate([]).value).toBeNull()
  })
})
