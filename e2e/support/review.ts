import type { Page } from 'playwright-core'

/**
 * The unit's and the reviewers' moves on a form that goes 填报 → 待部门审核 → 待财政审核 → 已审核 (绩效监控表,
 * 单位自评表), shared by the journeys that drive one through the browser.
 */

/**
 * Saves the opened form, then submits it and waits for 待部门审核. Saved first, and the page reloaded with what
 * was saved, so the submit starts from the stored version; a failure says what the page showed instead (a
 * refusal, a conflict), so it explains itself.
 */
export async function saveAndSubmit(page: Page) {
  await page.getByRole('button', { name: '保存' }).click()
  await page.getByText('已保存').first().waitFor()
  await page.waitForLoadState('networkidle')
  await page.getByRole('button', { name: '提交' }).click()
  await page.getByRole('dialog', { name: '提交' }).getByRole('button', { name: '提交' }).click()
  try {
    await page.getByText('待部门审核').first().waitFor({ timeout: 30_000 })
  } catch (error) {
    const shown = await page.locator('.ant-modal, .ant-alert, .ant-message, .ant-form-item-explain').allInnerTexts()
    throw new Error(`submit did not reach 待部门审核; the page shows: ${JSON.stringify(shown)}`, { cause: error })
  }
}

/** 审核通过 on the opened form, confirmed; waits for the status it moves to (待财政审核 or 已审核). */
export async function acceptForm(page: Page, next: '待财政审核' | '已审核') {
  await page.getByRole('button', { name: '审核通过' }).click()
  await page.getByRole('dialog', { name: '审核通过' }).getByRole('button', { name: '审核通过' }).click()
  await page.getByText(next).first().waitFor()
}
