import { describe, expect, test } from 'vitest'
import { avoidanceReasons, drawExperts, newSeed, type PoolExpert, scoreSpread } from './expert-draw.ts'
import { seededRandom } from './seeded-draw.ts'

const asOf = new Date('2026-06-30T00:00:00Z')
const object = { unitCode: 'U1', departmentCode: 'D1' }
const expert = (id: string, extra: Partial<PoolExpert> = {}): PoolExpert => ({ id, fields: ['财务'], affiliationCode: null, affiliationDepartmentCode: null, relatedCodes: [], lastEngagedAt: null, active: true, ...extra })

const pool: PoolExpert[] = [
  expert('e01', { affiliationCode: 'U1', affiliationDepartmentCode: 'D1' }),
  expert('e02', { affiliationCode: 'U9', affiliationDepartmentCode: 'D1' }),
  expert('e03', { relatedCodes: ['U1'] }),
  expert('e04', { lastEngagedAt: '2026-03-01T00:00:00Z' }),
  expert('e05', { active: false }),
  ...Array.from({ length: 10 }, (_, i) => expert(`e1${i}`, { fields: i % 2 ? ['财务', '教育'] : ['工程'] })),
]

describe('avoidance', () => {
  test('each reason', () => {
    expect(avoidanceReasons(pool[0]!, object, asOf, 6)).toEqual(['same_unit', 'same_department'])
    expect(avoidanceReasons(pool[1]!, object, asOf, 6)).toEqual(['same_department'])
    expect(avoidanceReasons(pool[2]!, object, asOf, 6)).toEqual(['declared_relation'])
    expect(avoidanceReasons(pool[3]!, object, asOf, 6)).toEqual(['recently_engaged'])
    expect(avoidanceReasons(pool[3]!, object, asOf, 3)).toEqual([])
    expect(avoidanceReasons(pool[4]!, object, asOf, 6)).toEqual(['inactive'])
  })
})

describe('the draw', () => {
  test('never returns an avoided expert', () => {
    for (let i = 0; i < 200; i++) {
      const result = drawExperts({ pool, object, count: 6, seed: `s${i}`, asOf, cooldownMonths: 6 })
      const avoided = new Set(result.candidates.filter((c) => c.reasons.length).map((c) => c.id))
      expect(avoided).toEqual(new Set(['e01', 'e02', 'e03', 'e04', 'e05']))
      expect(result.drawn).toHaveLength(6)
      expect(result.drawn.some((id) => avoided.has(id))).toBe(false)
      expect(new Set(result.drawn).size).toBe(6)
    }
  })

  test('is reproduced from its recorded seed, whatever the pool order', () => {
    const first = drawExperts({ pool, object, count: 3, seed: 'a1b2c3d4', asOf, cooldownMonths: 6 })
    const again = drawExperts({ pool: [...pool].reverse(), object, count: 3, seed: first.seed, asOf, cooldownMonths: 6 })
    expect(again).toEqual(first)
    const seeds = new Set(Array.from({ length: 20 }, (_, i) => drawExperts({ pool, object, count: 3, seed: `x${i}`, asOf, cooldownMonths: 6 }).drawn.join()))
    expect(seeds.size).toBeGreaterThan(1)
  })

  test('narrows the pool to the fields asked for, and reports a shortfall', () => {
    const result = drawExperts({ pool, object, fields: ['教育'], count: 8, seed: 'f', asOf, cooldownMonths: 6 })
    expect(result.candidates.map((c) => c.id)).toEqual(['e11', 'e13', 'e15', 'e17', 'e19'])
    expect(result.drawn).toHaveLength(5)
    expect(result.shortfall).toBe(3)
  })

  test('the generator and seeds', () => {
    const a = seededRandom('abc')
    const b = seededRandom('abc')
    expect([a(), a(), a()]).toEqual([b(), b(), b()])
    expect(newSeed()).toMatch(/^[0-9a-f]{12}$/)
    expect(newSeed()).not.toBe(newSeed())
  })
})

describe('score spread', () => {
  test('flags a spread above the threshold', () => {
    expect(scoreSpread(['85.50', '92.00'], 10)).toEqual({ min: '85.50', max: '92.00', spread: '6.50', flagged: false })
    expect(scoreSpread(['75.00', '92.00', '80.25'], 10)).toMatchObject({ spread: '17.00', flagged: true })
    expect(scoreSpread([], 10)).toEqual({ min: null, max: null, spread: null, flagged: false })
  })
})
