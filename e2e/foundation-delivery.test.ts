import type { Page } from 'playwright-core'
import { describe, expect, test } from 'vitest'
import { keepScreenshot, signIn } from './support/browser.ts'
import { newPage, useAppAndBrowser } from './support/session.ts'

/**
 * How the app reaches the browser: under its Content-Security-Policy (nothing of ours is blocked, an injected
 * script is), compressed, and light enough on the first screen for a slow link.
 */
const env = useAppAndBrowser()

/** Console messages in which Chromium reports a Content-Security-Policy violation, and uncaught page errors. */
function watchProblems(page: Page) {
  const problems: string[] = []
  page.on('console', (msg) => {
    if (/Content Security Policy/i.test(msg.text())) problems.push(msg.text())
  })
  page.on('pageerror', (error) => problems.push(String(error)))
  return problems
}

// The first screen's JavaScript, on the wire (issue 10, point 28).
const FIRST_SCREEN_JS_BUDGET = 400_000

describe('the login page', () => {
  test(`loads its JavaScript brotli-compressed, at most ${FIRST_SCREEN_JS_BUDGET / 1000} kB on the wire`, async () => {
    const page = await newPage(env.browser)
    const problems = watchProblems(page)
    const scripts: Promise<{ url: string; encoding: string | undefined; bytes: number; decoded: number }>[] = []
    page.on('requestfinished', (request) => {
      if (request.resourceType() !== 'script') return
      scripts.push(
        (async () => {
          const response = await request.response()
          const decoded = (await response?.body())?.length ?? 0
          return { url: request.url(), encoding: (await response?.allHeaders())?.['content-encoding'], bytes: (await request.sizes()).responseBodySize, decoded }
        })(),
      )
    })
    await page.goto(`${env.server.baseUrl}/login`)
    await page.getByLabel(/用户名/).waitFor()
    await page.waitForLoadState('networkidle')
    const loaded = await Promise.all(scripts)
    const total = loaded.reduce((sum, s) => sum + s.bytes, 0)
    const decoded = loaded.reduce((sum, s) => sum + s.decoded, 0)
    console.log(`login page: ${loaded.length} scripts, ${(total / 1000).toFixed(1)} kB transferred (brotli), ${(decoded / 1000).toFixed(1)} kB uncompressed`)
    expect(loaded.length).toBeGreaterThan(0)
    // Files under 1 kB are not worth compressing (scripts/vite-precompress.ts).
    expect(loaded.filter((s) => s.encoding !== 'br' && s.decoded >= 1024).map((s) => s.url)).toEqual([])
    expect(total).toBeLessThanOrEqual(FIRST_SCREEN_JS_BUDGET)
    expect(problems).toEqual([])
  })

  test('shows a loading state (CSS only) while its scripts are still on the way', async () => {
    const page = await newPage(env.browser)
    await page.route('**/assets/*.js', (route) => route.abort())
    await page.goto(`${env.server.baseUrl}/login`)
    await page.getByRole('status').getByText('加载中…').waitFor()
    await keepScreenshot(page, 'login-loading')
  })
})

describe('under the Content-Security-Policy', () => {
  test('the app runs its pages without a single violation', async () => {
    const page = await newPage(env.browser)
    const problems = watchProblems(page)
    await signIn(page, env.server.baseUrl, 'sz_finance_admin')
    await page.getByRole('navigation', { name: /主菜单/ }).getByText('首页').waitFor()
    for (const path of ['/projects', '/goals', '/indicators', '/exante']) {
      await page.goto(`${env.server.baseUrl}${path}`)
      await page.waitForLoadState('networkidle')
      await page.getByRole('heading').first().waitFor()
    }
    expect(problems).toEqual([])
  })

  test('a script injected into the page does not run', async () => {
    const page = await newPage(env.browser)
    await page.goto(`${env.server.baseUrl}/login`)
    await page.getByLabel(/用户名/).waitFor()
    const outcome = await page.evaluate(
      () =>
        new Promise<{ ran: boolean; blockedBy?: string }>((resolve) => {
          const w = window as unknown as { injected?: boolean }
          document.addEventListener('securitypolicyviolation', (e) => resolve({ ran: w.injected === true, blockedBy: e.effectiveDirective }), { once: true })
          const script = document.createElement('script')
          script.textContent = 'window.injected = true'
          document.body.append(script)
          setTimeout(() => resolve({ ran: w.injected === true }), 2000)
        }),
    )
    expect(outcome).toEqual({ ran: false, blockedBy: 'script-src-elem' })
  })

  test('the API documentation (Swagger UI) still renders', async () => {
    const page = await newPage(env.browser)
    const problems = watchProblems(page)
    await page.goto(`${env.server.baseUrl}/api/docs/`)
    await page.locator('.swagger-ui .info .title').getByText(/Jixiao/).waitFor()
    await page.locator('.opblock-tag').first().waitFor()
    await keepScreenshot(page, 'api-docs')
    expect(problems).toEqual([])
  })
})
