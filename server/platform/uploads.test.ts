import { describe, expect, test } from 'vitest'
import { createTestContext } from '../test/context.ts'
import { call, MultipartBody } from '../test/endpoints.ts'
import { deflated, deflatedRepeat, sharedHead, sharedTail, sheetHead, sheetTail, xlsxOf } from '../test/hostile-files.ts'
import { defaultReadLimits } from './read-limits.ts'

/**
 * Hostile uploads over HTTP (issue 10, point 1): every import endpoint answers a crafted file with 413/422 and a
 * stable code within seconds, in Chinese or English, and the server still answers /api/health afterwards.
 * The default limits are the ones under test, except where a test sets a smaller one to reach it cheaply.
 */
const MB = 1024 * 1024
const t = await createTestContext({ readLimits: { ...defaultReadLimits, maxRows: 50_000 }, uploadLimits: { importBytes: 4 * MB, formBytes: 2 * MB, attachmentBytes: 1 * MB } })
const city = await t.make.jurisdiction()
const edu = await t.make.department({ jurisdiction: city, name: '教育局' })
const school = await t.make.unit({ department: edu, name: '第一中学' })
const unitUser = await t.make.user({ role: 'unit_user', org: school })
const cookie = (await t.as(unitUser)).cookie

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
const cellRow = '<row r="1"><c r="A1" t="s"><v>0</v></c></row>'
const sharedBomb = (declaredSize?: number) => xlsxOf(deflated(`${sheetHead}${cellRow}${sheetTail}`), { name: '', packed: deflatedRepeat(sharedHead, '<si><t>a</t></si>', 300 * MB, sharedTail), ...(declaredSize ? { declaredSize } : {}) })
const blankRows = () => xlsxOf({ name: '', packed: deflatedRepeat(sheetHead, '<row r="1"/>', 400 * MB, sheetTail), declaredSize: 900_000 })

const endpoints = {
  projects: (dryRun: boolean) => `/api/projects/import?dryRun=${dryRun}`,
  goals: (dryRun: boolean) => `/api/goals/import?dryRun=${dryRun}`,
}

async function upload(url: string, fileName: string, content: Buffer, lang?: 'en') {
  const body = new MultipartBody(fileName, content, fileName.endsWith('.csv') ? 'text/csv' : XLSX)
  const started = performance.now()
  const res = await t.app.inject({
    method: 'POST',
    url,
    payload: body.payload(),
    headers: { cookie: cookie!, 'content-type': `multipart/form-data; boundary=${body.boundary}`, ...(lang ? { 'accept-language': lang } : {}) },
  })
  return { status: res.statusCode, error: res.json().error as { code: string; message: string; details: { limit: string } }, seconds: (performance.now() - started) / 1000 }
}

async function healthy() {
  expect((await call(t, 'GET', '/api/health', undefined, null)).statusCode).toBe(200)
}

describe.each(['projects', 'goals'] as const)('the %s import refuses crafted workbooks', (kind) => {
  test('shared strings of 300 MB from a few kB, declared honestly: 413 before anything inflates', async () => {
    const res = await upload(endpoints[kind](true), '项目.xlsx', sharedBomb())
    expect([res.status, res.error.code, res.error.details.limit]).toEqual([413, 'FILE_TOO_LARGE', 'maxCompressionRatio'])
    expect(res.error.message).toMatch(/压缩比/)
    expect(res.seconds).toBeLessThan(3)
    await healthy()
  })

  test('the same, lying that they are 100 kB: 413 where the real size passes it, in English when asked', async () => {
    const res = await upload(endpoints[kind](false), '项目.xlsx', sharedBomb(100_000), 'en')
    expect([res.status, res.error.code, res.error.details.limit]).toEqual([413, 'FILE_TOO_LARGE', 'declaredSize'])
    expect(res.error.message).toMatch(/unpacks to more than it declares/)
    expect(res.seconds).toBeLessThan(5)
    await healthy()
  })

  test('400 MB of blank rows: 422 at the row limit, blank rows counted', async () => {
    const res = await upload(endpoints[kind](true), '项目.xlsx', blankRows())
    expect([res.status, res.error.code, res.error.details.limit]).toEqual([422, 'IMPORT_LIMIT_EXCEEDED', 'maxRows'])
    expect(res.error.message).toBe('文件超过 50000 行（含空行），请分批导入')
    expect(res.seconds).toBeLessThan(8)
    await healthy()
  })
})

describe('sizes and CSV', () => {
  test('uploads over the configured size are 413 FILE_TOO_LARGE in our error shape', async () => {
    const big = Buffer.alloc(4 * MB + 1, 0x41)
    const project = await upload(endpoints.projects(true), '项目.csv', big)
    expect([project.status, project.error.code, project.error.message]).toEqual([413, 'FILE_TOO_LARGE', '导入文件不能超过 4 MB'])
    const goal = await upload(endpoints.goals(true), '申报表.xlsx', Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(2 * MB)]))
    expect([goal.status, goal.error.code]).toEqual([413, 'FILE_TOO_LARGE'])
    await healthy()
  })

  test('a background payment import streamed past the size is 413 too, and leaves no stored piece behind', async () => {
    const admin = await t.make.user({ role: 'finance_admin', org: city })
    const before = await t.db.selectFrom('storedFileChunk').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()
    const body = new MultipartBody('支付.csv', Buffer.alloc(4 * MB + 1, 0x41), 'text/csv')
    const res = await call(t, 'POST', '/api/execution/payments/import?background=true', body, (await t.as(admin)).cookie)
    expect([res.statusCode, res.json().error.code]).toEqual([413, 'FILE_TOO_LARGE'])
    const after = await t.db.selectFrom('storedFileChunk').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()
    expect(after.n).toBe(before.n)
    await healthy()
  })

  test('a CSV of one endless cell is 422 at the text-run limit, not gathered into memory', async () => {
    const res = await upload(endpoints.projects(true), '项目.csv', Buffer.alloc(3 * MB, 0x41))
    expect([res.status, res.error.code, res.error.details.limit]).toEqual([422, 'IMPORT_LIMIT_EXCEEDED', 'maxTextRun'])
    await healthy()
  })

  test('a CSV of 3 million blank lines is 422 at the row limit', async () => {
    const res = await upload(endpoints.projects(true), '项目.csv', Buffer.alloc(3 * MB, '\n'))
    expect([res.status, res.error.code, res.error.details.limit]).toEqual([422, 'IMPORT_LIMIT_EXCEEDED', 'maxRows'])
    await healthy()
  })
})
