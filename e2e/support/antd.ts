import type { Page } from 'playwright-core'

/** Picks an option of an antd Select named by its label (the visible option, not the hidden a11y copy). */
export async function chooseOption(page: Page, label: string, option: string) {
  await page.getByRole('combobox', { name: label, exact: true }).click()
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first().click()
}
