import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx'
import { assessorKindLabels, exAnteAttachmentLabels, exAnteDimensions, exAnteStatusLabels } from '../../../domain/exante.ts'
import { formatMoney } from '../../../domain/money.ts'
import { budgetKindLabels, projectAttributeLabels, projectTypeLabels } from '../../../domain/projects.ts'
import type { ExAnteView } from './exante.service.ts'

/**
 * The 事前绩效评估报告 as a Word document, in the outline of the 市级事前 template (REFERENCE §3.2): 评估对象基本情况,
 * 评估工作开展情况, 综合评估情况与评估结论 (one sub-section per dimension, then 总体结论, with the score table),
 * 相关建议, 其他需要说明的问题.
 */

const numerals = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十']
const font = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体' }

const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel] = HeadingLevel.HEADING_1) => new Paragraph({ text, heading: level, spacing: { before: 240, after: 120 } })
const body = (text: string) => new Paragraph({ children: [new TextRun(text)], indent: { firstLine: 480 }, spacing: { after: 80, line: 360 } })
const paragraphs = (text: string, fallback: string) => (text.trim() || fallback).split(/\n+/).map(body)

function cell(text: string, options: { bold?: boolean; align?: 'left' | 'center' | 'right'; span?: number } = {}) {
  const alignment = options.align === 'center' ? AlignmentType.CENTER : options.align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT
  return new TableCell({ columnSpan: options.span, children: [new Paragraph({ alignment, children: [new TextRun({ text, bold: options.bold })] })] })
}

function scoreTable(view: ExAnteView) {
  const head = ['评估维度', '审核要点', '分值', '得分', '评级', '评估说明'].map((h) => cell(h, { bold: true, align: 'center' }))
  const rows = view.sheet.dimensions.flatMap((d) =>
    d.items.map(
      (item, i) =>
        new TableRow({
          children: [
            cell(i === 0 ? `${d.zh}（${d.points}）` : ''),
            cell(item.zh),
            cell(item.points, { align: 'right' }),
            cell(item.score ?? '—', { align: 'right' }),
            cell(item.rating ?? '—', { align: 'center' }),
            cell(item.comment),
          ],
        }),
    ),
  )
  const total = new TableRow({
    children: [cell('合计', { bold: true, span: 2 }), cell(view.sheet.maxTotal, { align: 'right' }), cell(view.sheet.total, { bold: true, align: 'right' }), cell(view.sheet.rating ?? '—', { align: 'center' }), cell('')],
  })
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [new TableRow({ tableHeader: true, children: head }), ...rows, total] })
}

function basics(view: ExAnteView) {
  const lines = [
    `项目名称：${view.projectName}（编码 ${view.projectCode}）`,
    `预算单位：${view.unitName}；预算年度：${view.fiscalYear}；实施期：${view.periodStartYear}—${view.periodEndYear} 年`,
    `预算类别：${budgetKindLabels[view.budgetKind].zh}；项目属性：${projectAttributeLabels[view.attribute].zh}；项目类型：${projectTypeLabels[view.projectType].zh}${view.isMajorNew ? '；重大新增项目' : ''}`,
    `资金构成：年度资金合计 ${formatMoney(view.amountTotal)} 元，其中财政拨款 ${formatMoney(view.amountFiscal)} 元、其他资金 ${formatMoney(view.amountOther)} 元；中期资金总额 ${formatMoney(view.mediumTermAmount)} 元。`,
  ]
  return [...lines.map(body), ...paragraphs(view.description, '（项目申报时未填写项目概述。）')]
}

function findings(view: ExAnteView) {
  const dimensions = view.sheet.dimensions.flatMap((d, i) => [
    heading(`（${numerals[i]}）${d.zh}`, HeadingLevel.HEADING_2),
    body(`本维度满分 ${d.points} 分，得分 ${d.score} 分${d.rating ? `，评级为“${d.rating}”` : ''}。`),
    ...d.items.map((item) => body(`${item.zh}（${item.points} 分，得 ${item.score ?? '—'} 分${item.rating ? `，${item.rating}` : ''}）：${item.comment || item.guide}`)),
  ])
  const conclusion = view.conclusion ? `评估结论：${view.conclusion}。` : `评估尚未得出结论（${exAnteStatusLabels[view.status].zh}）。`
  return [
    ...dimensions,
    heading(`（${numerals[view.sheet.dimensions.length]}）总体结论`, HeadingLevel.HEADING_2),
    body(`综合评分 ${view.sheet.total} 分（满分 ${view.sheet.maxTotal} 分）${view.sheet.rating ? `，总体评级为“${view.sheet.rating}”` : ''}。${conclusion}`),
    ...(view.opinion ? [body(`评估意见：${view.opinion}`)] : []),
    scoreTable(view),
  ]
}

function otherIssues(view: ExAnteView) {
  const missing = view.missingAttachments.map((item) => exAnteAttachmentLabels[item].zh)
  const lines = [...(view.otherIssues.trim() ? view.otherIssues.split(/\n+/) : []), ...(missing.length ? [`申报材料尚缺：${missing.join('、')}。`] : [])]
  return (lines.length ? lines : ['无。']).map(body)
}

/** The report of one assessment as a .docx file. */
export async function exAnteReportDocx(view: ExAnteView): Promise<Buffer> {
  const dimensionNames = exAnteDimensions[view.kind].map((d) => d.zh).join('、')
  const assessor = view.assignedUserName ? `${assessorKindLabels[view.assessorKind].zh}（${view.assignedUserName}）` : `${view.assessorOrgName}（${assessorKindLabels[view.assessorKind].zh}）`
  const process = `${assessor}按照事前绩效评估有关规定，通过审阅申报材料、核查测算依据、召开评审会议等方式，对${dimensionNames}等方面进行了评估。`
  const doc = new Document({
    creator: 'Jixiao 绩效',
    title: `${view.projectName}事前绩效评估报告`,
    styles: { default: { document: { run: { font, size: 24 } } } },
    sections: [
      {
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [new TextRun({ text: `${view.projectName}事前绩效评估报告`, bold: true, size: 36 })] }),
          heading('一、评估对象基本情况'),
          ...basics(view),
          heading('二、评估工作开展情况'),
          ...paragraphs(view.process, process),
          heading('三、综合评估情况与评估结论'),
          ...findings(view),
          heading('四、相关建议'),
          ...paragraphs(view.suggestions, '无。'),
          heading('五、其他需要说明的问题'),
          ...otherIssues(view),
        ],
      },
    ],
  })
  return Packer.toBuffer(doc)
}
