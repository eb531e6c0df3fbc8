import { describe, expect, test } from 'vitest'
import { createTestContext } from '../../test/context.ts'
import { seedFrameworks, seedIndicatorLibrary } from './indicators.seed.ts'

// The two searches a user types into, the indicator library (BM25) and the project library (full text): a hit must
// match a meaningful word of the query; a query with none finds nothing rather than whatever shares a character.
const t = await createTestContext()
const city = await t.make.jurisdiction({ name: '检索市' })
const edu = await t.make.department({ jurisdiction: city, name: '检索市教育局' })
const school = await t.make.unit({ department: edu, name: '检索市第一中学' })
const admin = await t.as(await t.make.user({ role: 'finance_admin', org: city }))
await seedFrameworks(t.db, t.clock.now())
await seedIndicatorLibrary(t.db, { ownerJurisdictionCode: city.code, fromYear: 2024, now: t.clock.now() })
const projectNames = ['2026年义务教育学位建设项目', '2026年学生满意度调查项目', '2026年校园的安全管理与维护项目', '2026年A级景区宣传项目']
for (const name of projectNames) await t.make.project({ unit: school, name })

const search = async (what: 'indicators' | 'projects', q: string) => {
  const res = await admin.get(`/api/${what}?q=${encodeURIComponent(q)}&pageSize=100`)
  expect(res.statusCode).toBe(200)
  return res.json() as { total: number; items: { name: string; matched?: string[] }[] }
}

describe('a query without a meaningful word finds nothing', () => {
  test.each([
    ['asdfqwer', 'a word of no language'],
    ['鑫鑫鑫', 'a character repeated'],
    ['的', 'a stop word'],
    ['和与', 'stop words only'],
    ['项目', 'a word every project has'],
    ['a', 'a lone letter'],
    ['1', 'a lone digit'],
  ])('%s (%s)', async (q) => {
    expect(await search('indicators', q)).toMatchObject({ total: 0, items: [] })
    expect(await search('projects', q)).toMatchObject({ total: 0, items: [] })
  })
})

describe('a real query finds what contains its words', () => {
  test('义务教育', async () => {
    const indicators = await search('indicators', '义务教育')
    expect(indicators.total).toBeGreaterThan(3)
    for (const item of indicators.items) expect(item.matched!.filter((w) => ['义务', '教育', '义务教育'].includes(w))).not.toEqual([])
    expect(indicators.items[0]!.name).toMatch(/义务教育/)
    expect((await search('projects', '义务教育')).items.map((p) => p.name)).toEqual(['2026年义务教育学位建设项目'])
  })

  test('满意度', async () => {
    const indicators = await search('indicators', '满意度')
    expect(indicators.total).toBeGreaterThan(10)
    for (const item of indicators.items) expect(item.matched!.filter((w) => ['满意', '满意度'].includes(w))).not.toEqual([])
    expect(indicators.items[0]!.name).toMatch(/满意度/)
    expect((await search('projects', '满意度')).items.map((p) => p.name)).toEqual(['2026年学生满意度调查项目'])
  })

  test('a meaningful word among noise still finds its matches', async () => {
    expect((await search('projects', '安全 的')).items.map((p) => p.name)).toEqual(['2026年校园的安全管理与维护项目'])
    expect((await search('indicators', 'asdfqwer 满意度')).total).toBe((await search('indicators', '满意度')).total)
  })
})
