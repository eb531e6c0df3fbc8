import ExcelJS from 'exceljs'
import { lightLabels, type Light } from '../../../domain/lights.ts'
import { causeCategoryLabels, likelihoodLabels, monitoringFormStatusLabels } from '../../../domain/monitoring.ts'
import { projectAttributeLabels, projectTypeLabels } from '../../../domain/projects.ts'
import type { Db } from '../../db/database.ts'
import type { ActorCtx } from '../../http/context.ts'
import { AppError } from '../../http/errors.ts'
import { workbookBuffer } from '../../platform/excel.ts'
import { formsOfRound } from './dashboard.repository.ts'
import type { RoundRow } from './dashboard.scope.ts'

/**
 * All forms of a round (those the caller sees, optionally of one department) in the 绩效监控表 layout of REFERENCE
 * §5.2: a 汇总 sheet with one row per form, and a 监控表 sheet with each form as its own printed page — header
 * (项目名称, 主管部门, 项目执行单位, 项目属性, 项目类型), funds block (年初预算数, 调整后预算数, 1—N月执行数, 执行率,
 * 全年预计执行数) and indicator block (一级指标, 指标名称, 指标值, 1—N月执行情况, 完成目标可能性, 原因分析, 措施).
 */

/** Forms one workbook holds; a larger round is exported by department. */
export const EXPORT_FORMS_LIMIT = 3000
const WIDTHS = [14, 14, 26, 14, 16, 12, 14, 30, 30, 8]
const COLUMNS = WIDTHS.length

async function loadForms(db: Db, ctx: ActorCtx, round: RoundRow, departmentCode: string | null) {
  const forms = await formsOfRound(db, ctx.actor, round.id, departmentCode)
    .leftJoin('project', 'project.id', 'monitoringForm.projectId')
    .innerJoin('orgNode as department', 'department.code', 'monitoringForm.departmentCode')
    .leftJoin('orgNode as unit', 'unit.code', 'monitoringForm.unitCode')
    .select([
      'monitoringForm.id', 'monitoringForm.kind', 'monitoringForm.status', 'monitoringForm.isKey', 'monitoringForm.cutoffMonth', 'monitoringForm.fiscalYear',
      'monitoringForm.budgetInitial', 'monitoringForm.budgetAdjusted', 'monitoringForm.executed', 'monitoringForm.executionRate', 'monitoringForm.unitForecast', 'monitoringForm.systemForecast',
      'monitoringForm.budgetLight', 'monitoringForm.projectLight', 'monitoringForm.fundsNote', 'monitoringForm.overallProgress',
      'project.code as projectCode', 'project.name as projectName', 'project.attribute', 'project.projectType',
      'department.name as departmentName', 'unit.name as unitName',
    ])
    .orderBy('monitoringForm.departmentCode')
    .orderBy('monitoringForm.kind', 'desc')
    .orderBy('project.code')
    .limit(EXPORT_FORMS_LIMIT + 1)
    .execute()
  if (forms.length > EXPORT_FORMS_LIMIT) throw new AppError('EXPORT_TOO_LARGE', { max: EXPORT_FORMS_LIMIT })
  const indicators = new Map<string, IndicatorRow[]>()
  for (let i = 0; i < forms.length; i += 500) {
    const ids = forms.slice(i, i + 500).map((f) => f.id)
    if (!ids.length) break
    const rows = await db
      .selectFrom('monitoringFormIndicator')
      .select(['formId', 'level1', 'level2', 'name', 'nature', 'target', 'unit', 'progress', 'likelihood', 'causeCategory', 'deviationAnalysis', 'measures', 'light'])
      .where('formId', 'in', ids)
      .orderBy('formId')
      .orderBy('sortOrder')
      .execute()
    for (const row of rows) indicators.set(row.formId, [...(indicators.get(row.formId) ?? []), row])
  }
  return forms.map((f) => ({ ...f, indicators: indicators.get(f.id) ?? [] }))
}
type FormRow = Awaited<ReturnType<typeof loadForms>>[number]
type IndicatorRow = { formId: string; level1: string; level2: string; name: string; nature: string; target: string; unit: string; progress: string | null; likelihood: keyof typeof likelihoodLabels | null; causeCategory: keyof typeof causeCategoryLabels | null; deviationAnalysis: string; measures: string; light: Light | null }

const light = (value: Light | null) => (value ? lightLabels[value].zh : '')
const num = (value: string | null) => (value === null ? null : Number(value))
const thin = { style: 'thin' as const }
const border = { top: thin, left: thin, bottom: thin, right: thin }

function summarySheet(book: ExcelJS.Workbook, forms: FormRow[], month: number) {
  const sheet = book.addWorksheet('汇总')
  const columns: [string, number, (f: FormRow) => string | number | null, string?][] = [
    ['项目编码', 20, (f) => f.projectCode ?? ''],
    ['项目名称', 36, (f) => f.projectName ?? `${f.departmentName}部门整体`],
    ['主管部门', 22, (f) => f.departmentName],
    ['项目执行单位', 24, (f) => f.unitName ?? ''],
    ['填报状态', 12, (f) => monitoringFormStatusLabels[f.status].zh],
    ['重点监控', 10, (f) => (f.isKey ? '是' : '否')],
    ['年初预算数（元）', 16, (f) => num(f.budgetInitial), '#,##0.00'],
    ['调整后预算数（元）', 16, (f) => num(f.budgetAdjusted), '#,##0.00'],
    [`1—${month}月执行数（元）`, 16, (f) => num(f.executed), '#,##0.00'],
    ['执行率（%）', 10, (f) => num(f.executionRate), '0.00'],
    ['全年预计执行数（元）', 16, (f) => num(f.unitForecast), '#,##0.00'],
    ['预算执行预警', 10, (f) => light(f.budgetLight)],
    ['绩效目标预警', 10, (f) => light(f.projectLight)],
  ]
  sheet.columns = columns.map(([header, width, , numFmt]) => ({ header, width, ...(numFmt ? { style: { numFmt } } : {}) }))
  sheet.getRow(1).font = { bold: true }
  sheet.views = [{ state: 'frozen', ySplit: 1 }]
  for (const f of forms) sheet.addRow(columns.map(([, , value]) => value(f)))
}

function formBlock(sheet: ExcelJS.Worksheet, f: FormRow, round: RoundRow) {
  const month = f.cutoffMonth
  const add = (values: (string | number | null)[], options: { bold?: boolean; merge?: [number, number][] } = {}) => {
    const row = sheet.addRow(values)
    for (let c = 1; c <= COLUMNS; c++) {
      const cell = row.getCell(c)
      cell.border = border
      cell.alignment = { vertical: 'middle', wrapText: true }
      if (options.bold) cell.font = { bold: true }
    }
    for (const [from, to] of options.merge ?? []) sheet.mergeCells(row.number, from, row.number, to)
    return row
  }
  const title = sheet.addRow([`${f.fiscalYear}年${f.kind === 'project' ? '项目支出' : '部门整体支出'}绩效监控表（1—${month}月）`])
  sheet.mergeCells(title.number, 1, title.number, COLUMNS)
  title.getCell(1).font = { bold: true, size: 14 }
  title.getCell(1).alignment = { horizontal: 'center' }
  sheet.addRow([`监控批次：${round.name}`, null, null, null, null, null, null, `填报状态：${monitoringFormStatusLabels[f.status].zh}${f.isKey ? '（重点监控）' : ''}`])
  add(['项目名称', f.projectName ?? `${f.departmentName}部门整体`, null, null, null, '项目编码', f.projectCode ?? '', null, null, null], { merge: [[2, 5], [7, 10]] })
  add(['主管部门', f.departmentName, null, null, null, '项目执行单位', f.unitName ?? '', null, null, null], { merge: [[2, 5], [7, 10]] })
  if (f.kind === 'project') {
    add(['项目属性', f.attribute ? projectAttributeLabels[f.attribute].zh : '', null, null, null, '项目类型', f.projectType ? projectTypeLabels[f.projectType].zh : '', null, null, null], { merge: [[2, 5], [7, 10]] })
  }
  add(['资金情况（元）', null, '年初预算数', '调整后预算数', `1—${month}月执行数`, '执行率（%）', '全年预计执行数', '系统预测执行数', '预算执行预警', null], { bold: true, merge: [[1, 2], [9, 10]] })
  const money = add(['年度资金总额', null, num(f.budgetInitial), num(f.budgetAdjusted), num(f.executed), num(f.executionRate), num(f.unitForecast), num(f.systemForecast), light(f.budgetLight), null], { merge: [[1, 2], [9, 10]] })
  for (const c of [3, 4, 5, 7, 8]) money.getCell(c).numFmt = '#,##0.00'
  money.getCell(6).numFmt = '0.00'
  add(['一级指标', '二级指标', '指标名称', '指标值', `1—${month}月执行情况`, '完成目标可能性', '偏差原因类别', '偏差或不能完成目标原因分析', '相关建议或举措', '预警'], { bold: true })
  for (const i of f.indicators) {
    const sign = i.nature === 'qualitative' ? '' : i.nature.replace('>=', '≥').replace('<=', '≤')
    add([
      i.level1, i.level2, i.name, `${sign}${i.target}${i.unit}`, i.progress ?? '',
      i.likelihood ? likelihoodLabels[i.likelihood].zh : '', i.causeCategory ? causeCategoryLabels[i.causeCategory].zh : '',
      i.deviationAnalysis, i.measures, light(i.light),
    ])
  }
  if (!f.indicators.length) add(['（没有在执行的绩效目标指标）', null, null, null, null, null, null, null, null, null], { merge: [[1, COLUMNS]] })
  add(['绩效目标执行预警', light(f.projectLight), null, null, null, '总体进展', f.overallProgress || f.fundsNote, null, null, null], { merge: [[2, 5], [7, 10]] })
  const last = sheet.addRow([])
  last.addPageBreak()
}

export async function roundFormsWorkbook(db: Db, ctx: ActorCtx, round: RoundRow, departmentCode: string | null): Promise<Buffer> {
  const forms = await loadForms(db, ctx, round, departmentCode)
  const book = new ExcelJS.Workbook()
  book.creator = 'Jixiao 绩效'
  summarySheet(book, forms, round.cutoffMonth)
  const sheet = book.addWorksheet('监控表', { pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 } })
  sheet.columns = WIDTHS.map((width) => ({ width }))
  for (const f of forms) formBlock(sheet, f, round)
  if (!forms.length) sheet.addRow(['本批次没有您可查看的监控表'])
  return workbookBuffer(book)
}
