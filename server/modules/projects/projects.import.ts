import { setImmediate } from 'node:timers/promises'
import { z } from 'zod'
import { localizeIssue } from '../../http/validation-messages.ts'
import { editableStatuses, projectStatusLabels, projectTotals } from '../../../domain/projects.ts'
import type { Db, Trx } from '../../db/database.ts'
import type { ActorCtx } from '../../http/context.ts'
import { AppError } from '../../http/errors.ts'
import { readSpreadsheet, type StreamedContent, spreadsheetKind } from '../../platform/excel.ts'
import type { ReadLimits } from '../../platform/read-limits.ts'
import { keyOf, type ProjectKey, type ScopedNode } from './projects.bulk.repository.ts'
import { findStagedDuplicates, findStagedProjects, findStagedUnits, stageImportKeys, type StagedProject } from './projects.import.repository.ts'
import { type ImportProgress, type ImportWrite, writeImport } from './projects.import.write.ts'
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
import { NewProjectBody, type NewProjectInput } from './projects.schemas.ts'
import { inputOf, projectProblems } from './projects.service.ts'
import { onlySupervises } from '../../platform/supervision.ts'

/**
 * Importing the project library from .xlsx or .csv. Every row goes through the same checks as the form
 * (CreateProjectBody, projectProblems, the scope of the actor, the editable statuses); a preview reports each
 * problem with its row and column; a commit writes all rows in one transaction, or nothing.
 */

export interface ImportFile {
  fileName: string
  /** The whole file, or the file piece by piece (a stored upload, a file on disk) with its first bytes to tell its kind. */
  content: Buffer | (StreamedContent & { head: Buffer })
}

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

export type { ImportProgress }

export interface RowError {
  row: number
  column: string | null
  field: string | null
  message: string
}

export type RowAction = 'create' | 'update' | 'unchanged' | 'error'

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

export const MAX_IMPORT_ROWS = 200_000
const MAX_REPORTED_ERRORS = 1000
const PREVIEW_ROWS = 200

interface Problem {
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

interface ParsedRow {
  row: number
  values: Partial<Record<ProjectField, unknown>>
  problems: Problem[]
}

interface ParsedFile {
  rows: ParsedRow[]
  problems: Problem[]
  headers: Map<string, string>
  ignoredColumns: string[]
}

/** Reads the file into rows of typed values; problems of the file as a whole and of single cells are collected. */
export async function readProjectFile(file: ImportFile, onProgress?: (p: ImportProgress) => void, limits?: ReadLimits): Promise<ParsedFile> {
  const kind = spreadsheetKind(Buffer.isBuffer(file.content) ? file.content : file.content.head, file.fileName)
  const parsed: ParsedFile = { rows: [], problems: [], headers: new Map(), ignoredColumns: [] }
  let bindings: Binding[] | null = null
  let sheet: string | null = null
  let headerRow = 1
  const skippedSheets = new Set<string>()
  const rows = readSpreadsheet(file.content, kind, (fraction) => onProgress?.({ phase: 'read', fraction, rows: parsed.rows.length }), limits)
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
      bindings = bindHeader(r.cells.map(cellText), found, r.number, parsed)
      if (parsed.problems.length) break
      continue
    }
    if (r.sheet !== sheet) break
    if (r.cells.every(isEmptyCell)) continue
    const code = bindings.find((b) => b.column.field === 'code')!
    if (cellText(r.cells[code.index] ?? null).startsWith(EXAMPLE_MARK)) continue
    if (parsed.rows.length >= MAX_IMPORT_ROWS) {
      parsed.problems.push(fileProblem(r.number, `文件超过 ${MAX_IMPORT_ROWS} 行，请分批导入`, `The file has more than ${MAX_IMPORT_ROWS} rows; import it in parts`))
      break
    }
    parsed.rows.push(readRow(r.number, r.cells, bindings))
  }
  if (bindings === null) {
    parsed.problems.push(fileProblem(1, '找不到表头：第一行应为“项目编码”“项目名称”等列名，请使用导入模板', 'No header row with 项目编码, 项目名称… was found; use the import template'))
  } else if (parsed.rows.length === 0 && parsed.problems.length === 0) {
    parsed.problems.push(fileProblem(headerRow, '文件中没有可导入的项目', 'The file holds no projects to import'))
  }
  return parsed
}

const fileProblem = (row: number, zh: string, en: string): Problem => ({ row, column: null, field: null, zh, en })

function bindHeader(texts: string[], found: (ReturnType<typeof matchHeader> | null)[], row: number, parsed: ParsedFile): Binding[] {
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

interface PlannedRow {
  row: number
  action: RowAction
  input: NewProjectInput | null
  values: ParsedRow['values']
  unit: ScopedNode | undefined
  existing: StagedProject | undefined
}

interface Plan {
  rows: PlannedRow[]
  problems: Problem[]
}

const localize = (issue: z.core.$ZodIssue, lang: 'zh' | 'en') => localizeIssue(issue as never, lang)

/** The file's keys checked in SQL, in one short transaction: the visible units, repeated keys, stored projects. */
async function checkKeys(db: Db, ctx: ActorCtx, parsed: ParsedFile) {
  const text = (v: unknown) => (typeof v === 'string' ? v : null)
  const keys = parsed.rows.map((r) => ({ row: r.row, code: text(r.values.code), fiscalYear: typeof r.values.fiscalYear === 'number' ? r.values.fiscalYear : null, unitCode: text(r.values.unitCode) }))
  return db.transaction().execute(async (trx) => {
    await stageImportKeys(trx, ctx.actor, keys)
    return { units: await findStagedUnits(trx), duplicates: await findStagedDuplicates(trx), existing: await findStagedProjects(trx, ctx.actor) }
  })
}

/**
 * Decides each row's fate against the database: scope, existing codes, duplicates, the form's validation.
 * `forWrite`: each file row is let go once decided and only what the write needs is kept (100 k rows: the file's
 * cells and the checked inputs are not both live at once).
 */
async function plan(db: Db, ctx: ActorCtx, parsed: ParsedFile, forWrite = false): Promise<Plan> {
  const problems = [...parsed.problems]
  const { units, duplicates, existing } = await checkKeys(db, ctx, parsed)
  const keyOfRow = (r: ParsedRow): ProjectKey | null => {
    const unit = units.get(r.values.unitCode as string)
    const { code, fiscalYear } = r.values
    return unit && typeof code === 'string' && typeof fiscalYear === 'number' ? { jurisdictionCode: unit.jurisdictionCode, fiscalYear, code } : null
  }
  const column = (field: string | null) => (field ? (parsed.headers.get(field as ProjectField) ?? null) : null)
  const rows: PlannedRow[] = []
  for (let i = 0; i < parsed.rows.length; i++) {
    const r = parsed.rows[i]!
    if (forWrite) parsed.rows[i] = RELEASED
    // A 100 k-row file takes seconds to check: let the server's other requests in between.
    if (rows.length % 1000 === 999) await setImmediate()
    const rowProblems = [...r.problems]
    const add = (field: string, zh: string, en: string) => rowProblems.push({ row: r.row, column: column(field), field, zh, en })
    const unit = units.get(r.values.unitCode as string)
    const key = keyOfRow(r)
    const stored = key ? existing.get(keyOf(key)) : undefined
    if (unit && onlySupervises(ctx.actor, unit)) {
      add('unitCode', `预算单位 ${unit.name} 属于下级行政区划，其项目由该区划的财政部门办理，上级财政部门只能查看`, `Unit ${unit.name} belongs to a jurisdiction below yours: its own finance bureau files its projects, yours may only look`)
    }
    const first = duplicates.get(r.row)
    if (first !== undefined) add('code', `项目编码 ${r.values.code} 与第 ${first} 行重复（同一预算年度内编码唯一）`, `Code ${r.values.code} repeats row ${first} (codes are unique within a fiscal year)`)
    if (stored && !stored.visible) {
      add('code', `${stored.fiscalYear} 年度编码为 ${stored.code} 的项目已存在，且不在您的权限范围内`, `A ${stored.fiscalYear} project with code ${stored.code} exists outside your scope`)
    } else if (stored && !editableStatuses.includes(stored.status)) {
      const label = projectStatusLabels[stored.status]
      add('code', `项目 ${stored.code} 处于“${label.zh}”状态，不能通过导入修改`, `Project ${stored.code} is ${label.en} and cannot be changed by an import`)
    }
    // Columns the file leaves out keep the stored values; the merged project is checked like the form's.
    const merged = stored?.visible ? { ...inputOf(stored), ...r.values } : r.values
    const failed = new Set(r.problems.map((p) => p.field))
    const result = NewProjectBody.safeParse(merged)
    let input: NewProjectInput | null = null
    if (!result.success) {
      for (const issue of result.error.issues) {
        const field = String(issue.path[0] ?? '')
        if (!failed.has(field)) add(field, localize(issue, 'zh'), localize(issue, 'en'))
      }
    } else if (r.problems.length === 0) {
      for (const p of projectProblems({ ...result.data, code: result.data.code ?? '' }, unit)) add(p.path, p.zh, p.en)
      input = result.data
    }
    problems.push(...rowProblems)
    const action: RowAction = rowProblems.length ? 'error' : !stored ? 'create' : sameInput(stored, input!) ? 'unchanged' : 'update'
    const written = action === 'create' || action === 'update'
    if (forWrite) rows.push(written ? { row: r.row, action, input, values: RELEASED.values, unit, existing: stored } : { row: r.row, action, input: null, values: RELEASED.values, unit: undefined, existing: undefined })
    else rows.push({ row: r.row, action, input: action === 'error' ? null : input, values: r.values, unit, existing: stored })
  }
  return { rows, problems }
}

const RELEASED: ParsedRow = { row: 0, values: {}, problems: [] }

function sameInput(stored: StagedProject, input: NewProjectInput): boolean {
  const before = inputOf(stored)
  return (Object.keys(input) as ProjectField[]).every((f) => (before[f] ?? null) === (input[f] ?? null))
}

const localized = (problems: Problem[], ctx: ActorCtx): RowError[] =>
  problems.slice(0, MAX_REPORTED_ERRORS).map((p) => ({ row: p.row, column: p.column, field: p.field, message: p[ctx.lang] }))

function preview(parsed: ParsedFile, planned: Plan, ctx: ActorCtx): ImportPreview {
  const count = (action: RowAction) => planned.rows.filter((r) => r.action === action).length
  return {
    dryRun: true,
    total: planned.rows.length,
    toCreate: count('create'),
    toUpdate: count('update'),
    unchanged: count('unchanged'),
    errorCount: planned.problems.length,
    errors: localized(planned.problems, ctx),
    ignoredColumns: parsed.ignoredColumns,
    rows: planned.rows.slice(0, PREVIEW_ROWS).map((r) => {
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
    }),
  }
}

function invalid(planned: Plan, ctx: ActorCtx) {
  const n = planned.problems.length
  return new AppError('IMPORT_INVALID', localized(planned.problems, ctx), {
    zh: `导入文件有 ${n} 处错误，未写入任何数据`,
    en: `The file has ${n} error${n === 1 ? '' : 's'}; nothing was written`,
  })
}

/**
 * The import use case. dryRun: the preview, nothing written. Otherwise, when every row passed, every row is
 * written and audited in one transaction (projects.import.write.ts) — or, if any row has a problem,
 * IMPORT_INVALID with the same row errors and nothing written. Reading and checking happen before that
 * transaction, so nothing is locked while they run.
 */
export async function importProjects(db: Db, ctx: ActorCtx, file: ImportFile, options: ImportOptions & { dryRun: true }): Promise<ImportPreview>
export async function importProjects(db: Db, ctx: ActorCtx, file: ImportFile, options: ImportOptions & { dryRun: false }): Promise<ImportResult>
export async function importProjects(db: Db, ctx: ActorCtx, file: ImportFile, options: ImportOptions): Promise<ImportPreview | ImportResult>
export async function importProjects(db: Db, ctx: ActorCtx, file: ImportFile, options: ImportOptions) {
  if (options.dryRun) {
    const parsed = await readProjectFile(file, options.onProgress, options.limits)
    return preview(parsed, await plan(db, ctx, parsed), ctx)
  }
  const { writes, unchanged } = await plannedWrites(db, ctx, file, options)
  return writeImport(db, ctx, file.fileName, writes, unchanged, options)
}

/** The rows to write, or IMPORT_INVALID; the file's cells are left behind for the collector before the write. */
async function plannedWrites(db: Db, ctx: ActorCtx, file: ImportFile, options: ImportOptions) {
  const planned = await plan(db, ctx, await readProjectFile(file, options.onProgress, options.limits), true)
  if (planned.problems.length) throw invalid(planned, ctx)
  const writes = planned.rows.flatMap((r): ImportWrite[] => (r.action === 'create' || r.action === 'update' ? [{ action: r.action, input: r.input!, unit: r.unit!, existing: r.existing }] : []))
  return { writes, unchanged: planned.rows.length - writes.length }
}
