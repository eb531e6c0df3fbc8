import ExcelJS from 'exceljs'
import { computeFormula, parseSatisfactionAnswer, type SatisfactionAnswer, satisfactionRate, satisfactionScale } from '../../../domain/key-evaluation.ts'
import type { Db } from '../../db/database.ts'
import type { ActorCtx } from '../../http/context.ts'
import { AppError } from '../../http/errors.ts'
import { recordAudit } from '../../platform/audit.ts'
import { cellText, isEmptyCell, readSpreadsheet, type SheetRow, spreadsheetKind, workbookBuffer } from '../../platform/excel.ts'
import type { ReadLimits } from '../../platform/read-limits.ts'
import { effectiveRules } from '../rule-sets/rule-sets.service.ts'
import * as repo from './key.repository.ts'
import type { SurveyInput } from './key.schemas.ts'
import { assertEditable, lockForManage, toView } from './key.service.ts'

/**
 * 满意度问卷 of a key evaluation: questions answered on the 5-point scale (满意 … 不满意, or 5 … 1), responses
 * imported from a sheet (受访者 | one column per question), all or nothing, previewed first. The 满意率 —
 * (满意 + 比较满意) / all valid answers × 100 — becomes the input of the framework's 满意度 line.
 */

export async function saveSurvey(db: Db, ctx: ActorCtx, id: string, input: SurveyInput) {
  return db.transaction().execute(async (trx) => {
    const row = await lockForManage(trx, ctx, id)
    assertEditable(ctx, row, 'survey')
    const before = await repo.surveyOf(trx, id)
    if (before && before.responses > 0 && JSON.stringify(before.questions) !== JSON.stringify(input.questions)) {
      throw new AppError('NOT_EDITABLE', undefined, { zh: '问卷已导入答卷，不能再修改题目', en: 'Responses are imported; the questions can no longer change' })
    }
    const values = { title: input.title, questions: JSON.stringify(input.questions), target: input.target }
    if (before) await trx.updateTable('keyEvaluationSurvey').set({ ...values, version: before.version + 1 }).where('keyEvaluationId', '=', id).execute()
    else await trx.insertInto('keyEvaluationSurvey').values({ keyEvaluationId: id, ...values }).execute()
    const after = await repo.surveyOf(trx, id)
    await recordAudit(trx, ctx, { action: 'key_evaluation.survey', entityType: 'key_evaluation', entityId: id, before: before ?? null, after })
    return after!
  })
}

/** A blank answer sheet for the survey's questions. */
export async function surveyTemplate(db: Db, ctx: ActorCtx, id: string) {
  const row = await repo.findVisible(db, ctx.actor, id)
  if (!row) throw new AppError('NOT_FOUND')
  const survey = await repo.surveyOf(db, id)
  if (!survey) throw new AppError('NOT_FOUND')
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet('答卷')
  sheet.addRow(['受访者', ...survey.questions])
  sheet.getRow(1).font = { bold: true }
  sheet.columns.forEach((c, i) => (c.width = i === 0 ? 16 : 24))
  const note = book.addWorksheet('说明')
  note.addRow([`每行一份答卷；答案填 ${satisfactionScale.join(' / ')}，或 5（满意）至 1（不满意）；空白为未作答。`])
  return { fileName: `${row.name}-满意度问卷.xlsx`, content: await workbookBuffer(book) }
}

interface ParsedResponse {
  rowNo: number
  respondent: string
  answers: (SatisfactionAnswer | null)[]
}
interface RowError {
  row: number
  column: string
  message: string
}

const columnName = (i: number) => String.fromCharCode(65 + (i % 26)).padStart(i >= 26 ? 2 : 1, 'A')

async function parseResponses(content: Buffer, fileName: string, questions: string[], limits: ReadLimits, lang: 'zh' | 'en') {
  const responses: ParsedResponse[] = []
  const errors: RowError[] = []
  let header: SheetRow | null = null
  for await (const row of readSpreadsheet(content, spreadsheetKind(content, fileName), undefined, limits)) {
    if (!header) {
      header = row
      const names = row.cells.slice(1).map(cellText)
      questions.forEach((q, i) => {
        if (names[i]?.trim() !== q) errors.push({ row: row.number, column: columnName(i + 1), message: lang === 'zh' ? `第 ${i + 1} 题应为“${q}”` : `Question ${i + 1} should be “${q}”` })
      })
      continue
    }
    if (row.sheet !== header.sheet) break
    if (row.cells.every(isEmptyCell)) continue
    const answers = questions.map((_, i) => {
      const cell = row.cells[i + 1] ?? null
      if (cell === null || isEmptyCell(cell)) return null
      const answer = parseSatisfactionAnswer(typeof cell === 'number' ? cell : cellText(cell))
      if (!answer) errors.push({ row: row.number, column: columnName(i + 1), message: lang === 'zh' ? `答案“${cellText(cell)}”不在五级量表内（${satisfactionScale.join('/')} 或 1–5）` : `“${cellText(cell)}” is not on the 5-point scale` })
      return answer
    })
    responses.push({ rowNo: row.number, respondent: cellText(row.cells[0] ?? null).slice(0, 100), answers })
  }
  if (!header) errors.push({ row: 1, column: 'A', message: lang === 'zh' ? '文件没有表头' : 'The file has no header row' })
  else if (responses.length === 0) errors.push({ row: 2, column: 'A', message: lang === 'zh' ? '文件没有答卷' : 'The file has no responses' })
  return { responses, errors }
}

/** Responses imported as a whole (dryRun previews): the 满意率 is recomputed and fed into the 满意度 line. */
export async function importSurvey(db: Db, ctx: ActorCtx, id: string, file: { fileName: string; content: Buffer }, options: { dryRun: boolean; limits: ReadLimits }) {
  const row = await repo.findVisible(db, ctx.actor, id)
  if (!row) throw new AppError('NOT_FOUND')
  const survey = await repo.surveyOf(db, id)
  if (!survey) throw new AppError('NOT_FOUND')
  const { responses, errors } = await parseResponses(file.content, file.fileName, survey.questions, options.limits, ctx.lang)
  const answers = responses.flatMap((r) => r.answers.filter((a): a is SatisfactionAnswer => a !== null))
  const rate = satisfactionRate(answers)
  const preview = { dryRun: options.dryRun, responses: responses.length, answers: answers.length, rate: rate.value, formula: rate.formula, rule: rate.rule, errorCount: errors.length, errors: errors.slice(0, 100) }
  if (errors.length) {
    if (options.dryRun) return preview
    throw new AppError('IMPORT_INVALID', errors.slice(0, 100), { zh: `问卷文件有 ${errors.length} 处错误，未写入任何数据`, en: `The file has ${errors.length} error(s); nothing was written` })
  }
  if (options.dryRun) return preview
  return db.transaction().execute(async (trx) => {
    const locked = await lockForManage(trx, ctx, id)
    assertEditable(ctx, locked, 'survey')
    const before = await repo.surveyOf(trx, id)
    await trx.deleteFrom('keyEvaluationSurveyResponse').where('keyEvaluationId', '=', id).execute()
    for (let at = 0; at < responses.length; at += 500) {
      await trx
        .insertInto('keyEvaluationSurveyResponse')
        .values(responses.slice(at, at + 500).map((r) => ({ keyEvaluationId: id, rowNo: r.rowNo, respondent: r.respondent, answers: JSON.stringify(r.answers) })))
        .execute()
    }
    const satisfied = answers.filter((a) => a === '满意' || a === '比较满意').length
    await trx
      .updateTable('keyEvaluationSurvey')
      .set({ responses: responses.length, answers: answers.length, satisfied, rate: rate.value, fileName: file.fileName.slice(0, 255), importedAt: ctx.now, version: (before?.version ?? 0) + 1 })
      .where('keyEvaluationId', '=', id)
      .execute()
    // The 满意度 line takes the rate as its value and its score by its rule.
    if (rate.value !== null) {
      const { rules } = await effectiveRules(trx, locked.jurisdictionCode, locked.fiscalYear)
      const lines = await trx.selectFrom('keyEvaluationLine').select(['id', 'weight']).where('keyEvaluationId', '=', id).where('formula', '=', 'satisfaction').execute()
      for (const l of lines) {
        const inputs = { rate: rate.value, target: survey.target }
        const r = computeFormula('satisfaction', inputs, l.weight, rules)
        await trx.updateTable('keyEvaluationLine').set({ inputs: JSON.stringify(inputs), value: r.value, score: r.score }).where('id', '=', l.id).execute()
      }
    }
    await repo.bump(trx, id, ctx.now)
    const after = await repo.surveyOf(trx, id)
    await recordAudit(trx, ctx, { action: 'key_evaluation.survey_import', entityType: 'key_evaluation', entityId: id, before: before ?? null, after })
    return { ...preview, dryRun: false, evaluation: await toView(trx, ctx, (await repo.findVisible(trx, ctx.actor, id))!) }
  })
}
