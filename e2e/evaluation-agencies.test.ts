import type { Page } from 'playwright-core'
import { beforeEach, describe, expect, test } from 'vitest'
import { keepDocScreenshot, signIn } from './support/browser.ts'
import { newPage, openFromMenu, useAppAndBrowser } from './support/session.ts'

const env = useAppAndBrowser()
let page: Page

beforeEach(async () => {
  page = await newPage(env.browser)
})

/** A 财政重点评价 of a project of the unit the demo's law firm declared a relation to (the keyeval demo's own comes on main). */
async function keyEvaluationOfRelatedUnit() {
  const db = env.server.db
  const firm = await db.selectFrom('agency').innerJoin('agencyRelation', 'agencyRelation.agencyId', 'agency.id').select(['agency.id', 'agencyRelation.orgCode']).where('agency.name', '=', '广东卓信律师事务所').executeTakeFirstOrThrow()
  const project = await db.selectFrom('project').select(['id', 'name', 'departmentCode', 'unitCode']).where('unitCode', '=', firm.orgCode).orderBy('code').executeTakeFirstOrThrow()
  const evaluation = await db
    .insertInto('keyEvaluation')
    .values({ jurisdictionCode: '440300', fiscalYear: 2025, level: 'finance', objectKind: 'project', projectId: project.id, commissionerCode: '440300', departmentCode: project.departmentCode, unitCode: project.unitCode, name: `2025年${project.name}财政重点评价（浏览器测试）`, template: 'no10', createdAt: new Date(), updatedAt: new Date() })
    .returning('id')
    .executeTakeFirstOrThrow()
  return { firmId: firm.id, evaluationId: evaluation.id }
}

describe('finance with third-party agencies and experts', () => {
  test('the register; an agency related to the evaluated unit is refused with its reason; experts drawn with avoidance', async () => {
    await signIn(page, env.server.baseUrl, 'sz_finance_admin')
    await openFromMenu(page, '第三方机构')
    await page.getByRole('link', { name: '深圳市诚衡资产评估有限公司' }).waitFor()
    await keepDocScreenshot(page, 'evaluation-agencies')

    await page.getByRole('link', { name: '深圳市诚衡资产评估有限公司' }).click()
    await page.getByRole('table', { name: '违规记录' }).getByText('重大', { exact: true }).waitFor()
    await keepDocScreenshot(page, 'evaluation-agency-detail')

    const { firmId, evaluationId } = await keyEvaluationOfRelatedUnit()
    await page.goto(`${env.server.baseUrl}/agencies/${firmId}?engageFor=${evaluationId}`)
    const dialog = page.getByRole('dialog', { name: '委托第三方机构' })
    await dialog.getByLabel('合同编号').fill('SZCG-2026-PJ-0901')
    await dialog.getByLabel('委托费用（元）').fill('120000')
    await dialog.getByRole('button', { name: /保\s*存/ }).click()
    await dialog.getByText('独立性审查未通过，不能委托该机构').waitFor()
    await expect.poll(() => dialog.locator('li[data-reason]').first().innerText()).toContain('机构与被评价对象存在关联关系')
    await keepDocScreenshot(page, 'evaluation-agency-conflict')
    await dialog.getByRole('button', { name: /取\s*消/ }).click()

    await openFromMenu(page, '专家库')
    await page.getByRole('link', { name: '黄志明' }).waitFor()
    await keepDocScreenshot(page, 'evaluation-experts')

    await page.goto(`${env.server.baseUrl}/experts/draws?keyEvaluationId=${evaluationId}&draw=1`)
    const draw = page.getByRole('dialog', { name: '随机抽取专家' })
    await draw.getByLabel('抽取人数').fill('2')
    await draw.getByRole('button', { name: '随机抽取专家' }).click()
    await page.getByText(/本次抽取的随机种子为 [0-9a-f]{12}/).waitFor()
    await page.getByRole('table', { name: '候选名单（含回避原因）' }).getByText('已停用').waitFor()
    await keepDocScreenshot(page, 'evaluation-expert-draw')
  })
})
