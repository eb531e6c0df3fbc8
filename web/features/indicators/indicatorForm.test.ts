import { describe, expect, it } from 'vitest'
import { indicatorContentProblems } from '../../../domain/indicators'
import {
  type IndicatorFormValues,
  formValuesOf,
  hasCostKind,
  level2Options,
  needsUnit,
  newIndicatorValues,
  toContentBody,
  validYearsInOrder,
} from './indicatorForm'
import type { IndicatorDetail } from './indicators.types'

const values: IndicatorFormValues = {
  ...newIndicatorValues(2026),
  name: '  培训人次 ',
  level1: '产出指标',
  level2: '数量指标',
  nature: '>=',
  unit: ' 人次 ',
  definition: '年度内参加培训的人次',
  valueBasis: 'plan',
  scope: 'individual',
  costKind: 'social',
  exampleTarget: '  ',
}

describe('the indicator form', () => {
  it('offers the 二级 of the chosen 一级 only', () => {
    expect(level2Options(undefined)).toEqual([])
    expect(level2Options('满意度指标')).toEqual(['服务对象满意度指标'])
    expect(level2Options('产出指标')).toContain('成本指标')
  })

  it('asks a unit of quantitative natures and a cost kind of cost indicators', () => {
    expect(needsUnit('>=')).toBe(true)
    expect(needsUnit('qualitative')).toBe(false)
    expect(needsUnit(undefined)).toBe(false)
    expect(hasCostKind('成本指标')).toBe(true)
    expect(hasCostKind('数量指标')).toBe(false)
  })

  it('sends trimmed texts, nulls for empty optionals and no cost kind outside 成本指标', () => {
    const body = toContentBody(values)
    expect(body).toMatchObject({ name: '培训人次', unit: '人次', costKind: null, exampleTarget: null, validToYear: null, formula: '', sectors: [] })
    expect(indicatorContentProblems(body)).toEqual([])
  })

  it('defaults a cost indicator to economic cost and drops the unit of a qualitative one', () => {
    expect(toContentBody({ ...values, level2: '成本指标', costKind: undefined }).costKind).toBe('economic')
    expect(toContentBody({ ...values, level2: '成本指标' }).costKind).toBe('social')
    expect(toContentBody({ ...values, nature: 'qualitative' }).unit).toBe('')
  })

  it('prefills a revision with the current content', () => {
    const row = { ...toContentBody(values), id: 'x', code: 'JY001', revision: 1, status: 'active', version: 3 } as unknown as IndicatorDetail
    expect(toContentBody(formValuesOf(row))).toEqual(toContentBody(values))
  })

  it('keeps the valid years in order, an open end allowed', () => {
    expect(validYearsInOrder(2026, null)).toBe(true)
    expect(validYearsInOrder(2026, 2026)).toBe(true)
    expect(validYearsInOrder(2026, 2025)).toBe(false)
  })
})
