import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, test } from 'vitest'
import { keepScreenshot, signIn } from './support/browser.ts'
import { newPage, openFromMenu, useAppAndBrowser } from './support/session.ts'

const env = useAppAndBrowser()
let page: Page

// The app server works the job queue as `serve` does: the round's opening job runs there.
beforeAll(async () => {
  page = await newPage(env.browser)
})

describe('监控批次', () => {
  test('finance opens a round, watches its forms being created, sees who is late and reminds them', async () => {
    await signIn(page, env.server.baseUrl, 'sz_finance_admin')
    await openFromMenu(page, '监控批次')
    await page.getByRole('button', { name: '发起监控批次' }).click()
    const dialog = page.getByRole('dialog', { name: '发起监控批次' })
    await dialog.getByRole('combobox', { name: '监控截止月份' }).click()
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click()
    await dialog.getByRole('button', { name: '发起监控批次' }).click()
    await dialog.getByText('监控批次已生成').waitFor({ timeout: 60_000 })
    await dialog.getByRole('button', { name: '查看批次' }).click()
    await page.getByRole('tab', { name: '未报送情况' }).waitFor()
    const roundId = page.url().split('/').pop()!

    // The deadline passes: the late view fills and finance reminds one department.
    await env.server.db.updateTable('monitoringRound').set({ deadline: new Date('2026-06-14T18:00:00+08:00') }).where('id', '=', roundId).execute()
    await page.reload()
    await page.getByText('已过填报截止时间').waitFor()
    const departments = page.getByRole('table', { name: '按主管部门' })
    await departments.waitFor()
    await departments.getByRole('button', { name: '催报' }).first().click()
    await page.getByRole('button', { name: '确定' }).click()
    await page.getByText(/已催报 \d+ 张监控表/).waitFor()
    await keepScreenshot(page, 'monitoring-round-detail')

    await page.getByRole('tab', { name: '重点监控' }).click()
    await page.getByRole('table', { name: '重点监控' }).waitFor()
    await keepScreenshot(page, 'monitoring-round-key')

    // The demo's 南山区 round: the city sees it beside its own, rolled up per jurisdiction.
    await openFromMenu(page, '监控批次')
    await page.getByRole('table', { name: '2026年各行政区划监控汇总' }).getByText('南山区').waitFor()
    await page.getByRole('table', { name: '监控批次列表' }).getByRole('link').first().waitFor()
    await keepScreenshot(page, 'monitoring-rounds')
    expect(await page.getByRole('table', { name: '监控批次列表' }).getByRole('row').count()).toBeGreaterThan(2)
  }, 180_000)
})
