import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import type { Page } from 'playwright-core'
import { beforeEach, describe, expect, test } from 'vitest'
import { chooseOption } from './support/antd.ts'
import { keepScreenshot, signIn } from './support/browser.ts'
import { newPage, useAppAndBrowser } from './support/session.ts'

const env = useAppAndBrowser()
let page: Page
const scratch = mkdtempSync(join(tmpdir(), 'jixiao-e2e-'))

beforeEach(async () => {
  page = await newPage(env.browser, { acceptDownloads: true })
  await signIn(page, env.server.baseUrl, 'sz_edu_unit')
  await page.getByRole('navigation', { name: '主菜单' }).getByText('首页').waitFor()
})

async function openProjectList() {
  const menu = page.getByRole('navigation', { name: '主菜单' })
  await menu.getByText('项目列表', { exact: true }).click()
  await page.getByRole('heading', { name: '项目列表' }).first().waitFor()
}

describe('a budget unit user in the project library', () => {
  test('creates a project, finds it by a word of its name, and exports the list', async () => {
    await openProjectList()
    await page.getByRole('button', { name: '新增项目' }).click()
    await page.getByRole('textbox', { name: '项目编码' }).fill('E2E-2027-001')
    await page.getByRole('textbox', { name: '项目名称' }).fill('2027年深圳中学人工智能课程教师研修项目')
    await chooseOption(page, '预算类别', '一般公共预算')
    await chooseOption(page, '项目类别', '一般项目')
    await chooseOption(page, '项目类型', '一次性')
    await page.getByRole('textbox', { name: '一般公共预算' }).fill('1,234,567.89')
    await page.getByRole('textbox', { name: '中期资金总额' }).fill('1234567.89')
    await keepScreenshot(page, 'project-form-filled')
    await page.getByRole('button', { name: /^(保存|提交|确定)/ }).click()

    await page.getByText('E2E-2027-001').first().waitFor()
    await page.getByText('1,234,567.89').first().waitFor()
    await keepScreenshot(page, 'project-detail-created')

    await openProjectList()
    await page.getByPlaceholder('项目名称、编码或关键词').fill('人工智能 研修')
    await page.getByPlaceholder('项目名称、编码或关键词').press('Enter')
    await page.getByRole('link', { name: '2027年深圳中学人工智能课程教师研修项目' }).waitFor()
    await keepScreenshot(page, 'project-list-search')

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /导出 Excel/ }).click()])
    const file = join(scratch, 'export.xlsx')
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/)
    await download.saveAs(file)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.readFile(file)
    const codes: string[] = []
    workbook.worksheets[0]!.eachRow((row) => codes.push(String(row.getCell(1).value)))
    expect(codes).toContain('E2E-2027-001')
  })

  test('imports a file: the preview shows the bad cell, a fixed file commits', async () => {
    const rows = (amount: string) => [
      ['项目编码', '项目名称', '预算年度', '预算单位编码', '预算类别', '项目属性', '项目类型', '项目类别', '实施期开始年度', '实施期结束年度', '中期资金总额', '一般公共预算资金'],
      ['E2E-IMP-001', '2027年深圳中学校园安全提升项目', '2027', '440300102002', '一般公共预算', '新增', '一次性', '一般项目', '2027', '2027', '300000.00', amount],
    ]
    const csv = (amount: string) => rows(amount).map((r) => r.join(',')).join('\n')
    const bad = join(scratch, '导入有误.csv')
    const good = join(scratch, '导入修正.csv')
    writeFileSync(bad, csv('三十万'))
    writeFileSync(good, csv('300000.00'))

    await page.getByRole('navigation', { name: '主菜单' }).getByText('项目导入', { exact: true }).click()
    await page.locator('input[type=file]').setInputFiles(bad)
    await page.getByText('错误列表').waitFor()
    await page.getByText('一般公共预算资金', { exact: false }).first().waitFor()
    expect(await page.getByRole('table').last().innerText()).toContain('一般公共预算资金')
    await expect.poll(() => page.getByRole('button', { name: '确认导入' }).isDisabled()).toBe(true)
    await keepScreenshot(page, 'project-import-errors')

    await page.getByRole('button', { name: '重新上传' }).click()
    await page.locator('input[type=file]').setInputFiles(good)
    await expect.poll(() => page.getByRole('button', { name: '确认导入' }).isEnabled()).toBe(true)
    await page.getByRole('button', { name: '确认导入' }).click()
    // Written by the projects.import job: its progress shows, then the result.
    await page.getByText('新增 1 个项目，更新 0 个，0 个无变化').waitFor({ timeout: 60_000 })
    await keepScreenshot(page, 'project-import-done')

    const stored = await env.server.db.selectFrom('project').select(['name', 'amountGeneral']).where('code', '=', 'E2E-IMP-001').executeTakeFirstOrThrow()
    expect(stored).toEqual({ name: '2027年深圳中学校园安全提升项目', amountGeneral: '300000.00' })
  })
})

describe('an export the server refuses', () => {
  test('is said on the page, not opened as a page of JSON', async () => {
    // The e2e server lets one 申报表 zip hold 500 goals; the bureau's unfiltered export holds more.
    const admin = await newPage(env.browser, { acceptDownloads: true })
    await signIn(admin, env.server.baseUrl, 'sz_finance_admin')
    await admin.getByRole('navigation', { name: '主菜单' }).getByText('首页').waitFor()
    await admin.goto(`${env.server.baseUrl}/goals`)
    await admin.getByRole('link', { name: /导出申报表/ }).click()
    await admin.getByText('符合条件的记录超过一次导出的上限').waitFor()
    expect(new URL(admin.url()).pathname).toBe('/goals')
  })
})
