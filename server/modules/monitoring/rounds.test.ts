import { describe, expect, test } from 'vitest'
import type { Project } from '../../db/schema.ts'
import type { Actor } from '../../http/context.ts'
import { createTestContext } from '../../test/context.ts'
import { roundFactories } from '../../test/factories.monitoring-rounds.ts'
import { goodGoalIndicators } from '../../test/factories.ts'
import { assertFormWritable } from './rounds.deadline.ts'
import { openRoundWork } from './rounds.open.ts'

const t = await createTestContext({}, { jobs: true })
const mr = roundFactories(t)
const city = await t.make.jurisdiction({ name: '测试市' })
const district = await t.make.jurisdiction({ parent: city, name: '测试区' })
const edu = await t.make.department({ jurisdiction: district, name: '教育局' })
const health = await t.make.department({ jurisdiction: district, name: '卫健局' })
const school = await t.make.unit({ department: edu, name: '第一中学' })
const hospital = await t.make.unit({ department: health, name: '区医院' })

const financeAdmin = await t.make.user({ role: 'finance_admin', org: district })
const cityAdmin = await t.make.user({ role: 'finance_admin', org: city })
const eduUser = await t.make.user({ role: 'dept_user', org: edu })
const schoolUser = await t.make.user({ role: 'unit_user', org: school })
const hospitalUser = await t.make.user({ role: 'unit_user', org: hospital })
const agency = await t.make.user({ role: 'agency_user', org: district })

async function budgeted(unit = school, options: { status?: 'budgeted' | 'executing' | 'library'; amount?: string; budgetKind?: 'general' | 'fund' | 'social_insurance'; major?: boolean; goal?: boolean } = {}) {
  const p = await t.make.project({ unit, status: options.status ?? 'budgeted', amountGeneral: options.amount ?? '1200000.00', budgetKind: options.budgetKind })
  if (options.major) await t.db.updateTable('project').set({ isMajorNew: true }).where('id', '=', p.id).execute()
  if (options.goal !== false) await t.make.goal({ project: p, status: 'approved' })
  return p
}

async function departmentGoal(department: typeof edu) {
  await t.db
    .insertInto('goal')
    .values({
      lineageId: crypto.randomUUID(), kind: 'department', projectId: null, fiscalYear: 2026, jurisdictionCode: department.jurisdictionCode, departmentCode: department.code, unitCode: null,
      name: `${department.name}部门整体绩效目标`, overallTarget: '履职尽责', annualTarget: '履职尽责', mediumTermTarget: '', frameworkCode: 'legacy-88', status: 'approved',
      approvedAt: t.clock.now(), inForceFrom: t.clock.now(), createdAt: t.clock.now(), updatedAt: t.clock.now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
}

const days = (n: number) => new Date(t.clock.now().getTime() + n * 86_400_000).toISOString()
const open = async (body: Record<string, unknown>, as = financeAdmin) => (await t.as(as)).post('/api/monitoring/rounds', { fiscalYear: 2026, cutoffMonth: 7, deadline: days(10), ...body })
/** Opens a round and waits for its background job; returns the round as the opener then reads it. */
async function opened(body: Record<string, unknown>, as = financeAdmin) {
  const res = await open(body, as)
  expect(res.statusCode).toBe(201)
  const { round, jobRunId } = res.json()
  expect(round.status).toBe('opening')
  const job = await t.waitForJob(jobRunId)
  expect(job.status).toBe('done')
  return (await (await t.as(as)).get(`/api/monitoring/rounds/${round.id}`)).json()
}
const formsOf = (roundId: string) => t.db.selectFrom('monitoringForm').selectAll().where('roundId', '=', roundId).execute()

// The district's projects: in scope (budgeted/executing, three budgets) and not.
const regular = await budgeted(school)
const executingFund = await budgeted(hospital, { status: 'executing', budgetKind: 'fund', goal: false })
const major = await budgeted(school, { major: true })
const large = await budgeted(hospital, { amount: '12000000.00' })
await budgeted(school, { budgetKind: 'social_insurance' })
await budgeted(school, { status: 'library' })
await departmentGoal(edu)
await mr.payment(regular, 2, '300000.00')
await mr.payment(regular, 7, '400000.00')
await mr.payment(regular, 8, '999.00')

describe('opening a round', () => {
  test('one form per project in scope and per department overall goal, with the goal\'s indicators, the funds and 重点监控', async () => {
    const refused = await open({ cutoffMonth: 5 })
    expect(refused.statusCode).toBe(422)
    expect(refused.json().error.details[0].path).toBe('cutoffMonth')
    expect((await open({ deadline: days(-1) })).json().error.details[0].path).toBe('deadline')

    const round = await opened({})
    expect(round).toMatchObject({ status: 'open', name: '2026年1–7月绩效运行监控', cutoffMonth: 7, formCount: 5, keyCount: 3, readOnly: false })
    const forms = await formsOf(round.id)
    const of = (p: Project) => forms.find((f) => f.projectId === p.id)!
    expect(forms.map((f) => f.projectId).sort()).toEqual([regular.id, executingFund.id, major.id, large.id, null].sort())
    expect(of(regular)).toMatchObject({ budgetInitial: '1200000.00', budgetAdjusted: '1200000.00', executed: '700000.00', executionRate: '58.33', isKey: false, status: 'draft', unitCode: school.code })
    // 执行率 58.33% against 7/12 = 58.33%: on time. No payments: low execution.
    expect(of(executingFund)).toMatchObject({ goalId: null, executed: '0.00', isKey: true, keyReasons: ['low_execution'] })
    expect(of(major).keyReasons).toEqual(['major', 'low_execution'])
    expect(of(large).keyReasons).toEqual(['amount', 'low_execution'])
    const dept = forms.find((f) => f.kind === 'department')!
    expect(dept).toMatchObject({ departmentCode: edu.code, unitCode: null, isKey: false, budgetInitial: '2400000.00', executed: '700000.00' })

    const indicators = await t.db.selectFrom('monitoringFormIndicator').select(['name', 'target', 'nature', 'sortOrder']).where('formId', '=', of(regular).id).orderBy('sortOrder').execute()
    expect(indicators.map((i) => i.name)).toEqual(goodGoalIndicators().map((i) => i.name))
    expect(await t.db.selectFrom('monitoringFormIndicator').select('id').where('formId', '=', of(executingFund).id).execute()).toEqual([])

    const audit = await t.db.selectFrom('auditLog').select(['action', 'actorUsername']).where('entityId', '=', round.id).execute()
    expect(audit).toEqual([{ action: 'monitoring.round_open', actorUsername: financeAdmin.username }])

    const again = await open({})
    expect(again.statusCode).toBe(409)
    expect(again.json().error.code).toBe('DUPLICATE')
  })

  test('an ad-hoc round may take any month; only a bureau opens, in its own jurisdiction', async () => {
    expect(await opened({ cutoffMonth: 5, adhoc: true })).toMatchObject({ adhoc: true, name: '2026年1–5月绩效运行监控（临时）', jurisdictionCode: district.code })
    expect((await open({ cutoffMonth: 3, adhoc: true }, eduUser)).statusCode).toBe(403)
    expect(await opened({ cutoffMonth: 4, adhoc: true }, cityAdmin)).toMatchObject({ jurisdictionCode: city.code, formCount: 0, status: 'open' })
  })

  test('the goal version read is the one in force at the cut-off, not the latest', async () => {
    const p = await budgeted(school)
    const v1 = await t.db.selectFrom('goal').select(['id', 'lineageId']).where('projectId', '=', p.id).executeTakeFirstOrThrow()
    const cutoffJune = new Date('2026-06-30T15:59:59.999Z')
    // Superseded on 15 July by revision 2, whose only indicator is new.
    await t.db.updateTable('goal').set({ status: 'superseded', inForceTo: new Date('2026-07-15T00:00:00Z') }).where('id', '=', v1.id).execute()
    await t.db.updateTable('goal').set({ revision: 2 }).where('id', '=', v1.id).execute()
    const v2 = await t.make.goal({ project: p, status: 'approved', indicators: [{ ...goodGoalIndicators()[0]!, name: '调整后的培训人次' }] })
    // The factory writes revision 1: swap, so v1 is revision 1 and v2 revision 2 of one lineage.
    await t.db.updateTable('goal').set({ lineageId: v1.lineageId, revision: 3, inForceFrom: new Date('2026-07-15T00:00:00Z') }).where('id', '=', v2.id).execute()
    await t.db.updateTable('goal').set({ revision: 1 }).where('id', '=', v1.id).execute()
    await t.db.updateTable('goal').set({ revision: 2 }).where('id', '=', v2.id).execute()
    const june = await mr.round({ jurisdiction: district, cutoffMonth: 6, status: 'opening', createdAt: new Date('2026-08-01T00:00:00Z') })
    const july = await mr.round({ jurisdiction: district, cutoffMonth: 7, status: 'opening', createdAt: new Date('2026-08-01T00:00:00Z') })
    await openRoundWork(t.db, june.id)
    await openRoundWork(t.db, july.id)
    const goalIn = async (roundId: string) => (await formsOf(roundId)).find((f) => f.projectId === p.id)!.goalId
    expect(cutoffJune < new Date('2026-07-15T00:00:00Z')).toBe(true)
    expect(await goalIn(june.id)).toBe(v1.id)
    expect(await goalIn(july.id)).toBe(v2.id)
  })
})

describe('a killed opening resumes; nobody sees a half-opened round', () => {
  test('a chunk at a time: after a crash the round stays "opening", the rerun finishes without duplicates', async () => {
    const round = await mr.round({ jurisdiction: district, cutoffMonth: 7, status: 'opening', name: '中断后续跑' })
    const crash = async () => {
      throw new Error('killed')
    }
    await expect(openRoundWork(t.db, round.id, crash, { chunk: 2 })).rejects.toThrow('killed')
    expect((await formsOf(round.id)).length).toBe(2)
    expect((await t.db.selectFrom('monitoringRound').select('status').where('id', '=', round.id).executeTakeFirstOrThrow()).status).toBe('opening')
    const unitList = (await (await t.as(schoolUser)).get('/api/monitoring/rounds?pageSize=100')).json()
    expect(unitList.items.map((r: { id: string }) => r.id)).not.toContain(round.id)
    expect((await (await t.as(schoolUser)).get(`/api/monitoring/rounds/${round.id}`)).statusCode).toBe(404)

    const steps: number[] = []
    const result = await openRoundWork(t.db, round.id, async (done) => void steps.push(done), { chunk: 2 })
    const forms = await formsOf(round.id)
    expect(new Set(forms.map((f) => f.projectId ?? f.departmentCode)).size).toBe(forms.length)
    expect(result.formCount).toBe(forms.length)
    expect(forms.length).toBeGreaterThanOrEqual(6)
    expect(steps.length).toBeGreaterThan(1)
    const after = await t.db.selectFrom('monitoringRound').select(['status', 'formCount']).where('id', '=', round.id).executeTakeFirstOrThrow()
    expect(after).toEqual({ status: 'open', formCount: forms.length })
    // Running it again changes nothing.
    expect((await openRoundWork(t.db, round.id)).formCount).toBe(forms.length)
    expect((await formsOf(round.id)).length).toBe(forms.length)
  })
})

describe('deadline, extension, the late and reminders', () => {
  const actorAt = (org: typeof school): Actor => ({ userId: 'x', username: 'x', displayName: 'x', roles: [], permissions: new Set(), org: { code: org.code, name: org.name, kind: org.kind, path: org.path, jurisdictionCode: org.jurisdictionCode, departmentCode: org.departmentCode }, sessionHash: '' })

  test('after the deadline units are locked out (409 MONITORING_DEADLINE_PASSED) until finance extends', async () => {
    const deadline = new Date(t.clock.now().getTime() + 3_600_000)
    const round = await mr.round({ jurisdiction: district, deadline, name: '截止测试' })
    const form = await mr.form({ round, unit: school })
    const later = new Date(deadline.getTime() + 60_000)
    expect(() => assertFormWritable(form, { ...round, deadline }, actorAt(school), t.clock.now())).not.toThrow()
    expect(() => assertFormWritable(form, { ...round, deadline }, actorAt(school), later)).toThrow(expect.objectContaining({ code: 'MONITORING_DEADLINE_PASSED' }))
    expect(() => assertFormWritable(form, { ...round, deadline }, actorAt(district), later)).not.toThrow()
    expect(() => assertFormWritable(form, { ...round, status: 'closed', deadline }, actorAt(district), later)).toThrow(expect.objectContaining({ code: 'MONITORING_ROUND_CLOSED' }))
    expect(() => assertFormWritable(form, { ...round, status: 'opening', deadline }, actorAt(school), t.clock.now())).toThrow(expect.objectContaining({ code: 'MONITORING_ROUND_OPENING' }))

    const finance = await t.as(financeAdmin)
    const bad = await finance.post(`/api/monitoring/rounds/${round.id}/extensions`, { until: new Date(deadline.getTime() - 1000).toISOString(), unitCode: school.code, reason: '系统故障' })
    expect(bad.statusCode).toBe(422)
    const until = new Date(deadline.getTime() + 3 * 86_400_000)
    const ok = await finance.post(`/api/monitoring/rounds/${round.id}/extensions`, { until: until.toISOString(), unitCode: school.code, reason: '系统故障延期' })
    expect(ok.json()).toEqual({ extended: 1, until: until.toISOString() })
    const extended = await t.db.selectFrom('monitoringForm').selectAll().where('id', '=', form.id).executeTakeFirstOrThrow()
    expect(() => assertFormWritable(extended, { ...round, deadline }, actorAt(school), later)).not.toThrow()
    expect(() => assertFormWritable(extended, { ...round, deadline }, actorAt(school), new Date(until.getTime() + 1))).toThrow(expect.objectContaining({ code: 'MONITORING_DEADLINE_PASSED' }))
    // The city supervises: it may not extend a district's round.
    expect((await (await t.as(cityAdmin)).post(`/api/monitoring/rounds/${round.id}/extensions`, { until: until.toISOString(), unitCode: school.code, reason: '延期' })).json().error.code).toBe('SUPERVISION_ONLY')
    // Units may not extend at all.
    expect((await (await t.as(schoolUser)).post(`/api/monitoring/rounds/${round.id}/extensions`, { until: until.toISOString(), unitCode: school.code, reason: '延期' })).statusCode).toBe(403)
  })

  test('not yet reported: finance sees late departments, a department its late units; reminders are counted and audited', async () => {
    const round = await mr.round({ jurisdiction: district, deadline: new Date(t.clock.now().getTime() - 60_000), name: '逾期测试' })
    const late1 = await mr.form({ round, unit: school })
    await mr.form({ round, unit: school, status: 'submitted' })
    const late2 = await mr.form({ round, unit: hospital, status: 'returned' })
    const financeView = (await (await t.as(financeAdmin)).get(`/api/monitoring/rounds/${round.id}/late`)).json()
    expect(financeView.departments.map((d: { code: string; late: number }) => [d.code, d.late]).sort()).toEqual([[edu.code, 1], [health.code, 1]].sort())
    expect(financeView.forms.map((f: { id: string }) => f.id).sort()).toEqual([late1.id, late2.id].sort())
    const deptView = (await (await t.as(eduUser)).get(`/api/monitoring/rounds/${round.id}/late`)).json()
    expect(deptView.departments).toEqual([])
    expect(deptView.units).toEqual([expect.objectContaining({ code: school.code, late: 1, unreported: 1 })])

    const reminded = await (await t.as(eduUser)).post(`/api/monitoring/rounds/${round.id}/remind`, {})
    expect(reminded.json()).toEqual({ reminded: 1, formIds: [late1.id] })
    await (await t.as(financeAdmin)).post(`/api/monitoring/rounds/${round.id}/remind`, { departmentCodes: [edu.code] })
    const row = await t.db.selectFrom('monitoringForm').select(['remindCount', 'remindedAt']).where('id', '=', late1.id).executeTakeFirstOrThrow()
    expect(row.remindCount).toBe(2)
    const audit = await t.db.selectFrom('auditLog').select(['action', 'actorUsername']).where('entityId', '=', round.id).orderBy('seq').execute()
    expect(audit).toEqual([{ action: 'monitoring.remind', actorUsername: eduUser.username }, { action: 'monitoring.remind', actorUsername: financeAdmin.username }])
    const nothing = await (await t.as(financeAdmin)).post(`/api/monitoring/rounds/${round.id}/remind`, { unitCodes: ['NOSUCH'] })
    expect(nothing.statusCode).toBe(422)
  })
})

describe('scope, the city\'s roll-up, key picks and agencies', () => {
  test('another jurisdiction\'s round is not found; the city reads its district\'s rounds, rolled up, read-only', async () => {
    const elsewhere = await t.make.jurisdiction()
    const foreign = await mr.round({ jurisdiction: elsewhere, name: '外地批次' })
    expect((await (await t.as(financeAdmin)).get(`/api/monitoring/rounds/${foreign.id}`)).statusCode).toBe(404)
    expect((await (await t.as(cityAdmin)).get(`/api/monitoring/rounds/${foreign.id}`)).statusCode).toBe(404)

    const round = await mr.round({ jurisdiction: district, name: '市级查看' })
    await mr.form({ round, unit: school })
    const cityView = await (await t.as(cityAdmin)).get(`/api/monitoring/rounds/${round.id}`)
    expect(cityView.json()).toMatchObject({ readOnly: true, jurisdictionCode: district.code, stats: { forms: 1, unreported: 1 } })
    const patch = await (await t.as(cityAdmin)).patch(`/api/monitoring/rounds/${round.id}`, { version: 1, name: '改名' })
    expect(patch.json().error.code).toBe('SUPERVISION_ONLY')
    const rollup = (await (await t.as(cityAdmin)).get('/api/monitoring/rounds/rollup?fiscalYear=2026')).json()
    expect(rollup.items.map((i: { jurisdictionCode: string }) => i.jurisdictionCode)).toEqual([city.code, district.code].sort())
    expect(rollup.total.forms).toBe(rollup.items.reduce((n: number, i: { stats: { forms: number } }) => n + i.stats.forms, 0))
    // A unit's figures cover only its own forms.
    const unitView = (await (await t.as(hospitalUser)).get(`/api/monitoring/rounds/${round.id}`)).json()
    expect(unitView.stats.forms).toBe(0)
  })

  test('two bureaus\' clerks change the round at once: one wins, the other gets 409', async () => {
    const round = await mr.round({ jurisdiction: district, name: '并发测试' })
    const a = await t.as(financeAdmin)
    const results = await Promise.all([a.patch(`/api/monitoring/rounds/${round.id}`, { version: 1, deadline: days(20) }), a.patch(`/api/monitoring/rounds/${round.id}`, { version: 1, name: '并发测试二' })])
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409])
    const closed = await a.patch(`/api/monitoring/rounds/${round.id}`, { version: 2, close: true })
    expect(closed.json()).toMatchObject({ status: 'closed', version: 3 })
  })

  test('finance picks and unpicks 重点监控 and assigns an agency, which then sees only that round', async () => {
    const round = await mr.round({ jurisdiction: district, name: '重点测试' })
    const f1 = await mr.form({ round, unit: school })
    const f2 = await mr.form({ round, unit: hospital, isKey: true })
    const finance = await t.as(financeAdmin)
    expect((await finance.post(`/api/monitoring/rounds/${round.id}/agency`, { formIds: [f1.id], agencyUserId: agency.id })).statusCode).toBe(422)
    const picked = await finance.post(`/api/monitoring/rounds/${round.id}/key`, { pick: [f1.id], unpick: [f2.id] })
    expect(picked.json()).toMatchObject({ keyCount: 1 })
    const rows = await t.db.selectFrom('monitoringForm').select(['id', 'isKey', 'keyReasons']).where('roundId', '=', round.id).orderBy('id').execute()
    expect(rows.find((r) => r.id === f1.id)).toMatchObject({ isKey: true, keyReasons: ['manual'] })
    expect(rows.find((r) => r.id === f2.id)).toMatchObject({ isKey: false, keyReasons: [] })

    const agencyClient = await t.as(agency)
    expect((await agencyClient.get(`/api/monitoring/rounds/${round.id}`)).statusCode).toBe(404)
    expect((await finance.get('/api/monitoring/rounds/agencies')).json().items.map((u: { id: string }) => u.id)).toContain(agency.id)
    expect((await finance.post(`/api/monitoring/rounds/${round.id}/agency`, { formIds: [f1.id], agencyUserId: agency.id })).json()).toEqual({ assigned: 1, agencyUserId: agency.id })
    const seen = (await agencyClient.get(`/api/monitoring/rounds/${round.id}`)).json()
    expect(seen.stats).toMatchObject({ forms: 1, key: 1 })
    expect((await agencyClient.get('/api/monitoring/rounds?pageSize=100')).json().items.map((r: { id: string }) => r.id)).toEqual([round.id])
    expect((await finance.post(`/api/monitoring/rounds/${round.id}/key`, { pick: [f1.id], unpick: [f1.id] })).statusCode).toBe(422)
    const keyList = (await finance.get(`/api/monitoring/rounds/${round.id}/key-forms`)).json()
    expect(keyList).toMatchObject({ total: 1, items: [{ id: f1.id, keyReasons: ['manual'], agencyName: expect.any(String) }] })
    expect((await finance.get(`/api/monitoring/rounds/${round.id}/key-forms?only=all`)).json().total).toBe(2)
    expect((await (await t.as(hospitalUser)).get(`/api/monitoring/rounds/${round.id}/key-forms?only=all`)).json().items.map((f: { id: string }) => f.id)).toEqual([f2.id])
  })
})

describe('work registered for a round\'s forms', () => {
  test('runs after the forms exist and before the round is open', async () => {
    const { onRoundForms } = await import('./rounds.open.ts')
    const seen: { forms: number; status: string }[] = []
    onRoundForms(async (db, roundId) => {
      const forms = await db.selectFrom('monitoringForm').select('id').where('roundId', '=', roundId).execute()
      const round = await db.selectFrom('monitoringRound').select('status').where('id', '=', roundId).executeTakeFirstOrThrow()
      seen.push({ forms: forms.length, status: round.status })
    })
    const round = await mr.round({ jurisdiction: district, cutoffMonth: 7, status: 'opening', name: '钩子测试' })
    const result = await openRoundWork(t.db, round.id)
    expect(seen).toEqual([{ forms: result.formCount, status: 'opening' }])
  })
})

describe('jixiao monitoring open', () => {
  test('opens a round from the command line with its progress, refuses bad arguments and a month outside the rule set', async () => {
    const { monitoringFromCli } = await import('./rounds.cli.ts')
    const handle = { db: t.db, engine: t.engine, close: async () => {} }
    const ctx = { actor: null, requestId: 'cli', clientIp: 'local', now: t.clock.now(), lang: 'zh' as const }
    const lines: string[] = []
    const out = (line: string) => void lines.push(line)
    const base = ['open', '--jurisdiction', district.code, '--year', '2026', '--deadline', '2026-08-15T18:00:00+08:00']
    expect(await monitoringFromCli(handle as never, t.config, ctx, ['close'], out)).toBe(2)
    expect(await monitoringFromCli(handle as never, t.config, ctx, [...base, '--month', '13'], out)).toBe(2)
    expect(await monitoringFromCli(handle as never, t.config, ctx, [...base, '--month', '9'], out)).toBe(1)
    expect(lines.at(-1)).toContain('--adhoc')
    const code = await monitoringFromCli(handle as never, t.config, ctx, [...base, '--month', '9', '--adhoc', '--name', '命令行批次'], out)
    expect(code).toBe(0)
    const round = await t.db.selectFrom('monitoringRound').selectAll().where('name', '=', '命令行批次').executeTakeFirstOrThrow()
    expect(round).toMatchObject({ status: 'open', cutoffMonth: 9, adhoc: true, jobId: expect.any(String) })
    expect(JSON.parse(lines.at(-1)!)).toMatchObject({ roundId: round.id, formCount: round.formCount })
    expect(await monitoringFromCli(handle as never, t.config, ctx, [...base, '--month', '9', '--adhoc', '--name', '命令行批次'], out)).toBe(1)
  })
})

describe('the late list as Excel', () => {
  test('a department downloads its late forms; the export is audited', async () => {
    const round = await mr.round({ jurisdiction: district, deadline: new Date(t.clock.now().getTime() - 60_000), name: '导出测试' })
    await mr.form({ round, unit: school })
    const res = await (await t.as(eduUser)).get(`/api/monitoring/rounds/${round.id}/late/export`)
    expect(res.statusCode).toBe(200)
    expect(String(res.headers['content-type'])).toContain('spreadsheetml')
    const audit = await t.db.selectFrom('auditLog').select(['action', 'actorUsername']).where('action', '=', 'monitoring.export_late').execute()
    expect(audit).toEqual([{ action: 'monitoring.export_late', actorUsername: eduUser.username }])
  })
})
