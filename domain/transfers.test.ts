import { describe, expect, test } from 'vitest'
import { nationalRules } from './rule-set.ts'
import { rollUpTransfer, transferAllocationProblems } from './transfers.ts'

const districts = new Set(['440305', '440304', '440306'])

describe('transfer allocations', () => {
  test('a set within the budget, each district once, passes', () => {
    expect(transferAllocationProblems([{ districtCode: '440305', amount: '600000.00' }, { districtCode: '440304', amount: '400000' }], '1000000.00', districts)).toEqual([])
  })

  test('the sum above the fiscal budget is refused with both figures', () => {
    const problems = transferAllocationProblems([{ districtCode: '440305', amount: '600000.00' }, { districtCode: '440304', amount: '400000.01' }], '1000000.00', districts)
    expect(problems).toEqual([expect.objectContaining({ path: 'items', zh: '分配合计 1,000,000.01 元超过项目财政拨款 1,000,000.00 元' })])
  })

  test('a district twice, a district not below, zero and malformed amounts are each named', () => {
    const problems = transferAllocationProblems(
      [{ districtCode: '440305', amount: '1.00' }, { districtCode: '440305', amount: '0' }, { districtCode: '110101', amount: '1.234' }],
      '100.00',
      districts,
    )
    expect(problems.map((p) => p.path)).toEqual(['items.1.districtCode', 'items.1.amount', 'items.2.districtCode', 'items.2.amount'])
  })
})

describe('the city goal rolls its districts up', () => {
  const share = { linked: true, goalApproved: true }
  test('money and stages summed, the worst light, scores weighted by allocation (worked example)', () => {
    const result = rollUpTransfer(
      [
        { ...share, districtName: '南山区', amount: '600000.00', light: 'green', executed: '300000.00', score: '90.00' },
        { ...share, districtName: '福田区', amount: '400000.00', light: 'red', executed: '100000.00', score: '70.00' },
        { districtName: '罗湖区', amount: '200000.00', linked: false, goalApproved: false, light: null, executed: null, score: null },
      ],
      nationalRules,
    )
    // (90 × 600,000 + 70 × 400,000) ÷ 1,000,000 = 82.00 → 良; 400,000 ÷ 1,200,000 = 33.33 %
    expect(result.value).toEqual({ allocated: '1200000.00', districts: 3, linked: 2, goalsApproved: 2, monitored: 2, executed: '400000.00', executionRate: '33.33', worstLight: 'red', evaluated: 2, weightedScore: '82.00', grade: '良' })
    expect(result.formula).toContain('(南山区 90.00 分 × 600,000.00 元 + 福田区 70.00 分 × 400,000.00 元) ÷ 1,000,000.00 元 = 82.00 分 → 良')
  })

  test('before any district reports, nothing is invented', () => {
    const result = rollUpTransfer([{ districtName: '南山区', amount: '100.00', linked: false, goalApproved: false, light: null, executed: null, score: null }], nationalRules)
    expect(result.value).toMatchObject({ linked: 0, monitored: 0, executionRate: '0.00', worstLight: null, weightedScore: null, grade: null })
    expect(result.formula).toContain('尚无区级自评结果')
  })
})
