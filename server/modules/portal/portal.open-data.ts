import archiver from 'archiver'
import type { PublicRecordKind } from '../../../domain/disclosure.ts'
import { csvField } from '../../platform/csv.ts'
import { type ItemRow, OPEN_FILES, type OpenColumn, type OpenFile, type RecordRow, TYPE_LABELS } from './portal.columns.ts'
import type { Place } from './portal.records.ts'
import type { PortalRecord } from './portal.repository.ts'
import { KIND_ORDER, type PortalLang } from './portal.text.ts'

/**
 * Open data: every list and record page as CSV and JSON, and a jurisdiction's year as one zip with a data
 * dictionary. CSV is UTF-8 with a BOM (Excel opens it as UTF-8), CRLF line ends, and text cells that a spreadsheet
 * could take for a formula escaped (csvField's formula guard); decimals are written as the published text.
 */
const BOM = '\uFEFF'
const DECIMAL = /^-?\d+(\.\d+)?$/

function cell(column: OpenColumn<never>, value: string | number | null | undefined): string {
  // A decimal as published ("-12.50") is a number to a spreadsheet, never a formula: written as it is.
  if (typeof value === 'string' && (column.type === 'decimal' || column.type === 'integer') && DECIMAL.test(value)) return value
  return csvField(value)
}

export function toCsv<T>(file: OpenFile<T>, rows: T[], lang: PortalLang): string {
  const lines = [file.columns.map((c) => csvField(c[lang])).join(',')]
  for (const row of rows) lines.push(file.columns.map((c) => cell(c as OpenColumn<never>, c.value(row))).join(','))
  return `${BOM}${lines.join('\r\n')}\r\n`
}

function toObject<T>(file: OpenFile<T>, row: T) {
  return Object.fromEntries(file.columns.map((c) => [c.key, c.value(row) ?? null]))
}

const recordRows = (place: Place, records: PortalRecord[]): RecordRow<never>[] => records.map((record) => ({ record, payload: record.payload as never, place }))

function itemRows(place: Place, kind: PublicRecordKind, records: PortalRecord[]): ItemRow<never, never>[] {
  const itemsOf = OPEN_FILES[kind].itemsOf as ((p: never) => never[]) | null
  if (!itemsOf) return []
  return recordRows(place, records).flatMap((row) => itemsOf(row.payload).map((item) => ({ ...row, item })))
}

/** A list's CSV: one row per record. */
export function listCsv(place: Place, kind: PublicRecordKind, records: PortalRecord[]): string {
  return toCsv(OPEN_FILES[kind].records as OpenFile<RecordRow<never>>, recordRows(place, records), place.lang)
}

/** A record's CSV: its indicators (or items) with the record's code and name; a report without items is one row. */
export function recordCsv(place: Place, record: PortalRecord): string {
  const files = OPEN_FILES[record.kind]
  if (!files.items) return listCsv(place, record.kind, [record])
  return toCsv(files.items as OpenFile<ItemRow<never, never>>, itemRows(place, record.kind, [record]), place.lang)
}

/** One record as JSON: the record-level fields, and its indicators or items in full. */
export function recordJson(place: Place, record: PortalRecord) {
  const files = OPEN_FILES[record.kind]
  const [row] = recordRows(place, [record])
  const base = toObject(files.records as OpenFile<RecordRow<never>>, row!)
  if (!files.items) return base
  const itemsKey = record.kind === 'assessment' ? 'items' : 'indicators'
  return { ...base, [itemsKey]: (files.itemsOf as (p: never) => unknown[])(row!.payload) }
}

export interface ListMeta {
  jurisdictionCode: string
  jurisdictionName: string
  fiscalYear: number
  kind: PublicRecordKind
}

export function listJson(place: Place, meta: ListMeta, records: PortalRecord[]) {
  return { ...meta, total: records.length, items: records.map((r) => recordJson(place, r)) }
}

/** The data dictionary: every column of every file, in Chinese and English. */
export function dictionaryRows() {
  const files = KIND_ORDER.flatMap((kind) => [OPEN_FILES[kind].records, OPEN_FILES[kind].items].filter((f) => f !== null)) as OpenFile<unknown>[]
  return files.flatMap((file) =>
    file.columns.map((c) => ({ file: `${file.name}.csv`, fileZh: file.zh, fileEn: file.en, column: c.key, zh: c.zh, en: c.en, typeZh: TYPE_LABELS[c.type].zh, typeEn: TYPE_LABELS[c.type].en, descriptionZh: c.descZh, descriptionEn: c.descEn })),
  )
}

type DictionaryRow = ReturnType<typeof dictionaryRows>[number]
const dictionaryFile: OpenFile<DictionaryRow> = {
  name: 'data-dictionary',
  zh: '数据字典',
  en: 'Data dictionary',
  columns: (
    [
      ['file', '文件 / File', 'File'],
      ['fileZh', '文件说明 / File (Chinese)', 'File (Chinese)'],
      ['fileEn', '文件说明（英文） / File (English)', 'File (English)'],
      ['column', '字段 / Field (JSON)', 'Field (JSON)'],
      ['zh', '中文列名 / Chinese column name', 'Chinese column name'],
      ['en', '英文列名 / English column name', 'English column name'],
      ['typeZh', '类型 / Type (Chinese)', 'Type (Chinese)'],
      ['typeEn', '类型（英文） / Type (English)', 'Type (English)'],
      ['descriptionZh', '说明 / Description (Chinese)', 'Description (Chinese)'],
      ['descriptionEn', '说明（英文） / Description (English)', 'Description (English)'],
    ] as const
  ).map(([key, zh, en]) => ({ key, zh, en, type: 'text' as const, descZh: '', descEn: '', value: (row: DictionaryRow) => row[key] })),
}

const README = (meta: { jurisdictionCode: string; jurisdictionName: string; fiscalYear: number }) =>
  [
    `${meta.jurisdictionName}（${meta.jurisdictionCode}）${meta.fiscalYear} 年度预算绩效公开信息 — 开放数据`,
    `Budget performance disclosure of ${meta.jurisdictionName} (${meta.jurisdictionCode}), fiscal year ${meta.fiscalYear} — open data`,
    '',
    '每类信息各有 CSV（UTF-8，带 BOM）和 JSON 两种格式；指标与得分明细在 *-indicators.csv / assessment-items.csv 中。',
    'Each kind comes as CSV (UTF-8 with BOM) and JSON; indicators and item scores are in *-indicators.csv / assessment-items.csv.',
    '各列的含义见 data-dictionary.csv。 Every column is described in data-dictionary.csv.',
    '',
  ].join('\r\n')

/**
 * The year's bulk download, built in memory (a year's published records are small): each kind as CSV and JSON,
 * the item files, the data dictionary and a read-me. Entries carry a fixed date, so the same records give the
 * same bytes (and the same ETag).
 */
export async function yearZip(place: Place, meta: { jurisdictionCode: string; jurisdictionName: string; fiscalYear: number }, byKind: Record<PublicRecordKind, PortalRecord[]>): Promise<Buffer> {
  const zip = archiver('zip', { zlib: { level: 6 } })
  const chunks: Buffer[] = []
  zip.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise<void>((resolve, reject) => {
    zip.on('end', () => resolve())
    zip.on('error', reject)
  })
  const date = new Date(Date.UTC(meta.fiscalYear, 0, 1))
  const add = (name: string, content: string) => zip.append(content, { name, date })
  add('README.txt', `${BOM}${README(meta)}`)
  for (const kind of KIND_ORDER) {
    const files = OPEN_FILES[kind]
    const records = byKind[kind]
    add(`${files.records.name}.csv`, listCsv(place, kind, records))
    add(`${files.records.name}.json`, `${JSON.stringify(listJson(place, { ...meta, kind }, records), null, 2)}\n`)
    if (files.items) add(`${files.items.name}.csv`, toCsv(files.items as OpenFile<ItemRow<never, never>>, itemRows(place, kind, records), place.lang))
  }
  const dictionary = dictionaryRows()
  add('data-dictionary.csv', toCsv(dictionaryFile, dictionary, 'zh'))
  add('data-dictionary.json', `${JSON.stringify(dictionary, null, 2)}\n`)
  await zip.finalize()
  await done
  return Buffer.concat(chunks)
}
