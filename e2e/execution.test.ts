import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { seedDemoAdjustments } from '../server/modules/execution/demo-payments.ts'
import { keepScreenshot, screenshotDir, signIn } from './support/browser.ts'
import { newPage, openFromMenu, useAppAndBrowser } from './support/session.ts'

/** 预算执行: the finance bureau reads payments, imports the treasury's export (refused with a bad row, then written), and cuts a budget. */
const env = useAppAndBrowser()
let page: Page
let project: { id: string; code: string; name: string }

/** Keeps the screenshot for the README too (docs/screenshots/monitoring-<name>.png). */
async function keepForDocs(name: string) {
  await keepScreenshot(page, `monitoring-${name}`)
  mkdirSync('docs/screenshots', { recursive: true })
  copyFileSync(join(screenshotDir, `monitoring-${name}.png`), join('docs/screenshots', `monitoring-${name}.png`))
}

beforeAll(async () => {
  // The demo has the payments; the adjustments list needs a few 调整预算 to show.
  await env.server.db.transaction().execute((trx) => seedDemoAdjustments(trx, { fiscalYear: 2026, jurisdictionCode: '440300', adjustedOn: '2026-05-20' }))
  project = await env.server.db
    .selectFrom('project')
    .select(['id', 'code', 'name'])
    .where('jurisdictionCode', '=', '440300')
    .where('fiscalYear', '=', 2026)
    .where('status', '=', 'executing')
    .orderBy('code', 'desc')
    .executeTakeFirstOrThrow()
})

beforeEach(async () => {
  page = await newPage(env.browser)
})

describe('预算执行 for the finance bureau', () => {
  test('the payments list, filtered by month, summed', async () => {
    await signIn(page, env.server.baseUrl, 'sz_finance_admin')
    await openFromMenu(page, '支付明细')
    await page.getByRole('table', { name: '支付明细列表' }).waitFor()
    await page.getByText(/^共 \d+ 笔，合计 [\d,.]+ 元$/).waitFor()
    await page.getByRole('combobox', { name: '月份', exact: true }).click()
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: /^5月$/ }).click()
    await expect.poll(async () => (await page.getByRole('table', { name: '支付明细列表' }).locator('tbody tr.ant-table-row').first().innerText()).includes('2026-05-')).toBe(true)
    await keepForDocs('payments')
  })

  test('an import with a bad row is refused row by row; the corrected file is written, and again adds nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-pay-'))
    const bad = join(dir, '国库支付明细.csv')
    const rows = (code: string) => [
      '项目编码,支付日期,金额,资金来源,支付凭证号',
      `${project.code},2026-06-01,"12,500.00",一般公共预算,E2E-0001`,
      `${project.code},2026/6/8,8000,一般公共预算,E2E-0002`,
      `${code},2026-06-10,3000,一般公共预算,E2E-0003`,
    ]
    writeFileSync(bad, `\ufeff${rows('NOPE-404').join('\r\n')}\r\n`)
    await signIn(page, env.server.baseUrl, 'sz_finance_admin')
    await openFromMenu(page, '导入支付数据')
    await page.locator('input[type=file]').setInputFiles(bad)
    await page.getByText('有 1 处错误：请修改文件后重新上传，整个文件才会写入').waitFor()
    await page.getByText('2026 年度项目编码 NOPE-404 不存在或不在您的权限范围内').waitFor()
    await keepForDocs('payment-import')
    await expect(page.getByRole('button', { name: /确认导入/ }).isDisabled()).resolves.toBe(true)

    const good = join(dir, '国库支付明细（修正）.csv')
    writeFileSync(good, `\ufeff${rows(project.code).join('\r\n')}\r\n`)
    await page.getByRole('button', { name: '重新上传' }).click()
    await page.locator('input[type=file]').setInputFiles(good)
    await page.getByRole('button', { name: '确认导入 3 笔' }).click()
    await page.getByText('新增 3 笔，已存在 0 笔').waitFor()
    await page.getByRole('button', { name: '继续导入' }).click()
    await page.locator('input[type=file]').setInputFiles(good)
    await page.getByText('文件中的支付记录均已导入，没有需要新增的记录').waitFor()
  })

  test('a budget cut needs a reason and a confirmation, and shows in the list', async () => {
    await signIn(page, env.server.baseUrl, 'sz_finance_admin')
    await openFromMenu(page, '预算调整')
    await page.getByRole('table', { name: '预算调整列表' }).waitFor()
    await page.getByRole('button', { name: '调整预算' }).click()
    const dialog = page.getByRole('dialog', { name: '调整预算' })
    await dialog.getByRole('combobox', { name: '项目' }).fill(project.code)
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: project.code }).first().click()
    await dialog.getByText('调整后全年预算数').waitFor()
    await dialog.getByLabel('调整金额（元）').fill('-10000')
    await dialog.getByRole('button', { name: '保存调整' }).click()
    await dialog.getByText('请填写调整原因').waitFor()
    await dialog.getByLabel('调整原因').fill('部分培训改为线上，调减场地租赁费')
    await dialog.getByText('请填写调整原因').waitFor({ state: 'detached' })
    await keepForDocs('adjustment-dialog')
    await dialog.getByRole('button', { name: '保存调整' }).click()
    const confirm = page.getByRole('dialog', { name: '确认调减预算 10,000.00 元？' })
    await confirm.getByRole('button', { name: '确认调减' }).click()
    await page.getByRole('cell', { name: '部分培训改为线上，调减场地租赁费' }).waitFor()
    await keepForDocs('adjustments')
  })
})
