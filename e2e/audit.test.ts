import type { Page } from 'playwright-core'
import { beforeEach, describe, expect, test } from 'vitest'
import { keepScreenshot, signIn } from './support/browser.ts'
import { newPage, openFromMenu, useAppAndBrowser } from './support/session.ts'

const env = useAppAndBrowser()
let page: Page

beforeEach(async () => {
  page = await newPage(env.browser)
})

describe('the audit administrator', () => {
  test('verifies the audit hash chain from the audit page while the server runs', async () => {
    await signIn(page, env.server.baseUrl, 'auditadmin')
    await openFromMenu(page, '审计日志')
    await page.getByRole('button', { name: '校验哈希链' }).click()
    await page.getByRole('button', { name: '开始校验' }).click()
    const verdict = page.getByRole('status')
    await verdict.getByText('哈希链完整').waitFor()
    // The page shows the server's verdict, which the audit log keeps (the check is itself audited).
    const recorded = await env.server.db.selectFrom('auditLog').select(['actorUsername', 'after']).where('action', '=', 'audit.verify').orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow()
    expect(recorded).toMatchObject({ actorUsername: 'auditadmin', after: { ok: true, rows: expect.any(Number) } })
    const rows = (recorded.after as { rows: number }).rows
    expect(rows).toBeGreaterThanOrEqual(3) // the demo seed, the sign-in and the read of the audit page
    expect(await verdict.textContent()).toContain(`已校验 ${rows} 条记录`)
    await keepScreenshot(page, 'auditadmin-audit-verify')
  })
})
