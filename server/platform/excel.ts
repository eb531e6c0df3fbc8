import { PassThrough } from 'node:stream'
import ExcelJS from 'exceljs'
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Language } from '../../domain/errors.ts'
import { AppError } from '../http/errors.ts'
import { CsvParser, type CsvRecord, csvEncodingOf, decodeCsvChunks } from './csv.ts'
import { sendDownload } from './files.ts'
import { guardFormula, unguardFormula } from './formula-guard.ts'
import { defaultReadLimits, ReadBudget, type ReadLimits } from './read-limits.ts'
import { xlsxSheets } from './xlsx-reader.ts'

export interface ExcelColumn<T> {
  header: string
  width?: number
  /** An Excel number format for the column's cells, e.g. '#,##0.00'. */
  numFmt?: string
  value: (row: T) => string | number | Date | null | undefined
}

/** A value as it goes into an exported cell: text that a spreadsheet could take for a formula is quoted. */
export function exportCell<T>(value: T): T | string {
  return typeof value === 'string' ? guardFormula(value) : value
}

/**
 * Streams a list as .xlsx: rows are written and committed one by one, so a long list never sits in
 * memory as a whole workbook. Headers are Chinese, as units expect. Text cells are formula-guarded.
 */
export function sendXlsx<T>(reply: FastifyReply, fileName: string, columns: ExcelColumn<T>[], rows: AsyncIterable<T> | Iterable<T>) {
  const stream = new PassThrough()
  // eslint-disable-next-line no-restricted-properties -- the one guarded list writer
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true })
  const sheet = workbook.addWorksheet('Sheet1')
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width ?? 18, ...(c.numFmt ? { style: { numFmt: c.numFmt } } : {}) }))
  sheet.getRow(1).font = { bold: true }
  ;(async () => {
    for await (const row of rows) sheet.addRow(columns.map((c) => exportCell(c.value(row) ?? null))).commit()
    sheet.commit()
    await workbook.commit()
  })().catch((error) => stream.destroy(error))
  return sendDownload(reply, { fileName, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', content: stream })
}

/**
 * A workbook built in memory (forms, templates) as .xlsx bytes, every text cell formula-guarded on the way out:
 * the one way the server writes such a workbook, so no export can forget the guard (ESLint refuses writeBuffer
 * elsewhere). Our own formulas (formula cells) are kept; numbers stay numbers.
 */
export async function workbookBuffer(book: ExcelJS.Workbook): Promise<Buffer> {
  book.eachSheet((sheet) =>
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        const value = cell.value
        if (typeof value === 'string') {
          if (guardFormula(value) !== value) cell.value = guardFormula(value)
        } else if (value && typeof value === 'object' && 'richText' in value && value.richText[0]) {
          const text = value.richText.map((r) => r.text).join('')
          if (guardFormula(text) !== text) cell.value = { richText: [{ text: "'" }, ...value.richText] }
        }
      }),
    ),
  )
  // eslint-disable-next-line no-restricted-properties -- the one guarded writer
  return Buffer.from(await book.xlsx.writeBuffer())
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

/** A file read as it streams (a stored upload, piece by piece): its size for progress and its pieces. */
export interface StreamedContent {
  size: number
  chunks(): AsyncIterable<Buffer>
}

/** Whole-buffer CSVs go to the parser in pieces of this many bytes, so the records of the whole file never pile up. */
const CSV_PIECE_BYTES = 1024 * 1024

async function* piecesOf(content: Buffer): AsyncGenerator<Buffer> {
  for (let at = 0; at < content.length; at += CSV_PIECE_BYTES) yield content.subarray(at, at + CSV_PIECE_BYTES)
}

async function wholeOf(content: StreamedContent): Promise<Buffer> {
  const parts: Buffer[] = []
  for await (const chunk of content.chunks()) parts.push(chunk)
  return Buffer.concat(parts)
}

/**
 * The rows of every sheet of an .xlsx (streamed: only the shared strings and the current row are in memory) or of
 * a CSV file, every row charged to the read limits (ADR 0006). onProgress gets the share of the file consumed.
 * A CSV given as StreamedContent is read piece by piece, so memory holds a piece and a row, whatever the file's
 * size; an .xlsx needs its zip directory (at the end) and is put together first, within the upload limit.
 */
export async function* readSpreadsheet(content: Buffer | StreamedContent, kind: SpreadsheetKind, onProgress?: (fraction: number) => void, limits: ReadLimits = defaultReadLimits): AsyncGenerator<SheetRow> {
  const budget = new ReadBudget(limits)
  if (kind === 'csv') {
    const given = content
    const source = Buffer.isBuffer(given) ? { size: given.length, chunks: () => piecesOf(given), encoding: csvEncodingOf(given) } : { size: given.size, chunks: () => given.chunks(), encoding: undefined }
    let bytes = 0
    const counted = async function* () {
      for await (const chunk of source.chunks()) {
        bytes += chunk.length
        yield chunk
      }
    }
    const parser = new CsvParser()
    const rows = function* (records: CsvRecord[]) {
      for (const record of records) {
        budget.chargeRow(record.fields.length)
        yield { sheet: 'csv', number: record.number, cells: record.fields.map(unguardFormula) }
      }
    }
    // A whole buffer's encoding is decided on all of it, as before; a stream's on its first bytes.
    for await (const text of decodeCsvChunks(counted(), source.encoding)) {
      yield* rows(parser.push(text))
      onProgress?.(source.size ? Math.min(1, bytes / source.size) : 1)
    }
    yield* rows(parser.end())
    onProgress?.(1)
    return
  }
  if (!Buffer.isBuffer(content)) content = await wholeOf(content)
  let sheetTotal = 0
  let sheetRead = 0
  const progress = {
    styles: false,
    sheetStarted: (size: number) => {
      sheetTotal = size
      sheetRead = 0
    },
    bytesRead: (n: number) => (sheetRead += n),
  }
  yield* readingXlsx(async function* () {
    for await (const sheet of xlsxSheets(content, budget, progress)) {
      for await (const row of sheet.rows) {
        const values = row.values as unknown[]
        budget.chargeRow(values.length)
        if (row.number % 1000 === 0 && sheetTotal) onProgress?.(Math.min(1, sheetRead / sheetTotal))
        const cells: CellValue[] = []
        for (let i = 1; i < values.length; i++) cells.push(cellValue(values[i]))
        yield { sheet: sheet.name, number: row.number, cells }
      }
    }
  })
  onProgress?.(1)
}

/** Any fault of an .xlsx that is not a limit is an unreadable file (415), never a 500. */
async function* readingXlsx<T>(read: () => AsyncGenerator<T>): AsyncGenerator<T> {
  try {
    yield* read()
  } catch (error) {
    if (error instanceof AppError) throw error
    throw unsupported('文件无法读取，请确认是有效的 .xlsx 文件', 'The file cannot be read; is it a valid .xlsx file?')
  }
}

/** exceljs cell values (rich text, formulas, hyperlinks, errors) as plain values; text loses our formula guard. */
export function cellValue(value: unknown): CellValue {
  if (value === null || value === undefined) return null
  if (typeof value === 'string') return unguardFormula(value)
  if (typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: string; formula?: string }
    if (Array.isArray(v.richText)) return unguardFormula(v.richText.map((r) => r.text).join(''))
    if ('result' in v || 'formula' in v) return cellValue(v.result)
    if (v.text !== undefined) return cellValue(v.text)
    if (v.error !== undefined) return String(v.error)
  }
  return String(value)
}

// ─── forms ─────────────────────────────────────────────────────────────────────────────────────────────────────

export interface WorkbookSheet {
  name: string
  rows: SheetRow[]
}

/** A form's rows are all held at once; this bounds them whatever the import limits allow a streamed list. */
const MAX_FORM_CELLS = 2_000_000

/**
 * A whole .xlsx in memory, for forms (one record laid out over a sheet, merged cells, values typed as Excel
 * formats them) rather than long lists. Read through the same bounded stream reader as lists, with styles, and
 * kept whole; rows without values are left out. A merged range is read once, at its top-left cell, the others
 * being empty in the file; a number formatted as a percentage reads as the text the sheet shows ("95%"), since
 * forms mean that text.
 */
export async function readWorkbook(content: Buffer, limits: ReadLimits = defaultReadLimits): Promise<WorkbookSheet[]> {
  const budget = new ReadBudget({ ...limits, maxCells: Math.min(limits.maxCells, MAX_FORM_CELLS) })
  const sheets: WorkbookSheet[] = []
  const read = readingXlsx(async function* () {
    for await (const sheet of xlsxSheets(content, budget, { styles: true })) {
      const rows: SheetRow[] = []
      for await (const row of sheet.rows) {
        budget.chargeRow(row.cellCount)
        if (!row.hasValues) continue
        const cells = Array.from<CellValue>({ length: row.cellCount }).fill(null)
        row.eachCell((cell, column) => {
          cells[column - 1] = formCellValue(cell.value, cell.numFmt)
        })
        rows.push({ sheet: sheet.name, number: row.number, cells })
      }
      yield { name: sheet.name, rows }
    }
  })
  for await (const sheet of read) sheets.push(sheet)
  return sheets
}

function formCellValue(raw: unknown, numFmt: string | undefined): CellValue {
  const value = cellValue(raw)
  if (typeof value !== 'number' || !numFmt?.includes('%') || !Number.isFinite(value)) return value
  const percent = Number((value * 100).toPrecision(15))
  return `${percent}%`
}

function fileTooLarge(maxBytes: number) {
  const megabytes = Math.round(maxBytes / 1024 / 1024)
  return new AppError('FILE_TOO_LARGE', { maxBytes }, { zh: `导入文件不能超过 ${megabytes} MB`, en: `Import files are limited to ${megabytes} MB` })
}

const emptyFile = (lang: Language) => new AppError('VALIDATION_FAILED', [{ path: 'file', message: lang === 'zh' ? '文件为空' : 'The file is empty' }])

async function importPart(req: FastifyRequest, lang: Language, formats: string) {
  if (!req.isMultipart()) throw unsupported(`请以 multipart/form-data 上传 ${formats} 文件`, `Upload an ${formats.replace(' 或 ', ' or ')} file as multipart/form-data`)
  const part = await req.file()
  if (!part) throw new AppError('VALIDATION_FAILED', [{ path: 'file', message: lang === 'zh' ? '缺少文件' : 'The file is missing' }])
  return part
}

/**
 * The one file of a multipart/form-data upload (field `file`) of an import, whole: 415 when the request is not
 * multipart, 413 past the limit the route's multipart registration sets (`maxBytes`), 400 when missing or empty.
 */
export async function receiveImportFile(req: FastifyRequest, lang: Language, maxBytes: number, formats: string): Promise<{ fileName: string; content: Buffer }> {
  const part = await importPart(req, lang, formats)
  const content = await part.toBuffer().catch((error: { code?: string }) => {
    if (error.code === 'FST_REQ_FILE_TOO_LARGE') throw fileTooLarge(maxBytes)
    throw error
  })
  if (content.length === 0) throw emptyFile(lang)
  return { fileName: part.filename || 'import', content }
}

/**
 * The same upload as it streams, for a use case that stores it piece by piece (a large import run as a job):
 * `content` yields the pieces, then fails with the same 413 if the upload was cut at `maxBytes`, or a 400 if empty.
 */
export async function receiveImportStream(req: FastifyRequest, lang: Language, maxBytes: number, formats: string): Promise<{ fileName: string; content: AsyncIterable<Buffer> }> {
  const part = await importPart(req, lang, formats)
  async function* content() {
    let bytes = 0
    for await (const chunk of part.file as AsyncIterable<Buffer>) {
      bytes += chunk.length
      yield chunk
    }
    if (part.file.truncated) throw fileTooLarge(maxBytes)
    if (bytes === 0) throw emptyFile(lang)
  }
  return { fileName: part.filename || 'import', content: content() }
}
