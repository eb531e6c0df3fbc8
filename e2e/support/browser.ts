import { copyFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { type Browser, chromium, type Page } from 'playwright-core'

export const DEMO_PASSWORD = 'Jixiao@2026'
export const screenshotDir = join('test-results', 'screenshots')

/** Debian's Chromium, headless, with the flags this closed network needs (Playwright gives it a fresh temporary profile). */
export async function launchBrowser(): Promise<Browser> {
  mkdirSync(screenshotDir, { recursive: true })
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

/** Keeps a full-page screenshot as a test artifact under test-results/screenshots. */
export async function keepScreenshot(page: Page, name: string) {
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true })
}

/**
 * Signs in through the login form, as a person would, and waits for the answer: when it is a yes, until the app has
 * left the login page (a page opened before that would find no session yet).
 */
export async function signIn(page: Page, baseUrl: string, username: string, password = DEMO_PASSWORD) {
  await page.goto(`${baseUrl}/login`)
  await page.getByLabel(/用户名|Username/).fill(username)
  await page.getByLabel(/密码|Password/).fill(password)
  const answered = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/auth/login')
  await page.getByRole('button', { name: /^(登录|Sign in)$/ }).click()
  if ((await answered).ok()) await page.waitForURL((url) => !url.pathname.startsWith('/login'))
}

/** Keeps the screenshot as a test artifact and as a picture for the README (docs/screenshots/<name>.png). */
export async function keepDocScreenshot(page: Page, name: string) {
  await keepScreenshot(page, name)
  mkdirSync('docs/screenshots', { recursive: true })
  copyFileSync(join(screenshotDir, `${name}.png`), join('docs/screenshots', `${name}.png`))
}
