import type { PublicAssessment, PublicGoal, PublicKeyEvaluationReport, PublicRecordKind, PublicSelfEvaluation } from '../../../domain/disclosure.ts'
import { isoDate } from './portal.html.ts'
import { type Place, recordPath, reportPath } from './portal.records.ts'
import type { PortalRecord } from './portal.repository.ts'

/**
 * The open data's files and columns, each described in Chinese and English: the CSV headers, the JSON fields and
 * the data dictionary all come from here, so the three never disagree.
 */
export type ColumnType = 'text' | 'decimal' | 'integer' | 'date' | 'url'
type Cell = string | number | null | undefined

export interface OpenColumn<T> {
  /** The JSON field name. */
  key: string
  zh: string
  en: string
  type: ColumnType
  descZh: string
  descEn: string
  value: (row: T) => Cell
}

export interface OpenFile<T> {
  name: string
  zh: string
  en: string
  columns: OpenColumn<T>[]
}

/** A row of a record-level file: the record with where it lives on the portal. */
export interface RecordRow<P> {
  record: PortalRecord
  payload: P
  place: Place
}

/** A row of an item-level file (indicators, assessment items): the item and its record. */
export interface ItemRow<P, I> extends RecordRow<P> {
  item: I
}

const col = <T>(key: string, zh: string, en: string, type: ColumnType, descZh: string, descEn: string, value: (row: T) => Cell): OpenColumn<T> => ({ key, zh, en, type, descZh, descEn, value })

const published = <P>() => col<RecordRow<P>>('publishedAt', '发布日期', 'Published on', 'date', '公开副本的发布日期（北京时间）', 'The day the public copy was published (China Standard Time)', (r) => isoDate(r.record.publishedAt))
const pageUrl = <P>() => col<RecordRow<P>>('url', '页面地址', 'Page URL', 'url', '该记录在公开平台上的页面路径', 'The path of the record’s page on the portal', (r) => recordPath(r.place, r.record.kind, r.record.recordKey))
const year = <P extends { fiscalYear: number }>() => col<RecordRow<P>>('fiscalYear', '年度', 'Fiscal year', 'integer', '预算年度', 'Budget year', (r) => r.payload.fiscalYear)
const department = <P extends { departmentCode: string; departmentName: string }>() => [
  col<RecordRow<P>>('departmentCode', '部门编码', 'Department code', 'text', '主管部门编码', 'Code of the budget department', (r) => r.payload.departmentCode),
  col<RecordRow<P>>('departmentName', '部门名称', 'Department', 'text', '主管部门名称', 'Name of the budget department', (r) => r.payload.departmentName),
]

const indicatorColumns = <P, I extends { level1: string; level2: string; name: string; target: string }>(ownerKey: string, ownerZh: string, ownerEn: string, owner: (p: P) => [string, string]) => [
  col<ItemRow<P, I>>(ownerKey, ownerZh, ownerEn, 'text', `所属${ownerZh}`, `The ${ownerEn.toLowerCase()} the row belongs to`, (r) => owner(r.payload)[0]),
  col<ItemRow<P, I>>('recordName', '名称', 'Name', 'text', '项目或评价对象名称', 'Name of the project or evaluated subject', (r) => owner(r.payload)[1]),
  col<ItemRow<P, I>>('level1', '一级指标', 'Level-1 indicator', 'text', '一级指标（产出、效益、满意度、成本等）', 'Level-1 indicator (output, benefit, satisfaction, cost…)', (r) => r.item.level1),
  col<ItemRow<P, I>>('level2', '二级指标', 'Level-2 indicator', 'text', '二级指标（数量、质量、时效等）', 'Level-2 indicator (quantity, quality, timeliness…)', (r) => r.item.level2),
  col<ItemRow<P, I>>('name', '三级指标', 'Indicator', 'text', '三级指标名称', 'Name of the level-3 indicator', (r) => r.item.name),
  col<ItemRow<P, I>>('target', '指标值', 'Target', 'text', '目标值，按原文（如“≥95%”）', 'Target as written (e.g. "≥95%")', (r) => r.item.target),
]

type GoalIndicator = PublicGoal['indicators'][number]
type SelfIndicator = PublicSelfEvaluation['indicators'][number]
type AssessmentItem = PublicAssessment['items'][number]

export const goalFile: OpenFile<RecordRow<PublicGoal>> = {
  name: 'goals',
  zh: '绩效目标',
  en: 'Performance goals',
  columns: [
    col('projectCode', '项目编码', 'Project code', 'text', '预算项目编码', 'Code of the budget project', (r) => r.payload.projectCode),
    col('projectName', '项目名称', 'Project name', 'text', '预算项目名称', 'Name of the budget project', (r) => r.payload.projectName),
    ...department<PublicGoal>(),
    col('unitName', '预算单位', 'Budget unit', 'text', '实施项目的预算单位', 'Budget unit carrying out the project', (r) => r.payload.unitName),
    year<PublicGoal>(),
    col('budget', '预算金额（元）', 'Budget (yuan)', 'decimal', '项目年度预算金额，单位元，两位小数', 'Annual budget of the project in yuan, two decimals', (r) => r.payload.budget),
    col('periodStart', '实施期起', 'Period from', 'integer', '项目实施期起始年度', 'First year of the project period', (r) => r.payload.periodStart),
    col('periodEnd', '实施期止', 'Period to', 'integer', '项目实施期结束年度', 'Last year of the project period', (r) => r.payload.periodEnd),
    col('overallTarget', '总体目标', 'Overall target', 'text', '项目实施期总体绩效目标', 'Overall performance target over the project period', (r) => r.payload.overallTarget),
    col('annualTarget', '年度目标', 'Annual target', 'text', '本年度绩效目标', 'Performance target of the year', (r) => r.payload.annualTarget),
    col('indicatorCount', '指标数', 'Indicators', 'integer', '绩效指标个数（明细见 goal-indicators）', 'Number of indicators (listed in goal-indicators)', (r) => r.payload.indicators.length),
    published<PublicGoal>(),
    pageUrl<PublicGoal>(),
  ],
}

export const goalIndicatorFile: OpenFile<ItemRow<PublicGoal, GoalIndicator>> = {
  name: 'goal-indicators',
  zh: '绩效目标指标',
  en: 'Goal indicators',
  columns: [
    ...indicatorColumns<PublicGoal, GoalIndicator>('projectCode', '项目编码', 'Project code', (p) => [p.projectCode, p.projectName]),
    col('unit', '计量单位', 'Unit of measure', 'text', '指标值的计量单位', 'Unit of the target', (r) => r.item.unit),
  ],
}

export const selfEvaluationFile: OpenFile<RecordRow<PublicSelfEvaluation>> = {
  name: 'self-evaluations',
  zh: '绩效自评结果',
  en: 'Self-evaluation results',
  columns: [
    col('subjectKind', '评价对象类别', 'Subject kind', 'text', 'project：项目；department：部门整体', 'project, or department (department overall)', (r) => r.payload.subjectKind),
    col('subjectCode', '编码', 'Code', 'text', '项目编码或部门编码', 'Project code, or department code', (r) => r.payload.subjectCode),
    col('subjectName', '评价对象', 'Subject', 'text', '项目或部门名称', 'Name of the project or department', (r) => r.payload.subjectName),
    ...department<PublicSelfEvaluation>(),
    col('unitName', '预算单位', 'Budget unit', 'text', '预算单位（部门整体评价为空）', 'Budget unit (empty for a department overall)', (r) => r.payload.unitName),
    year<PublicSelfEvaluation>(),
    col('budget', '预算金额（元）', 'Budget (yuan)', 'decimal', '年度预算金额，单位元', 'Budget of the year in yuan', (r) => r.payload.budget),
    col('executed', '执行金额（元）', 'Executed (yuan)', 'decimal', '全年执行金额，单位元', 'Amount executed in the year, in yuan', (r) => r.payload.executed),
    col('executionRate', '执行率（%）', 'Execution rate (%)', 'decimal', '执行金额占预算的百分比，两位小数', 'Executed as a percentage of the budget, two decimals', (r) => r.payload.executionRate),
    col('score', '自评得分', 'Score', 'decimal', '自评总分（满分100）', 'Total self-evaluation score (out of 100)', (r) => r.payload.score),
    col('grade', '等级', 'Grade', 'text', '优、良、中、差', '优 excellent, 良 good, 中 fair, 差 poor', (r) => r.payload.grade),
    col('summary', '问题与改进', 'Problems and improvements', 'text', '公开的问题与改进措施摘要', 'Published summary of problems and improvements', (r) => r.payload.summary),
    published<PublicSelfEvaluation>(),
    pageUrl<PublicSelfEvaluation>(),
  ],
}

export const selfEvaluationIndicatorFile: OpenFile<ItemRow<PublicSelfEvaluation, SelfIndicator>> = {
  name: 'self-evaluation-indicators',
  zh: '绩效自评指标',
  en: 'Self-evaluation indicators',
  columns: [
    ...indicatorColumns<PublicSelfEvaluation, SelfIndicator>('subjectCode', '编码', 'Code', (p) => [p.subjectCode, p.subjectName]),
    col('actual', '实际完成值', 'Actual', 'text', '全年实际完成值', 'Value achieved in the year', (r) => r.item.actual),
    col('points', '分值', 'Points', 'decimal', '该指标的分值', 'Points the indicator is worth', (r) => r.item.points),
    col('score', '得分', 'Score', 'decimal', '该指标的得分', 'Score given on the indicator', (r) => r.item.score),
  ],
}

export const keyEvaluationFile: OpenFile<RecordRow<PublicKeyEvaluationReport>> = {
  name: 'key-evaluations',
  zh: '重点评价报告',
  en: 'Key evaluation reports',
  columns: [
    col('projectCode', '项目编码', 'Project code', 'text', '被评价项目编码', 'Code of the evaluated project', (r) => r.payload.projectCode),
    col('projectName', '项目名称', 'Project name', 'text', '被评价项目名称', 'Name of the evaluated project', (r) => r.payload.projectName),
    ...department<PublicKeyEvaluationReport>(),
    year<PublicKeyEvaluationReport>(),
    col('score', '评价得分', 'Score', 'decimal', '财政重点评价得分', 'Score of the finance key evaluation', (r) => r.payload.score),
    col('grade', '等级', 'Grade', 'text', '优、良、中、差', '优 excellent, 良 good, 中 fair, 差 poor', (r) => r.payload.grade),
    col('conclusion', '评价结论', 'Conclusion', 'text', '公开的评价结论', 'Published conclusion of the evaluation', (r) => r.payload.conclusion),
    col('reportFileName', '报告文件名', 'Report file', 'text', '可下载的评价报告文件名', 'File name of the downloadable report', (r) => (r.record.fileId ? r.payload.reportFileName : null)),
    col('reportUrl', '报告下载地址', 'Report download', 'url', '评价报告的下载路径', 'Path to download the report', (r) => (r.record.fileId ? reportPath(r.place, r.record.recordKey) : null)),
    published<PublicKeyEvaluationReport>(),
    pageUrl<PublicKeyEvaluationReport>(),
  ],
}

export const assessmentFile: OpenFile<RecordRow<PublicAssessment>> = {
  name: 'assessments',
  zh: '绩效考核结果',
  en: 'Assessment results',
  columns: [
    col('orgCode', '考核对象编码', 'Assessed body code', 'text', '部门编码或区划代码', 'Department code or district code', (r) => r.payload.orgCode),
    col('orgName', '考核对象', 'Assessed body', 'text', '部门或区级财政名称', 'Name of the department or district finance bureau', (r) => r.payload.orgName),
    col('orgKind', '类别', 'Kind', 'text', 'department：部门；district：区级财政', 'department, or district (district finance bureau)', (r) => r.payload.orgKind),
    year<PublicAssessment>(),
    col('total', '总分', 'Total', 'decimal', '考核总分', 'Total assessment score', (r) => r.payload.total),
    col('rank', '排名', 'Rank', 'integer', '同类考核对象中的排名', 'Rank among bodies of the same kind', (r) => r.payload.rank),
    col('grade', '等级', 'Grade', 'text', '考核等级', 'Assessment grade', (r) => r.payload.grade),
    published<PublicAssessment>(),
    pageUrl<PublicAssessment>(),
  ],
}

export const assessmentItemFile: OpenFile<ItemRow<PublicAssessment, AssessmentItem>> = {
  name: 'assessment-items',
  zh: '绩效考核得分明细',
  en: 'Assessment items',
  columns: [
    col('orgCode', '考核对象编码', 'Assessed body code', 'text', '所属考核对象编码', 'Code of the assessed body', (r) => r.payload.orgCode),
    col('orgName', '考核对象', 'Assessed body', 'text', '所属考核对象名称', 'Name of the assessed body', (r) => r.payload.orgName),
    col('name', '考核内容', 'Item', 'text', '考核指标名称', 'Name of the assessment item', (r) => r.item.name),
    col('points', '分值', 'Points', 'decimal', '该项分值', 'Points the item is worth', (r) => r.item.points),
    col('score', '得分', 'Score', 'decimal', '该项得分', 'Score given on the item', (r) => r.item.score),
  ],
}

/** For each kind: its record-level file and its item-level file, and how a record's items are found. */
export const OPEN_FILES = {
  goal: { records: goalFile, items: goalIndicatorFile, itemsOf: (p: PublicGoal) => p.indicators },
  self_evaluation: { records: selfEvaluationFile, items: selfEvaluationIndicatorFile, itemsOf: (p: PublicSelfEvaluation) => p.indicators },
  key_evaluation_report: { records: keyEvaluationFile, items: null, itemsOf: null },
  assessment: { records: assessmentFile, items: assessmentItemFile, itemsOf: (p: PublicAssessment) => p.items },
} as const satisfies Record<PublicRecordKind, unknown>

export const TYPE_LABELS: Record<ColumnType, { zh: string; en: string }> = {
  text: { zh: '文本', en: 'text' },
  decimal: { zh: '小数（十进制文本）', en: 'decimal (as text)' },
  integer: { zh: '整数', en: 'integer' },
  date: { zh: '日期（YYYY-MM-DD）', en: 'date (YYYY-MM-DD)' },
  url: { zh: '路径', en: 'path' },
}
