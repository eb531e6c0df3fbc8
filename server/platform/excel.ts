import { PassThrough, Readable } from 'node:stream'
import { StringDecoder } from 'node:string_decoder'
import ExcelJS from 'exceljs'
import type { FastifyReply } from 'fastify'
import { AppError } from '../http/errors.ts'
import { decodeCsv, parseCsv } from './csv.ts'
import { ZipError, type ZipEntry, zipEntries, zipEntryStream } from './zip.ts'

export interface ExcelColumn<T> {
  header: string
  width?: number
  /** An Excel number format for the column's cells, e.g. '#,##0.00'. */
  numFmt?: string
  value: (row: T) => string | number | Date | null | undefined
}

/**
 * Streams a list as .xlsx: rows are written and committed one by one, so a long list never sits in
 * memory as a whole workbook. Headers are Chinese, as units expect.
 */
export function sendXlsx<T>(reply: FastifyReply, fileName: string, columns: ExcelColumn<T>[], rows: AsyncIterable<T> | Iterable<T>) {
  const stream = new PassThrough()
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true })
  const sheet = workbook.addWorksheet('Sheet1')
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width ?? 18, ...(c.numFmt ? { style: { numFmt: c.numFmt } } : {}) }))
  sheet.getRow(1).font = { bold: true }
  ;(async () => {
    for await (const row of rows) sheet.addRow(columns.map((c) => c.value(row) ?? null)).commit()
    sheet.commit()
    await workbook.commit()
  })().catch((error) => stream.destroy(error))
  return reply
    .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .send(stream)
}

/** A cell as read from a file: Excel's own types, or text from CSV. */
export type CellValue = string | number | boolean | Date | null

export interface SheetRow {
  sheet: string
  /** 1-based row number, as the spreadsheet shows it. */
  number: number
  /** 0-based by column (A = 0). */
  cells: CellValue[]
}

export type SpreadsheetKind = 'xlsx' | 'csv'

const unsupported = (zh: string, en: string) => new AppError('UNSUPPORTED_FILE', undefined, { zh, en })

/** Decides by content (and the name for CSV) whether a file is .xlsx or .csv; anything else is refused. */
export function spreadsheetKind(content: Buffer, fileName: string): SpreadsheetKind {
  const name = fileName.toLowerCase()
  if (content.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return 'xlsx'
  if (content.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) {
    throw unsupported('不支持 Excel 97-2003（.xls）格式，请在 Excel 中另存为 .xlsx 后导入', 'Excel 97-2003 (.xls) files are not supported; save the file as .xlsx')
  }
  if (name.endsWith('.csv') && !content.subarray(0, 8192).includes(0)) return 'csv'
  throw unsupported('只能导入 .xlsx 或 .csv 文件', 'Only .xlsx and .csv files can be imported')
}

/**
 * The rows of every sheet of an .xlsx (read with exceljs's streaming reader, so a large file is never a whole
 * workbook in memory) or of a CSV file. onProgress gets the share of the file consumed so far.
 */
export async function* readSpreadsheet(content: Buffer, kind: SpreadsheetKind, onProgress?: (fraction: number) => void): AsyncGenerator<SheetRow> {
  if (kind === 'csv') {
    const text = decodeCsv(content)
    for (const record of parseCsv(text)) {
      if (record.number % 1000 === 0) onProgress?.(record.offset / text.length)
      yield { sheet: 'csv', number: record.number, cells: record.fields }
    }
    onProgress?.(1)
    return
  }
  let sheetTotal = 0
  let sheetRead = 0
  const reader = new BufferWorkbookReader(content, {
    sheetStarted: (size) => {
      sheetTotal = size
      sheetRead = 0
    },
    bytesRead: (n) => (sheetRead += n),
  })
  try {
    for await (const sheet of reader as unknown as AsyncIterable<ExcelJS.stream.xlsx.WorksheetReader & { name?: string }>) {
      const name = sheet.name ?? ''
      for await (const row of sheet) {
        if (row.number % 1000 === 0 && sheetTotal) onProgress?.(Math.min(1, sheetRead / sheetTotal))
        const values = row.values as unknown[]
        const cells: CellValue[] = []
        for (let i = 1; i < values.length; i++) cells.push(cellValue(values[i]))
        yield { sheet: name, number: row.number, cells }
      }
    }
  } catch (error) {
    if (error instanceof AppError) throw error
    throw unsupported('文件无法读取，请确认是有效的 .xlsx 文件', 'The file cannot be read; is it a valid .xlsx file?')
  }
  onProgress?.(1)
}

/** exceljs cell values (rich text, formulas, hyperlinks, errors) as plain values. */
export function cellValue(value: unknown): CellValue {
  if (value === null || value === undefined) return null
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: string; formula?: string }
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('')
    if ('result' in v || 'formula' in v) return cellValue(v.result)
    if (v.text !== undefined) return cellValue(v.text)
    if (v.error !== undefined) return String(v.error)
  }
  return String(value)
}

async function* utf8Text(chunks: AsyncIterable<Buffer>, bytesRead: (n: number) => void) {
  const decoder = new StringDecoder('utf8')
  for await (const chunk of chunks) {
    bytesRead(chunk.length)
    const text = decoder.write(chunk)
    if (text) yield text
  }
  const rest = decoder.end()
  if (rest) yield rest
}

interface ReaderInternals {
  _parseRels(entry: Readable): Promise<void>
  _parseWorkbook(entry: Readable): Promise<void>
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>
  _parseWorksheet(iterator: AsyncIterable<string>, sheetNo: string): Generator<unknown>
}
type ReaderBase = new (input: null, options: object) => ReaderInternals

/**
 * exceljs 4.4's streaming WorkbookReader, fed from the buffered file through its central directory instead of
 * its own streaming unzip. That fixes two faults of the stock reader, both reproduced here:
 * - it turns each decompressed chunk into text on its own, so a Chinese character split across two chunks
 *   becomes "��" (exceljs issues #2063, #2084; fixes unmerged) — here each part is decoded across chunks and
 *   reaches exceljs as text, which it passes through untouched;
 * - now and then (≈ 0.3 % of reads on a busy machine) it loses xl/workbook.xml and fails with "Cannot read
 *   properties of undefined (reading 'sheets')" on a valid file.
 * The parts are read in the order the sheets need them (relations, workbook, shared strings, then each sheet
 * as a stream), so no sheet waits in a temporary file. Relies on exceljs's _parse* methods: pinned 4.4.0.
 */
class BufferWorkbookReader extends (ExcelJS.stream.xlsx.WorkbookReader as unknown as ReaderBase) {
  constructor(
    private readonly zip: Buffer,
    private readonly hooks: { sheetStarted(size: number): void; bytesRead(n: number): void },
  ) {
    super(null, { sharedStrings: 'cache', styles: 'ignore', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore' })
  }

  async *parse() {
    const entries = zipEntries(this.zip)
    const part = (name: string) => {
      const entry = entries.get(name)
      return entry ? Readable.from(utf8Text(zipEntryStream(this.zip, entry), () => {})) : null
    }
    const rels = part('xl/_rels/workbook.xml.rels')
    if (rels) await this._parseRels(rels)
    const workbook = part('xl/workbook.xml')
    if (!workbook) throw new ZipError('no xl/workbook.xml')
    await this._parseWorkbook(workbook)
    const shared = part('xl/sharedStrings.xml')
    if (shared) yield* this._parseSharedStrings(shared)
    const sheets = [...entries.values()]
      .map((entry) => ({ entry, no: /^xl\/worksheets\/sheet(\d+)\.xml$/.exec(entry.name)?.[1] }))
      .filter((s): s is { entry: ZipEntry; no: string } => s.no !== undefined)
      .sort((a, b) => Number(a.no) - Number(b.no))
    for (const { entry, no } of sheets) {
      this.hooks.sheetStarted(entry.size)
      yield* this._parseWorksheet(utf8Text(zipEntryStream(this.zip, entry), this.hooks.bytesRead), no)
    }
  }
}
