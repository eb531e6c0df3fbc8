import { sql } from 'kysely'
import type { z } from 'zod'
import { errorCatalog } from '../../../domain/errors.ts'
import type { Db, Trx } from '../../db/database.ts'
import type { ActorCtx } from '../../http/context.ts'
import { AppError } from '../../http/errors.ts'
import { localizeIssue } from '../../http/validation-messages.ts'
import { recordAudit } from '../../platform/audit.ts'
import { readWorkbook, spreadsheetKind } from '../../platform/excel.ts'
import type { ReadLimits } from '../../platform/read-limits.ts'
import { findVisibleProjectByCode, type ProjectView } from '../projects/projects.service.ts'
import { type DeclarationProblem, indicatorColumns, type ParsedDeclaration, parseDeclarationSheet } from './goals.excel.ts'
import { CreateGoalBody, type CreateGoalInput } from './goals.schemas.ts'
import { createGoal } from './goals.service.ts'

/**
 * Importing 绩效目标申报表 (.xlsx, one goal a sheet) into the projects they name. Each sheet goes through the same
 * use case as the form (createGoal), so the preview is a real run inside a transaction that is then rolled back:
 * what the preview accepts, the commit writes. A commit writes every sheet of the file in one transaction, or —
 * if any sheet has a problem — nothing.
 */

import type { GoalImportPreview, GoalImportResult, GoalImportRow, SheetError } from '../../../domain/goals-import.ts'

export type { GoalImportPreview, GoalImportResult, GoalImportRow, SheetError }

export interface ImportFile {
  fileName: string
  content: Buffer
}

const MAX_REPORTED_ERRORS = 1000

interface Planned {
  parsed: ParsedDeclaration
  project: ProjectView | null
  input: CreateGoalInput | null
  problems: DeclarationProblem[]
  goalId?: string
}

/** The 申报表 sheets of a file; sheets of notes or lists are passed over. */
export async function readDeclarationFile(file: ImportFile, limits?: ReadLimits): Promise<{ declarations: ParsedDeclaration[]; problems: DeclarationProblem[] }> {
  if (spreadsheetKind(file.content, file.fileName) !== 'xlsx') {
    throw new AppError('UNSUPPORTED_FILE', undefined, { zh: '绩效目标申报表只能以 .xlsx 文件导入', en: 'Goal declarations are imported from .xlsx files only' })
  }
  const declarations = (await readWorkbook(file.content, limits)).map(parseDeclarationSheet).filter((d): d is ParsedDeclaration => d !== null)
  const problems: DeclarationProblem[] = declarations.length
    ? []
    : [{ sheet: '', row: 1, column: null, field: null, zh: '找不到绩效目标申报表：工作表中应有“项目编码”和指标表头（一级指标、二级指标、三级指标、指标值），请使用导入模板', en: 'No goal declaration was found: a sheet needs 项目编码 and the indicator header (一级指标, 二级指标, 三级指标, 指标值); use the template' }]
  return { declarations, problems }
}

const goalFieldColumns: Record<string, string> = { name: '项目名称', overallTarget: '总体目标', mediumTermTarget: '中期目标', annualTarget: '年度目标', fiscalYear: '年度', projectId: '项目编码' }

/** Where a problem with a field path of the goal input ("indicators.3.target", "annualTarget") is in the sheet. */
function placeOf(d: ParsedDeclaration, path: readonly PropertyKey[]): Pick<DeclarationProblem, 'row' | 'column' | 'field'> {
  const [first, index, key] = path.map(String)
  if (first === 'indicators' && index !== undefined && d.indicatorRows[Number(index)] !== undefined) {
    const column = key ? (d.headers[key as keyof typeof d.headers] ?? indicatorColumns.find((c) => c.key === key)?.header ?? null) : null
    return { row: d.indicatorRows[Number(index)]!, column, field: key ?? null }
  }
  // A problem of the goal as a whole (a goal the project already has) points at the project's code.
  if (!first) return { row: d.row, column: '项目编码', field: 'projectCode' }
  return { row: d.row, column: goalFieldColumns[first] ?? null, field: first }
}

const problemOfIssue = (d: ParsedDeclaration, issue: z.core.$ZodIssue): DeclarationProblem => ({
  sheet: d.sheet,
  ...placeOf(d, issue.path),
  zh: localizeIssue(issue as never, 'zh'),
  en: localizeIssue(issue as never, 'en'),
})

function problemOfError(d: ParsedDeclaration, error: AppError): DeclarationProblem {
  const detail = Array.isArray(error.details) ? (error.details[0] as { path?: unknown } | undefined) : undefined
  const path = typeof detail?.path === 'string' ? detail.path.split('.') : []
  const { zh, en } = error.messageOverride ?? errorCatalog[error.code]
  return { sheet: d.sheet, ...placeOf(d, path), zh, en }
}

/** Finds each sheet's project in the actor's scope and checks the goal as the form's request is checked. */
async function plan(db: Db | Trx, ctx: ActorCtx, declarations: ParsedDeclaration[]): Promise<Planned[]> {
  const firstSheetOf = new Map<string, string>()
  const planned: Planned[] = []
  for (const d of declarations) {
    const p: Planned = { parsed: d, project: null, input: null, problems: [...d.problems] }
    const onSheet = (zh: string, en: string) => p.problems.push({ sheet: d.sheet, row: d.row, column: '项目编码', field: 'projectCode', zh, en })
    if (d.projectCode && d.fiscalYear) {
      try {
        p.project = await findVisibleProjectByCode(db, ctx, d.projectCode, d.fiscalYear)
        if (!p.project) onSheet(`${d.fiscalYear} 年度编码为 ${d.projectCode} 的项目不存在或不在您的权限范围内`, `No ${d.fiscalYear} project with code ${d.projectCode} exists in your scope`)
      } catch (error) {
        if (!(error instanceof AppError)) throw error
        p.problems.push(problemOfError(d, error))
      }
    }
    if (p.project) {
      const key = `${p.project.id}|${d.fiscalYear}`
      const first = firstSheetOf.get(key)
      if (first !== undefined) onSheet(`与工作表“${first}”是同一项目：一个项目每年只有一份绩效目标`, `Same project as sheet “${first}”: a project has one goal a year`)
      else firstSheetOf.set(key, d.sheet)
    }
    if (p.project && p.problems.length === 0) {
      // The goal is named after its project as the library has it; the sheet's 项目名称 is for reading, like 主管部门.
      const result = CreateGoalBody.safeParse({ kind: 'project', projectId: p.project.id, fiscalYear: d.fiscalYear, ...d.content, name: p.project.name })
      if (result.success) p.input = result.data
      else p.problems.push(...result.error.issues.map((issue) => problemOfIssue(d, issue)))
    }
    planned.push(p)
  }
  return planned
}

/**
 * Creates each sheet's goal through createGoal inside the open transaction. Each runs under a savepoint, so a
 * sheet the service refuses (a goal the project already has: DUPLICATE) is reported and the others still checked.
 */
async function createAll(trx: Trx, ctx: ActorCtx, planned: Planned[]) {
  for (const p of planned) {
    if (!p.input) continue
    await sql`savepoint goal_sheet`.execute(trx)
    try {
      p.goalId = (await createGoal(trx, ctx, p.input)).id
      await sql`release savepoint goal_sheet`.execute(trx)
    } catch (error) {
      await sql`rollback to savepoint goal_sheet`.execute(trx)
      if (!(error instanceof AppError)) throw error
      p.problems.push(problemOfError(p.parsed, error))
    }
  }
}

const localized = (problems: DeclarationProblem[], ctx: ActorCtx): SheetError[] =>
  problems.map((p) => ({ sheet: p.sheet, row: p.row, column: p.column, field: p.field, message: p[ctx.lang] }))

const allProblems = (fileProblems: DeclarationProblem[], planned: Planned[]) => [...fileProblems, ...planned.flatMap((p) => p.problems.sort((a, b) => a.row - b.row))]

function previewOf(fileProblems: DeclarationProblem[], planned: Planned[], ctx: ActorCtx): GoalImportPreview {
  const problems = allProblems(fileProblems, planned)
  return {
    dryRun: true,
    total: planned.length,
    toCreate: planned.filter((p) => p.goalId && p.problems.length === 0).length,
    errorCount: problems.length,
    errors: localized(problems.slice(0, MAX_REPORTED_ERRORS), ctx),
    rows: planned.map((p) => ({
      sheet: p.parsed.sheet,
      projectCode: p.parsed.projectCode,
      projectName: p.project?.name ?? null,
      fiscalYear: p.parsed.fiscalYear,
      indicators: p.parsed.content.indicators.length,
      content: p.input ? { name: p.input.name, overallTarget: p.input.overallTarget, mediumTermTarget: p.input.mediumTermTarget, annualTarget: p.input.annualTarget, indicators: p.input.indicators } : p.parsed.content,
      errors: localized(p.problems, ctx),
    })),
  }
}

function invalid(problems: DeclarationProblem[], ctx: ActorCtx) {
  const n = problems.length
  return new AppError('IMPORT_INVALID', localized(problems.slice(0, MAX_REPORTED_ERRORS), ctx), {
    zh: `申报表有 ${n} 处错误，未写入任何数据`,
    en: `The file has ${n} error${n === 1 ? '' : 's'}; nothing was written`,
  })
}

class DryRun extends Error {}

/**
 * The import use case. dryRun: the preview — every sheet created and then rolled back, nothing written.
 * Otherwise all the file's goals are created (as drafts) in one transaction, or, if any sheet has a problem,
 * IMPORT_INVALID with the same errors as the preview and nothing written.
 */
export async function importGoals(db: Db, ctx: ActorCtx, file: ImportFile, options: { dryRun: boolean; limits?: ReadLimits }): Promise<GoalImportPreview | GoalImportResult> {
  const { declarations, problems: fileProblems } = await readDeclarationFile(file, options.limits)
  if (options.dryRun) {
    let preview: GoalImportPreview | undefined
    await db
      .transaction()
      .execute(async (trx) => {
        const planned = await plan(trx, ctx, declarations)
        await createAll(trx, ctx, planned)
        preview = previewOf(fileProblems, planned, ctx)
        throw new DryRun()
      })
      .catch((error: unknown) => {
        if (!(error instanceof DryRun)) throw error
      })
    return preview!
  }
  return db.transaction().execute(async (trx): Promise<GoalImportResult> => {
    const planned = await plan(trx, ctx, declarations)
    await createAll(trx, ctx, planned)
    const problems = allProblems(fileProblems, planned)
    if (problems.length) throw invalid(problems, ctx)
    const goals = planned.map((p) => ({ sheet: p.parsed.sheet, id: p.goalId!, projectCode: p.parsed.projectCode }))
    await recordAudit(trx, ctx, { action: 'goal.import', entityType: 'goal', after: { fileName: file.fileName, created: goals.length, goals } })
    return { dryRun: false, created: goals.length, goals }
  })
}
