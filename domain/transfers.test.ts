import { describe, expect, test } from 'vitest'
import { transferAllocationProblems } from './transfers.ts'

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
