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

describe('a budget unit user', () => {
  test('signs in, sees their unit and role on the home page, switches language, signs out', async () => {
    await page.goto(`${env.server.baseUrl}/`)
    await expect.poll(() => page.url()).toContain('/login')
    await keepScreenshot(page, 'login')

    await signIn(page, env.server.baseUrl, 'sz_edu_unit')
    await page.getByText('深圳中学').first().waitFor()
    await expect.poll(() => page.getByText('预算单位用户').count()).toBeGreaterThan(0)
    await keepScreenshot(page, 'home-unit-user-zh')

    await page.getByText('English', { exact: true }).click()
    await mainMenu().getByText('Home').waitFor()
    await expect.poll(() => page.getByText('Budget unit user').count()).toBeGreaterThan(0)
    await page.reload()
    await mainMenu().getByText('Home').waitFor()
    await keepScreenshot(page, 'home-unit-user-en')

    await page.getByRole('button', { name: 'User menu' }).click()
    await page.getByText('Sign out').click()
    await expect.poll(() => page.url()).toContain('/login')
    const me = await page.evaluate(async () => (await fetch('/api/auth/me')).status)
    expect(me).toBe(401)
  })

  test('a wrong password shows the server message', async () => {
    await signIn(page, env.server.baseUrl, 'sz_edu_unit', 'Wrong@Pass1')
    await page.getByText('用户名或密码错误').waitFor()
  })

  test('the unit user has no admin pages in the menu', async () => {
    await signIn(page, env.server.baseUrl, 'sz_edu_unit')
    await mainMenu().getByText('首页').waitFor()
    expect(await mainMenu().getByText('用户管理').count()).toBe(0)
    expect(await mainMenu().getByText('审计日志').count()).toBe(0)
  })
})

// Every page in the menu, opened from the menu by a user who may see it, kept as a screenshot, and checked for what
// it must show from the demo data — a page that renders nothing (or an error) fails, not only one that gets a 500.
const tableRows = (page: Page) => page.locator('main .ant-table-row')
const shows = (text: string) => async (page: Page) => page.locator('main').getByText(text, { exact: false }).first().waitFor()
const listsRows = async (page: Page) => {
  await tableRows(page).first().waitFor()
  expect(await tableRows(page).count()).toBeGreaterThan(0)
}
const pageContent: Record<string, (page: Page) => Promise<void>> = {
  组织机构: shows('深圳市教育局'),
  用户管理: shows('sz_edu_unit'),
  安全设置: shows('密码最小长度'),
  审计日志: shows('登录'),
  事前绩效评估: listsRows,
  指标库: listsRows,
  指标提议: listsRows,
  指标推荐: shows('项目'),
  规则集: shows('深圳市'),
  指标体系: shows('产出指标'),
  试算: shows('试算输入'),
  待办: listsRows,
  目标列表: listsRows,
  申报表导入: shows('申报表'),
  专家评审: shows('专家评审'),
}

const pagesByUser: [string, string[]][] = [
  ['sysadmin', ['组织机构', '用户管理']],
  ['secadmin', ['用户管理', '安全设置']],
  ['auditadmin', ['审计日志']],
  ['sz_finance_admin', ['事前绩效评估', '指标库', '指标提议', '指标推荐', '规则集', '指标体系', '试算', '待办', '目标列表', '申报表导入']],
  ['expert_demo', ['专家评审']],
]

describe.each(pagesByUser)('%s', (username, labels) => {
  test(`opens ${labels.join('、')} from the menu and sees their content`, async () => {
    await signIn(page, env.server.baseUrl, username)
    await mainMenu().getByText('首页').waitFor()
    await keepScreenshot(page, `home-${username}`)
    for (const label of labels) {
      await openFromMenu(page, label)
      await page.waitForLoadState('networkidle')
      await pageContent[label]!(page)
      await keepScreenshot(page, `${username}-${label}`)
      expect(await page.locator('main .ant-alert-error, main .ant-result-error, main .ant-result-warning').count(), label).toBe(0)
    }
  }, 180_000)
})

describe('the system administrator', () => {
  test('browses departments and units in the org page and opens the create dialog', async () => {
    await signIn(page, env.server.baseUrl, 'sysadmin')
    await mainMenu().getByText('首页').waitFor()
    await page.goto(`${env.server.baseUrl}/org`)
    await page.getByRole('tab', { name: '主管部门' }).click()
    await page.getByText('深圳市教育局').first().waitFor()
    await keepScreenshot(page, 'sysadmin-org-departments')
    await page.getByRole('tab', { name: '预算单位' }).click()
    await page.getByText('深圳中学').first().waitFor()
    await page.getByRole('button', { name: '新增预算单位' }).click()
    await page.getByRole('dialog').waitFor()
    await keepScreenshot(page, 'sysadmin-org-units-create')
  })
})
