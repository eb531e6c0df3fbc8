import ExcelJS from 'exceljs'
import type { GoalContent, GoalIndicatorInput } from '../../../domain/goals.ts'
import { formatIndicatorValue, parseIndicatorValue } from '../../../domain/indicator-value.ts'
import { indicatorNatureLabels, valueBasisLabels } from '../../../domain/indicators.ts'
import type { Money } from '../../../domain/money.ts'
import { workbookBuffer } from '../../platform/excel.ts'
import { MONEY_FORMAT, moneyCell } from '../projects/projects.excel.ts'
import { DECLARATION_TITLE, indicatorColumns, SAMPLE_MARK } from './goals.excel.ts'

/**
 * Writing the 项目支出绩效目标申报表 in the layout goals.excel.ts reads back: the title with the year, the project's
 * block, the goals, then the indicator table with 一级/二级 merged as printed forms merge them. 指标值 is written
 * as people write it ("≥95%"), and the 指标性质 and 计量单位 columns beside it say the same apart.
 */

export interface DeclarationProject {
  code: string
  name: string
  departmentName: string
  unitName: string
  /** 项目属性 as printed, e.g. "新增、一次性". */
  attribute: string
  /** 项目期, e.g. "2026年—2028年". */
  period: string
  amounts: { mediumTerm: Money; annual: Money; fiscal: Money; other: Money } | null
}

export interface Declaration {
  fiscalYear: number
  project: DeclarationProject
  content: GoalContent
}

const COLUMNS = indicatorColumns.length
const LAST = String.fromCharCode(64 + COLUMNS)
const thin = { style: 'thin' as const }
const border = { top: thin, left: thin, bottom: thin, right: thin }
const labelFill = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFF2F2F2' } }

/** 指标值 as the form prints it: "≥95%", "≤30天", "95～100%"; qualitative targets as written. */
export function targetText(indicator: Pick<GoalIndicatorInput, 'nature' | 'target' | 'unit'>): string {
  if (indicator.nature === 'qualitative') return indicator.target
  const value = parseIndicatorValue(indicator.target, { nature: indicator.nature, unit: indicator.unit })
  return value.kind === 'quantitative' ? formatIndicatorValue(value) : indicator.target
}

/** A sheet name Excel accepts (≤ 31 characters, none of \ / ? * [ ] :), unique in the workbook. */
function sheetName(book: ExcelJS.Workbook, wanted: string): string {
  const base = (wanted.replace(/[\\/?*[\]:]/g, '_').trim() || '申报表').slice(0, 31)
  let name = base
  for (let n = 2; book.getWorksheet(name); n++) name = `${base.slice(0, 31 - String(n).length - 2)}(${n})`
  return name
}

/** Adds one filled (or, for the template, empty) 申报表 as a sheet. */
export function addDeclarationSheet(book: ExcelJS.Workbook, d: Declaration, name = `${d.project.code} ${d.project.name}`): ExcelJS.Worksheet {
  const sheet = book.addWorksheet(sheetName(book, name), { pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } })
  sheet.columns = indicatorColumns.map((c) => ({ width: c.width }))
  const title = sheet.addRow([`${DECLARATION_TITLE}（${d.fiscalYear}年度）`])
  sheet.mergeCells(`A${title.number}:${LAST}${title.number}`)
  title.height = 32
  title.getCell(1).font = { bold: true, size: 16 }
  title.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' }

  const { project: p } = d
  const money = (amount: Money | undefined) => (amount === undefined ? null : moneyCell(amount, 'yuan'))
  const pairs: [string, string | number | null, string, string | number | null][] = [
    ['项目名称', p.name, '项目编码', p.code],
    ['主管部门', p.departmentName, '实施单位', p.unitName],
    ['项目属性', p.attribute, '项目期', p.period],
    ['中期资金总额（元）', money(p.amounts?.mediumTerm), '年度资金总额（元）', money(p.amounts?.annual)],
    ['其中：财政拨款', money(p.amounts?.fiscal), '其他资金', money(p.amounts?.other)],
  ]
  const half = COLUMNS / 2
  for (const [leftLabel, left, rightLabel, right] of pairs) {
    const row = sheet.addRow([leftLabel, left, null, null, null, rightLabel, right])
    sheet.mergeCells(row.number, 2, row.number, half)
    sheet.mergeCells(row.number, half + 2, row.number, COLUMNS)
    for (const i of [1, half + 1]) Object.assign(row.getCell(i), { font: { bold: true }, fill: labelFill })
    for (const i of [2, half + 2]) if (typeof row.getCell(i).value === 'number') row.getCell(i).numFmt = MONEY_FORMAT.yuan
    styleRow(row)
  }
  const { content: c } = d
  // The 总体目标 row only where it says more than the 中期 goal, which stands for it otherwise (see the reader).
  const goals: [string, string][] = [
    ...(c.overallTarget && c.overallTarget !== c.mediumTermTarget ? [['总体目标', c.overallTarget] as [string, string]] : []),
    ['中期目标（实施期目标）', c.mediumTermTarget],
    ['年度目标', c.annualTarget],
  ]
  for (const [label, value] of goals) {
    const row = sheet.addRow([label, value])
    sheet.mergeCells(row.number, 2, row.number, COLUMNS)
    Object.assign(row.getCell(1), { font: { bold: true }, fill: labelFill })
    row.height = Math.max(36, 15 * Math.ceil(Math.max(1, value.length) / 60))
    styleRow(row)
  }

  const head = sheet.addRow(indicatorColumns.map((col) => col.header))
  head.eachCell((cell) => Object.assign(cell, { font: { bold: true }, fill: labelFill }))
  styleRow(head)
  const rows = c.indicators.map((i) =>
    sheet.addRow([i.level1, i.level2, i.name, indicatorNatureLabels[i.nature].zh, targetText(i), i.unit, i.weight === null ? null : Number(i.weight), valueBasisLabels[i.valueBasis].zh, i.scoringRule, i.mediumTermTarget]),
  )
  rows.forEach(styleRow)
  mergeRuns(sheet, rows, 1, (i) => c.indicators[i]!.level1)
  mergeRuns(sheet, rows, 2, (i) => `${c.indicators[i]!.level1}\u0000${c.indicators[i]!.level2}`)
  addChoices(sheet, head.number + 1, head.number + Math.max(rows.length, 1) + 50)
  return sheet
}

function styleRow(row: ExcelJS.Row) {
  for (let i = 1; i <= COLUMNS; i++) {
    const cell = row.getCell(i)
    cell.border = border
    cell.alignment = { vertical: 'middle', wrapText: true }
  }
}

/** Merges consecutive rows with the same key in one column, as printed forms show 一级 and 二级. */
function mergeRuns(sheet: ExcelJS.Worksheet, rows: ExcelJS.Row[], column: number, key: (i: number) => string) {
  let start = 0
  for (let i = 1; i <= rows.length; i++) {
    if (i < rows.length && key(i) === key(start)) continue
    if (i - 1 > start) sheet.mergeCells(rows[start]!.number, column, rows[i - 1]!.number, column)
    start = i
  }
}

/** Drop-downs for 指标性质 and 指标值设定依据 (exceljs declares range validations but writes them). */
function addChoices(sheet: ExcelJS.Worksheet, from: number, to: number) {
  const validations = (sheet as unknown as { dataValidations: { add(range: string, rule: ExcelJS.DataValidation): void } }).dataValidations
  const letter = (key: string) => String.fromCharCode(65 + indicatorColumns.findIndex((c) => c.key === key))
  const natures = Object.values(indicatorNatureLabels).map((l) => l.zh)
  const bases = Object.values(valueBasisLabels).map((l) => l.zh)
  for (const [key, options] of [['nature', natures], ['valueBasis', bases]] as const) {
    validations.add(`${letter(key)}${from}:${letter(key)}${to}`, { type: 'list', allowBlank: true, formulae: [`"${options.join(',')}"`], showErrorMessage: false })
  }
}

/** One workbook, one sheet a goal. */
export async function declarationWorkbook(declarations: Declaration[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook()
  book.creator = 'Jixiao 绩效'
  for (const d of declarations) addDeclarationSheet(book, d)
  if (declarations.length === 0) book.addWorksheet('申报表').addRow(['没有符合条件的绩效目标'])
  return workbookBuffer(book)
}

const sample = (level1: string, level2: string, name: string, nature: GoalIndicatorInput['nature'], target: string, unit: string, weight: string, scoringRule: string): GoalIndicatorInput => ({
  level1, level2, name: `${SAMPLE_MARK}：${name}`, indicatorId: null, nature, target, unit, mediumTermTarget: null, weight, valueBasis: 'plan', scoringRule,
})

/** The empty 申报表 to fill in: the project's block blank, sample rows that show how values are written. */
export async function declarationTemplate(fiscalYear: number): Promise<Buffer> {
  const book = new ExcelJS.Workbook()
  book.creator = 'Jixiao 绩效'
  const indicators = [
    sample('产出指标', '数量指标', '培训教师人次', '>=', '2000', '人次', '20', '达到目标值得满分，每低 10% 扣 2 分'),
    sample('产出指标', '质量指标', '培训考核合格率', '>=', '95', '%', '10', '≥95% 得满分，每低 1 个百分点扣 1 分'),
    sample('产出指标', '时效指标', '培训完成时间', 'qualitative', `${fiscalYear}年12月31日前`, '', '10', '按期完成得满分，否则不得分'),
    sample('产出指标', '成本指标', '人均培训成本', '<=', '800', '元/人', '10', '不超过目标值得满分，超出不得分'),
    sample('效益指标', '社会效益指标', '教师教学能力', 'qualitative', '明显提升', '', '30', '按提升程度分档计分'),
    sample('满意度指标', '服务对象满意度指标', '参训教师满意度', '>=', '90', '%', '10', '≥90% 得满分，每低 1 个百分点扣 1 分'),
  ]
  const project: DeclarationProject = { code: '', name: '', departmentName: '', unitName: '', attribute: '', period: '', amounts: null }
  const sheet = addDeclarationSheet(book, { fiscalYear, project, content: { name: '', overallTarget: '', mediumTermTarget: '', annualTarget: '', indicators } }, '绩效目标申报表')
  sheet.eachRow((row) => row.eachCell((cell) => {
    if (typeof cell.value === 'string' && cell.value.startsWith(`${SAMPLE_MARK}：`)) row.font = { italic: true, color: { argb: 'FF808080' } }
  }))
  const notes = book.addWorksheet('填写说明')
  notes.getColumn(1).width = 110
  for (const line of templateNotes(fiscalYear)) notes.addRow([line])
  return workbookBuffer(book)
}

function templateNotes(fiscalYear: number): string[] {
  return [
    '绩效目标申报表填写说明',
    `1. 每个工作表填写一个项目的绩效目标；标题中的年度（${fiscalYear}年度）即预算年度，可复制工作表填写多个项目。`,
    '2. 须填写项目库中已有项目的项目编码；项目名称、主管部门、实施单位和资金由系统按项目库填写，可不填。',
    `3. 三级指标以“${SAMPLE_MARK}”开头的行是示例，导入时自动跳过，可直接覆盖或删除。`,
    '4. 一级、二级指标可合并单元格，或只在第一行填写，下方留空的行沿用上一行。',
    '5. 指标值可写作“≥95%”“≤30天”“2026年12月31日前”“效果明显”：未填指标性质、计量单位时，系统从指标值中识别。',
    '6. 指标性质可选 ≥、>、=、≤、<、定性、定量；指标值设定依据可选计划标准、行业标准、历史标准、其他标准（空白为计划标准）。',
    '7. 导入前系统会逐表逐行校验并预览；只要有一处错误，整个文件都不会写入。',
  ]
}
