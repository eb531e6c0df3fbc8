import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx'
import { evaluationObjectKindLabels, evaluationTemplateLabels, keyEvaluationLevelLabels } from '../../../domain/evaluation.ts'
import { level1Of } from '../../../domain/key-evaluation.ts'
import { formatMoney } from '../../../domain/money.ts'
import { body, heading, reportFont as font, table } from '../../platform/docx.ts'
import type { KeyView } from './key.service.ts'

/**
 * The evaluation report (绩效评价报告) as Word, in the §6.6 outline: 一、基本情况 二、评价工作开展情况
 * 三、综合评价情况及结论 (with the scoring table) 四、绩效评价指标分析 (by 一级) 五、主要经验及做法
 * 六、存在的问题及原因分析 七、有关建议 八、其他需要说明的问题. Figures are the framework's, scored by the domain.
 */
export const reportHeadings = ['一、基本情况', '二、评价工作开展情况', '三、综合评价情况及结论', '四、绩效评价指标分析', '五、主要经验及做法', '六、存在的问题及原因分析', '七、有关建议', '八、其他需要说明的问题'] as const

const paragraphs = (text: string | undefined | null, empty = '无。') => (text?.trim() ? text.trim().split(/\n+/).map(body) : [body(empty)])

export async function keyEvaluationReportDocx(view: KeyView, audience: 'internal' | 'public' = 'internal'): Promise<Buffer> {
  const plan = view.plan
  // The version published to the portal (信息公开) names no member of the evaluation team and carries no 交换意见:
  // the evaluated unit's opinions are internal to the evaluation.
  const forPublic = audience === 'public'
  const title = forPublic ? `${view.name}报告（公开版）` : `${view.name}报告`
  const total = view.total ?? view.result.score
  const grade = view.grade ?? view.result.grade?.value ?? null
  const object = [
    `评价对象：${view.projectName ?? view.departmentName ?? view.name}（${evaluationObjectKindLabels[view.objectKind].zh}）`,
    view.departmentName ? `主管部门：${view.departmentName}` : null,
    view.unitName ? `实施单位：${view.unitName}` : null,
    view.projectAmount ? `项目资金：${formatMoney(view.projectAmount)} 元` : null,
  ].filter((s): s is string => !!s)
  const scoring = table(
    ['一级指标', '二级指标', '三级指标', '权重', '得分', '评分依据'],
    [
      ...view.lines.map((l) => [l.level1, l.level2, l.level3, l.weight, l.score ?? '—', l.basis || (l.formulaName && l.value !== null ? `${l.formulaName} ${l.value}%` : '')]),
      ['合计', '', '', view.result.weightTotal, total ?? '—', grade ? `评价等级：${grade}` : ''],
    ],
    [3, 4],
  )
  const analysis = level1Of(view.template).flatMap((level1) => {
    const lines = view.lines.filter((l) => l.level1 === level1)
    const sum = view.result.byLevel1.find((g) => g.level1 === level1)
    const lost = lines.filter((l) => l.score !== null && l.score !== l.weight)
    return [
      heading(`（${['一', '二', '三', '四', '五'][level1Of(view.template).indexOf(level1)]}）${level1}情况`, HeadingLevel.HEADING_2),
      body(`${level1}类指标权重 ${sum?.weight ?? '—'} 分，得分 ${sum?.score ?? '—'} 分。${lost.length ? `扣分指标：${lost.map((l) => `${l.level3}（${l.score}/${l.weight}）`).join('、')}。` : '各项指标均得满分。'}`),
      ...lines.filter((l) => l.basis).map((l) => body(`${l.level3}：${l.basis}`)),
    ]
  })
  const doc = new Document({
    creator: 'Jixiao 绩效',
    title,
    styles: { default: { document: { run: { font, size: 24 } } } },
    sections: [
      {
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 120 }, children: [new TextRun({ text: title, bold: true, size: 36 })] }),
          new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [new TextRun({ text: `（${keyEvaluationLevelLabels[view.level].zh}，委托方：${view.commissionerName}，${view.fiscalYear} 年度）`, size: 24 })] }),
          heading(reportHeadings[0]),
          ...object.map(body),
          ...paragraphs(plan?.overview, '项目概况及绩效目标见项目申报材料。'),
          heading(reportHeadings[1]),
          body(`评价目的：${plan?.purpose || '—'}`),
          body(`评价范围：${plan?.scope || '—'}`),
          body(`评价方法：${plan?.methods || '—'}`),
          body(`评价指标体系：${evaluationTemplateLabels[view.template].zh}，共 ${view.lines.length} 项三级指标，权重合计 ${view.result.weightTotal} 分。`),
          body(forPublic ? `工作安排：${plan?.schedule || '—'}` : `工作安排：${plan?.schedule || '—'}；评价组：${plan?.team || '—'}`),
          body(`现场评价：共 ${view.fieldwork.length} 次${view.fieldwork.length ? `（${view.fieldwork.map((f) => `${f.visitedOn} ${f.place}`).join('；')}）` : ''}。`),
          ...(view.survey?.rate ? [body(`问卷调查：${view.survey.title}，回收有效答卷 ${view.survey.responses} 份，满意率 ${view.survey.rate}%（“满意”与“比较满意”答案数占全部有效答案数的比例）。`)] : []),
          ...(forPublic ? [] : view.exchanges).map((e) => body(`交换意见：${e.orgName}（${e.createdAt instanceof Date ? e.createdAt.toISOString().slice(0, 10) : String(e.createdAt).slice(0, 10)}）：${e.opinion}`)),
          heading(reportHeadings[2]),
          body(total ? `经评价，${view.name}综合得分 ${total} 分，评价等级为“${grade}”。` : '评分尚未完成。'),
          ...paragraphs(plan?.conclusion, ''),
          scoring,
          heading(reportHeadings[3]),
          ...analysis,
          heading(reportHeadings[4]),
          ...paragraphs(plan?.experience),
          heading(reportHeadings[5]),
          ...paragraphs(plan?.problems),
          heading(reportHeadings[6]),
          ...paragraphs(plan?.suggestions),
          heading(reportHeadings[7]),
          ...paragraphs(plan?.otherNotes),
        ],
      },
    ],
  })
  return Packer.toBuffer(doc)
}
