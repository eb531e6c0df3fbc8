import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, type Table, TextRun } from 'docx'
import Decimal from 'decimal.js'
import { lightLabels } from '../../../domain/lights.ts'
import { causeCategoryLabels, correctiveActionKindLabels, correctiveActionKinds, correctiveActionStatusLabels, likelihoodLabels } from '../../../domain/monitoring.ts'
import { deviationFromTime } from '../../../domain/monitoring-dashboard.ts'
import { formatMoney, toWanYuan } from '../../../domain/money.ts'
import { body, heading, reportFont as font, table } from '../../platform/docx.ts'
import type { RoundReportData } from './report.data.ts'

/**
 * 绩效运行监控报告 of a round as a Word document, for a jurisdiction (by department) or one department (by unit):
 * 一、监控工作开展情况 (coverage), 二、预算执行情况, 三、绩效目标实现情况 (lights), 四、发现的主要问题,
 * 五、纠偏措施及成效 (actions taken), 六、下一步工作建议. Every figure is the dashboard's.
 */

const percent = (part: number, whole: number) => (whole ? new Decimal(part).dividedBy(whole).times(100).toFixed(2) : '0.00')
const wan = (amount: string) => toWanYuan(amount, 2)

function coverage(data: RoundReportData, scopeName: string) {
  const { round, totals } = data
  const deadline = round.deadline.toISOString().slice(0, 10)
  return [
    body(`${scopeName}按照预算绩效运行监控“双监控”要求，对${round.fiscalYear}年 1—${round.cutoffMonth} 月预算执行情况和绩效目标实现情况开展监控（批次：${round.name}，填报截止 ${deadline}）。`),
    body(`本次纳入监控 ${totals.forms} 张监控表，其中重点监控 ${totals.key} 张；已报送 ${totals.reported} 张（报送率 ${percent(totals.reported, totals.forms)}%），已审核 ${totals.accepted} 张，逾期未报 ${totals.late} 张。`),
  ]
}

function execution(data: RoundReportData, groupLabel: string) {
  const { totals, timeProgress } = data
  const rate = totals.executionRate ?? '—'
  const gap = totals.executionRate ? new Decimal(totals.executionRate).minus(timeProgress) : null
  const verdict = gap === null ? '' : gap.isNegative() ? `，低于时间进度 ${gap.abs().toFixed(2)} 个百分点` : `，高于时间进度 ${gap.toFixed(2)} 个百分点`
  return [
    body(`年初预算 ${wan(totals.budgetInitial)} 万元，调整后预算 ${wan(totals.budgetAdjusted)} 万元，1—${data.round.cutoffMonth} 月执行 ${wan(totals.executed)} 万元，预算执行率 ${rate}%，时间进度 ${timeProgress}%${verdict}。`),
    body(`预算执行预警：红灯 ${totals.budgetLights.red} 个、黄灯 ${totals.budgetLights.yellow} 个、绿灯 ${totals.budgetLights.green} 个。`),
    table(
      [groupLabel, '调整后预算（元）', '执行数（元）', '执行率（%）', '红', '黄', '绿'],
      data.groups.map((g) => [g.name, formatMoney(g.budgetAdjusted), formatMoney(g.executed), g.executionRate ?? '—', String(g.budgetLights.red), String(g.budgetLights.yellow), String(g.budgetLights.green)]),
      [1, 2, 3, 4, 5, 6],
    ),
    ...(data.deviations.length
      ? [
          body('执行进度与时间进度偏差最大的项目：'),
          table(
            ['项目', '预算单位', '执行率（%）', '偏差（百分点）'],
            data.deviations.map((d) => [`${d.projectName}（${d.projectCode}）`, d.unitName, d.executionRate ?? '—', d.executionRate ? deviationFromTime(d.executionRate, data.timeProgress) : '—']),
            [2, 3],
          ),
        ]
      : []),
  ]
}

function lightsSection(data: RoundReportData, groupLabel: string) {
  const { lights } = data.totals
  return [
    body(`绩效目标执行预警：红灯 ${lights.red} 个、黄灯 ${lights.yellow} 个、绿灯 ${lights.green} 个、蓝灯 ${lights.blue} 个，未亮灯（未填报进度）${lights.unlit} 个。红灯表示进度严重滞后，黄灯表示需关注，蓝灯表示超进度完成。`),
    table([groupLabel, '监控表', '已报送', '红', '黄', '绿', '蓝'], data.groups.map((g) => [g.name, String(g.forms), String(g.reported), String(g.lights.red), String(g.lights.yellow), String(g.lights.green), String(g.lights.blue)]), [1, 2, 3, 4, 5, 6]),
  ]
}

function problemsSection(data: RoundReportData) {
  if (!data.problems.length && !data.late.length) return [body('本次监控未发现亮红灯、黄灯的项目，也没有逾期未报的单位。')]
  const out: (Paragraph | Table)[] = []
  const tally = data.causes.filter((c) => c.causeCategory).map((c) => `${causeCategoryLabels[c.causeCategory!].zh}（${likelihoodLabels[c.likelihood!].zh}）${c.count} 项`)
  if (tally.length) out.push(body(`偏差原因分布：${tally.join('，')}。`))
  for (const [i, p] of data.problems.entries()) {
    out.push(heading(`（${i + 1}）${p.projectName}（${p.unitName}，${lightLabels[p.projectLight!].zh}灯）`, HeadingLevel.HEADING_3))
    for (const ind of p.indicators) {
      const parts = [`${ind.name}：目标 ${ind.target}${ind.unit}，1—${data.round.cutoffMonth} 月完成 ${ind.progress ?? '未填报'}${ind.progress && !Number.isNaN(Number(ind.progress)) ? ind.unit : ''}`]
      if (ind.likelihood) parts.push(`完成目标可能性“${likelihoodLabels[ind.likelihood].zh}”`)
      if (ind.causeCategory) parts.push(`原因类别“${causeCategoryLabels[ind.causeCategory].zh}”`)
      if (ind.deviationAnalysis) parts.push(`原因分析：${ind.deviationAnalysis}`)
      if (ind.measures) parts.push(`措施：${ind.measures}`)
      out.push(body(`${parts.join('；')}。`))
    }
  }
  if (data.late.length) out.push(body(`逾期未报：${data.late.map((l) => `${l.unitName ?? l.departmentName} ${l.late} 张`).join('，')}。`))
  return out
}

function actionsSection(data: RoundReportData) {
  if (!data.actions.length) return [body('本批次尚未采取纠偏措施。')]
  const byKind = correctiveActionKinds.map((k) => [k, data.actions.filter((a) => a.kind === k).length] as const).filter(([, n]) => n > 0)
  return [
    body(`共采取纠偏措施 ${data.actions.length} 项：${byKind.map(([k, n]) => `${correctiveActionKindLabels[k].zh} ${n} 项`).join('，')}；其中已办结 ${data.actions.filter((a) => a.status === 'closed').length} 项。`),
    table(
      ['措施', '项目', '事项', '金额（元）', '状态'],
      data.actions.map((a) => [correctiveActionKindLabels[a.kind].zh, a.projectName ?? '—', a.title, a.amount ? formatMoney(a.amount) : '—', `${correctiveActionStatusLabels[a.status].zh}${a.liftedAt ? '（已解除）' : ''}`]),
      [3],
    ),
  ]
}

function suggestions(data: RoundReportData) {
  const lines: string[] = []
  const { totals } = data
  if (totals.late) lines.push(`督促逾期未报的 ${data.late.length} 个单位尽快报送监控表，逾期情况纳入绩效管理考核。`)
  if (totals.lights.red) lines.push(`对亮红灯的 ${totals.lights.red} 个项目逐一分析原因，必要时采取暂缓拨款、调减预算、暂停项目实施等纠偏措施，并同步调整绩效目标。`)
  if (totals.budgetLights.red || totals.budgetLights.yellow) lines.push(`预算执行滞后的项目加快支出进度，执行确有困难的及时按程序调整预算。`)
  lines.push('将本次监控结果作为下一年度预算安排和政策调整的重要参考。')
  return lines.map(body)
}

/** The report as .docx bytes. */
export async function roundReportDocx(data: RoundReportData): Promise<Buffer> {
  const scopeName = data.department?.name ?? data.round.jurisdictionName
  const groupLabel = data.department ? '预算单位' : '主管部门'
  const title = `${scopeName}${data.round.fiscalYear}年预算绩效运行监控报告`
  const doc = new Document({
    creator: 'Jixiao 绩效',
    title,
    styles: { default: { document: { run: { font, size: 24 } } } },
    sections: [
      {
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 120 }, children: [new TextRun({ text: title, bold: true, size: 36 })] }),
          new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [new TextRun({ text: `（${data.round.name}，1—${data.round.cutoffMonth} 月）`, size: 24 })] }),
          heading('一、监控工作开展情况'),
          ...coverage(data, scopeName),
          heading('二、预算执行情况'),
          ...execution(data, groupLabel),
          heading('三、绩效目标实现情况'),
          ...lightsSection(data, groupLabel),
          heading('四、发现的主要问题'),
          ...problemsSection(data),
          heading('五、纠偏措施及成效'),
          ...actionsSection(data),
          heading('六、下一步工作建议'),
          ...suggestions(data),
        ],
      },
    ],
  })
  return Packer.toBuffer(doc)
}
