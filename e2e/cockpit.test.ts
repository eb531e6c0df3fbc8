import { copyFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, test } from 'vitest'
import { keepDocScreenshot, screenshotDir, signIn } from './support/browser.ts'
import { newPage, openFromMenu, useAppAndBrowser } from './support/session.ts'

const env = useAppAndBrowser()
let page: Page

beforeAll(async () => {
  page = await newPage(env.browser)
})

describe('市区联动 and the 驾驶舱 (issue 14, rule 48)', () => {
  test('the city finance admin opens the cockpit and drills from a district to a department to a project', async () => {
    // 南山区's department with the most 2026 budget projects, and its first project by code (the table's order).
    const department = await env.server.db
      .selectFrom('project')
      .innerJoin('orgNode', 'orgNode.code', 'project.departmentCode')
      .select(['orgNode.code', 'orgNode.name', (eb) => eb.fn.countAll<number>().as('n')])
      .where('project.jurisdictionCode', '=', '440305')
      .where('project.fiscalYear', '=', 2026)
      .where('project.status', 'in', ['budgeted', 'executing', 'closed'])
      .groupBy(['orgNode.code', 'orgNode.name'])
      .orderBy((eb) => eb.fn.countAll(), 'desc')
      .orderBy('orgNode.code')
      .executeTakeFirstOrThrow()
    const project = await env.server.db
      .selectFrom('project')
      .select(['id', 'name'])
      .where('departmentCode', '=', department.code)
      .where('fiscalYear', '=', 2026)
      .where('status', 'in', ['budgeted', 'executing', 'closed'])
      .orderBy('code')
      .executeTakeFirstOrThrow()

    await signIn(page, env.server.baseUrl, 'sz_finance_admin')
    await page.getByText(/^欢迎，/).waitFor()

    // The roll-up of the city: its own departments, each district, the totals; the chart and the rule differences.
    await openFromMenu(page, '市区联动')
    const districts = page.locator('.ant-card').filter({ hasText: '各区划汇总' })
    await districts.getByRole('link', { name: '南山区' }).waitFor()
    await districts.getByText('深圳市本级').waitFor()
    await page.getByText(/^汇总时间：/).waitFor()
    await page.getByRole('img', { name: '各区划全过程覆盖率' }).locator('canvas').waitFor()
    // 南山区 scores reverse indicators as 目标值/实际值: a value the city does not set.
    await page.locator('.ant-card').filter({ hasText: '与上级不同的规则值' }).getByRole('cell', { name: '南山区' }).first().waitFor()
    await keepDocScreenshot(page, 'cockpit-linkage')

    // The cockpit: full screen, dark, every chart drawn (a wall screen's viewport, so the picture is the screen itself).
    await page.setViewportSize({ width: 1600, height: 1400 })
    await openFromMenu(page, '驾驶舱')
    const screen = page.getByTestId('cockpit-screen')
    await screen.getByRole('heading', { name: '深圳市 预算绩效管理驾驶舱' }).waitFor()
    for (const chart of ['全生命周期漏斗', '各区划全过程覆盖率', '监控灯色', '执行率与时间进度', '自评等级分布', '考核排名', '支出覆盖率（PEFA 口径）']) {
      await screen.getByRole('img', { name: chart }).locator('canvas').waitFor()
    }
    expect(await screen.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(11, 18, 36)')
    await screen.getByText('每 60 秒自动刷新', { exact: false }).waitFor()
    await screen.screenshot({ path: join(screenshotDir, 'cockpit-screen.png') })
    copyFileSync(join(screenshotDir, 'cockpit-screen.png'), join('docs/screenshots', 'cockpit-screen.png'))
    await page.setViewportSize({ width: 1440, height: 900 })

    // District → its departments.
    await screen.getByRole('button', { name: '南山区', exact: true }).click()
    await page.waitForURL(/\/cockpit\/linkage\?year=\d+&j=440305/)
    const own = page.locator('.ant-card').filter({ hasText: '南山区 · 本级部门' })
    await own.getByRole('link', { name: department.name }).click()

    // Department → its projects, each linking to the project's pages.
    await page.getByText(`${department.name} · 项目`).waitFor()
    const link = page.getByRole('link', { name: project.name, exact: true })
    await link.waitFor()
    await keepDocScreenshot(page, 'cockpit-department-projects')
    await link.click()
    await page.waitForURL(new RegExp(`/projects/${project.id}$`))
    await page.getByText(project.name).first().waitFor()
  })
})
