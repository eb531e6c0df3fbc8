import type { Locator, Page } from 'playwright-core'
import { describe, expect, test } from 'vitest'
import { apiAs } from './support/api.ts'
import { keepDocScreenshot, signIn } from './support/browser.ts'
import { newPage, openFromMenu, useAppAndBrowser } from './support/session.ts'

/**
 * 财政重点评价 through the real UI on the demo data: 深圳市 finance selects a new object from the rule-39 proposal
 * and starts its plan; on the demo evaluation waiting at 交换意见 it engages a second agency — the law firm that
 * is 深圳中学's counsel is refused with that reason (rule 44), an independent one is engaged; finalising is
 * refused until 深圳中学 gives its views (rule 41); then finance finalises, submits the report and downloads it.
 */
const env = useAppAndBrowser()

/**
 * Searches a select for `name` and picks it, until the dialog shows it chosen: on a loaded machine the list can
 * re-render under the click while the typed filter applies, and the click is lost.
 */
async function pickOption(page: Page, dialog: Locator, label: string, name: string) {
  const chosen = dialog.locator('.ant-select-content, .ant-select-selection-item').filter({ hasText: name }).first()
  for (let attempt = 0; attempt < 3; attempt++) {
    const select = dialog.getByLabel(label)
    await select.click()
    await select.fill(name)
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: name }).first().click()
    if (await chosen.waitFor({ timeout: 5_000 }).then(() => true, () => false)) return
  }
  await chosen.waitFor()
}

async function confirmMove(page: Page, button: string) {
  await page.getByRole('button', { name: button }).click()
  await page.locator('.ant-modal-confirm').getByRole('button', { name: /确\s*定|OK/ }).click()
}

describe('key evaluation journey on the demo data', () => {
  test('select from the proposal → plan; a related agency refused with its reason, an independent one engaged; 交换意见 required before final → unit replies → final → report downloaded', async () => {
    const base = env.server.baseUrl
    const finance = await newPage(env.browser, { acceptDownloads: true })
    await signIn(finance, base, 'sz_finance_admin')
    await openFromMenu(finance, '重点评价')
    const demoRow = finance.getByRole('row').filter({ hasText: /^.*2025年.*财政重点评价/ }).first()
    await demoRow.waitFor()
    await keepDocScreenshot(finance, 'evaluation-key-list')

    // 1. A new object from the proposal: majors due first, then the seeded sample.
    await finance.getByRole('button', { name: '确定评价对象' }).click()
    const dialog = finance.getByRole('dialog', { name: '确定评价对象' })
    await dialog.getByLabel('随机种子（留空自动生成并记录）').fill('e2e-seed')
    await dialog.getByRole('button', { name: '生成选取建议' }).click()
    await dialog.getByText('规则 39').waitFor()
    await dialog.locator('.ant-table-row').first().locator('input[type="radio"]').check()
    await dialog.getByRole('button', { name: '创建评价' }).click()
    await finance.getByText('已确定对象').first().waitFor()
    await confirmMove(finance, '开始制定工作方案')
    await finance.getByText('制定工作方案', { exact: true }).first().waitFor()
    await finance.getByText('随机种子 e2e-seed').or(finance.getByText(/种子 e2e-seed/)).first().waitFor()

    // 2. The demo evaluation at 交换意见: finalising is refused without the unit's views.
    await openFromMenu(finance, '重点评价')
    await finance.getByRole('row').filter({ hasText: '交换意见' }).getByRole('link').first().click()

    // 2a. A second agency for the satisfaction survey: the unit's counsel is refused, naming why; another is engaged.
    await finance.getByRole('tab', { name: '第三方机构与专家' }).click()
    await finance.getByRole('cell', { name: '深圳市鹏程绩效评价咨询有限公司' }).waitFor()
    await finance.getByRole('button', { name: '委托第三方机构' }).click()
    const engage = finance.getByRole('dialog', { name: '委托第三方机构' })
    await pickOption(finance, engage, '选择第三方机构', '广东卓信律师事务所')
    await engage.getByRole('button', { name: '独立性审查' }).click()
    await engage.getByText('独立性审查未通过，不能委托该机构').waitFor()
    await expect.poll(() => engage.locator('li[data-reason]').first().innerText()).toContain('机构与被评价对象存在关联关系')
    await engage.getByLabel('合同编号').fill('SZCG-2026-PJ-0902')
    await engage.getByLabel('委托费用（元）').fill('60000')
    await engage.getByRole('button', { name: /保\s*存/ }).click()
    await engage.getByText('独立性审查未通过，不能委托该机构').waitFor()
    await keepDocScreenshot(finance, 'evaluation-key-agency-refused')
    await pickOption(finance, engage, '选择第三方机构', '深圳大学公共管理学院绩效评价中心')
    await engage.getByText('独立性审查未通过，不能委托该机构').waitFor({ state: 'detached' })
    await engage.getByRole('button', { name: '独立性审查' }).click()
    await engage.getByText('独立性审查通过：未发现利益冲突').waitFor()
    await engage.getByRole('button', { name: /保\s*存/ }).click()
    await engage.waitFor({ state: 'detached' })
    await finance.getByRole('cell', { name: '深圳大学公共管理学院绩效评价中心' }).waitFor()
    await keepDocScreenshot(finance, 'evaluation-key-agencies')

    await finance.getByRole('tab', { name: '指标体系与评分' }).click()
    await finance.getByRole('columnheader', { name: '三级指标' }).waitFor()
    await keepDocScreenshot(finance, 'evaluation-key-framework')
    await finance.getByRole('tab', { name: '评价结论与报告' }).click()
    await keepDocScreenshot(finance, 'evaluation-key-detail')
    await confirmMove(finance, '形成最终结论')
    await finance.getByText(/规则 41/).first().waitFor()
    const id = finance.url().split('/').pop()!

    // 3. 深圳中学 reads the draft and gives its views.
    const unit = await newPage(env.browser)
    await signIn(unit, base, 'sz_edu_unit')
    await unit.getByText(/^欢迎，/).waitFor()
    await unit.goto(`${base}/evaluation/key/${id}`)
    await unit.getByRole('tab', { name: '交换意见' }).click()
    await unit.getByLabel('意见', { exact: true }).fill('对初步评价结论无异议，将按建议细化预算编制并加强进度管理。')
    await unit.getByRole('button', { name: '填写交换意见' }).click()
    await unit.getByText('已提交意见').waitFor()
    await keepDocScreenshot(unit, 'evaluation-key-exchange')

    // 4. Finance finalises, submits the report and downloads it.
    await finance.reload()
    await confirmMove(finance, '形成最终结论')
    await finance.getByText('形成结论', { exact: true }).first().waitFor()
    await confirmMove(finance, '提交报告')
    await finance.getByText('已提交报告', { exact: true }).first().waitFor()
    await finance.getByRole('tab', { name: '评价结论与报告' }).click()
    const download = finance.waitForEvent('download')
    await finance.getByRole('link', { name: /下载评价报告/ }).or(finance.getByRole('button', { name: /下载评价报告/ })).first().click()
    const file = await download
    expect(file.suggestedFilename()).toMatch(/^2025年.*财政重点评价报告\.docx$/)

    const api = await apiAs(base, 'sz_finance_admin')
    const done = await api<{ stage: string; total: string; grade: string; exchanges: unknown[] }>('GET', `/api/evaluation/key/${id}`)
    expect(done).toMatchObject({ stage: 'reported', total: expect.stringMatching(/^\d+\.\d\d$/) })
    expect(done.exchanges).toHaveLength(1)
    const engaged = await api<{ items: { agencyName: string }[] }>('GET', `/api/agencies/engagements?keyEvaluationId=${id}`)
    expect(engaged.items.map((e) => e.agencyName).sort()).toEqual(['深圳大学公共管理学院绩效评价中心', '深圳市鹏程绩效评价咨询有限公司'].sort())
  })
})
