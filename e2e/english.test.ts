import type { Page } from 'playwright-core'
import { beforeEach, describe, expect, test } from 'vitest'
import { keepScreenshot, signIn } from './support/browser.ts'
import { newPage, openFromMenu, useAppAndBrowser } from './support/session.ts'

const env = useAppAndBrowser()
let page: Page

beforeEach(async () => {
  page = await newPage(env.browser)
})

const mainMenu = () => page.getByRole('navigation', { name: /主菜单|Main menu/ })
const CJK = /[\u3400-\u9fff]/

/**
 * Our own wording on screen: headings, menu, buttons, form labels, column headers, tabs, tags, empty states,
 * placeholders. Table cells and descriptions' values are data (names of projects, units, indicators) and stay out;
 * tags inside table cells are vocabulary (statuses, grades) and stay in.
 */
const LABELS = [
  'nav[aria-label="Main menu"] li[role="menuitem"]',
  'main h1, main h2, main h3, main h4, main h5',
  'main button',
  'main label',
  'main th',
  'main .ant-tabs-tab',
  'main .ant-tag',
  'main .ant-empty-description',
  'main .ant-statistic-title',
  'main .ant-descriptions-item-label',
  'main .ant-card-head-title',
  'main .ant-alert-message',
  'main .ant-select-selection-placeholder',
  'main .ant-radio-wrapper',
  'main .ant-checkbox-wrapper',
  'main .ant-segmented-item-label',
  'main .ant-tree-title',
].join(', ')

/**
 * Data that stays as written inside a label: place names ("深圳市 2026", a district's button on the cockpit, "罗湖区 ·
 * Same rules as …") and the national frameworks' titles, which are the names of the Ministry of Finance documents
 * ("绩效指标体系（财预〔2015〕88号 …）"). A label that only ends in 市/区 ("市区联动") still leaves Chinese behind.
 */
const DATA = [/[\u3400-\u9fff]{1,8}[省市区县](?=$| |\)|）)/gm, /[^\n]*指标体系（[^）\n]*）/g]

/** The visible labels on the page that still hold Chinese once data is taken out, each once with what holds it. */
async function chineseLabels(): Promise<string[]> {
  const texts = await page.locator(LABELS).evaluateAll((elements) =>
    elements
      .filter((element) => (element as HTMLElement).offsetParent !== null)
      // Link-buttons in table cells open a record by its name; the organisation tree names organisations: data.
      .filter((element) => !(element.tagName === 'BUTTON' && element.closest('td')))
      .filter((element) => !element.closest('[aria-label="Organization tree"], .ant-tree:has([aria-label="Organization tree"])'))
      .map((element) => `${element.tagName.toLowerCase()}.${String(element.className).split(' ')[0]}: ${(element as HTMLElement).innerText.trim()}`),
  )
  const placeholders = await page
    .locator('main input[placeholder]:visible, main textarea[placeholder]:visible')
    .evaluateAll((elements) => elements.map((element) => `placeholder: ${(element as HTMLInputElement).placeholder}`))
  const withoutData = (text: string) => DATA.reduce((rest, data) => rest.replace(data, ''), text)
  return [...new Set([...texts, ...placeholders].filter((text) => CJK.test(withoutData(text))))]
}

/** Every page of the menu, in order, with all groups unfolded. */
async function menuPages(): Promise<string[]> {
  for (const title of await mainMenu().locator('.ant-menu-submenu:not(.ant-menu-submenu-open) > .ant-menu-submenu-title').all()) await title.click()
  return (await mainMenu().locator('li[role="menuitem"]').allInnerTexts()).map((text) => text.trim())
}

const users = ['sz_finance_admin', 'sz_edu_unit', 'auditadmin', 'secadmin', 'sysadmin']

describe('English mode: no Chinese in our labels on any menu page (issue 10 §27)', () => {
  test.each(users)('%s', async (username) => {
    await signIn(page, env.server.baseUrl, username)
    await mainMenu().waitFor()
    await page.getByText('English', { exact: true }).click()
    await mainMenu().getByText('Home', { exact: true }).waitFor()
    const found: Record<string, string[]> = {}
    for (const label of await menuPages()) {
      await mainMenu().locator('li[role="menuitem"]').filter({ hasText: new RegExp(`^${label}$`) }).click()
      await page.getByRole('heading', { name: label }).first().waitFor()
      await page.waitForLoadState('networkidle')
      await page.locator('main .ant-spin-spinning').first().waitFor({ state: 'detached', timeout: 15_000 }).catch(() => undefined)
      const chinese = await chineseLabels()
      if (chinese.length) found[label] = chinese
      await keepScreenshot(page, `en-${username}-${label.replace(/\W+/g, '-').toLowerCase()}`)
      // The leadership cockpit covers the whole window, menu included: leave it the way a user does.
      if (await page.getByTestId('cockpit-screen').isVisible()) await page.goBack()
    }
    expect(found).toEqual({})
  }, 180_000)
})

describe('the trial calculation in English (issue 10 §27)', () => {
  test('names the band of each qualitative wording from the rule set', async () => {
    await signIn(page, env.server.baseUrl, 'sz_finance_admin')
    await mainMenu().waitFor()
    await page.getByText('English', { exact: true }).click()
    await openFromMenu(page, 'Trial calculation')
    await page.locator('main .ant-radio-button-wrapper').filter({ hasText: /^Qualitative$/ }).click()
    const combobox = page.getByRole('combobox', { name: 'Achievement' })
    const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option')
    const texts = async () => (await options.allInnerTexts()).map((text) => text.trim())
    // A re-render just after the language switch can close the list as it opens: open it until its options stay.
    await expect
      .poll(async () => {
        if ((await options.count()) === 0) await combobox.click()
        return texts()
      }, { timeout: 20_000 })
      .toContain('达成预期指标 — Achieved')
    const shown = await texts()
    // The rule set's Chinese wording stays (it is what the tables print), each followed by its band in English.
    expect(shown).toContain('达成预期指标 — Achieved')
    expect(shown.every((text) => / — (Achieved|Partly achieved|Not achieved)$/.test(text))).toBe(true)
    await keepScreenshot(page, 'en-trial-qualitative')
  })
})
