import Decimal from 'decimal.js'
import { MAX_MONEY, type Money, toWanYuan } from '../../../domain/money.ts'
import {
  budgetKindLabels,
  codeFromLabel,
  objectKindLabels,
  projectAttributeLabels,
  projectStatusLabels,
  projectTypeLabels,
} from '../../../domain/projects.ts'
import { type CellProblem, type CellValue, cellText, type ExcelColumn, type Read, readYear } from '../../platform/excel.ts'
import type { listProjects } from './projects.repository.ts'
import type { CreateProjectInput } from './projects.schemas.ts'

/**
 * The project sheet, one definition for the template, the export and the import: Chinese headers ⇄ fields,
 * labels ⇄ codes, money in 元 or 万元. Columns without a field are exported for reading and ignored on import
 * (the server derives them: org names, totals, status).
 */

export type AmountUnit = 'yuan' | 'wan'
export type ProjectField = keyof CreateProjectInput
export type ProjectListRow = Awaited<ReturnType<ReturnType<typeof listProjects>['execute']>>[number]
type Labels = Record<string, { zh: string; en: string }>

export interface ProjectSheetColumn {
  header: string
  kind: 'text' | 'year' | 'money' | 'label' | 'bool'
  width: number
  /** The input field the column imports into; absent for read-only columns. */
  field?: ProjectField
  required?: boolean
  labels?: Labels
  /** What an empty cell in a present column means. */
  empty?: string | boolean | null
  /** The value a read-only column exports. */
  read?: (row: ProjectListRow) => string | number | boolean | null
}

export const projectSheetColumns: ProjectSheetColumn[] = [
  { header: '项目编码', kind: 'text', width: 18, field: 'code', required: true },
  { header: '项目名称', kind: 'text', width: 36, field: 'name', required: true },
  { header: '预算年度', kind: 'year', width: 10, field: 'fiscalYear', required: true },
  { header: '预算单位编码', kind: 'text', width: 18, field: 'unitCode', required: true },
  { header: '预算单位名称', kind: 'text', width: 28, read: (r) => r.unitName },
  { header: '主管部门', kind: 'text', width: 24, read: (r) => r.departmentName },
  { header: '预算类别', kind: 'label', width: 18, field: 'budgetKind', required: true, labels: budgetKindLabels },
  { header: '项目属性', kind: 'label', width: 10, field: 'attribute', required: true, labels: projectAttributeLabels },
  { header: '项目类型', kind: 'label', width: 10, field: 'projectType', required: true, labels: projectTypeLabels },
  { header: '项目类别', kind: 'label', width: 16, field: 'objectKind', required: true, labels: objectKindLabels },
  { header: '实施期开始年度', kind: 'year', width: 14, field: 'periodStartYear', required: true },
  { header: '实施期结束年度', kind: 'year', width: 14, field: 'periodEndYear', required: true },
  { header: '中期资金总额', kind: 'money', width: 20, field: 'mediumTermAmount', required: true },
  { header: '一般公共预算资金', kind: 'money', width: 20, field: 'amountGeneral', required: true },
  { header: '政府性基金预算资金', kind: 'money', width: 20, field: 'amountFund', empty: '0.00' },
  { header: '国有资本经营预算资金', kind: 'money', width: 20, field: 'amountStateCapital', empty: '0.00' },
  { header: '社会保险基金预算资金', kind: 'money', width: 20, field: 'amountSocialInsurance', empty: '0.00' },
  { header: '财政拨款合计', kind: 'money', width: 20, read: (r) => r.amountFiscal },
  { header: '其他资金', kind: 'money', width: 20, field: 'amountOther', empty: '0.00' },
  { header: '年度资金合计', kind: 'money', width: 20, read: (r) => r.amountTotal },
  { header: '是否重大新增', kind: 'bool', width: 12, field: 'isMajorNew', empty: false },
  { header: '项目概述', kind: 'text', width: 40, field: 'description', empty: '' },
  { header: '联系人', kind: 'text', width: 12, field: 'contactName', empty: null },
  { header: '联系电话', kind: 'text', width: 16, field: 'contactPhone', empty: null },
  { header: '项目状态', kind: 'label', width: 12, labels: projectStatusLabels, read: (r) => r.status },
]

export const columnOfField = new Map(projectSheetColumns.filter((c) => c.field).map((c) => [c.field!, c]))

/** Rows whose code starts with this are the template's example and are skipped on import. */
export const EXAMPLE_MARK = '示例'

const unitSuffix: Record<AmountUnit, string> = { yuan: '（元）', wan: '（万元）' }

/** The header as written: money columns say their unit, "中期资金总额（万元）". */
export function headerOf(column: ProjectSheetColumn, unit: AmountUnit): string {
  return column.kind === 'money' ? `${column.header}${unitSuffix[unit]}` : column.header
}

/**
 * Reads a header cell back: required marks (*), spaces and the unit in either kind of parentheses are dropped,
 * and the field's own name (code, amountGeneral…) is accepted too.
 */
export function matchHeader(text: string): { column: ProjectSheetColumn; unit: AmountUnit } | null {
  let cleaned = text.replace(/[\s*＊]/g, '')
  let unit: AmountUnit = 'yuan'
  const suffix = /[（(](万元|元)[)）]$/.exec(cleaned)
  if (suffix) {
    unit = suffix[1] === '万元' ? 'wan' : 'yuan'
    cleaned = cleaned.slice(0, suffix.index)
  }
  const column = projectSheetColumns.find((c) => c.header === cleaned || c.field === cleaned)
  return column ? { column, unit } : null
}

// ─── writing ───────────────────────────────────────────────────────────────────────────────────────────────────

export const MONEY_FORMAT = { yuan: '#,##0.00', wan: '#,##0.00####' } as const

/**
 * Money for a cell. Excel keeps 15 significant digits: an amount that fits is written as a number (so sums
 * and formats work) — the number's shortest text is then the same decimal, so nothing is lost either way;
 * a larger one is written as text, exactly.
 */
export function moneyCell(amount: Money, unit: AmountUnit): number | string {
  const text = unit === 'wan' ? toWanYuan(amount, 6) : amount
  const digits = text.replace(/^-/, '').replace('.', '').replace(/^0+/, '')
  return digits.length <= 15 ? Number(text) : text
}

export function exportColumns(unit: AmountUnit): ExcelColumn<ProjectListRow>[] {
  return projectSheetColumns.map((c) => {
    const header = headerOf(c, unit)
    const raw = (row: ProjectListRow) => (c.field ? row[c.field] : c.read!(row))
    switch (c.kind) {
      case 'money':
        return { header, width: c.width, numFmt: MONEY_FORMAT[unit], value: (row) => moneyCell(raw(row) as string, unit) }
      case 'label':
        return { header, width: c.width, value: (row) => c.labels![raw(row) as string]?.zh ?? String(raw(row)) }
      case 'bool':
        return { header, width: c.width, value: (row) => (raw(row) ? '是' : '否') }
      default:
        return { header, width: c.width, value: (row) => raw(row) as string | number | null }
    }
  })
}

// ─── reading ───────────────────────────────────────────────────────────────────────────────────────────────────

export { type CellProblem, cellText, isEmptyCell, type Read, readYear } from '../../platform/excel.ts'

/**
 * A money cell, exactly. A number cell is taken at Excel's own precision (15 significant digits), so a value
 * Excel shows as 1234567.89 is 1234567.89 even when a formula left binary noise behind; text is parsed as
 * written ("1,234,567.89", "1234567.89元"). In 万元 columns the value is converted to 元 and must land on a cent.
 */
export function readMoney(value: CellValue, unit: AmountUnit): Read<Money> {
  let text: string
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { problem: notMoney(String(value)) }
    text = new Decimal(value.toPrecision(15)).toFixed()
  } else {
    text = cellText(value).replace(/[,，\s]/g, '').replace(/万?元$/, '').replace(/^[¥￥]/, '')
  }
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(text)) return { problem: notMoney(cellText(value)) }
  let amount = new Decimal(text)
  if (unit === 'wan') amount = amount.times(10_000)
  if (amount.isNegative() && !amount.isZero()) return { problem: { zh: '金额不能为负数', en: 'The amount cannot be negative' } }
  if (amount.decimalPlaces() > 2) {
    return {
      problem: unit === 'wan'
        ? { zh: `金额 ${cellText(value)} 万元超过 6 位小数（须精确到分）`, en: `${cellText(value)} (10k yuan) has more than 6 decimal places` }
        : { zh: `金额 ${cellText(value)} 超过 2 位小数`, en: `${cellText(value)} has more than 2 decimal places` },
    }
  }
  if (amount.greaterThan(MAX_MONEY)) return { problem: { zh: '金额超出上限', en: 'The amount is too large' } }
  return { value: amount.abs().toFixed(2) }
}

const notMoney = (text: string): CellProblem => ({ zh: `“${text}”不是有效的金额`, en: `"${text}" is not an amount of money` })

export function readLabel(value: CellValue, column: ProjectSheetColumn): Read<string> {
  const text = cellText(value)
  const code = codeFromLabel(column.labels!, text)
  if (code) return { value: code }
  const choices = Object.values(column.labels!)
  return {
    problem: {
      zh: `${column.header}“${text}”无效，可选：${choices.map((l) => l.zh).join('、')}`,
      en: `${column.header} "${text}" is not valid; choose one of: ${choices.map((l) => l.en).join(', ')}`,
    },
  }
}

const yes = new Set(['是', 'y', 'yes', 'true', '1', '√'])
const no = new Set(['否', 'n', 'no', 'false', '0', '×'])

export function readBool(value: CellValue): Read<boolean> {
  if (typeof value === 'boolean') return { value }
  const text = cellText(value).toLowerCase()
  if (yes.has(text)) return { value: true }
  if (no.has(text)) return { value: false }
  return { problem: { zh: `“${cellText(value)}”应填“是”或“否”`, en: `"${cellText(value)}" should be 是 (yes) or 否 (no)` } }
}

/** One non-empty cell into its field's type. */
export function readCell(value: CellValue, column: ProjectSheetColumn, unit: AmountUnit): Read<string | number | boolean> {
  switch (column.kind) {
    case 'money':
      return readMoney(value, unit)
    case 'year':
      return readYear(value)
    case 'label':
      return readLabel(value, column)
    case 'bool':
      return readBool(value)
    default:
      return { value: cellText(value) }
  }
}
