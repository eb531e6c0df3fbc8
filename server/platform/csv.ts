import { guardFormula } from './formula-guard.ts'
import { decodeUtf8OrGb18030 } from './text-decoding.ts'

/**
 * CSV as units save it from Excel: UTF-8 (with or without a BOM) or, from Chinese Windows' "CSV (逗号分隔)",
 * GB18030/GBK. RFC 4180 quoting: fields in double quotes may hold commas, quotes ("") and line breaks.
 */
export function decodeCsv(content: Buffer): string {
  if (content[0] === 0xef && content[1] === 0xbb && content[2] === 0xbf) return content.subarray(3).toString('utf8')
  return decodeUtf8OrGb18030(content)
}

export interface CsvRecord {
  /** 1-based, as a spreadsheet would number the row (a quoted line break does not start a new record). */
  number: number
  fields: string[]
  /** Characters of the text consumed so far, for progress. */
  offset: number
}

export function* parseCsv(text: string): Generator<CsvRecord> {
  let fields: string[] = []
  let field = ''
  let quoted = false
  let number = 0
  let i = 0
  const length = text.length
  const endRecord = (offset: number): CsvRecord => {
    fields.push(field)
    const record = { number: ++number, fields, offset }
    fields = []
    field = ''
    return record
  }
  while (i < length) {
    const ch = text[i]!
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"'
          i += 2
          continue
        }
        quoted = false
        i += 1
        continue
      }
      // Copy a run of plain characters at once: most of a quoted field is ordinary text.
      const next = text.indexOf('"', i)
      const end = next === -1 ? length : next
      field += text.slice(i, end)
      i = end
      continue
    }
    if (ch === '"' && field === '') {
      quoted = true
      i += 1
    } else if (ch === ',') {
      fields.push(field)
      field = ''
      i += 1
    } else if (ch === '\r' || ch === '\n') {
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1
      yield endRecord(i)
    } else {
      field += ch
      i += 1
    }
  }
  if (field !== '' || fields.length > 0 || quoted) yield endRecord(length)
}

/** One CSV field: text formula-guarded, then quoted when it holds a comma, a quote or a line break; numbers as they are. */
export function csvField(value: string | number | boolean | null | undefined): string {
  const text = value === null || value === undefined ? '' : typeof value === 'string' ? guardFormula(value) : String(value)
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}
