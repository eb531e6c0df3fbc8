import { describe, expect, it } from 'vitest'
import { assessmentConsequence, assessmentTotal, defaultAssessmentTemplate, enteredScoreProblems, metricRate, rankAssessments, scoreComputedItem, selfAssessmentDue, templateProblems, type AssessmentTemplateItem } from './assessment.ts'
import { nationalRules } from './rule-set.ts'

const item = (code: string) => defaultAssessmentTemplate.find((i) => i.code === code)!

describe('the 考核 template', () => {
  it('the default template is valid: computed and evidence items add to 100, a bonus and a deduction beside', () => {
    expect(templateProblems(defaultAssessmentTemplate)).toEqual([])
  })

  it('names what is wrong: a repeated code, points off 100, a computed item without a metric or with lines out of order', () => {
    const broken: AssessmentTemplateItem[] = [
      { code: 'A', name: '甲', kind: 'computed', metric: 'goal_coverage', points: 60, fullAt: 50, zeroBelow: 80 },
      { code: 'A', name: '乙', kind: 'computed', points: 30 },
    ]
    expect(templateProblems(broken).map((p) => p.path)).toEqual(['items.0.fullAt', 'items.1.code', 'items.1.metric', 'items'])
  })
})

describe('a computed item explains its figure (rule 47)', () => {
  it('full points at or above the full line, none below the zero line, in proportion between', () => {
    const coverage = item('A1') // 15 points, full at 100 %, none below 60 %
    expect(scoreComputedItem(coverage, { numerator: 48, denominator: 48 }).value).toBe('15.00')
    const part = scoreComputedItem(coverage, { numerator: 45, denominator: 50 })
    expect(part.value).toBe('13.50')
    expect(part.formula).toBe('45 / 50 = 90.00%；15.00 × 90.00 ÷ 100.00 = 13.50')
    expect(part.rule).toContain('有批复绩效目标的预算项目 / 全部预算项目')
    expect(scoreComputedItem(coverage, { numerator: 29, denominator: 50 }).value).toBe('0.00')
    expect(scoreComputedItem(coverage, { numerator: 30, denominator: 50 }).value).toBe('9.00')
  })

  it('a line below 100: 整改销号率 full at 90 %', () => {
    expect(scoreComputedItem(item('D1'), { numerator: 9, denominator: 10 }).value).toBe('10.00')
    expect(scoreComputedItem(item('D1'), { numerator: 6, denominator: 10 }).value).toBe('6.67')
  })

  it('money metrics count amounts; nothing to count is full marks, said so', () => {
    const execution = scoreComputedItem(item('D2'), { numerator: 0, denominator: 0, numeratorAmount: '8550000.00', denominatorAmount: '10000000.00' })
    expect(execution.value).toBe('9.00')
    expect(execution.formula).toContain('8550000.00 / 10000000.00 元 = 85.50%')
    const none = scoreComputedItem(item('C2'), { numerator: 0, denominator: 0 })
    expect(none.value).toBe('10.00')
    expect(none.formula).toContain('无应统计的记录')
    expect(metricRate({ numerator: 1, denominator: 3 })?.toFixed(2)).toBe('33.33')
  })
})

describe('total, grade, rank, due date, consequence', () => {
  it('base + bonus − deduction within 0–100, graded by the rule set', () => {
    const scored = defaultAssessmentTemplate.map((i) => ({ item: i, score: i.kind === 'bonus' ? '3' : i.kind === 'deduction' ? '5' : String(i.points * 0.9) }))
    const total = assessmentTotal(scored, nationalRules)
    expect(total.value).toEqual({ total: '88.00', grade: '良' })
    expect(total.formula).toBe('90.00 + 3.00 − 5.00 = 88.00 → 良')
    const full = defaultAssessmentTemplate.map((i) => ({ item: i, score: i.kind === 'deduction' ? '0' : String(i.points) }))
    expect(assessmentTotal(full, nationalRules).value.total).toBe('100.00')
    expect(assessmentTotal(full, nationalRules).formula).toContain('封顶 100')
  })

  it('an entered score stays within its points', () => {
    expect(enteredScoreProblems(item('F1'), '6', 'items.9.score')).toHaveLength(1)
    expect(enteredScoreProblems(item('F1'), '4.5', 'items.9.score')).toEqual([])
    expect(enteredScoreProblems(item('F2'), '-1', 'items.10.score')).toHaveLength(1)
  })

  it('ranks highest first; equal totals share a rank', () => {
    const ranked = rankAssessments([{ org: '乙', total: '80.00' }, { org: '甲', total: '92.50' }, { org: '丙', total: '80.00' }, { org: '丁', total: '61.00' }])
    expect(ranked.map((r) => [r.org, r.rank])).toEqual([['甲', 1], ['乙', 2], ['丙', 2], ['丁', 4]])
  })

  it('the self-assessment is due at the end of February of the next year, a leap year included; a rule set may move it', () => {
    expect(selfAssessmentDue(2025, nationalRules)).toBe('2026-02-28')
    expect(selfAssessmentDue(2027, nationalRules)).toBe('2028-02-29')
    expect(selfAssessmentDue(2025, { results: { ...nationalRules.results, assessmentDue: { month: 3, day: 15 } } })).toBe('2026-03-15')
  })

  it('a poor grade proposes 约谈', () => {
    expect(assessmentConsequence('差', nationalRules)).toBe('interview')
    expect(assessmentConsequence('良', nationalRules)).toBe('none')
  })
})
