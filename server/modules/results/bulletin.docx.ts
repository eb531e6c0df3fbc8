import { AlignmentType, Document, Packer, Paragraph, type Table, TextRun } from 'docx'
import Decimal from 'decimal.js'
import { chinaDay } from '../../../domain/corrective-actions.ts'
import { body, heading, reportFont as font, table } from '../../platform/docx.ts'
import type { BulletinData } from './bulletin.data.ts'

/**
 * A 通报 as a Word document: 一、基本情况 (coverage), 二、结果分布, 三、表现较好的, 四、存在的问题 (the poor and the late),
 * 五、整改情况 (open items), for a 考核 also 六、考核排名 with the consequences; then 工作要求. Every figure is the data's.
 */

const percent = (part: number, whole: number) => (whole ? new Decimal(part).dividedBy(whole).times(100).toFixed(2) : '0.00')

const nouns = {
  self_round: { form: '自评表', submit: '已提交', figure: '自评得分', mark: '等级', good: '自评等级为“优”的项目（按得分从高到低）', poor: '自评等级为“中”“差”的项目' },
  monitoring_round: { form: '监控表', submit: '已报送', figure: '执行率（%）', mark: '亮灯', good: '绿灯、蓝灯项目中执行进度较好的（按执行率从高到低）', poor: '亮红灯的项目' },
  assessment: { form: '考核表', submit: '已提交自评', figure: '总分', mark: '等级', good: '考核等级为“优”的', poor: '考核等级为“中”“差”的' },
} as const

function coverage(data: BulletinData) {
  const w = nouns[data.kind]
  const { coverage: c } = data
  return [
    body(`本次纳入 ${c.total} 张${w.form}，${w.submit} ${c.submitted} 张（${percent(c.submitted, c.total)}%），逾期未报 ${c.late} 张。`),
    table([data.groupLabel, '应报', w.submit, '比例（%）', '逾期'], c.rows.map((r) => [r.name, String(r.total), String(r.submitted), percent(r.submitted, r.total), String(r.late)]), [1, 2, 3, 4]),
  ]
}

function distribution(data: BulletinData) {
  const d = data.distribution
  return [
    body(`${d.labels.map((l, i) => `${l} ${d.totals[i] ?? 0} 个`).join('，')}。`),
    table([data.groupLabel, ...d.labels], d.rows.map((r) => [r.name, ...r.counts.map(String)]), d.labels.map((_, i) => i + 1)),
  ]
}

function listSection(data: BulletinData, rows: BulletinData['good'], intro: string, none: string): (Paragraph | Table)[] {
  const w = nouns[data.kind]
  if (!rows.length) return [body(none)]
  const ownerLabel = data.kind === 'assessment' ? '类别' : '单位'
  return [body(`${intro}共 ${rows.length} 个：`), table([data.kind === 'assessment' ? '考核对象' : '项目', ownerLabel, w.figure, w.mark], rows.map((r) => [r.name, r.owner, r.figure, r.mark]), [2])]
}

function problems(data: BulletinData) {
  const w = nouns[data.kind]
  const out = listSection(data, data.poor, `${w.poor}`, `没有${w.poor}。`)
  if (data.late.length) out.push(body(`逾期未报：${data.late.map((l) => `${l.name}${data.kind === 'assessment' ? '' : ` ${l.count} 张`}`).join('，')}。`))
  else out.push(body('没有逾期未报的单位。'))
  return out
}

function rectifications(data: BulletinData) {
  const r = data.rectifications
  if (!r.total) return [body('没有尚未销号的整改事项。')]
  return [
    body(`尚未销号的整改事项 ${r.total} 项，其中已超过整改期限 ${r.overdue} 项。`),
    table(['主管部门', '未销号', '已逾期'], r.rows.map((row) => [row.name, String(row.open), String(row.overdue)]), [1, 2]),
  ]
}

function ranking(data: BulletinData) {
  if (!data.ranking.length) return []
  return [
    heading('六、考核排名及结果运用'),
    body('考核结果为“中”“差”的，按规定约谈其主要负责人，并与下一年度预算安排挂钩。'),
    table(['名次', '考核对象', '总分', '等级', '结果运用'], data.ranking.map((r) => [r.rank === null ? '—' : String(r.rank), r.name, r.total ?? '未复核', r.grade ?? '—', r.consequence]), [0, 2]),
  ]
}

function requirements(data: BulletinData) {
  const lines = ['各部门、各单位要对照通报的问题，逐项制定整改措施，按期报送整改情况。']
  if (data.late.length) lines.push('逾期未报的单位要说明原因，逾期情况纳入年度预算绩效管理考核。')
  lines.push('本通报结果作为下一年度预算安排和政策调整的重要依据。')
  return lines.map(body)
}

/** The bulletin as .docx bytes. */
export async function bulletinDocx(data: BulletinData): Promise<Buffer> {
  const w = nouns[data.kind]
  const doc = new Document({
    creator: 'Jixiao 绩效',
    title: data.title,
    styles: { default: { document: { run: { font, size: 24 } } } },
    sections: [
      {
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 120 }, children: [new TextRun({ text: data.title, bold: true, size: 36 })] }),
          new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [new TextRun({ text: data.subtitle, size: 24 })] }),
          heading('一、基本情况'),
          ...coverage(data),
          heading('二、结果分布'),
          ...distribution(data),
          heading('三、表现较好的'),
          ...listSection(data, data.good, w.good, `没有${w.good.replace(/（.*）/, '')}。`),
          heading('四、存在的问题'),
          ...problems(data),
          heading('五、整改情况'),
          ...rectifications(data),
          ...ranking(data),
          heading(data.ranking.length ? '七、工作要求' : '六、工作要求'),
          ...requirements(data),
          new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { before: 480 }, children: [new TextRun(`${data.scopeName}财政局`)] }),
          new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun(chinaDay(data.generatedAt))] }),
        ],
      },
    ],
  })
  return Packer.toBuffer(doc)
}
