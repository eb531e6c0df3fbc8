import { describe, expect, test } from 'vitest'
import { DEFAULT_PROJECT_CODE_PATTERN, projectCodePatternProblems, projectCodeSeries } from './project-code.ts'

const nanshan = { jurisdictionCode: '440305', departmentCode: '440305102', unitCode: '440305102004', fiscalYear: 2026, budgetKind: 'general' as const }

describe('projectCodeSeries', () => {
  test('the default: jurisdiction, year, 预算类别 digit, five-digit serial', () => {
    const { series, code } = projectCodeSeries(DEFAULT_PROJECT_CODE_PATTERN, nanshan)
    expect(series).toBe('44030520261{seq:5}')
    expect(code(42)).toBe('4403052026100042')
    expect(projectCodeSeries(DEFAULT_PROJECT_CODE_PATTERN, { ...nanshan, budgetKind: 'fund' }).code(1)).toBe('4403052026200001')
  })
  test('literals and other tokens', () => {
    expect(projectCodeSeries('XM-{unitCode}-{fiscalYear}-{seq:3}', nanshan).code(7)).toBe('XM-440305102004-2026-007')
  })
})

describe('projectCodePatternProblems', () => {
  test('the default is usable', () => expect(projectCodePatternProblems(DEFAULT_PROJECT_CODE_PATTERN)).toEqual([]))
  test.each([
    ['{jurisdictionCode}{fiscalYear}', '须含且只含一个流水号'],
    ['{seq:3}{seq:3}', '须含且只含一个流水号'],
    ['{seq}', 'N 为 1–9 位'],
    ['{year}{seq:4}', '未知的占位符 {year}'],
    ['项目{seq:4}', '编码不允许的字符'],
    ['{seq:4', '花括号须成对'],
    ['{unitCode}{unitCode}{unitCode}{unitCode}{unitCode}{seq:9}', '超过 64 位'],
  ])('%s', (pattern, problem) => {
    expect(projectCodePatternProblems(pattern).map((p) => p.zh).join(' ')).toContain(problem)
  })
})
