import { PassThrough } from 'node:stream'
import ExcelJS from 'exceljs'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { toWanYuan } from '../../../domain/money.ts'
import { decodeCsv, parseCsv } from '../../platform/csv.ts'
import { readSpreadsheet, spreadsheetKind } from '../../platform/excel.ts'
import { matchHeader, moneyCell, readBool, readLabel, readMoney, readYear, projectSheetColumns } from './projects.excel.ts'

/** The Excel side of the project library without a database: money, headers, labels, CSV, the stream reader. */

const ok = <T>(value: T) => ({ value })
const column = (field: string) => projectSheetColumns.find((c) => c.field === field)!

/** Any amount the database holds: 0.00 … 9999999999999999.99, from integer cents. */
const money = fc.bigInt({ min: 0n, max: 999_999_999_999_999_999n }).map((cents) => {
  const text = cents.toString().padStart(3, '0')
  return `${text.slice(0, -2)}.${text.slice(-2)}`
})

describe('money in cells', () => {
  test('1234567.89 is written as that number and read back as that decimal, in 元 and in 万元', () => {
    expect(moneyCell('1234567.89', 'yuan')).toBe(1234567.89)
    expect(String(moneyCell('1234567.89', 'yuan'))).toBe('1234567.89')
    expect(readMoney(1234567.89, 'yuan')).toEqual(ok('1234567.89'))
    expect(moneyCell('1234567.89', 'wan')).toBe(123.456789)
    expect(readMoney(123.456789, 'wan')).toEqual(ok('1234567.89'))
  })

  test('amounts beyond Excel’s 15 digits are written as text, exactly', () => {
    expect(moneyCell('9999999999999999.99', 'yuan')).toBe('9999999999999999.99')
    expect(moneyCell('9999999999999.99', 'yuan')).toBe(9999999999999.99)
    expect(readMoney('9999999999999999.99', 'yuan')).toEqual(ok('9999999999999999.99'))
  })

  test('every amount survives cell → file text → cell exactly, whichever way it is written (property)', () => {
    fc.assert(
      fc.property(money, fc.constantFrom('yuan' as const, 'wan' as const), (amount, unit) => {
        const cell = moneyCell(amount, unit)
        // What the .xlsx holds is the number's shortest text, and a reader parses that text back.
        const fromFile = typeof cell === 'number' ? Number.parseFloat(String(cell)) : cell
        expect(readMoney(fromFile, unit)).toEqual(ok(amount))
      }),
      { numRuns: 2000 },
    )
  })

  test('what people type: separators, 元, ¥, and Excel’s float noise; refused: text, negatives, fractions of a cent', () => {
    expect(readMoney('1,234,567.89', 'yuan')).toEqual(ok('1234567.89'))
    expect(readMoney(' 1234567.89元 ', 'yuan')).toEqual(ok('1234567.89'))
    expect(readMoney('￥100', 'yuan')).toEqual(ok('100.00'))
    expect(readMoney(0.1 + 0.2, 'yuan')).toEqual(ok('0.30'))
    expect(readMoney(1234567.8899999999, 'yuan')).toEqual(ok('1234567.89'))
    expect(readMoney('12.5万元', 'wan')).toEqual(ok('125000.00'))
    expect(readMoney('abc', 'yuan')).toEqual({ problem: { zh: '“abc”不是有效的金额', en: '"abc" is not an amount of money' } })
    expect(readMoney('-5', 'yuan')).toMatchObject({ problem: { zh: '金额不能为负数' } })
    expect(readMoney('1.234', 'yuan')).toMatchObject({ problem: { zh: '金额 1.234 超过 2 位小数' } })
    expect(readMoney(1.0000001, 'wan')).toMatchObject({ problem: { zh: expect.stringContaining('超过 6 位小数') } })
    expect(readMoney('99999999999999999', 'yuan')).toMatchObject({ problem: { zh: '金额超出上限' } })
  })

  test('toWanYuan keeps every digit (and its trailing-zero trim never eats an integer’s zeros)', () => {
    expect(toWanYuan('1234567.89')).toBe('123.456789')
    expect(toWanYuan('1000000.00')).toBe('100')
    expect(toWanYuan('1000000.00', 0)).toBe('100')
    expect(toWanYuan('0.00')).toBe('0')
  })
})

describe('headers, years, labels, yes/no', () => {
  test('headers are matched without required marks, spaces or units, and by field name', () => {
    expect(matchHeader('*中期资金总额（万元）')).toMatchObject({ column: { field: 'mediumTermAmount' }, unit: 'wan' })
    expect(matchHeader('中期资金总额(元)')).toMatchObject({ column: { field: 'mediumTermAmount' }, unit: 'yuan' })
    expect(matchHeader(' 项目 编码 ')).toMatchObject({ column: { field: 'code' } })
    expect(matchHeader('amountGeneral')).toMatchObject({ column: { field: 'amountGeneral' } })
    expect(matchHeader('年度资金合计（元）')).toMatchObject({ column: { header: '年度资金合计' } })
    expect(matchHeader('备注')).toBeNull()
  })

  test('labels are read in Chinese, English or as codes; others name the choices', () => {
    expect(readLabel('一般公共预算', column('budgetKind'))).toEqual(ok('general'))
    expect(readLabel('government fund budget', column('budgetKind'))).toEqual(ok('fund'))
    expect(readLabel('one_off', column('projectType'))).toEqual(ok('one_off'))
    expect(readLabel('常规', column('projectType'))).toEqual({
      problem: { zh: '项目类型“常规”无效，可选：常年性、延续性、一次性', en: '项目类型 "常规" is not valid; choose one of: Recurring, Multi-year, One-off' },
    })
  })

  test('years and yes/no', () => {
    expect(readYear(2026)).toEqual(ok(2026))
    expect(readYear('2026')).toEqual(ok(2026))
    expect(readYear('26')).toMatchObject({ problem: { zh: '“26”不是有效的年度（四位数字，如 2026）' } })
    expect(readYear(2026.5)).toHaveProperty('problem')
    expect([readBool('是'), readBool('否'), readBool(true), readBool('Y')]).toEqual([ok(true), ok(false), ok(true), ok(true)])
    expect(readBool('也许')).toHaveProperty('problem')
  })
})

describe('CSV', () => {
  test('quotes, commas, quotes inside quotes, line breaks inside quotes, CRLF and a last line without one', () => {
    const records = [...parseCsv('a,"b,c","say ""hi"""\r\n"two\nlines",,x\r\nlast,row')]
    expect(records.map((r) => [r.number, r.fields])).toEqual([
      [1, ['a', 'b,c', 'say "hi"']],
      [2, ['two\nlines', '', 'x']],
      [3, ['last', 'row']],
    ])
  })

  test('UTF-8 with a BOM, and GB18030 as Excel on Chinese Windows saves it', () => {
    expect(decodeCsv(Buffer.from('\ufeff项目编码,名称', 'utf8'))).toBe('项目编码,名称')
    expect(decodeCsv(Buffer.from([0xd6, 0xd0, 0xce, 0xc4, 0x2c, 0x41]))).toBe('中文,A')
  })
})

describe('the streaming .xlsx reader', () => {
  const chineseText = fc.string({ unit: fc.constantFrom(...'预算绩效管理项目库一般公共政府性基金国有资本经营社会保险延续新增𠮷'), minLength: 20, maxLength: 60 })

  async function streamed(rows: (string | number)[][]) {
    const stream = new PassThrough()
    const chunks: Buffer[] = []
    stream.on('data', (c: Buffer) => chunks.push(c))
    const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream })
    const sheet = book.addWorksheet('项目')
    for (const r of rows) sheet.addRow(r).commit()
    sheet.commit()
    await book.commit()
    return Buffer.concat(chunks)
  }

  async function inMemory(rows: (string | number)[][]) {
    const book = new ExcelJS.Workbook()
    const sheet = book.addWorksheet('项目')
    for (const r of rows) sheet.addRow(r)
    return Buffer.from(await book.xlsx.writeBuffer())
  }

  async function readBack(content: Buffer) {
    const rows: unknown[][] = []
    for await (const r of readSpreadsheet(content, 'xlsx')) rows.push(r.cells)
    return rows
  }

  // exceljs 4.4 alone turns a character split across two decompressed chunks into "��" (issues #2063, #2084).
  test.each([
    ['inline strings (our own export)', streamed],
    ['shared strings (what Excel writes)', inMemory],
  ])('gives back Chinese text and amounts exactly, across many chunks: %s', async (_, write) => {
    const texts = fc.sample(chineseText, { numRuns: 10_000, seed: 42 })
    const amounts = fc.sample(money, { numRuns: 10_000, seed: 7 })
    const rows = texts.map((text, i) => [text, moneyCell(amounts[i]!, 'yuan')])
    const content = await write(rows)
    expect(content.length).toBeGreaterThan(100_000)
    const back = await readBack(content)
    expect(back.map((r) => r[0])).toEqual(texts)
    expect(back.map((r) => readMoney(r[1] as number | string, 'yuan'))).toEqual(amounts.map(ok))
  })

  test('only .xlsx and .csv are taken', () => {
    expect(spreadsheetKind(Buffer.from('PK\x03\x04rest'), 'a.bin')).toBe('xlsx')
    expect(spreadsheetKind(Buffer.from('a,b'), 'list.CSV')).toBe('csv')
    expect(() => spreadsheetKind(Buffer.from('a,b'), 'list.txt')).toThrow('UNSUPPORTED_FILE')
    expect(() => spreadsheetKind(Buffer.from([0, 1, 2]), 'x.csv')).toThrow('UNSUPPORTED_FILE')
  })
})
