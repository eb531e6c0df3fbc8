import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, test } from 'vitest'
import { chooseOption } from './support/antd.ts'
import { keepScreenshot, signIn } from './support/browser.ts'
import { newPage, openFromMenu, useAppAndBrowser } from './support/session.ts'

const env = useAppAndBrowser()
let finance: Page
let unit: Page
let dept: Page

beforeAll(async () => {
  finance = await newPage(env.browser)
  unit = await newPage(env.browser)
  dept = await newPage(env.browser)
})

describe('整改事项', () => {
  test('finance enters an audit finding for a school; the school answers with evidence; the department verifies', async () => {
    await signIn(finance, env.server.baseUrl, 'sz_finance_admin')
    await openFromMenu(finance, '整改事项')
    await finance.getByRole('table', { name: '整改事项列表' }).waitFor()
    await finance.getByRole('button', { name: '登记整改事项' }).click()
    const dialog = finance.getByRole('dialog', { name: '登记整改事项' })
    await chooseOption(finance, '发现主体', '审计发现')
    await dialog.getByRole('combobox', { name: '整改责任单位' }).fill('深圳中学')
    await finance.locator('.ant-select-tree-node-content-wrapper').filter({ hasText: /^深圳中学 \(/ }).first().click()
    await dialog.getByLabel('发现的问题').fill('审计发现校园安全改造项目资金闲置超过一年。')
    await dialog.getByLabel('整改要求').fill('清理闲置资金，说明原因并加快实施。')
    await dialog.getByRole('button', { name: /登\s*记/ }).click()
    // Lazy pages on a busy machine: the detail page may take a while to load the first time.
    await finance.getByText('整改事项详情').first().waitFor({ timeout: 60_000 })
    await finance.getByText('待整改').first().waitFor()
    const id = finance.url().split('/').pop()!
    await keepScreenshot(finance, 'results-rectification-detail')

    await signIn(unit, env.server.baseUrl, 'sz_edu_unit')
    await unit.getByRole('navigation', { name: '主菜单' }).waitFor()
    await unit.goto(`${env.server.baseUrl}/results/rectifications/${id}`)
    await unit.getByText('审计发现校园安全改造项目资金闲置超过一年。').waitFor()
    await unit.locator('input[type="file"]').setInputFiles({ name: '整改报告.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 整改报告') })
    await unit.getByRole('link', { name: /整改报告\.pdf/ }).waitFor()
    await unit.getByRole('button', { name: '报送整改情况' }).click()
    const respond = unit.getByRole('dialog', { name: '报送整改情况' })
    await respond.getByLabel('整改措施及完成情况').fill('已收回闲置资金并重新安排实施计划。')
    await respond.getByRole('button', { name: '报送整改情况' }).click()
    await respond.waitFor({ state: 'detached' })
    await unit.getByText('待部门核实').first().waitFor()

    await signIn(dept, env.server.baseUrl, 'sz_edu_dept')
    await openFromMenu(dept, '整改事项')
    await dept.getByRole('checkbox', { name: '仅看逾期未销号' }).waitFor()
    await dept.getByRole('link', { name: /审计发现校园安全改造项目/ }).click()
    await dept.getByRole('button', { name: /核\s*实/ }).click()
    await dept.getByRole('dialog', { name: /核\s*实/ }).getByRole('button', { name: /核\s*实/ }).click()
    await dept.getByText('待财政销号').first().waitFor()
    await dept.getByText('主管部门核实').waitFor()
    await keepScreenshot(dept, 'results-rectification-verified')

    const exported = await finance.request.get(`${env.server.baseUrl}/api/rectifications/export?status=verified`)
    expect(exported.status()).toBe(200)
  }, 180_000)
})
