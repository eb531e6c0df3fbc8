import { describe, expect, it } from 'vitest'
import { canCommit, cellErrors, errorsByRow, otherErrors } from './importErrors'

const errors = [
  { row: 3, column: '*预算年度', field: 'fiscalYear', message: '预算年度 2031 不在实施期内' },
  { row: 3, column: '*中期资金总额（元）', field: 'mediumTermAmount', message: '中期资金总额不能小于本年度资金合计' },
  { row: 4, column: '*预算类别', field: 'budgetKind', message: '预算类别“不知道”无效' },
  { row: 1, column: null, field: null, message: '缺少必填列' },
]

describe('import preview errors', () => {
  it('puts each problem on the preview cell that shows its field, the rest in 其他问题', () => {
    const byRow = errorsByRow(errors)
    expect(cellErrors(byRow.get(3), 'fiscalYear').map((e) => e.field)).toEqual(['fiscalYear'])
    expect(cellErrors(byRow.get(3), 'amountTotal').map((e) => e.field)).toEqual(['mediumTermAmount'])
    expect(cellErrors(byRow.get(3), 'code')).toEqual([])
    expect(otherErrors(byRow.get(4)).map((e) => e.field)).toEqual(['budgetKind'])
    expect(otherErrors(byRow.get(1))).toHaveLength(1)
    expect(otherErrors(byRow.get(2))).toEqual([])
  })

  it('allows the commit only without errors and with something to write', () => {
    expect(canCommit({ errors, toCreate: 3, toUpdate: 0 })).toBe(false)
    expect(canCommit({ errors: [], errorCount: 0, toCreate: 0, toUpdate: 1 })).toBe(true)
    expect(canCommit({ errors: [], errorCount: 0, toCreate: 0, toUpdate: 0 })).toBe(false)
  })
})
