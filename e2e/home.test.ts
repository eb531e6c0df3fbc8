import type { Page } from 'playwright-core'
import { beforeEach, describe, expect, test } from 'vitest'
import { apiAs, unitGoal } from './support/api.ts'
import { join } from 'node:path'
import { keepScreenshot, screenshotDir, signIn } from './support/browser.ts'
import { newPage, useAppAndBrowser } from './support/session.ts'

const env = useAppAndBrowser()
let page: Page

beforeEach(async () => {
  page = await newPage(env.browser)
})

const mainMenu = () => page.getByRole('navigation', { name: /主菜单|Main menu/ })
/** The pages in the menu, in order (every group is open on arrival). */
const menuItems = async () => (await mainMenu().locator('li[role="menuitem"]').allInnerTexts()).map((text) => text.trim())
const todoList = () => page.getByRole('list', { name: '我的待办' })

type Paged = { total: number }

/**
 * Each demo role's home page and menu, written down literally (issue 10 §21, §24): the to-dos it has, each count
 * equal to the list it links to, and exactly the menu that fits the role.
 */
const roles: { username: string; role: string; menu: string[]; todos: string[] }[] = [
  {
    username: 'sz_finance_admin',
    role: 'finance_admin',
    menu: ['首页', '项目列表', '项目导入', '事前绩效评估', '指标库', '指标提议', '指标推荐', '规则集', '指标体系', '试算', '待办', '目标列表', '申报表导入', '监控看板', '监控批次', '绩效监控表', '纠偏措施', '支付明细', '导入支付数据', '预算调整', '评价看板', '单位自评批次', '单位自评表', '自评覆盖率', '抽查复核', '重点评价', '第三方机构', '受托评价', '专家库', '专家抽取与评分', '整改事项', '预算安排决定', '考核', '约谈与问责', '结果应用看板', '部门绩效结果', '市区联动', '驾驶舱', '公开审核', '人大材料', '组织机构', '修改密码'],
    todos: ['待处理的绩效目标', '待作出结论的事前评估', '待确认的指标提议', '待审核的绩效监控表', '待办结的纠偏措施', '整改待销号', '逾期整改事项', '待入库审核的项目'],
  },
  {
    username: 'sz_reviewer',
    role: 'finance_reviewer',
    menu: ['首页', '项目列表', '事前绩效评估', '指标库', '指标推荐', '规则集', '指标体系', '试算', '待办', '目标列表', '监控看板', '监控批次', '绩效监控表', '纠偏措施', '支付明细', '预算调整', '评价看板', '单位自评批次', '单位自评表', '自评覆盖率', '抽查复核', '重点评价', '第三方机构', '受托评价', '专家库', '专家抽取与评分', '整改事项', '预算安排决定', '考核', '约谈与问责', '结果应用看板', '部门绩效结果', '市区联动', '驾驶舱', '公开审核', '人大材料', '组织机构', '修改密码'],
    todos: ['待处理的绩效目标', '待作出结论的事前评估', '待审核的绩效监控表', '待入库审核的项目'],
  },
  {
    username: 'sz_edu_dept',
    role: 'dept_user',
    menu: ['首页', '项目列表', '项目导入', '事前绩效评估', '指标库', '指标提议', '指标推荐', '指标体系', '待办', '目标列表', '申报表导入', '监控看板', '监控批次', '绩效监控表', '纠偏措施', '支付明细', '预算调整', '评价看板', '单位自评批次', '单位自评表', '自评覆盖率', '重点评价', '第三方机构', '受托评价', '专家库', '专家抽取与评分', '整改事项', '预算安排决定', '考核', '约谈与问责', '结果应用看板', '部门绩效结果', '公开审核', '人大材料', '组织机构', '修改密码'],
    todos: ['待处理的绩效目标', '待评估的事前评估', '待填报的绩效监控表', '待审核的绩效监控表', '待答复的纠偏措施', '待办结的纠偏措施', '整改待答复', '整改待核实', '逾期整改事项', '待入库审核的项目'],
  },
  {
    username: 'sz_edu_unit',
    role: 'unit_user',
    menu: ['首页', '项目列表', '项目导入', '事前绩效评估', '指标库', '指标提议', '指标推荐', '指标体系', '待办', '目标列表', '申报表导入', '监控看板', '监控批次', '绩效监控表', '纠偏措施', '支付明细', '预算调整', '评价看板', '单位自评批次', '单位自评表', '自评覆盖率', '重点评价', '整改事项', '预算安排决定', '考核', '约谈与问责', '结果应用看板', '公开审核', '组织机构', '修改密码'],
    todos: ['待处理的绩效目标', '待评估的事前评估', '待填报的绩效监控表', '待答复的纠偏措施', '整改待答复', '逾期整改事项'],
  },
  { username: 'agency_demo', role: 'agency_user', menu: ['首页', '事前绩效评估', '指标库', '指标体系', '监控看板', '监控批次', '绩效监控表', '受托评价', '修改密码'], todos: ['待评估的事前评估', '待核查的重点监控表'] },
  { username: 'expert_demo', role: 'expert', menu: ['首页', '事前绩效评估', '指标库', '指标体系', '专家评审', '专家抽取与评分', '修改密码'], todos: ['待评审的绩效目标', '待评估的事前评估'] },
  { username: 'npc_viewer', role: 'viewer', menu: ['首页', '项目列表', '事前绩效评估', '指标库', '指标推荐', '指标体系', '目标列表', '监控看板', '监控批次', '绩效监控表', '支付明细', '预算调整', '评价看板', '单位自评批次', '单位自评表', '自评覆盖率', '重点评价', '整改事项', '预算安排决定', '考核', '约谈与问责', '结果应用看板', '部门绩效结果', '市区联动', '驾驶舱', '公开审核', '人大材料', '组织机构', '修改密码'], todos: [] },
  { username: 'sysadmin', role: 'sys_admin', menu: ['首页', '组织机构', '用户管理', '修改密码'], todos: [] },
  { username: 'secadmin', role: 'sec_admin', menu: ['首页', '组织机构', '用户管理', '安全设置', '修改密码'], todos: [] },
  { username: 'auditadmin', role: 'audit_admin', menu: ['首页', '审计日志', '修改密码'], todos: [] },
]

describe.each(roles)('$username ($role)', ({ username, role, menu, todos }) => {
  test('lands on its own working page, with exactly the menu that fits it', async () => {
    await signIn(page, env.server.baseUrl, username)
    await page.getByText(/^欢迎，/).waitFor()
    expect(await menuItems()).toEqual(menu)
    if (todos.length) {
      await todoList().waitFor()
      const tiles = await todoList().getByRole('listitem').allInnerTexts()
      expect(tiles.map((text) => text.split('\n')[0]!.trim())).toEqual(todos)
    } else {
      expect(await page.getByRole('list', { name: '我的待办' }).count()).toBe(0)
    }
    // No permission codes on the page any more.
    expect(await page.getByText(/\b(goal|project|ruleset|indicator|exante)\.(read|edit|review)\b/).count()).toBe(0)
    await keepScreenshot(page, `home-${role}-zh`)
    // The first screen, for the README (docs/screenshots/home-<role>-zh.png are copies of these).
    if (['finance_reviewer', 'dept_user', 'unit_user', 'viewer', 'expert'].includes(role)) {
      await page.screenshot({ path: join(screenshotDir, `readme-home-${role}-zh.png`) })
    }
  })
})

describe('the counts on the home page are the stored state', () => {
  test('a unit: its goals to finish match its 待办 list and follow a new draft; its project count and money match the database', async () => {
    await signIn(page, env.server.baseUrl, 'sz_edu_unit')
    await todoList().waitFor()
    const api = await apiAs(env.server.baseUrl, 'sz_edu_unit')
    const before = (await api<Paged>('GET', '/api/goals?todo=true&pageSize=1')).total
    await todoList().getByRole('link', { name: `待处理的绩效目标 ${before}` }).waitFor()
    await unitGoal(env.server.baseUrl, 'E2E-HOME-01', '2026年深圳中学科技节活动项目', false)
    await page.reload()
    await todoList().getByRole('link', { name: `待处理的绩效目标 ${before + 1}` }).waitFor()
    const waiting = before + 1

    const stored = await env.server.db
      .selectFrom('project')
      .where('unitCode', '=', '440300102002')
      .where('status', '!=', 'cancelled')
      .select((eb) => [eb.fn.countAll<string>().as('count'), eb.fn.sum<string>('amountTotal').as('amount')])
      .executeTakeFirstOrThrow()
    const figure = (title: string) => page.locator('.ant-statistic').filter({ hasText: title }).innerText()
    expect(await figure('项目总数（不含已取消）')).toContain(Number(stored.count).toLocaleString('en-US'))
    const wan = (Number(stored.amount) / 10_000).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })
    expect(await figure('项目资金（不含已取消）')).toContain(wan)

    // A to-do opens the list that holds it.
    await todoList().getByRole('link', { name: `待处理的绩效目标 ${waiting}` }).click()
    await page.getByRole('heading', { name: '待办' }).first().waitFor()
  })

  test('the bureau reviewer: the assessments to conclude are the submitted ones in its scope; recent goals link to their pages', async () => {
    await signIn(page, env.server.baseUrl, 'sz_reviewer')
    await todoList().waitFor()
    const api = await apiAs(env.server.baseUrl, 'sz_reviewer')
    const submitted = (await api<Paged>('GET', '/api/exante?status=submitted&pageSize=1')).total
    expect(submitted).toBeGreaterThan(0)
    await todoList().getByRole('link', { name: `待作出结论的事前评估 ${submitted}` }).waitFor()

    const recent = page.getByRole('region', { name: '最近变动的绩效目标' })
    const first = recent.getByRole('link').first()
    const name = await first.innerText()
    await first.click()
    await page.getByRole('heading', { name }).first().waitFor()
    expect(page.url()).toMatch(/\/goals\/[0-9a-f-]{36}$/)
  })

  test('in English every label of the home page and menu is translated', async () => {
    await signIn(page, env.server.baseUrl, 'sz_reviewer')
    await todoList().waitFor()
    await page.getByText('English', { exact: true }).click()
    await page.getByRole('list', { name: 'My to-dos' }).waitFor()
    // Chinese may remain only in data (names of projects, units, goals), never in our labels: the record names are
    // links and the recent lists' subtitles name years and units, so both are left out of what is checked.
    const main = await page.locator('main').evaluate((el) => {
      const copy = el.cloneNode(true) as HTMLElement
      for (const data of copy.querySelectorAll('a, .ant-list-item .ant-typography-secondary')) data.remove()
      document.body.append(copy)
      const text = copy.innerText
      copy.remove()
      return text
    })
    for (const label of ['我的待办', '项目库', '待入库审核', '最近变动', '快捷入口', '储备', '待财政复审', '万元']) expect(main).not.toContain(label)
    expect(main).toContain('Finance reviewer')
    await page.screenshot({ path: join(screenshotDir, 'readme-home-finance_reviewer-en.png') })
    await keepScreenshot(page, 'home-finance_reviewer-en')
  })
})

describe('English mode (issue 10 §27)', () => {
  test('a graded goal names its grade and its indicator levels in English', async () => {
    const goal = await env.server.db
      .selectFrom('goal')
      .select(['id', 'financeGrade'])
      .where('jurisdictionCode', '=', '440300')
      .where('status', '=', 'published')
      .where('financeGrade', '=', '优')
      .orderBy('id')
      .executeTakeFirstOrThrow()
    await signIn(page, env.server.baseUrl, 'sz_reviewer')
    await todoList().waitFor()
    await page.getByText('English', { exact: true }).click()
    await page.getByRole('list', { name: 'My to-dos' }).waitFor()
    await page.goto(`${env.server.baseUrl}/goals/${goal.id}`)
    await page.getByText('Review: Excellent').first().waitFor()
    const main = await page.locator('main').innerText()
    expect(main).toContain('Output')
    for (const chinese of ['产出指标', '效益指标', '满意度指标', '复审：优']) expect(main).not.toContain(chinese)
    await keepScreenshot(page, 'goal-detail-en')
  })
})
