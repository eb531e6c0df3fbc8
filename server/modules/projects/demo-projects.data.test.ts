import { describe, expect, it } from 'vitest'
import { addMoney, compareMoney, isMoney } from '../../../domain/money.ts'
import { budgetKinds, projectRuleProblems, projectTotals } from '../../../domain/projects.ts'
import { demoRegion } from '../org/demo-region.data.ts'
import { demoProjects } from './demo-projects.data.ts'
import { projectFields } from './projects.schemas.ts'

describe('demoProjects', () => {
  const projects = demoProjects()
  const region = demoRegion()

  it('is deterministic', () => {
    expect(demoProjects()).toEqual(projects)
  })

  it('has at least 2,000 projects, mostly for 2026, over 2025–2027', () => {
    expect(projects.length).toBeGreaterThanOrEqual(2000)
    const years = new Set(projects.map((p) => p.fiscalYear))
    expect([...years].sort()).toEqual([2025, 2026, 2027])
    expect(projects.filter((p) => p.fiscalYear === 2026).length).toBeGreaterThan(projects.length / 2)
  })

  it('covers all four budgets, at least five object kinds, and the usual statuses', () => {
    expect(new Set(projects.map((p) => p.budgetKind))).toEqual(new Set(budgetKinds))
    expect(new Set(projects.map((p) => p.objectKind)).size).toBeGreaterThanOrEqual(5)
    const statuses = new Set(projects.map((p) => p.status))
    for (const s of ['reserve', 'library', 'budgeted', 'executing'] as const) expect(statuses).toContain(s)
    expect(projects.some((p) => p.isMajorNew)).toBe(true)
    expect(projects.every((p) => !p.isMajorNew || p.attribute === 'new')).toBe(true)
  })

  it('gives every unit projects, and codes are unique per jurisdiction and year', () => {
    const units = new Set(projects.map((p) => p.unitCode))
    expect(units.size).toBe(region.units.length)
    const keys = projects.map((p) => `${p.jurisdictionCode}|${p.fiscalYear}|${p.code}`)
    expect(new Set(keys).size).toBe(keys.length)
    const unitOf = new Map(region.units.map((u) => [u.code, u]))
    for (const p of projects) {
      const unit = unitOf.get(p.unitCode)!
      expect([p.jurisdictionCode, p.departmentCode]).toEqual([unit.jurisdictionCode, unit.departmentCode])
      expect(projectFields.code.safeParse(p.code).success).toBe(true)
    }
  })

  it('has valid money whose parts add up, and passes the project rules', () => {
    for (const p of projects) {
      const amounts = [p.amountGeneral, p.amountFund, p.amountStateCapital, p.amountSocialInsurance, p.amountOther, p.mediumTermAmount]
      for (const a of amounts) expect(isMoney(a) && /^\d+\.\d{2}$/.test(a), `${p.code} ${a}`).toBe(true)
      const { amountFiscal, amountTotal } = projectTotals(p)
      expect(addMoney(amountFiscal, p.amountOther)).toBe(amountTotal)
      expect(compareMoney(amountTotal, '10000')).toBeGreaterThanOrEqual(0)
      // the main budget carries money
      const main = { general: p.amountGeneral, fund: p.amountFund, state_capital: p.amountStateCapital, social_insurance: p.amountSocialInsurance }[p.budgetKind]
      expect(compareMoney(main, '0'), p.code).toBeGreaterThan(0)
      expect(projectRuleProblems(p), p.code).toEqual([])
    }
  })

  it('has realistic names: the year, a subject, a topic, 项目 — and no placeholder text', () => {
    for (const p of projects) {
      expect(p.name.startsWith(`${p.fiscalYear}年`), p.name).toBe(true)
      expect(p.name.endsWith('项目'), p.name).toBe(true)
      expect(p.name).not.toMatch(/undefined|null|NaN|\$|\{|\}|测试|test|xxx/i)
      expect(p.name.length).toBeLessThanOrEqual(60)
      expect(p.description).not.toMatch(/undefined|null|NaN|\$|\{|\}/)
      expect(projectFields.contactPhone.safeParse(p.contactPhone).success).toBe(true)
    }
    const names = new Set(projects.map((p) => p.name))
    expect(names).toContain('2026年南山区中小学教师培训项目')
    // one unit never has two projects of the same name in a year
    const perUnitYear = projects.map((p) => `${p.unitCode}|${p.name}`)
    expect(new Set(perUnitYear).size).toBe(perUnitYear.length)
  })

  it('fits projects to the unit: schools train teachers, hospitals buy equipment, insurance sits with 社保/医保', () => {
    const of = (unitName: string) => projects.filter((p) => region.units.find((u) => u.code === p.unitCode)!.name === unitName).map((p) => p.name)
    expect(of('深圳中学').some((n) => /教师培训|校舍维修改造|智慧校园建设|学生资助|实验室设备购置|课后服务|校园安保服务|图书资料购置/.test(n))).toBe(true)
    expect(of('深圳市人民医院').some((n) => /医疗设备购置|信息化建设|重点学科建设|公共卫生服务|住院综合楼改扩建|医务人员规范化培训/.test(n))).toBe(true)
    const insuranceUnits = new Set(projects.filter((p) => p.budgetKind === 'social_insurance').map((p) => region.units.find((u) => u.code === p.unitCode)!.name))
    for (const name of insuranceUnits) expect(name).toMatch(/社会保险|医疗保障/)
  })
})
