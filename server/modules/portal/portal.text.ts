import type { PublicRecordKind } from '../../../domain/disclosure.ts'

/** The longest search text the portal accepts. */
export const MAX_Q = 100

/** The portal's two languages: Chinese first, English with `?lang=en`. */
export type PortalLang = 'zh' | 'en'

/** Each kind of published record, as the portal names it in URLs and headings. */
export const PORTAL_KINDS: Record<PublicRecordKind, { segment: string; zh: string; en: string }> = {
  goal: { segment: 'goals', zh: '绩效目标', en: 'Performance goals' },
  self_evaluation: { segment: 'self-evaluations', zh: '绩效自评结果', en: 'Self-evaluation results' },
  key_evaluation_report: { segment: 'key-evaluations', zh: '重点评价报告', en: 'Key evaluation reports' },
  assessment: { segment: 'assessments', zh: '绩效考核结果', en: 'Performance assessment results' },
}

export const KIND_ORDER: PublicRecordKind[] = ['goal', 'self_evaluation', 'key_evaluation_report', 'assessment']

export function kindOfSegment(segment: string): PublicRecordKind | undefined {
  return KIND_ORDER.find((k) => PORTAL_KINDS[k].segment === segment)
}

const GRADES_EN: Record<string, string> = { 优: 'Excellent', 良: 'Good', 中: 'Fair', 差: 'Poor' }

/** A grade as shown: 优/良/中/差 in Chinese, their English words in English. */
export function gradeText(grade: string | null, lang: PortalLang): string {
  if (!grade) return '—'
  return lang === 'en' ? (GRADES_EN[grade] ?? grade) : grade
}

/** The portal's fixed texts. */
export const TEXT = {
  portalName: { zh: '预算绩效信息公开', en: 'Budget Performance Disclosure' },
  home: { zh: '公开首页', en: 'Home' },
  skip: { zh: '跳到主要内容', en: 'Skip to main content' },
  intro: {
    zh: '本平台公开各级财政部门和预算部门经审核发布的绩效目标、绩效自评结果、重点评价报告和绩效考核结果，并提供开放数据下载。',
    en: 'Published performance goals, self-evaluation results, key evaluation reports and assessment results of finance bureaus and budget departments, with open data downloads.',
  },
  search: { zh: '搜索', en: 'Search' },
  searchLabel: { zh: '关键词（项目名称、编码或部门）', en: 'Keyword (project name, code or department)' },
  searchAll: { zh: '搜索全部公开信息', en: 'Search all published information' },
  department: { zh: '部门', en: 'Department' },
  allDepartments: { zh: '全部部门', en: 'All departments' },
  filter: { zh: '筛选', en: 'Filter' },
  jurisdictions: { zh: '公开区划与年度', en: 'Jurisdictions and years' },
  years: { zh: '公开年度', en: 'Years published' },
  noRecords: { zh: '暂无公开信息。', en: 'Nothing has been published yet.' },
  noResults: { zh: '没有找到符合条件的公开信息。', en: 'No published record matches.' },
  year: { zh: '年度', en: 'Year' },
  records: { zh: '条', en: 'records' },
  openData: { zh: '开放数据', en: 'Open data' },
  bulk: { zh: '全部数据打包下载（CSV + JSON + 数据字典）', en: 'Bulk download (CSV + JSON + data dictionary)' },
  thisPageAs: { zh: '本页数据下载', en: 'This page as data' },
  resultsCount: { zh: '共 {n} 条', en: '{n} records' },
  page: { zh: '第 {p} / {n} 页', en: 'Page {p} of {n}' },
  previous: { zh: '上一页', en: 'Previous' },
  next: { zh: '下一页', en: 'Next' },
  pagination: { zh: '分页', en: 'Pagination' },
  breadcrumb: { zh: '当前位置', en: 'Breadcrumb' },
  language: { zh: 'English', en: '中文' },
  notFoundTitle: { zh: '页面不存在或未公开', en: 'Not found or not published' },
  notFoundBody: { zh: '您访问的信息不存在、尚未公开或已撤回。', en: 'The information you asked for does not exist, is not published or has been withdrawn.' },
  badRequestTitle: { zh: '请求参数有误', en: 'Bad request' },
  badRequestBody: { zh: '链接中的参数不正确（例如年度不是数字，或搜索词过长）。', en: 'A parameter of the link is not valid (e.g. the year is not a number, or the search text is too long).' },
  tooManyTitle: { zh: '访问过于频繁', en: 'Too many requests' },
  tooManyBody: { zh: '请稍后再试。', en: 'Please try again in a moment.' },
  errorTitle: { zh: '服务暂时不可用', en: 'Something went wrong' },
  errorBody: { zh: '请稍后再试。', en: 'Please try again later.' },
  backHome: { zh: '返回公开首页', en: 'Back to the portal home' },
  footer: { zh: '本页信息为财政部门审核发布的公开副本，发布后不随系统内修改而变化。', en: 'These are the published copies approved by the finance bureau; later edits inside the system do not change them.' },
  publishedAt: { zh: '发布日期', en: 'Published' },
  projectCode: { zh: '项目编码', en: 'Project code' },
  projectName: { zh: '项目名称', en: 'Project' },
  unit: { zh: '预算单位', en: 'Budget unit' },
  budget: { zh: '预算金额（元）', en: 'Budget (yuan)' },
  executed: { zh: '执行金额（元）', en: 'Executed (yuan)' },
  executionRate: { zh: '执行率（%）', en: 'Execution rate (%)' },
  period: { zh: '实施期', en: 'Period' },
  overallTarget: { zh: '总体目标', en: 'Overall target' },
  annualTarget: { zh: '年度目标', en: 'Annual target' },
  indicators: { zh: '绩效指标', en: 'Performance indicators' },
  level1: { zh: '一级指标', en: 'Level 1' },
  level2: { zh: '二级指标', en: 'Level 2' },
  indicator: { zh: '三级指标', en: 'Indicator' },
  target: { zh: '指标值', en: 'Target' },
  measureUnit: { zh: '计量单位', en: 'Unit' },
  actual: { zh: '实际完成值', en: 'Actual' },
  points: { zh: '分值', en: 'Points' },
  score: { zh: '得分', en: 'Score' },
  grade: { zh: '等级', en: 'Grade' },
  subject: { zh: '评价对象', en: 'Subject' },
  subjectCode: { zh: '编码', en: 'Code' },
  subjectProject: { zh: '项目', en: 'Project' },
  subjectDepartment: { zh: '部门整体', en: 'Department overall' },
  summary: { zh: '问题与改进', en: 'Problems and improvements' },
  conclusion: { zh: '评价结论', en: 'Conclusion' },
  report: { zh: '评价报告', en: 'Report' },
  download: { zh: '下载', en: 'Download' },
  downloadReport: { zh: '下载评价报告', en: 'Download the report' },
  noReportFile: { zh: '未提供报告文件', en: 'No report file' },
  assessed: { zh: '考核对象', en: 'Assessed body' },
  orgKind: { zh: '类别', en: 'Kind' },
  orgDepartment: { zh: '部门', en: 'Department' },
  orgDistrict: { zh: '区级财政', en: 'District finance bureau' },
  total: { zh: '总分', en: 'Total' },
  rank: { zh: '排名', en: 'Rank' },
  items: { zh: '考核项目', en: 'Assessment items' },
  itemName: { zh: '考核内容', en: 'Item' },
  details: { zh: '详情', en: 'Details' },
  kind: { zh: '类别', en: 'Kind' },
  jurisdiction: { zh: '区划', en: 'Jurisdiction' },
  yearHeading: { zh: '{name} {year} 年度公开信息', en: '{name}: published information of {year}' },
  searchHeading: { zh: '搜索结果', en: 'Search results' },
  searchWithin: { zh: '搜索本页', en: 'Search this list' },
  perDepartment: { zh: '按部门', en: 'By department' },
} satisfies Record<string, Record<PortalLang, string>>

export type TextKey = keyof typeof TEXT

/** A fixed text in the language, with `{name}` placeholders filled. */
export function tr(lang: PortalLang, key: TextKey, values: Record<string, string | number> = {}): string {
  return TEXT[key][lang].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''))
}
