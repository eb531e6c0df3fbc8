import type { Page } from 'playwright-core'
import { beforeEach, describe, test } from 'vitest'
import { keepScreenshot, signIn } from './support/browser.ts'
import { newPage, openFromMenu, useAppAndBrowser } from './support/session.ts'

const env = useAppAndBrowser()
let page: Page

beforeEach(async () => {
  page = await newPage(env.browser)
  await signIn(page, env.server.baseUrl, 'sz_edu_unit')
  await page.getByRole('navigation', { name: '主菜单' }).getByText('首页').waitFor()
})

describe('a budget unit user in the indicator library', () => {
  test('searches the library and opens an indicator', async () => {
    await openFromMenu(page, '指标库')
    const search = page.getByLabel('指标名称、解释或关键词', { exact: true })
    await search.fill('教师培训')
    await search.press('Enter')
    await page.getByRole('columnheader', { name: '相关度' }).waitFor()
    const first = page.getByRole('button', { name: /查看指标「.*教师.*培训.*」|查看指标「.*培训.*教师.*」/ }).first()
    await first.waitFor()
    await keepScreenshot(page, 'indicators-search')
    await first.click()
    const drawer = page.getByRole('dialog')
    await drawer.getByText('指标解释').waitFor()
    await drawer.getByText('第 1 版').first().waitFor()
    await keepScreenshot(page, 'indicator-detail')
    await page.keyboard.press('Escape')
  })
})

describe('the finance bureau in the rules', () => {
  test('runs a trial calculation and sees the formula behind the score', async () => {
    page = await newPage(env.browser)
    await signIn(page, env.server.baseUrl, 'sz_finance_admin')
    await page.getByRole('navigation', { name: '主菜单' }).getByText('首页').waitFor()
    await openFromMenu(page, '试算')
    await page.getByLabel('目标值').fill('50')
    await page.getByLabel('实际值').fill('40')
    await page.getByLabel('权重', { exact: true }).fill('8')
    await page.getByLabel('监控月份').fill('12')
    await page.getByText('6.40').first().waitFor()
    await page.getByText('8 × 40 / 50').first().waitFor()
    await keepScreenshot(page, 'trial-calculation')
  })
})

describe('the finance bureau on a proposal', () => {
  test('cannot turn it down without saying why, then does, and it leaves the waiting list', async () => {
    const admin = await newPage(env.browser)
    await signIn(admin, env.server.baseUrl, 'sz_finance_admin')
    await openFromMenu(admin, '指标提议')
    await admin.getByRole('button', { name: '查看指标「学生体质健康达标率」' }).click()
    const drawer = admin.getByRole('dialog', { name: /学生体质健康达标率/ })
    await drawer.getByRole('button', { name: '不予采纳' }).click()
    const dialog = admin.getByRole('dialog', { name: '确认不予采纳' })
    await dialog.getByRole('button', { name: '不予采纳' }).click()
    await dialog.getByText('请填写意见（至少 2 个字）').waitFor()
    await dialog.getByRole('textbox', { name: '审核意见' }).fill('与“学生体质健康标准达标优良率”重复，请使用库内指标')
    await keepScreenshot(admin, 'indicator-reject-dialog')
    await dialog.getByRole('button', { name: '不予采纳' }).click()
    await admin.getByText('已不予采纳').waitFor()
    await admin.keyboard.press('Escape')
    await admin.getByRole('button', { name: '查看指标「学生体质健康达标率」' }).waitFor({ state: 'detached' })
  })
})
