import { copyFileSync, mkdirSync } from 'node:fs'
import Decimal from 'decimal.js'
import type { Page } from 'playwright-core'
import { beforeAll, beforeEach, describe, expect, test } from 'vitest'
import type { Light } from '../domain/lights.ts'
import type { MonitoringFormStatus } from '../domain/monitoring.ts'
import type { Db } from '../server/db/database.ts'
import { E2E_NOW } from './support/app-server.ts'
import { keepScreenshot, screenshotDir, signIn } from './support/browser.ts'
import { newPage, openFromMenu, useAppAndBrowser } from './support/session.ts'

/**
 * The monitoring dashboard on the demo region: a 1—5月 round of 深圳市 and one of 南山区 are written straight to the
 * tables (rounds and forms are other modules' work), then finance reads lights, execution and the late, and drills
 * down to the forms list.
 */
const env = useAppAndBrowser()
let page: Page

const rates = ['0.05', '0.20', '0.35', '0.42', '0.50', '0.65', '0.30', '0.90']
const projectLights: (Light | null)[] = ['red', 'yellow', 'green', 'green', 'blue', 'green', 'yellow', null]
const budgetLights: Light[] = ['red', 'red', 'yellow', 'green', 'green', 'green', 'yellow', 'green']
const statuses: MonitoringFormStatus[] = ['draft', 'submitted', 'dept_accepted', 'accepted', 'returned', 'accepted', 'draft', 'submitted']

async function seedRound(db: Db, jurisdictionCode: string, name: string, limit: number) {
  const round = await db
    .insertInto('monitoringRound')
    .values({ jurisdictionCode, fiscalYear: 2026, cutoffMonth: 5, name, deadline: new Date(E2E_NOW.getTime() - 5 * 86_400_000), status: 'open', createdAt: E2E_NOW, updatedAt: E2E_NOW })
    .returningAll()
    .executeTakeFirstOrThrow()
  const projects = await db
    .selectFrom('project')
    .select(['id', 'jurisdictionCode', 'departmentCode', 'unitCode', 'amountFiscal'])
    .where('jurisdictionCode', '=', jurisdictionCode)
    .where('fiscalYear', '=', 2026)
    .where('status', 'in', ['budgeted', 'executing'])
    .orderBy('code')
    .limit(limit)
    .execute()
  for (const [i, p] of projects.entries()) {
    const k = i % rates.length
    const executed = new Decimal(p.amountFiscal).times(rates[k]!).toFixed(2)
    const form = await db
      .insertInto('monitoringForm')
      .values({
        roundId: round.id, kind: 'project', projectId: p.id, jurisdictionCode, departmentCode: p.departmentCode, unitCode: p.unitCode, fiscalYear: 2026, cutoffMonth: 5,
        status: statuses[k]!, isKey: i % 5 === 0, budgetInitial: p.amountFiscal, budgetAdjusted: p.amountFiscal, executed,
        executionRate: new Decimal(p.amountFiscal).isZero() ? null : new Decimal(rates[k]!).times(100).toFixed(2),
        budgetLight: budgetLights[k]!, projectLight: projectLights[k]!, remindCount: k === 0 ? 1 : 0, remindedAt: k === 0 ? E2E_NOW : null, createdAt: E2E_NOW, updatedAt: E2E_NOW,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const light = projectLights[k]!
    await db
      .insertInto('monitoringFormIndicator')
      .values({
        formId: form.id, fiscalYear: 2026, sortOrder: 1, level1: '产出指标', level2: '数量指标', name: '服务人次', nature: '>=', target: '1200', unit: '人次', progress: light ? String(100 + k * 60) : null, light,
        likelihood: light === 'red' ? 'impossible' : light === 'yellow' ? 'possible' : light ? 'certain' : null,
        causeCategory: light === 'red' || light === 'yellow' ? 'funding' : null,
        deviationAnalysis: light === 'red' || light === 'yellow' ? '资金拨付滞后，服务采购延期' : '', measures: light === 'red' || light === 'yellow' ? '加快采购进度，按月调度' : '',
      })
      .execute()
  }
  return round
}

let cityRound: { id: string }
let nanshan: { id: string }
// After the app has started (useAppAndBrowser's own beforeAll runs first).
beforeAll(async () => {
  cityRound = await seedRound(env.server.db, '440300', '2026年1—5月绩效运行监控', 60)
  nanshan = await seedRound(env.server.db, '440305', '南山区2026年1—5月绩效运行监控', 24)
})

beforeEach(async () => {
  page = await newPage(env.browser, { acceptDownloads: true })
})

/** The demo's own 1—6月 round is the latest, so the page opens on it; these tests look at the rounds seeded here. */
async function pickRound(label: string) {
  await page.getByRole('combobox', { name: '监控批次' }).click()
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: label }).first().click()
}

describe('the monitoring dashboard', () => {
  test('finance sees the lights by department and district, execution against m/12, the deviations and the late, and drills down', async () => {
    await signIn(page, env.server.baseUrl, 'sz_finance_admin')
    await openFromMenu(page, '监控看板')
    await pickRound('深圳市 · 2026年1—5月绩效运行监控')
    await page.getByText('深圳市 · 2026年1—5月绩效运行监控：1—5 月').waitFor()
    await page.getByRole('img', { name: '分部门亮灯情况' }).locator('canvas').first().waitFor()
    await page.getByRole('img', { name: '分地区亮灯情况' }).locator('canvas').first().waitFor()
    await page.getByRole('img', { name: /分部门预算执行率与时间进度（41.67%）/ }).waitFor()
    await page.getByText('执行进度偏差最大的项目（与时间进度 41.67% 相比）').waitFor()
    await keepScreenshot(page, 'monitoring-dashboard')
    mkdirSync('docs/screenshots', { recursive: true })
    copyFileSync(`${screenshotDir}/monitoring-dashboard.png`, 'docs/screenshots/monitoring-dashboard.png')

    // The red figure opens the forms list filtered to the round's red forms.
    const red = page.getByRole('link', { name: /红灯项目/ })
    expect(await red.getAttribute('href')).toBe(`/monitoring/forms?roundId=${cityRound.id}&light=red`)

    // The report downloads as a Word file.
    const download = page.waitForEvent('download')
    await page.getByRole('link', { name: /监控报告（Word）/ }).click()
    expect((await download).suggestedFilename()).toBe('深圳市2026年1—5月绩效运行监控绩效运行监控报告.docx')

    // The city reads 南山区's round too.
    await pickRound('南山区 · 南山区2026年1—5月绩效运行监控')
    await page.getByText('南山区 · 南山区2026年1—5月绩效运行监控：1—5 月').waitFor()
    expect(await page.getByRole('link', { name: /^监控表/ }).getAttribute('href')).toBe(`/monitoring/forms?roundId=${nanshan.id}`)
  })

  test('a department sees its units, its late ones, and the report of its own', async () => {
    await signIn(page, env.server.baseUrl, 'sz_edu_dept')
    await openFromMenu(page, '监控看板')
    await pickRound('深圳市 · 2026年1—5月绩效运行监控')
    await page.getByText('深圳市 · 2026年1—5月绩效运行监控：1—5 月').waitFor()
    await page.getByRole('img', { name: '分单位亮灯情况' }).locator('canvas').first().waitFor()
    await page.getByText('逾期未报', { exact: true }).first().waitFor()
    expect(await page.getByRole('img', { name: '分地区亮灯情况' }).count()).toBe(0)
    const download = page.waitForEvent('download')
    await page.getByRole('link', { name: /监控报告（Word）/ }).click()
    expect((await download).suggestedFilename()).toBe('深圳市教育局2026年1—5月绩效运行监控绩效运行监控报告.docx')
  })
})
