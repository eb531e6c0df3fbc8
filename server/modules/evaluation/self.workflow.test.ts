import { describe, expect, test } from 'vitest'
import { createTestContext } from '../../test/context.ts'
import { evaluatedProject, formOfProject, openedSelfRound, pay } from '../../test/factories.self-evaluation.ts'

const t = await createTestContext()
const district = await t.make.jurisdiction({ name: '自评区' })
const edu = await t.make.department({ jurisdiction: district, name: '教育局' })
const school = await t.make.unit({ department: edu, name: '第一中学' })
const otherSchool = await t.make.unit({ department: edu, name: '第二中学' })

const unitUser = await t.as(await t.make.user({ role: 'unit_user', org: school }))
const otherUnitUser = await t.as(await t.make.user({ role: 'unit_user', org: otherSchool }))
const deptUser = await t.as(await t.make.user({ role: 'dept_user', org: edu }))
const deptUser2 = await t.as(await t.make.user({ role: 'dept_user', org: edu }))
const financeAdmin = await t.as(await t.make.user({ role: 'finance_admin', org: district }))

const projects: Awaited<ReturnType<typeof evaluatedProject>>[] = []
for (let i = 0; i < 8; i++) projects.push(await evaluatedProject(t, school))
const otherProject = await evaluatedProject(t, otherSchool)
for (const p of projects) await pay(t, p, '950000.00')
const round = await openedSelfRound(t, { jurisdiction: district })
const formIds = await Promise.all(projects.map(async (p) => (await formOfProject(t, p.id)).id))

const url = (id: string, tail = '') => `/api/evaluation/self/${id}${tail}`
const read = async (id: string) => (await unitUser.get(url(id))).json()
const errorOf = (res: { json(): any }) => res.json().error
/** Every indicator at its target: full marks. */
const fullActuals = (view: any) => view.indicators.map((i: { id: string; nature: string; name: string }) => ({ id: i.id, actual: i.nature === 'qualitative' ? '达成年度指标' : i.name === '培训人次' ? '500' : '96' }))
async function filled(id: string) {
  const view = await read(id)
  const res = await unitUser.put(url(id), { version: view.version, indicators: fullActuals(view), overallActual: '完成培训 500 人次', problems: '无', measures: '继续保持' })
  expect(res.statusCode).toBe(200)
  return res.json()
}

describe('the 自评表: pre-filled, scored by the rule set, filled by the unit', () => {
  test('the list carries id, projectId, status, total and grade; filters by status and unit', async () => {
    const res = await unitUser.get(`/api/evaluation/self?fiscalYear=2026&roundId=${round.id}&pageSize=50`)
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body.total).toBe(8)
    expect(body.items[0]).toMatchObject({ id: expect.any(String), projectId: expect.any(String), status: 'draft', total: null, grade: null, unitCode: school.code })
    expect((await deptUser.get(`/api/evaluation/self?unitCode=${otherSchool.code}`)).json().total).toBe(1)
  })

  test('detail: funds with the execution rate, weight and score; indicators with weights adding up to 100', async () => {
    const view = await read(formIds[0]!)
    expect(view.funds).toMatchObject({ budget: '1000000.00', executed: '950000.00', executionRate: '95.00', weight: '10.00', score: '9.50' })
    expect(view.indicators).toHaveLength(5)
    const sum = view.indicators.reduce((s: number, i: { weight: string }) => s + Number(i.weight), Number(view.funds.weight))
    expect(sum.toFixed(2)).toBe('100.00')
    expect(view.indicators[0]).toMatchObject({ name: '培训人次', proposedScore: null, score: null, overrideReason: null })
    expect(view.overallTarget).toContain('完成培训500人次')
  })

  test('filling scores every indicator with its formula; total and grade are stored', async () => {
    const view = await filled(formIds[0]!)
    expect(view.indicators[0]).toMatchObject({ proposedScore: view.indicators[0].weight, score: view.indicators[0].weight, overridden: false })
    expect(view.indicators[0].explanation.formula).toBeTruthy()
    expect(view.total).toBe('99.50')
    expect(view.grade).toBe('优')
    expect(view.totalExplanation.formula).toContain('9.50')
    const listed = (await unitUser.get(`/api/evaluation/self?grade=优&roundId=${round.id}`)).json()
    expect(listed.items.map((i: { id: string }) => i.id)).toContain(formIds[0])
  })

  test('an under-achieved indicator without a reason blocks the submit (422 naming the field); with one it goes', async () => {
    const view = await read(formIds[1]!)
    const actuals = fullActuals(view)
    actuals[1].actual = '70'
    const saved = (await unitUser.put(url(formIds[1]!), { version: view.version, indicators: actuals })).json()
    expect(saved.indicators[1].deviationReasonRequired).toBe(true)
    const refused = await unitUser.post(url(formIds[1]!, '/submit'), { version: saved.version })
    expect(refused.statusCode).toBe(422)
    expect(errorOf(refused).details.map((d: { path: string }) => d.path)).toContain('indicators.1.deviationReason')
    const fixed = (await unitUser.put(url(formIds[1]!), { version: saved.version, indicators: [{ id: saved.indicators[1].id, deviationReason: '部分学员未按期参训' }] })).json()
    const ok = await unitUser.post(url(formIds[1]!, '/submit'), { version: fixed.version })
    expect(ok.statusCode).toBe(200)
    expect(ok.json().status).toBe('submitted')
  })

  test('submitting with an empty actual is 422 naming it', async () => {
    const view = await read(formIds[2]!)
    const res = await unitUser.post(url(formIds[2]!, '/submit'), { version: view.version })
    expect(res.statusCode).toBe(422)
    expect(errorOf(res).details.map((d: { path: string }) => d.path)).toContain('indicators.0.actual')
  })

  test('an override outside its bound is 422 naming the bound; inside with a reason it is kept beside the proposal', async () => {
    const view = await filled(formIds[3]!)
    const first = view.indicators[0]
    const above = await unitUser.put(url(formIds[3]!), { version: view.version, indicators: [{ id: first.id, score: '99', overrideReason: '多' }] })
    expect(above.statusCode).toBe(422)
    expect(errorOf(above).details[0].path).toBe('indicators.0.score')
    expect(errorOf(above).message).toContain(`[0.00, ${first.proposedScore}]`)
    const kept = await unitUser.put(url(formIds[3]!), { version: view.version, indicators: [{ id: first.id, score: '10.00', overrideReason: '目标设定偏低，酌情扣分', deviationReason: '目标偏低' }] })
    expect(kept.statusCode).toBe(200)
    expect(kept.json().indicators[0]).toMatchObject({ proposedScore: first.proposedScore, score: '10.00', overridden: true, overrideReason: '目标设定偏低，酌情扣分' })
    const noReason = await unitUser.put(url(formIds[3]!), { version: kept.json().version, indicators: [{ id: first.id, overrideReason: null }] })
    const blocked = await unitUser.post(url(formIds[3]!, '/submit'), { version: noReason.json().version })
    expect(errorOf(blocked).details.map((d: { path: string }) => d.path)).toContain('indicators.0.overrideReason')
  })
})

describe('workflow: unit submits → department → finance; stale versions and scope', () => {
  test('submit, department accepts, finance accepts; opinions recorded; audited', async () => {
    const view = await filled(formIds[4]!)
    const submitted = (await unitUser.post(url(formIds[4]!, '/submit'), { version: view.version })).json()
    expect(submitted.status).toBe('submitted')
    expect((await unitUser.put(url(formIds[4]!), { version: submitted.version, problems: '改' })).statusCode).toBe(409)
    const deptAccepted = await deptUser.post(url(formIds[4]!, '/accept'), { version: submitted.version, opinion: '同意' })
    expect(deptAccepted.statusCode).toBe(200)
    expect(deptAccepted.json().status).toBe('dept_accepted')
    const accepted = await financeAdmin.post(url(formIds[4]!, '/accept'), { version: deptAccepted.json().version })
    expect(accepted.json()).toMatchObject({ status: 'accepted', total: '99.50', grade: '优' })
    expect(accepted.json().opinions.map((o: { action: string }) => o.action)).toEqual(['submit', 'dept_accept', 'accept'])
    const audit = await t.db.selectFrom('auditLog').select('action').where('entityId', '=', formIds[4]!).execute()
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['evaluation.self_update', 'evaluation.self_submit', 'evaluation.self_dept_accept', 'evaluation.self_accept']))
  })

  test('the department returns with an opinion; the unit fills again', async () => {
    const view = await filled(formIds[5]!)
    const submitted = (await unitUser.post(url(formIds[5]!, '/submit'), { version: view.version })).json()
    expect((await deptUser.post(url(formIds[5]!, '/return'), { version: submitted.version })).statusCode).toBe(400)
    const returned = await deptUser.post(url(formIds[5]!, '/return'), { version: submitted.version, opinion: '请补充问题' })
    expect(returned.json().status).toBe('returned')
    expect((await unitUser.put(url(formIds[5]!), { version: returned.json().version, problems: '补充' })).statusCode).toBe(200)
  })

  test('racing reviewers: one accept wins, the other is 409', async () => {
    const view = await filled(formIds[6]!)
    const submitted = (await unitUser.post(url(formIds[6]!, '/submit'), { version: view.version })).json()
    const results = await Promise.all([deptUser.post(url(formIds[6]!, '/accept'), { version: submitted.version }), deptUser2.post(url(formIds[6]!, '/return'), { version: submitted.version, opinion: '退回' })])
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409])
  })

  test('another unit sees 404; finance cannot fill; a department reviews only submitted forms', async () => {
    expect((await otherUnitUser.get(url(formIds[0]!))).statusCode).toBe(404)
    expect((await otherUnitUser.put(url(formIds[0]!), { version: 1, problems: 'x' })).statusCode).toBe(404)
    expect((await otherUnitUser.post(url(formIds[0]!, '/submit'), { version: 1 })).statusCode).toBe(404)
    expect((await financeAdmin.put(url(formIds[7]!), { version: 1, problems: 'x' })).statusCode).toBe(403)
    expect((await deptUser.post(url(formIds[7]!, '/accept'), { version: 1 })).statusCode).toBe(409)
    const outsider = await t.as(await t.make.user({ role: 'finance_admin', org: await t.make.jurisdiction() }))
    expect((await outsider.get(url(formIds[0]!))).statusCode).toBe(404)
  })
})

describe('coverage (rule 38)', () => {
  test('per department: expected, submitted and the missing listed — a project without a form too', async () => {
    const late = await evaluatedProject(t, otherSchool)
    const res = await financeAdmin.get('/api/evaluation/self/coverage?fiscalYear=2026')
    expect(res.statusCode).toBe(200)
    const body = res.json()
    const dept = body.departments.find((d: { departmentCode: string }) => d.departmentCode === edu.code)
    // 10 projects: 8 of the school, one of the other school, one added after the round opened.
    expect(dept.expected).toBe(10)
    const submitted = (await t.db.selectFrom('selfEvalForm').select('id').where('roundId', '=', round.id).where('status', 'in', ['submitted', 'dept_accepted', 'accepted']).execute()).length
    expect(dept.submitted).toBe(submitted)
    expect(dept.grades.优).toBe(submitted)
    expect(body.grades).toEqual({ 优: submitted, 良: 0, 中: 0, 差: 0 })
    const missing = dept.missing.map((m: { projectId: string }) => m.projectId)
    expect(missing).toContain(late.id)
    expect(missing).toContain(otherProject.id)
    expect(dept.missing.find((m: { projectId: string }) => m.projectId === late.id)).toMatchObject({ formId: null, status: null })
    expect(missing).not.toContain(projects[4]!.id)
    expect((await otherUnitUser.get('/api/evaluation/self/coverage?fiscalYear=2026')).json().expected).toBe(2)
  })
})

describe('the deadline: units are locked out after it; finance extends a unit', () => {
  test('after the deadline a unit can neither save nor submit (409 naming it); an extension for its unit lets it fill again', async () => {
    const day = 86_400_000
    await t.db.updateTable('selfEvalRound').set({ deadline: new Date(t.clock.now().getTime() - day) }).where('id', '=', round.id).execute()
    try {
      const id = formIds[7]!
      const view = await read(id)
      expect(view).toMatchObject({ deadlinePassed: true, extensionUntil: null, can: { fill: false, submit: false } })
      const late = await unitUser.put(url(id), { version: view.version, problems: '逾期填写' })
      expect(late.statusCode).toBe(409)
      expect(errorOf(late)).toMatchObject({ code: 'SELF_EVAL_DEADLINE_PASSED', details: { extended: false } })
      expect(errorOf(await unitUser.post(url(id, '/submit'), { version: view.version })).code).toBe('SELF_EVAL_DEADLINE_PASSED')

      // Only the bureau extends, to a date after now and the deadline, naming a reason.
      const until = new Date(t.clock.now().getTime() + 7 * day).toISOString()
      expect((await deptUser.post(`/api/evaluation/self-rounds/${round.id}/extensions`, { until, orgCode: school.code, reason: '系统故障' })).statusCode).toBe(403)
      expect(errorOf(await financeAdmin.post(`/api/evaluation/self-rounds/${round.id}/extensions`, { until: new Date(t.clock.now().getTime() - 1000).toISOString(), orgCode: school.code, reason: '系统故障' })).code).toBe('RULE_VIOLATION')
      const extended = await financeAdmin.post(`/api/evaluation/self-rounds/${round.id}/extensions`, { until, orgCode: school.code, reason: '系统故障' })
      expect(extended.statusCode, extended.body).toBe(200)
      expect(extended.json().extended).toBeGreaterThanOrEqual(1)
      const reopened = await read(id)
      expect(reopened).toMatchObject({ deadlinePassed: false, extensionUntil: until, can: { fill: true } })
      expect((await unitUser.put(url(id), { version: reopened.version, problems: '延期后填写' })).statusCode).toBe(200)
      // The other school was not extended.
      const other = (await otherUnitUser.get(`/api/evaluation/self?roundId=${round.id}`)).json().items[0]
      expect(errorOf(await otherUnitUser.put(url(other.id), { version: other.version, problems: 'x' })).code).toBe('SELF_EVAL_DEADLINE_PASSED')
      const audit = await t.db.selectFrom('auditLog').select('after').where('action', '=', 'evaluation.self_extend').where('entityId', '=', round.id).executeTakeFirstOrThrow()
      expect(audit.after).toMatchObject({ orgCode: school.code, reason: '系统故障', until })
    } finally {
      await t.db.updateTable('selfEvalRound').set({ deadline: new Date(t.clock.now().getTime() + 60 * day) }).where('id', '=', round.id).execute()
    }
  })
})
