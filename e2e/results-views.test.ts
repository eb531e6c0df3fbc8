import { sql } from 'kysely'
import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, test } from 'vitest'
import { apiAs } from './support/api.ts'
import { keepDocScreenshot, signIn } from './support/browser.ts'
import { newPage, openFromMenu, useAppAndBrowser } from './support/session.ts'

const env = useAppAndBrowser()
let page: Page

beforeAll(async () => {
  page = await newPage(env.browser)
})

describe('结果应用: the results pages and dashboard (issue 13 "See it")', () => {
  test('the city sees the dashboard, a department’s results and a continuing project’s years; the list shows last year', async () => {
    await signIn(page, env.server.baseUrl, 'sz_finance_admin')
    await page.getByText(/^欢迎，/).waitFor()
    // The to-dos of the rectification loop link to the filtered list.
    await page.getByRole('list', { name: '我的待办' }).getByRole('link', { name: /^整改待销号 \d+$/ }).waitFor()

    await openFromMenu(page, '结果应用看板')
    await page.getByRole('img', { name: '各部门整改状态' }).waitFor()
    await page.getByRole('img', { name: /各区整改销号率/ }).waitFor()
    await page.getByRole('img', { name: /按建议类型/ }).waitFor()
    await page.locator('canvas').first().waitFor()
    await keepDocScreenshot(page, 'results-views-dashboard')

    await openFromMenu(page, '部门绩效结果')
    const list = page.getByRole('table', { name: '部门绩效结果' })
    await list.getByRole('link').first().waitFor()
    // The department with the most open items first.
    await list.getByRole('columnheader', { name: '未销号整改' }).click()
    await list.getByRole('columnheader', { name: '未销号整改' }).click()
    await page.waitForTimeout(300)
    await list.getByRole('link').first().click()
    await page.getByText('考核历史').waitFor()
    await page.getByRole('table', { name: '未销号整改事项' }).waitFor()
    await keepDocScreenshot(page, 'results-views-department')

    // A 2026 request continuing a decided 2025 project: both years on its results page.
    const request = await env.server.db
      .selectFrom('budgetDecision')
      .innerJoin('project', (join) => join.onRef('project.code', '=', 'budgetDecision.projectCode').onRef('project.fiscalYear', '=', 'budgetDecision.fiscalYear').onRef('project.jurisdictionCode', '=', 'budgetDecision.jurisdictionCode'))
      .select(['project.id', 'project.code', 'budgetDecision.decidedAmount', 'budgetDecision.projectId as earlierId', 'project.unitCode'])
      .where('budgetDecision.fiscalYear', '=', 2026)
      .where('budgetDecision.jurisdictionCode', '=', '440300')
      // One whose 2025 year had findings, so the page shows its items and lights; a decided one if there is such.
      .orderBy(sql`exists (select 1 from rectification r where r.project_id = budget_decision.project_id)`, 'desc')
      .orderBy(sql`exists (select 1 from monitoring_form f where f.project_id = budget_decision.project_id)`, 'desc')
      .orderBy(sql`budget_decision.decided_at is not null`, 'desc')
      .executeTakeFirstOrThrow()
    // An audit finding on the 2025 project, entered by hand: it shows on the 2025 year and in the list's column.
    const api = await apiAs(env.server.baseUrl, 'sz_finance_admin')
    await api('POST', '/api/rectifications', { origin: 'audit', ownerCode: request.unitCode, projectId: request.earlierId, problem: '审计发现部分资金未按进度支出', requiredMeasure: '加快支出进度并说明原因' })
    await page.goto(`${env.server.baseUrl}/projects/${request.id}`)
    await page.getByRole('button', { name: '绩效结果' }).click()
    await page.getByLabel('2026 年度').waitFor()
    const earlier = page.getByLabel('2025 年度')
    await earlier.getByText('单位自评', { exact: true }).first().waitFor()
    expect(await earlier.getByText(/^(决定 [\d,.]+ 元|待决定)$/).count()).toBe(1)
    await earlier.getByRole('table', { name: '整改事项' }).waitFor()
    await keepDocScreenshot(page, 'results-views-project')

    // The project list: the request's 上年结果 cell shows the decided amount.
    await page.goto(`${env.server.baseUrl}/projects`)
    await page.getByPlaceholder('项目名称、编码或关键词').fill(request.code)
    await page.keyboard.press('Enter')
    const row = page.getByRole('row').filter({ hasText: request.code }).filter({ hasText: '2026' })
    await row.first().waitFor()
    expect(await row.first().innerText()).toMatch(/[优良中差]|项未销号/)
  }, 180_000)
})
