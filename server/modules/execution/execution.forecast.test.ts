import { beforeAll, describe, expect, test } from 'vitest'
import type { OrgNode } from '../../db/schema.ts'
import { createTestContext } from '../../test/context.ts'
import { insertMonthlyPayments } from '../../test/factories.execution.ts'
import { forecastFor } from './execution.forecast.ts'

const t = await createTestContext()
const even = Array(12).fill('1000.00') as string[]
const heavy = ['100', '100', '100', '100', '100', '100', '200', '200', '400', '600', '1000', '7000'].map((v) => `${v}.00`) // 6% by June
const minPeers = 5 // the national default of rules.monitoring.forecastMinPeers

let jurisdiction: OrgNode
let heavyDepartment: OrgNode
let heavyUnit: OrgNode
let otherUnit: OrgNode

async function priorProjects(unit: OrgNode, count: number, monthly: string[], budgetKind: 'general' | 'fund' = 'general') {
  for (let i = 0; i < count; i++) {
    const project = await t.make.project({ unit, fiscalYear: 2025, status: 'closed', budgetKind })
    await insertMonthlyPayments(t.db, project, monthly)
  }
}

beforeAll(async () => {
  jurisdiction = await t.make.jurisdiction()
  heavyDepartment = await t.make.department({ jurisdiction })
  heavyUnit = await t.make.unit({ department: heavyDepartment })
  const otherDepartment = await t.make.department({ jurisdiction })
  otherUnit = await t.make.unit({ department: otherDepartment })
  // The heavy department's general-budget projects spent most in December, five of them; the other department's
  // ten general-budget projects spent evenly (the jurisdiction's general profile is their mix, 15 peers).
  await priorProjects(heavyUnit, minPeers, heavy)
  await priorProjects(otherUnit, 10, even)
  // Fund-budget projects: only three, too few for any profile of their own.
  await priorProjects(otherUnit, 3, heavy, 'fund')
})

describe('forecastFor', () => {
  test('a project of the heavy department is forecast along its department’s year-end-heavy profile', async () => {
    const project = await t.make.project({ unit: heavyUnit, fiscalYear: 2026, status: 'executing', amountGeneral: '100000.00' })
    await insertMonthlyPayments(t.db, project, ['1000', '1000', '1000', '1000', '1000', '1000', '0', '0', '0', '0', '0', '0'])
    const forecast = (await forecastFor(t.db, { projectIds: [project.id], fiscalYear: 2026, month: 6 })).get(project.id)!
    expect(forecast.explained).toMatchObject({ profile: 'department', peers: minPeers, peerYears: minPeers, expectedSharePercent: '6.00', basis: 'extrapolated' })
    expect(forecast.value).toBe('100000.00') // 6000 ÷ 6%
  })

  test('with too few department peers the jurisdiction’s profile of the budget kind is used', async () => {
    const project = await t.make.project({ unit: otherUnit, fiscalYear: 2026, status: 'executing', amountGeneral: '100000.00' })
    await insertMonthlyPayments(t.db, project, ['5000', '5000', '5000', '5000', '5000', '5000', '0', '0', '0', '0', '0', '0'])
    // The other department has 10 peers itself: it uses its own even profile.
    const own = (await forecastFor(t.db, { projectIds: [project.id], fiscalYear: 2026, month: 6 })).get(project.id)!
    expect(own.explained).toMatchObject({ profile: 'department', peers: 10, expectedSharePercent: '50.00' })
    expect(own.value).toBe('60000.00')
  })

  test('a department with fewer than the minimum falls back to the jurisdiction; a kind with too few to even spending', async () => {
    const newDepartment = await t.make.department({ jurisdiction })
    const newUnit = await t.make.unit({ department: newDepartment })
    const general = await t.make.project({ unit: newUnit, fiscalYear: 2026, status: 'executing', amountGeneral: '100000.00' })
    const fund = await t.make.project({ unit: otherUnit, fiscalYear: 2026, status: 'executing', budgetKind: 'fund', amountGeneral: '100000.00' })
    await insertMonthlyPayments(t.db, general, ['2000', '2000', '2000', '2000', '2000', '2000', '0', '0', '0', '0', '0', '0'])
    await insertMonthlyPayments(t.db, fund, ['2000', '2000', '2000', '2000', '2000', '2000', '0', '0', '0', '0', '0', '0'])
    const forecasts = await forecastFor(t.db, { projectIds: [general.id, fund.id], fiscalYear: 2026, month: 6 })
    const jurisdictionWide = forecasts.get(general.id)!
    // 5 heavy (6% by June) and 10 even (50%) project-years: (5 × 0.06 + 10 × 0.5) / 15 = 35.33%.
    expect(jurisdictionWide.explained).toMatchObject({ profile: 'jurisdiction', peers: 15, peerYears: 15, expectedSharePercent: '35.33' })
    expect(forecasts.get(fund.id)!.explained).toMatchObject({ profile: 'even', peers: 0, expectedSharePercent: '50.00' })
    expect(forecasts.get(fund.id)!.value).toBe('24000.00')
  })

  test('budget adjustments raise the ceiling; payments of later months are not counted', async () => {
    const project = await t.make.project({ unit: otherUnit, fiscalYear: 2026, status: 'executing', amountGeneral: '10000.00' })
    await insertMonthlyPayments(t.db, project, ['3000', '3000', '3000', '0', '0', '0', '0', '0', '9000', '0', '0', '0'])
    const capped = (await forecastFor(t.db, { projectIds: [project.id], fiscalYear: 2026, month: 6 })).get(project.id)!
    expect(capped).toMatchObject({ value: '10000.00', explained: { basis: 'capped' } })
    await t.db.insertInto('budgetAdjustment').values({ projectId: project.id, fiscalYear: 2026, amount: '10000.00', reason: '追加', adjustedOn: '2026-05-01', createdBy: null }).execute()
    const raised = (await forecastFor(t.db, { projectIds: [project.id], fiscalYear: 2026, month: 6 })).get(project.id)!
    expect(raised).toMatchObject({ value: '18000.00', explained: { basis: 'extrapolated' } })
  })

  test('no projects, no queries, an empty map', async () => {
    expect((await forecastFor(t.db, { projectIds: [], fiscalYear: 2026, month: 6 })).size).toBe(0)
  })
})
