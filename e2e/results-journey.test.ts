import Decimal from 'decimal.js'
import type { Page } from 'playwright-core'
import { describe, expect, test } from 'vitest'
import { formatMoney } from '../domain/money.ts'
import type { RuleSet } from '../domain/rule-set.ts'
import { type SelfEvalIndicatorInput, scoreSelfEvaluation } from '../domain/self-evaluation.ts'
import { apiAs } from './support/api.ts'
import { keepDocScreenshot, signIn } from './support/browser.ts'
import { acceptForm, saveAndSubmit } from './support/review.ts'
import { draftForm, dropdownsClosed, type FormDetail, openForm, option, quantity } from './support/self-evaluation.ts'
import { newPage, openFromMenu, useAppAndBrowser } from './support/session.ts'

/**
 * 结果应用 end to end on the demo data (issue 13): a result feeds next year's budget. The e2e clock is 2026-06-15, so
 * the evaluated year is 2025 and the next year's request is 2026.
 *
 * 1. 深圳中学 fills its draft 2025 自评表 well short of its targets (with the deviation analysis each shortfall needs)
 *    so that the page shows grade 中, and submits; 市教育局 accepts; finance accepts (财政审核).
 * 2. The acceptance raises a rectification item (a 中 grade, rule 43): the unit finds it under 结果应用 → 整改事项,
 *    sees its source (the 自评表, linked), answers with an uploaded file; the department verifies; finance closes it.
 * 3. Finance generates the 2026 budget proposals from the 2025 results (a job) and records this project's decision,
 *    an amount other than the proposal, with its reason.
 * 4. The unit requests the project again for 2026 (申报下一年度（延续）: same code, the form prefilled) and the new
 *    request's page shows last year's grade 中, the closed item and the decided amount.
 *
 * The steps share one form and one project, so they run as one test.
 */
const env = useAppAndBrowser()

type FullForm = Omit<FormDetail, 'indicators'> & {
  fiscalYear: number
  funds: { budget: string; executed: string; weight: string }
  indicators: (FormDetail['indicators'][number] & { level1: string })[]
}

/**
 * Actual values that land the form's total in 中 (60 ≤ total < 80 by the rule set), scored by the same domain
 * function as the page and the server: every 越大越好 indicator at a share of its target, the others met, the
 * qualitative ones 达成 or 部分达成 — the first share (from 90 % down) that gives 中.
 */
function actualsForFair(form: FullForm, rules: RuleSet) {
  const partial = rules.qualitativeLabels.partial[0]!
  const achieved = rules.qualitativeLabels.achieved[0]!
  for (const verdict of [achieved, partial]) {
    for (let percent = 90; percent >= 10; percent -= 5) {
      const actuals = form.indicators.map((ind) => {
        if (ind.nature === 'qualitative') return verdict
        const target = quantity(ind)!
        return ['>=', '>'].includes(ind.nature) ? target.times(percent).dividedBy(100).toDecimalPlaces(2).toString() : target.toString()
      })
      const indicators: SelfEvalIndicatorInput[] = form.indicators.map((ind, i) => ({
        name: ind.name,
        level1: ind.level1,
        nature: ind.nature as SelfEvalIndicatorInput['nature'],
        target: ind.target,
        unit: ind.unit,
        weight: ind.weight,
        actual: actuals[i]!,
        applicable: true,
        score: null,
        overrideReason: null,
        deviationReason: null,
      }))
      const scored = scoreSelfEvaluation({ budget: form.funds.budget, executed: form.funds.executed, executionWeight: form.funds.weight, executionReason: null, indicators }, rules)
      if (scored.grade?.value === '中') return { actuals, total: scored.total!.value, needsReason: scored.indicators.map((r) => r.deviationReasonRequired) }
    }
  }
  throw new Error(`no share of the targets gives 自评表 ${form.projectName} the grade 中`)
}

/** Opens a 结果应用 → 整改事项 item found by its project code. */
async function openItem(page: Page, code: string, problem: string) {
  await openFromMenu(page, '整改事项')
  const search = page.getByLabel('问题、项目或责任单位', { exact: true })
  await search.fill(code)
  await search.press('Enter')
  await page.getByRole('link', { name: problem }).first().click()
  await page.getByText(problem).first().waitFor()
}

describe('结果应用: a poor self-evaluation → rectification → next year’s budget → next year’s request', () => {
  test('深圳中学’s 中 self-evaluation raises an item it answers and finance closes; finance decides the 2026 budget; the 2026 延续 request shows it all', async () => {
    const base = env.server.baseUrl
    const unitApi = await apiAs(base, 'sz_edu_unit')
    // A form whose project has no 2026 request yet: the journey files it.
    const { form } = await draftForm(base, async (f) => {
      if (!f.projectCode || !f.projectId) return false
      const next = await unitApi<{ items: { code: string }[] }>('GET', `/api/projects?fiscalYear=2026&q=${encodeURIComponent(f.projectCode)}&pageSize=100`)
      return !next.items.some((p) => p.code === f.projectCode)
    })
    const full = await unitApi<FullForm>('GET', `/api/evaluation/self/${form.id}`)
    expect(full.fiscalYear).toBe(2025)
    const { rules } = (await unitApi<{ effective: { rules: RuleSet } }>('GET', '/api/rule-sets/440300/2025')).effective
    const plan = actualsForFair(full, rules)
    const code = form.projectCode!

    // 1. 深圳中学 fills the form well short of its targets, each shortfall explained: the page shows 中.
    const unit = await newPage(env.browser)
    await signIn(unit, base, 'sz_edu_unit')
    await openForm(unit, form)
    for (const [i, ind] of full.indicators.entries()) {
      const label = `${ind.name} 实际完成值`
      if (ind.nature === 'qualitative') {
        await unit.getByRole('combobox', { name: label, exact: true }).click()
        await option(unit, new RegExp(`^${plan.actuals[i]}`)).click()
        await dropdownsClosed(unit)
      } else {
        await unit.getByLabel(label, { exact: true }).fill(plan.actuals[i]!)
      }
      await unit.getByLabel(`${ind.name} 得分`, { exact: true }).fill('')
      if (plan.needsReason[i]) {
        await unit.getByLabel(`${ind.name} 偏差原因分析及改进措施`, { exact: true }).fill('受场地改造和师资调整影响，全年仅完成部分任务；下年度提前排期，按季度跟踪进度。')
      }
    }
    await unit.getByLabel('执行率偏低原因').fill('部分资金年底前未完成支付，已结转下年使用。')
    const totalCard = unit.locator('.ant-card').filter({ hasText: '总分与等级' })
    await totalCard.getByLabel('总分').getByText(plan.total).waitFor()
    await totalCard.locator('.ant-tag').filter({ hasText: /^中/ }).waitFor()
    await keepDocScreenshot(unit, 'results-journey-1-self-form')
    await saveAndSubmit(unit)

    // 市教育局 accepts, then finance (财政审核).
    const dept = await newPage(env.browser)
    await signIn(dept, base, 'sz_edu_dept')
    await openForm(dept, form)
    await acceptForm(dept, '待财政审核')

    const finance = await newPage(env.browser)
    await signIn(finance, base, 'sz_finance_admin')
    await openForm(finance, form)
    await acceptForm(finance, '已审核')
    const accepted = await unitApi<{ status: string; total: string; grade: string }>('GET', `/api/evaluation/self/${form.id}`)
    expect(accepted).toMatchObject({ status: 'accepted', total: plan.total, grade: '中' })

    // 2. The item the acceptance raised: the unit finds it, opens its source, answers with a file.
    const problem = `2025年度单位自评得分 ${plan.total} 分，等级“中”`
    await openItem(unit, code, problem)
    await unit.getByText('待整改').first().waitFor()
    await keepDocScreenshot(unit, 'results-journey-2-rectification-raised')
    await unit.getByRole('link', { name: '查看来源' }).click()
    await unit.waitForURL(new RegExp(`/evaluation/self/${form.id}`))
    await unit.getByRole('table', { name: '绩效指标完成情况' }).waitFor()
    // Linked both ways: the 自评表 lists the item raised from it. (This browser saw the form seconds ago, before the
    // department and finance acted elsewhere; the page's cache is fresh for 30 s, so reload as a returning user would.)
    await unit.reload()
    await unit.getByRole('table', { name: '由此产生的整改事项（1）' }).getByRole('link', { name: problem }).waitFor()
    await unit.goBack()
    await unit.getByText(problem).first().waitFor()
    await unit.locator('input[type="file"]').setInputFiles({ name: '整改报告.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 深圳中学整改报告') })
    await unit.getByRole('link', { name: /整改报告\.pdf/ }).waitFor()
    await unit.getByRole('button', { name: '报送整改情况' }).click()
    const respond = unit.getByRole('dialog', { name: '报送整改情况' })
    await respond.getByLabel('整改措施及完成情况').fill('已调整培训排期并按季度跟踪，下半年补足培训人次，整改报告见附件。')
    await respond.getByRole('button', { name: '报送整改情况' }).click()
    await respond.waitFor({ state: 'detached' })
    await unit.getByText('待部门核实').first().waitFor()

    // The department verifies, finance closes it (销号).
    await openItem(dept, code, problem)
    await dept.getByRole('button', { name: /核\s*实/ }).click()
    await dept.getByRole('dialog', { name: /核\s*实/ }).getByRole('button', { name: /核\s*实/ }).click()
    await dept.getByText('待财政销号').first().waitFor()

    await openItem(finance, code, problem)
    await finance.getByRole('button', { name: /销\s*号/ }).click()
    const close = finance.getByRole('dialog', { name: /销\s*号/ })
    await close.getByText('确认对该整改事项销号？').waitFor()
    await close.getByRole('button', { name: /销\s*号/ }).click()
    await close.waitFor({ state: 'detached' })
    await finance.getByText('已销号').first().waitFor()
    await finance.getByText('财政销号').first().waitFor()
    await keepDocScreenshot(finance, 'results-journey-3-rectification-closed')

    // 3. Finance generates the 2026 proposals from the 2025 results (a job) and decides this project's budget.
    await openFromMenu(finance, '预算安排决定')
    await finance.getByRole('button', { name: '生成建议' }).click()
    const generate = finance.getByRole('dialog', { name: '生成下年预算安排建议' })
    await generate.getByRole('spinbutton', { name: '评价年度' }).fill('2025')
    await generate.getByRole('button', { name: '开始生成' }).click()
    await generate.getByText('预算安排建议已生成').waitFor({ timeout: 60_000 })
    await generate.getByRole('button', { name: '完成' }).click()
    const financeApi = await apiAs(base, 'sz_finance_admin')
    const proposals = await financeApi<{ items: { id: string; projectCode: string; grade: string; proposedAction: string; proposedAmount: string }[] }>('GET', `/api/budget-decisions?fiscalYear=2026&q=${encodeURIComponent(code)}&pageSize=100`)
    const proposal = proposals.items.find((d) => d.projectCode === code)!
    expect(proposal).toMatchObject({ grade: '中' })
    const decided = new Decimal(proposal.proposedAmount).times('0.95').toDecimalPlaces(2).toFixed(2)
    expect(decided).not.toBe(proposal.proposedAmount)

    const search = finance.getByLabel('项目、部门或区名称', { exact: true })
    await search.fill(code)
    await search.press('Enter')
    const table = finance.getByRole('table', { name: '预算安排决定' })
    const row = table.getByRole('row').filter({ hasText: form.projectName })
    await row.getByRole('button', { name: '记录决定' }).click()
    const dialog = finance.getByRole('dialog', { name: '记录预算安排决定' })
    await dialog.getByText('测算说明').waitFor()
    await dialog.getByRole('textbox', { name: '决定安排（元）' }).fill(decided)
    await dialog.getByRole('button', { name: '保存决定' }).click()
    await dialog.getByText('决定安排金额与建议不同，请说明理由').first().waitFor()
    await keepDocScreenshot(finance, 'results-journey-4-budget-decide')
    await dialog.getByRole('textbox', { name: '理由' }).fill('整改已销号，考虑下年任务量，在建议基础上再压减 5%')
    await dialog.getByRole('button', { name: '保存决定' }).click()
    await dialog.waitFor({ state: 'hidden' })
    await row.getByText(formatMoney(decided)).waitFor()
    await keepDocScreenshot(finance, 'results-journey-5-budget-decisions')

    // 4. The unit requests the project again for 2026 from its 2025 page: same code, the form prefilled.
    await unit.goto(`${base}/projects/${form.projectId}`)
    await unit.getByRole('button', { name: '申报下一年度（延续）' }).click()
    const request = unit.getByRole('form', { name: '申报下一年度（延续）' })
    await request.waitFor()
    await unit.getByText(`项目编码 ${code} 不变`).waitFor()
    expect(await request.getByRole('textbox', { name: '项目编码' }).inputValue()).toBe(code)
    expect(await request.getByRole('spinbutton', { name: '预算年度' }).inputValue()).toBe('2026')
    await request.getByRole('textbox', { name: '一般公共预算' }).fill(decided)
    await request.getByRole('textbox', { name: '中期资金总额' }).fill(decided)
    await keepDocScreenshot(unit, 'results-journey-6-next-year-request')
    await unit.getByRole('button', { name: /^(保存|提交|确定)/ }).click()
    await unit.waitForURL((url) => /\/projects\/[^/]+$/.test(url.pathname) && !url.pathname.endsWith(form.projectId!))
    const panel = unit.getByLabel('上年绩效结果与预算安排')
    await panel.getByText('2025 年评价等级').waitFor()
    await panel.locator('.ant-tag').filter({ hasText: /^中/ }).waitFor()
    await panel.getByText(formatMoney(decided)).waitFor()
    const closed = panel.locator('.ant-descriptions-item').filter({ hasText: '已销号整改' })
    expect((await closed.locator('.ant-descriptions-item-content').innerText()).trim()).toBe('1')
    await keepDocScreenshot(unit, 'results-journey-7-next-year-project')

    const nextId = unit.url().split('/').pop()!
    const lastYear = await unitApi<{ fiscalYear: number; openRectifications: number; closedRectifications: number; decision: { grade: string; evaluatedYear: number; decidedAmount: string } }>('GET', `/api/budget-decisions/for-project/${nextId}`)
    expect(lastYear).toMatchObject({ fiscalYear: 2026, openRectifications: 0, closedRectifications: 1, decision: { grade: '中', evaluatedYear: 2025, decidedAmount: decided } })
  }, 300_000)
})
