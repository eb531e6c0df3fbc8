import { describe, expect, test } from 'vitest'
import { goodGoalIndicators } from '../../test/factories.ts'
import { createTestContext } from '../../test/context.ts'

const t = await createTestContext()
const city = await t.make.jurisdiction()
const district = await t.make.jurisdiction({ parent: city })
const edu = await t.make.department({ jurisdiction: district, name: '教育局' })
const school = await t.make.unit({ department: edu, name: '第一中学' })
const otherSchool = await t.make.unit({ department: edu, name: '第二中学' })
const health = await t.make.department({ jurisdiction: district, name: '卫生健康局' })
const hospital = await t.make.unit({ department: health, name: '人民医院' })

const unitUser = await t.make.user({ role: 'unit_user', org: school })
const otherUnitUser = await t.make.user({ role: 'unit_user', org: otherSchool })
const deptUser = await t.make.user({ role: 'dept_user', org: edu })
const healthDeptUser = await t.make.user({ role: 'dept_user', org: health })
const reviewer = await t.make.user({ role: 'finance_reviewer', org: district })
const secondReviewer = await t.make.user({ role: 'finance_reviewer', org: district })
const financeAdmin = await t.make.user({ role: 'finance_admin', org: district })

const goalBody = (projectId: string, overrides: Record<string, unknown> = {}) => ({
  kind: 'project',
  projectId,
  fiscalYear: 2026,
  name: '2026年教师培训项目绩效目标',
  overallTarget: '完成培训500人次，参训人员满意度不低于90%。',
  annualTarget: '完成培训500人次，参训人员满意度不低于90%。',
  indicators: goodGoalIndicators(),
  ...overrides,
})

async function submittedGoal() {
  const project = await t.make.project({ unit: school, status: 'library' })
  const unit = await t.as(unitUser)
  const created = (await unit.post('/api/goals', goalBody(project.id))).json()
  const submitted = (await unit.post(`/api/goals/${created.id}/submit`, { version: created.version })).json()
  return { project, goal: submitted }
}

describe('the review workflow', () => {
  test('draft → submit → return with opinion → resubmit → 初审 → 复审 良 → agreed edits → 批复; the project then enters the budget', async () => {
    const project = await t.make.project({ unit: school, status: 'library' })
    const unit = await t.as(unitUser)
    const dept = await t.as(deptUser)
    const finance = await t.as(reviewer)

    const created = await unit.post('/api/goals', goalBody(project.id))
    expect(created.statusCode).toBe(201)
    let goal = created.json()
    expect(goal).toMatchObject({ status: 'draft', revision: 1, kind: 'project', unitCode: school.code, departmentCode: edu.code, quality: [] })
    expect(goal.indicators).toHaveLength(5)

    const gateBefore = await finance.post(`/api/projects/${project.id}/status`, { status: 'budgeted', version: project.version })
    expect(gateBefore.statusCode).toBe(422)
    expect(gateBefore.json().error).toMatchObject({ code: 'GATE_BLOCKED', message: '项目绩效目标尚未批复，不能纳入预算（先有目标，后有预算）' })

    goal = (await unit.post(`/api/goals/${goal.id}/submit`, { version: goal.version })).json()
    expect(goal.status).toBe('submitted')
    expect((await dept.get('/api/goals?todo=true')).json().items.map((g: { id: string }) => g.id)).toContain(goal.id)

    const noOpinion = await dept.post(`/api/goals/${goal.id}/return`, { version: goal.version })
    expect(noOpinion.statusCode).toBe(400)
    goal = (await dept.post(`/api/goals/${goal.id}/return`, { version: goal.version, opinion: '培训合格率目标偏低，请参照往年提高' })).json()
    expect(goal).toMatchObject({ status: 'returned', reviewRound: 2 })

    const detail = (await unit.get(`/api/goals/${goal.id}`)).json()
    expect(detail.opinions.at(-1)).toMatchObject({ round: 1, stage: 'dept', action: 'return', opinion: '培训合格率目标偏低，请参照往年提高' })

    const fixed = goodGoalIndicators().map((i) => (i.name === '培训合格率' ? { ...i, target: '98' } : i))
    goal = (await unit.put(`/api/goals/${goal.id}`, { ...goalBody(project.id), kind: undefined, projectId: undefined, fiscalYear: undefined, indicators: fixed, version: goal.version })).json()
    goal = (await unit.post(`/api/goals/${goal.id}/submit`, { version: goal.version })).json()
    goal = (await dept.post(`/api/goals/${goal.id}/dept-approve`, { version: goal.version, opinion: '同意' })).json()
    expect(goal.status).toBe('dept_approved')

    const graded = await finance.post(`/api/goals/${goal.id}/review`, {
      version: goal.version,
      grade: '良',
      dimensions: { completeness: '指标完整', relevance: '与职能相关', appropriateness: '资金与产出匹配', feasibility: '可行' },
      opinion: '经协商将满意度目标提高到92%',
    })
    expect(graded.statusCode).toBe(200)
    goal = graded.json()
    // 良 = 修改完善后: the goal goes back to the unit for the agreed edits, not straight to 批复.
    expect(goal).toMatchObject({ status: 'returned', financeGrade: '良', reviewRound: 3 })
    const tooEarly = await finance.post(`/api/goals/${goal.id}/approve`, { version: goal.version })
    expect(tooEarly.statusCode).toBe(409)
    expect(tooEarly.json().error).toMatchObject({ code: 'INVALID_TRANSITION' })

    const agreed = fixed.map((i) => (i.name === '参训人员满意度' ? { ...i, target: '92' } : i))
    goal = (await unit.put(`/api/goals/${goal.id}`, { ...goalBody(project.id), kind: undefined, projectId: undefined, fiscalYear: undefined, indicators: agreed, version: goal.version })).json()
    goal = (await unit.post(`/api/goals/${goal.id}/submit`, { version: goal.version })).json()
    // Back with finance for 批复 under the same grade: no new 初审 (that is 中's normal procedure).
    expect(goal).toMatchObject({ status: 'dept_approved', financeGrade: '良' })

    goal = (await finance.post(`/api/goals/${goal.id}/approve`, { version: goal.version })).json()
    expect(goal).toMatchObject({ status: 'approved' })
    expect(goal.inForceFrom).not.toBeNull()

    const rounds = (await unit.get(`/api/goals/${goal.id}`)).json().opinions
    expect(rounds.map((o: { round: number; action: string }) => `${o.round}:${o.action}`)).toEqual(['1:submit', '1:return', '2:submit', '2:dept_approve', '2:review', '3:submit', '3:approve'])
    expect(rounds[4].dimensions).toMatchObject({ completeness: '指标完整', feasibility: '可行' })

    const budgeted = await finance.post(`/api/projects/${project.id}/status`, { status: 'budgeted', version: project.version })
    expect(budgeted.statusCode).toBe(200)
    expect(budgeted.json().status).toBe('budgeted')

    const audit = await t.db.selectFrom('auditLog').select('action').where('entityId', '=', goal.id).orderBy('seq').execute()
    expect(audit.map((a) => a.action)).toEqual(['goal.create', 'goal.submit', 'goal.return', 'goal.update', 'goal.submit', 'goal.dept_approve', 'goal.review', 'goal.update', 'goal.submit', 'goal.approve'])
  })

  test('a goal graded 差 goes back and blocks the budget gate, naming the grade', async () => {
    const { project, goal } = await submittedGoal()
    const dept = await t.as(deptUser)
    const finance = await t.as(reviewer)
    const passed = (await dept.post(`/api/goals/${goal.id}/dept-approve`, { version: goal.version })).json()
    const graded = (await finance.post(`/api/goals/${goal.id}/review`, { version: passed.version, grade: '差', opinion: '目标与项目内容不符' })).json()
    expect(graded).toMatchObject({ status: 'returned', financeGrade: '差' })
    const gate = await finance.post(`/api/projects/${project.id}/status`, { status: 'budgeted', version: project.version })
    expect(gate.statusCode).toBe(422)
    expect(gate.json().error.message).toBe('项目绩效目标复审等级为“差”，不得进入预算安排')
  })

  test('中 sends the goal back for revision and re-review; it cannot be approved as it stands', async () => {
    const { goal } = await submittedGoal()
    const passed = (await (await t.as(deptUser)).post(`/api/goals/${goal.id}/dept-approve`, { version: goal.version })).json()
    const finance = await t.as(reviewer)
    const graded = (await finance.post(`/api/goals/${passed.id}/review`, { version: passed.version, grade: '中', opinion: '补充效益指标' })).json()
    expect(graded).toMatchObject({ status: 'returned', financeGrade: '中', reviewRound: 2 })
    const approve = await finance.post(`/api/goals/${goal.id}/approve`, { version: graded.version })
    expect(approve.statusCode).toBe(409)
    expect(approve.json().error.code).toBe('INVALID_TRANSITION')
  })

  test('finance cannot approve before grading', async () => {
    const { goal } = await submittedGoal()
    const passed = (await (await t.as(deptUser)).post(`/api/goals/${goal.id}/dept-approve`, { version: goal.version })).json()
    const res = await (await t.as(reviewer)).post(`/api/goals/${goal.id}/approve`, { version: passed.version })
    expect(res.statusCode).toBe(422)
    expect(res.json().error).toMatchObject({ code: 'GATE_BLOCKED', message: '请先完成财政复审并评定等级，再批复' })
  })

  test('a submit with blocking findings is refused with the findings; the draft keeps them for the unit', async () => {
    const project = await t.make.project({ unit: school })
    const unit = await t.as(unitUser)
    const onlyOutputs = goodGoalIndicators().filter((i) => i.level1 === '产出指标')
    const draft = (await unit.post('/api/goals', goalBody(project.id, { indicators: onlyOutputs }))).json()
    expect(draft.quality.map((f: { code: string }) => f.code)).toContain('REQUIRED_LEVEL1_MISSING')
    const res = await unit.post(`/api/goals/${draft.id}/submit`, { version: draft.version })
    expect(res.statusCode).toBe(422)
    expect(res.json().error.code).toBe('GOAL_QUALITY')
    expect(res.json().error.details[0]).toMatchObject({ code: 'REQUIRED_LEVEL1_MISSING', severity: 'error', path: 'indicators' })
    expect((await unit.get(`/api/goals/${draft.id}`)).json().status).toBe('draft')
  })

  test('two reviewers act on the same goal at once: one wins, the other gets 409', async () => {
    const { goal } = await submittedGoal()
    const passed = (await (await t.as(deptUser)).post(`/api/goals/${goal.id}/dept-approve`, { version: goal.version })).json()
    const [a, b] = await Promise.all([
      (await t.as(reviewer)).post(`/api/goals/${goal.id}/review`, { version: passed.version, grade: '优' }),
      (await t.as(secondReviewer)).post(`/api/goals/${goal.id}/return`, { version: passed.version, opinion: '请补充测算依据' }),
    ])
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409])
    const loser = a.statusCode === 409 ? a : b
    expect(loser.json().error.code).toBe('VERSION_CONFLICT')
    const opinions = (await (await t.as(reviewer)).get(`/api/goals/${goal.id}`)).json().opinions
    expect(opinions.filter((o: { stage: string }) => o.stage === 'finance')).toHaveLength(1)
  })

  test('the department cannot do finance’s review, and a unit cannot approve its own goal', async () => {
    const { goal } = await submittedGoal()
    expect((await (await t.as(unitUser)).post(`/api/goals/${goal.id}/dept-approve`, { version: goal.version })).statusCode).toBe(403)
    const passed = (await (await t.as(deptUser)).post(`/api/goals/${goal.id}/dept-approve`, { version: goal.version })).json()
    expect((await (await t.as(deptUser)).post(`/api/goals/${goal.id}/review`, { version: passed.version, grade: '优' })).statusCode).toBe(403)
    expect((await (await t.as(deptUser)).post(`/api/goals/${goal.id}/return`, { version: passed.version, opinion: '部门想再看看' })).statusCode).toBe(403)
  })

  test('batch 初审: each goal moves on its own; a stale one is reported, the others pass', async () => {
    const first = await submittedGoal()
    const second = await submittedGoal()
    const res = await (await t.as(deptUser)).post('/api/goals/batch', {
      action: 'dept_approve',
      items: [{ id: first.goal.id, version: first.goal.version }, { id: second.goal.id, version: second.goal.version - 1 }],
    })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ succeeded: 1, failed: 1 })
    expect(res.json().results[1]).toMatchObject({ ok: false, code: 'VERSION_CONFLICT' })
  })
})

describe('department and policy goals', () => {
  test('a department compiles its overall goal; submitting sends it straight to finance, the unit never sees it', async () => {
    const dept = await t.as(deptUser)
    const created = await dept.post('/api/goals', { kind: 'department', fiscalYear: 2026, name: '教育局2026年部门整体支出绩效目标', overallTarget: '完成培训500人次，参训人员满意度不低于90%。', indicators: goodGoalIndicators() })
    expect(created.statusCode).toBe(201)
    expect(created.json()).toMatchObject({ kind: 'department', departmentCode: edu.code, unitCode: null, projectId: null })
    const again = await dept.post('/api/goals', { kind: 'department', fiscalYear: 2026, name: '重复的部门整体目标', indicators: goodGoalIndicators() })
    expect(again.statusCode).toBe(409)
    const submitted = (await dept.post(`/api/goals/${created.json().id}/submit`, { version: created.json().version })).json()
    expect(submitted.status).toBe('dept_approved')
    expect((await (await t.as(unitUser)).get(`/api/goals/${submitted.id}`)).statusCode).toBe(404)
    expect((await (await t.as(reviewer)).get('/api/goals?todo=true&kind=department')).json().items.map((g: { id: string }) => g.id)).toContain(submitted.id)
  })

  test('a unit compiles a policy goal of its own; a unit cannot compile a department goal', async () => {
    const unit = await t.as(unitUser)
    const policy = await unit.post('/api/goals', { kind: 'policy', fiscalYear: 2026, unitCode: school.code, name: '课后服务补助政策绩效目标', overallTarget: '完成培训500人次，参训人员满意度不低于90%。', annualTarget: '完成培训500人次。', indicators: goodGoalIndicators() })
    expect(policy.statusCode).toBe(201)
    expect(policy.json()).toMatchObject({ kind: 'policy', unitCode: school.code, departmentCode: edu.code })
    expect((await unit.post('/api/goals', { kind: 'department', fiscalYear: 2026, departmentCode: edu.code, name: '越权的部门目标' })).statusCode).toBe(404)
  })
})

describe('adjustment', () => {
  test('an approved goal is immutable; an adjustment is a new version reviewed again; the old one stays readable', async () => {
    const project = await t.make.project({ unit: school, status: 'library' })
    const original = await t.make.goal({ project, status: 'approved' })
    const unit = await t.as(unitUser)
    const before = (await unit.get(`/api/goals/${original.id}`)).json()

    const edit = await unit.put(`/api/goals/${original.id}`, { version: original.version, name: '直接改', indicators: goodGoalIndicators() })
    expect(edit.statusCode).toBe(409)
    expect(edit.json().error.code).toBe('NOT_EDITABLE')

    const changed = goodGoalIndicators().map((i) => (i.name === '培训人次' ? { ...i, target: '400' } : i))
    const adjust = await unit.post(`/api/goals/${original.id}/adjust`, { version: original.version, reason: '年中预算调减，培训规模相应调整', name: before.name, overallTarget: '完成培训400人次，参训人员满意度不低于90%。', annualTarget: '完成培训400人次，参训人员满意度不低于90%。', indicators: changed })
    expect(adjust.statusCode).toBe(201)
    let next = adjust.json()
    expect(next).toMatchObject({ lineageId: before.lineageId, revision: 2, status: 'draft', basedOnId: original.id, adjustmentReason: '年中预算调减，培训规模相应调整' })
    const again = await unit.post(`/api/goals/${original.id}/adjust`, { version: original.version, reason: '再调一次', name: before.name, indicators: changed })
    expect(again.statusCode).toBe(409)
    expect(again.json().error).toMatchObject({ code: 'ADJUSTMENT_UNDER_WAY', details: { pendingId: next.id } })

    const atApproval = t.clock.now()
    t.clock.advanceMinutes(5)
    next = (await unit.post(`/api/goals/${next.id}/submit`, { version: next.version })).json()
    next = (await (await t.as(deptUser)).post(`/api/goals/${next.id}/dept-approve`, { version: next.version })).json()
    const finance = await t.as(reviewer)
    next = (await finance.post(`/api/goals/${next.id}/review`, { version: next.version, grade: '优' })).json()
    next = (await finance.post(`/api/goals/${next.id}/approve`, { version: next.version })).json()
    expect(next.status).toBe('approved')

    const old = (await unit.get(`/api/goals/${original.id}`)).json()
    expect(old.status).toBe('superseded')
    expect(old.inForceTo).not.toBeNull()
    expect(old.indicators).toEqual(before.indicators)
    expect(old.versions.map((v: { revision: number }) => v.revision)).toEqual([2, 1])

    const thenInForce = (await unit.get(`/api/goals/in-force?projectId=${project.id}&at=${encodeURIComponent(atApproval.toISOString())}`)).json().goal
    expect(thenInForce.id).toBe(original.id)
    const nowInForce = (await unit.get(`/api/goals/in-force?projectId=${project.id}`)).json().goal
    expect(nowInForce.id).toBe(next.id)
    expect(nowInForce.indicators.find((i: { name: string }) => i.name === '培训人次').target).toBe('400')
  })
})

describe('scope', () => {
  test('a unit cannot read or act on another unit’s goals; a department only on its units’', async () => {
    const { goal } = await submittedGoal()
    const other = await t.as(otherUnitUser)
    expect((await other.get(`/api/goals/${goal.id}`)).statusCode).toBe(404)
    expect((await other.post(`/api/goals/${goal.id}/withdraw`, { version: goal.version })).statusCode).toBe(404)
    expect((await other.get('/api/goals')).json().items.map((g: { id: string }) => g.id)).not.toContain(goal.id)
    const foreignDept = await t.as(healthDeptUser)
    expect((await foreignDept.get(`/api/goals/${goal.id}`)).statusCode).toBe(404)
    expect((await foreignDept.post(`/api/goals/${goal.id}/dept-approve`, { version: goal.version })).statusCode).toBe(404)
    expect((await (await t.as(deptUser)).get(`/api/goals/${goal.id}`)).statusCode).toBe(200)
    const hospitalProject = await t.make.project({ unit: hospital })
    expect((await (await t.as(unitUser)).post('/api/goals', goalBody(hospitalProject.id))).statusCode).toBe(404)
  })
})

describe('peers and experts', () => {
  test('peer targets give the median and range of approved goals using the same library indicator', async () => {
    const lib = await t.make.indicator({ owner: city, name: '培训合格率', unit: '%' })
    for (const target of ['90', '95', '98']) {
      const project = await t.make.project({ unit: otherSchool, status: 'library' })
      const indicators = goodGoalIndicators().map((i) => (i.name === '培训合格率' ? { ...i, target } : i))
      const g = await t.make.goal({ project, status: 'approved', indicators })
      await t.db.updateTable('goalIndicator').set({ indicatorId: lib.id, indicatorCode: lib.code, targetNumber: target, targetBaseUnit: '%' }).where('goalId', '=', g.id).where('name', '=', '培训合格率').execute()
    }
    const res = await (await t.as(unitUser)).get(`/api/goals/peer-targets?codes=${lib.code}&fiscalYear=2026`)
    expect(res.json().items).toEqual([{ indicatorCode: lib.code, count: 3, unit: '%', median: '95', min: '90', max: '98' }])

    const project = await t.make.project({ unit: school })
    const low = goodGoalIndicators().map((i) => (i.name === '培训合格率' ? { ...i, indicatorId: lib.id, target: '60' } : i))
    const draft = (await (await t.as(unitUser)).post('/api/goals', goalBody(project.id, { indicators: low }))).json()
    expect(draft.quality.map((f: { code: string }) => f.code)).toContain('IMPLAUSIBLE_TARGET')
    expect(draft.indicators[1]).toMatchObject({ indicatorId: lib.id, indicatorCode: lib.code, indicatorRevision: 1 })
  })

  test('finance assigns experts; each scores once; finance sees them side by side, the unit does not', async () => {
    const { goal } = await submittedGoal()
    const passed = (await (await t.as(deptUser)).post(`/api/goals/${goal.id}/dept-approve`, { version: goal.version })).json()
    const expertA = await t.make.user({ role: 'expert', org: district })
    const expertB = await t.make.user({ role: 'expert', org: district })
    const assigned = await (await t.as(financeAdmin)).post(`/api/goals/${goal.id}/experts`, { version: passed.version, expertIds: [expertA.id, expertB.id] })
    expect(assigned.statusCode).toBe(200)
    const a = await t.as(expertA)
    expect((await a.get('/api/goals?todo=true')).json().items.map((g: { id: string }) => g.id)).toEqual([goal.id])
    expect((await a.post(`/api/goals/${goal.id}/expert-review`, { score: '88', grade: '良', opinion: '指标较完整，时效指标可细化' })).statusCode).toBe(200)
    expect((await a.post(`/api/goals/${goal.id}/expert-review`, { score: '90', grade: '优', opinion: '再评一次' })).statusCode).toBe(409)
    await (await t.as(expertB)).post(`/api/goals/${goal.id}/expert-review`, { score: '92', grade: '优', opinion: '目标明确' })
    const seen = (await (await t.as(reviewer)).get(`/api/goals/${goal.id}`)).json().expertReviews
    expect(seen.map((r: { score: string; grade: string }) => `${r.grade}${Number(r.score)}`).sort()).toEqual(['优92', '良88'])
    expect((await (await t.as(unitUser)).get(`/api/goals/${goal.id}`)).json().expertReviews).toEqual([])
    const outsider = await t.make.user({ role: 'expert', org: district })
    expect((await (await t.as(outsider)).get(`/api/goals/${goal.id}`)).statusCode).toBe(404)
  })
})
