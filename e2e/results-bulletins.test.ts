import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, test } from 'vitest'
import { keepDocScreenshot, signIn } from './support/browser.ts'
import { newPage, openFromMenu, useAppAndBrowser } from './support/session.ts'

const env = useAppAndBrowser()
let page: Page

beforeAll(async () => {
  page = await newPage(env.browser, { acceptDownloads: true })
})

describe('通报 and 约谈 (issue 13)', () => {
  test('finance downloads the bulletin of a monitoring round and of a self-evaluation round', async () => {
    await signIn(page, env.server.baseUrl, 'sz_finance_admin')
    await page.getByRole('navigation', { name: '主菜单' }).waitFor()
    const monitoring = await env.server.db.selectFrom('monitoringRound').select(['id']).where('jurisdictionCode', '=', '440300').where('status', '!=', 'opening').orderBy('createdAt').executeTakeFirstOrThrow()
    await page.goto(`${env.server.baseUrl}/monitoring/rounds/${monitoring.id}`)
    const monitoringDownload = page.waitForEvent('download')
    await page.getByRole('link', { name: /生成通报/ }).click()
    expect((await monitoringDownload).suggestedFilename()).toMatch(/^深圳市2026年预算绩效运行监控情况通报\.docx$/)

    const self = await env.server.db.selectFrom('selfEvalRound').select(['id']).where('jurisdictionCode', '=', '440300').where('status', '!=', 'opening').orderBy('createdAt').executeTakeFirstOrThrow()
    await page.goto(`${env.server.baseUrl}/evaluation/self-rounds/${self.id}`)
    const selfDownload = page.waitForEvent('download')
    await page.getByRole('link', { name: /生成通报/ }).click()
    expect((await selfDownload).suggestedFilename()).toMatch(/^深圳市\d{4}年度预算绩效单位自评情况通报\.docx$/)
    await keepDocScreenshot(page, 'results-bulletin-button')
  }, 120_000)

  test('finance records a 约谈 on a project’s page; it shows there and in 约谈与问责', async () => {
    const project = await env.server.db.selectFrom('project').select(['id', 'name']).where('jurisdictionCode', '=', '440300').where('status', '=', 'executing').orderBy('code').executeTakeFirstOrThrow()
    await page.goto(`${env.server.baseUrl}/projects/${project.id}`)
    const card = page.locator('.ant-card').filter({ has: page.getByText('约谈与问责', { exact: true }) })
    await card.getByRole('button', { name: '登记约谈' }).click()
    const onProject = page.getByRole('dialog', { name: '登记约谈' })
    await onProject.getByRole('textbox', { name: '被约谈人职务' }).fill('单位负责人')
    const day = onProject.getByRole('textbox', { name: '约谈日期' })
    await day.click()
    await day.fill('2026-01-02')
    await day.press('Enter')
    await onProject.getByRole('textbox', { name: '约谈人', exact: true }).fill('市财政局绩效处处长')
    await onProject.getByRole('textbox', { name: '约谈事由' }).fill('项目执行进度严重滞后，监控亮红灯')
    await onProject.getByRole('textbox', { name: '约谈结果' }).fill('单位承诺一个月内完成整改')
    await onProject.getByRole('button', { name: '保存' }).click()
    await onProject.waitFor({ state: 'hidden' })
    await card.getByText('项目执行进度严重滞后，监控亮红灯').waitFor()
    await keepDocScreenshot(page, 'results-project-interviews')

    await openFromMenu(page, '约谈与问责')
    const table = page.getByRole('table', { name: '约谈记录' })
    await table.getByText('项目执行进度严重滞后，监控亮红灯').waitFor()

    // From the list: a department interviewed on a monitoring round, the round chosen from the bureau's rounds.
    await page.getByRole('button', { name: '登记约谈' }).click()
    const dialog = page.getByRole('dialog', { name: '登记约谈' })
    await dialog.getByRole('combobox', { name: '被约谈对象' }).fill('深圳市教育局')
    await page.locator('.ant-select-tree-node-content-wrapper').filter({ hasText: /^深圳市教育局 \(/ }).first().click()
    await dialog.getByRole('textbox', { name: '被约谈人职务' }).fill('局长')
    const date = dialog.getByRole('textbox', { name: '约谈日期' })
    await date.click()
    await date.fill('2026-01-03')
    await date.press('Enter')
    await dialog.getByRole('textbox', { name: '约谈人', exact: true }).fill('市财政局局长')
    await dialog.getByRole('textbox', { name: '约谈事由' }).fill('监控逾期未报项目较多')
    await dialog.getByRole('combobox', { name: '来源类型' }).click()
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '运行监控批次' }).first().click()
    await dialog.getByRole('combobox', { name: '约谈依据' }).click()
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: /月绩效运行监控/ }).first().click()
    await dialog.getByRole('button', { name: '保存' }).click()
    await dialog.waitFor({ state: 'hidden' })
    await table.getByText('监控逾期未报项目较多').waitFor()
    await keepDocScreenshot(page, 'results-interviews')
  }, 120_000)
})
