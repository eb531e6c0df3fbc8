import ExcelJS from 'exceljs'
import { describe, expect, test } from 'vitest'
import { permissionsOf } from '../../../domain/roles.ts'
import { createTestContext } from '../../test/context.ts'
import { call, MultipartBody } from '../../test/endpoints.ts'
import { importPayments, readPaidOn, WRITE_BATCH } from './execution.import.ts'

/**
 * Importing treasury payments over HTTP on a real database: preview with row errors, all-or-nothing commit, the
 * same file twice adds nothing, a voucher reused with other data is a row error, .xlsx as well as CSV.
 */
const t = await createTestContext()
const city = await t.make.jurisdiction()
const district = await t.make.jurisdiction({ parent: city })
const edu = await t.make.department({ jurisdiction: city, name: '教育局' })
const school = await t.make.unit({ department: edu })
const districtDept = await t.make.department({ jurisdiction: district })
const districtUnit = await t.make.unit({ department: districtDept })
const admin = await t.make.user({ role: 'finance_admin', org: city })
const integration = await t.make.user({ role: 'integration', org: city })
const unitUser = await t.make.user({ role: 'unit_user', org: school })
for (const user of [admin, integration, unitUser]) await t.as(user)

const training = await t.make.project({ unit: school, code: 'JY2026001', status: 'executing', fiscalYear: 2026 })
const books = await t.make.project({ unit: school, code: 'JY2026002', status: 'budgeted', fiscalYear: 2026 })
await t.make.project({ unit: school, code: 'JY2026009', status: 'library', fiscalYear: 2026 })
await t.make.project({ unit: districtUnit, code: 'QX2026001', status: 'executing', fiscalYear: 2026 })

const HEADER = '项目编码,支付日期,金额,资金来源,支付凭证号'
const csv = (...lines: string[]) => new MultipartBody('国库支付.csv', Buffer.from(`\ufeff${[HEADER, ...lines].join('\r\n')}\r\n`), 'text/csv')
const upload = async (body: MultipartBody, dryRun = false, user = admin) =>
  call(t, 'POST', `/api/execution/payments/import?dryRun=${dryRun}`, body, (await t.as(user)).cookie)
const paymentCount = async () => Number((await t.db.selectFrom('executionPayment').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)
const auditCount = async () => Number((await t.db.selectFrom('auditLog').select((eb) => eb.fn.countAll<number>().as('n')).where('action', '=', 'execution.payment_import').executeTakeFirstOrThrow()).n)

describe('payment import', () => {
  test('a preview reports every row’s fate and row errors, and writes nothing', async () => {
    const res = await upload(
      csv(
        'JY2026001,2026-01-15,"12,000.00",一般公共预算,PV-0001',
        'JY2026001,2026/2/15,8000,一般公共预算,PV-0002',
        'JY2026404,2026-02-15,100,一般公共预算,PV-0003',
        'JY2026009,2026-02-15,100,一般公共预算,PV-0004',
        'QX2026001,2026-02-15,100,一般公共预算,PV-0005',
        'JY2026002,2026-13-01,100,一般公共预算,PV-0006',
        'JY2026002,2026-03-01,abc,一般公共预算,PV-0007',
        'JY2026002,2026-03-01,100,,PV-0008',
        'JY2026002,2026-03-01,100,一般公共预算,PV-0001',
      ),
      true,
    )
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body).toMatchObject({ dryRun: true, total: 9, created: 2, unchanged: 0, errorCount: 7 })
    expect(body.rows.map((r: { action: string }) => r.action)).toEqual(['create', 'create', 'error', 'error', 'error', 'error', 'error', 'error', 'error'])
    expect(body.rows[0]).toMatchObject({ projectCode: 'JY2026001', projectName: training.name, paidOn: '2026-01-15', amount: '12000.00', voucherNo: 'PV-0001' })
    const errorOf = (row: number) => body.errors.find((e: { row: number }) => e.row === row)
    expect(errorOf(4)).toMatchObject({ field: 'projectCode', column: '项目编码', message: expect.stringContaining('JY2026404 不存在') })
    expect(errorOf(5).message).toContain('尚未列入预算')
    expect(errorOf(6).message).toContain('下级行政区划')
    expect(errorOf(7)).toMatchObject({ field: 'paidOn', message: '“2026-13-01”不是有效的支付日期' })
    expect(errorOf(8)).toMatchObject({ field: 'amount' })
    expect(errorOf(9)).toMatchObject({ field: 'fundSource', message: '资金来源不能为空' })
    expect(errorOf(10)).toMatchObject({ field: 'voucherNo', message: expect.stringContaining('与第 2 行相同') })
    expect(await paymentCount()).toBe(0)
  })

  test('a file with one bad row writes nothing (422 IMPORT_INVALID with the row errors)', async () => {
    const res = await upload(csv('JY2026001,2026-01-15,12000,一般公共预算,PV-0001', 'JY2026404,2026-02-15,100,一般公共预算,PV-0002'))
    expect(res.statusCode).toBe(422)
    expect(res.json().error).toMatchObject({ code: 'IMPORT_INVALID', details: [{ row: 3, field: 'projectCode' }] })
    expect(await paymentCount()).toBe(0)
    expect(await auditCount()).toBe(0)
  })

  test('a good file is written once; the same file twice adds nothing; a voucher with other data is a row error', async () => {
    const file = csv('JY2026001,2026-01-15,12000,一般公共预算,PV-0001', 'JY2026001,2026-02-15,8000.5,一般公共预算,PV-0002', 'JY2026002,2026-03-01,-100,一般公共预算,PV-0003')
    const first = await upload(file)
    expect(first.statusCode).toBe(200)
    expect(first.json()).toMatchObject({ dryRun: false, total: 3, created: 3, unchanged: 0, errorCount: 0 })
    const again = await upload(file)
    expect(again.json()).toMatchObject({ total: 3, created: 0, unchanged: 3 })
    expect(await paymentCount()).toBe(3)
    expect(await auditCount()).toBe(2)
    const stored = await t.db.selectFrom('executionPayment').selectAll().where('voucherNo', '=', 'PV-0002').executeTakeFirstOrThrow()
    expect(stored).toMatchObject({ projectId: training.id, fiscalYear: 2026, month: 2, amount: '8000.50', source: 'import', createdBy: admin.id, jurisdictionCode: city.code })
    const changed = await upload(csv('JY2026001,2026-01-15,12000,一般公共预算,PV-0001', 'JY2026002,2026-02-15,8000.5,一般公共预算,PV-0002'))
    expect(changed.statusCode).toBe(422)
    expect(changed.json().error.details).toEqual([expect.objectContaining({ row: 3, field: 'voucherNo', message: expect.stringContaining('与已入库的支付记录相同') })])
    expect(await paymentCount()).toBe(3)
  })

  test('.xlsx in the treasury layout: a title line above the header, dates as dates, amounts in 万元, 预算年度 given', async () => {
    const book = new ExcelJS.Workbook()
    const sheet = book.addWorksheet('支付明细')
    sheet.addRow(['2026年国库集中支付明细'])
    sheet.addRow(['项目编码', '支付日期', '金额（万元）', '资金来源', '支付凭证号', '预算年度', '备注'])
    sheet.addRow(['JY2026002', new Date(Date.UTC(2026, 3, 30)), 1.5, '政府性基金', 'PV-X-001', 2026, '四月'])
    sheet.addRow(['JY2026002', '2026年5月8日', 0.25, '政府性基金', 'PV-X-002', 2026, null])
    const content = Buffer.from(await book.xlsx.writeBuffer())
    const res = await upload(new MultipartBody('支付.xlsx', content, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'))
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ created: 2, ignoredColumns: ['备注'] })
    const rows = await t.db.selectFrom('executionPayment').select(['amount', 'month', 'paidOn']).where('projectId', '=', books.id).where('voucherNo', 'like', 'PV-X-%').orderBy('voucherNo').execute()
    expect(rows.map((r) => [r.amount, r.month])).toEqual([['15000.00', 4], ['2500.00', 5]])
  })

  test('a file without the required columns is refused with the missing column named', async () => {
    const res = await upload(new MultipartBody('x.csv', Buffer.from('项目编码,支付日期,支付凭证号\r\nJY2026001,2026-01-01,A1\r\n'), 'text/csv'))
    expect(res.statusCode).toBe(422)
    expect(res.json().error.details.map((d: { message: string }) => d.message)).toEqual(['缺少必填列“金额”', '缺少必填列“资金来源”'])
  })

  test('the integration account may import; a unit user may not (403)', async () => {
    expect((await upload(csv('JY2026001,2026-06-15,1,一般公共预算,PV-I-1'), true, integration)).statusCode).toBe(200)
    expect((await upload(csv('JY2026001,2026-06-15,1,一般公共预算,PV-I-1'), true, unitUser)).statusCode).toBe(403)
  })

  test('many batches stream through one transaction; a voucher repeated across batches is caught', async () => {
    const lines = Array.from({ length: WRITE_BATCH + 10 }, (_, i) => `JY2026001,2026-07-${String((i % 28) + 1).padStart(2, '0')},1.00,一般公共预算,BIG-${i}`)
    const res = await upload(csv(...lines, 'JY2026001,2026-07-01,2.00,一般公共预算,BIG-5'), true)
    expect(res.json()).toMatchObject({ total: WRITE_BATCH + 11, created: WRITE_BATCH + 10, errorCount: 1, errors: [{ row: WRITE_BATCH + 12, field: 'voucherNo' }] })
    expect(await paymentCount()).toBe(5)
  })
})

describe('importPayments as a function (for jobs and the bench)', () => {
  test('reports progress per batch and commits', async () => {
    const actor = { userId: admin.id, username: admin.username, displayName: admin.displayName, roles: admin.roles, permissions: new Set(permissionsOf(admin.roles)), sessionHash: '', org: { code: city.code, name: city.name, kind: 'jurisdiction' as const, path: city.path, jurisdictionCode: city.code, departmentCode: null } }
    const progress: { rows: number; fraction: number }[] = []
    const lines = Array.from({ length: WRITE_BATCH + 1 }, (_, i) => `JY2026002,2026-08-01,1.00,一般公共预算,FN-${i}`)
    const result = await importPayments(t.db, { actor, requestId: 'job', clientIp: 'local', now: t.clock.now(), lang: 'zh' }, { fileName: 'x.csv', content: Buffer.from([HEADER, ...lines].join('\n')) }, (p) => progress.push(p))
    expect(result).toMatchObject({ dryRun: false, created: WRITE_BATCH + 1 })
    expect(progress.map((p) => p.rows)).toEqual([WRITE_BATCH, WRITE_BATCH + 1])
    expect(progress.at(-1)!.fraction).toBe(1)
  })
})

describe('reading 支付日期', () => {
  test.each([
    ['2026-06-30', '2026-06-30'],
    ['2026/6/3', '2026-06-03'],
    ['2026.06.30', '2026-06-30'],
    ['20260630', '2026-06-30'],
    ['2026年6月30日', '2026-06-30'],
    ['2026-06-30 10:22:01', '2026-06-30'],
    ['2026-02-30', null],
    ['June 30', null],
  ])('%s → %s', (text, iso) => expect(readPaidOn(text)).toBe(iso))

  test('an Excel serial day and a date cell', () => {
    expect(readPaidOn(46203)).toBe('2026-06-30')
    expect(readPaidOn(new Date(Date.UTC(2026, 5, 30)))).toBe('2026-06-30')
  })
})
