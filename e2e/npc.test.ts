import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, test } from 'vitest'
import { ReadBudget } from '../server/platform/read-limits.ts'
import { openZip } from '../server/platform/zip.ts'
import { docxText } from '../server/test/docx-text.ts'
import { pdfText as pdfTextOf } from '../server/test/pdf-text.ts'
import { keepDocScreenshot, signIn } from './support/browser.ts'
import { newPage, openFromMenu, useAppAndBrowser } from './support/session.ts'

const env = useAppAndBrowser()
let page: Page

beforeAll(async () => {
  page = await newPage(env.browser, { acceptDownloads: true })
})

describe('人大材料 (issue 14)', () => {
  test('the 人大/审计 reader opens 人大材料 and downloads a department’s package; the download is audited', async () => {
    await signIn(page, env.server.baseUrl, 'npc_viewer')
    await openFromMenu(page, '人大材料')
    const table = page.getByRole('table', { name: '人大材料' })
    await table.getByRole('row').nth(1).waitFor()
    await page.getByPlaceholder('部门名称或编码').fill('深圳市教育局')
    await page.getByPlaceholder('部门名称或编码').press('Enter')
    const row = table.getByRole('row').filter({ hasText: '深圳市教育局' })
    await row.waitFor()
    await keepDocScreenshot(page, 'npc-packages')

    const download = page.waitForEvent('download')
    await row.getByRole('link', { name: '下载深圳市教育局的人大材料（Word）' }).click()
    const file = await download
    const year = new Date().getFullYear()
    expect(file.suggestedFilename()).toBe(`${year}年深圳市教育局预算绩效情况（人大审查材料）.docx`)
    const docx = readFileSync((await file.path())!)
    writeFileSync(join('test-results', 'npc-package.docx'), docx)
    const text = await docxText(docx)
    for (const heading of ['一、部门整体绩效目标', '二、重大项目绩效目标', '三、上年度重点绩效评价结果', '四、上年度项目自评情况', '五、尚未完成的整改事项']) expect(text).toContain(heading)
    expect(text).toContain(`深圳市教育局${year}年度预算绩效情况`)

    // The same package as PDF, set in a Chinese font.
    const pdfDownload = page.waitForEvent('download')
    await row.getByRole('link', { name: '下载深圳市教育局的人大材料（PDF）' }).click()
    const pdf = await pdfDownload
    expect(pdf.suggestedFilename()).toBe(`${year}年深圳市教育局预算绩效情况（人大审查材料）.pdf`)
    const pdfText = pdfTextOf(readFileSync((await pdf.path())!)).replace(/\n/g, '')
    for (const heading of ['一、部门整体绩效目标', '五、尚未完成的整改事项', `深圳市教育局${year}年度预算绩效情况`]) expect(pdfText).toContain(heading)

    const audit = await env.server.db.selectFrom('auditLog').select(['action', 'entityId']).where('actorUsername', '=', 'npc_viewer').where('action', 'in', ['npc.package', 'access.read']).execute()
    const education = await env.server.db.selectFrom('orgNode').select('code').where('name', '=', '深圳市教育局').executeTakeFirstOrThrow()
    expect(audit).toContainEqual({ action: 'npc.package', entityId: education.code })
    expect(audit).toContainEqual({ action: 'access.read', entityId: 'GET /api/npc/packages' })
  }, 120_000)

  test('生成全部: a background job builds every city department’s package; the zip downloads from the dialog', async () => {
    await page.getByRole('button', { name: '生成全部' }).click()
    const dialog = page.getByRole('dialog', { name: '生成全部部门人大材料' })
    await dialog.getByRole('button', { name: '开始生成' }).click()
    await dialog.getByText('已生成，可下载压缩包').waitFor({ timeout: 60_000 })
    await keepDocScreenshot(page, 'npc-bundle')
    const download = page.waitForEvent('download')
    await dialog.getByRole('link', { name: '下载压缩包' }).click()
    const zip = readFileSync((await (await download).path())!)
    const parts = [...(await openZip(zip, new ReadBudget())).parts.keys()]
    const departments = await env.server.db.selectFrom('orgNode').select('name').where('kind', '=', 'department').where('jurisdictionCode', '=', '440300').execute()
    expect(parts).toHaveLength(departments.length)
    expect(parts.some((p) => p.includes('深圳市教育局'))).toBe(true)
    await dialog.locator('.ant-modal-footer').getByRole('button', { name: '关闭' }).click()
    await dialog.waitFor({ state: 'hidden' })
  }, 180_000)

  test('in English: the page’s own words are English', async () => {
    await page.getByText('English', { exact: true }).click()
    await page.getByRole('heading', { name: 'NPC packages' }).first().waitFor()
    const table = page.getByRole('table', { name: 'NPC packages' })
    await table.getByRole('columnheader', { name: 'Major projects' }).waitFor()
    await table.getByRole('link', { name: 'Download the NPC package of 深圳市教育局 (PDF)' }).waitFor()
    await page.getByRole('button', { name: 'Generate all' }).waitFor()
    await keepDocScreenshot(page, 'npc-packages-en')
    await page.getByText('中文', { exact: true }).click()
  }, 60_000)
})
