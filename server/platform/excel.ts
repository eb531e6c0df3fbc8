import { PassThrough, Readable } from 'node:stream'
import { StringDecoder } from 'node:string_decoder'
import ExcelJS from 'exceljs'
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Language } from '../../domain/errors.ts'
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

export interface CellProblem {
  zh: string
  en: string
}
export type Read<T> = { value: T } | { problem: CellProblem }

export function isEmptyCell(value: CellValue): boolean {
  return value === null || (typeof value === 'string' && value.trim() === '')
}

/** Text of a cell; whole numbers typed into text columns (codes, phone numbers) read as their digits. */
export function cellText(value: CellValue): string {
  if (value === null) return ''
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value)
  return String(value).trim()
}

export function readYear(value: CellValue): Read<number> {
  const text = cellText(value)
  if (!/^\d{4}(\.0+)?$/.test(text)) return { problem: { zh: `“${text}”不是有效的年度（四位数字，如 2026）`, en: `"${text}" is not a year (four digits, e.g. 2026)` } }
  return { value: Number.parseInt(text, 10) }
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

// ─── forms ─────────────────────────────────────────────────────────────────────────────────────────────────────

export interface WorkbookSheet {
  name: string
  rows: SheetRow[]
}

/** A form's file is small; this bounds what a crafted one may unpack to in memory. */
const MAX_UNPACKED_BYTES = 200 * 1024 * 1024

/**
 * A whole .xlsx in memory, for forms (one record laid out over a sheet, merged cells, values typed as Excel
 * formats them) rather than long lists, which readSpreadsheet streams. A merged range is read once, at its
 * top-left cell, the others being empty as in the stream reader; a number formatted as a percentage reads as the
 * text the sheet shows ("95%"), since forms mean that text. exceljs's whole-file loader decodes each part at once,
 * so it has not the split-character fault of its stream reader.
 */
export async function readWorkbook(content: Buffer): Promise<WorkbookSheet[]> {
  const unreadable = () => unsupported('文件无法读取，请确认是有效的 .xlsx 文件', 'The file cannot be read; is it a valid .xlsx file?')
  let unpacked = 0
  try {
    for (const entry of zipEntries(content).values()) unpacked += entry.size
  } catch {
    throw unreadable()
  }
  if (unpacked > MAX_UNPACKED_BYTES) throw unsupported('文件解压后过大，请确认是有效的 .xlsx 文件', 'The file unpacks to too much data; is it a valid .xlsx file?')
  const book = new ExcelJS.Workbook()
  try {
    await book.xlsx.load(content as unknown as Parameters<typeof book.xlsx.load>[0])
  } catch {
    throw unreadable()
  }
  return book.worksheets.map((sheet) => {
    const rows: SheetRow[] = []
    sheet.eachRow((row, number) => {
      const cells: CellValue[] = []
      row.eachCell({ includeEmpty: true }, (cell, column) => {
        cells[column - 1] = cell.isMerged && cell.master.address !== cell.address ? null : formCellValue(cell.value, cell.numFmt)
      })
      rows.push({ sheet: sheet.name, number, cells: Array.from(cells, (c) => c ?? null) })
    })
    return { name: sheet.name, rows }
  })
}

function formCellValue(raw: unknown, numFmt: string | undefined): CellValue {
  const value = cellValue(raw)
  if (typeof value !== 'number' || !numFmt?.includes('%') || !Number.isFinite(value)) return value
  const percent = Number((value * 100).toPrecision(15))
  return `${percent}%`
}

/**
 * The one file of a multipart/form-data upload (field `file`) of an import, whole: 415 when the request is not
 * multipart, 413 past the limit the route's multipart registration sets (`maxBytes`), 400 when missing or empty.
 */
export async function receiveImportFile(req: FastifyRequest, lang: Language, maxBytes: number, formats: string): Promise<{ fileName: string; content: Buffer }> {
  if (!req.isMultipart()) throw unsupported(`请以 multipart/form-data 上传 ${formats} 文件`, `Upload an ${formats.replace(' 或 ', ' or ')} file as multipart/form-data`)
  const part = await req.file()
  if (!part) throw new AppError('VALIDATION_FAILED', [{ path: 'file', message: lang === 'zh' ? '缺少文件' : 'The file is missing' }])
  const megabytes = Math.round(maxBytes / 1024 / 1024)
  const content = await part.toBuffer().catch((error: { code?: string }) => {
    if (error.code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('FILE_TOO_LARGE', { maxBytes }, { zh: `导入文件不能超过 ${megabytes} MB`, en: `Import files are limited to ${megabytes} MB` })
    throw error
  })
  if (content.length === 0) throw new AppError('VALIDATION_FAILED', [{ path: 'file', message: lang === 'zh' ? '文件为空' : 'The file is empty' }])
  return { fileName: part.filename || 'import', content }
}
