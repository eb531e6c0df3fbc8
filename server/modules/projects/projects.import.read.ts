import type { ReadLimits } from '../../platform/read-limits.ts'
import { readSpreadsheet, type StreamedContent, spreadsheetKind } from '../../platform/excel.ts'
import type { ImportProgress } from './projects.import.write.ts'
import {
  type AmountUnit,
  EXAMPLE_MARK,
  headerOf,
  cellText,
  isEmptyCell,
  matchHeader,
  type ProjectField,
  type ProjectSheetColumn,
  projectSheetColumns,
  readCell,
} from './projects.excel.ts'

/** Reading an import file into rows of typed values, one row at a time: the template's headers bound to fields. */

export interface ImportFile {
  fileName: string
  /** The whole file, or the file piece by piece (a stored upload, a file on disk) with its first bytes to tell its kind. */
  content: Buffer | (StreamedContent & { head: Buffer })
}

export const MAX_IMPORT_ROWS = 200_000

export interface Problem {
  row: number
  column: string | null
  field: string | null
  zh: string
  en: string
}

interface Binding {
  index: number
  header: string
  column: ProjectSheetColumn
  unit: AmountUnit
}

export interface ParsedRow {
  row: number
  values: Partial<Record<ProjectField, unknown>>
  problems: Problem[]
}

/** What the file says of itself: its problems as a whole, the headers bound to fields, the columns left aside. */
export interface FileShape {
  problems: Problem[]
  headers: Map<string, string>
  ignoredColumns: string[]
  /** Data rows read so far. */
  rows: number
}

/**
 * The file's rows as typed values, one at a time (nothing of a row is kept once the caller lets it go); problems of
 * the file as a whole and the header's bindings go to `shape`, problems of single cells to each row.
 */
export async function* readProjectRows(file: ImportFile, shape: FileShape, onProgress?: (p: ImportProgress) => void, limits?: ReadLimits): AsyncGenerator<ParsedRow> {
  const kind = spreadsheetKind(Buffer.isBuffer(file.content) ? file.content : file.content.head, file.fileName)
  let bindings: Binding[] | null = null
  let sheet: string | null = null
  let headerRow = 1
  const skippedSheets = new Set<string>()
  const rows = readSpreadsheet(file.content, kind, (fraction) => onProgress?.({ phase: 'read', fraction, rows: shape.rows }), limits)
  for await (const r of rows) {
    if (bindings === null) {
      if (skippedSheets.has(r.sheet) || r.cells.every(isEmptyCell)) continue
      const found = r.cells.map((c) => (isEmptyCell(c) ? null : matchHeader(cellText(c))))
      if (!found.some((m) => m?.column.field === 'code')) {
        skippedSheets.add(r.sheet) // a sheet of notes or lists, not of projects
        continue
      }
      sheet = r.sheet
      headerRow = r.number
      bindings = bindHeader(r.cells.map(cellText), found, r.number, shape)
      if (shape.problems.length) break
      continue
    }
    if (r.sheet !== sheet) break
    if (r.cells.every(isEmptyCell)) continue
    const code = bindings.find((b) => b.column.field === 'code')!
    if (cellText(r.cells[code.index] ?? null).startsWith(EXAMPLE_MARK)) continue
    if (shape.rows >= MAX_IMPORT_ROWS) {
      shape.problems.push(fileProblem(r.number, `文件超过 ${MAX_IMPORT_ROWS} 行，请分批导入`, `The file has more than ${MAX_IMPORT_ROWS} rows; import it in parts`))
      break
    }
    shape.rows += 1
    yield readRow(r.number, r.cells, bindings)
  }
  if (bindings === null) {
    shape.problems.push(fileProblem(1, '找不到表头：第一行应为“项目编码”“项目名称”等列名，请使用导入模板', 'No header row with 项目编码, 项目名称… was found; use the import template'))
  } else if (shape.rows === 0 && shape.problems.length === 0) {
    shape.problems.push(fileProblem(headerRow, '文件中没有可导入的项目', 'The file holds no projects to import'))
  }
}

const fileProblem = (row: number, zh: string, en: string): Problem => ({ row, column: null, field: null, zh, en })

function bindHeader(texts: string[], found: (ReturnType<typeof matchHeader> | null)[], row: number, parsed: FileShape): Binding[] {
  const bindings: Binding[] = []
  found.forEach((match, index) => {
    const header = texts[index]!
    if (!match) {
      if (header) parsed.ignoredColumns.push(header)
      return
    }
    if (!match.column.field) return // a read-only column of an export: totals, names, status
    if (bindings.some((b) => b.column === match.column)) {
      parsed.problems.push({ row, column: header, field: match.column.field, zh: `列“${match.column.header}”重复`, en: `The column ${match.column.header} appears twice` })
      return
    }
    bindings.push({ index, header, column: match.column, unit: match.unit })
    parsed.headers.set(match.column.field, header)
  })
  for (const column of projectSheetColumns) {
    if (column.required && !bindings.some((b) => b.column === column)) {
      parsed.problems.push({ row, column: headerOf(column, 'yuan'), field: column.field!, zh: `缺少必填列“${column.header}”`, en: `The required column ${column.header} is missing` })
    }
  }
  return bindings
}

function readRow(row: number, cells: (string | number | boolean | Date | null)[], bindings: Binding[]): ParsedRow {
  const parsed: ParsedRow = { row, values: {}, problems: [] }
  for (const b of bindings) {
    const field = b.column.field!
    const cell = cells[b.index] ?? null
    if (isEmptyCell(cell)) {
      // A blank 项目编码 is generated on commit, as on the form.
      if (b.column.required && field !== 'code') parsed.problems.push({ row, column: b.header, field, zh: `${b.column.header}不能为空`, en: `${b.column.header} is required` })
      else parsed.values[field] = b.column.empty
      continue
    }
    const read = readCell(cell, b.column, b.unit)
    if ('problem' in read) parsed.problems.push({ row, column: b.header, field, ...read.problem })
    else parsed.values[field] = read.value
  }
  return parsed
}
