import { describe, expect, it } from 'vitest'
import { ALL_KEY, KINDS_KEY, SECTORS_KEY, buildTree, filtersOfTreeKey, treeKeyOf } from './indicatorTree'
import type { IndicatorFacets } from './indicators.types'

const none = { level1: undefined, level2: undefined, sector: undefined, projectKind: undefined }

describe('the browsing tree', () => {
  it('turns a node into filters and back', () => {
    for (const key of ['l1:产出指标', 'l2:效益指标/社会效益指标', 'sector:education', 'kind:training', ALL_KEY]) {
      expect(treeKeyOf(filtersOfTreeKey(key))).toBe(key)
    }
    expect(filtersOfTreeKey('l2:产出指标/数量指标')).toEqual({ ...none, level1: '产出指标', level2: '数量指标' })
  })

  it('clears the tree filters for group headings and keys that do not fit the 88号 tree', () => {
    expect(filtersOfTreeKey(SECTORS_KEY)).toEqual(none)
    expect(filtersOfTreeKey(KINDS_KEY)).toEqual(none)
    expect(filtersOfTreeKey('l2:产出指标/社会效益指标')).toEqual(none)
    expect(filtersOfTreeKey('l1:不存在')).toEqual(none)
    expect(filtersOfTreeKey(undefined)).toEqual(none)
  })

  it('selects no node when the filters combine several of them', () => {
    expect(treeKeyOf({ level1: '产出指标', sector: 'education' })).toBeUndefined()
    expect(treeKeyOf({ q: '培训', nature: '>=' })).toBe(ALL_KEY)
  })

  it('builds the 88号 tree with counts, then sectors and project types that have rows, largest first', () => {
    const facets: IndicatorFacets = {
      total: 12,
      placements: [
        { level1: '产出指标', level2: '数量指标', count: 5 },
        { level1: '产出指标', level2: '成本指标', count: 2 },
        { level1: '满意度指标', level2: '服务对象满意度指标', count: 5 },
      ],
      sectors: [
        { key: 'health', count: 1 },
        { key: 'education', count: 4 },
      ],
      projectKinds: [{ key: 'training', count: 0 }],
    }
    const [all, bySector, byKind] = buildTree(facets, {
      all: '全部',
      sectors: '行业',
      projectKinds: '项目类型',
      sector: (s) => s,
      projectKind: (k) => k,
      level: (name) => `«${name}»`,
    })
    expect(all?.count).toBe(12)
    expect(all?.children?.map((n) => [n.label, n.count])).toEqual([
      ['«产出指标»', 7],
      ['«效益指标»', 0],
      ['«满意度指标»', 5],
    ])
    // The 一级/二级 names go through the language's words (issue 10 §27).
    expect(all?.children?.[0]?.children?.[0]?.label).toBe('«数量指标»')
    expect(all?.children?.[0]?.children?.map((n) => n.count)).toEqual([5, 0, 0, 2])
    expect(bySector?.children?.map((n) => n.key)).toEqual(['sector:education', 'sector:health'])
    expect(byKind?.children).toEqual([])
  })
})
