import Decimal from 'decimal.js'
import ExcelJS from 'exceljs'
import { selfEvalStatusLabels } from '../../../domain/evaluation.ts'
import type { Db, Trx } from '../../db/database.ts'
import type { ActorCtx } from '../../http/context.ts'
import { AppError } from '../../http/errors.ts'
import { recordAudit } from '../../platform/audit.ts'
import { type CellValue, cellText, isEmptyCell, readWorkbook, type SheetRow, workbookBuffer } from '../../platform/excel.ts'
import type { ReadLimits } from '../../platform/read-limits.ts'
import * as repo from './self.repository.ts'
import type { SelfFormDetail, SelfImportResult, SelfImportRowError, UpdateSelfFormInput } from './self.schemas.ts'
import { pastSelfDeadline, selfFormDeadline } from './self.deadline.ts'
import { applyFill, fillsKindOf, mustFindSelfForm, mustFindSelfRound, selfFormView } from './self.service.ts'

/**
 * The 项目支出绩效自评表 in Excel (REFERENCE §6.5): the 10号 附件1 layout (项目资金 block, 年度总体目标, the
 * indicator table, 总分) or the Sichuan variant (预算执行情况 by fund source, 指标性质 / 度量单位 beside the value,
 * 评价结论 / 存在问题 / 改进措施). Both are read back by their labels, so either imports: 实际完成值, 全年执行数, the
 * reasons, a score set within its bound (with 得分调整理由). Money in 万元; the sheet names its form by 自评表编号
 * and each indicator by 指标编号.
 */

export type SelfLayout = 'no10' | 'sichuan'

const FORM_ID_LABEL = '自评表编号'
const MONEY_FORMAT = '#,##0.000000'
const thin = { style: 'thin' as const }
const border = { top: thin, left: thin, bottom: thin, right: thin }
const labelFill = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFF2F2F2' } }

const wan = (yuan: string) => new Decimal(yuan).dividedBy(10000).toNumber()
const yuan = (wanValue: Decimal.Value) => new Decimal(wanValue).times(10000).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2)
const num = (text: string | null) => (text === null ? null : Number(text))

interface IndicatorColumn {
  header: string
  width: number
  value: (ind: SelfFormDetail['indicators'][number]) => string | number | null
}

const levels: IndicatorColumn[] = [
  { header: '一级指标', width: 12, value: (i) => i.level1 },
  { header: '二级指标', width: 14, value: (i) => i.level2 },
  { header: '三级指标', width: 28, value: (i) => i.name },
]
/** 得分调整理由, 是否适用 and 指标编号: what the import needs beyond the printed form. */
const trailing: IndicatorColumn[] = [
  { header: '得分调整理由', width: 24, value: (i) => i.overrideReason },
  { header: '是否适用', width: 10, value: (i) => (i.applicable ? '是' : '否') },
  { header: '指标编号', width: 38, value: (i) => i.id },
]

const no10Columns: IndicatorColumn[] = [
  ...levels,
  { header: '年度指标值', width: 16, value: (i) => i.target },
  { header: '实际完成值', width: 14, value: (i) => i.actual },
  { header: '分值', width: 8, value: (i) => num(i.weight) },
  { header: '得分', width: 8, value: (i) => num(i.score) },
  { header: '偏差原因分析及改进措施', width: 32, value: (i) => i.deviationReason },
  ...trailing,
]

const natureText: Record<string, string> = { '>=': '正向（≥）', '>': '正向（>）', '=': '等于（=）', '<=': '反向（≤）', '<': '反向（<）', qualitative: '定性' }
const sichuanColumns: IndicatorColumn[] = [
  ...levels,
  { header: '指标性质', width: 10, value: (i) => natureText[i.nature] ?? i.nature },
  { header: '指标值', width: 16, value: (i) => i.target },
  { header: '度量单位', width: 10, value: (i) => i.unit },
  { header: '完成值', width: 14, value: (i) => i.actual },
  { header: '权重', width: 8, value: (i) => num(i.weight) },
  { header: '得分', width: 8, value: (i) => num(i.score) },
  { header: '未完成原因分析', width: 32, value: (i) => i.deviationReason },
  ...trailing,
]

function sheetName(book: ExcelJS.Workbook, wanted: string): string {
  const base = (wanted.replace(/[\\/?*[\]:]/g, '_').trim() || '自评表').slice(0, 31)
  let name = base
  for (let n = 2; book.getWorksheet(name); n++) name = `${base.slice(0, 31 - String(n).length - 2)}(${n})`
  return name
}

/** Adds one 自评表 as a sheet in the layout asked for. */
export function addSelfSheet(book: ExcelJS.Workbook, form: SelfFormDetail, layout: SelfLayout) {
  const columns = layout === 'no10' ? no10Columns : sichuanColumns
  const last = columns.length
  const sheet = book.addWorksheet(sheetName(book, `${form.projectCode ?? form.departmentCode} ${form.projectName}`), { pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } })
  sheet.columns = columns.map((c) => ({ width: c.width }))
  const merge = (row: number, from: number, to: number) => {
    if (to > from) sheet.mergeCells(row, from, row, to)
  }
  const label = (row: ExcelJS.Row, ...cols: number[]) => {
    for (const c of cols) {
      row.getCell(c).fill = labelFill
      row.getCell(c).font = { bold: true }
    }
  }
  const kindTitle = form.kind === 'department' ? '部门整体支出绩效自评表' : '项目支出绩效自评表'
  const title = sheet.addRow([layout === 'no10' ? kindTitle : `${kindTitle}（四川格式）`])
  merge(title.number, 1, last)
  title.font = { bold: true, size: 16 }
  title.alignment = { horizontal: 'center' }
  const year = sheet.addRow([`（${form.fiscalYear}年度）`])
  merge(year.number, 1, last)
  year.alignment = { horizontal: 'center' }

  const name = sheet.addRow(['项目名称', form.projectName])
  merge(name.number, 2, last)
  label(name, 1)
  const org = sheet.addRow(['主管部门', `${form.departmentName}（${form.departmentCode}）`, '', '', '实施单位', form.unitName || form.departmentName])
  merge(org.number, 2, 4)
  merge(org.number, 6, last)
  label(org, 1, 5)

  const f = form.funds
  const rate = `${f.executionRate}%`
  if (layout === 'no10') {
    const head = sheet.addRow(['项目资金（万元）', '', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'])
    label(head, 1, 2, 3, 4, 5, 6, 7, 8)
    const total = sheet.addRow(['', '年度资金总额', wan(f.initialBudget), wan(f.budget), wan(f.executed), num(f.weight), rate, num(f.score)])
    sheet.addRow(['', '其中：当年财政拨款', wan(f.initialBudget), wan(f.budget), wan(f.executed), '—', rate, '—'])
    sheet.addRow(['', '上年结转资金', null, null, null, '—', null, '—'])
    sheet.addRow(['', '其他资金', null, null, null, '—', null, '—'])
    for (let r = total.number; r < total.number + 3; r++) for (const c of [3, 4, 5]) sheet.getCell(r, c).numFmt = MONEY_FORMAT
    const reason = sheet.addRow(['执行率偏低原因', f.executionReason ?? ''])
    merge(reason.number, 2, last)
    label(reason, 1)
  } else {
    const head = sheet.addRow(['预算执行情况（10分）', '资金来源', '年初预算', '调整后预算数', '预算执行数', '预算执行率', '权重', '得分', '原因'])
    label(head, 1, 2, 3, 4, 5, 6, 7, 8, 9)
    const fiscal = sheet.addRow(['', '财政资金', wan(f.initialBudget), wan(f.budget), wan(f.executed), rate, num(f.weight), num(f.score), f.executionReason ?? ''])
    for (const c of [3, 4, 5]) fiscal.getCell(c).numFmt = MONEY_FORMAT
    for (const source of ['财政专户管理资金', '单位资金', '其他资金']) sheet.addRow(['', source])
  }
  // 年度总体目标: 预期目标 beside 实际完成情况 (Sichuan: 年度目标 / 完成情况 under 项目基本情况).
  const [goalLabel, expectedLabel, actualLabel] = layout === 'no10' ? ['年度总体目标', '预期目标', '实际完成情况'] : ['项目基本情况', '年度目标', '完成情况']
  const goalHead = sheet.addRow([goalLabel, expectedLabel, '', '', '', actualLabel])
  label(goalHead, 1, 2, 6)
  const goal = sheet.addRow(['', form.overallTarget, '', '', '', form.overallActual])
  goal.alignment = { wrapText: true, vertical: 'top' }
  for (const row of [goalHead, goal]) {
    merge(row.number, 2, 5)
    merge(row.number, 6, last)
  }

  const tableTitle = sheet.addRow([layout === 'no10' ? '绩效指标' : '绩效指标（90分）'])
  merge(tableTitle.number, 1, last)
  label(tableTitle, 1)
  const head = sheet.addRow(columns.map((c) => c.header))
  label(head, ...columns.map((_, i) => i + 1))
  for (const ind of form.indicators) sheet.addRow(columns.map((c) => c.value(ind)))
  const weightCol = columns.findIndex((c) => c.header === '分值' || c.header === '权重') + 1
  const totalRow = sheet.addRow(['总分'])
  totalRow.getCell(weightCol).value = 100
  totalRow.getCell(weightCol + 1).value = num(form.total)
  totalRow.getCell(weightCol + 2).value = form.grade ? `等级：${form.grade}` : '等级：—'
  label(totalRow, 1)
  if (layout === 'sichuan') {
    const verdict = sheet.addRow(['评价结论', form.total ? `自评得分 ${form.total} 分，等级“${form.grade}”` : '尚未完成评分'])
    merge(verdict.number, 2, last)
    label(verdict, 1)
  }
  for (const [text, value] of [
    ['存在问题', form.problems],
    ['改进措施', form.measures],
  ] as const) {
    const row = sheet.addRow([text, value])
    merge(row.number, 2, last)
    label(row, 1)
    row.alignment = { wrapText: true, vertical: 'top' }
  }
  const status = sheet.addRow(['状态', selfEvalStatusLabels[form.status].zh])
  merge(status.number, 2, last)
  label(status, 1)
  const id = sheet.addRow([FORM_ID_LABEL, form.id])
  merge(id.number, 2, last)
  label(id, 1)
  sheet.eachRow((row) => row.eachCell({ includeEmpty: false }, (cell) => (cell.border = border)))
  return sheet
}

const safeName = (text: string) => text.replace(/[\\/?*[\]:"<>|]/g, '_')

export async function exportSelfForm(db: Db, ctx: ActorCtx, id: string, layout: SelfLayout) {
  const form = await selfFormView(db, ctx, await mustFindSelfForm(db, ctx, id))
  const book = new ExcelJS.Workbook()
  addSelfSheet(book, form, layout)
  return { fileName: safeName(`${form.fiscalYear}年度绩效自评表-${form.projectName}.xlsx`), content: await workbookBuffer(book) }
}

/** Every form of a round the actor sees, a sheet each (bounded). */
export const MAX_ROUND_EXPORT = 500
export async function exportSelfRound(db: Db, ctx: ActorCtx, roundId: string, layout: SelfLayout) {
  const round = await mustFindSelfRound(db, ctx, roundId)
  const rows = await repo.listForms(db, ctx.actor, { roundId, sort: 'projectName', order: 'asc' }).limit(MAX_ROUND_EXPORT + 1).execute()
  if (rows.length > MAX_ROUND_EXPORT) {
    throw new AppError('RULE_VIOLATION', [{ path: 'roundId', message: String(MAX_ROUND_EXPORT) }], { zh: `一次最多导出 ${MAX_ROUND_EXPORT} 张自评表，请按部门或单位筛选后导出`, en: `At most ${MAX_ROUND_EXPORT} forms export at once; filter by department or unit` })
  }
  const book = new ExcelJS.Workbook()
  for (const row of rows) addSelfSheet(book, await selfFormView(db, ctx, (await repo.findForm(db, ctx.actor, row.id))!), layout)
  if (rows.length === 0) book.addWorksheet('自评表')
  return { fileName: safeName(`${round.name}.xlsx`), content: await workbookBuffer(book) }
}

// ---------------------------------------------------------------------------------------------------------------
// Import

interface ParsedIndicator {
  row: number
  id: string
  actual: string | null
  score: string | null
  overrideReason: string | null
  deviationReason: string | null
  applicable: boolean
}

interface ParsedSheet {
  sheet: string
  formId: string | null
  formIdRow: number
  executed: { row: number; value: string } | null
  executionReason: string | null | undefined
  overallActual: string | undefined
  problems: string | undefined
  measures: string | undefined
  indicators: ParsedIndicator[]
}

const textOrNull = (value: CellValue | undefined) => {
  const text = cellText(value ?? null)
  return text === '' ? null : text
}
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

function findCell(rows: SheetRow[], texts: string[]) {
  for (const [r, row] of rows.entries()) {
    const c = row.cells.findIndex((cell) => texts.includes(cellText(cell)))
    if (c >= 0) return { r, c }
  }
  return null
}

/** One sheet read by its labels (either layout). */
function parseSheet(name: string, rows: SheetRow[], errors: SelfImportRowError[]): ParsedSheet | null {
  const at = (row: SheetRow | undefined, c: number) => row?.cells[c] ?? null
  const idRow = rows.find((row) => cellText(at(row, 0)) === FORM_ID_LABEL)
  if (!idRow) return null
  const err = (row: number, field: string, zh: string, en: string) => errors.push({ sheet: name, row, field, zh, en })
  const formId = cellText(at(idRow, 1))
  const parsed: ParsedSheet = { sheet: name, formId: UUID.test(formId) ? formId : null, formIdRow: idRow.number, executed: null, executionReason: undefined, overallActual: undefined, problems: undefined, measures: undefined, indicators: [] }
  if (!parsed.formId) err(idRow.number, 'formId', `自评表编号“${formId}”无效`, `The form number "${formId}" is not valid`)

  const funds = findCell(rows, ['全年执行数', '预算执行数'])
  if (funds) {
    const valueRow = rows[funds.r + 1]
    const value = at(valueRow, funds.c)
    if (valueRow && !isEmptyCell(value)) {
      const text = cellText(value).replace(/,/g, '')
      if (/^\d{1,12}(\.\d{1,6})?$/.test(text)) parsed.executed = { row: valueRow.number, value: yuan(text) }
      else err(valueRow.number, 'executed', `全年执行数“${text}”须为数字（万元）`, `The amount executed "${text}" must be a number (10k yuan)`)
    }
    const reasonCol = rows[funds.r]!.cells.findIndex((cell) => cellText(cell) === '原因')
    if (reasonCol >= 0) parsed.executionReason = textOrNull(at(valueRow, reasonCol))
  }
  const reasonRow = rows.find((row) => cellText(at(row, 0)) === '执行率偏低原因')
  if (reasonRow) parsed.executionReason = textOrNull(at(reasonRow, 1))
  const actual = findCell(rows, ['实际完成情况', '完成情况'])
  if (actual) parsed.overallActual = cellText(at(rows[actual.r + 1], actual.c))
  for (const [label, key] of [
    ['存在问题', 'problems'],
    ['改进措施', 'measures'],
  ] as const) {
    const row = rows.find((r) => cellText(at(r, 0)) === label)
    if (row) parsed[key] = cellText(at(row, 1))
  }

  const head = findCell(rows, ['三级指标'])
  if (!head) {
    err(idRow.number, 'indicators', '未找到绩效指标表（表头“三级指标”）', 'The indicator table (header 三级指标) is missing')
    return parsed
  }
  const headers = rows[head.r]!.cells.map((cell) => cellText(cell))
  const col = (...names: string[]) => headers.findIndex((h) => names.includes(h))
  const cols = { id: col('指标编号'), actual: col('实际完成值', '完成值'), score: col('得分'), deviation: col('偏差原因分析及改进措施', '未完成原因分析'), override: col('得分调整理由'), applicable: col('是否适用') }
  if (cols.id < 0 || cols.actual < 0) {
    err(rows[head.r]!.number, 'indicators', '绩效指标表缺少“指标编号”或“实际完成值”列', 'The indicator table lacks the 指标编号 or 实际完成值 column')
    return parsed
  }
  for (const row of rows.slice(head.r + 1)) {
    const first = cellText(at(row, 0))
    if (first === '总分' || first === '评价结论' || first === '存在问题') break
    const id = cellText(at(row, cols.id))
    if (!id) continue
    if (!UUID.test(id)) {
      err(row.number, 'indicatorId', `指标编号“${id}”无效`, `The indicator number "${id}" is not valid`)
      continue
    }
    const score = cols.score >= 0 ? textOrNull(at(row, cols.score)) : null
    if (score !== null && !/^\d{1,3}(\.\d{1,2})?$/.test(score)) {
      err(row.number, 'score', `得分“${score}”须为数字，最多两位小数`, `The score "${score}" must be a number with at most two decimals`)
      continue
    }
    const applicableText = cols.applicable >= 0 ? cellText(at(row, cols.applicable)) : ''
    parsed.indicators.push({
      row: row.number,
      id,
      actual: textOrNull(at(row, cols.actual)),
      score,
      overrideReason: cols.override >= 0 ? textOrNull(at(row, cols.override)) : null,
      deviationReason: cols.deviation >= 0 ? textOrNull(at(row, cols.deviation)) : null,
      applicable: applicableText !== '否',
    })
  }
  return parsed
}

export async function readSelfWorkbook(content: Buffer, limits?: ReadLimits) {
  const errors: SelfImportRowError[] = []
  const sheets: ParsedSheet[] = []
  for (const sheet of await readWorkbook(content, limits)) {
    const parsed = parseSheet(sheet.name, sheet.rows, errors)
    if (parsed) sheets.push(parsed)
  }
  if (sheets.length === 0 && errors.length === 0) errors.push({ sheet: '', row: 0, field: 'file', zh: `文件中没有自评表（未找到“${FORM_ID_LABEL}”）`, en: `The file holds no 自评表 (no “${FORM_ID_LABEL}” row)` })
  return { sheets, errors }
}

class Rollback extends Error {}

/** One sheet applied in the transaction; its problems become row errors. */
async function applySheet(trx: Trx, ctx: ActorCtx, parsed: ParsedSheet, errors: SelfImportRowError[], preview: SelfImportResult['preview']) {
  const err = (row: number, field: string, zh: string, en: string) => errors.push({ sheet: parsed.sheet, row, field, zh, en })
  if (!parsed.formId) return
  const form = await repo.findFormForUpdate(trx, ctx.actor, parsed.formId)
  if (!form) return err(parsed.formIdRow, 'formId', '自评表不存在或不在您的权限范围内', 'The form does not exist or is outside your scope')
  if (!fillsKindOf(ctx.actor, form)) return err(parsed.formIdRow, 'formId', '您不能填报该自评表', 'You may not fill this form')
  if (form.roundStatus !== 'open' || (form.status !== 'draft' && form.status !== 'returned')) {
    return err(parsed.formIdRow, 'status', `自评表处于“${selfEvalStatusLabels[form.status].zh}”状态，不能导入`, `The form is ${selfEvalStatusLabels[form.status].en.toLowerCase()}; it cannot be imported`)
  }
  if (pastSelfDeadline(ctx, form)) {
    const deadline = selfFormDeadline(form).toISOString().slice(0, 16).replace('T', ' ')
    return err(parsed.formIdRow, 'deadline', `自评表填报已于 ${deadline}（UTC）截止，如需继续填报请向财政部门申请延期`, `The form's deadline (${deadline} UTC) has passed; ask the finance bureau for an extension`)
  }
  const known = await repo.formIndicators(trx, form.id)
  const rowOf = new Map<string, number>()
  const fill: Omit<UpdateSelfFormInput, 'version'> = {
    ...(parsed.executed && { executed: parsed.executed.value }),
    ...(parsed.executionReason !== undefined && { executionReason: parsed.executionReason }),
    ...(parsed.overallActual !== undefined && { overallActual: parsed.overallActual }),
    ...(parsed.problems !== undefined && { problems: parsed.problems }),
    ...(parsed.measures !== undefined && { measures: parsed.measures }),
    indicators: [],
  }
  for (const ind of parsed.indicators) {
    if (!known.some((k) => k.id === ind.id)) {
      err(ind.row, 'indicatorId', '该指标不属于本自评表', 'The indicator is not on this form')
      continue
    }
    rowOf.set(ind.id, ind.row)
    fill.indicators!.push({ id: ind.id, actual: ind.actual, applicable: ind.applicable, score: ind.score, overrideReason: ind.overrideReason, deviationReason: ind.deviationReason })
  }
  try {
    const { scored } = await applyFill(trx, ctx, form, fill)
    const after = await mustFindSelfForm(trx, ctx, form.id)
    await recordAudit(trx, ctx, { action: 'evaluation.self_import', entityType: 'self_eval_form', entityId: form.id, before: { status: form.status, total: form.total }, after: { total: after.total, grade: after.grade } })
    preview.push({ formId: form.id, projectName: after.projectName ?? after.departmentName, indicators: known.length, total: scored.total?.value ?? null, grade: scored.grade?.value ?? null })
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'RULE_VIOLATION') throw error
    for (const detail of (error.details ?? []) as { path: string; message: string }[]) {
      const index = /^indicators\.(\d+)\./.exec(detail.path)
      const id = index ? known[Number(index[1])]?.id : undefined
      errors.push({ sheet: parsed.sheet, row: (id && rowOf.get(id)) || parsed.formIdRow, field: detail.path, zh: detail.message, en: detail.message })
    }
  }
}

/**
 * Reads 自评表 back (either layout) and fills them: all or nothing. dryRun: every sheet applied and rolled back,
 * the preview (totals and grades as they would be) and the row errors returned. Otherwise the same, committed only
 * when there is no error; with errors, IMPORT_INVALID carrying them and nothing written.
 */
export async function importSelfForms(db: Db, ctx: ActorCtx, file: { fileName: string; content: Buffer }, options: { dryRun: boolean; limits?: ReadLimits }): Promise<SelfImportResult> {
  const { sheets, errors } = await readSelfWorkbook(file.content, options.limits)
  const preview: SelfImportResult['preview'] = []
  let result: SelfImportResult | undefined
  await db
    .transaction()
    .execute(async (trx) => {
      for (const sheet of sheets) await applySheet(trx, ctx, sheet, errors, preview)
      result = { dryRun: options.dryRun, applied: !options.dryRun && errors.length === 0, errors, preview }
      if (options.dryRun || errors.length) throw new Rollback()
    })
    .catch((error: unknown) => {
      if (!(error instanceof Rollback)) throw error
    })
  if (!options.dryRun && errors.length) {
    const n = errors.length
    throw new AppError('IMPORT_INVALID', errors.slice(0, 200).map((e) => ({ path: `${e.sheet}!${e.row}.${e.field}`, message: e[ctx.lang], ...e })), { zh: `自评表有 ${n} 处错误，未写入任何数据`, en: `The file has ${n} error${n === 1 ? '' : 's'}; nothing was written` })
  }
  return result!
}
