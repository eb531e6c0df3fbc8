import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, test } from 'vitest'
import { keepDocScreenshot, keepScreenshot, signIn } from './support/browser.ts'
import { newPage, openFromMenu, useAppAndBrowser } from './support/session.ts'

const env = useAppAndBrowser()
let page: Page

// The app server works the job queue as `serve` does: the proposals' job runs there.
beforeAll(async () => {
  page = await newPage(env.browser)
})

describe('预算安排决定 (rule 42)', () => {
  test('finance regenerates the proposals, records a differing decision with its reason, and the 2026 request shows last year’s result', async () => {
    await signIn(page, env.server.baseUrl, 'sz_finance_admin')
    await openFromMenu(page, '预算安排决定')
    const table = page.getByRole('table', { name: '预算安排决定' })
    await table.getByRole('button', { name: '记录决定' }).first().waitFor()

    // Re-generating keeps the demo's decisions and refreshes the rest, with the job's progress.
    await page.getByRole('button', { name: '生成建议' }).click()
    const generate = page.getByRole('dialog', { name: '生成下年预算安排建议' })
    await generate.getByRole('spinbutton', { name: '评价年度' }).fill('2025')
    await generate.getByRole('button', { name: '开始生成' }).click()
    await generate.getByText('预算安排建议已生成').waitFor({ timeout: 60_000 })
    await generate.getByRole('button', { name: '完成' }).click()

    // A decision other than the proposal needs its reason.
    await table.getByRole('button', { name: '记录决定' }).first().click()
    const dialog = page.getByRole('dialog', { name: '记录预算安排决定' })
    await dialog.getByText('测算说明').waitFor()
    await keepScreenshot(page, 'results-budget-decide')
    const amount = dialog.getByRole('textbox', { name: '决定安排（元）' })
    await amount.fill('123456.78')
    await dialog.getByRole('button', { name: '保存决定' }).click()
    await dialog.getByText('决定安排金额与建议不同，请说明理由').first().waitFor()
    await dialog.getByRole('textbox', { name: '理由' }).fill('重点民生项目，酌情安排')
    await dialog.getByRole('button', { name: '保存决定' }).click()
    await dialog.waitFor({ state: 'hidden' })
    await table.getByText('123,456.78').waitFor()
    await keepScreenshot(page, 'results-budget-decisions')

    // The loop closes: the project's 2026 request (same code, 延续项目) shows the 2025 grade and the decided amount.
    const request = await env.server.db
      .selectFrom('budgetDecision')
      .innerJoin('project', (join) => join.onRef('project.code', '=', 'budgetDecision.projectCode').onRef('project.fiscalYear', '=', 'budgetDecision.fiscalYear'))
      .select(['project.id', 'budgetDecision.decidedAmount'])
      .where('budgetDecision.decidedAt', 'is not', null)
      .where('budgetDecision.fiscalYear', '=', 2026)
      .where('budgetDecision.jurisdictionCode', '=', '440300')
      .executeTakeFirstOrThrow()
    await page.goto(`${env.server.baseUrl}/projects/${request.id}`)
    const panel = page.getByLabel('上年绩效结果与预算安排')
    await panel.getByText('2025 年评价等级').waitFor()
    expect(await panel.getByText('2026 年决定安排（元）').count()).toBe(1)
    await keepScreenshot(page, 'results-budget-project-panel')
  }, 180_000)

  test('a city 转移支付 project allocates to districts; each district’s 考核 proposes its next transfers from them', async () => {
    const transfer = await env.server.db.selectFrom('project').select(['id']).where('jurisdictionCode', '=', '440300').where('objectKind', '=', 'transfer').where('fiscalYear', '=', 2026).orderBy('code').executeTakeFirstOrThrow()
    await page.goto(`${env.server.baseUrl}/projects/${transfer.id}`)
    const card = page.locator('.ant-card').filter({ hasText: '转移支付分配（对下级）' })
    for (const district of ['南山区', '福田区', '罗湖区']) await card.getByRole('cell', { name: district, exact: true }).waitFor()
    await card.getByRole('button', { name: '调整分配' }).click()
    const dialog = page.getByRole('dialog', { name: '转移支付分配（对下级）' })
    // Too much for one district: the sum above the fiscal budget is refused with both figures.
    await dialog.getByRole('textbox', { name: '分配金额（元）' }).first().fill('999999999999.00')
    await dialog.getByRole('button', { name: '保存分配' }).click()
    await page.getByText(/分配合计 .* 元超过项目财政拨款/).waitFor()
    await dialog.getByRole('button', { name: '移除' }).last().click()
    await dialog.getByRole('textbox', { name: '分配金额（元）' }).first().fill('1000000.00')
    await dialog.getByRole('button', { name: '保存分配' }).click()
    await dialog.waitFor({ state: 'hidden' })
    await card.getByRole('cell', { name: '1,000,000.00' }).waitFor()
    expect(await card.getByRole('cell', { name: '南山区', exact: true }).count()).toBe(0)
    await keepDocScreenshot(page, 'results-budget-transfers')

    await openFromMenu(page, '预算安排决定')
    await page.getByRole('combobox', { name: '对象类别' }).click()
    await page.getByRole('option', { name: '下级财政（转移支付）' }).click()
    const table = page.getByRole('table', { name: '预算安排决定' })
    for (const district of ['南山区', '福田区', '罗湖区']) await table.getByText(district, { exact: true }).waitFor()
    await keepDocScreenshot(page, 'results-budget-districts')

    // 南山区 names one of its projects as the receiver of the city's second transfer: the city's goal then shows it.
    const db = env.server.db
    const second = await db.selectFrom('project').select(['id', 'name']).where('jurisdictionCode', '=', '440300').where('objectKind', '=', 'transfer').where('fiscalYear', '=', 2026).orderBy('code').offset(1).executeTakeFirstOrThrow()
    const receiver = await db
      .selectFrom('project')
      .select(['id', 'name'])
      .where('jurisdictionCode', '=', '440305')
      .where('fiscalYear', '=', 2026)
      .where('status', '=', 'executing')
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('transferAllocation').select('projectId').whereRef('districtProjectId', '=', 'project.id'))))
      .orderBy('code')
      .executeTakeFirstOrThrow()
    const district = await newPage(env.browser)
    await signIn(district, env.server.baseUrl, 'ns_finance_admin')
    await district.goto(`${env.server.baseUrl}/projects/${receiver.id}`)
    const sources = district.locator('.ant-card').filter({ hasText: '承接上级转移支付' })
    const row = sources.getByRole('row').filter({ hasText: second.name })
    // The card shows once the district's shares have loaded, which under a full suite's load can take a while.
    await row.getByRole('button', { name: '由本项目承接' }).waitFor({ timeout: 60_000 })
    await row.getByRole('button', { name: '由本项目承接' }).click()
    await district.locator('.ant-popover:visible').getByRole('button', { name: '确 定' }).or(district.locator('.ant-popover:visible').getByRole('button', { name: '确定' })).click()
    await row.getByText('本项目').waitFor()
    await keepDocScreenshot(district, 'results-budget-transfer-receiver')
    await district.close()

    await page.goto(`${env.server.baseUrl}/projects/${second.id}`)
    const rollUp = page.locator('.ant-card').filter({ hasText: '转移支付分配（对下级）' })
    await rollUp.getByRole('link', { name: receiver.name }).waitFor()
    await rollUp.getByText(/区级汇总：/).waitFor()
    await keepDocScreenshot(page, 'results-budget-transfer-rollup')
  }, 120_000)
})
