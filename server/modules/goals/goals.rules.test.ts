import { describe, expect, test } from 'vitest'
import type { GoalIndicatorInput } from '../../../domain/goals.ts'
import { createTestContext } from '../../test/context.ts'
import { goodGoalIndicators } from '../../test/factories.ts'

/** Issue 10, points 14, 18, 19: the domain rules as the goal endpoints apply them. */
const t = await createTestContext()
const city = await t.make.jurisdiction()
const district = await t.make.jurisdiction({ parent: city })
const it = await t.make.department({ jurisdiction: district, name: '政务服务数据管理局' })
const centre = await t.make.unit({ department: it, name: '政务服务中心' })
const peerUnit = await t.make.unit({ department: it, name: '大数据中心' })
const unitUser = await t.make.user({ role: 'unit_user', org: centre })
const reviewer = await t.make.user({ role: 'finance_reviewer', org: district })

const row = (over: Partial<GoalIndicatorInput>): GoalIndicatorInput => ({ ...goodGoalIndicators()[0]!, ...over })
const codesOf = (quality: { code: string }[]) => quality.map((f) => f.code)

const goalBody = (projectId: string, indicators: GoalIndicatorInput[], over: Record<string, unknown> = {}) => ({
  kind: 'project',
  projectId,
  fiscalYear: 2026,
  name: '政务服务平台升级改造项目绩效目标',
  overallTarget: '完成培训500人次，参训人员满意度不低于90%。',
  annualTarget: '完成培训500人次，参训人员满意度不低于90%。',
  indicators,
  ...over,
})

describe('一级 names (point 14)', () => {
  test('a goal written with 产出 / 效果指标 passes the quality check and, once approved, the budget gate', async () => {
    const renamed = goodGoalIndicators().map((i) => ({ ...i, level1: i.level1 === '产出指标' ? '产出' : i.level1 === '效益指标' ? '效果指标' : i.level1 }))
    const draftProject = await t.make.project({ unit: centre, status: 'library' })
    const draft = (await (await t.as(unitUser)).post('/api/goals', goalBody(draftProject.id, renamed))).json()
    expect(draft.quality).toEqual([])

    const project = await t.make.project({ unit: centre, status: 'library' })
    await t.make.goal({ project, status: 'approved', indicators: renamed })
    const gate = await (await t.as(reviewer)).post(`/api/projects/${project.id}/status`, { status: 'budgeted', version: project.version })
    expect(gate.statusCode).toBe(200)
    expect(gate.json().status).toBe('budgeted')
  })

  test('a 一级 that is no synonym still fails both, naming the missing 一级', async () => {
    const project = await t.make.project({ unit: centre, status: 'library' })
    const renamed = goodGoalIndicators().map((i) => ({ ...i, level1: i.level1 === '效益指标' ? '社会效果' : i.level1 }))
    await t.make.goal({ project, status: 'approved', indicators: renamed })
    const gate = await (await t.as(reviewer)).post(`/api/projects/${project.id}/status`, { status: 'budgeted', version: project.version })
    expect(gate.statusCode).toBe(422)
    expect(gate.json().error.message).toBe('已批复的绩效目标缺少必备一级指标：效益指标')
  })
})

describe('peer targets (point 18)', () => {
  const costRow = (indicatorId: string, target: string) => row({ level2: '成本指标', name: '项目总成本', nature: '<=', target, unit: '万元', indicatorId })

  test('a goal is not its own peer, and peers are shown in the indicator’s unit: 380.00万元', async () => {
    const lib = await t.make.indicator({ owner: city, name: '项目总成本', level2: '成本指标', nature: '<=', unit: '万元' })
    const approvedWith = async (unit: typeof centre, target: string) => {
      const project = await t.make.project({ unit, status: 'library', amountGeneral: '50000000.00' })
      const goal = await t.make.goal({ project, status: 'approved', indicators: [...goodGoalIndicators(), costRow(lib.id, target)] })
      await t.db.updateTable('goalIndicator').set({ indicatorCode: lib.code, targetNumber: String(Number(target.replace(/\D/g, '')) * 10000), targetBaseUnit: '元' }).where('goalId', '=', goal.id).where('name', '=', '项目总成本').execute()
      return { project, goal }
    }
    await approvedWith(peerUnit, '≤380万元')
    await approvedWith(peerUnit, '≤380万元')
    const own = await approvedWith(centre, '≤380万元')

    const all = (await (await t.as(unitUser)).get(`/api/goals/peer-targets?codes=${lib.code}&fiscalYear=2026`)).json().items
    expect(all).toEqual([{ indicatorCode: lib.code, count: 3, unit: '元', median: '3800000', min: '3800000', max: '3800000' }])
    const others = (await (await t.as(unitUser)).get(`/api/goals/peer-targets?codes=${lib.code}&fiscalYear=2026&excludeLineageId=${own.goal.lineageId}`)).json().items
    expect(others).toEqual([{ indicatorCode: lib.code, count: 2, unit: '元', median: '3800000', min: '3800000', max: '3800000' }])

    // Adjusting its own goal to 2000万元: its own 380万元 does not make a third peer, so no comparison is made.
    const adjusted = await (await t.as(unitUser)).post(`/api/goals/${own.goal.id}/adjust`, {
      ...goalBody(own.project.id, [...goodGoalIndicators(), costRow(lib.id, '≤2000万元')], { kind: undefined, projectId: undefined, fiscalYear: undefined }),
      version: own.goal.version,
      reason: '设备价格上涨，调整成本',
    })
    expect(adjusted.statusCode).toBe(201)
    expect(codesOf(adjusted.json().quality)).not.toContain('IMPLAUSIBLE_TARGET')

    // A third goal of another unit does (for a new goal, the approved one in force counts too: 4 peers); the warning
    // speaks 万元, with thousands separated.
    await approvedWith(peerUnit, '≤380万元')
    const project = await t.make.project({ unit: centre, status: 'library', amountGeneral: '50000000.00' })
    const draft = (await (await t.as(unitUser)).post('/api/goals', goalBody(project.id, [...goodGoalIndicators(), costRow(lib.id, '≤2000万元')]))).json()
    const warning = draft.quality.find((f: { code: string }) => f.code === 'IMPLAUSIBLE_TARGET')
    expect(warning.zh).toBe('三级指标“项目总成本”的指标值 2,000.00万元 高于同类最高值，可能过于宽松（同类已批复目标 4 个，中位数 380.00万元，范围 380.00万元–380.00万元）')
  })
})

describe('智能审核 (point 19)', () => {
  test('flags 校园绿地率 on an IT project, overlapping costs above the budget, and a multi-year project without 中期指标值', async () => {
    const green = await t.make.indicator({ owner: null, name: '校园绿地率', level1: '效益指标', level2: '生态效益指标', unit: '%', sectors: ['education'], projectKinds: ['construction'] })
    const uptime = await t.make.indicator({ owner: null, name: '政务服务平台系统可用率', level2: '质量指标', unit: '%', sectors: ['it'], projectKinds: ['it_system'] })
    const project = await t.make.project({ unit: centre, status: 'library', name: '政务服务平台升级改造', description: '升级政务服务平台系统，提升系统可用率', amountGeneral: '5000000.00' })
    await t.db.updateTable('project').set({ periodEndYear: 2027 }).where('id', '=', project.id).execute()
    const indicators = [
      ...goodGoalIndicators(),
      row({ level2: '质量指标', name: '政务服务平台系统可用率', target: '99', unit: '%', indicatorId: uptime.id }),
      row({ level1: '效益指标', level2: '生态效益指标', name: '校园绿地率', target: '35', unit: '%', indicatorId: green.id }),
      row({ level2: '成本指标', name: '项目总成本', nature: '<=', target: '≤380万元', unit: '万元' }),
      row({ level2: '成本指标', name: '设备购置成本', nature: '<=', target: '≤300万元', unit: '万元' }),
    ]
    const draft = (await (await t.as(unitUser)).post('/api/goals', goalBody(project.id, indicators))).json()
    const codes = codesOf(draft.quality)
    expect(codes).toEqual(expect.arrayContaining(['INDICATOR_IRRELEVANT', 'COST_EXCEEDS_BUDGET', 'MEDIUM_TERM_MISSING']))
    const irrelevant = draft.quality.filter((f: { code: string }) => f.code === 'INDICATOR_IRRELEVANT')
    expect(irrelevant.map((f: { path: string }) => f.path)).toEqual(['indicators.6.name'])
    expect(draft.quality.find((f: { code: string }) => f.code === 'COST_EXCEEDS_BUDGET').zh).toContain('合计 680.00万元，超过项目预算 500.00万元')
    expect(draft.quality.every((f: { severity: string }) => f.severity === 'warning')).toBe(true)
  })
})
