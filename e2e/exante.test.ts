import type { Page } from 'playwright-core'
import { beforeEach, describe, expect, test } from 'vitest'
import { exAnteDimensions } from '../domain/exante.ts'
import { keepScreenshot, signIn } from './support/browser.ts'
import { newPage, openFromMenu, useAppAndBrowser } from './support/session.ts'

const env = useAppAndBrowser()
let page: Page
const PROJECT = '2027年深圳市教育信息化建设项目'

beforeEach(async () => {
  page = await newPage(env.browser, { acceptDownloads: true })
})

describe('the finance bureau on an ex-ante assessment', () => {
  test('finds the major project gated, scores the assessment, concludes 予以支持, and the project enters the library', async () => {
    await signIn(page, env.server.baseUrl, 'sz_finance_admin')
    await openFromMenu(page, '事前绩效评估')
    await page.getByRole('link', { name: PROJECT }).click()
    await page.getByRole('table', { name: '评分表' }).waitFor()
    await page.getByText('重大项目，须经事前评估方可入库').waitFor()

    // Not yet: the project may not enter the library while the assessment is open.
    await page.getByRole('link', { name: PROJECT }).click()
    await page.getByText('尚无“予以支持”结论，不能入库').waitFor()
    await page.getByRole('button', { name: '入库' }).click()
    const admit = page.getByRole('dialog', { name: '确认入库' })
    await admit.getByRole('button', { name: '入库' }).click()
    await admit.getByText('须经事前绩效评估且结论为“予以支持”方可入库（当前：评估中，尚无结论）').waitFor()
    await keepScreenshot(page, 'exante-gate-blocked')
    await admit.getByRole('button', { name: '取消' }).click()

    await page.getByRole('link', { name: '查看评估' }).click()
    await page.getByRole('table', { name: '评分表' }).waitFor()
    for (const point of exAnteDimensions.project.flatMap((d) => d.points)) {
      await page.getByLabel(`${point.zh}得分`, { exact: true }).fill('9')
    }
    await page.getByLabel('明确相关性评估说明', { exact: true }).fill('与全市教育数字化规划一致')
    await page.getByRole('checkbox', { name: '实施方案 已提供' }).check()
    await page.getByRole('button', { name: '保存' }).click()
    await page.getByText('已保存').first().waitFor()
    await expect.poll(() => page.getByLabel('合计', { exact: true }).innerText()).toBe('90.00')
    await keepScreenshot(page, 'exante-scored')

    await page.getByRole('button', { name: '作出结论' }).click()
    const dialog = page.getByRole('dialog', { name: '作出评估结论' })
    await dialog.getByRole('radio', { name: '予以支持' }).check()
    await dialog.getByRole('textbox', { name: '评估意见' }).fill('立项必要，测算依据充分，同意支持。')
    await keepScreenshot(page, 'exante-conclude-dialog')
    await dialog.getByRole('button', { name: '作出结论' }).click()
    await page.getByText('已作出结论').first().waitFor()
    await page.getByText('已完成').first().waitFor()
    await keepScreenshot(page, 'exante-concluded')

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /下载评估报告/ }).click()])
    expect(download.suggestedFilename()).toBe(`${PROJECT}事前绩效评估报告.docx`)

    await page.getByRole('link', { name: PROJECT }).click()
    await page.getByText('结论为“予以支持”，可以入库').waitFor()
    await page.getByRole('button', { name: '入库' }).click()
    const again = page.getByRole('dialog', { name: '确认入库' })
    await again.getByRole('button', { name: '入库' }).click()
    await again.waitFor({ state: 'detached' })
    const status = async () => (await env.server.db.selectFrom('project').select('status').where('name', '=', PROJECT).executeTakeFirstOrThrow()).status
    await expect.poll(status).toBe('library')
    await keepScreenshot(page, 'exante-project-admitted')
  })
})

describe('an expert', () => {
  test('sees only the assessment assigned to it', async () => {
    await signIn(page, env.server.baseUrl, 'expert_demo')
    await openFromMenu(page, '事前绩效评估')
    await page.getByRole('link', { name: '2026年深圳市第二高级中学学生资助项目' }).waitFor()
    await expect.poll(() => page.getByRole('table', { name: '事前绩效评估列表' }).getByRole('link').count()).toBe(1)
    await keepScreenshot(page, 'exante-expert-list')
  })
})
