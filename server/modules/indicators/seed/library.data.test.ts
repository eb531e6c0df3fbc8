import { describe, expect, test } from 'vitest'
import { indicatorContentProblems, legacyPlacement, projectKinds, sectors } from '../../../../domain/indicators.ts'
import { parseIndicatorValue } from '../../../../domain/indicator-value.ts'
import { libraryIndicators } from './index.ts'

describe('the seeded indicator library', () => {
  test('has at least 400 indicators with unique codes', () => {
    expect(libraryIndicators.length).toBeGreaterThanOrEqual(400)
    expect(new Set(libraryIndicators.map((i) => i.code)).size).toBe(libraryIndicators.length)
  })

  test.each(sectors)('sector %s has at least 25 indicators, across all three 一级', (sector) => {
    const rows = libraryIndicators.filter((i) => i.sectors.includes(sector))
    expect(rows.length).toBeGreaterThanOrEqual(25)
    expect(new Set(rows.map((i) => i.level1))).toEqual(new Set(Object.keys(legacyPlacement)))
  })

  test.each(projectKinds)('project type %s has at least 10 common indicators, with a satisfaction one', (kind) => {
    const rows = libraryIndicators.filter((i) => i.scope === 'common' && i.projectKinds.includes(kind))
    expect(rows.length).toBeGreaterThanOrEqual(10)
    expect(rows.some((i) => i.level1 === '满意度指标')).toBe(true)
  })

  test('every indicator is placed in the tree, has a unit when quantitative and a definition', () => {
    for (const i of libraryIndicators) {
      expect(indicatorContentProblems({ ...i, validFromYear: 2024, validToYear: null }), i.code).toEqual([])
      expect(i.definition.length, i.code).toBeGreaterThan(6)
    }
  })

  test('example targets read back with the indicator’s own nature', () => {
    for (const i of libraryIndicators.filter((x) => x.exampleTarget)) {
      const value = parseIndicatorValue(i.exampleTarget!)
      if (i.nature === 'qualitative') expect(value.kind, i.code).not.toBe('quantitative')
      else if (value.kind === 'quantitative') expect([i.nature, '='], `${i.code} ${i.exampleTarget}`).toContain(value.nature)
    }
  })
})
