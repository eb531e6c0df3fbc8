import Decimal from 'decimal.js'
import type { Page } from 'playwright-core'
import { parseIndicatorValue } from '../../domain/indicator-value.ts'
import { apiAs } from './api.ts'
import { openFromMenu } from './session.ts'

/** 单位自评表 helpers shared by the journeys that fill one in the browser (evaluation-self, results-journey). */

export type Indicator = { id: string; name: string; nature: string; target: string; unit: string; weight: string; applicable: boolean }
export type FormDetail = { id: string; version: number; projectId: string | null; projectName: string; projectCode: string | null; status: string; indicators: Indicator[] }

export const option = (page: Page, text: string | RegExp) => page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text }).first()
/** Waits until no Select dropdown shows (closing ones animate out first). */
export { dropdownsClosed } from './antd.ts'

/** A quantitative indicator's target as a number ("≥500人次" → 500), null for a qualitative one. */
export function quantity(ind: Indicator): Decimal | null {
  if (ind.nature === 'qualitative') return null
  const value = parseIndicatorValue(ind.target, { nature: ind.nature as never, unit: ind.unit })
  return value.kind === 'quantitative' ? new Decimal(value.value) : null
}

/**
 * A draft (or returned) 自评表 of the unit with a positive quantitative indicator to fall short on, every indicator
 * applicable; `accept` may turn down forms a journey cannot use.
 */
export async function draftForm(base: string, accept: (form: FormDetail) => Promise<boolean> | boolean = () => true) {
  const unit = await apiAs(base, 'sz_edu_unit')
  for (const status of ['draft', 'returned']) {
    const list = await unit<{ items: { id: string; kind: string }[] }>('GET', `/api/evaluation/self?status=${status}&kind=project&pageSize=100`)
    for (const item of list.items) {
      const form = await unit<FormDetail>('GET', `/api/evaluation/self/${item.id}`)
      const names = new Set(form.indicators.map((i) => i.name))
      const short = form.indicators.find((i) => ['>=', '>'].includes(i.nature) && quantity(i)?.gt(0))
      if (short && names.size === form.indicators.length && form.indicators.every((i) => i.applicable && (i.nature === 'qualitative' || quantity(i))) && (await accept(form))) return { form, short }
    }
  }
  throw new Error('no draft 自评表 of 深圳中学 with a positive quantitative indicator in the demo')
}

/** Opens the form from the 单位自评表 list by its project code. */
export async function openForm(page: Page, form: FormDetail) {
  await openFromMenu(page, '单位自评表')
  const search = page.getByLabel('项目名称、编码或单位', { exact: true })
  await search.fill(form.projectCode ?? form.projectName)
  await search.press('Enter')
  await page.getByRole('link', { name: form.projectName, exact: true }).first().click()
  await page.getByRole('table', { name: '绩效指标完成情况' }).waitFor()
}
