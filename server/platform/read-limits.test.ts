import { describe, expect, test } from 'vitest'
import { deflated, deflatedRepeat, sharedHead, sharedTail, sheetHead, sheetTail, textRow, xlsxOf } from '../test/hostile-files.ts'
import { readSpreadsheet, readWorkbook } from './excel.ts'
import { defaultReadLimits, type ReadLimits } from './read-limits.ts'

/** Crafted files against the readers with the default limits: each is refused with its limit within seconds. */

const MB = 1024 * 1024

async function readAll(content: Buffer, kind: 'xlsx' | 'csv' = 'xlsx', limits: ReadLimits = defaultReadLimits) {
  const rows = []
  for await (const row of readSpreadsheet(content, kind, undefined, limits)) rows.push(row)
  return rows
}

/** The error a read ends with, and how long it took to get there. */
async function refusal(read: () => Promise<unknown>) {
  const started = performance.now()
  const error = await read().then(
    () => null,
    (e: { code?: string; details?: unknown; status?: number }) => e,
  )
  return { code: error?.code, status: error?.status, details: error?.details, seconds: (performance.now() - started) / 1000 }
}

const sharedBomb = (bytes: number) => deflatedRepeat(sharedHead, '<si><t>a</t></si>', bytes, sharedTail)
const cellRow = '<row r="1"><c r="A1" t="s"><v>0</v></c></row>'

describe('the builder makes files the reader reads', () => {
  test('a small crafted workbook reads back as written (so the refusals below are for the right reason)', async () => {
    const rows = await readAll(xlsxOf(deflated(`${sheetHead}${textRow(1, ['项目编码', '项目名称'])}<row r="2"><c r="A2" t="s"><v>0</v></c></row>${sheetTail}`), deflated(`${sharedHead}<si><t>学校</t></si>${sharedTail}`)))
    expect(rows.map((r) => r.cells)).toEqual([['项目编码', '项目名称'], ['学校']])
    const bomb = sharedBomb(3 * MB)
    expect(bomb.data.length).toBeLessThan(40_000)
    const lenient = { ...defaultReadLimits, maxCompressionRatio: 1_000_000 }
    expect(await readAll(xlsxOf(deflated(`${sheetHead}${cellRow}${sheetTail}`), bomb), 'xlsx', lenient)).toHaveLength(1)
  })
})

describe('zip bombs', () => {
  test('shared strings that honestly declare 300 MB from a few kB: refused before inflating (413, compression ratio)', async () => {
    const file = xlsxOf(deflated(`${sheetHead}${cellRow}${sheetTail}`), sharedBomb(300 * MB))
    expect(file.length).toBeLessThan(1 * MB)
    const r = await refusal(() => readAll(file))
    expect(r).toMatchObject({ code: 'FILE_TOO_LARGE', status: 413, details: { limit: 'maxCompressionRatio' } })
    expect(r.seconds).toBeLessThan(2)
  })

  test('shared strings that inflate to 600 MB but declare 100 kB: stopped where the real size passes the declared one (413)', async () => {
    const file = xlsxOf(deflated(`${sheetHead}${cellRow}${sheetTail}`), { name: '', packed: sharedBomb(600 * MB), declaredSize: 100_000 })
    const r = await refusal(() => readAll(file))
    expect(r).toMatchObject({ code: 'FILE_TOO_LARGE', details: { limit: 'declaredSize' } })
    expect(r.seconds).toBeLessThan(5)
  })

  test('shared strings that lie just under the compression ratio: the shared-string limits stop them (413/422)', async () => {
    const packed = sharedBomb(600 * MB)
    const declaredSize = 120 * MB
    expect(declaredSize / packed.data.length).toBeLessThan(defaultReadLimits.maxCompressionRatio)
    const file = xlsxOf(deflated(`${sheetHead}${cellRow}${sheetTail}`), { name: '', packed, declaredSize })
    const r = await refusal(() => readAll(file, 'xlsx', { ...defaultReadLimits, maxSharedStrings: 100_000 }))
    expect(r).toMatchObject({ code: 'IMPORT_LIMIT_EXCEEDED', status: 422, details: { limit: 'maxSharedStrings', max: 100_000 } })
    const bytes = await refusal(() => readAll(file, 'xlsx', { ...defaultReadLimits, maxSharedStringBytes: 1 * MB }))
    expect(bytes).toMatchObject({ code: 'FILE_TOO_LARGE', details: { limit: 'maxSharedStringBytes' } })
    expect(r.seconds + bytes.seconds).toBeLessThan(10)
  })

  test('a sheet of 400 MB of blank rows in a few kB that lies about its size: the row count stops it (422)', async () => {
    const packed = deflatedRepeat(sheetHead, '<row/>', 400 * MB, sheetTail)
    const r = await refusal(() => readAll(xlsxOf({ name: '', packed, declaredSize: 900_000 }), 'xlsx', { ...defaultReadLimits, maxRows: 100_000 }))
    expect(r).toMatchObject({ code: 'IMPORT_LIMIT_EXCEEDED', details: { limit: 'maxRows', max: 100_000 } })
    const real = await refusal(() => readAll(xlsxOf({ name: '', packed, declaredSize: 900_000 })))
    expect(real).toMatchObject({ code: 'FILE_TOO_LARGE', details: { limit: 'declaredSize' } })
    expect(r.seconds + real.seconds).toBeLessThan(10)
  })

  test('rows whose one cell sits in column XFD count every column up to it (422 cells)', async () => {
    const packed = deflatedRepeat(sheetHead, '<row r="1"><c r="XFD1"><v>1</v></c></row>', 200_000, sheetTail)
    const r = await refusal(() => readAll(xlsxOf({ name: '', packed, declaredSize: 900_000 })))
    expect(r).toMatchObject({ code: 'IMPORT_LIMIT_EXCEEDED', details: { limit: 'maxCells' } })
    expect(r.seconds).toBeLessThan(10)
  })

  test('one text of 50 MB without markup is no cell Excel holds (422), refused before it is gathered', async () => {
    const packed = deflatedRepeat(`${sharedHead}<si><t>`, ' ', 50 * MB, `</t></si>${sharedTail}`)
    const r = await refusal(() => readAll(xlsxOf(deflated(`${sheetHead}${cellRow}${sheetTail}`), { name: '', packed, declaredSize: 900_000 })))
    expect(r).toMatchObject({ code: 'IMPORT_LIMIT_EXCEEDED', details: { limit: 'maxTextRun' } })
  })

  test('the form reader (申报表) is held to the same limits', async () => {
    const bomb = await refusal(() => readWorkbook(xlsxOf(deflated(`${sheetHead}${cellRow}${sheetTail}`), { name: '', packed: sharedBomb(600 * MB), declaredSize: 100_000 })))
    expect(bomb).toMatchObject({ code: 'FILE_TOO_LARGE', details: { limit: 'declaredSize' } })
    const cells = await refusal(() => readWorkbook(xlsxOf({ name: '', packed: deflatedRepeat(sheetHead, '<row r="1"><c r="XFD1"><v>1</v></c></row>', MB, sheetTail), declaredSize: 900_000 })))
    expect(cells).toMatchObject({ code: 'IMPORT_LIMIT_EXCEEDED', details: { limit: 'maxCells' } })
  })
})

describe('CSV and time', () => {
  test('a CSV of blank lines counts every line as a row (422)', async () => {
    const r = await refusal(() => readAll(Buffer.alloc(2 * MB, '\n'), 'csv', { ...defaultReadLimits, maxRows: 1_000_000 }))
    expect(r).toMatchObject({ code: 'IMPORT_LIMIT_EXCEEDED', details: { limit: 'maxRows', max: 1_000_000 } })
  })

  test('reading stops after its time budget (422), for .xlsx and for CSV', async () => {
    const limits = { ...defaultReadLimits, maxSeconds: 0.2 }
    const csv = Buffer.from(`a,b\n${'1,2\n'.repeat(250_000)}`)
    const r = await refusal(() => readAll(csv, 'csv', { ...limits, maxSeconds: 0.01 }))
    expect(r).toMatchObject({ code: 'IMPORT_LIMIT_EXCEEDED', details: { limit: 'maxSeconds' } })
    const packed = deflatedRepeat(sheetHead, textRow(1, ['甲', '乙', '丙']), 90 * MB, sheetTail)
    const xlsx = xlsxOf({ name: '', packed, declaredSize: packed.data.length * 99 })
    const slow = await refusal(() => readAll(xlsx, 'xlsx', limits))
    expect(slow).toMatchObject({ code: 'IMPORT_LIMIT_EXCEEDED', details: { limit: 'maxSeconds', max: 0.2 } })
    expect(slow.seconds).toBeLessThan(3)
  })
})
