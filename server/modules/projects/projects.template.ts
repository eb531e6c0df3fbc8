import ExcelJS from 'exceljs'
import type { Money } from '../../../domain/money.ts'
import { workbookBuffer } from '../../platform/excel.ts'
import { budgetKindLabels, objectKindLabels, projectAttributeLabels, projectTypeLabels } from '../../../domain/projects.ts'
import { type AmountUnit, EXAMPLE_MARK, headerOf, MONEY_FORMAT, moneyCell, type ProjectField, type ProjectSheetColumn, projectSheetColumns } from './projects.excel.ts'

// The template shares its columns with the import and the export (projects.excel.ts).

export interface TemplateUnit {
  code: string
  name: string
  departmentName: string | null
}

const TEMPLATE_ROWS = 10_000

/** The import template: the project sheet with an example row and drop-downs, the actor's units, and notes. */
export async function buildTemplate(units: TemplateUnit[], unit: AmountUnit): Promise<Buffer> {
  const book = new ExcelJS.Workbook()
  book.creator = 'Jixiao 绩效'
  const sheet = book.addWorksheet('项目', { views: [{ state: 'frozen', ySplit: 1 }] })
  // exceljs supports range validations (one <dataValidation sqref="G2:G10001">) but does not declare them.
  const validations = (sheet as unknown as { dataValidations: { add(range: string, rule: ExcelJS.DataValidation): void } }).dataValidations
  const columns = projectSheetColumns.filter((c) => c.field)
  sheet.columns = columns.map((c) => ({ header: headerOf(c, unit), width: c.width }))
  columns.forEach((c, i) => {
    const cell = sheet.getRow(1).getCell(i + 1)
    if (c.required) cell.value = `*${headerOf(c, unit)}`
    cell.font = { bold: true, color: c.required ? { argb: 'FFC00000' } : undefined }
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } }
    const note = c.labels ? `可选：${Object.values(c.labels).map((l) => l.zh).join('、')}` : noteFor(c, unit)
    if (note) cell.note = note
    const letter = sheet.getColumn(i + 1).letter
    const range = `${letter}2:${letter}${TEMPLATE_ROWS + 1}`
    if (c.labels || c.kind === 'bool') {
      const options = c.labels ? Object.values(c.labels).map((l) => l.zh) : ['是', '否']
      validations.add(range, { type: 'list', allowBlank: !c.required, formulae: [`"${options.join(',')}"`], showErrorMessage: true, errorTitle: c.header, error: `请从下拉列表中选择${c.header}` })
    } else if (c.field === 'unitCode' && units.length) {
      validations.add(range, { type: 'list', allowBlank: false, formulae: [`'预算单位'!$A$2:$A$${units.length + 1}`], showErrorMessage: false })
    }
    if (c.kind === 'money') sheet.getColumn(i + 1).numFmt = MONEY_FORMAT[unit]
    // Codes and phone numbers stay text as typed: "001" keeps its zeros.
    if (c.kind === 'text') sheet.getColumn(i + 1).numFmt = '@'
  })
  const example = exampleRow(units[0], unit)
  const row = sheet.addRow(columns.map((c) => example[c.field!] ?? null))
  row.font = { italic: true, color: { argb: 'FF808080' } }

  const unitSheet = book.addWorksheet('预算单位')
  unitSheet.columns = [
    { header: '预算单位编码', width: 20 },
    { header: '预算单位名称', width: 36 },
    { header: '主管部门', width: 30 },
  ]
  unitSheet.getRow(1).font = { bold: true }
  for (const u of units) unitSheet.addRow([u.code, u.name, u.departmentName])

  const notes = book.addWorksheet('填写说明')
  notes.getColumn(1).width = 100
  for (const line of templateNotes(unit)) notes.addRow([line])
  return workbookBuffer(book)
}

function noteFor(c: ProjectSheetColumn, unit: AmountUnit): string | undefined {
  if (c.kind === 'money') return unit === 'wan' ? '单位：万元，最多 6 位小数' : '单位：元，最多 2 位小数'
  if (c.kind === 'year') return '四位年份，如 2026'
  if (c.field === 'code') return '同一行政区划、同一预算年度内唯一；已存在的编码将更新原项目'
  if (c.field === 'unitCode') return '见“预算单位”工作表'
  return undefined
}

function exampleRow(unit: TemplateUnit | undefined, amountUnit: AmountUnit): Partial<Record<ProjectField, string | number>> {
  const money = (yuan: Money) => moneyCell(yuan, amountUnit)
  return {
    code: `${EXAMPLE_MARK}-2026-001`,
    name: '2026年中小学教师培训项目（示例行，导入时自动跳过）',
    fiscalYear: 2026,
    unitCode: unit?.code ?? '',
    budgetKind: budgetKindLabels.general.zh,
    attribute: projectAttributeLabels.new.zh,
    projectType: projectTypeLabels.one_off.zh,
    objectKind: objectKindLabels.general.zh,
    periodStartYear: 2026,
    periodEndYear: 2026,
    mediumTermAmount: money('1234567.89'),
    amountGeneral: money('1234567.89'),
    amountFund: money('0.00'),
    amountStateCapital: money('0.00'),
    amountSocialInsurance: money('0.00'),
    amountOther: money('0.00'),
    isMajorNew: '否',
    description: '面向全区中小学教师的年度培训',
    contactName: '张三',
    contactPhone: '0755-12345678',
  }
}

function templateNotes(unit: AmountUnit): string[] {
  return [
    '项目库导入说明',
    '1. 在“项目”工作表中每行填写一个项目，第 1 行为表头，请勿修改；带 * 的列必填。',
    `2. 第 2 行是示例（项目编码以“${EXAMPLE_MARK}”开头），导入时自动跳过，可直接覆盖或删除。`,
    '3. 预算类别、项目属性、项目类型、项目类别、是否重大新增请从下拉列表中选择。',
    '4. 预算单位编码见“预算单位”工作表，只能填写您权限范围内的单位。',
    `5. 金额单位为${unit === 'wan' ? '万元，最多 6 位小数' : '元，最多 2 位小数'}；财政拨款合计与年度资金合计由系统计算。`,
    '6. 项目编码在同一预算年度内唯一：系统中已有的编码将更新原项目（仅限储备、已入库状态），没有的将新增为储备项目。',
    '7. 导入前系统会先预览并逐行校验；只要有一行有误，整个文件都不会写入。',
  ]
}
