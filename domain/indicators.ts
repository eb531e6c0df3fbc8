/** The indicator library's vocabulary: codes as stored, the Chinese labels users see. REFERENCE §4.3–4.5 */

type Labels<K extends string> = Record<K, { zh: string; en: string }>

/** 指标性质: the five comparison signs and 定性. */
export const indicatorNatures = ['>=', '>', '=', '<=', '<', 'qualitative'] as const
export type IndicatorNature = (typeof indicatorNatures)[number]
export const indicatorNatureLabels: Labels<IndicatorNature> = {
  '>=': { zh: '≥', en: '≥' },
  '>': { zh: '>', en: '>' },
  '=': { zh: '=', en: '=' },
  '<=': { zh: '≤', en: '≤' },
  '<': { zh: '<', en: '<' },
  qualitative: { zh: '定性', en: 'Qualitative' },
}

/** 指标值设定依据 */
export const valueBases = ['plan', 'industry', 'history', 'other'] as const
export type ValueBasis = (typeof valueBases)[number]
export const valueBasisLabels: Labels<ValueBasis> = {
  plan: { zh: '计划标准', en: 'Plan standard' },
  industry: { zh: '行业标准', en: 'Industry standard' },
  history: { zh: '历史标准', en: 'Historical standard' },
  other: { zh: '其他标准', en: 'Other standard' },
}

/** 分行业、分领域: the sectors the library is organised by. */
export const sectors = [
  'education',
  'health',
  'social_security',
  'agriculture',
  'environment',
  'transport',
  'culture',
  'science',
  'public_security',
  'urban',
  'it',
  'general_admin',
] as const
export type Sector = (typeof sectors)[number]
export const sectorLabels: Labels<Sector> = {
  education: { zh: '教育', en: 'Education' },
  health: { zh: '卫生健康', en: 'Health' },
  social_security: { zh: '社会保障和就业', en: 'Social security and employment' },
  agriculture: { zh: '农林水', en: 'Agriculture, forestry and water' },
  environment: { zh: '节能环保', en: 'Environment' },
  transport: { zh: '交通运输', en: 'Transport' },
  culture: { zh: '文化旅游体育与传媒', en: 'Culture, tourism and sport' },
  science: { zh: '科学技术', en: 'Science and technology' },
  public_security: { zh: '公共安全', en: 'Public security' },
  urban: { zh: '城乡社区', en: 'Urban and rural communities' },
  it: { zh: '信息化与数字政府', en: 'IT and digital government' },
  general_admin: { zh: '一般公共服务', en: 'General public services' },
}

/** 项目类型 for the common (共性) indicators: what the money buys. */
export const projectKinds = [
  'purchase',
  'training',
  'meeting',
  'construction',
  'it_system',
  'subsidy',
  'research',
  'publicity',
  'maintenance',
  'writing',
] as const
export type ProjectKind = (typeof projectKinds)[number]
export const projectKindLabels: Labels<ProjectKind> = {
  purchase: { zh: '购置类', en: 'Purchase' },
  training: { zh: '培训类', en: 'Training' },
  meeting: { zh: '会议类', en: 'Meeting' },
  construction: { zh: '工程建设类', en: 'Construction' },
  it_system: { zh: '信息化建设类', en: 'IT system' },
  subsidy: { zh: '补助类', en: 'Subsidy' },
  research: { zh: '课题研究类', en: 'Research' },
  publicity: { zh: '宣传类', en: 'Publicity' },
  maintenance: { zh: '运行维护类', en: 'Operation and maintenance' },
  writing: { zh: '文字性成果编纂类', en: 'Written output' },
}

/** 核心 (core, 101号), 共性 (common to a project type) or 个性 (sector-specific). */
export const indicatorScopes = ['core', 'common', 'individual'] as const
export type IndicatorScope = (typeof indicatorScopes)[number]
export const indicatorScopeLabels: Labels<IndicatorScope> = {
  core: { zh: '核心指标', en: 'Core' },
  common: { zh: '共性指标', en: 'Common' },
  individual: { zh: '个性指标', en: 'Individual' },
}

/**
 * A library row's life: proposed by a department, confirmed (active) or rejected by the finance bureau; a revision
 * supersedes the active row with a new one; retired rows stay readable for the goals that used them.
 */
export const indicatorStatuses = ['proposed', 'active', 'rejected', 'superseded', 'retired'] as const
export type IndicatorStatus = (typeof indicatorStatuses)[number]
export const indicatorStatusLabels: Labels<IndicatorStatus> = {
  proposed: { zh: '待确认', en: 'Proposed' },
  active: { zh: '启用', en: 'Active' },
  rejected: { zh: '未采纳', en: 'Rejected' },
  superseded: { zh: '已修订', en: 'Superseded' },
  retired: { zh: '已停用', en: 'Retired' },
}

/**
 * Placement in the 88号/10号 tree (一级 → 二级). Library rows are placed in this tree; other frameworks map it
 * (the 101号 tree moves 产出/成本指标 to 成本指标/经济成本指标 and friends).
 */
export const legacyPlacement = {
  产出指标: ['数量指标', '质量指标', '时效指标', '成本指标'],
  效益指标: ['经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标'],
  满意度指标: ['服务对象满意度指标'],
} as const
export type Level1 = keyof typeof legacyPlacement
export type Level2 = (typeof legacyPlacement)[Level1][number]

/** Which of the three 成本 二级 of the 101号 tree a cost indicator belongs to. */
export const costKinds = ['economic', 'social', 'ecological'] as const
export type CostKind = (typeof costKinds)[number]

/** One library indicator as seeded or proposed: everything but identity, owner and lifecycle. */
export interface IndicatorContent {
  name: string
  level1: Level1
  level2: Level2
  nature: IndicatorNature
  unit: string
  definition: string
  formula: string
  dataSource: string
  valueBasis: ValueBasis
  scoringRule: string
  sectors: Sector[]
  projectKinds: ProjectKind[]
  scope: IndicatorScope
  /** Only for 成本指标: where it goes in the 101号 tree; economic when absent. */
  costKind?: CostKind
  /** A typical target as tables write it ("≥95%"), shown as a hint. */
  exampleTarget?: string
}

export interface SeedIndicator extends IndicatorContent {
  code: string
}

export interface ContentProblem {
  path: string
  zh: string
  en: string
}

/** What a library row must satisfy beyond field types: placement in the tree, a unit for numbers, sane years. */
export function indicatorContentProblems(
  c: Pick<IndicatorContent, 'level1' | 'nature' | 'unit'> & { level2: string; costKind?: CostKind | null; validFromYear: number; validToYear: number | null },
): ContentProblem[] {
  const problems: ContentProblem[] = []
  if (!(legacyPlacement[c.level1] as readonly string[]).includes(c.level2))
    problems.push({ path: 'level2', zh: `二级指标「${c.level2}」不属于一级指标「${c.level1}」`, en: `${c.level2} is not under ${c.level1}` })
  if (c.nature !== 'qualitative' && !c.unit.trim())
    problems.push({ path: 'unit', zh: '定量指标须填写计量单位', en: 'A quantitative indicator needs a unit' })
  if (c.costKind && c.level2 !== '成本指标')
    problems.push({ path: 'costKind', zh: '只有成本指标可以选择成本类别', en: 'Only cost indicators have a cost kind' })
  if (c.validToYear !== null && c.validToYear < c.validFromYear)
    problems.push({ path: 'validToYear', zh: '有效期止年不能早于起年', en: 'The last valid year cannot precede the first' })
  return problems
}
