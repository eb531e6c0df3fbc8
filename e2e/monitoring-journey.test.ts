import Decimal from 'decimal.js'
import type { Page } from 'playwright-core'
import { describe, expect, test } from 'vitest'
import { parseIndicatorValue } from '../domain/indicator-value.ts'
import { apiAs } from './support/api.ts'
import { chooseOption as chooseShown, dropdownsClosed } from './support/antd.ts'
import { keepDocScreenshot, signIn } from './support/browser.ts'
import { acceptForm, saveAndSubmit } from './support/review.ts'
import { newPage, openFromMenu, useAppAndBrowser } from './support/session.ts'

/**
 * 双监控 from end to end on the demo data, through the real UI: 深圳市 finance opens the September round (the demo
 * already has June's) → 深圳中学 fills a form with one 不可能 indicator, is refused without reasons, then submits
 * with them → 市教育局 accepts → finance accepts, finds the red light on the dashboard and holds the payment
 * (暂缓拨款) → the hold shows on the project and to the payment system → the unit answers → finance lifts it.
 * The steps share one round and one form, so they run in order as one test.
 */
// The app server works the job queue as `serve` does: the round's opening job runs there.
const env = useAppAndBrowser()

const SEPTEMBER = 9
const ROUND_NAME = '2026年1—9月绩效运行监控（全流程）'
const UNIT_CODE = '440300102002' // 深圳中学

type Indicator = { id: string; name: string; nature: string; target: string; unit: string }
type FormDetail = { id: string; projectId: string; projectName: string; projectCode: string; indicators: Indicator[] }

const option = (page: Page, text: string | RegExp) => page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text }).first()

/** Picks an option of a single Select by its label, and waits for its dropdown to be gone before the next one opens. */
async function chooseOption(page: Page, label: string, text: string | RegExp) {
  await chooseShown(page, label, text)
  await dropdownsClosed(page)
}


/** The first 深圳中学 form of the round with a positive quantitative indicator to fall behind on (the one made 不可能). */
async function unitForm(roundId: string) {
  const unit = await apiAs(env.server.baseUrl, 'sz_edu_unit')
  const list = await unit<{ items: { id: string; projectId: string | null }[] }>('GET', `/api/monitoring/forms?roundId=${roundId}&unitCode=${UNIT_CODE}&pageSize=100`)
  for (const item of list.items.filter((i) => i.projectId)) {
    const form = await unit<FormDetail>('GET', `/api/monitoring/forms/${item.id}`)
    const names = new Set(form.indicators.map((i) => i.name))
    const behind = form.indicators.find((i) => ['>=', '>'].includes(i.nature) && quantity(i)?.gt(0))
    if (behind && names.size === form.indicators.length) return { form, behind }
  }
  throw new Error('no 深圳中学 form with a positive quantitative indicator in the round')
}

function quantity(ind: Indicator): Decimal | null {
  const value = parseIndicatorValue(ind.target, { nature: ind.nature as never, unit: ind.unit })
  return value.kind === 'quantitative' ? new Decimal(value.value) : null
}

/** Progress to September: on time (9/12 of the target) for positive indicators, within bound for the others. */
function onTrack(ind: Indicator): string {
  const target = quantity(ind)
  if (!target) return ind.target
  return ['>=', '>'].includes(ind.nature) ? target.times(SEPTEMBER).dividedBy(12).toDecimalPlaces(2).toString() : target.toString()
}

/** Opens the form from the 绩效监控表 list, searching by the project's code and picking this round's row. */
async function openForm(page: Page, form: FormDetail) {
  await openFromMenu(page, '绩效监控表')
  const search = page.getByLabel('项目名称、编码或部门', { exact: true })
  await search.fill(form.projectCode)
  await search.press('Enter')
  await page.getByRole('row').filter({ hasText: ROUND_NAME }).getByRole('link', { name: form.projectName }).click()
  await page.getByRole('table', { name: '绩效目标完成情况' }).waitFor()
}

describe('双监控 journey on the demo data', () => {
  test('round → form refused then submitted → department and finance accept → red light → 暂缓拨款 → answered → lifted', async () => {
    const base = env.server.baseUrl

    // 1. Finance opens the September round and watches the background job create the forms.
    const finance = await newPage(env.browser)
    await signIn(finance, base, 'sz_finance_admin')
    await openFromMenu(finance, '监控批次')
    await finance.getByRole('button', { name: '发起监控批次' }).click()
    const dialog = finance.getByRole('dialog', { name: '发起监控批次' })
    await dialog.getByRole('combobox', { name: '监控截止月份' }).click()
    await option(finance, `1–${SEPTEMBER}月`).click()
    await dialog.getByLabel('批次名称').fill(ROUND_NAME)
    await dialog.getByRole('button', { name: '发起监控批次' }).click()
    // Opening ≈1,000 forms on PGlite under a loaded CI machine has taken over two minutes.
    await dialog.getByText('监控批次已生成').waitFor({ timeout: 200_000 })
    await dialog.getByRole('button', { name: '查看批次' }).click()
    await finance.getByRole('tab', { name: '未报送情况' }).waitFor()
    await finance.getByText(ROUND_NAME).first().waitFor()
    await keepDocScreenshot(finance, 'monitoring-journey-1-round-opened')
    const roundId = finance.url().split('/').pop()!

    // 2. 深圳中学 fills its form: one indicator 不可能, the others on track.
    const { form, behind } = await unitForm(roundId)
    const unit = await newPage(env.browser)
    await signIn(unit, base, 'sz_edu_unit')
    await openForm(unit, form)
    for (const ind of form.indicators) {
      const progress = `${ind.name} 1–${SEPTEMBER}月执行情况`
      if (ind.nature === 'qualitative') {
        await chooseOption(unit, progress, /^达成$/)
      } else {
        await unit.getByLabel(progress, { exact: true }).fill(ind === behind ? quantity(ind)!.times('0.1').toDecimalPlaces(2).toString() : onTrack(ind))
      }
      await chooseOption(unit, `${ind.name} 完成目标可能性`, ind === behind ? '不可能' : '确定能')
    }
    await unit.getByLabel('全年预计执行数（元）').fill('500000')

    // Rule 31: refused (422) without the cause, the analysis and the measures; the errors land on the fields.
    await unit.getByRole('button', { name: '提交' }).click()
    const submit = unit.getByRole('dialog', { name: '提交' })
    await submit.getByRole('button', { name: '提交' }).click()
    await submit.getByText(`“${behind.name}”完成目标可能性为“不可能”，须选择偏差原因类别`, { exact: false }).waitFor()
    await submit.getByRole('button', { name: '取消' }).click()
    await unit.getByText(/须填写相关建议或举措/).first().waitFor()
    await keepDocScreenshot(unit, 'monitoring-journey-2-refused')
    // Saved on the way: the indicator is lit red, and its light explains itself (10% done against 9/12 of the year).
    const redLight = unit.getByRole('table', { name: '绩效目标完成情况' }).getByText('● 红').first()
    await redLight.hover()
    await unit.getByText(/完成比 = .* × 100 = 13\.33/).waitFor()

    await chooseOption(unit, `${behind.name} 偏差原因类别`, '经费保障')
    await unit.getByLabel(`${behind.name} 偏差或不能完成目标原因分析`).fill('上半年资金到位较晚，项目于7月才启动实施，年内难以完成全年目标。')
    await unit.getByLabel(`${behind.name} 相关建议或举措`).fill('加快实施进度，并申请按实际进度调整年度目标。')
    await unit.getByText(/须填写相关建议或举措/).waitFor({ state: 'detached' })
    await keepDocScreenshot(unit, 'monitoring-form')
    await saveAndSubmit(unit)

    // 3. 市教育局 accepts.
    const dept = await newPage(env.browser)
    await signIn(dept, base, 'sz_edu_dept')
    await openForm(dept, form)
    await acceptForm(dept, '待财政审核')
    await dept.context().close()

    // 4. Finance accepts, then finds the red light on the dashboard and drills down to the form.
    await openForm(finance, form)
    await acceptForm(finance, '已审核')

    await openFromMenu(finance, '监控看板')
    await finance.getByRole('combobox', { name: '监控批次' }).click()
    await option(finance, ROUND_NAME).click()
    await dropdownsClosed(finance)
    await finance.locator('.ant-message-notice').first().waitFor({ state: 'detached' })
    await finance.getByText(`深圳市 · ${ROUND_NAME}：1—${SEPTEMBER} 月`).waitFor()
    const red = finance.getByRole('link', { name: /红灯项目/ })
    expect(await red.getAttribute('href')).toBe(`/monitoring/forms?roundId=${roundId}&light=red`)
    await expect.poll(async () => Number((await red.locator('.ant-statistic-content-value').innerText()).replaceAll(',', ''))).toBeGreaterThanOrEqual(1)
    await keepDocScreenshot(finance, 'monitoring-journey-3-dashboard')
    await red.click()
    const row = finance.getByRole('row').filter({ hasText: form.projectName })
    await row.getByText('● 红').first().waitFor()
    await row.getByText('已审核').waitFor()
    await keepDocScreenshot(finance, 'monitoring-forms')

    // 5. The round's red lights are proposed to finance (nothing is taken automatically); finance holds the payment.
    await finance.goto(`${base}/monitoring/actions?roundId=${roundId}`)
    const proposals = finance.getByRole('table', { name: '红灯提示' })
    const proposal = proposals.getByRole('row').filter({ hasText: form.projectName })
    await proposal.waitFor()
    await keepDocScreenshot(finance, 'monitoring-actions-proposals')
    await proposal.getByRole('button', { name: '采取措施' }).click()
    const issue = finance.getByRole('dialog', { name: '发出纠偏措施' })
    await issue.getByRole('combobox', { name: '措施类型' }).click()
    await option(finance, '暂缓拨款').click()
    await issue.getByLabel('金额（元）').fill('200000')
    await issue.getByLabel('内容和要求').fill(`“${behind.name}”指标不可能完成，暂缓拨付剩余资金，请说明原因并提出整改措施。`)
    await issue.getByRole('button', { name: '发出纠偏措施' }).click()
    await issue.waitFor({ state: 'hidden' })
    await proposals.getByRole('row').filter({ hasText: form.projectName }).waitFor({ state: 'detached' })

    // 6. The hold shows on the project page and to the payment system.
    await finance.getByRole('table', { name: '纠偏措施列表' }).getByRole('link', { name: form.projectName, exact: true }).click()
    const banner = finance.getByTestId('project-hold-banner')
    await banner.getByText('该项目有 1 项拨款措施在执行').waitFor()
    await banner.getByText('暂缓拨款 200,000.00 元').waitFor()
    await finance.locator('.ant-message-notice').first().waitFor({ state: 'detached' })
    await keepDocScreenshot(finance, 'monitoring-journey-4-project-hold')
    const financeApi = await apiAs(base, 'sz_finance_admin')
    const holds = await financeApi<{ items: { projectId: string; amount: string; kind: string }[] }>('GET', '/api/execution/holds')
    expect(holds.items).toContainEqual(expect.objectContaining({ projectId: form.projectId, amount: '200000.00', kind: 'hold_payment' }))

    // 7. The unit answers in writing.
    await openFromMenu(unit, '纠偏措施')
    await unit.getByRole('link', { name: `关于${form.projectName}的暂缓拨款` }).click()
    await unit.getByRole('button', { name: '书面答复' }).click()
    const answer = unit.getByRole('dialog', { name: '书面答复' })
    await answer.getByLabel('答复内容').fill('资金到位后已于7月启动实施，已制定赶进度计划，预计11月底前完成主要任务。')
    await answer.locator('input[type=file]').setInputFiles({ name: '整改计划.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 整改计划') })
    await answer.getByText('整改计划.pdf').waitFor()
    await answer.getByRole('button', { name: '书面答复' }).click()
    await answer.waitFor({ state: 'hidden' })
    await unit.getByText('已答复').first().waitFor()
    await unit.getByRole('link', { name: '整改计划.pdf' }).first().waitFor()
    const actionUrl = unit.url()
    await unit.context().close()

    // 8. Finance lifts the hold, with a confirmation; the payment system no longer sees it.
    await finance.goto(actionUrl)
    await finance.getByRole('button', { name: '解除' }).click()
    const lift = finance.getByRole('dialog', { name: '解除' })
    await lift.getByLabel('意见').fill('整改计划可行，恢复拨款。')
    await lift.getByRole('button', { name: '解除' }).click()
    await finance.getByText('已解除').first().waitFor()
    await finance.locator('.ant-message-notice').first().waitFor({ state: 'detached' })
    await keepDocScreenshot(finance, 'monitoring-journey-5-lifted')
    const after = await financeApi<{ items: { projectId: string }[] }>('GET', '/api/execution/holds')
    expect(after.items.map((h) => h.projectId)).not.toContain(form.projectId)
    await finance.context().close()
  }, 300_000)
})
