import { describe, expect, it } from 'vitest'
import { duplicateNames, placementOptions, removedCount, splitPlacement, toFrameworkBody, toFrameworkForm } from './frameworkEdit'
import type { FrameworkDetail } from './rules.types'

const legacy: FrameworkDetail = {
  code: 'sz-2026',
  name: '深圳市指标体系',
  description: '',
  jurisdictionCode: '440300',
  jurisdictionName: '深圳市',
  fiscalYearFrom: 2026,
  status: 'active',
  version: 3,
  editable: true,
  nodes: [
    { id: 'a', name: '产出指标', level: 1, mapsFrom: ['产出指标'], children: [{ id: 'a1', name: '数量指标', mapsFrom: ['产出指标/数量指标'] }] },
    { id: 'b', name: '效益指标', level: 1, mapsFrom: ['效益指标'], children: [] },
    { id: 'c', name: '成本指标', level: 1, mapsFrom: ['产出指标/成本指标'], children: [] },
  ],
}

describe('the framework editor', () => {
  it('offers the 88号 placements, cost ones with their kind', () => {
    const options = placementOptions()
    expect(options).toContain('产出指标')
    expect(options).toContain('产出指标/数量指标')
    expect(options).toContain('产出指标/成本指标#ecological')
    expect(options).toContain('满意度指标/服务对象满意度指标')
    expect(options.filter((o) => o.includes('#'))).toHaveLength(3)
    expect(new Set(options).size).toBe(options.length)
    expect(splitPlacement('产出指标/成本指标#social')).toEqual({ level1: '产出指标', level2: '成本指标', costKind: 'social' })
    expect(splitPlacement('效益指标')).toEqual({ level1: '效益指标', level2: undefined, costKind: undefined })
  })

  it('round-trips a framework through the form into the PUT body', () => {
    const form = toFrameworkForm(legacy)
    const body = toFrameworkBody({ ...form, name: ' 深圳市指标体系（2026） ' }, legacy.version)
    expect(body).toMatchObject({ version: 3, name: '深圳市指标体系（2026）', status: 'active', fiscalYearFrom: 2026 })
    expect(body.nodes).toEqual([
      { name: '产出指标', mapsFrom: ['产出指标'], children: [{ name: '数量指标', mapsFrom: ['产出指标/数量指标'] }] },
      { name: '效益指标', mapsFrom: ['效益指标'], children: [] },
      { name: '成本指标', mapsFrom: ['产出指标/成本指标'], children: [] },
    ])
  })

  it('finds duplicate names where the server would refuse them', () => {
    const form = toFrameworkForm(legacy)
    expect(duplicateNames(form.nodes)).toEqual([])
    expect(duplicateNames([...form.nodes, { name: '产出指标 ' }])).toEqual(['产出指标'])
    expect(duplicateNames([{ name: 'A', children: [{ name: 'x' }, { name: 'x' }] }, { name: 'B', children: [{ name: 'x' }] }])).toEqual(['x'])
    expect(removedCount(form.nodes[0])).toBe(2)
  })
})
