import Decimal from 'decimal.js'
import type { GoalContent, GoalIndicatorInput } from '../../../domain/goals.ts'
import { parseIndicatorValue } from '../../../domain/indicator-value.ts'
import { type IndicatorNature, indicatorNatureLabels, indicatorNatures, type ValueBasis, valueBasisLabels } from '../../../domain/indicators.ts'
import { codeFromLabel } from '../../../domain/projects.ts'
import { type CellProblem, type CellValue, cellText, isEmptyCell, type Read, readYear, type SheetRow, type WorkbookSheet } from '../../platform/excel.ts'

/**
 * Reading the 项目支出绩效目标申报表 (REFERENCE §4.3, ADDENDUM B3): one goal a sheet, a block of label/value pairs
 * above an indicator table. Real forms differ in layout, so the table is found by its header labels, columns by
 * their names (with the synonyms printed forms use), and a blank 一级/二级 cell repeats the one above, as merged
 * cells do. The layout this system writes is in goals.excel.write.ts.
 */

export const DECLARATION_TITLE = '项目支出绩效目标申报表'
/** Indicator rows whose 三级指标 starts with this are the template's samples, skipped on import. */
export const SAMPLE_MARK = '示例'

/** Full-width letters, digits and signs (＞＝９５％, （元）, ：) as ASCII. */
export const halfWidth = (text: string) => text.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ')

/** A printed label reduced for comparison: no spaces, required marks, colons or notes in brackets ("权重(%)", "评(扣)分标准"). */
export const labelKey = (text: string) => halfWidth(text).replace(/\([^)]*\)/g, '').replace(/[\s*:]/g, '')

export type HeaderField = 'name' | 'projectCode' | 'fiscalYear' | 'overallTarget' | 'mediumTermTarget' | 'annualTarget'

const headerFields: Record<string, HeaderField | 'info'> = {
  项目名称: 'name',
  项目编码: 'projectCode',
  项目代码: 'projectCode',
  项目编号: 'projectCode',
  年度: 'fiscalYear',
  预算年度: 'fiscalYear',
  总体目标: 'overallTarget',
  中期目标: 'mediumTermTarget',
  实施期目标: 'mediumTermTarget',
  中长期目标: 'mediumTermTarget',
  年度目标: 'annualTarget',
  // Printed for reading; the system takes them from the project.
  ...Object.fromEntries(
    ['主管部门', '主管部门及代码', '实施单位', '单位名称', '项目属性', '项目类型', '项目期', '项目资金', '中期资金总额', '年度资金总额', '资金总额', '预算数', '其中财政拨款', '财政拨款', '上年结转', '其他资金', '项目负责人', '联系电话'].map((l) => [l, 'info' as const]),
  ),
}

export type IndicatorColumnKey = keyof Omit<GoalIndicatorInput, 'indicatorId'>

export interface IndicatorColumn {
  key: IndicatorColumnKey
  header: string
  width: number
  required?: boolean
  /** Other names real forms print (compared by labelKey). */
  synonyms: string[]
}

export const indicatorColumns: IndicatorColumn[] = [
  { key: 'level1', header: '一级指标', width: 12, required: true, synonyms: ['一级'] },
  { key: 'level2', header: '二级指标', width: 16, required: true, synonyms: ['二级'] },
  { key: 'name', header: '三级指标', width: 30, required: true, synonyms: ['三级', '三级指标名称', '指标名称'] },
  { key: 'nature', header: '指标性质', width: 10, synonyms: ['指标值类型', '符号', '指标类型'] },
  { key: 'target', header: '指标值', width: 18, required: true, synonyms: ['年度指标值', '指标值及单位', '预期指标值', '计划指标值', '目标值', '当年预期实现值', '全年指标值'] },
  { key: 'unit', header: '计量单位', width: 10, synonyms: ['度量单位', '单位'] },
  { key: 'weight', header: '权重', width: 8, synonyms: ['分值', '指标分值', '权重分值', '权重占比'] },
  { key: 'valueBasis', header: '指标值设定依据', width: 14, synonyms: ['设定依据', '指标值确定依据', '绩效标准', '指标标准', '指标标准或依据'] },
  { key: 'scoringRule', header: '评(扣)分标准', width: 30, synonyms: ['评分标准', '扣分标准', '评分规则', '评分办法'] },
  { key: 'mediumTermTarget', header: '中期指标值', width: 16, synonyms: ['实施期指标值', '中期目标值'] },
]

const columnByLabel = new Map(indicatorColumns.flatMap((c) => [c.header, ...c.synonyms].map((l) => [labelKey(l), c] as const)))

export interface DeclarationProblem extends CellProblem {
  sheet: string
  row: number
  column: string | null
  field: string | null
}

export interface ParsedDeclaration {
  sheet: string
  /** Where problems of the sheet as a whole point: the 项目编码 cell's row, else the first row. */
  row: number
  projectCode: string | null
  fiscalYear: number | null
  /** `name` is the printed 项目名称, '' when blank. Indicators with a problem are left out. */
  content: GoalContent
  /** The sheet row of each indicator of `content`, to place problems found later. */
  indicatorRows: number[]
  /** The printed header of each column the table has. */
  headers: Partial<Record<IndicatorColumnKey, string>>
  problems: DeclarationProblem[]
}

const text = (row: SheetRow | undefined, index: number | undefined) => (row && index !== undefined ? cellText(row.cells[index] ?? null) : '')

const isIndicatorHeader = (row: SheetRow) => {
  const keys = new Set(row.cells.map((c) => (isEmptyCell(c) ? undefined : columnByLabel.get(labelKey(cellText(c)))?.key)))
  return keys.has('name') && (keys.has('level1') || keys.has('level2') || keys.has('target'))
}

/** One sheet as a goal; null when the sheet is not a 申报表 (notes, lists): no indicator table and no 项目编码. */
export function parseDeclarationSheet(sheet: WorkbookSheet): ParsedDeclaration | null {
  const headerAt = sheet.rows.findIndex(isIndicatorHeader)
  const block = readHeaderBlock(headerAt < 0 ? sheet.rows : sheet.rows.slice(0, headerAt))
  const code = block.fields.get('projectCode')
  if (headerAt < 0 && (!code || code.inline)) return null
  const first = sheet.rows[0]?.number ?? 1
  const parsed: ParsedDeclaration = {
    sheet: sheet.name,
    row: code?.row ?? first,
    projectCode: code?.text || null,
    fiscalYear: null,
    content: { name: '', overallTarget: '', mediumTermTarget: '', annualTarget: '', indicators: [] },
    indicatorRows: [],
    headers: {},
    problems: [],
  }
  const problem = (row: number, column: string | null, field: string | null, p: CellProblem) => parsed.problems.push({ sheet: sheet.name, row, column, field, ...p })
  if (!parsed.projectCode) problem(parsed.row, '项目编码', 'projectCode', code ? { zh: '项目编码不能为空', en: '项目编码 (project code) is required' } : { zh: '缺少“项目编码”', en: 'The sheet has no 项目编码 (project code)' })
  const year = block.fields.get('fiscalYear')
  if (year?.text) {
    const read = readYear(year.text)
    if ('problem' in read) problem(year.row, '年度', 'fiscalYear', read.problem)
    else parsed.fiscalYear = read.value
  } else if (block.titleYear !== null) parsed.fiscalYear = block.titleYear
  else problem(first, '年度', 'fiscalYear', { zh: `找不到预算年度：标题应为“${DECLARATION_TITLE}（2026年度）”，或填写“年度”`, en: `No fiscal year: the title should read “${DECLARATION_TITLE}（2026年度）”, or fill in 年度` })
  const value = (field: HeaderField) => block.fields.get(field)?.text ?? ''
  parsed.content.name = value('name')
  parsed.content.mediumTermTarget = value('mediumTermTarget')
  parsed.content.annualTarget = value('annualTarget')
  // A 总体目标 row where the form has one; most print only 中期 and 年度, and the 中期 (实施期) goal is the overall one.
  parsed.content.overallTarget = value('overallTarget') || value('mediumTermTarget')
  if (headerAt < 0) {
    problem(parsed.row, null, null, { zh: '找不到指标表头（一级指标、二级指标、三级指标、指标值）', en: 'No indicator table header (一级指标, 二级指标, 三级指标, 指标值) was found' })
    return parsed
  }
  readIndicatorTable(sheet.rows.slice(headerAt), parsed, problem)
  return parsed
}

interface HeaderBlock {
  /** inline: read from "项目名称：…" in one cell rather than from a label cell. */
  fields: Map<HeaderField, { text: string; row: number; inline?: true }>
  titleYear: number | null
}

/**
 * The label/value pairs above the table: a value stands right of its label ("项目名称 | …"), inside the label's
 * cell ("项目名称：…"), or — for the goals, printed as column heads "总体目标 | 中期目标 | 年度目标" — below it.
 */
function readHeaderBlock(rows: SheetRow[]): HeaderBlock {
  const block: HeaderBlock = { fields: new Map(), titleYear: null }
  const fieldOf = (cell: CellValue) => (isEmptyCell(cell) ? undefined : headerFields[labelKey(cellText(cell))])
  rows.forEach((row, r) => {
    row.cells.forEach((cell, i) => {
      const raw = cellText(cell)
      const title = /(\d{4})\s*年度?/.exec(halfWidth(raw))
      if (title && block.titleYear === null && /申报表|绩效目标/.test(raw)) block.titleYear = Number(title[1])
      const inline = /^(.{2,10}?)[:：](.+)$/s.exec(raw)
      const field = fieldOf(cell) ?? (inline ? headerFields[labelKey(inline[1]!)] : undefined)
      if (!field || field === 'info' || block.fields.has(field)) return
      if (!fieldOf(cell)) return void block.fields.set(field, { text: inline![2]!.trim(), row: row.number, inline: true })
      const right = row.cells.findIndex((c, j) => j > i && !isEmptyCell(c))
      if (right >= 0 && !fieldOf(row.cells[right]!)) return void block.fields.set(field, { text: text(row, right), row: row.number })
      const below = rows[r + 1]
      const under = field.endsWith('Target') ? (below?.cells[i] ?? null) : null
      block.fields.set(field, { text: under !== null && !fieldOf(under) ? cellText(under) : '', row: row.number })
    })
  })
  return block
}

type Report = (row: number, column: string | null, field: string | null, p: CellProblem) => void

/** A printed weight heading ("产出指标(50分)", 安徽 2022) is not part of the level's name. */
const levelName = (raw: string) => raw.replace(/\s*[(（]\s*\d+(\.\d+)?\s*分\s*[)）]$/, '').trim()

function readIndicatorTable([head, ...rows]: SheetRow[], parsed: ParsedDeclaration, problem: Report) {
  const index: Partial<Record<IndicatorColumnKey, number>> = {}
  head!.cells.forEach((cell, i) => {
    const column = isEmptyCell(cell) ? undefined : columnByLabel.get(labelKey(cellText(cell)))
    if (!column || index[column.key] !== undefined) return
    index[column.key] = i
    parsed.headers[column.key] = cellText(cell)
  })
  for (const c of indicatorColumns) {
    if (c.required && index[c.key] === undefined) problem(head!.number, c.header, c.key, { zh: `缺少必填列“${c.header}”`, en: `The required column ${c.header} is missing` })
  }
  if (parsed.problems.some((p) => p.row === head!.number)) return
  let level1 = ''
  let level2 = ''
  for (const row of rows) {
    const at = (key: IndicatorColumnKey) => text(row, index[key])
    if (row.cells.every(isEmptyCell) || isIndicatorHeader(row)) continue
    if (at('level1')) [level1, level2] = [levelName(at('level1')), '']
    if (at('level2')) level2 = levelName(at('level2'))
    if (!at('name') && !at('target')) continue // a row of merged labels, a subtotal or a note
    if (at('name').startsWith(SAMPLE_MARK)) continue
    const before = parsed.problems.length
    const report = (key: IndicatorColumnKey, p: CellProblem) => problem(row.number, parsed.headers[key] ?? indicatorColumns.find((c) => c.key === key)!.header, key, p)
    if (!level1) report('level1', { zh: '一级指标不能为空', en: '一级指标 (level 1) is required' })
    if (!level2) report('level2', { zh: '二级指标不能为空', en: '二级指标 (level 2) is required' })
    if (!at('name')) report('name', { zh: '三级指标不能为空', en: '三级指标 (indicator name) is required' })
    const indicator = readIndicator(at, report, level2)
    if (parsed.problems.length > before || !indicator) continue
    parsed.content.indicators.push({ level1, level2, name: at('name'), indicatorId: null, ...indicator })
    parsed.indicatorRows.push(row.number)
  }
  if (parsed.content.indicators.length === 0 && !parsed.problems.length) {
    problem(head!.number, null, null, { zh: '申报表中没有绩效指标', en: 'The form holds no indicators' })
  }
}

type ReadIndicator = Omit<GoalIndicatorInput, 'level1' | 'level2' | 'name' | 'indicatorId'>

function readIndicator(at: (key: IndicatorColumnKey) => string, report: (key: IndicatorColumnKey, p: CellProblem) => void, level2: string): ReadIndicator | null {
  const nature = readNature(at('nature'))
  const weight = at('weight') ? readWeight(at('weight')) : { value: null }
  const basis = at('valueBasis') ? readValueBasis(at('valueBasis')) : { value: 'plan' as const }
  if ('problem' in nature) report('nature', nature.problem)
  if ('problem' in weight) report('weight', weight.problem)
  if ('problem' in basis) report('valueBasis', basis.problem)
  const written = at('target')
  if (!written) {
    report('target', { zh: '指标值不能为空', en: '指标值 (target) is required' })
    return null
  }
  const unitColumn = halfWidth(at('unit')).replace(/\s+/g, '')
  // The row's words decide a value without a sign: "5万元" of a 成本 indicator is a ceiling (≤), not "=".
  const hint = { nature: 'value' in nature && nature.value !== 'quantitative' ? nature.value : undefined, unit: unitColumn, name: at('name'), level2 }
  let value = parseIndicatorValue(written, hint)
  // A unit the value grammar does not take for one ("≥100m2") is cut off when the 计量单位 column names it.
  const bare = halfWidth(written).trimEnd()
  if (value.kind === 'qualitative' && unitColumn && bare.endsWith(unitColumn)) {
    const retry = parseIndicatorValue(bare.slice(0, -unitColumn.length), hint)
    if (retry.kind === 'quantitative') value = retry
  }
  const quantitative = 'value' in nature && nature.value !== undefined && nature.value !== 'qualitative'
  if (value.kind === 'qualitative' && quantitative) {
    report('target', { zh: '定量指标缺少数值', en: 'A quantitative indicator needs a number' })
    return null
  }
  if ('problem' in nature || 'problem' in weight || 'problem' in basis) return null
  const target = value.kind !== 'quantitative' ? value.text : value.range ? `${value.range.low}～${value.range.high}` : value.value
  return {
    nature: value.nature,
    target,
    unit: value.kind === 'quantitative' ? value.unit : unitColumn,
    mediumTermTarget: at('mediumTermTarget') || null,
    weight: weight.value,
    valueBasis: basis.value,
    scoringRule: at('scoringRule'),
  }
}

const natureWords: Record<string, IndicatorNature | 'quantitative'> = {
  ...Object.fromEntries(indicatorNatures.flatMap((n) => [[n, n], [indicatorNatureLabels[n].zh, n], [indicatorNatureLabels[n].en.toLowerCase(), n]])),
  '≧': '>=', '大于等于': '>=', '不低于': '>=', '大于': '>', '==': '=', '等于': '=', '≦': '<=', '小于等于': '<=', '不高于': '<=', '小于': '<',
  '定量': 'quantitative',
}

/** The 指标性质 column: a sign, 定性, or 定量 (the value's own sign then decides); blank leaves it to the value. */
export function readNature(raw: string): Read<IndicatorNature | 'quantitative' | undefined> {
  const key = halfWidth(raw).replace(/\s+/g, '').replace(/指标$/, '').toLowerCase()
  if (!key) return { value: undefined }
  const nature = natureWords[key]
  if (nature) return { value: nature }
  return { problem: { zh: `指标性质“${raw}”无效，可选：≥、>、=、≤、<、定性、定量`, en: `指标性质 “${raw}” is not valid; use ≥, >, =, ≤, <, 定性 (qualitative) or 定量 (quantitative)` } }
}

/** 权重/分值 as a decimal string; "20%" and "20分" read as 20. */
export function readWeight(raw: string): Read<string> {
  const written = halfWidth(raw).replace(/\s+/g, '').replace(/[%分]$/, '')
  if (/^\d+(\.\d+)?$/.test(written)) return { value: new Decimal(Number(written).toPrecision(15)).toFixed() }
  return { problem: { zh: `权重“${raw}”不是有效的数字`, en: `The weight “${raw}” is not a number` } }
}

/** 指标值设定依据: 计划标准/行业标准/历史标准/其他标准, with or without 标准. */
export function readValueBasis(raw: string): Read<ValueBasis> {
  const written = raw.replace(/\s+/g, '')
  const code = codeFromLabel(valueBasisLabels, raw) ?? codeFromLabel(valueBasisLabels, written) ?? codeFromLabel(valueBasisLabels, `${written}标准`)
  if (code) return { value: code }
  const choices = Object.values(valueBasisLabels)
  return { problem: { zh: `指标值设定依据“${raw}”无效，可选：${choices.map((l) => l.zh).join('、')}`, en: `指标值设定依据 “${raw}” is not valid; choose one of: ${choices.map((l) => l.en).join(', ')}` } }
}
