import { randomUUID } from 'node:crypto'
import { setImmediate } from 'node:timers/promises'
import type { ProjectCodeFacts } from '../../../domain/project-code.ts'
import { projectTotals } from '../../../domain/projects.ts'
import type { Db, Trx } from '../../db/database.ts'
import type { ActorCtx } from '../../http/context.ts'
import { AppError } from '../../http/errors.ts'
import type { ReadLimits } from '../../platform/read-limits.ts'
import { JsonSpill } from '../../platform/spill.ts'
import { type PlannedRow, type RowAction, RowChecker } from './projects.import.check.ts'
import { type FileShape, type ImportFile, type ParsedRow, type Problem, readProjectRows } from './projects.import.read.ts'
import { type ImportProgress, type SpilledWrite, writeImport } from './projects.import.write.ts'

/**
 * Importing the project library from .xlsx or .csv. Every row goes through the same checks as the form
 * (CreateProjectBody, projectProblems, the scope of the actor, the editable statuses); a preview reports each
 * problem with its row and column; a commit writes all rows in one transaction, or nothing.
 */

export interface ImportOptions {
  dryRun: boolean
  onProgress?: (p: ImportProgress) => void
  /** The configured read limits (ADR 0006); the defaults when left out. */
  limits?: ReadLimits
  /**
   * Runs inside the write transaction once every row and audit row is written: what it records (a job's result)
   * commits with the import or not at all.
   */
  onCommit?: (trx: Trx, result: ImportResult) => Promise<void>
  /** From how many audit rows they are written as a segment of the chain (AUDIT_SEGMENT_FROM unless given). */
  auditSegmentFrom?: number
}

export type { ImportFile, ImportProgress, RowAction }
export { MAX_IMPORT_ROWS } from './projects.import.read.ts'

export interface RowError {
  row: number
  column: string | null
  field: string | null
  message: string
}

export interface ImportPreview {
  dryRun: true
  total: number
  toCreate: number
  toUpdate: number
  unchanged: number
  errorCount: number
  /** The first MAX_REPORTED_ERRORS problems, in row order. */
  errors: RowError[]
  /** Headers the file has that are not project columns. */
  ignoredColumns: string[]
  rows: { row: number; action: RowAction; code: string | null; name: string | null; fiscalYear: number | null; unitCode: string | null; unitName: string | null; amountTotal: string | null }[]
}

export interface ImportResult {
  dryRun: false
  created: number
  updated: number
  unchanged: number
}

/** Rows are checked against the database this many at a time: one query for their units, one for their stored projects. */
const CHECK_CHUNK = 1000
const MAX_REPORTED_ERRORS = 1000
const PREVIEW_ROWS = 200

/** What checking the whole file found: counts, the first problems (file's own first, then rows' in row order), the preview's rows. */
interface CheckedFile {
  shape: FileShape
  checker: RowChecker
  counts: Record<RowAction, number>
  /** The problems to report: at most MAX_REPORTED_ERRORS of the rows'. */
  rowProblems: Problem[]
  rowProblemCount: number
  previewRows: ImportPreview['rows']
}

const problemsOf = (checked: CheckedFile) => [...checked.shape.problems, ...checked.rowProblems]
const problemCountOf = (checked: CheckedFile) => checked.shape.problems.length + checked.rowProblemCount

/**
 * Reads and checks the file a chunk of rows at a time. `accept` is given each row to write (create or update) for
 * as long as no problem has been found — once one has, nothing will be written and the rest is only checked.
 */
async function checkFile(db: Db, ctx: ActorCtx, file: ImportFile, options: ImportOptions, accept?: (row: PlannedRow) => Promise<void>): Promise<CheckedFile> {
  const shape: FileShape = { problems: [], headers: new Map(), ignoredColumns: [], rows: 0 }
  const checker = new RowChecker(db, ctx, shape)
  const checked: CheckedFile = { shape, checker, counts: { create: 0, update: 0, unchanged: 0, error: 0 }, rowProblems: [], rowProblemCount: 0, previewRows: [] }
  const take = async (rows: ParsedRow[]) => {
    for (const planned of await checker.check(rows)) {
      checked.counts[planned.action] += 1
      checked.rowProblemCount += planned.problems.length
      for (const p of planned.problems) if (checked.rowProblems.length < MAX_REPORTED_ERRORS) checked.rowProblems.push(p)
      if (checked.previewRows.length < PREVIEW_ROWS) checked.previewRows.push(previewRow(planned))
      if (accept && checked.rowProblemCount === 0 && (planned.action === 'create' || planned.action === 'update')) await accept(planned)
    }
  }
  let chunk: ParsedRow[] = []
  for await (const row of readProjectRows(file, shape, options.onProgress, options.limits)) {
    chunk.push(row)
    if (chunk.length < CHECK_CHUNK) continue
    await take(chunk)
    chunk = []
    // A 100 k-row file takes seconds to check: let the server's other requests in between.
    await setImmediate()
  }
  await take(chunk)
  checker.forgetKeys()
  return checked
}

function previewRow(r: PlannedRow): ImportPreview['rows'][number] {
  const v = r.values
  const text = (x: unknown) => (typeof x === 'string' && x ? x : null)
  return {
    row: r.row,
    action: r.action,
    code: text(v.code),
    name: text(v.name),
    fiscalYear: typeof v.fiscalYear === 'number' ? v.fiscalYear : null,
    unitCode: text(v.unitCode),
    unitName: r.unit?.name ?? null,
    amountTotal: r.input ? projectTotals(r.input).amountTotal : null,
  }
}

const localized = (problems: Problem[], ctx: ActorCtx): RowError[] =>
  problems.slice(0, MAX_REPORTED_ERRORS).map((p) => ({ row: p.row, column: p.column, field: p.field, message: p[ctx.lang] }))

function preview(checked: CheckedFile, ctx: ActorCtx): ImportPreview {
  const { counts } = checked
  return {
    dryRun: true,
    total: counts.create + counts.update + counts.unchanged + counts.error,
    toCreate: counts.create,
    toUpdate: counts.update,
    unchanged: counts.unchanged,
    errorCount: problemCountOf(checked),
    errors: localized(problemsOf(checked), ctx),
    ignoredColumns: checked.shape.ignoredColumns,
    rows: checked.previewRows,
  }
}

function invalid(checked: CheckedFile, ctx: ActorCtx) {
  const n = problemCountOf(checked)
  return new AppError('IMPORT_INVALID', localized(problemsOf(checked), ctx), {
    zh: `导入文件有 ${n} 处错误，未写入任何数据`,
    en: `The file has ${n} error${n === 1 ? '' : 's'}; nothing was written`,
  })
}

/**
 * The import use case. dryRun: the preview, nothing written. Otherwise, when every row passed, every row is
 * written and audited in one transaction (projects.import.write.ts) — or, if any row has a problem,
 * IMPORT_INVALID with the same row errors and nothing written. Reading and checking happen before that
 * transaction, so nothing is locked while they run; the rows to write wait in a spill file meanwhile, so memory
 * holds a chunk of rows whatever the file's size.
 */
export async function importProjects(db: Db, ctx: ActorCtx, file: ImportFile, options: ImportOptions & { dryRun: true }): Promise<ImportPreview>
export async function importProjects(db: Db, ctx: ActorCtx, file: ImportFile, options: ImportOptions & { dryRun: false }): Promise<ImportResult>
export async function importProjects(db: Db, ctx: ActorCtx, file: ImportFile, options: ImportOptions): Promise<ImportPreview | ImportResult>
export async function importProjects(db: Db, ctx: ActorCtx, file: ImportFile, options: ImportOptions) {
  if (options.dryRun) return preview(await checkFile(db, ctx, file, options), ctx)
  const spill = new JsonSpill<SpilledWrite>()
  try {
    const uncoded: ProjectCodeFacts[] = []
    const checked = await checkFile(db, ctx, file, options, async (r) => {
      const input = r.input!
      const unit = r.unit!
      let codeIndex: number | undefined
      if (r.action === 'create' && !input.code) {
        codeIndex = uncoded.length
        uncoded.push({ fiscalYear: input.fiscalYear, budgetKind: input.budgetKind, jurisdictionCode: unit.jurisdictionCode, departmentCode: unit.departmentCode!, unitCode: unit.code })
      }
      const totals = projectTotals(input)
      await spill.write(r.action === 'create' ? { action: 'create', id: randomUUID(), input, totals, unitCode: unit.code, codeIndex } : { action: 'update', id: r.existing!.id, input, totals, unitCode: unit.code, existing: r.existing! })
    })
    if (problemCountOf(checked)) throw invalid(checked, ctx)
    const units = checked.checker.units
    const { create, update, unchanged } = checked.counts
    return await writeImport(db, ctx, file.fileName, { spill, units, uncoded, created: create, updated: update, unchanged }, options)
  } finally {
    await spill.remove()
  }
}
