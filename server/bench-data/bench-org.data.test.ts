import { describe, expect, it } from 'vitest'
import { projectRuleProblems } from '../../domain/projects.ts'
import { benchOrg, chineseNumber } from './bench-org.data.ts'
import { benchProjectRows, PROJECTS_PER_UNIT } from './generate.ts'

describe('bench org', () => {
  it('city ≈ 12 jurisdictions and 2,000 units; province ≈ 20 cities and 40,000 units; codes unique and under 99', () => {
    const city = benchOrg('city')
    expect(city.jurisdictions).toHaveLength(12)
    expect(city.units.length).toBeGreaterThan(1900)
    expect(city.units.length).toBeLessThan(2100)
    const province = benchOrg('province')
    expect(province.jurisdictions.filter((j) => j.level === 'city')).toHaveLength(20)
    expect(province.units.length * PROJECTS_PER_UNIT).toBeGreaterThan(950_000)
    const codes = [...province.jurisdictions, ...province.departments, ...province.units].map((n) => n.code)
    expect(new Set(codes).size).toBe(codes.length)
    expect(codes.every((c) => c.startsWith('99'))).toBe(true)
    expect(new Set(province.units.map((u) => u.name)).size).toBe(province.units.length)
  })

  it('names schools the Chinese way', () => {
    expect([1, 10, 12, 20, 45, 100, 105, 118].map(chineseNumber)).toEqual(['一', '十', '十二', '二十', '四十五', '一百', '一百零五', '一百一十八'])
    expect(benchOrg('city').units.map((u) => u.name)).toContain('东江市东城区第三中学')
  })
})

describe('bench projects', () => {
  const org = benchOrg('city')
  const sample = { ...org, units: org.units.slice(0, 300) }
  const rows = [...benchProjectRows(sample, 1)]

  it('is deterministic for a seed and differs between seeds', () => {
    expect([...benchProjectRows(sample, 1)]).toEqual(rows)
    expect([...benchProjectRows(sample, 2)]).not.toEqual(rows)
  })

  it('gives every unit 25 projects with unique codes and consistent money', () => {
    expect(rows).toHaveLength(300 * PROJECTS_PER_UNIT)
    const codes = rows.map((r) => `${r[3]}|${r[2]}|${r[0]}`)
    expect(new Set(codes).size).toBe(codes.length)
    for (const r of rows) {
      const [, name, fiscalYear, , , , , , projectType, , periodStartYear, periodEndYear, mediumTermAmount, amountGeneral, amountFund, amountStateCapital, amountSocialInsurance, amountFiscal, amountOther, amountTotal] = r as string[]
      const cents = (m: string) => BigInt(m.replace('.', ''))
      expect(cents(amountGeneral!) + cents(amountFund!) + cents(amountStateCapital!) + cents(amountSocialInsurance!)).toBe(cents(amountFiscal!))
      expect(cents(amountFiscal!) + cents(amountOther!)).toBe(cents(amountTotal!))
      expect(name).toMatch(/^20\d\d年.+项目$/)
      const figures = { fiscalYear: Number(fiscalYear), projectType, periodStartYear: Number(periodStartYear), periodEndYear: Number(periodEndYear), mediumTermAmount, amountGeneral, amountFund, amountStateCapital, amountSocialInsurance, amountOther } as Parameters<typeof projectRuleProblems>[0]
      expect(projectRuleProblems(figures), name).toEqual([])
    }
  })
})
