import { describe, expect, test } from 'vitest'
import { addCoverageAmounts, coverageAmountsOf, executionAgainstTime, pefaCoverage, progressMonthOf, ruleDifferences, shareOf, stageCoverage } from './cockpit.ts'
import { resolveRules } from './rule-set-resolve.ts'
import { nationalRules } from './rule-set.ts'

describe('PEFA-style coverage of spending', () => {
  // Four budget projects of a district, 10,000,000.00 in all:
  //   A 5,000,000.00 goal ✓ monitoring ✓ evaluation ✓
  //   B 3,000,000.00 goal ✓ monitoring ✓
  //   C 1,500,000.00 goal ✓
  //   D   500,000.00 (nothing yet)
  const projects = [
    { amount: '5000000.00', goals: true, monitoring: true, evaluation: true },
    { amount: '3000000.00', goals: true, monitoring: true, evaluation: false },
    { amount: '1500000.00', goals: true, monitoring: false, evaluation: false },
    { amount: '500000.00', goals: false, monitoring: false, evaluation: false },
  ]

  test('shares of money, not of projects: goals 95 %, monitoring 80 %, evaluation 50 %', () => {
    const figures = pefaCoverage(coverageAmountsOf(projects))
    expect(figures.map((f) => [f.dimension, f.covered, f.spending, f.share, f.projects, f.ofProjects])).toEqual([
      ['goals', '9500000.00', '10000000.00', '95.00', 3, 4],
      ['monitoring', '8000000.00', '10000000.00', '80.00', 2, 4],
      ['evaluation', '5000000.00', '10000000.00', '50.00', 1, 4],
    ])
    // By count the goals would be 75 %: the money is what PEFA counts.
    expect(shareOf(3, 4)).toBe('75.00')
  })

  test('each figure says which amounts were counted', () => {
    const [goals] = pefaCoverage(coverageAmountsOf(projects))
    expect(goals!.explanation.zh).toBe('绩效目标已批复（或已公开）的项目的年初预算数 9,500,000.00 元 ÷ 纳入预算的全部项目年初预算数 10,000,000.00 元 = 95.00%（4 个项目中 3 个）')
    expect(goals!.explanation.en).toContain('9,500,000.00 ÷')
  })

  test('districts add up as money: 95 % of 10 M and 0 % of 2.5 M make 76 %', () => {
    const other = coverageAmountsOf([{ amount: '2500000.00', goals: false, monitoring: false, evaluation: false }])
    const total = addCoverageAmounts([coverageAmountsOf(projects), other])
    expect(total.spending).toBe('12500000.00')
    expect(pefaCoverage(total)[0]!.share).toBe('76.00')
  })

  test('no spending: no share, and it says so', () => {
    const [goals] = pefaCoverage(coverageAmountsOf([]))
    expect(goals!.share).toBeNull()
    expect(goals!.explanation.zh).toContain('= —')
  })

  test('a third of the money rounds half up to two places', () => {
    expect(shareOf('1.00', '3.00')).toBe('33.33')
    expect(shareOf('2.00', '3.00')).toBe('66.67')
  })
})

describe('stage coverage', () => {
  test('done of due per stage, null when nothing was due', () => {
    const rows = stageCoverage({ projects: 8, projectsWithGoal: 6, monitoringExpected: 5, monitoringReported: 4, selfEvalExpected: 0, selfEvalSubmitted: 0, rectificationRaised: 3, rectificationClosed: 1 })
    expect(rows.map((r) => [r.stage, r.done, r.of, r.rate])).toEqual([
      ['goals', 6, 8, '75.00'],
      ['monitoring', 4, 5, '80.00'],
      ['selfEvaluation', 0, 0, null],
      ['rectification', 1, 3, '33.33'],
    ])
  })
})

describe('execution against time progress', () => {
  test('REFERENCE §13.6: 132.912 of 202.64 is 65.59 %, 9.41 points behind June (75.00 % is September)', () => {
    expect(executionAgainstTime({ budget: '202.64', executed: '132.91', month: 9 })).toEqual({ budget: '202.64', executed: '132.91', executionRate: '65.59', timeProgress: '75.00', deviation: '-9.41' })
  })
  test('the month is December for a past year, the current month for this year, none for a future one', () => {
    expect(progressMonthOf(2025, '2026-06-15')).toBe(12)
    expect(progressMonthOf(2026, '2026-06-15')).toBe(6)
    expect(progressMonthOf(2027, '2026-06-15')).toBeNull()
    expect(executionAgainstTime({ budget: '100.00', executed: '0.00', month: null })).toMatchObject({ executionRate: '0.00', timeProgress: null, deviation: null })
    expect(executionAgainstTime({ budget: '0.00', executed: '0.00', month: 6 }).executionRate).toBeNull()
  })
})

describe('rule differences', () => {
  test('only the leaves the district sets differently, with the layer that set them', () => {
    const city = resolveRules([{ source: '深圳市 2026年 第1版', overrides: { budgetLights: { yellowFrom: 50 } } as never }])
    const district = resolveRules([
      { source: '深圳市 2026年 第1版', overrides: { budgetLights: { yellowFrom: 50 } } as never },
      { source: '南山区 2026年 第1版', overrides: { gradeBands: { excellent: 92 } } as never },
    ])
    const diffs = ruleDifferences(city.rules, district)
    expect(diffs).toEqual([{ path: 'gradeBands.excellent', parent: nationalRules.gradeBands.excellent, child: 92, source: '南山区 2026年 第1版' }])
    expect(ruleDifferences(city.rules, city)).toEqual([])
  })
})
