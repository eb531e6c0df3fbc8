import Decimal from 'decimal.js'
import { describe, expect, test } from 'vitest'
import { apiAs } from './support/api.ts'
import { keepDocScreenshot, signIn } from './support/browser.ts'
import { acceptForm, saveAndSubmit } from './support/review.ts'
import { draftForm, dropdownsClosed, openForm, option, quantity } from './support/self-evaluation.ts'
import { newPage, openFromMenu, useAppAndBrowser } from './support/session.ts'

/**
 * 单位自评 and 抽查复核 through the real UI on the demo data: 深圳中学 fills a draft 自评表 with one indicator at half
 * its target, is refused without the deviation analysis (live in the page and by the server), then submits with it →
 * 市教育局 accepts → 深圳市 finance draws a spot-check sample with a recorded seed and the form picked by hand,
 * re-scores it lower and sees the gap side by side, flagged. The steps share one form, so they run as one test.
 */
const env = useAppAndBrowser()

describe('单位自评 and 抽查复核 on the demo data', () => {
  test('a unit fills and submits with one under-achieved indicator (refused without a reason), the department accepts, finance spot-checks it and sees the score gap', async () => {
    const base = env.server.baseUrl
    const { form, short } = await draftForm(base)

    // 1. 深圳中学 fills the form: every indicator at its target, one at half of it.
    const unit = await newPage(env.browser)
    await signIn(unit, base, 'sz_edu_unit')
    await openForm(unit, form)
    for (const ind of form.indicators) {
      const label = `${ind.name} 实际完成值`
      if (ind.nature === 'qualitative') {
        await unit.getByRole('combobox', { name: label, exact: true }).click()
        await option(unit, /^达成/).click()
        await dropdownsClosed(unit)
      } else {
        await unit.getByLabel(label, { exact: true }).fill(ind === short ? quantity(ind)!.dividedBy(2).toDecimalPlaces(2).toString() : quantity(ind)!.toString())
      }
      // Start from the proposals: no score of the unit's own.
      await unit.getByLabel(`${ind.name} 得分`, { exact: true }).fill('')
    }
    await unit.getByLabel('执行率偏低原因').fill('部分资金年底前未完成支付，已结转下年使用。')

    // The page scores as the unit types (the same domain function as the server): the missing reason shows before submitting.
    const deviation = `${short.name} 偏差原因分析及改进措施`
    await unit.getByText(/未满分或超额完成，须填写偏差原因分析及改进措施/).first().waitFor()
    await keepDocScreenshot(unit, 'evaluation-self-form-refused')

    // The server refuses the submit too (422 naming the field).
    await unit.getByRole('button', { name: '提交' }).click()
    const submit = unit.getByRole('dialog', { name: '提交' })
    await submit.getByText(/提交将被拒绝/).waitFor()
    await submit.getByRole('button', { name: '提交' }).click()
    await submit.getByText(/偏差原因分析及改进措施/).first().waitFor()
    await submit.getByRole('button', { name: '取消' }).click()

    await unit.getByLabel(deviation, { exact: true }).fill('上半年场地改造延误，培训推迟至下半年开展，全年仅完成一半；下年度提前排期并按季度跟踪。')
    await unit.getByText(/须填写偏差原因分析及改进措施/).first().waitFor({ state: 'detached' })
    await keepDocScreenshot(unit, 'evaluation-self-form')
    await saveAndSubmit(unit)
    const unitApi = await apiAs(base, 'sz_edu_unit')
    const submitted = await unitApi<{ status: string; total: string; grade: string }>('GET', `/api/evaluation/self/${form.id}`)
    expect(submitted.status).toBe('submitted')
    await unit.context().close()

    // 2. 市教育局 accepts.
    const dept = await newPage(env.browser)
    await signIn(dept, base, 'sz_edu_dept')
    await openForm(dept, form)
    await acceptForm(dept, '待财政审核')
    await dept.context().close()

    // 3. Finance sees the coverage, then draws a spot-check with a seed and this form picked by hand.
    const finance = await newPage(env.browser)
    await signIn(finance, base, 'sz_finance_admin')
    await openFromMenu(finance, '单位自评批次')
    await finance.getByRole('link', { name: '2025年度单位绩效自评' }).waitFor()
    await keepDocScreenshot(finance, 'evaluation-self-rounds')
    await finance.getByRole('link', { name: '2025年度单位绩效自评' }).click()
    await finance.getByText('自评表按状态').waitFor()
    await keepDocScreenshot(finance, 'evaluation-self-round')
    // A unit late for a reason finance accepts gets an extension (the lock then holds from the new date).
    await finance.getByRole('button', { name: '延 期' }).or(finance.getByRole('button', { name: '延期' })).click()
    const extension = finance.getByRole('dialog', { name: '为单位延期填报' })
    await extension.getByRole('combobox', { name: '延期的单位或部门' }).fill('深圳中学')
    await finance.locator('.ant-select-tree-node-content-wrapper').filter({ hasText: /^深圳中学 \(/ }).first().click()
    await extension.getByLabel('延期理由').fill('学校信息系统升级，申请延期一周')
    await extension.getByRole('button', { name: /保\s*存/ }).click()
    await extension.waitFor({ state: 'detached' })
    await openFromMenu(finance, '单位自评表')
    await keepDocScreenshot(finance, 'evaluation-self-forms')
    await openFromMenu(finance, '自评覆盖率')
    await finance.getByRole('combobox', { name: '年度' }).click()
    await option(finance, '2025').click()
    await dropdownsClosed(finance)
    await finance.getByRole('table', { name: '各部门自评覆盖率' }).getByRole('row').nth(1).waitFor()
    await keepDocScreenshot(finance, 'evaluation-self-coverage')
    await openFromMenu(finance, '抽查复核')
    await keepDocScreenshot(finance, 'evaluation-spot-checks')
    await finance.getByRole('button', { name: '抽取样本' }).click()
    const draw = finance.getByRole('dialog', { name: '抽取抽查样本' })
    await draw.getByLabel('年度').fill('2025')
    await draw.getByLabel('抽查名称').fill('2025年度自评抽查（全流程）')
    await draw.getByLabel('随机抽取份数').fill('2')
    await draw.getByLabel('随机种子').fill('e2e-2025')
    const picks = draw.getByRole('combobox', { name: '指定抽查' })
    await picks.click()
    await picks.fill(form.projectName)
    await option(finance, form.projectName).click()
    await draw.locator('.ant-modal-title').click()
    await dropdownsClosed(finance)
    await keepDocScreenshot(finance, 'evaluation-spot-check-draw')
    await draw.getByRole('button', { name: '抽取' }).click()
    await finance.getByRole('table', { name: '抽查样本' }).waitFor()
    await finance.getByText('e2e-2025').first().waitFor()
    const sampleRow = finance.getByRole('row').filter({ hasText: form.projectName })
    await sampleRow.getByText('指定').waitFor()
    await keepDocScreenshot(finance, 'evaluation-spot-check-sample')

    // 4. The reviewer re-scores lower (the evidence supports less) and sees both scores side by side, the gap flagged.
    await sampleRow.getByRole('link', { name: form.projectName }).click()
    await finance.getByRole('table', { name: '单位自评与复核得分对照' }).waitFor()
    const docked = [...form.indicators].filter((i) => i !== short && i.nature !== 'qualitative').sort((a, b) => Number(b.weight) - Number(a.weight))
    let dockedPoints = new Decimal(0)
    for (const ind of docked) {
      if (dockedPoints.gte(10)) break
      await finance.getByLabel(`${ind.name} 复核得分`, { exact: true }).fill('0')
      await finance.getByLabel(`${ind.name} 复核理由`, { exact: true }).fill('未提供佐证材料')
      dockedPoints = dockedPoints.plus(ind.weight)
    }
    await finance.getByLabel('复核意见').fill('佐证材料不足，自评得分偏高。')
    await finance.getByRole('button', { name: '保存复核' }).click()
    await finance.getByText('复核得分已保存').first().waitFor()
    await finance.getByText(/复核得分与单位自评相差 -\d+\.\d\d 分/).waitFor()
    await keepDocScreenshot(finance, 'evaluation-spot-check-rescore')

    const financeApi = await apiAs(base, 'sz_finance_admin')
    const list = await financeApi<{ items: { id: string; name: string; seed: string; flagged: number }[] }>('GET', '/api/evaluation/spot-checks?fiscalYear=2025')
    const sample = list.items.find((s) => s.name === '2025年度自评抽查（全流程）')!
    expect(sample).toMatchObject({ seed: 'e2e-2025', flagged: 1 })
    const detail = await financeApi<{ sample: { formId: string; unitTotal: string; reviewerTotal: string; gap: string; flagged: boolean }[] }>('GET', `/api/evaluation/spot-checks/${sample.id}`)
    const item = detail.sample.find((i) => i.formId === form.id)!
    expect(item.unitTotal).toBe(submitted.total)
    expect(new Decimal(item.gap).abs().gte(10)).toBe(true)
    expect(item.flagged).toBe(true)
  })
})

describe('评价看板', () => {
  test('finance sees the year’s grades by department, the totals’ bands, coverage and key evaluations; a grade opens its forms', async () => {
    const page = await newPage(env.browser)
    await signIn(page, env.server.baseUrl, 'sz_finance_admin')
    await openFromMenu(page, '评价看板')
    await page.getByRole('img', { name: '各部门自评等级' }).waitFor()
    await page.getByRole('img', { name: '自评得分分布（已提交）' }).waitFor()
    await page.getByRole('table', { name: '各部门自评覆盖率' }).getByRole('row').nth(1).waitFor()
    await page.getByText('重点评价进度').waitFor()
    await page.waitForTimeout(500)
    await keepDocScreenshot(page, 'evaluation-dashboard')
    const api = await apiAs(env.server.baseUrl, 'sz_finance_admin')
    const view = await api<{ grades: Record<string, number> }>('GET', '/api/evaluation/dashboard?fiscalYear=2025')
    expect(view.grades['优']).toBeGreaterThan(0)
    await page.getByRole('link', { name: new RegExp(`^优\\s*${view.grades['优']}$`) }).click()
    await page.waitForURL(/\/evaluation\/self\?.*grade=/)
    await page.getByRole('table').first().waitFor()
  })
})
