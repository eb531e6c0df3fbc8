import { describe, expect, test } from 'vitest'
import { createTestContext } from '../../test/context.ts'
import { MultipartBody } from '../../test/endpoints.ts'
import { makeAction, makeForm, makeRound } from '../../test/factories.monitoring-actions.ts'

const t = await createTestContext()
const city = await t.make.jurisdiction()
const district = await t.make.jurisdiction({ parent: city })
const edu = await t.make.department({ jurisdiction: district, name: '教育局' })
const school = await t.make.unit({ department: edu, name: '第一中学' })
const health = await t.make.department({ jurisdiction: district, name: '卫健局' })
const hospital = await t.make.unit({ department: health, name: '人民医院' })
const elsewhere = await t.make.jurisdiction()
const elsewhereUnit = await t.make.unit({ department: await t.make.department({ jurisdiction: elsewhere }) })

const finance = await t.make.user({ role: 'finance_admin', org: district })
const cityFinance = await t.make.user({ role: 'finance_admin', org: city })
const treasury = await t.make.user({ role: 'integration', org: district })
const otherTreasury = await t.make.user({ role: 'integration', org: elsewhere })
const eduUser = await t.make.user({ role: 'dept_user', org: edu })
const healthUser = await t.make.user({ role: 'dept_user', org: health })
const schoolUser = await t.make.user({ role: 'unit_user', org: school })

const round = await makeRound(t, district)

async function issue(as: typeof finance, body: Record<string, unknown>) {
  return (await t.as(as)).post('/api/monitoring/actions', body)
}

describe('a payment hold from a red form, end to end', () => {
  test('finance holds → the payment system reads it → the unit answers with a file → finance lifts it', async () => {
    const form = await makeForm(t, { round, unit: school })
    const res = await issue(finance, { kind: 'hold_payment', formId: form.id, title: '暂缓拨付项目资金', content: '执行率偏低且指标不可能完成，暂缓拨款。', amount: '300000.00' })
    expect(res.statusCode).toBe(201)
    const hold = res.json()
    expect(hold).toMatchObject({ kind: 'hold_payment', status: 'open', amount: '300000.00', projectId: form.projectId, roundId: round.id, formId: form.id, unitCode: school.code, issuerOrgCode: district.code, inForce: true, version: 1 })
    expect(hold.events.map((e: { event: string }) => e.event)).toEqual(['issue'])

    const holds = await (await t.as(treasury)).get('/api/execution/holds')
    expect(holds.statusCode).toBe(200)
    expect(holds.json().items).toContainEqual(expect.objectContaining({ id: hold.id, kind: 'hold_payment', amount: '300000.00', projectId: form.projectId }))
    expect((await (await t.as(finance)).get('/api/execution/holds')).json().items.map((h: { id: string }) => h.id)).toContain(hold.id)
    expect((await (await t.as(otherTreasury)).get('/api/execution/holds')).json().items).toEqual([])
    expect((await (await t.as(schoolUser)).get('/api/execution/holds')).statusCode).toBe(403)
    const onProject = await (await t.as(schoolUser)).get(`/api/monitoring/actions?projectId=${form.projectId}&inForce=true`)
    expect(onProject.json().items.map((a: { id: string }) => a.id)).toEqual([hold.id])

    const school1 = await t.as(schoolUser)
    const upload = await upload1(hold.id, school1.cookie!, new MultipartBody('整改方案.pdf', Buffer.from('%PDF-1.4 整改方案')))
    expect(upload.statusCode).toBe(201)
    const file = upload.json()
    const unknownFile = await school1.post(`/api/monitoring/actions/${hold.id}/respond`, { version: 1, response: '已制定整改方案', attachmentIds: [crypto.randomUUID()] })
    expect(unknownFile.statusCode).toBe(422)
    expect(unknownFile.json().error.details[0].path).toBe('attachmentIds.0')
    const answered = await school1.post(`/api/monitoring/actions/${hold.id}/respond`, { version: 1, response: '已制定整改方案，7月底前完成采购。', attachmentIds: [file.id] })
    expect(answered.statusCode).toBe(200)
    expect(answered.json()).toMatchObject({ status: 'responded', response: '已制定整改方案，7月底前完成采购。', version: 2, moves: [] })
    const download = await school1.get(`/api/monitoring/actions/${hold.id}/files/${file.id}/download`)
    expect(download.statusCode).toBe(200)
    expect(download.body).toContain('整改方案')

    const stale = await (await t.as(finance)).post(`/api/monitoring/actions/${hold.id}/lift`, { version: 1, note: '' })
    expect(stale.statusCode).toBe(409)
    expect((await (await t.as(cityFinance)).post(`/api/monitoring/actions/${hold.id}/lift`, { version: 2 })).json().error.code).toBe('SUPERVISION_ONLY')
    expect((await (await t.as(eduUser)).post(`/api/monitoring/actions/${hold.id}/lift`, { version: 2 })).statusCode).toBe(403)
    const lifted = await (await t.as(finance)).post(`/api/monitoring/actions/${hold.id}/lift`, { version: 2, note: '整改到位，恢复拨款' })
    expect(lifted.statusCode).toBe(200)
    expect(lifted.json()).toMatchObject({ status: 'closed', inForce: false, liftedAt: expect.any(String), closedAt: expect.any(String) })
    expect(lifted.json().events.map((e: { event: string; attachments: unknown[] }) => [e.event, e.attachments.length])).toEqual([['issue', 0], ['update', 1], ['respond', 1], ['lift', 0]])
    expect((await (await t.as(treasury)).get('/api/execution/holds')).json().items.map((h: { id: string }) => h.id)).not.toContain(hold.id)
    expect((await (await t.as(finance)).post(`/api/monitoring/actions/${hold.id}/lift`, { version: 3 })).json().error.code).toBe('INVALID_TRANSITION')

    const audit = await t.db.selectFrom('auditLog').select('action').where('entityId', '=', hold.id).orderBy('seq').execute()
    expect(audit.map((a) => a.action)).toEqual(['corrective_action.issue', 'corrective_action.attach', 'corrective_action.respond', 'corrective_action.lift'])
  })
})

function upload1(actionId: string, cookie: string, body: MultipartBody) {
  return t.app.inject({ method: 'POST', url: `/api/monitoring/actions/${actionId}/files`, payload: body.payload(), headers: { cookie, 'content-type': `multipart/form-data; boundary=${body.boundary}` } })
}

describe('who issues what, where', () => {
  test('a department issues notices for its own units, not payment holds; other departments and other places do not see the project', async () => {
    const project = await t.make.project({ unit: school, status: 'executing' })
    const notice = { kind: 'notice', projectId: project.id, title: '关于加快预算执行的通知', dueOn: '2099-01-31' }
    const byDept = await issue(eduUser, notice)
    expect(byDept.statusCode).toBe(201)
    expect(byDept.json()).toMatchObject({ issuerOrgCode: edu.code, issuerOrgKind: 'department', dueOn: '2099-01-31' })
    const hold = await issue(eduUser, { kind: 'hold_payment', projectId: project.id, title: '暂缓拨款', amount: '1.00' })
    expect(hold.statusCode).toBe(403)
    expect(hold.json().error.message).toContain('暂缓拨款')
    expect((await issue(healthUser, notice)).statusCode).toBe(404)
    expect((await issue(cityFinance, notice)).json().error.code).toBe('SUPERVISION_ONLY')
    expect((await issue(schoolUser, notice)).statusCode).toBe(403)
    expect((await (await t.as(healthUser)).get(`/api/monitoring/actions/${byDept.json().id}`)).statusCode).toBe(404)
    expect((await (await t.as(cityFinance)).get(`/api/monitoring/actions/${byDept.json().id}`)).statusCode).toBe(200)
  })

  test('what a measure needs is refused with 422 naming the field', async () => {
    const project = await t.make.project({ unit: school, status: 'executing' })
    const noDate = await issue(finance, { kind: 'inquiry', projectId: project.id, title: '询问函' })
    expect(noDate.statusCode).toBe(422)
    expect(noDate.json().error.details.map((d: { path: string }) => d.path)).toEqual(['dueOn'])
    const noAmount = await issue(finance, { kind: 'stop_payment', projectId: project.id, title: '停止拨款' })
    expect(noAmount.json().error.details.map((d: { path: string }) => d.path)).toEqual(['amount'])
    const reserve = await t.make.project({ unit: school })
    expect((await issue(finance, { kind: 'hold_payment', projectId: reserve.id, title: '暂缓拨款', amount: '1.00' })).json().error.code).toBe('NOT_EDITABLE')
    expect((await issue(finance, { kind: 'notice', title: '无对象' })).statusCode).toBe(400)
  })
})

describe('the answer and the decision', () => {
  test('the issuer returns a thin answer, the unit answers again, the issuer closes; the issuer cannot answer itself', async () => {
    const a = await makeAction(t, { unit: school, issuer: edu, kind: 'notice' })
    expect((await (await t.as(eduUser)).post(`/api/monitoring/actions/${a.id}/respond`, { version: 1, response: '自己答复' })).statusCode).toBe(403)
    const school1 = await t.as(schoolUser)
    expect((await school1.post(`/api/monitoring/actions/${a.id}/respond`, { version: 1, response: '已知悉' })).statusCode).toBe(200)
    const returned = await (await t.as(eduUser)).post(`/api/monitoring/actions/${a.id}/return`, { version: 2, note: '请说明具体整改时限' })
    expect(returned.json()).toMatchObject({ status: 'open', version: 3 })
    expect((await school1.post(`/api/monitoring/actions/${a.id}/respond`, { version: 3, response: '8月15日前完成整改' })).json().status).toBe('responded')
    expect((await (await t.as(healthUser)).post(`/api/monitoring/actions/${a.id}/close`, { version: 4 })).statusCode).toBe(404)
    const closed = await (await t.as(finance)).post(`/api/monitoring/actions/${a.id}/close`, { version: 4, note: '整改到位' })
    expect(closed.json()).toMatchObject({ status: 'closed', closedAt: expect.any(String) })
    expect((await school1.post(`/api/monitoring/actions/${a.id}/respond`, { version: 5, response: '补充' })).json().error.code).toBe('INVALID_TRANSITION')
  })

  test('two deciders at once: one closes, the other gets 409', async () => {
    const a = await makeAction(t, { unit: school, status: 'responded' })
    const [first, second] = await Promise.all([(await t.as(finance)).post(`/api/monitoring/actions/${a.id}/close`, { version: 1 }), (await t.as(finance)).post(`/api/monitoring/actions/${a.id}/return`, { version: 1, note: '再说明' })])
    expect([first.statusCode, second.statusCode].sort()).toEqual([200, 409])
  })
})

describe('调减预算', () => {
  test('writes a negative budget adjustment and a linked draft adjustment of the goal in force; a second cut reuses the draft', async () => {
    const project = await t.make.project({ unit: school, status: 'executing', amountGeneral: '500000.00' })
    const goal = await t.make.goal({ project, status: 'approved' })
    const res = await issue(finance, { kind: 'cut_budget', projectId: project.id, title: '调减预算', amount: '120000.00' })
    expect(res.statusCode).toBe(201)
    const draftId = res.json().goalAdjustmentId
    expect(draftId).toEqual(expect.any(String))
    const draft = await t.db.selectFrom('goal').selectAll().where('id', '=', draftId).executeTakeFirstOrThrow()
    expect(draft).toMatchObject({ status: 'draft', revision: 2, basedOnId: goal.id, lineageId: goal.lineageId, adjustmentReason: expect.stringContaining('120000.00') })
    expect(await t.db.selectFrom('goalIndicator').select('name').where('goalId', '=', draftId).execute()).toHaveLength(5)
    const adjustments = await t.db.selectFrom('budgetAdjustment').selectAll().where('projectId', '=', project.id).execute()
    expect(adjustments).toEqual([expect.objectContaining({ amount: '-120000.00', actionId: res.json().id, fiscalYear: 2026 })])
    const again = await issue(finance, { kind: 'cut_budget', projectId: project.id, title: '再次调减', amount: '80000.00' })
    expect(again.json().goalAdjustmentId).toBe(draftId)
    const tooMuch = await issue(finance, { kind: 'cut_budget', projectId: project.id, title: '调减超过全年预算', amount: '300000.01' })
    expect(tooMuch.statusCode).toBe(422)
    expect(tooMuch.json().error.details[0]).toMatchObject({ path: 'amount', message: expect.stringContaining('300000.00') })
  })
})

describe('暂停项目实施', () => {
  test('a suspended project cannot move on until the suspension is lifted', async () => {
    const project = await t.make.project({ unit: school, status: 'budgeted' })
    const suspended = await issue(eduUser, { kind: 'suspend', projectId: project.id, title: '暂停项目实施' })
    expect(suspended.statusCode).toBe(201)
    const start = await (await t.as(finance)).post(`/api/projects/${project.id}/status`, { status: 'executing', version: project.version })
    expect(start.statusCode).toBe(422)
    expect(start.json().error).toMatchObject({ code: 'GATE_BLOCKED', details: { gate: 'suspended' } })
    expect((await (await t.as(eduUser)).post(`/api/monitoring/actions/${suspended.json().id}/lift`, { version: 1, note: '恢复实施' })).statusCode).toBe(200)
    expect((await (await t.as(finance)).post(`/api/projects/${project.id}/status`, { status: 'executing', version: project.version })).statusCode).toBe(200)
  })
})

describe('红灯提示 and the list', () => {
  test('red forms with no open action are proposed; an action takes the form off until it is closed; nothing is issued by itself', async () => {
    const r = await makeRound(t, district)
    const red = await makeForm(t, { round: r, unit: hospital })
    const green = await makeForm(t, { round: r, unit: hospital, projectLight: 'green', budgetLight: 'green' })
    const proposals = async (as = finance) => (await (await t.as(as)).get(`/api/monitoring/actions/proposals?roundId=${r.id}`)).json().items.map((p: { formId: string }) => p.formId)
    expect(await proposals()).toEqual([red.id])
    expect(await proposals(healthUser)).toEqual([red.id])
    expect(await proposals(eduUser)).toEqual([])
    expect(await t.db.selectFrom('correctiveAction').select('id').where('formId', 'in', [red.id, green.id]).execute()).toEqual([])
    const action = await makeAction(t, { unit: hospital, projectId: red.projectId!, formId: red.id, roundId: r.id })
    expect(await proposals()).toEqual([])
    await t.db.updateTable('correctiveAction').set({ status: 'closed' }).where('id', '=', action.id).execute()
    expect(await proposals()).toEqual([red.id])
    const otherRound = await makeRound(t, elsewhere)
    expect((await (await t.as(finance)).get(`/api/monitoring/actions/proposals?roundId=${otherRound.id}`)).statusCode).toBe(404)
  })

  test('filters by kind, in force and overdue; units see only their own; the export is a workbook', async () => {
    const late = await makeAction(t, { unit: hospital, kind: 'inquiry', dueOn: '2020-01-01' })
    const stop = await makeAction(t, { unit: hospital, kind: 'stop_payment' })
    await makeAction(t, { unit: elsewhereUnit })
    const c = await t.as(healthUser)
    const ids = async (query: string) => (await c.get(`/api/monitoring/actions?${query}`)).json().items.map((a: { id: string }) => a.id)
    expect(await ids('overdue=true')).toEqual([late.id])
    expect(await ids('inForce=true')).toEqual([stop.id])
    expect(await ids('kind=stop_payment')).toEqual([stop.id])
    const mine = (await (await t.as(schoolUser)).get('/api/monitoring/actions?pageSize=200')).json()
    expect(mine.items.every((a: { unitCode: string }) => a.unitCode === school.code)).toBe(true)
    const exported = await c.get('/api/monitoring/actions/export?kind=stop_payment')
    expect(exported.statusCode).toBe(200)
    expect(exported.headers['content-type']).toContain('spreadsheetml')
  })
})

describe('demo actions', () => {
  test('a few measures on the red forms of the demo bureau’s open rounds; a second run adds nothing', async () => {
    const { seedDemoActions } = await import('./actions.demo-seed.ts')
    const bureau = await t.make.jurisdiction()
    const unit = await t.make.unit({ department: await t.make.department({ jurisdiction: bureau }) })
    await t.make.user({ role: 'finance_admin', org: bureau, username: 'sz_finance_admin' })
    const r = await makeRound(t, bureau)
    const reds = [await makeForm(t, { round: r, unit }), await makeForm(t, { round: r, unit })]
    await makeForm(t, { round: r, unit, projectLight: 'green' })
    const ctx = { actor: null, requestId: 'demo', clientIp: '127.0.0.1', now: t.clock.now(), lang: 'zh' as const }
    expect(await t.db.transaction().execute((trx) => seedDemoActions(trx, ctx))).toBe(2)
    expect(await t.db.transaction().execute((trx) => seedDemoActions(trx, ctx))).toBe(0)
    const seeded = await t.db.selectFrom('correctiveAction').select(['formId', 'kind', 'amount', 'status']).where('roundId', '=', r.id).orderBy('kind').execute()
    expect(seeded.map((a) => a.formId).sort()).toEqual(reds.map((f) => f.id).sort())
    expect(seeded).toContainEqual(expect.objectContaining({ kind: 'hold_payment', amount: '300000.00', status: 'open' }))
  })
})
