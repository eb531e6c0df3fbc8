import { DEMO_PASSWORD } from '../../server/modules/org/demo-region.data.ts'
import type { Answer, Session } from './client.ts'

/** What a virtual user has seen in its own lists at start (the details it opens), and the year it works on. */
export interface World {
  projectIds: string[]
  goalIds: string[]
  formIds: string[]
  fiscalYear: number
}

type Action = (s: Session, w: World) => Promise<unknown>
type Mix = [weight: number, Action][]

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!
const page = () => 1 + Math.floor(Math.random() * 5)
const WORDS = ['教育', '学校', '培训', '维修', '医院', '信息化', '补助', '2026']
const q = () => encodeURIComponent(pick(WORDS))

/** A record the user saw in its own list (a list page when it saw none). */
const detail = (s: Session, name: string, base: string, ids: string[]) => (ids.length ? s.get(`${name}.detail`, `${base}/${pick(ids)}`) : s.get(`${name}.list`, base))

const lists: Mix = [
  [6, (s) => s.get('projects.list', `/api/projects?page=${page()}&sort=${pick(['amountTotal', 'updatedAt', 'name', 'code'])}&order=${pick(['asc', 'desc'])}`)],
  [4, (s) => s.get('projects.search', `/api/projects?q=${q()}&page=${page()}`)],
  [3, (s) => s.get('goals.list', `/api/goals?page=${page()}&sort=${pick(['updatedAt', 'name', 'status'])}`)],
  [2, (s) => s.get('goals.search', `/api/goals?q=${q()}`)],
  [3, (s) => s.get('forms.list', `/api/monitoring/forms?page=${page()}&sort=${pick(['updatedAt', 'executionRate', 'projectName'])}`)],
  [4, (s, w) => detail(s, 'projects', '/api/projects', w.projectIds)],
  [3, (s, w) => detail(s, 'goals', '/api/goals', w.goalIds)],
  [2, (s, w) => detail(s, 'forms', '/api/monitoring/forms', w.formIds)],
  [2, (s) => s.get('home', '/api/home')],
]

const bureau: Mix = [
  ...lists,
  [2, (s, w) => s.get('monitoring.dashboard', `/api/monitoring/dashboard?fiscalYear=${w.fiscalYear}`)],
  [2, (s, w) => s.get('cockpit.rollup', `/api/cockpit/rollup?fiscalYear=${w.fiscalYear}`)],
  [1, (s, w) => s.get('cockpit.coverage', `/api/cockpit/coverage?fiscalYear=${w.fiscalYear}`)],
  [1, (s, w) => s.get('evaluation.dashboard', `/api/evaluation/dashboard?fiscalYear=${w.fiscalYear}`)],
  [1, (s) => s.get('export.projects.xlsx', `/api/projects/export?q=${q()}`)],
  [1, (s) => s.get('export.forms.xlsx', '/api/monitoring/forms/export')],
  [1, (s, w) => s.get('export.cockpit.xlsx', `/api/cockpit/rollup/export?fiscalYear=${w.fiscalYear}`)],
  // One department's 申报表 (the whole city's, ≈2,600 goals, takes tens of seconds: an annual job, not this loop).
  [0.5, (s, w) => s.get('export.goals.zip', `/api/goals/declarations.zip?fiscalYear=${w.fiscalYear}&departmentCode=440300102`)],
]

const portal: Mix = [
  [2, (s) => s.get('portal.home', '/public')],
  [3, (s, w) => s.get('portal.year', `/public/440300/${w.fiscalYear}`)],
  [4, (s, w) => s.get('portal.list', `/public/440300/${w.fiscalYear}/goals?page=${page()}`)],
  [2, (s) => s.get('portal.search', `/public/search?q=${q()}`)],
  [1, (s, w) => s.get('portal.csv', `/public/440300/${w.fiscalYear}/goals.csv`)],
]

/** A unit user's own draft goal, saved again and again as someone editing it would. */
async function ownDraftGoal(s: Session, unitCode: string, n: number) {
  const code = `SOAK-${unitCode}-${n}-${Date.now() % 1e8}`
  const project = await s.send('projects.create', 'POST', '/api/projects', {
    code, name: `2026年浸泡测试项目${n}`, fiscalYear: 2026, unitCode, budgetKind: 'general', attribute: 'new', projectType: 'one_off',
    objectKind: 'general', periodStartYear: 2026, periodEndYear: 2026, mediumTermAmount: '100000.00', amountGeneral: '100000.00',
  })
  const goal = await s.send('goals.create', 'POST', '/api/goals', {
    kind: 'project', projectId: project.json().id, fiscalYear: 2026, name: `2026年浸泡测试项目${n}绩效目标`, annualTarget: '完成年度培训任务',
    indicators: [{ level1: '产出指标', level2: '数量指标', name: '培训人次', nature: '>=', target: '500', unit: '人次' }],
  })
  if (goal.status !== 201) throw new Error(`goal for the soak: ${goal.status} ${goal.body.toString().slice(0, 300)}`)
  return goal.json() as { id: string; version: number }
}

function goalSaver(s: Session, goal: { id: string; version: number }): Action {
  let version = goal.version
  let round = 0
  return async () => {
    round++
    const res = await s.send('goals.save', 'PUT', `/api/goals/${goal.id}`, {
      version, name: `2026年浸泡测试项目绩效目标（第${round}稿）`, annualTarget: `完成年度培训任务，第${round}次修改`,
      indicators: [
        { level1: '产出指标', level2: '数量指标', name: '培训人次', nature: '>=', target: String(500 + (round % 50)), unit: '人次' },
        { level1: '效益指标', level2: '社会效益指标', name: '受训教师满意度', nature: '>=', target: '90', unit: '%' },
      ],
    })
    if (res.status === 200) version = res.json().version
  }
}

/** 填报 → 提交 → 部门退回 → 再填报: a monitoring form that cycles through the workflow for the whole run. */
function monitoringLane(unit: Session, dept: Session, formId: string): Action {
  return async () => {
    const form = (await unit.get('forms.detail', `/api/monitoring/forms/${formId}`)).json()
    if (!form.allowedActions?.includes('save')) return
    const saved = await unit.send('forms.save', 'PUT', `/api/monitoring/forms/${formId}`, {
      version: form.version,
      unitForecast: form.funds?.budgetAdjusted ?? null,
      fundsNote: '按进度支付，下半年集中采购',
      overallProgress: '项目按计划推进',
      indicators: form.indicators.map((i: { id: string; nature: string; target: string }) => ({
        id: i.id, progress: /^[\d.]+$/.test(i.target) ? i.target : '达成', likelihood: 'certain',
      })),
    })
    if (saved.status !== 200) return
    const submitted = await unit.send('forms.submit', 'POST', `/api/monitoring/forms/${formId}/submit`, { version: saved.json().version })
    if (submitted.status !== 200) return
    await dept.send('forms.return', 'POST', `/api/monitoring/forms/${formId}/return`, { version: submitted.json().version, opinion: '请补充资金支出进度说明' })
  }
}

export interface VirtualUser {
  name: string
  session: Session
  mix: Mix
  world?: World
}

const FISCAL_YEAR = 2026

async function worldOf(s: Session): Promise<World> {
  const ids = async (path: string) => ((await s.get('setup', path)).json().items as { id: string }[] | undefined ?? []).map((i) => i.id)
  return { projectIds: await ids('/api/projects?pageSize=100'), goalIds: await ids('/api/goals?pageSize=100'), formIds: await ids('/api/monitoring/forms?pageSize=100'), fiscalYear: FISCAL_YEAR }
}

/** Signs the demo's users in and prepares each one's work: who does what, in which proportions. */
export async function castUsers(session: () => Session): Promise<VirtualUser[]> {
  const as = async (username: string) => {
    const s = session()
    await s.login(username, DEMO_PASSWORD)
    return s
  }
  const users: VirtualUser[] = [
    { name: 'sz_finance_admin#1', session: await as('sz_finance_admin'), mix: bureau },
    { name: 'sz_finance_admin#2', session: await as('sz_finance_admin'), mix: bureau },
    { name: 'sz_reviewer', session: await as('sz_reviewer'), mix: bureau },
    { name: 'ns_finance_admin', session: await as('ns_finance_admin'), mix: bureau },
    { name: 'sz_edu_dept', session: await as('sz_edu_dept'), mix: lists },
    { name: 'npc_viewer', session: await as('npc_viewer'), mix: bureau },
    { name: 'public#1', session: session(), mix: portal, world: { projectIds: [], goalIds: [], formIds: [], fiscalYear: FISCAL_YEAR } },
    { name: 'public#2', session: session(), mix: portal, world: { projectIds: [], goalIds: [], formIds: [], fiscalYear: FISCAL_YEAR } },
  ]
  for (const username of ['sz_edu_unit', 'ns_edu_unit']) {
    for (const n of [1, 2]) {
      const s = await as(username)
      const unit = (await s.get('setup', '/api/auth/me')).json().user.org.code as string
      const goal = await ownDraftGoal(s, unit, n)
      users.push({ name: `${username}#${n}`, session: s, mix: [...lists, [12, goalSaver(s, goal)]] })
    }
  }
  const unit = await as('sz_edu_unit')
  const dept = await as('sz_edu_dept')
  const drafts = ((await unit.get('setup', '/api/monitoring/forms?status=draft')).json().items as { id: string }[]).map((f) => f.id)
  for (const formId of drafts.slice(0, 2)) users.push({ name: `monitoring ${formId.slice(0, 8)}`, session: unit, mix: [[1, monitoringLane(unit, dept, formId)]] })
  for (const user of users) user.world ??= await worldOf(user.session)
  return users
}

/** One user's loop until the deadline: pick an action by weight, run it, think for 0.2–1 s. */
export async function runUser(user: VirtualUser, until: number) {
  const world = user.world ?? (await worldOf(user.session))
  const total = user.mix.reduce((sum, [weight]) => sum + weight, 0)
  while (Date.now() < until) {
    let roll = Math.random() * total
    const action = user.mix.find(([weight]) => (roll -= weight) < 0)?.[1] ?? user.mix[0]![1]
    await action(user.session, world)
    await new Promise((r) => setTimeout(r, 200 + Math.random() * 800))
  }
}

export type { Answer }
