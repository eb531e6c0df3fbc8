import type { Page } from 'playwright-core'
import { beforeEach, describe, expect, test } from 'vitest'
import { apiAs, unitGoal } from './support/api.ts'
import { keepScreenshot, signIn } from './support/browser.ts'
import { newPage, useAppAndBrowser } from './support/session.ts'

const env = useAppAndBrowser()
let page: Page

beforeEach(async () => {
  page = await newPage(env.browser)
})

const dialog = () => page.getByRole('dialog', { name: '确认初审通过' })

describe('a workflow dialog while someone else acts (issue 10 §20)', () => {
  test('on 409 it keeps the typed opinion, says what happened and, after reloading, that the action no longer applies', async () => {
    const goal = await unitGoal(env.server.baseUrl, 'E2E-DLG-01', '2026年深圳中学课后延时服务项目', true)
    await signIn(page, env.server.baseUrl, 'sz_edu_dept')
    await page.getByText(/^欢迎，/).waitFor()
    await page.goto(`${env.server.baseUrl}/goals/${goal.id}`)
    await page.getByRole('button', { name: '初审通过' }).click()
    await dialog().getByRole('textbox', { name: '意见' }).fill('指标设置合理，同意上报财政')

    // Meanwhile a colleague returns the goal.
    const colleague = await apiAs(env.server.baseUrl, 'sz_edu_dept')
    await colleague('POST', `/api/goals/${goal.id}/return`, { version: goal.version, opinion: '请补充时效指标' })

    await dialog().getByRole('button', { name: '初审通过' }).click()
    await dialog().getByText('他人已修改了此记录').waitFor()
    expect(await dialog().getByRole('textbox', { name: '意见' }).inputValue()).toBe('指标设置合理，同意上报财政')
    await keepScreenshot(page, 'goal-dialog-conflict')

    await dialog().getByRole('button', { name: '重新加载' }).click()
    await dialog().getByText('此操作已不适用（当前状态：已退回）', { exact: false }).waitFor()
    expect(await dialog().getByRole('button', { name: '初审通过' }).isDisabled()).toBe(true)
    expect(await dialog().getByRole('textbox', { name: '意见' }).inputValue()).toBe('指标设置合理，同意上报财政')

    // Nothing was written on the user's behalf: the goal stays returned with the colleague's opinion.
    const stored = await env.server.db.selectFrom('goal').select(['status']).where('id', '=', goal.id).executeTakeFirstOrThrow()
    expect(stored.status).toBe('returned')
  })

  test('a double click on 初审通过 leaves its dialog open', async () => {
    const goal = await unitGoal(env.server.baseUrl, 'E2E-DLG-02', '2026年深圳中学周末托管服务项目', true)
    await signIn(page, env.server.baseUrl, 'sz_edu_dept')
    await page.getByText(/^欢迎，/).waitFor()
    await page.goto(`${env.server.baseUrl}/goals/${goal.id}`)
    await page.getByRole('button', { name: '初审通过' }).dblclick()
    await dialog().waitFor()
    await page.waitForTimeout(500) // let a wrongly handled second click close it, if it would
    expect(await dialog().isVisible()).toBe(true)
  })
})
