import { sql } from 'kysely'
import { describe, expect, test } from 'vitest'
import { compareMoney } from '../../domain/money.ts'
import { projectTotals } from '../../domain/projects.ts'
import { systemContext } from '../system-context.ts'
import { createTestContext } from '../test/context.ts'
import { adminUrl } from '../test/postgres-urls.ts'
import { parseIndicatorValue } from '../../domain/indicator-value.ts'
import { projectFunds } from '../modules/execution/execution.funds.ts'
import { GOAL_INDICATORS_PER_GOAL, PAID_THROUGH_MONTH } from './generate-monitoring.ts'
import { BENCH_PASSWORD, BenchDataExistsError, benchUsername, generateBenchData, PROJECTS_PER_UNIT } from './generate.ts'

const t = await createTestContext()
const UNITS = 120

async function databaseUrl() {
  const url = process.env.TEST_DATABASE_URL
  if (!url || t.engine !== 'postgres') return undefined
  const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(t.db)
  return adminUrl(url, rows[0]!.name)
}

const generate = async (force = false) =>
  generateBenchData({ db: t.db, engine: t.engine, databaseUrl: await databaseUrl() }, systemContext(t.clock, 'test'), { scale: 'city', units: UNITS, force })

const indexNames = async () =>
  (await sql<{ name: string }>`select indexname as name from pg_indexes where tablename = 'project' order by 1`.execute(t.db)).rows.map((r) => r.name)

// Something that is not bench data, which --force must leave alone.
const city = await t.make.jurisdiction()
const unit = await t.make.unit({ department: await t.make.department({ jurisdiction: city }) })
await t.make.project({ unit, name: '2026年保留项目' })

const indexesBefore = await indexNames()
const first = await generate()

describe('jixiao generate', () => {
  test('writes the org tree, one user per bureau and department, 25 projects per unit, and keeps the indexes', async () => {
    expect(first).toMatchObject({ jurisdictions: 12, departments: 300, users: 312, projects: UNITS * PROJECTS_PER_UNIT })
    const count = (await t.db.selectFrom('project').select((eb) => eb.fn.countAll<number>().as('n')).where('jurisdictionCode', 'like', '99%').executeTakeFirstOrThrow()).n
    expect(Number(count)).toBe(UNITS * PROJECTS_PER_UNIT)
    expect(await indexNames()).toEqual(indexesBefore)
    const nodes = await t.db.selectFrom('orgNode').select(['code', 'path', 'kind']).where('path', 'like', '/990100/%').execute()
    expect(nodes.length).toBe(12 + 300 + first.units)
    for (const n of nodes) expect(n.path.endsWith(`/${n.code}/`)).toBe(true)
  })

  test('projects are valid for the app: totals add up, search text is segmented, codes unique', async () => {
    const rows = await t.db.selectFrom('project').selectAll().where('jurisdictionCode', 'like', '99%').execute()
    for (const p of rows) {
      expect(projectTotals(p)).toEqual({ amountFiscal: p.amountFiscal, amountTotal: p.amountTotal })
      expect(compareMoney(p.mediumTermAmount, p.amountTotal)).toBeGreaterThanOrEqual(0)
      expect(p.searchText).toContain(String(p.fiscalYear))
      expect(p.name).toMatch(new RegExp(`^${p.fiscalYear}年.+项目$`))
    }
    expect(new Set(rows.map((p) => `${p.jurisdictionCode}|${p.fiscalYear}|${p.code}`)).size).toBe(rows.length)
  })

  test('every budgeted, executing or closed project up to 2026 has a published goal with its indicators, in force', async () => {
    const monitored = await t.db
      .selectFrom('project')
      .select(['id', 'fiscalYear', 'amountFiscal'])
      .where('jurisdictionCode', 'like', '99%')
      .where('status', 'in', ['budgeted', 'executing', 'closed'])
      .where('fiscalYear', '<=', 2026)
      .execute()
    expect(monitored.length).toBeGreaterThan(100)
    expect(first.monitoring.goals).toBe(monitored.length)
    expect(first.monitoring.goalIndicators).toBe(monitored.length * GOAL_INDICATORS_PER_GOAL)
    const goals = await t.db.selectFrom('goal').select(['id', 'projectId', 'status', 'fiscalYear', 'inForceFrom', 'unitCode']).where('jurisdictionCode', 'like', '99%').execute()
    expect(new Set(goals.map((g) => g.projectId))).toEqual(new Set(monitored.map((p) => p.id)))
    for (const g of goals) {
      expect(g.status).toBe('published')
      expect(new Date(g.inForceFrom!).getTime()).toBeLessThan(Date.UTC(g.fiscalYear, 0, 1))
    }
    const indicators = await t.db.selectFrom('goalIndicator').selectAll().where('goalId', '=', goals[0]!.id).orderBy('sortOrder').execute()
    expect(indicators.map((i) => i.level1)).toEqual(['产出指标', '产出指标', '产出指标', '产出指标', '效益指标', '效益指标', '满意度指标'])
    const project = monitored.find((p) => p.id === goals[0]!.projectId)!
    for (const i of indicators) {
      // Each target reads back as the platform reads targets, and the cost ceiling is the project's 年初预算数.
      const parsed = parseIndicatorValue(`${i.nature === '>=' ? '≥' : i.nature === '<=' ? '≤' : ''}${i.target}${i.unit}`, { unit: i.unit })
      if (i.nature === 'qualitative') expect(parsed.kind).toBe('qualitative')
      else expect(parsed).toMatchObject({ kind: 'quantitative', nature: i.nature })
    }
    expect(Number(indicators[3]!.targetNumber)).toBe(Number(project.amountFiscal))
  })

  test('monthly payments: twelve months of past years, months 1–6 of 2026, 70–105 % of the budget over a year', async () => {
    const payments = await t.db.selectFrom('executionPayment').select(['projectId', 'fiscalYear', 'month', 'amount', 'paidOn', 'voucherNo', 'fundSource', 'source']).where('jurisdictionCode', 'like', '99%').execute()
    expect(payments.length).toBe(first.monitoring.payments)
    expect(new Set(payments.map((p) => p.voucherNo)).size).toBe(payments.length)
    for (const p of payments) {
      expect(p.source).toBe('generated')
      expect(Number(p.paidOn.slice(0, 4))).toBe(p.fiscalYear)
      expect(Number(p.paidOn.slice(5, 7))).toBe(p.month)
      if (p.fiscalYear === 2026) expect(p.month).toBeLessThanOrEqual(PAID_THROUGH_MONTH)
      expect(compareMoney(p.amount, '0.00')).toBeGreaterThan(0)
    }
    const past = await t.db.selectFrom('project').select(['id', 'fiscalYear']).where('jurisdictionCode', 'like', '99%').where('status', 'in', ['budgeted', 'executing', 'closed']).where('fiscalYear', '=', 2025).where('amountFiscal', '>', '1000').execute()
    const funds = await projectFunds(t.db, { projectIds: past.map((p) => p.id), fiscalYear: 2025, month: 12 })
    for (const f of funds.values()) {
      const ratio = Number(f.executed) / Number(f.budgetInitial)
      expect(ratio).toBeGreaterThan(0.69)
      expect(ratio).toBeLessThan(1.06)
    }
    const now = await t.db.selectFrom('project').select('id').where('jurisdictionCode', 'like', '99%').where('status', 'in', ['budgeted', 'executing']).where('fiscalYear', '=', 2026).where('amountFiscal', '>', '1000').execute()
    const june = await projectFunds(t.db, { projectIds: now.map((p) => p.id), fiscalYear: 2026, month: 6 })
    const profiles = new Set([...june.values()].map((f) => Math.sign(Number(f.monthly[5]) - Number(f.monthly[0]))))
    expect(profiles).toEqual(new Set([-1, 0, 1])) // front-loaded, even and year-end heavy projects all occur
    for (const f of june.values()) expect(f.monthly.slice(PAID_THROUGH_MONTH).every((m) => m === '0.00')).toBe(true)
  })

  test('refuses a database that already has bench data; --force replaces it and leaves other data alone', async () => {
    await expect(generate()).rejects.toBeInstanceOf(BenchDataExistsError)
    const again = await generate(true)
    expect(again.projects).toBe(UNITS * PROJECTS_PER_UNIT)
    const n = await t.db.selectFrom('project').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    expect(Number(n.n)).toBe(UNITS * PROJECTS_PER_UNIT + 1)
    expect(await t.db.selectFrom('project').select('name').where('unitCode', '=', unit.code).execute()).toEqual([{ name: '2026年保留项目' }])
  })

  test('a generated department user signs in and pages through its projects, sorted by amount', async () => {
    const department = '990100124' // 东江市教育局
    const c = await t.as({ username: benchUsername(department), password: BENCH_PASSWORD })
    const expected = await t.db
      .selectFrom('project')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('departmentCode', '=', department)
      .where('fiscalYear', '=', 2026)
      .where('budgetKind', '=', 'general')
      .executeTakeFirstOrThrow()
    const base = '/api/projects?fiscalYear=2026&budgetKind=general&sort=amountTotal&order=desc'
    const page = (await c.get(`${base}&page=2&pageSize=50`)).json()
    expect(page.total).toBe(Number(expected.n))
    expect(page.total).toBeGreaterThan(100)
    expect(page.items).toHaveLength(50)
    const amounts = page.items.map((p: { amountTotal: string }) => p.amountTotal)
    for (let i = 1; i < amounts.length; i++) expect(compareMoney(amounts[i - 1], amounts[i])).toBeGreaterThanOrEqual(0)
    expect(page.items[0]).toMatchObject({ departmentCode: department, departmentName: '东江市教育局', fiscalYear: 2026 })
    expect(page.items[0]).not.toHaveProperty('pageTotal')

    const past = (await c.get(`${base}&page=100&pageSize=50`)).json()
    expect(past).toMatchObject({ items: [], total: page.total, page: 100 })
    const searched = (await c.get(`/api/projects?fiscalYear=2026&q=${encodeURIComponent('教师培训')}`)).json()
    expect(searched.total).toBeGreaterThan(0)
    expect(searched.items.every((p: { name: string }) => p.name.includes('教师培训'))).toBe(true)
  })
})
