import type { Page } from 'playwright-core'
import { expect } from 'vitest'

/**
 * Waits until no Select dropdown shows (a closing one animates out first). On a loaded machine a dropdown can stay
 * open after its option was clicked; after 5 s it is closed with Escape — the value is checked by what follows.
 */
export async function dropdownsClosed(page: Page) {
  const open = () => page.locator('.ant-select-dropdown:visible').count()
  for (let i = 0; i < 50 && (await open()) > 0; i++) await page.waitForTimeout(100)
  if ((await open()) > 0) await page.keyboard.press('Escape')
  await expect.poll(open, { timeout: 10_000 }).toBe(0)
}

/** Picks an option of an antd Select named by its label (the visible option, not the hidden a11y copy). */
export async function chooseOption(page: Page, label: string, option: string) {
  await page.getByRole('combobox', { name: label, exact: true }).click()
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first().click()
}
