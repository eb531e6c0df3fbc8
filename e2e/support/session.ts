import type { Browser, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll } from 'vitest'
import { startAppServer } from './app-server.ts'
import { launchBrowser } from './browser.ts'
import { describeFailure, recordRefusals } from './failure.ts'

type AppServer = Awaited<ReturnType<typeof startAppServer>>

/**
 * One app server (demo data) and one Chromium for a test file: started before its tests, stopped after. The
 * returned object's fields are set once `beforeAll` has run.
 */
export function useAppAndBrowser() {
  const env = {} as { server: AppServer; browser: Browser }
  beforeAll(async () => {
    env.server = await startAppServer()
    env.browser = await launchBrowser()
  })
  // A failed journey says what its pages showed: CI keeps only the end of its output, where the error is printed.
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail' && env.browser) await describeFailure(env.browser, task)
  })
  afterAll(async () => {
    await env.browser?.close()
    await env.server?.stop()
  })
  return env
}

/** A fresh browser context and page at the size, locale and time zone the screenshots are taken in. */
export async function newPage(browser: Browser, options: { acceptDownloads?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', ...options })
  const page = await context.newPage()
  recordRefusals(page)
  return page
}

/**
 * Opens a page from the main menu by its label, unfolding closed groups first. Menu items are matched exactly,
 * since a group and its first page may share a name (指标库 › 指标库).
 */
export async function openFromMenu(page: Page, label: string) {
  const menu = page.getByRole('navigation', { name: /主菜单|Main menu/ })
  const item = menu.locator('li[role="menuitem"]').filter({ hasText: new RegExp(`^${label}$`) })
  if (!(await item.isVisible())) {
    for (const title of await menu.locator('.ant-menu-submenu:not(.ant-menu-submenu-open) > .ant-menu-submenu-title').all()) await title.click()
  }
  await item.click()
  await page.getByRole('heading', { name: label }).first().waitFor()
}
