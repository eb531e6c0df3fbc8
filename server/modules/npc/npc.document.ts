import { chinaDay } from '../../../domain/corrective-actions.ts'
import { goalStatusLabels } from '../../../domain/goals.ts'
import { addMoney, formatMoney, toWanYuan } from '../../../domain/money.ts'
import { rectificationStatusLabels } from '../../../domain/results.ts'
import { outlineDocx } from '../../platform/docx.ts'
import { outlinePdf } from '../../platform/pdf.ts'
import { outlineHeading as heading, outlineParagraph as body, outlineTable as table, type ReportBlock, type ReportOutline } from '../../platform/report-outline.ts'
import type { NpcFormat } from '../../../domain/npc.ts'
import type { NpcGoal, NpcPackageData } from './npc.data.ts'

/**
 * A department's 人大材料, one outline drawn as Word or PDF: 一、部门整体绩效目标, 二、重大项目绩效目标 (each with its indicators),
 * 三、上年度重点绩效评价结果, 四、上年度项目自评情况, 五、尚未完成的整改事项. Every figure is the data's.
 */

function indicatorTable(goal: NpcGoal) {
  if (!goal.indicators.length) return [body('未设置绩效指标。')]
  return [table(['一级指标', '二级指标', '三级指标', '指标值'], goal.indicators.map((i) => [i.level1, i.level2, i.name, i.target]))]
}

function departmentGoal(data: NpcPackageData): ReportBlock[] {
  const goal = data.departmentGoal
  if (!goal) return [body(`本部门${data.fiscalYear}年度没有已批复的部门整体支出绩效目标。`)]
  return [body(`年度目标：${goal.annualTarget}`), ...indicatorTable(goal)]
}

function majorProjects(data: NpcPackageData): ReportBlock[] {
  const list = data.majorProjects
  const rule = `预算资金 ${toWanYuan(data.majorAmount)} 万元及以上或列为新增重大项目的`
  if (!list.length) return [body(`本部门${data.fiscalYear}年度没有${rule}项目。`)]
  const total = addMoney(...list.map((p) => p.amountTotal))
  const withGoal = list.filter((p) => p.goal).length
  const out: ReportBlock[] = [
    body(`本部门${data.fiscalYear}年度${rule}重大项目共 ${list.length} 个，年度资金合计 ${formatMoney(total)} 元；其中绩效目标已批复 ${withGoal} 个。`),
    table(['项目', '实施单位', '年度资金（元）', '绩效目标'], list.map((p) => [`${p.name}（${p.code}）`, p.unitName, formatMoney(p.amountTotal), p.goal ? goalStatusLabels[p.goal.status].zh : '尚未批复']), [2]),
  ]
  list.forEach((p, i) => {
    out.push(heading(`（${i + 1}）${p.name}（${p.code}）`, 2))
    out.push(body(`实施单位：${p.unitName}；年度资金 ${formatMoney(p.amountTotal)} 元${p.isMajorNew ? '；新增重大项目' : ''}。`))
    if (!p.goal) {
      out.push(body('绩效目标尚未批复。'))
      return
    }
    out.push(body(`年度目标：${p.goal.annualTarget}`), ...indicatorTable(p.goal))
  })
  return out
}

function keyEvaluations(data: NpcPackageData): ReportBlock[] {
  const list = data.keyEvaluations
  if (!list.length) return [body(`${data.lastYear}年度本部门没有已形成结论的重点绩效评价。`)]
  return [
    body(`${data.lastYear}年度本部门已形成结论的重点绩效评价 ${list.length} 项：`),
    table(['评价对象', '项目编码', '得分', '等级', '评价结论'], list.map((k) => [k.name, k.projectCode ?? '—', k.total ?? '—', k.grade ?? '—', k.conclusion || '—']), [2]),
  ]
}

function selfEvaluation(data: NpcPackageData): ReportBlock[] {
  const s = data.selfEvaluation
  if (!s.count) return [body(`${data.lastYear}年度本部门没有已提交的项目自评表。`)]
  const out: ReportBlock[] = [
    body(`${data.lastYear}年度本部门提交项目自评表 ${s.count} 张，其中优 ${s.counts.优} 个、良 ${s.counts.良} 个、中 ${s.counts.中} 个、差 ${s.counts.差} 个${s.averageTotal ? `，平均得分 ${s.averageTotal} 分` : ''}。`),
    table(['优', '良', '中', '差', '平均得分'], [[String(s.counts.优), String(s.counts.良), String(s.counts.中), String(s.counts.差), s.averageTotal ?? '—']], [0, 1, 2, 3, 4]),
  ]
  if (!s.poor.length) out.push(body('没有自评等级为“中”“差”的项目。'))
  else out.push(body(`自评等级为“中”“差”的项目 ${s.poor.length} 个：`), table(['项目', '单位', '自评得分', '等级'], s.poor.map((p) => [p.name, p.unitName, p.total ?? '—', p.grade]), [2]))
  return out
}

function rectifications(data: NpcPackageData): ReportBlock[] {
  const list = data.rectifications
  if (!list.length) return [body('没有尚未销号的整改事项。')]
  const overdue = list.filter((r) => r.overdue).length
  return [
    body(`尚未销号的整改事项 ${list.length} 项，其中已超过整改期限 ${overdue} 项：`),
    table(['问题', '整改单位', '项目', '年度', '整改期限', '状态'], list.map((r) => [r.problem, r.ownerName, r.projectName ?? '—', String(r.fiscalYear), `${r.dueOn}${r.overdue ? '（已逾期）' : ''}`, rectificationStatusLabels[r.status].zh])),
  ]
}

function npcPackageOutline(data: NpcPackageData): ReportOutline {
  return {
    title: `${data.department.name}${data.fiscalYear}年度预算绩效情况`,
    subtitle: `（${data.department.jurisdictionName}人民代表大会预算审查材料）`,
    blocks: [
      heading('一、部门整体绩效目标'),
      ...departmentGoal(data),
      heading('二、重大项目绩效目标'),
      ...majorProjects(data),
      heading('三、上年度重点绩效评价结果'),
      ...keyEvaluations(data),
      heading('四、上年度项目自评情况'),
      ...selfEvaluation(data),
      heading('五、尚未完成的整改事项'),
      ...rectifications(data),
    ],
    signOff: [data.department.name, `生成日期：${chinaDay(data.generatedAt)}`],
  }
}

/** The package as .docx or .pdf bytes. */
export function npcPackageFile(data: NpcPackageData, format: NpcFormat): Promise<Buffer> {
  return format === 'pdf' ? outlinePdf(npcPackageOutline(data)) : outlineDocx(npcPackageOutline(data))
}
