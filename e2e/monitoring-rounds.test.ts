import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { JobWorker } from '../server/platform/jobs-worker.ts'
import { keepScreenshot, signIn } from './support/browser.ts'
import { startE2eJobWorker } from './support/jobs.ts'
import { newPage, openFromMenu, useAppAndBrowser } from './support/session.ts'

const env = useAppAndBrowser()
let worker: JobWorker
let page: Page

beforeAll(async () => {
  worker = await startE2eJobWorker(env.server.db)
  page = await newPage(env.browser)
})
afterAll(async () => {
  await worker?.stop()
})

/** Treasury payments for the city's budgeted projects, January to May, from nothing to ahead of time (the execution demo comes with its own). */
async function payments() {
  const projects = await env.server.db.selectFrom('project').select(['id', 'jurisdictionCode', 'fiscalYear', 'amountFiscal']).where('jurisdictionCode', '=', '440300').where('status', 'in', ['budgeted', 'executing']).orderBy('code').execute()
  const rows = projects.flatMap((p, index) => {
    const share = [0, 0.2, 0.35, 0.45, 0.6][index % 5]!
    if (share === 0) return []
    return [1, 2, 3, 4, 5].map((month) => ({
      jurisdictionCode: p.jurisdictionCode, projectId: p.id, fiscalYear: p.fiscalYear, paidOn: `2026-0${month}-20`, month,
      amount: ((Number(p.amountFiscal) * share) / 5).toFixed(2), fundSource: '一般公共预算', voucherNo: `E2E-${index}-${month}`, source: 'demo' as const,
    }))
  })
  for (let i = 0; i < rows.length; i += 500) await env.server.db.insertInto('executionPayment').values(rows.slice(i, i + 500)).onConflict((oc) => oc.doNothing()).execute()
}

describe('监控批次', () => {
  test('finance opens a round, watches its forms being created, sees who is late and reminds them', async () => {
    await payments()
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

    await openFromMenu(page, '监控批次')
    await page.getByRole('table', { name: '监控批次列表' }).getByRole('link').first().waitFor()
    await keepScreenshot(page, 'monitoring-rounds')
    expect(await page.getByRole('table', { name: '监控批次列表' }).getByRole('row').count()).toBeGreaterThan(1)
  }, 180_000)
})
