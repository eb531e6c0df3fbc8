import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, test } from 'vitest'
import { chooseOption, chooseRadio, confirmDialog } from './support/antd.ts'
import { apiAs as apiAsAt, projectInLibrary as projectInLibraryAt } from './support/api.ts'
import { keepScreenshot, signIn } from './support/browser.ts'
import { newPage, openFromMenu, useAppAndBrowser } from './support/session.ts'

const env = useAppAndBrowser()
const PROJECT = '2026年深圳中学课后托管服务项目'
const GOAL = `${PROJECT}绩效目标`
const PICKED = '使用人员满意度'

/** A signed-in API session for setting up data the way a user would, without the browser. */
const apiAs = (username: string) => apiAsAt(env.server.baseUrl, username)

type Row = { id: string; version: number }
let projectId: string

const projectInLibrary = (code: string, name: string) => projectInLibraryAt(env.server.baseUrl, code, name)

/**
 * The journey's project, and another whose approved goal sets the library indicator at 95%: a peer the editor
 * compares a new target with.
 */
beforeAll(async () => {
  projectId = await projectInLibrary('E2E-GOAL-2026-01', PROJECT)
  const peerId = await projectInLibrary('E2E-GOAL-2026-02', '2026年深圳中学学生社团活动服务项目')
  const unit = await apiAs('sz_edu_unit')
  const dept = await apiAs('sz_edu_dept')
  const finance = await apiAs('sz_finance_admin')
  const library = await unit<{ items: { id: string; name: string }[] }>('GET', `/api/indicators?q=${encodeURIComponent(PICKED)}&pageSize=20`)
  const satisfaction = library.items.find((i) => i.name === PICKED)!
  const row = (level1: string, level2: string, name: string, target: string, unit: string, indicatorId: string | null = null) => ({ level1, level2, name, indicatorId, nature: '>=', target, unit })
  let goal = await unit<Row>('POST', '/api/goals', {
    kind: 'project',
    projectId: peerId,
    fiscalYear: 2026,
    name: '2026年深圳中学学生社团活动服务项目绩效目标',
    overallTarget: '开展10项社团活动，服务覆盖率达到95%，服务对象满意度达到95%',
    mediumTermTarget: '',
    annualTarget: '2026年开展10项社团活动，服务覆盖率95%，满意度95%',
    indicators: [row('产出指标', '数量指标', '社团活动开展数量', '10', '项'), row('效益指标', '社会效益指标', '学生服务覆盖率', '95', '%'), row('满意度指标', '服务对象满意度指标', PICKED, '95', '%', satisfaction.id)],
  })
  goal = await unit<Row>('POST', `/api/goals/${goal.id}/submit`, { version: goal.version })
  goal = await dept<Row>('POST', `/api/goals/${goal.id}/dept-approve`, { version: goal.version })
  goal = await finance<Row>('POST', `/api/goals/${goal.id}/review`, { version: goal.version, grade: '优', opinion: '目标明确' })
  await finance<Row>('POST', `/api/goals/${goal.id}/approve`, { version: goal.version })
})

async function signedIn(username: string): Promise<Page> {
  const page = await newPage(env.browser)
  await signIn(page, env.server.baseUrl, username)
  await page.getByRole('navigation', { name: '主菜单' }).getByText('首页').waitFor()
  return page
}

/** Opens the goal from the user's 待办 by its row's 办理 link. */
async function openFromTodo(page: Page) {
  await openFromMenu(page, '待办')
  await page.getByRole('link', { name: `办理「${GOAL}」` }).click()
}

/** Confirms a workflow action in its dialog, with an opinion when one is given. */
async function act(page: Page, action: string, opinion?: string) {
  await page.getByRole('button', { name: action, exact: true }).click()
  const dialog = page.getByRole('dialog', { name: `确认${action}` })
  if (opinion) await dialog.getByRole('textbox', { name: '意见' }).fill(opinion)
  await confirmDialog(dialog, action)
  await page.getByText(`已${action}`).first().waitFor()
}

const cell = (page: Page, field: string, n: number) => page.getByRole('textbox', { name: `${field}（第 ${n} 行）`, exact: true })

describe('a project goal from compilation to the budget', () => {
  test('the unit compiles and submits, the department returns, the unit fixes, 初审, 复审 良, the agreed edits, 批复, then the project enters the budget', async () => {
    // The unit sees on the project page that there is no goal yet, and compiles one.
    const unit = await signedIn('sz_edu_unit')
    await unit.goto(`${env.server.baseUrl}/projects/${projectId}`)
    await unit.getByText('尚无绩效目标').first().waitFor()
    await keepScreenshot(unit, 'goals-01-project-without-goal')
    await unit.getByRole('button', { name: '编制绩效目标' }).click()
    await unit.getByRole('heading', { name: '新建绩效目标' }).first().waitFor()
    await expect.poll(() => unit.getByRole('textbox', { name: '目标名称' }).inputValue()).toBe(GOAL)
    await unit.getByRole('textbox', { name: '总体目标', exact: true }).fill('为1200名学生提供课后服务，学生参与率达到90%以上，服务对象满意度不低于95%')
    await unit.getByRole('textbox', { name: '年度目标', exact: true }).fill('2026年为1200名学生提供课后服务，参与率达到90%，满意度不低于95%')

    // A recommended indicator, with why it is recommended; its target is compared with similar approved goals.
    await unit.getByRole('button', { name: '从指标库选择' }).click()
    const picker = unit.getByRole('dialog', { name: '从指标库选择指标' })
    await picker.getByText(`根据项目“${PROJECT}”的名称、类型和行业推荐`).waitFor()
    await picker.getByRole('button', { name: `选用「${PICKED}」`, exact: true }).waitFor()
    await keepScreenshot(unit, 'goals-02-picker-recommendations')
    await picker.getByRole('button', { name: `选用「${PICKED}」`, exact: true }).click()
    await picker.getByText('已选用').first().waitFor()
    await unit.keyboard.press('Escape')
    await picker.waitFor({ state: 'hidden' })
    // Peers set 90–95%: a target of 80% is marked, 95% is not.
    await cell(unit, '指标值', 1).fill('80')
    await unit.getByText('低于同类最低值').first().waitFor()
    await keepScreenshot(unit, 'goals-03-peer-target-marked')
    await cell(unit, '指标值', 1).fill('95')
    await expect.poll(() => unit.getByText('低于同类最低值').count()).toBe(0)

    // Individual indicators under 数量指标 and 社会效益指标.
    await unit.getByRole('button', { name: '在“数量指标”下添加指标' }).click()
    await cell(unit, '三级指标', 1).fill('课后服务覆盖学生人数')
    await cell(unit, '指标值', 1).fill('1200')
    await cell(unit, '计量单位', 1).fill('人')
    await unit.getByRole('button', { name: '在“社会效益指标”下添加指标' }).click()
    await cell(unit, '三级指标', 2).fill('学生课后服务参与率')
    await cell(unit, '指标值', 2).fill('90')
    await cell(unit, '计量单位', 2).fill('%')
    await unit.getByRole('button', { name: '保存' }).click()
    await unit.getByText('已保存，审核结果已更新').first().waitFor()
    await unit.waitForURL(/\/goals\/[0-9a-f-]+\/edit$/)
    await unit.getByRole('heading', { name: '编辑绩效目标' }).first().waitFor()
    await keepScreenshot(unit, 'goals-04-saved-with-quality-check')
    await unit.getByRole('button', { name: '提交审核' }).click()
    await unit.waitForURL(/\/goals\/[0-9a-f-]+$/)
    await unit.getByText('待部门初审').first().waitFor()
    await keepScreenshot(unit, 'goals-05-submitted')

    // The department returns it: an opinion is required.
    const dept = await signedIn('sz_edu_dept')
    await openFromTodo(dept)
    await dept.getByRole('heading', { name: GOAL }).waitFor()
    await dept.getByRole('button', { name: '退回', exact: true }).click()
    const returning = dept.getByRole('dialog', { name: '确认退回' })
    await returning.getByRole('button', { name: '退回', exact: true }).click()
    await returning.getByText('请填写意见（至少 2 个字）').waitFor()
    await returning.getByRole('textbox', { name: '意见' }).fill('缺少质量指标，请补充课后服务安全方面的指标')
    await keepScreenshot(dept, 'goals-06-department-returns')
    await returning.getByRole('button', { name: '退回', exact: true }).click()
    await dept.getByText('已退回').first().waitFor()

    // The unit sees the opinion in its 待办 and in the editor, adds the indicator and resubmits.
    await openFromMenu(unit, '待办')
    await unit.getByText('按意见修改后重新提交').waitFor()
    await keepScreenshot(unit, 'goals-07-unit-todo-returned')
    await unit.getByRole('link', { name: `办理「${GOAL}」` }).click()
    await unit.getByText('缺少质量指标，请补充课后服务安全方面的指标').waitFor()
    await unit.getByRole('button', { name: '在“质量指标”下添加指标' }).click()
    await cell(unit, '三级指标', 2).fill('课后服务安全责任事故数')
    await chooseOption(unit, '指标性质（第 2 行）', '≤')
    await cell(unit, '指标值', 2).fill('0')
    await cell(unit, '计量单位', 2).fill('起')
    await keepScreenshot(unit, 'goals-08-unit-revises')
    await unit.getByRole('button', { name: '提交审核' }).click()
    await unit.waitForURL(/\/goals\/[0-9a-f-]+$/)
    await unit.getByText('待部门初审').first().waitFor()

    // 初审 by the department.
    await dept.reload()
    await dept.getByText('待部门初审').first().waitFor()
    await act(dept, '初审通过')
    await dept.getByText('待财政复审').first().waitFor()

    // 复审 by finance: 良 with the four dimensions.
    const finance = await signedIn('sz_finance_admin')
    await openFromTodo(finance)
    await finance.getByRole('heading', { name: GOAL }).waitFor()
    await finance.getByRole('button', { name: '财政复审', exact: true }).click()
    const review = finance.getByRole('dialog', { name: '确认财政复审' })
    await chooseRadio(review, '良')
    await review.getByRole('textbox', { name: '完整性' }).fill('目标和指标完整，三个一级指标齐全')
    await review.getByRole('textbox', { name: '相关性' }).fill('与学校课后服务职责相符')
    await review.getByRole('textbox', { name: '适当性' }).fill('参与率目标可再细化到年级')
    await review.getByRole('textbox', { name: '可行性' }).fill('预算与服务规模匹配，可以实现')
    await review.getByRole('textbox', { name: '总体意见' }).fill('同意，按意见细化后执行')
    await keepScreenshot(finance, 'goals-09-finance-review')
    await review.getByRole('button', { name: '财政复审', exact: true }).click()
    await finance.getByText('复审：良').first().waitFor()
    // 良 = 修改完善后: no 批复 yet; the goal goes back to the unit for the agreed edits.
    await finance.getByText('已退回').first().waitFor()
    expect(await finance.getByRole('button', { name: '批复', exact: true }).count()).toBe(0)

    // The unit makes the agreed edits and resubmits: the goal goes straight back to finance, graded 良.
    await openFromMenu(unit, '待办')
    await unit.getByRole('link', { name: `办理「${GOAL}」` }).click()
    await unit.getByText('同意，按意见细化后执行').waitFor()
    await unit.getByRole('textbox', { name: '年度目标', exact: true }).fill('2026年为1200名学生提供课后服务，各年级参与率均达到90%，满意度不低于95%')
    await unit.getByRole('button', { name: '提交审核' }).click()
    await unit.waitForURL(/\/goals\/[0-9a-f-]+$/)
    await unit.getByText('待财政复审').first().waitFor()
    const resubmitted = await env.server.db.selectFrom('goal').select(['status', 'financeGrade', 'annualTarget']).where('projectId', '=', projectId).executeTakeFirstOrThrow()
    expect(resubmitted).toEqual({ status: 'dept_approved', financeGrade: '良', annualTarget: '2026年为1200名学生提供课后服务，各年级参与率均达到90%，满意度不低于95%' })

    await finance.reload()
    await finance.getByText('复审：良').first().waitFor()
    await act(finance, '批复')
    await finance.getByText('已批复').first().waitFor()
    await finance.getByText('生效中').first().waitFor()
    await keepScreenshot(finance, 'goals-10-approved-with-opinions')

    // The project page shows the gate open; moving the project into the budget succeeds.
    await finance.goto(`${env.server.baseUrl}/projects/${projectId}`)
    await finance.getByText('绩效目标已批复并生效，可纳入预算').waitFor()
    await finance.getByRole('button', { name: '纳入预算', exact: true }).click()
    const move = finance.getByRole('dialog', { name: '确认纳入预算' })
    await move.getByRole('button', { name: '纳入预算', exact: true }).click()
    // The dialog's own question names 已纳入预算: the move has happened once the dialog has closed.
    await move.waitFor({ state: 'hidden' })
    await finance.getByText('已纳入预算').first().waitFor()
    await keepScreenshot(finance, 'goals-11-project-budgeted')
    const stored = await env.server.db.selectFrom('project').select('status').where('id', '=', projectId).executeTakeFirstOrThrow()
    expect(stored.status).toBe('budgeted')
  }, 150_000) // three roles through four review rounds: longer than one page's journey
})

describe('the finance bureau in its 待办', () => {
  test('publishes several approved goals at once and reads what happened to each', async () => {
    const finance = await signedIn('sz_finance_admin')
    await openFromMenu(finance, '待办')
    const table = finance.getByRole('table', { name: '待办绩效目标' })
    const approved = table.getByRole('row').filter({ hasText: '已批复' })
    await approved.first().waitFor()
    for (const row of (await approved.all()).slice(0, 3)) await row.getByRole('checkbox').check()
    await finance.getByText('已选 3 项').waitFor()
    await finance.getByRole('button', { name: '批量公开（3）' }).click()
    const dialog = finance.getByRole('dialog', { name: '批量公开（3）' })
    await dialog.getByRole('textbox', { name: '意见' }).fill('按规定向社会公开')
    await dialog.getByRole('button', { name: '确定' }).click()
    const result = finance.getByRole('dialog', { name: '批量公开结果' })
    await result.getByText('成功 3 个，失败 0 个').waitFor()
    // A trial click waits until the dialog has stopped moving, so the screenshot shows it whole.
    await result.getByRole('button', { name: '确定' }).click({ trial: true })
    await keepScreenshot(finance, 'goals-12-batch-publish-result')
  })
})
