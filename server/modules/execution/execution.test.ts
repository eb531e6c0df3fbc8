import { describe, expect, test } from 'vitest'
import { createTestContext } from '../../test/context.ts'

/** 预算执行数据 over HTTP: the API push, the payments list and export, budget adjustments, a project's funds. */
const t = await createTestContext()
t.clock.advanceMinutes((Date.parse('2026-07-10T02:00:00Z') - t.clock.now().getTime()) / 60_000)
const city = await t.make.jurisdiction()
const district = await t.make.jurisdiction({ parent: city })
const edu = await t.make.department({ jurisdiction: city, name: '教育局' })
const school = await t.make.unit({ department: edu })
const otherSchool = await t.make.unit({ department: edu })
const districtDept = await t.make.department({ jurisdiction: district })
const districtUnit = await t.make.unit({ department: districtDept })
const otherCity = await t.make.jurisdiction()

const admin = await t.make.user({ role: 'finance_admin', org: city })
const integration = await t.make.user({ role: 'integration', org: city })
const strangerIntegration = await t.make.user({ role: 'integration', org: otherCity })
const reviewer = await t.make.user({ role: 'finance_reviewer', org: city })
const unitUser = await t.make.user({ role: 'unit_user', org: school })
const otherUnitUser = await t.make.user({ role: 'unit_user', org: otherSchool })
const districtAdmin = await t.make.user({ role: 'finance_admin', org: district })

const training = await t.make.project({ unit: school, code: 'JY001', status: 'executing', amountGeneral: '120000.00' })
const districtProject = await t.make.project({ unit: districtUnit, code: 'QX001', status: 'executing' })

const item = (voucherNo: string, overrides: Record<string, unknown> = {}) => ({ projectCode: 'JY001', fiscalYear: 2026, paidOn: '2026-03-15', amount: '10000.00', fundSource: '一般公共预算', voucherNo, ...overrides })
const push = async (user: { username: string }, items: unknown[]) => (await t.as(user)).post('/api/execution/payments', { items })

describe('POST /api/execution/payments', () => {
  test('the integration account pushes a batch; the same batch again adds nothing', async () => {
    const batch = [item('API-1'), item('API-2', { paidOn: '2026-04-20', amount: '20000' }), item('API-3', { paidOn: '2026-06-30', amount: '30000.50' })]
    const first = await push(integration, batch)
    expect(first.statusCode).toBe(200)
    expect(first.json()).toEqual({ total: 3, created: 3, unchanged: 0 })
    const again = await push(integration, batch)
    expect(again.json()).toEqual({ total: 3, created: 0, unchanged: 3 })
    const stored = await t.db.selectFrom('executionPayment').select(['source', 'month', 'amount', 'createdBy']).where('voucherNo', '=', 'API-3').executeTakeFirstOrThrow()
    expect(stored).toEqual({ source: 'api', month: 6, amount: '30000.50', createdBy: integration.id })
    const audits = await t.db.selectFrom('auditLog').select('after').where('action', '=', 'execution.payment_push').execute()
    expect(audits.map((a) => a.after)).toEqual([{ total: 3, created: 3, unchanged: 0, projects: 1 }, { total: 3, created: 0, unchanged: 3, projects: 0 }])
  })

  test('one bad item refuses the whole batch (422 PAYMENTS_INVALID naming the item)', async () => {
    const res = await push(admin, [item('API-10'), item('API-2', { amount: '1.00' }), item('API-11', { projectCode: 'QX001' }), item('API-12', { paidOn: '2025-12-31' })])
    expect(res.statusCode).toBe(422)
    const { code, details } = res.json().error
    expect(code).toBe('PAYMENTS_INVALID')
    expect(details).toEqual([
      expect.objectContaining({ item: 2, voucherNo: 'API-2', field: 'voucherNo' }),
      expect.objectContaining({ item: 3, field: 'projectCode', message: expect.stringContaining('下级行政区划') }),
      expect.objectContaining({ item: 4, field: 'paidOn' }),
    ])
    expect(await t.db.selectFrom('executionPayment').select('id').where('voucherNo', '=', 'API-10').executeTakeFirst()).toBeUndefined()
  })

  test('bad input is 400; out-of-scope projects are unknown; units and reviewers may not push', async () => {
    expect((await push(admin, [item('bad voucher!')])).statusCode).toBe(400)
    expect((await push(admin, [item('X1', { amount: '0' })])).statusCode).toBe(400)
    expect((await push(admin, [item('X1', { amount: 12.5 })])).statusCode).toBe(400)
    expect((await push(admin, [])).statusCode).toBe(400)
    const foreign = await push(strangerIntegration, [item('X1')])
    expect(foreign.statusCode).toBe(422)
    expect(foreign.json().error.details[0].message).toContain('不存在或不在您的权限范围内')
    expect((await push(unitUser, [item('X1')])).statusCode).toBe(403)
    expect((await push(reviewer, [item('X1')])).statusCode).toBe(403)
  })

  test('the same batch pushed twice at once: both answer 200, each voucher is written once', async () => {
    const batch = [item('SIM-1'), item('SIM-2', { amount: '2.00' })]
    const [a, b] = await Promise.all([push(integration, batch), push(admin, batch)])
    expect([a.statusCode, b.statusCode]).toEqual([200, 200])
    expect(a.json().created + b.json().created).toBe(2)
    expect(a.json().unchanged + b.json().unchanged).toBe(2)
    await t.db.deleteFrom('executionPayment').where('voucherNo', 'in', ['SIM-1', 'SIM-2']).execute()
  })

  test('the district bureau pushes its own project; the same voucher number in another jurisdiction is another payment', async () => {
    const res = await push(districtAdmin, [item('API-1', { projectCode: 'QX001' })])
    expect(res.json()).toEqual({ total: 1, created: 1, unchanged: 0 })
  })
})

describe('GET /api/execution/payments', () => {
  test('paged, filtered, summed; in scope only', async () => {
    const res = await (await t.as(admin)).get(`/api/execution/payments?projectId=${training.id}&pageSize=2&sort=amount&order=desc`)
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body).toMatchObject({ total: 3, page: 1, pageSize: 2, sumAmount: '60000.50' })
    expect(body.items.map((i: { voucherNo: string }) => i.voucherNo)).toEqual(['API-3', 'API-2'])
    expect(body.items[0]).toMatchObject({ projectCode: 'JY001', paidOn: '2026-06-30', month: 6, amount: '30000.50', source: 'api' })
    // The city sees its district's payments too (supervision), a unit only its own.
    expect((await (await t.as(admin)).get('/api/execution/payments')).json().total).toBe(4)
    expect((await (await t.as(admin)).get('/api/execution/payments?q=API-2')).json().total).toBe(1)
    expect((await (await t.as(admin)).get('/api/execution/payments?month=4')).json().total).toBe(1)
    expect((await (await t.as(unitUser)).get('/api/execution/payments')).json().total).toBe(3)
    expect((await (await t.as(otherUnitUser)).get('/api/execution/payments')).json().total).toBe(0)
    expect((await (await t.as(districtAdmin)).get(`/api/execution/payments?projectId=${training.id}`)).json().total).toBe(0)
    expect((await (await t.as(integration)).get('/api/execution/payments')).statusCode).toBe(403)
  })

  test('export: the filtered list as .xlsx, audited', async () => {
    const res = await (await t.as(admin)).get(`/api/execution/payments/export?projectId=${training.id}`)
    expect(res.statusCode).toBe(200)
    expect(String(res.headers['content-type'])).toContain('spreadsheetml')
    const audit = await t.db.selectFrom('auditLog').select('after').where('action', '=', 'execution.payment_export').executeTakeFirst()
    expect(audit?.after).toMatchObject({ filters: { projectId: training.id } })
  })
})

describe('budget adjustments and funds', () => {
  test('funds at a cut-off: 1–N月执行数, 执行率, budget light and forecast', async () => {
    const res = await (await t.as(unitUser)).get(`/api/execution/projects/${training.id}/funds?month=6`)
    expect(res.statusCode).toBe(200)
    const funds = res.json()
    expect(funds).toMatchObject({ month: 6, budgetInitial: '120000.00', adjustments: '0.00', budgetAdjusted: '120000.00', executed: '60000.50', executionRate: '50.00', timeProgress: '50.00' })
    expect(funds.monthly.slice(0, 6)).toEqual(['0.00', '0.00', '10000.00', '20000.00', '0.00', '30000.50'])
    expect(funds.budgetLight).toMatchObject({ value: 'green' })
    expect(funds.forecast).toMatchObject({ value: '120000.00', explained: { profile: 'even', expectedSharePercent: '50.00' } })
    // Without a month: the clock's month (July) of the project's year.
    expect((await (await t.as(unitUser)).get(`/api/execution/projects/${training.id}/funds`)).json().month).toBe(7)
    expect((await (await t.as(unitUser)).get(`/api/execution/projects/${training.id}/funds?month=3`)).json()).toMatchObject({ executed: '10000.00', budgetLight: { value: 'red' } })
  })

  test('finance adjusts with a reason; 全年预算数 = 年初 + 调整; audited', async () => {
    const res = await (await t.as(admin)).post('/api/execution/adjustments', { projectId: training.id, amount: '-20000', reason: '政策调整，调减预算', adjustedOn: '2026-07-01' })
    expect(res.statusCode).toBe(201)
    expect(res.json()).toMatchObject({ amount: '-20000.00', budgetInitial: '120000.00', budgetAdjusted: '100000.00', fiscalYear: 2026 })
    const funds = (await (await t.as(admin)).get(`/api/execution/projects/${training.id}/funds?month=6`)).json()
    expect(funds).toMatchObject({ adjustments: '-20000.00', budgetAdjusted: '100000.00', executionRate: '60.00' })
    const audit = await t.db.selectFrom('auditLog').select(['entityId', 'after']).where('action', '=', 'execution.adjust').executeTakeFirstOrThrow()
    expect(audit.after).toMatchObject({ reason: '政策调整，调减预算', budgetAdjusted: '100000.00' })
    const list = (await (await t.as(unitUser)).get(`/api/execution/adjustments?projectId=${training.id}`)).json()
    expect(list).toMatchObject({ total: 1, items: [{ amount: '-20000.00', reason: '政策调整，调减预算', adjustedOn: '2026-07-01', projectCode: 'JY001' }] })
  })

  test('refused: no reason (400), below zero or outside the year (422), a district project by the city (403), out of scope (404), no permission (403)', async () => {
    const client = await t.as(admin)
    const body = { projectId: training.id, amount: '100', reason: '追加', adjustedOn: '2026-07-01' }
    expect((await client.post('/api/execution/adjustments', { ...body, reason: '  ' })).statusCode).toBe(400)
    const below = await client.post('/api/execution/adjustments', { ...body, amount: '-100000.01' })
    expect(below.statusCode).toBe(422)
    expect(below.json().error.details[0].path).toBe('amount')
    expect((await client.post('/api/execution/adjustments', { ...body, adjustedOn: '2027-01-01' })).statusCode).toBe(422)
    expect((await client.post('/api/execution/adjustments', { ...body, projectId: districtProject.id })).json().error.code).toBe('SUPERVISION_ONLY')
    expect((await (await t.as(districtAdmin)).post('/api/execution/adjustments', body)).statusCode).toBe(404)
    expect((await (await t.as(unitUser)).post('/api/execution/adjustments', body)).statusCode).toBe(403)
    const library = await t.make.project({ unit: school, status: 'library' })
    expect((await client.post('/api/execution/adjustments', { ...body, projectId: library.id })).statusCode).toBe(422)
  })

  test('funds of a project out of scope are not found', async () => {
    expect((await (await t.as(otherUnitUser)).get(`/api/execution/projects/${training.id}/funds`)).statusCode).toBe(404)
    expect((await (await t.as(admin)).get(`/api/execution/projects/${training.id}/funds?month=13`)).statusCode).toBe(400)
  })
})

// Last: it adds payments the totals above do not expect.
describe('vouchers per fiscal year', () => {
  test('a voucher number is unique per fiscal year: the same number in another year is another payment (ADR 0016)', async () => {
    await t.make.project({ unit: school, code: 'JY001', fiscalYear: 2025, status: 'executing', amountGeneral: '50000.00' })
    const lastYear = await push(integration, [item('API-Y1', { fiscalYear: 2025, paidOn: '2025-11-03', amount: '500.00' })])
    expect(lastYear.json()).toEqual({ total: 1, created: 1, unchanged: 0 })
    const thisYear = await push(integration, [item('API-Y1', { amount: '700.00' })])
    expect(thisYear.json()).toEqual({ total: 1, created: 1, unchanged: 0 })
    const clash = await push(integration, [item('API-Y1', { amount: '701.00' })])
    expect(clash.statusCode).toBe(422)
    expect(clash.json().error.details).toEqual([expect.objectContaining({ item: 1, voucherNo: 'API-Y1', field: 'voucherNo' })])
    const stored = await t.db.selectFrom('executionPayment').select(['fiscalYear', 'amount']).where('voucherNo', '=', 'API-Y1').orderBy('fiscalYear').execute()
    expect(stored).toEqual([{ fiscalYear: 2025, amount: '500.00' }, { fiscalYear: 2026, amount: '700.00' }])
  })
})
