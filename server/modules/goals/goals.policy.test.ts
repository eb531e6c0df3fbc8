import { describe, expect, test } from 'vitest'
import type { OrgNode } from '../../db/schema.ts'
import { createTestContext } from '../../test/context.ts'

/**
 * Who acts on a goal, and the refusals with their exact codes: the district's own bureau reviews and approves
 * (the city supervises), the department approves 二级 project goals where the rule set says so, 良 only after
 * the agreed edits, experts from the goal's own pool, one adjustment at a time.
 */
const t = await createTestContext()
const city = await t.make.jurisdiction()
const district = await t.make.jurisdiction({ parent: city })
const sibling = await t.make.jurisdiction({ parent: city })
const elsewhere = await t.make.jurisdiction()
const edu = await t.make.department({ jurisdiction: district, name: '教育局' })
const school = await t.make.unit({ department: edu, name: '第一中学' })

const unitUser = await t.make.user({ role: 'unit_user', org: school })
const deptUser = await t.make.user({ role: 'dept_user', org: edu })
const reviewer = await t.make.user({ role: 'finance_reviewer', org: district })
const cityReviewer = await t.make.user({ role: 'finance_reviewer', org: city })

type Status = 'draft' | 'submitted' | 'dept_approved' | 'returned' | 'approved'
/** A goal of a fresh project of the school (small unless `amount` says otherwise). */
async function goalOf(status: Status, options: { financeGrade?: '优' | '良' | '中' | '差'; amount?: string; unit?: OrgNode } = {}) {
  const project = await t.make.project({ unit: options.unit ?? school, status: 'library', amountGeneral: options.amount ?? '500000.00' })
  const goal = await t.make.goal({ project, status, financeGrade: options.financeGrade ?? null })
  return { project, goal }
}
const errorOf = (res: { json(): { error: unknown } }) => res.json().error as { code: string; message: string; details: unknown }
const ids = (res: { json(): { items: { id: string }[] } }) => res.json().items.map((g) => g.id)

describe('the city supervises its districts’ goals read-only (issue 10 point 12)', () => {
  test('it reads the goal, but 复审, 批复, 退回 and expert assignment are the district bureau’s', async () => {
    const { goal } = await goalOf('dept_approved')
    const c = await t.as(cityReviewer)
    expect((await c.get(`/api/goals/${goal.id}`)).statusCode).toBe(200)
    const moves = [
      ['review', { grade: '优', dimensions: {}, opinion: '' }],
      ['approve', {}],
      ['return', { opinion: '请补充' }],
      ['experts', { expertIds: [cityReviewer.id] }],
    ] as const
    for (const [path, body] of moves) {
      const res = await c.post(`/api/goals/${goal.id}/${path}`, { version: goal.version, ...body })
      expect(res.statusCode, path).toBe(403)
      expect(errorOf(res), path).toMatchObject({ code: 'SUPERVISION_ONLY' })
    }
    const graded = await (await t.as(reviewer)).post(`/api/goals/${goal.id}/review`, { version: goal.version, grade: '优', dimensions: {}, opinion: '' })
    expect(graded.json()).toMatchObject({ status: 'dept_approved', financeGrade: '优' })
  })

  test('the city’s 待办 holds only its own jurisdiction’s goals; the district’s holds its own', async () => {
    const { goal } = await goalOf('dept_approved')
    const cityEdu = await t.make.department({ jurisdiction: city })
    const cityUnit = await t.make.unit({ department: cityEdu })
    const own = await goalOf('dept_approved', { unit: cityUnit })
    const cityTodo = ids(await (await t.as(cityReviewer)).get('/api/goals?todo=true&pageSize=100'))
    expect(cityTodo).toContain(own.goal.id)
    expect(cityTodo).not.toContain(goal.id)
    expect(ids(await (await t.as(cityReviewer)).get('/api/goals?pageSize=100'))).toContain(goal.id)
    const districtTodo = ids(await (await t.as(reviewer)).get('/api/goals?todo=true&pageSize=100'))
    expect(districtTodo).toContain(goal.id)
    expect(districtTodo).not.toContain(own.goal.id)
  })
})

describe('the department approves its units’ 二级 project goals (REFERENCE §4.4, rule-set option)', () => {
  test('its 批复 at 初审 is final: the goal is in force and the district budgets the project', async () => {
    const { project, goal } = await goalOf('submitted')
    expect((await (await t.as(deptUser)).get(`/api/goals/${goal.id}`)).json().approver).toBe('department')
    const approved = await (await t.as(deptUser)).post(`/api/goals/${goal.id}/approve`, { version: goal.version, opinion: '同意' })
    expect(approved.statusCode).toBe(200)
    expect(approved.json()).toMatchObject({ status: 'approved', financeGrade: null })
    const opinions = (await (await t.as(unitUser)).get(`/api/goals/${goal.id}`)).json().opinions
    expect(opinions.at(-1)).toMatchObject({ stage: 'dept', action: 'approve', opinion: '同意' })
    const budgeted = await (await t.as(reviewer)).post(`/api/projects/${project.id}/status`, { status: 'budgeted', version: project.version })
    expect(budgeted.json().status).toBe('budgeted')
  })

  test('a major project’s goal is finance’s: the department may only pass it on', async () => {
    const { goal } = await goalOf('submitted', { amount: '10000000.00' })
    expect((await (await t.as(deptUser)).get(`/api/goals/${goal.id}`)).json().approver).toBe('finance')
    const res = await (await t.as(deptUser)).post(`/api/goals/${goal.id}/approve`, { version: goal.version })
    expect(res.statusCode).toBe(403)
    expect(errorOf(res)).toMatchObject({ code: 'FORBIDDEN', message: '该绩效目标由财政部门复审、批复：请初审通过后报送财政', details: { approver: 'finance' } })
  })

  test('a jurisdiction that turns the option off keeps every 批复 with finance', async () => {
    const other = await t.make.jurisdiction({ parent: city })
    await t.db.insertInto('ruleSet').values({ jurisdictionCode: other.code, fiscalYear: 2026, revision: 1, overrides: JSON.stringify({ goalApproval: { departmentApprovesLevel2ProjectGoals: false } }), note: '本区目标均由财政批复', isCurrent: true }).execute()
    const dept = await t.make.department({ jurisdiction: other })
    const unit = await t.make.unit({ department: dept })
    const { goal } = await goalOf('submitted', { unit })
    const res = await (await t.as(await t.make.user({ role: 'dept_user', org: dept }))).post(`/api/goals/${goal.id}/approve`, { version: goal.version })
    expect(errorOf(res)).toMatchObject({ code: 'FORBIDDEN', details: { approver: 'finance' } })
  })

  test('finance cannot approve a goal still at 初审', async () => {
    const { goal } = await goalOf('submitted')
    const res = await (await t.as(reviewer)).post(`/api/goals/${goal.id}/approve`, { version: goal.version })
    expect(res.statusCode).toBe(403)
    expect(errorOf(res).code).toBe('FORBIDDEN')
  })
})

describe('良 = 修改完善后 (88号, REFERENCE §4.4)', () => {
  test('a goal graded 良 and not submitted again since is refused 批复, naming the edits', async () => {
    const { goal } = await goalOf('dept_approved', { financeGrade: '良' })
    await t.db.insertInto('goalOpinion').values({ goalId: goal.id, round: 1, stage: 'finance', action: 'review', grade: '良', opinion: '满意度目标提高到92%' }).execute()
    const res = await (await t.as(reviewer)).post(`/api/goals/${goal.id}/approve`, { version: goal.version })
    expect(res.statusCode).toBe(422)
    expect(errorOf(res)).toMatchObject({ code: 'GATE_BLOCKED', message: '复审等级为“良”：须由单位按复审意见修改完善并重新提交后方可批复', details: { gate: 'edits', financeGrade: '良' } })
  })

  test('中 sends the resubmitted goal through 初审 again; 良 straight back to finance', async () => {
    for (const [grade, next] of [['中', 'submitted'], ['良', 'dept_approved']] as const) {
      const { goal } = await goalOf('dept_approved')
      const graded = (await (await t.as(reviewer)).post(`/api/goals/${goal.id}/review`, { version: goal.version, grade, dimensions: {}, opinion: '按意见修改' })).json()
      expect(graded.status, grade).toBe('returned')
      const resubmitted = (await (await t.as(unitUser)).post(`/api/goals/${goal.id}/submit`, { version: graded.version })).json()
      expect(resubmitted, grade).toMatchObject({ status: next, financeGrade: grade === '良' ? '良' : null })
    }
  })
})

describe('refusals with their exact codes', () => {
  test('a move the status does not allow is 409 INVALID_TRANSITION', async () => {
    const { goal } = await goalOf('draft')
    const res = await (await t.as(reviewer)).post(`/api/goals/${goal.id}/publish`, { version: goal.version })
    expect(res.statusCode).toBe(409)
    expect(errorOf(res)).toMatchObject({ code: 'INVALID_TRANSITION', details: { from: 'draft', action: 'publish' } })
  })

  test('a second adjustment while one is under way is 409 ADJUSTMENT_UNDER_WAY naming the pending version', async () => {
    const { goal } = await goalOf('approved', { financeGrade: '优' })
    const c = await t.as(unitUser)
    const detail = (await c.get(`/api/goals/${goal.id}`)).json()
    const body = { version: goal.version, reason: '年中预算调整', name: detail.name, indicators: detail.indicators.map(({ id: _i, indicatorCode: _c, indicatorRevision: _r, ...i }: Record<string, unknown>) => i) }
    const first = await c.post(`/api/goals/${goal.id}/adjust`, body)
    expect(first.statusCode).toBe(201)
    const second = await c.post(`/api/goals/${goal.id}/adjust`, { ...body, reason: '再调一次' })
    expect(second.statusCode).toBe(409)
    expect(errorOf(second)).toMatchObject({ code: 'ADJUSTMENT_UNDER_WAY', message: '该目标已有一个调整申请在办理中', details: { pendingId: first.json().id } })
  })
})

describe('experts come from the goal’s own pool (its jurisdiction and those above it)', () => {
  test('the city’s expert may be assigned; a sibling district’s or another city’s may not', async () => {
    const cityExpert = await t.make.user({ role: 'expert', org: city })
    const siblingExpert = await t.make.user({ role: 'expert', org: sibling })
    const farExpert = await t.make.user({ role: 'expert', org: elsewhere })
    const c = await t.as(reviewer)
    for (const outsider of [siblingExpert, farExpert]) {
      const { goal } = await goalOf('dept_approved')
      const res = await c.post(`/api/goals/${goal.id}/experts`, { version: goal.version, expertIds: [outsider.id] })
      expect(res.statusCode).toBe(404)
      expect(errorOf(res)).toMatchObject({ code: 'NOT_FOUND', message: '所选专家不存在或不属于本级或上级专家库', details: [{ path: 'expertIds', message: outsider.id }] })
    }
    const { goal } = await goalOf('dept_approved')
    const ok = await c.post(`/api/goals/${goal.id}/experts`, { version: goal.version, expertIds: [cityExpert.id] })
    expect(ok.statusCode).toBe(200)
    expect(ok.json().expertReviews.map((r: { expertId: string }) => r.expertId)).toEqual([cityExpert.id])
  })
})
