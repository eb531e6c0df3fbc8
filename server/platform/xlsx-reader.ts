import { Readable } from 'node:stream'
import { StringDecoder } from 'node:string_decoder'
import ExcelJS from 'exceljs'
import { MAX_TEXT_RUN, overLimit, type ReadBudget, tooLarge } from './read-limits.ts'
import { openZip, type ZipArchive, ZipError, type ZipPart } from './zip.ts'

/** Parts parsed whole into memory (relations, the sheet list, styles): real ones are a few hundred kB. */
const MAX_HELD_PART_BYTES = 32 * 1024 * 1024

export type XlsxRow = ExcelJS.Row
export interface XlsxSheet {
  name: string
  rows: AsyncIterable<XlsxRow>
}

/**
 * The sheets of an .xlsx as they stream, every part charged to the budget (ADR 0003, 0006). `styles` reads
 * styles.xml so cells carry their number formats and dates read as dates (forms); lists go without.
 */
export async function* xlsxSheets(
  content: Buffer,
  budget: ReadBudget,
  options: { styles: boolean; sheetStarted?: (size: number) => void; bytesRead?: (n: number) => void },
): AsyncGenerator<XlsxSheet> {
  const zip = await openZip(content, budget)
  const reader = new BufferWorkbookReader(zip, budget, options)
  for await (const sheet of reader as unknown as AsyncIterable<ExcelJS.stream.xlsx.WorksheetReader & { name?: string }>) {
    yield { name: sheet.name ?? '', rows: sheet as unknown as AsyncIterable<XlsxRow> }
  }
}

/**
 * A part's bytes as text, decoded across chunk boundaries (a Chinese character split between two inflated chunks
 * stays whole). A run of more than MAX_TEXT_RUN characters without markup is no cell Excel can hold: refused
 * before the XML parser would gather it into one string.
 */
async function* markupText(chunks: AsyncIterable<Buffer>, bytesRead?: (n: number) => void) {
  const decoder = new StringDecoder('utf8')
  let run = 0
  const check = (text: string) => {
    const lastTag = text.lastIndexOf('<')
    run = lastTag < 0 ? run + text.length : text.length - lastTag
    if (run > MAX_TEXT_RUN) {
      throw overLimit('maxTextRun', MAX_TEXT_RUN, `文件中有超过 ${MAX_TEXT_RUN} 个字符的连续文本，不是正常的 Excel 文件`, `The file holds a run of more than ${MAX_TEXT_RUN} characters without markup, which no normal workbook does`)
    }
    return text
  }
  for await (const chunk of chunks) {
    bytesRead?.(chunk.length)
    const text = decoder.write(chunk)
    if (text) yield check(text)
  }
  const rest = decoder.end()
  if (rest) yield check(rest)
}

async function* counted(chunks: AsyncIterable<Buffer>, max: number, refuse: () => Error) {
  let bytes = 0
  for await (const chunk of chunks) {
    bytes += chunk.length
    if (bytes > max) throw refuse()
    yield chunk
  }
}

interface ReaderInternals {
  sharedStrings: unknown[]
  _parseRels(entry: Readable): Promise<void>
  _parseWorkbook(entry: Readable): Promise<void>
  _parseStyles(entry: Readable): Promise<void>
  _parseSharedStrings(entry: Readable): AsyncGenerator<{ index: number; text: unknown }>
  _parseWorksheet(iterator: AsyncIterable<string>, sheetNo: string): Generator<unknown>
}
type ReaderBase = new (input: null, options: object) => ReaderInternals

/**
 * exceljs 4.4's streaming WorkbookReader, fed from the buffered file through yauzl instead of its own streaming
 * unzip. That fixes two faults of the stock reader, both reproduced here:
 * - it turns each decompressed chunk into text on its own, so a Chinese character split across two chunks
 *   becomes "��" (exceljs issues #2063, #2084; fixes unmerged) — here each part is decoded across chunks and
 *   reaches exceljs as text, which it passes through untouched;
 * - now and then (≈ 0.3 % of reads on a busy machine) it loses xl/workbook.xml and fails with "Cannot read
 *   properties of undefined (reading 'sheets')" on a valid file.
 * The parts are read in the order the sheets need them (relations, workbook, styles, shared strings, then each
 * sheet as a stream), so no sheet waits in a temporary file. The shared strings are gathered here, one by one,
 * so their number and size are bounded as they are read. Relies on exceljs's _parse* methods: pinned 4.4.0.
 */
class BufferWorkbookReader extends (ExcelJS.stream.xlsx.WorkbookReader as unknown as ReaderBase) {
  constructor(
    private readonly zip: ZipArchive,
    private readonly budget: ReadBudget,
    private readonly hooks: { styles: boolean; sheetStarted?: (size: number) => void; bytesRead?: (n: number) => void },
  ) {
    super(null, { sharedStrings: 'emit', styles: hooks.styles ? 'cache' : 'ignore', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore' })
  }

  private held(name: string): Readable | null {
    const part = this.zip.parts.get(name)
    if (!part) return null
    const refuse = () => tooLarge('maxPartBytes', MAX_HELD_PART_BYTES, `文件中的“${name}”过大，不是正常的 Excel 文件`, `The part ${name} is too large for a normal workbook`)
    if (part.size > MAX_HELD_PART_BYTES) throw refuse()
    return Readable.from(markupText(counted(this.zip.read(part), MAX_HELD_PART_BYTES, refuse)))
  }

  private async readSharedStrings(part: ZipPart) {
    const { maxSharedStringBytes, maxSharedStrings } = this.budget.limits
    if (part.size > maxSharedStringBytes) throw this.budget.sharedStringsTooLarge()
    const text = markupText(counted(this.zip.read(part), maxSharedStringBytes, () => this.budget.sharedStringsTooLarge()))
    const strings: unknown[] = []
    for await (const { text: value } of this._parseSharedStrings(Readable.from(text))) {
      if (strings.length >= maxSharedStrings) throw this.budget.sharedStringsTooMany()
      strings.push(value)
    }
    this.sharedStrings = strings
  }

  async *parse() {
    const rels = this.held('xl/_rels/workbook.xml.rels')
    if (rels) await this._parseRels(rels)
    const workbook = this.held('xl/workbook.xml')
    if (!workbook) throw new ZipError('no xl/workbook.xml')
    await this._parseWorkbook(workbook)
    const styles = this.hooks.styles ? this.held('xl/styles.xml') : null
    if (styles) await this._parseStyles(styles)
    const shared = this.zip.parts.get('xl/sharedStrings.xml')
    if (shared) await this.readSharedStrings(shared)
    const sheets = [...this.zip.parts.values()]
      .map((part) => ({ part, no: /^xl\/worksheets\/sheet(\d+)\.xml$/.exec(part.name)?.[1] }))
      .filter((s): s is { part: ZipPart; no: string } => s.no !== undefined)
      .sort((a, b) => Number(a.no) - Number(b.no))
    for (const { part, no } of sheets) {
      this.hooks.sheetStarted?.(part.size)
      yield* this._parseWorksheet(markupText(this.zip.read(part), this.hooks.bytesRead), no)
    }
  }
}
