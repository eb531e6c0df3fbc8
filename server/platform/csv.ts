import { isUtf8 } from 'node:buffer'
import { AppError } from '../http/errors.ts'
import { guardFormula } from './formula-guard.ts'
import { MAX_TEXT_RUN, overLimit } from './read-limits.ts'

/**
 * CSV as units save it from Excel: UTF-8 (with or without a BOM) or, from Chinese Windows' "CSV (逗号分隔)",
 * GB18030/GBK. RFC 4180 quoting: fields in double quotes may hold commas, quotes ("") and line breaks.
 */
export function decodeCsv(content: Buffer): string {
  return new TextDecoder(csvEncodingOf(content)).decode(content)
}

/** How many leading bytes decide a streamed file's encoding (UTF-8 unless they are not valid UTF-8). */
const SNIFF_BYTES = 64 * 1024

export type CsvEncoding = 'utf-8' | 'gb18030'

/** UTF-8 when these bytes are valid UTF-8 (a sequence cut at the end of a sniffed head does not count), else GB18030. */
export function csvEncodingOf(bytes: Buffer, cut = false): CsvEncoding {
  if ((bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) || isUtf8(bytes)) return 'utf-8'
  if (cut) {
    // Up to three trailing bytes may be the start of a character the next piece completes.
    for (let drop = 1; drop <= 3 && drop < bytes.length; drop++) if (isUtf8(bytes.subarray(0, bytes.length - drop))) return 'utf-8'
  }
  return 'gb18030'
}

/**
 * decodeCsv for a file that arrives in pieces, decoded across piece boundaries: in `encoding` when the caller knows
 * it (a whole buffer, checked whole), else decided on the first SNIFF_BYTES. A UTF-8 file that turns invalid later
 * is refused rather than decoded into "�".
 */
export async function* decodeCsvChunks(chunks: AsyncIterable<Buffer>, encoding?: CsvEncoding): AsyncGenerator<string> {
  let head = Buffer.alloc(0)
  let decoder: TextDecoder | null = encoding ? new TextDecoder(encoding, { fatal: encoding === 'utf-8' }) : null
  const decide = (cut: boolean) => {
    const chosen = csvEncodingOf(head, cut)
    decoder = new TextDecoder(chosen, { fatal: chosen === 'utf-8' })
  }
  const decode = (bytes: Buffer, stream: boolean) => {
    try {
      return decoder!.decode(bytes, { stream })
    } catch {
      throw new AppError('UNSUPPORTED_FILE', undefined, { zh: '文件编码不一致：开头是 UTF-8，后面出现了无效字符', en: 'The file starts as UTF-8 but later holds bytes that are not UTF-8' })
    }
  }
  for await (const chunk of chunks) {
    if (!decoder) {
      head = Buffer.concat([head, chunk])
      if (head.length < SNIFF_BYTES) continue
      decide(true)
      const text = decode(head, true)
      head = Buffer.alloc(0)
      if (text) yield text
      continue
    }
    const text = decode(chunk, true)
    if (text) yield text
  }
  if (!decoder) decide(false)
  const rest = decode(head, false)
  if (rest) yield rest
}

export interface CsvRecord {
  /** 1-based, as a spreadsheet would number the row (a quoted line break does not start a new record). */
  number: number
  fields: string[]
  /** Characters of the text consumed so far, for progress. */
  offset: number
}

/**
 * RFC 4180 records from text that arrives in pieces: `push` returns the records the text so far completes, `end`
 * the last one. A field longer than MAX_TEXT_RUN characters is no cell a spreadsheet holds: refused before it
 * grows further (a hostile file of one endless field must not fill memory).
 */
export class CsvParser {
  private fields: string[] = []
  private field = ''
  private quoted = false
  private number = 0
  private consumed = 0
  private carry = ''

  push(piece: string, final = false): CsvRecord[] {
    const text = this.carry + piece
    this.carry = ''
    const records: CsvRecord[] = []
    const length = text.length
    let i = 0
    const endRecord = (at: number) => {
      this.fields.push(this.field)
      records.push({ number: ++this.number, fields: this.fields, offset: this.consumed + at })
      this.fields = []
      this.field = ''
    }
    while (i < length) {
      const ch = text[i]!
      // A quote or a CR at the very end may pair with the next piece's first character: wait for it.
      if (!final && i + 1 === length && (ch === '"' || ch === '\r')) {
        this.carry = ch
        break
      }
      if (this.quoted) {
        if (ch === '"') {
          if (text[i + 1] === '"') {
            this.field += '"'
            i += 2
            continue
          }
          this.quoted = false
          i += 1
          continue
        }
        // Copy a run of plain characters at once: most of a quoted field is ordinary text.
        const next = text.indexOf('"', i)
        const end = next === -1 ? length : next
        this.field += text.slice(i, end)
        i = end
      } else if (ch === '"' && this.field === '') {
        this.quoted = true
        i += 1
      } else if (ch === ',') {
        this.fields.push(this.field)
        this.field = ''
        i += 1
      } else if (ch === '\r' || ch === '\n') {
        i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1
        endRecord(i)
      } else {
        // A run of plain characters up to the next separator, at once.
        let end = i + 1
        while (end < length) {
          const c = text.charCodeAt(end)
          if (c === 44 || c === 10 || c === 13 || c === 34) break
          end++
        }
        this.field += text.slice(i, end)
        i = end
      }
      if (this.field.length > MAX_TEXT_RUN) {
        throw overLimit('maxTextRun', MAX_TEXT_RUN, `第 ${this.number + 1} 行有超过 ${MAX_TEXT_RUN} 个字符的单元格，不是正常的 CSV 文件`, `Row ${this.number + 1} holds a cell of more than ${MAX_TEXT_RUN} characters, which no normal CSV file does`)
      }
    }
    this.consumed += length - this.carry.length
    return records
  }

  end(): CsvRecord[] {
    const records = this.carry ? this.push('', true) : []
    if (this.field !== '' || this.fields.length > 0 || this.quoted) {
      this.fields.push(this.field)
      records.push({ number: ++this.number, fields: this.fields, offset: this.consumed })
      this.fields = []
      this.field = ''
      this.quoted = false
    }
    return records
  }
}

export function* parseCsv(text: string): Generator<CsvRecord> {
  const parser = new CsvParser()
  yield* parser.push(text, true)
  yield* parser.end()
}

/** One CSV field: text formula-guarded, then quoted when it holds a comma, a quote or a line break; numbers as they are. */
export function csvField(value: string | number | boolean | null | undefined): string {
  const text = value === null || value === undefined ? '' : typeof value === 'string' ? guardFormula(value) : String(value)
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}
