import ExcelJS from 'exceljs'
import { goalStatusLabels, type GoalView } from '../../../domain/goals.ts'
import { workbookBuffer } from '../../platform/excel.ts'

/** The table of contents of a declarations zip: which file holds which goal. */
export const DECLARATION_LIST_NAME = '目录.xlsx'

// Windows refuses these in file names; long names break its 260-character paths once unpacked into a folder.
const FORBIDDEN = /[\\/:*?"<>|\p{Cc}]/gu
const MAX_NAME = 80

/** One file name per goal, unique in the zip: "0001-项目编码-项目名称.xlsx". */
export function declarationFileNames(goals: readonly GoalView[]): string[] {
  const width = Math.max(4, String(goals.length).length)
  return goals.map((goal, i) => {
    const label = [goal.projectCode, goal.projectName ?? goal.name].filter(Boolean).join('-').replace(FORBIDDEN, '_').trim()
    return `${String(i + 1).padStart(width, '0')}-${[...label].slice(0, MAX_NAME).join('')}.xlsx`
  })
}

const columns: { header: string; width: number; value: (goal: GoalView, fileName: string, index: number) => string | number }[] = [
  { header: '序号', width: 8, value: (_g, _f, i) => i + 1 },
  { header: '项目编码', width: 24, value: (g) => g.projectCode ?? '' },
  { header: '项目名称', width: 40, value: (g) => g.projectName ?? '' },
  { header: '绩效目标名称', width: 40, value: (g) => g.name },
  { header: '主管部门', width: 24, value: (g) => g.departmentName },
  { header: '预算单位', width: 28, value: (g) => g.unitName ?? '' },
  { header: '预算年度', width: 10, value: (g) => g.fiscalYear },
  { header: '状态', width: 14, value: (g) => goalStatusLabels[g.status].zh },
  { header: '三级指标数', width: 12, value: (g) => g.indicators.length },
  { header: '申报表文件', width: 60, value: (_g, f) => f },
]

/** The list sheet: one row per goal, with the name of the file that holds its 申报表. */
export async function declarationListWorkbook(goals: readonly GoalView[], fileNames: readonly string[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook()
  book.creator = 'Jixiao 绩效'
  const sheet = book.addWorksheet('目录')
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width }))
  sheet.getRow(1).font = { bold: true }
  sheet.views = [{ state: 'frozen', ySplit: 1 }]
  goals.forEach((goal, i) => sheet.addRow(columns.map((c) => c.value(goal, fileNames[i]!, i))))
  return workbookBuffer(book)
}
