import type { Locator, Page } from 'playwright-core'
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

/**
 * Picks an option of an antd Select named by its label (the visible option, not the hidden a11y copy), until the
 * Select shows it chosen: on a loaded machine a click on an option that is still animating in can be lost. A string
 * names the option's whole text; a RegExp is matched as given.
 */
export async function chooseOption(page: Page, label: string, option: string | RegExp) {
  const combobox = page.getByRole('combobox', { name: label, exact: true })
  const select = combobox.locator('xpath=ancestor::div[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]')
  // A single Select (antd 6) shows its value with the option's text as the title.
  const chosen = async () => {
    const titles = await select.locator('.ant-select-content-has-value[title]').evaluateAll((els) => els.map((e) => e.getAttribute('title') ?? ''))
    return titles.some((title) => (typeof option === 'string' ? title.trim() === option : option.test(title))) ? 1 : 0
  }
  for (let i = 0; i < 5 && (await chosen()) === 0; i++) {
    const item = page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first()
    if (!(await item.isVisible())) await combobox.click()
    await item.click({ timeout: 5_000 }).catch(() => {})
    await expect.poll(chosen, { timeout: 2_000 }).toBeGreaterThan(0).catch(() => {})
  }
  expect(await chosen()).toBeGreaterThan(0)
}

/**
 * Clicks a dialog's confirming button until the dialog closes: on a loaded machine a click on a dialog that is still
 * settling can be lost. Not clicked again while the request runs (the button shows loading) or once the dialog shows
 * an error — what follows checks the outcome.
 */
export async function confirmDialog(dialog: Locator, button: string) {
  for (let i = 0; i < 3; i++) {
    await dialog.getByRole('button', { name: button, exact: true }).click()
    if (await dialog.waitFor({ state: 'hidden', timeout: 8_000 }).then(() => true, () => false)) return
    if ((await dialog.locator('.ant-btn-loading, .ant-alert-error').count()) > 0) return
  }
}

/**
 * Chooses an antd button-style radio by its label until it shows chosen: its input is never "stable" for
 * Playwright, and a dialog that resets its form as it opens can swallow a first click on a loaded machine.
 */
export async function chooseRadio(scope: Locator, label: string) {
  const radio = scope.getByRole('radio', { name: label, exact: true })
  for (let i = 0; i < 10 && !(await radio.isChecked()); i++) {
    await scope.locator('label.ant-radio-button-wrapper').filter({ hasText: new RegExp(`^${label}$`) }).click()
    await expect.poll(() => radio.isChecked(), { timeout: 1_000 }).toBe(true).catch(() => {})
  }
  expect(await radio.isChecked()).toBe(true)
}
