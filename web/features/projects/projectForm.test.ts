import { describe, expect, it } from 'vitest'
import { ApiError } from '../../api/client'
import type { Project } from './projects.types'
import { continuationValues, type ProjectFormValues, figuresOf, liveTotals, serverFieldErrors, toProjectInput } from './projectForm'

const typed: ProjectFormValues = {
  code: ' P-001 ',
  name: ' 校园安全提升 ',
  fiscalYear: 2027,
  unitCode: '440300102002',
  budgetKind: 'general',
  attribute: 'new',
  projectType: 'one_off',
  objectKind: 'procurement',
  periodStartYear: 2027,
  periodEndYear: 2027,
  isMajorNew: false,
  description: '',
  contactName: '',
  contactPhone: undefined,
  mediumTermAmount: '2,000,000',
  amountGeneral: '1,234,567.89',
  amountFund: '',
  amountStateCapital: '',
  amountSocialInsurance: '0',
  amountOther: '100.11',
}

describe('the project form', () => {
  it('sends money as plain decimal strings, empty optional amounts as 0 and empty contacts as null', () => {
    expect(toProjectInput(typed)).toEqual({
      code: 'P-001',
      name: '校园安全提升',
      fiscalYear: 2027,
      unitCode: '440300102002',
      budgetKind: 'general',
      attribute: 'new',
      projectType: 'one_off',
      objectKind: 'procurement',
      periodStartYear: 2027,
      periodEndYear: 2027,
      isMajorNew: false,
      description: '',
      contactName: null,
      contactPhone: null,
      mediumTermAmount: '2000000.00',
      amountGeneral: '1234567.89',
      amountFund: '0.00',
      amountStateCapital: '0.00',
      amountSocialInsurance: '0.00',
      amountOther: '100.11',
    })
  })

  it('adds up the totals exactly while typing, counting what is not an amount yet as 0', () => {
    expect(liveTotals(typed)).toEqual({ amountFiscal: '1234567.89', amountTotal: '1234668.00' })
    expect(liveTotals({ amountGeneral: '0.1', amountFund: '0.2', amountOther: 'x' })).toEqual({
      amountFiscal: '0.30',
      amountTotal: '0.30',
    })
  })

  it('checks the cross-field rules only once the figures are there, the year rules even before the money', () => {
    expect(figuresOf({ ...typed, mediumTermAmount: 'abc' })).toBeNull()
    expect(figuresOf({ ...typed, mediumTermAmount: 'abc' }, true)?.mediumTermAmount).toBe('0.00')
    expect(figuresOf({ ...typed, periodEndYear: undefined }, true)).toBeNull()
  })

  it('puts the server’s field errors on the fields it names', () => {
    const rule = new ApiError(422, 'RULE_VIOLATION', '不符合业务规则', [
      { path: 'fiscalYear', message: '预算年度 2031 不在实施期 2027–2027 内' },
      { path: 'mediumTermAmount', message: '中期资金总额不能小于本年度资金合计' },
    ])
    expect(serverFieldErrors(rule, ['fiscalYear', 'mediumTermAmount'])).toEqual([
      { name: 'fiscalYear', errors: ['预算年度 2031 不在实施期 2027–2027 内'] },
      { name: 'mediumTermAmount', errors: ['中期资金总额不能小于本年度资金合计'] },
    ])
    const invalid = new ApiError(400, 'VALIDATION_FAILED', '输入数据不符合要求', [{ path: 'body.code', message: '编码格式错误' }])
    expect(serverFieldErrors(invalid, ['code'])).toEqual([{ name: 'code', errors: ['编码格式错误'] }])
    // DUPLICATE names the field but explains in the main message.
    const duplicate = new ApiError(409, 'DUPLICATE', '2027 年度已有编码为 P-001 的项目', [{ path: 'code', message: 'P-001' }])
    expect(serverFieldErrors(duplicate, ['code'])).toEqual([{ name: 'code', errors: ['2027 年度已有编码为 P-001 的项目'] }])
    expect(serverFieldErrors(duplicate, ['name'])).toEqual([])
    expect(serverFieldErrors(new Error('x'), ['code'])).toEqual([])
  })
})

describe('申报下一年度（延续）', () => {
  const project = (over: Partial<Project>): Project =>
    ({
      ...toProjectInput(typed),
      code: 'SZ-EDU-001',
      name: '2025年深圳中学教师培训项目',
      fiscalYear: 2025,
      projectType: 'recurring',
      periodStartYear: 2024,
      periodEndYear: 2025,
      contactName: '张老师',
      ...over,
    }) as Project

  it('keeps the code, unit and classification, moves the year on, marks it 延续 and leaves the amounts to fill in', () => {
    const next = continuationValues(project({}))
    expect(next).toMatchObject({ code: 'SZ-EDU-001', name: '2026年深圳中学教师培训项目', fiscalYear: 2026, unitCode: '440300102002', attribute: 'continuing', projectType: 'recurring', objectKind: 'procurement', periodStartYear: 2024, periodEndYear: 2026, contactName: '张老师' })
    for (const field of ['mediumTermAmount', 'amountGeneral', 'amountFund', 'amountStateCapital', 'amountSocialInsurance', 'amountOther'] as const) expect(next[field]).toBeUndefined()
  })

  it('keeps a period that already covers next year; a one-off project runs that year only; a name without the year stays', () => {
    expect(continuationValues(project({ periodEndYear: 2027 }))).toMatchObject({ periodStartYear: 2024, periodEndYear: 2027 })
    expect(continuationValues(project({ projectType: 'one_off', periodStartYear: 2025, periodEndYear: 2025, name: '校园安全提升' }))).toMatchObject({ periodStartYear: 2026, periodEndYear: 2026, name: '校园安全提升' })
  })
})
