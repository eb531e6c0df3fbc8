import { copyFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { keepScreenshot, screenshotDir, signIn } from './support/browser.ts'
import { newPage, openFromMenu, useAppAndBrowser } from './support/session.ts'

const env = useAppAndBrowser()
let page: Page
let projectName = ''

/** Keeps the screenshot as a test artifact and as the README's picture of the page. */
async function keepDoc(name: string) {
  await keepScreenshot(page, name)
  mkdirSync('docs/screenshots', { recursive: true })
  copyFileSync(join(screenshotDir, `${name}.png`), join('docs/screenshots', `${name}.png`))
}

/**
 * A round of 深圳市 at the end of June with one form for a 深圳中学 project, written straight to the tables (the
 * rounds module opens real ones): three indicators, and 30% of the budget paid by March.
 */
beforeAll(async () => {
  const db = env.server.db
  const unitCode = (await db.selectFrom('appUser').select('orgCode').where('username', '=', 'sz_edu_unit').executeTakeFirstOrThrow()).orgCode
  const project = await db.selectFrom('project').selectAll().where('unitCode', '=', unitCode).where('fiscalYear', '=', 2026).orderBy('code').executeTakeFirstOrThrow()
  projectName = project.name
  const now = new Date('2026-06-15T09:30:00+08:00')
  const round = await db
    .insertInto('monitoringRound')
    .values({ jurisdictionCode: project.jurisdictionCode, fiscalYear: 2026, cutoffMonth: 6, name: '2026年1–6月绩效监控', deadline: new Date('2026-07-15T18:00:00+08:00'), status: 'open', createdAt: now, updatedAt: now })
    .returning('id')
    .executeTakeFirstOrThrow()
  const form = await db
    .insertInto('monitoringForm')
    .values({ roundId: round.id, kind: 'project', projectId: project.id, jurisdictionCode: project.jurisdictionCode, departmentCode: project.departmentCode, unitCode, fiscalYear: 2026, cutoffMonth: 6, budgetInitial: project.amountFiscal, budgetAdjusted: project.amountFiscal, isKey: true, createdAt: now, updatedAt: now })
    .returning('id')
    .executeTakeFirstOrThrow()
  const indicator = (sortOrder: number, level1: string, level2: string, name: string, nature: '>=' | 'qualitative', target: string, unit: string) => ({ formId: form.id, sortOrder, level1, level2, name, nature, target, unit })
  await db
    .insertInto('monitoringFormIndicator')
    .values([
      indicator(1, '产出指标', '数量指标', '服务学生人次', '>=', '1200', '人次'),
      indicator(2, '满意度指标', '服务对象满意度指标', '家长满意度', '>=', '90', '%'),
      indicator(3, '产出指标', '时效指标', '服务按时开展', 'qualitative', '2026年9月1日前', ''),
    ])
    .execute()
  const paid = (Number(project.amountFiscal) * 0.3).toFixed(2)
  await db.insertInto('executionPayment').values({ jurisdictionCode: project.jurisdictionCode, projectId: project.id, fiscalYear: 2026, paidOn: '2026-03-20', month: 3, amount: paid, fundSource: '一般公共预算', voucherNo: 'E2E-MF-1', source: 'demo', createdAt: now }).execute()
})

beforeEach(async () => {
  page = await newPage(env.browser)
})

describe('a unit fills its 绩效监控表 and the department accepts it', () => {
  test('不可能 is refused without reasons and accepted with them; the lights show their formulas', async () => {
    await signIn(page, env.server.baseUrl, 'sz_edu_unit')
    await openFromMenu(page, '绩效监控表')
    await page.getByRole('link', { name: projectName }).click()
    await page.getByRole('table', { name: '绩效目标完成情况' }).waitFor()

    await page.getByLabel('服务学生人次 1–6月执行情况').fill('200')
    await page.getByRole('combobox', { name: '服务学生人次 完成目标可能性' }).click()
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '不可能' }).click()
    await page.getByLabel('家长满意度 1–6月执行情况').fill('92')
    await page.getByRole('combobox', { name: '家长满意度 完成目标可能性' }).click()
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '确定能' }).click()
    await page.getByRole('combobox', { name: '服务按时开展 1–6月执行情况' }).click()
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: /^达成$/ }).click()
    await page.getByRole('combobox', { name: '服务按时开展 完成目标可能性' }).click()
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '确定能' }).click()
    await page.getByLabel('全年预计执行数（元）').fill('800000')

    // Rule 31: 不可能 without the cause, the analysis and the measures is refused, naming the field.
    await page.getByRole('button', { name: '提交' }).click()
    const dialog = page.getByRole('dialog', { name: '提交' })
    await dialog.getByRole('button', { name: '提交' }).click()
    await dialog.getByText('第 1 个指标“服务学生人次”完成目标可能性为“不可能”，须选择偏差原因类别').waitFor()
    await dialog.getByRole('button', { name: '取消' }).click()
    // Saved on the way: the lights are lit, 200 of 1200 by June → 33.33 → 红.
    const red = page.getByRole('table', { name: '绩效目标完成情况' }).getByText('● 红')
    await red.waitFor()
    await red.hover()
    await page.getByText(/完成比 = 200 \/ 600\.00 × 100 = 33\.33/).waitFor()

    await page.getByRole('combobox', { name: '服务学生人次 偏差原因类别' }).click()
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '经费保障' }).click()
    await page.getByLabel('服务学生人次 偏差或不能完成目标原因分析').fill('上半年场地改造，课后服务推迟到4月开班。')
    await page.getByLabel('服务学生人次 相关建议或举措').fill('秋季学期增开班次，申请调减年度目标至900人次。')
    // Filled in, the fields lose the errors the refusal put on them.
    await page.getByText(/须填写相关建议或举措/).waitFor({ state: 'detached' })
    await keepDoc('monitoring-form')
    await page.getByRole('button', { name: '提交' }).click()
    await page.getByRole('dialog', { name: '提交' }).getByRole('button', { name: '提交' }).click()
    await page.getByText('待部门审核').first().waitFor()
  })

  test('the department accepts it; finance sees it with its red light in the list', async () => {
    await signIn(page, env.server.baseUrl, 'sz_edu_dept')
    await openFromMenu(page, '绩效监控表')
    await page.getByRole('link', { name: projectName }).click()
    await page.getByRole('button', { name: '审核通过' }).click()
    await page.getByRole('dialog', { name: '审核通过' }).getByRole('button', { name: '审核通过' }).click()
    await page.getByText('待财政审核').first().waitFor()

    const finance = await newPage(env.browser)
    await signIn(finance, env.server.baseUrl, 'sz_finance_admin')
    await openFromMenu(finance, '绩效监控表')
    const row = finance.getByRole('row').filter({ hasText: projectName })
    await row.getByText('● 红').waitFor()
    await row.getByText('待财政审核').waitFor()
    page = finance
    await keepDoc('monitoring-forms')
    expect(await row.getByText('重点').count()).toBe(1)
  })
})
