import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, beforeEach, describe, test } from 'vitest'
import { startAppServer } from './support/app-server.ts'
import { keepScreenshot, launchBrowser, signIn } from './support/browser.ts'

let server: Awaited<ReturnType<typeof startAppServer>>
let browser: Browser
let page: Page

beforeAll(async () => {
  server = await startAppServer()
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})
beforeEach(async () => {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' })
  page = await context.newPage()
  await signIn(page, server.baseUrl, 'sz_edu_unit')
  await page.getByRole('navigation', { name: '主菜单' }).getByText('首页').waitFor()
})

async function openFromMenu(group: string, item: string) {
  const menu = page.getByRole('navigation', { name: '主菜单' })
  // The 指标库 group and its 指标库 page share a name: the page is the list item, the group its submenu title.
  const link = menu.locator('li[role="menuitem"]').filter({ hasText: new RegExp(`^${item}$`) })
  if (!(await link.isVisible())) await menu.locator('.ant-menu-submenu-title').filter({ hasText: new RegExp(`^${group}$`) }).click()
  await link.click()
  await page.getByRole('heading', { name: item }).first().waitFor()
}

describe('a budget unit user in the indicator library', () => {
  test('searches the library, opens an indicator, and runs a trial calculation', async () => {
    await openFromMenu('指标库', '指标库')
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

    await openFromMenu('绩效规则', '试算')
    await page.getByLabel('目标值').fill('50')
    await page.getByLabel('实际值').fill('40')
    await page.getByLabel('权重', { exact: true }).fill('8')
    await page.getByLabel('监控月份').fill('12')
    await page.getByText('6.40').first().waitFor()
    await page.getByText('8 × 40 / 50').first().waitFor()
    await keepScreenshot(page, 'trial-calculation')
  })
})
