import Decimal from 'decimal.js'
import type { Db } from '../../db/database.ts'
import type { ActorCtx } from '../../http/context.ts'
import { AppError } from '../../http/errors.ts'
import { localizeIssue } from '../../http/validation-messages.ts'
import { recordAudit } from '../../platform/audit.ts'
import { storedFileChunks } from '../../platform/files.ts'
import { type CellValue, cellText, isEmptyCell, readSpreadsheet, spreadsheetKind } from '../../platform/excel.ts'
import type { ReadLimits } from '../../platform/read-limits.ts'
import { type PaymentAction, type PaymentProblem, PaymentItem, PaymentWriter, type PendingPayment } from './execution.payments.ts'
import { fundsChanged } from './execution.listeners.ts'

/**
 * Importing 国库集中支付 payments from the treasury system's export (.xlsx or .csv; columns 项目编码, 支付日期, 金额,
 * 资金来源, 支付凭证号, and optionally 预算年度 — else the year of 支付日期). The file streams through the bounded
 * readers in batches of WRITE_BATCH rows, each written by the same PaymentWriter as the API push inside one
 * transaction; so memory holds one batch, not the file (a StoredUpload is also read piece by piece). Any row problem rolls everything back (IMPORT_INVALID with
 * the row errors); a preview (dryRun) runs exactly the same and always rolls back.
 */

/** An upload stored piece by piece (storeFileChunks): read back inside the import's transaction, never whole. */
export interface StoredUpload {
  storedFileId: string
  sizeBytes: number
  /** The first bytes, to tell .xlsx from .csv. */
  head: Buffer
}

export interface PaymentFile {
  fileName: string
  content: Buffer | StoredUpload
  /** Preview only: report what would happen and write nothing. */
  dryRun?: boolean
  limits?: ReadLimits
}

/** How far the import is: rows handled and the share of the file read (0–1). */
export interface PaymentImportProgress {
  rows: number
  fraction: number
}

export interface PaymentRowError {
  row: number
  column: string | null
  field: string | null
  message: string
}

export interface PaymentPreviewRow {
  row: number
  action: PaymentAction
  projectCode: string | null
  projectName: string | null
  paidOn: string | null
  amount: string | null
  fundSource: string | null
  voucherNo: string | null
}

export interface PaymentImportResult {
  dryRun: boolean
  total: number
  created: number
  unchanged: number
  errorCount: number
  errors: PaymentRowError[]
  /** The first PREVIEW_ROWS rows with their fate (previews only; empty after a commit). */
  rows: PaymentPreviewRow[]
  ignoredColumns: string[]
}

export const WRITE_BATCH = 2000
const PREVIEW_ROWS = 200

type Field = 'projectCode' | 'paidOn' | 'amount' | 'fundSource' | 'voucherNo' | 'fiscalYear'
const headerWords: Record<Field, string[]> = {
  projectCode: ['项目编码', '项目代码'],
  paidOn: ['支付日期', '日期'],
  amount: ['金额', '支付金额'],
  fundSource: ['资金来源', '资金性质'],
  voucherNo: ['支付凭证号', '凭证号', '支付凭证编号'],
  fiscalYear: ['预算年度', '年度'],
}
const fieldLabels: Record<Field, string> = { projectCode: '项目编码', paidOn: '支付日期', amount: '金额', fundSource: '资金来源', voucherNo: '支付凭证号', fiscalYear: '预算年度' }
const requiredFields: Field[] = ['projectCode', 'paidOn', 'amount', 'fundSource', 'voucherNo']

interface Column {
  field: Field
  index: number
  header: string
  /** 金额（万元）: multiply by 10,000. */
  wan: boolean
}

function matchHeader(text: string): { field: Field; wan: boolean } | null {
  const bare = text.replace(/\s/g, '').replace(/[（(][^）)]*[）)]$/, '')
  for (const [field, words] of Object.entries(headerWords) as [Field, string[]][]) {
    if (words.includes(bare)) return { field, wan: field === 'amount' && /万元/.test(text) }
  }
  return null
}

/** 支付日期 as Excel or a treasury CSV gives it: a date cell, an Excel serial day, or text like 2026-06-30, 2026/6/30, 20260630, 2026年6月30日. */
export function readPaidOn(cell: CellValue): string | null {
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? null : cell.toISOString().slice(0, 10)
  if (typeof cell === 'number') {
    if (!Number.isInteger(cell) || cell < 30000 || cell > 80000) return null
    return new Date(Date.UTC(1899, 11, 30) + cell * 86_400_000).toISOString().slice(0, 10)
  }
  const text = cellText(cell)
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T].*)?$/.exec(text) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(text)
  if (!m) return null
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`
  const date = new Date(`${iso}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso ? iso : null
}

function readAmount(cell: CellValue, wan: boolean): string {
  const text = typeof cell === 'number' ? String(cell) : cellText(cell).replace(/[,，\s]/g, '').replace(/元$/, '')
  if (!/^-?\d+(\.\d+)?$/.test(text)) return text
  const value = wan ? new Decimal(text).times(10_000) : new Decimal(text)
  // Two places at most: "12.345" stays as typed so the schema refuses it rather than rounding money silently.
  return value.decimalPlaces() <= 2 ? value.toFixed(2) : value.toString()
}

function readRow(row: number, cells: CellValue[], columns: Column[]): PendingPayment {
  const problems: PaymentProblem[] = []
  const values: Record<string, unknown> = {}
  for (const c of columns) {
    const cell = cells[c.index] ?? null
    if (isEmptyCell(cell)) continue
    if (c.field === 'paidOn') {
      const date = readPaidOn(cell)
      if (date) values.paidOn = date
      else problems.push({ row, field: 'paidOn', zh: `“${cellText(cell)}”不是有效的支付日期`, en: `"${cellText(cell)}" is not a payment date` })
    } else if (c.field === 'amount') values.amount = readAmount(cell, c.wan)
    else if (c.field === 'fiscalYear') values.fiscalYear = Number(cellText(cell))
    else values[c.field] = cellText(cell)
  }
  if (values.fiscalYear === undefined && typeof values.paidOn === 'string') values.fiscalYear = Number(values.paidOn.slice(0, 4))
  const failed = new Set(problems.map((p) => p.field))
  // Without a 预算年度 column the year comes from 支付日期: a missing or bad date is reported once, as the date.
  if (values.fiscalYear === undefined && values.paidOn === undefined) failed.add('fiscalYear')
  const parsed = PaymentItem.safeParse(values)
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? '')
      if (failed.has(field)) continue
      failed.add(field)
      const label = fieldLabels[field as Field] ?? field
      const missing = values[field] === undefined
      problems.push({
        row,
        field,
        zh: missing ? `${label}不能为空` : `${label}：${localizeIssue(issue as never, 'zh')}`,
        en: missing ? `${label} is required` : `${label}: ${localizeIssue(issue as never, 'en')}`,
      })
    }
  }
  return { row, input: parsed.success && problems.length === 0 ? parsed.data : null, problems }
}

class Rollback extends Error {}

/**
 * The import use case, for the route, the CLI and background jobs alike: reads `source` as it streams, writes
 * batch by batch in one transaction, reports progress after each batch, and commits only when no row has a
 * problem. Resumable as a job by simply running again: vouchers already written count as unchanged.
 */
export async function importPayments(db: Db, ctx: ActorCtx, source: PaymentFile, onProgress?: (p: PaymentImportProgress) => void): Promise<PaymentImportResult> {
  const stored = Buffer.isBuffer(source.content) ? null : source.content
  const kind = spreadsheetKind(stored ? stored.head : (source.content as Buffer), source.fileName)
  const result: PaymentImportResult = { dryRun: Boolean(source.dryRun), total: 0, created: 0, unchanged: 0, errorCount: 0, errors: [], rows: [], ignoredColumns: [] }
  let fraction = 0
  try {
    await db.transaction().execute(async (trx) => {
      const writer = new PaymentWriter(trx, ctx, 'import')
      const fileProblems: PaymentProblem[] = []
      let columns: Column[] | null = null
      let sheet: string | null = null
      let batch: PendingPayment[] = []
      const flush = async () => {
        if (!batch.length) return
        const fates = await writer.write(batch)
        if (result.dryRun) {
          for (let i = 0; i < batch.length && result.rows.length < PREVIEW_ROWS; i++) {
            const { row, input } = batch[i]!
            result.rows.push({ row, action: fates[i]!.action, projectCode: input?.projectCode ?? null, projectName: fates[i]!.project?.name ?? null, paidOn: input?.paidOn ?? null, amount: input?.amount ?? null, fundSource: input?.fundSource ?? null, voucherNo: input?.voucherNo ?? null })
          }
        }
        result.total += batch.length
        batch = []
        onProgress?.({ rows: result.total, fraction })
      }
      const content = stored ? { size: stored.sizeBytes, chunks: () => storedFileChunks(trx, stored.storedFileId) } : (source.content as Buffer)
      for await (const r of readSpreadsheet(content, kind, (f) => (fraction = f), source.limits)) {
        if (columns === null) {
          if (r.cells.every(isEmptyCell)) continue
          const found = r.cells.map((c) => (isEmptyCell(c) ? null : matchHeader(cellText(c))))
          if (!found.some((m) => m?.field === 'voucherNo')) continue // a title line or a sheet of notes
          sheet = r.sheet
          columns = []
          found.forEach((m, index) => {
            const header = cellText(r.cells[index] ?? null)
            if (!m) {
              if (header) result.ignoredColumns.push(header)
            } else if (columns!.some((c) => c.field === m.field)) {
              fileProblems.push({ row: r.number, field: m.field, zh: `列“${header}”重复`, en: `The column ${header} appears twice` })
            } else columns!.push({ field: m.field, index, header, wan: m.wan })
          })
          for (const field of requiredFields) {
            if (!columns.some((c) => c.field === field)) fileProblems.push({ row: r.number, field, zh: `缺少必填列“${fieldLabels[field]}”`, en: `The required column ${fieldLabels[field]} is missing` })
          }
          if (fileProblems.length) break
          continue
        }
        if (r.sheet !== sheet) break
        if (r.cells.every(isEmptyCell)) continue
        batch.push(readRow(r.number, r.cells, columns))
        if (batch.length >= WRITE_BATCH) await flush()
      }
      fraction = 1
      await flush()
      if (columns === null) fileProblems.push({ row: 1, field: null, zh: '找不到表头：应有“项目编码”“支付日期”“金额”“资金来源”“支付凭证号”列', en: 'No header row with 项目编码, 支付日期, 金额, 资金来源, 支付凭证号 was found' })
      else if (result.total === 0 && !fileProblems.length) fileProblems.push({ row: 1, field: null, zh: '文件中没有支付记录', en: 'The file holds no payments' })
      result.created = writer.created
      result.unchanged = writer.unchanged
      result.errorCount = fileProblems.length + writer.errorCount
      result.errors = [...fileProblems, ...writer.problems].slice(0, 1000).map((p) => ({ row: p.row, column: p.field ? (columns?.find((c) => c.field === p.field)?.header ?? null) : null, field: p.field, message: p[ctx.lang] }))
      if (result.dryRun) throw new Rollback()
      if (result.errorCount) throw invalid(result)
      await fundsChanged(trx, writer.projectIds)
      await recordAudit(trx, ctx, {
        action: 'execution.payment_import',
        entityType: 'execution_payment',
        after: { fileName: source.fileName, total: result.total, created: result.created, unchanged: result.unchanged, projects: writer.projectIds.size },
      })
    })
  } catch (error) {
    if (!(error instanceof Rollback)) throw error
  }
  return result
}

function invalid(result: PaymentImportResult) {
  const n = result.errorCount
  return new AppError('IMPORT_INVALID', result.errors, { zh: `导入文件有 ${n} 处错误，未写入任何数据`, en: `The file has ${n} error${n === 1 ? '' : 's'}; nothing was written` })
}
