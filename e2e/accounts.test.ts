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

/** A call to the API from the signed-in page, with its cookie. */
function callApi(method: string, url: string, body?: unknown) {
  return page.evaluate(
    async ([m, u, b]) => {
      const res = await fetch(u as string, { method: m as string, headers: b ? { 'content-type': 'application/json' } : {}, body: b ? JSON.stringify(b) : undefined })
      return { status: res.status, json: await res.json().catch(() => null) }
    },
    [method, url, body] as const,
  )
}

describe('三员分立 in the users page', () => {
  test('sys_admin is offered only roles it may give, and sees no sec_admin or audit_admin account', async () => {
    await signIn(page, env.server.baseUrl, 'sysadmin')
    await mainMenu().getByText('首页').waitFor()
    await openFromMenu(page, '用户管理')
    await page.getByText('三员分立').first().waitFor()
    const admins = await callApi('GET', '/api/users?q=admin&pageSize=100')
    const names = admins.json.items.map((u: { username: string }) => u.username)
    expect(names).toContain('sysadmin')
    expect(names).not.toContain('secadmin')
    expect(names).not.toContain('auditadmin')
    await page.getByRole('button', { name: '新增用户' }).click()
    await page.getByLabel('角色', { exact: true }).last().click()
    const options = page.locator('.ant-select-item-option')
    await options.first().waitFor()
    const offered = await options.allTextContents()
    expect(offered).toContain('系统管理员')
    expect(offered).toContain('预算单位用户')
    expect(offered).not.toContain('安全管理员')
    expect(offered).not.toContain('安全审计员')
    await keepScreenshot(page, 'users-create-roles-sysadmin')
  })
})

describe('an account opened by sys_admin', () => {
  test('is sent to the change-password screen at first sign-in, and works after changing it', async () => {
    await signIn(page, env.server.baseUrl, 'sysadmin')
    await mainMenu().getByText('首页').waitFor()
    const unit = await callApi('GET', '/api/users?q=sz_edu_unit')
    const orgCode = unit.json.items[0].orgCode as string
    const username = `e2e_new_${Date.now()}`
    const created = await callApi('POST', '/api/users', { username, displayName: '新同事', password: 'Handed#Over2026', orgCode, roles: ['unit_user'] })
    expect(created.status).toBe(201)

    const fresh = await newPage(env.browser)
    page = fresh
    await signIn(page, env.server.baseUrl, username, 'Handed#Over2026')
    await page.getByText('请先修改密码').first().waitFor()
    await expect.poll(() => page.url()).toContain('/account/password')
    await keepScreenshot(page, 'first-login-change-password')
    await page.goto(`${env.server.baseUrl}/projects`)
    await expect.poll(() => page.url()).toContain('/account/password')

    const form = page.getByRole('form', { name: '修改密码' })
    await form.getByLabel('当前密码').fill('Handed#Over2026')
    await form.getByLabel('新密码', { exact: true }).fill('Mine#Own2026')
    await form.getByLabel('确认新密码').fill('Mine#Own2026')
    await form.getByRole('button', { name: '修改密码' }).click()
    await expect.poll(() => new URL(page.url()).pathname).toBe('/')
    await mainMenu().getByText('首页').waitFor()
    const me = await callApi('GET', '/api/auth/me')
    expect(me.json.user).toMatchObject({ username, mustChangePassword: false })
  })
})
