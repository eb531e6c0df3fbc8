import { readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, test } from 'vitest'
import { chooseOption, dropdownsClosed } from './support/antd.ts'
import { apiAs } from './support/api.ts'
import { keepDocScreenshot, signIn } from './support/browser.ts'
import { newPage, openFromMenu, useAppAndBrowser } from './support/session.ts'

const env = useAppAndBrowser()
let finance: Page

beforeAll(async () => {
  finance = await newPage(env.browser)
})

// A department whose 2026 goals the demo has not published yet (it publishes the four with the most).
const DEPARTMENT = '深圳市民政局'

describe('信息公开 (rule 46)', () => {
  test('finance marks a goal not to publish with a reason, publishes the department’s goals in one go and withdraws one', async () => {
    await signIn(finance, env.server.baseUrl, 'sz_finance_admin')
    await openFromMenu(finance, '公开审核')
    const table = finance.getByRole('table', { name: '信息公开清单' })
    // The demo's published 2026 goals, one withheld and one withdrawn.
    await table.getByText('已公开').first().waitFor()
    await keepDocScreenshot(finance, 'disclosure-list')

    await chooseOption(finance, '类别', '项目绩效目标')
    await dropdownsClosed(finance)
    await finance.getByRole('combobox', { name: '部门' }).fill(DEPARTMENT)
    await finance.locator('.ant-select-tree-node-content-wrapper').filter({ hasText: new RegExp(`^${DEPARTMENT} \\(`) }).first().click()
    await dropdownsClosed(finance)
    await expect.poll(() => table.getByRole('row').filter({ hasText: '未确定' }).count(), { timeout: 30_000 }).toBeGreaterThan(2)
    expect(await table.getByRole('row').filter({ hasText: '已公开' }).count()).toBe(0)

    // Not to publish: a reason is required, and '其他' needs its explanation.
    const first = table.getByRole('row').filter({ hasText: '未确定' }).first()
    const withheld = (await first.getByRole('cell').nth(2).innerText()).trim()
    await first.getByRole('button', { name: `公开意见 ${withheld}` }).click()
    const dialog = finance.getByRole('dialog', { name: `公开意见：${withheld}` })
    await dialog.getByRole('radio', { name: '不公开' }).check()
    await dialog.getByRole('button', { name: /保\s*存/ }).click()
    await dialog.getByText('不公开须选择原因').waitFor()
    await chooseOption(finance, '不公开原因', '其他')
    await dropdownsClosed(finance)
    await dialog.getByRole('button', { name: /保\s*存/ }).click()
    await dialog.getByText('该原因须说明具体理由').waitFor()
    await dialog.getByRole('textbox', { name: '具体理由' }).fill('涉及社会救助对象个人信息，不宜公开')
    await keepDocScreenshot(finance, 'disclosure-decision')
    await dialog.getByRole('button', { name: /保\s*存/ }).click()
    await dialog.waitFor({ state: 'hidden' })
    const withheldRow = table.getByRole('row').filter({ hasText: withheld })
    await withheldRow.getByText('不公开', { exact: true }).waitFor()
    await withheldRow.getByText(/其他：涉及社会救助对象个人信息/).waitFor()

    // 批量公开, after a confirmation: every approved goal of the department but the withheld one.
    await finance.getByRole('button', { name: '批量公开' }).click()
    await finance.locator('.ant-popover:visible').getByText(/将公开所选部门 2026 年度/).waitFor()
    await finance.locator('.ant-popover:visible').getByRole('button', { name: '确认公开' }).click()
    await finance.getByText(/已公开 \d+ 项；不公开 1 项/).waitFor({ timeout: 30_000 })
    await expect.poll(() => table.getByRole('row').filter({ hasText: '已公开' }).count(), { timeout: 30_000 }).toBeGreaterThan(1)
    await withheldRow.getByText('不公开', { exact: true }).waitFor()
    await keepDocScreenshot(finance, 'disclosure-batch-published')

    // An anonymous visitor (no session) finds the department's goals on the portal and downloads them as CSV.
    const visitor = await newPage(env.browser)
    const department = await env.server.db.selectFrom('orgNode').select('code').where('name', '=', DEPARTMENT).executeTakeFirstOrThrow()
    const firstPublished = (await table.getByRole('row').filter({ hasText: '已公开' }).first().getByRole('cell').nth(2).innerText()).trim()
    await visitor.goto(`${env.server.baseUrl}/public`)
    await visitor.getByRole('link', { name: '年度 2026' }).first().click()
    await visitor.getByRole('link', { name: '绩效目标', exact: true }).click()
    await visitor.getByLabel('部门', { exact: true }).selectOption({ value: department.code })
    await visitor.getByRole('button', { name: '搜索' }).click()
    await visitor.getByRole('heading', { level: 2, name: DEPARTMENT }).waitFor()
    await visitor.getByRole('link', { name: firstPublished }).first().waitFor()
    const download = visitor.waitForEvent('download')
    await visitor.getByRole('link', { name: 'CSV' }).first().click()
    const csv = readFileSync((await (await download).path())!, 'utf8')
    expect(csv).toContain(firstPublished)
    await visitor.close()

    // Withdraw one, with its reason and a confirmation; the history shows the withdrawal.
    const published = table.getByRole('row').filter({ hasText: '已公开' }).first()
    const taken = (await published.getByRole('cell').nth(2).innerText()).trim()
    await published.getByRole('button', { name: `撤回 ${taken}` }).click()
    const withdraw = finance.getByRole('dialog', { name: `撤回公开：${taken}` })
    await withdraw.getByText('撤回后公众将不再看到该记录').waitFor()
    await withdraw.getByRole('textbox', { name: '撤回原因' }).fill('项目预算调整，目标待重新批复')
    await withdraw.getByRole('button', { name: '确认撤回' }).click()
    await withdraw.waitFor({ state: 'hidden' })
    const takenRow = table.getByRole('row').filter({ hasText: taken })
    await takenRow.getByText('已撤回').waitFor()
    await takenRow.getByRole('button', { name: `历史 ${taken}` }).click()
    const drawer = finance.getByRole('dialog', { name: `公开历史：${taken}` })
    await drawer.getByText(/撤回：项目预算调整，目标待重新批复/).waitFor()
    await keepDocScreenshot(finance, 'disclosure-history')

    // What the API says: the withdrawn goal is no longer public; the others are.
    const api = await apiAs(env.server.baseUrl, 'sz_finance_admin')
    const list = await api<{ items: { title: string; state: string }[] }>('GET', `/api/disclosure/records?fiscalYear=2026&kind=goal&q=${encodeURIComponent(taken)}`)
    expect(list.items.find((r) => r.title === taken)?.state).toBe('withdrawn')
  })
})
