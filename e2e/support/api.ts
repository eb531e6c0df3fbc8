import { DEMO_PASSWORD } from './browser.ts'

/** A signed-in API session, for acting as another user behind the browser's back or reading stored state. */
export async function apiAs(baseUrl: string, username: string) {
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  })
  if (!login.ok) throw new Error(`login ${username}: ${login.status}`)
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ')
  return async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`)
    return (await res.json()) as T
  }
}

type Row = { id: string; version: number }

/** A project of 深圳中学 put in the library by its department, for one test alone (the demo's own stay as they are). */
export async function projectInLibrary(baseUrl: string, code: string, name: string) {
  const unit = await apiAs(baseUrl, 'sz_edu_unit')
  const dept = await apiAs(baseUrl, 'sz_edu_dept')
  const project = await unit<Row>('POST', '/api/projects', {
    code,
    name,
    fiscalYear: 2026,
    unitCode: '440300102002',
    budgetKind: 'general',
    attribute: 'new',
    projectType: 'recurring',
    objectKind: 'purchased_service',
    periodStartYear: 2026,
    periodEndYear: 2026,
    mediumTermAmount: '1200000.00',
    amountGeneral: '1200000.00',
    description: '通过政府采购或委托方式实施课后服务，明确服务标准和考核办法，按季度考核、按效付费。',
  })
  await dept<Row>('POST', `/api/projects/${project.id}/status`, { status: 'library', version: project.version })
  return project.id
}

/** A complete goal of such a project, written by 深圳中学 as a draft (`submit`: and sent to its department). */
export async function unitGoal(baseUrl: string, code: string, name: string, submit: boolean) {
  const projectId = await projectInLibrary(baseUrl, code, name)
  const unit = await apiAs(baseUrl, 'sz_edu_unit')
  const row = (level1: string, level2: string, indicator: string, target: string, measure: string) => ({ level1, level2, name: indicator, indicatorId: null, nature: '>=', target, unit: measure })
  const goal = await unit<Row & { name: string }>('POST', '/api/goals', {
    kind: 'project',
    projectId,
    fiscalYear: 2026,
    name: `${name}绩效目标`,
    overallTarget: '为1200名学生提供课后服务，参与率达到90%，满意度不低于95%',
    mediumTermTarget: '',
    annualTarget: '2026年为1200名学生提供课后服务，参与率达到90%，满意度不低于95%',
    indicators: [row('产出指标', '数量指标', '服务学生人数', '1200', '人'), row('效益指标', '社会效益指标', '学生参与率', '90', '%'), row('满意度指标', '服务对象满意度指标', '家长满意度', '95', '%')],
  })
  return submit ? unit<Row & { name: string }>('POST', `/api/goals/${goal.id}/submit`, { version: goal.version }) : goal
}
