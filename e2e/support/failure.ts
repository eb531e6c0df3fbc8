import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import type { RunnerTestCase } from 'vitest'
import { screenshotDir } from './browser.ts'

/** What tells a reader why a journey stopped: messages, alerts, dialogs and field errors still on the page. */
const telling = '.ant-message, .ant-notification, .ant-alert, .ant-modal-wrap:not([style*="display: none"]) .ant-modal, .ant-form-item-explain, .ant-result'

const refusals = new WeakMap<Page, string[]>()

/** Keeps the page's last few API answers of 400 and above (status, method, path), for describeFailure. */
export function recordRefusals(page: Page) {
  const seen: string[] = []
  refusals.set(page, seen)
  page.on('response', (response) => {
    if (response.status() < 400 || !response.url().includes('/api/')) return
    seen.push(`${response.status()} ${response.request().method()} ${new URL(response.url()).pathname}`)
    if (seen.length > 5) seen.shift()
  })
}

/**
 * Appends to a failed test's error what each open page showed (its address and telling texts) and keeps a
 * screenshot of each under test-results/screenshots/failures, so a failure in CI explains itself from the error alone.
 */
export async function describeFailure(browser: Browser, task: RunnerTestCase) {
  const dir = join(screenshotDir, 'failures')
  mkdirSync(dir, { recursive: true })
  const slug = task.name.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 60)
  const lines: string[] = []
  let n = 0
  for (const context of browser.contexts()) {
    for (const page of context.pages()) {
      n += 1
      try {
        const texts = await page.locator(telling).allInnerTexts()
        await page.screenshot({ path: join(dir, `${slug}-${n}.png`), fullPage: true, timeout: 10_000 })
        const shown = JSON.stringify(texts.map((t) => t.replace(/\s+/g, ' ').trim()).filter(Boolean))
        const refused = refusals.get(page)?.length ? `; API refusals: ${refusals.get(page)!.join(', ')}` : ''
        lines.push(`page ${n} at ${page.url()} shows: ${shown}${refused}`)
      } catch (error) {
        lines.push(`page ${n} at ${page.url()} could not be read: ${(error as Error).message.split('\n')[0]}`)
      }
    }
  }
  const error = task.result?.errors?.[0]
  if (error && lines.length) error.message = `${error.message}\n${lines.join('\n')}`
}
