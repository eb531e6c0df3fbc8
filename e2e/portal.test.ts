import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, BrowserContextOptions, Page } from 'playwright-core'
import { beforeAll, describe, expect, test } from 'vitest'
import { assessmentPayload, goalPayload, keyEvaluationPayload, publishFixture, reportFixture, selfEvaluationPayload } from '../server/modules/portal/portal.fixtures.ts'
import { E2E_NOW } from './support/app-server.ts'
import { keepDocScreenshot, keepScreenshot } from './support/browser.ts'
import { useAppAndBrowser } from './support/session.ts'

/**
 * 信息公开 portal (issue 14) in Chromium: an anonymous visitor goes from the login page to the portal, finds a
 * department's goals and downloads them as CSV; the pages on a desktop and a phone; axe-core on every public page
 * (0 serious or critical violations of WCAG 2.1 A/AA).
 */
const env = useAppAndBrowser()
const clock = { now: () => E2E_NOW }
const SZ = '440300'
const AXE = join('node_modules', 'axe-core', 'axe.min.js')

const desktop: BrowserContextOptions = { viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' }
const phone: BrowserContextOptions = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' }

async function open(browser: Browser, options: BrowserContextOptions): Promise<Page> {
  // bypassCSP: the portal allows no script at all, so axe is injected past its policy.
  const context = await browser.newContext({ ...options, acceptDownloads: true, bypassCSP: true })
  return context.newPage()
}

let education: { code: string; name: string }

beforeAll(async () => {
  const db = env.server.db
  const department = (name: string) => db.selectFrom('orgNode').selectAll().where('name', '=', name).where('kind', '=', 'department').executeTakeFirstOrThrow()
  // A department whose goals the demo does not publish, so the list holds exactly the fixtures below.
  const edu = await department('深圳市民政局')
  const health = await department('深圳市卫生健康委员会')
  education = edu
  const options = { jurisdictionCode: SZ }
  const goals = [
    [edu, 'E2EGK001', '中小学校舍安全改造工程', '3600000.00'],
    [edu, 'E2EGK002', '义务教育阶段学生营养改善计划', '12800000.00'],
    [edu, 'E2EGK003', '教师继续教育培训', '950000.00'],
    [health, 'E2EGK101', '社区健康服务中心设备购置', '4200000.00'],
    [health, 'E2EGK102', '基本公共卫生服务项目', '26500000.00'],
  ] as const
  for (const [dept, code, name, budget] of goals) {
    await publishFixture(db, clock, 'goal', goalPayload(dept, { projectCode: code, projectName: name, budget, unitName: `${dept.name}本级` }), options)
  }
  await publishFixture(db, clock, 'self_evaluation', selfEvaluationPayload(edu, { subjectCode: 'E2EGK001', subjectName: '中小学校舍安全改造工程', fiscalYear: 2026 }), options)
  const file = await reportFixture(db, clock, '评价报告.pdf')
  await publishFixture(db, clock, 'key_evaluation_report', keyEvaluationPayload(health, { projectCode: 'E2EGK101', projectName: '社区健康服务中心设备购置', fiscalYear: 2026, reportFileName: '社区健康服务中心设备购置重点评价报告.pdf' }), { ...options, fileId: file })
  await publishFixture(db, clock, 'assessment', assessmentPayload(edu, { fiscalYear: 2026 }), options)
})

describe('the public portal', () => {
  test('an anonymous visitor finds a department’s goals from the login page and downloads them as CSV', async () => {
    const page = await open(env.browser, desktop)
    await page.goto(`${env.server.baseUrl}/login`)
    await page.getByRole('link', { name: /公开信息/ }).click()
    await page.getByRole('heading', { level: 1, name: '预算绩效信息公开' }).waitFor()
    await keepDocScreenshot(page, 'portal-home')

    await page.getByRole('link', { name: '年度 2026' }).first().click()
    await page.getByRole('link', { name: '绩效目标', exact: true }).click()
    await page.getByLabel('部门', { exact: true }).selectOption({ label: '深圳市民政局' })
    await page.getByRole('button', { name: '搜索' }).click()
    await page.getByText('共 3 条').waitFor()
    expect(page.url()).toContain(`/public/${SZ}/2026/goals?`)
    expect(page.url()).toContain(`department=${education.code}`)
    await page.getByRole('heading', { level: 2, name: '深圳市民政局' }).waitFor()
    expect(await page.getByText('社区健康服务中心设备购置').count()).toBe(0)
    await keepDocScreenshot(page, 'portal-goals')

    const download = page.waitForEvent('download')
    await page.getByRole('link', { name: 'CSV' }).click()
    const csv = await download
    expect(csv.suggestedFilename()).toBe(`goals-${SZ}-2026.csv`)
    const text = readFileSync((await csv.path())!, 'utf8')
    expect(text.startsWith('\uFEFF项目编码,项目名称')).toBe(true)
    expect(text).toContain('E2EGK002,义务教育阶段学生营养改善计划')
    expect(text).not.toContain('E2EGK101')

    await page.getByRole('link', { name: '中小学校舍安全改造工程' }).click()
    await page.getByRole('heading', { level: 1, name: '中小学校舍安全改造工程' }).waitFor()
    await page.getByRole('table', { name: '绩效指标' }).waitFor()
    await keepDocScreenshot(page, 'portal-goal')
  })

  test('on a phone: the list and a goal fit the screen, tables scroll inside their frame', async () => {
    const page = await open(env.browser, phone)
    await page.goto(`${env.server.baseUrl}/public/${SZ}/2026/goals`)
    await page.getByRole('heading', { level: 1 }).waitFor()
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
    expect(overflow).toBeLessThanOrEqual(0)
    await keepScreenshot(page, 'portal-goals-phone')
    await page.goto(`${env.server.baseUrl}/public/${SZ}/2026/goals/E2EGK001`)
    await page.getByRole('heading', { level: 1, name: '中小学校舍安全改造工程' }).waitFor()
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0)
    await keepScreenshot(page, 'portal-goal-phone')
    await page.goto(`${env.server.baseUrl}/public?lang=en`)
    await page.getByRole('heading', { level: 1, name: 'Budget Performance Disclosure' }).waitFor()
    await keepScreenshot(page, 'portal-home-phone-en')
  })
})

const publicPages = [
  '/public',
  '/public?lang=en',
  `/public/${SZ}`,
  `/public/${SZ}/2026`,
  `/public/${SZ}/2026/goals`,
  `/public/${SZ}/2026/goals?lang=en`,
  `/public/${SZ}/2026/goals/E2EGK001`,
  `/public/${SZ}/2026/self-evaluations`,
  `/public/${SZ}/2026/self-evaluations/E2EGK001`,
  `/public/${SZ}/2026/key-evaluations`,
  `/public/${SZ}/2026/key-evaluations/E2EGK101`,
  `/public/${SZ}/2026/assessments`,
  '/public/search?q=%E6%95%99%E8%82%B2',
  `/public/${SZ}/2026/goals/NOT-PUBLISHED`,
]

describe('accessibility of every public page', () => {
  test('landmarks, headings, labels and table headers on every page (without axe)', async () => {
    const page = await open(env.browser, desktop)
    for (const path of publicPages) {
      await page.goto(`${env.server.baseUrl}${path}`)
      const facts = await page.evaluate(() => ({
        lang: document.documentElement.lang,
        h1: document.querySelectorAll('h1').length,
        main: document.querySelectorAll('main').length,
        skip: document.querySelector('a.skip-link')?.getAttribute('href'),
        unlabelled: [...document.querySelectorAll('input:not([type=hidden]), select')].filter((el) => !(el.id && document.querySelector(`label[for="${el.id}"]`))).length,
        headersWithoutScope: document.querySelectorAll('th:not([scope])').length,
        headingJump: [...document.querySelectorAll('h1, h2, h3, h4')].map((h) => Number(h.tagName[1])).some((level, i, all) => i > 0 && level > all[i - 1]! + 1),
      }))
      expect(facts, path).toMatchObject({ h1: 1, main: 1, skip: '#main', unlabelled: 0, headersWithoutScope: 0, headingJump: false })
      expect(['zh-CN', 'en'], path).toContain(facts.lang)
    }
  })

  test('axe-core finds no serious or critical violation (WCAG 2.1 A and AA) on any public page, desktop and phone', async () => {
    const source = readFileSync(AXE, 'utf8')
    for (const options of [desktop, phone]) {
      const page = await open(env.browser, options)
      for (const path of publicPages) {
        await page.goto(`${env.server.baseUrl}${path}`)
        await page.evaluate(source)
        const violations = await page.evaluate(async () => {
          const axe = (globalThis as unknown as { axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe
          const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
          return result.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target.join(' ')) }))
        })
        expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'), `${path} at ${options.viewport?.width}px`).toEqual([])
      }
    }
  })
})

