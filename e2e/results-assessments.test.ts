import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, test } from 'vitest'
import { completeAssessments } from '../server/modules/results/assessments.demo-seed.ts'
import { activeActor } from '../server/platform/actors.ts'
import { apiAs } from './support/api.ts'
import { E2E_NOW } from './support/app-server.ts'
import { keepDocScreenshot, signIn } from './support/browser.ts'
import { newPage, openFromMenu, useAppAndBrowser } from './support/session.ts'

const env = useAppAndBrowser()
let finance: Page
let dept: Page

beforeAll(async () => {
  finance = await newPage(env.browser)
  dept = await newPage(env.browser)
})

/** The confirmation antd asks for before an action, answered yes. */
const confirm = (page: Page, button: RegExp) => page.locator('.ant-modal-confirm').getByRole('button', { name: button }).click()

describe('考核 (rule 47)', () => {
  test('finance sees the 2025 ranking; a department self-assesses the 2026 round; finance reviews, ranks and publishes', async () => {
    await signIn(finance, env.server.baseUrl, 'sz_finance_admin')
    await openFromMenu(finance, '考核')
    await finance.getByRole('table', { name: '考核列表' }).getByText('已通报').first().waitFor()
    await keepDocScreenshot(finance, 'results-assessment-list')

    // The demo's published 2025 ranking: departments, as a table and a bar chart of totals.
    await finance.getByRole('tab', { name: '排名' }).click()
    await finance.getByRole('combobox', { name: '考核年度' }).waitFor()
    const ranking = finance.getByRole('table', { name: '考核排名' })
    await ranking.getByText('深圳市教育局').waitFor()
    await finance.getByRole('img', { name: /2025 年度各单位考核总分柱状图/ }).waitFor()
    await keepDocScreenshot(finance, 'results-assessment-ranking')

    // A published assessment: every computed item explains what it counted; the rank and consequence are shown.
    await ranking.getByRole('link', { name: '深圳市教育局' }).click()
    await finance.getByText('考核详情').first().waitFor({ timeout: 60_000 })
    await finance.getByText('考核结果').waitFor()
    await finance.getByText(/绩效目标覆盖率（有批复绩效目标的预算项目/).first().waitFor()
    await keepDocScreenshot(finance, 'results-assessment-detail')

    // The 2026 round opens for every department and district, after a confirmation.
    await finance.getByRole('button', { name: '返回考核列表' }).click()
    await finance.getByRole('button', { name: '启动年度考核' }).click()
    const open = finance.getByRole('dialog', { name: '启动年度考核' })
    await open.getByRole('spinbutton', { name: '考核年度' }).fill('2026')
    await open.getByRole('button', { name: /启\s*动/ }).click()
    await confirm(finance, /启\s*动/)
    await finance.getByText(/已生成 \d+ 份考核表/).waitFor({ timeout: 60_000 })

    // The department scores its evidence items and submits.
    await signIn(dept, env.server.baseUrl, 'sz_edu_dept')
    await openFromMenu(dept, '考核')
    await dept.getByRole('table', { name: '考核列表' }).getByRole('row').filter({ hasText: '自评中' }).getByRole('link', { name: '深圳市教育局' }).click()
    await dept.getByText('考核自评', { exact: true }).waitFor({ timeout: 60_000 })
    await dept.getByRole('textbox', { name: '绩效信息公开率 自评得分' }).fill('4.5')
    await dept.getByRole('textbox', { name: '绩效信息公开率 自评说明及佐证' }).fill('部门预算、绩效目标和自评结果均已公开，个别项目延迟')
    await dept.getByRole('textbox', { name: '绩效管理创新与经验推广 自评得分' }).fill('2')
    await dept.getByRole('textbox', { name: '绩效管理创新与经验推广 自评说明及佐证' }).fill('“校园安全”项目绩效管理做法被市财政简报刊发')
    await dept.getByRole('textbox', { name: '绩效管理重大问题（审计、巡视发现等） 自评得分' }).fill('0')
    await keepDocScreenshot(dept, 'results-assessment-self')

    // Meanwhile a colleague saves a note: saving the stale copy is refused with a 409, what was typed stays, and
    // after reloading the latest version the department submits.
    const id = dept.url().split('/').pop()!
    const colleague = await apiAs(env.server.baseUrl, 'sz_edu_dept')
    const seen = await colleague<{ version: number }>('GET', `/api/assessments/${id}`)
    await colleague('PUT', `/api/assessments/${id}/self`, { version: seen.version, items: [{ code: 'F2', note: '无重大问题' }] })
    await dept.getByRole('button', { name: '保存自评' }).click()
    await dept.getByText('他人已修改了此记录').waitFor()
    await dept.getByRole('button', { name: '重新加载' }).click()
    await dept.getByText('已加载最新内容，您填写的内容仍在。请核对后再次确认。').waitFor()
    expect(await dept.getByRole('textbox', { name: '绩效信息公开率 自评得分' }).inputValue()).toBe('4.5')
    await dept.getByRole('button', { name: '提交自评' }).click()
    await confirm(dept, /提交自评/)
    await dept.getByText('待财政复核').first().waitFor()

    // The other departments and districts go through as the demo's did, so the year can be published.
    const financeActor = (await activeActor(env.server.db, { username: 'sz_finance_admin' }))!
    const eduCode = (await env.server.db.selectFrom('orgNode').select('code').where('name', '=', '深圳市教育局').executeTakeFirstOrThrow()).code
    const ctx = { actor: null, requestId: 'e2e', clientIp: '127.0.0.1', now: E2E_NOW, lang: 'zh' as const }
    await completeAssessments(env.server.db, ctx, { jurisdictionCode: '440300', fiscalYear: 2026, finance: financeActor, except: [eduCode] })

    // Finance reviews item by item: a trimmed bonus needs its opinion.
    await finance.goto(dept.url())
    await finance.getByText('财政复核', { exact: true }).waitFor({ timeout: 60_000 })
    await finance.getByRole('textbox', { name: '绩效管理创新与经验推广 复核得分' }).fill('1')
    await finance.getByRole('button', { name: '完成复核' }).click()
    await finance.getByText('复核得分与原得分不同，请填写复核意见').waitFor()
    await finance.getByRole('textbox', { name: '绩效管理创新与经验推广 复核意见' }).fill('推广范围限于本系统，加分减半')
    await finance.getByText('复核得分与原得分不同，请填写复核意见').waitFor({ state: 'detached' })
    await keepDocScreenshot(finance, 'results-assessment-review')
    await finance.getByRole('button', { name: '完成复核' }).click()
    await confirm(finance, /完成复核/)
    await finance.getByText('已复核').first().waitFor()
    await keepDocScreenshot(finance, 'results-assessment-reviewed')
    const item = finance.getByRole('table', { name: '考核项' }).getByRole('row').filter({ hasText: '绩效管理创新与经验推广' })
    await item.getByText('推广范围限于本系统，加分减半').waitFor()

    // Ranked and published: the 2026 ranking lists the department.
    await finance.getByRole('button', { name: '返回考核列表' }).click()
    await finance.getByRole('button', { name: '排名并通报' }).click()
    const publish = finance.getByRole('dialog', { name: '排名并通报' })
    await publish.getByRole('spinbutton', { name: '考核年度' }).fill('2026')
    await publish.getByRole('button', { name: '排名并通报' }).click()
    await confirm(finance, /排名并通报/)
    await finance.getByText(/已通报 \d+ 份考核/).waitFor({ timeout: 60_000 })
    await finance.getByRole('tab', { name: '排名' }).click()
    await finance.getByRole('combobox', { name: '考核年度' }).click()
    await finance.locator('.ant-select-item-option').filter({ hasText: /^2026$/ }).click()
    await finance.getByRole('table', { name: '考核排名' }).getByRole('link', { name: '深圳市教育局' }).waitFor()
    await finance.getByRole('img', { name: /2026 年度各单位考核总分柱状图/ }).waitFor()

    const exported = await finance.request.get(`${env.server.baseUrl}/api/assessments/export?fiscalYear=2026`)
    expect(exported.status()).toBe(200)
  }, 300_000)
})
