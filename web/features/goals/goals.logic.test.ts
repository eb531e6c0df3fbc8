import { nationalRules } from '../../../domain/rule-set'
import { describe, expect, it } from 'vitest'
import { permissionsOf } from '../../../domain/roles'
import { ApiError } from '../../api/client'
import type { FrameworkNode } from '../rules/rules.types'
import { availableMoves } from './goalActions'
import { blankRow, contentOf, rowFromLibrary } from './goalDraft'
import { findingsOfError, placeOf, rowFieldFindings } from './goalFindings'
import { budgetGateOf } from './budgetGate'
import { batchActionsFor, eligibleFor, todoNeedOf } from './goalTodo'
import type { GoalDetail, GoalListItem, GoalView } from './goals.types'
import { groupByFramework, inFrameworkOrder, placementInFramework } from './indicatorGroups'
import { peerFigures, peerPosition } from './peerTargets'

const node = (name: string, children: string[], mapsFrom: string[] = [name], childMaps?: string[][]): FrameworkNode => ({
  id: name,
  name,
  level: 1,
  mapsFrom,
  children: children.map((c, i) => ({ id: `${name}/${c}`, name: c, mapsFrom: childMaps?.[i] ?? [`${name}/${c}`] })),
})
const legacy = [node('产出指标', ['数量指标', '质量指标', '成本指标']), node('效益指标', ['社会效益指标']), node('满意度指标', ['服务对象满意度指标'])]
// The 101号 tree: 成本指标 is a 一级 of its own and takes the 88号 tree's 产出/成本 rows.
const core = [node('成本指标', ['经济成本指标'], ['成本指标'], [['产出指标/成本指标']]), node('产出指标', ['数量指标'])]

describe('indicators in the framework tree', () => {
  const rows = [
    { ...blankRow({ level1: '效益指标', level2: '社会效益指标' }), name: 'b' },
    { ...blankRow({ level1: '产出指标', level2: '数量指标' }), name: 'a' },
    { ...blankRow({ level1: '旧一级', level2: '旧二级' }), name: 'x' },
    { ...blankRow({ level1: '产出指标', level2: '数量指标' }), name: 'c' },
  ]

  it('keeps every 一级 and 二级 of the framework, empty ones too, and numbers rows by their place in the list', () => {
    const tree = groupByFramework(legacy, rows)
    expect(tree.map((g) => g.level1)).toEqual(['产出指标', '效益指标', '满意度指标', '旧一级'])
    expect(tree[0]!.children.map((c) => [c.level2, c.rows.map((r) => r.index)])).toEqual([
      ['数量指标', [1, 3]],
      ['质量指标', []],
      ['成本指标', []],
    ])
    expect(tree[3]).toMatchObject({ inFramework: false, children: [{ level2: '旧二级', inFramework: false }] })
  })

  it('orders rows as the tree shows them, the order they are saved and numbered in', () => {
    expect(inFrameworkOrder(legacy, rows).map((r) => r.name)).toEqual(['a', 'c', 'b', 'x'])
  })

  it('places a library row where the framework maps its 88号 placement', () => {
    expect(placementInFramework(core, { level1: '产出指标', level2: '成本指标' })).toEqual({ level1: '成本指标', level2: '经济成本指标' })
    expect(placementInFramework(legacy, { level1: '产出指标', level2: '成本指标' })).toEqual({ level1: '产出指标', level2: '成本指标' })
    expect(placementInFramework(legacy, { level1: '效益指标', level2: '生态效益指标' })).toEqual({ level1: '效益指标', level2: '社会效益指标' })
  })
})

describe('the editor draft', () => {
  it('seeds a library row with the number of its example target and sends empty optional values as null', () => {
    const row = rowFromLibrary({ id: 'i1', code: 'YB003', name: '政府采购项目数', nature: '>=', unit: '个', exampleTarget: '≥80个' }, { level1: '产出指标', level2: '数量指标' })
    expect(row).toMatchObject({ indicatorId: 'i1', indicatorCode: 'YB003', target: '80', unit: '个', nature: '>=' })
    const qualitative = rowFromLibrary({ id: 'i2', code: 'GX013', name: '公共服务水平', nature: 'qualitative', unit: '', exampleTarget: '有所提升' }, { level1: '效益指标', level2: '社会效益指标' })
    expect(qualitative.target).toBe('有所提升')
    const body = contentOf({ name: ' 目标 ', overallTarget: '', mediumTermTarget: '', annualTarget: '', indicators: [{ ...row, weight: ' ', mediumTermTarget: '' }] })
    expect(body.name).toBe('目标')
    expect(body.indicators[0]).not.toHaveProperty('key')
    expect(body.indicators[0]).not.toHaveProperty('indicatorCode')
    expect(body.indicators[0]).toMatchObject({ weight: null, mediumTermTarget: null })
  })
})

describe('findings', () => {
  it('points at a goal field, a row field or the indicators as a whole', () => {
    expect(placeOf('annualTarget')).toEqual({ kind: 'goal', field: 'annualTarget' })
    expect(placeOf('indicators.3.target')).toEqual({ kind: 'row', index: 3, field: 'target' })
    expect(placeOf('body.indicators.0')).toEqual({ kind: 'row', index: 0, field: 'name' })
    expect(placeOf('indicators')).toEqual({ kind: 'indicators' })
  })

  it('reads blocking findings of a refused submit and validation errors alike', () => {
    const quality = new ApiError(422, 'GOAL_QUALITY', '质量检查未通过', [{ code: 'X', severity: 'error', rule: 'r', path: 'indicators.1.target', zh: '中文', en: 'English' }])
    expect(rowFieldFindings(findingsOfError(quality, 'en'), 1, 'target')).toEqual([{ severity: 'error', path: 'indicators.1.target', message: 'English', rule: 'r', code: 'X' }])
    const invalid = new ApiError(400, 'VALIDATION_FAILED', '输入数据不符合要求', [{ path: 'body.indicators.0.name', message: '至少 2 个字' }])
    expect(findingsOfError(invalid, 'zh')).toEqual([{ severity: 'error', path: 'indicators.0.name', message: '至少 2 个字' }])
    expect(findingsOfError(new ApiError(409, 'VERSION_CONFLICT', '已被修改'), 'zh')).toEqual([])
  })
})

describe('peer targets', () => {
  const peer = { indicatorCode: 'A', count: 5, unit: '%', median: '95', min: '90', max: '98' }
  it('marks a target outside the range of similar approved goals, in the same base unit only', () => {
    expect(peerPosition({ target: '95', nature: '>=', unit: '%' }, peer)).toBe('within')
    expect(peerPosition({ target: '≥60%', nature: '>=', unit: '%' }, peer)).toBe('below')
    expect(peerPosition({ target: '100', nature: '>=', unit: '%' }, peer)).toBe('above')
    expect(peerPosition({ target: '100', nature: '>=', unit: '个' }, peer)).toBeNull()
    expect(peerPosition({ target: '明显提升', nature: 'qualitative', unit: '' }, peer)).toBeNull()
  })

  it('shows the figures in the row’s own unit with thousands separated: 380.00万元, not 3800000元 (issue 10, point 18)', () => {
    const money = { indicatorCode: 'C', count: 4, unit: '元', median: '3800000', min: '1250000', max: '12000000' }
    expect(peerFigures(money, '万元')).toEqual({ median: '380.00', min: '125.00', max: '1,200.00', unit: '万元' })
    expect(peerFigures(money, '元')).toEqual({ median: '3,800,000.00', min: '1,250,000.00', max: '12,000,000.00', unit: '元' })
    expect(peerFigures(peer, '%')).toEqual({ median: '95', min: '90', max: '98', unit: '%' })
    expect(peerFigures(peer, '个')).toEqual({ median: '95', min: '90', max: '98', unit: '%' })
  })
})

describe('the actions offered', () => {
  const goal = (status: GoalDetail['status'], extra: Partial<GoalDetail> = {}) =>
    ({ id: 'g', status, submittedAt: null, unitCode: '440300102002', reviewRound: 1, versions: [], expertReviews: [], ...extra }) as GoalDetail
  const user = (role: string, kind: 'unit' | 'department' | 'jurisdiction') => ({ id: 'u', permissions: permissionsOf([role]), org: { kind } })

  it('follows the workflow: the unit compiles, the department does 初审, finance 复审, 批复 and 公开', () => {
    expect(availableMoves(goal('draft'), user('unit_user', 'unit'))).toEqual(['edit', 'submit', 'delete'])
    expect(availableMoves(goal('returned', { submittedAt: 'x' }), user('unit_user', 'unit'))).toEqual(['edit', 'submit'])
    expect(availableMoves(goal('submitted'), user('unit_user', 'unit'))).toEqual(['withdraw'])
    expect(availableMoves(goal('submitted'), user('dept_user', 'department'))).toEqual(['dept_approve', 'return'])
    expect(availableMoves(goal('draft', { unitCode: null }), user('dept_user', 'department'))).toEqual(['edit', 'submit', 'delete'])
    expect(availableMoves(goal('dept_approved'), user('dept_user', 'department'))).toEqual([])
    expect(availableMoves(goal('dept_approved'), user('finance_reviewer', 'jurisdiction'))).toEqual(['assignExperts', 'review', 'approve', 'return'])
    expect(availableMoves(goal('approved'), user('finance_admin', 'jurisdiction'))).toEqual(['publish', 'adjust'])
    expect(availableMoves(goal('returned', { submittedAt: 'x' }), user('finance_admin', 'jurisdiction'))).toEqual([])
    expect(availableMoves(goal('approved', { versions: [{ id: 'newer' }, { id: 'g' }] as GoalDetail['versions'] }), user('unit_user', 'unit'))).toEqual([])
  })

  it('offers a department 批复 at 初审 only for the goals the rule set leaves to it (二级项目)', () => {
    expect(availableMoves(goal('submitted', { approver: 'department' }), user('dept_user', 'department'))).toEqual(['dept_approve', 'approve', 'return'])
    expect(availableMoves(goal('submitted', { approver: 'finance' }), user('dept_user', 'department'))).toEqual(['dept_approve', 'return'])
    expect(availableMoves(goal('submitted', { approver: 'department' }), user('finance_reviewer', 'jurisdiction'))).toEqual([])
  })

  it('offers a bureau nothing on another jurisdiction’s goal: the city supervises its districts read-only', () => {
    const city = { ...user('finance_reviewer', 'jurisdiction'), org: { kind: 'jurisdiction' as const, jurisdictionCode: '440300' } }
    expect(availableMoves(goal('dept_approved', { jurisdictionCode: '440305' }), city)).toEqual([])
    expect(availableMoves(goal('dept_approved', { jurisdictionCode: '440300' }), city)).toEqual(['assignExperts', 'review', 'approve', 'return'])
  })

  it('offers an expert the review only while their assignment of this round is open', () => {
    const assigned = { expertId: 'u', round: 1, submittedAt: null } as GoalDetail['expertReviews'][number]
    expect(availableMoves(goal('dept_approved', { expertReviews: [assigned] }), user('expert', 'jurisdiction'))).toEqual(['expertReview'])
    expect(availableMoves(goal('dept_approved', { expertReviews: [{ ...assigned, submittedAt: 'x' }] }), user('expert', 'jurisdiction'))).toEqual([])
  })
})

describe('the budget gate on the project page', () => {
  const rules = { level1Synonyms: nationalRules.level1Synonyms, requiredLevel1: ['产出指标', '效益指标'], reviewConsequences: { 优: 'proceed', 良: 'proceed_after_edits', 中: 'revise_and_resubmit', 差: 'blocked' } as const }
  const item = (id: string, status: GoalDetail['status'], revision = 1, financeGrade: GoalDetail['financeGrade'] = null) => ({ id, status, revision, financeGrade }) as GoalListItem
  const inForce = (id: string, levels: string[]) => ({ id, indicators: levels.map((level1) => ({ level1 })) }) as GoalView

  it('says what keeps the project out of the budget, as the server will', () => {
    expect(budgetGateOf([], null, rules).state).toBe('none')
    expect(budgetGateOf([item('a', 'submitted')], null, rules).state).toBe('pending')
    expect(budgetGateOf([item('a', 'returned', 1, '差')], null, rules).state).toBe('blocked')
    expect(budgetGateOf([item('a', 'approved')], inForce('a', ['产出指标']), rules)).toMatchObject({ state: 'missingLevel1', missing: ['效益指标'] })
    // 产出/效益 as the quality check accepts them pass here too (issue 10, point 14).
    expect(budgetGateOf([item('a', 'approved')], inForce('a', ['产出', '效果指标']), rules)).toMatchObject({ state: 'ready' })
    // An adjustment under way leaves the approved version in force.
    expect(budgetGateOf([item('b', 'draft', 2), item('a', 'approved')], inForce('a', ['产出指标', '效益指标']), rules)).toMatchObject({ state: 'ready', goal: { id: 'a' } })
  })
})

describe('the to-do list', () => {
  const row = (status: GoalDetail['status'], financeGrade: GoalDetail['financeGrade'] = null) => ({ id: status, status, financeGrade }) as GoalListItem
  it('names what each goal waits for and which selected rows a batch action takes', () => {
    expect(todoNeedOf(row('returned'), permissionsOf(['unit_user']))).toBe('revise')
    expect(todoNeedOf(row('dept_approved'), permissionsOf(['finance_admin']))).toBe('financeReview')
    expect(todoNeedOf(row('dept_approved', '良'), permissionsOf(['finance_admin']))).toBe('approve')
    expect(todoNeedOf(row('dept_approved'), permissionsOf(['expert']))).toBe('expertReview')
    const selected = [row('submitted'), row('dept_approved'), row('dept_approved', '优'), row('approved')]
    expect(eligibleFor('approve', selected).map((r) => r.financeGrade)).toEqual(['优'])
    expect(eligibleFor('publish', selected).map((r) => r.status)).toEqual(['approved'])
    expect(batchActionsFor({ permissions: permissionsOf(['dept_user']), org: { kind: 'department' } })).toEqual(['dept_approve'])
    expect(batchActionsFor({ permissions: permissionsOf(['unit_user']), org: { kind: 'unit' } })).toEqual([])
  })
})
