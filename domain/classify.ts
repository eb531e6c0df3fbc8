import { projectKinds, type ProjectKind, type Sector } from './indicators.ts'

/**
 * Guesses from names, for suggesting which library indicators fit: a department's (or unit's) sector and a project's
 * kinds. Only suggestions: a user confirms them.
 */

// What the body is, read from the end of its name: 深圳科学高中 is a school before it is about science.
const institutionSuffixes: [RegExp, Sector][] = [
  [/(中学|小学|高中|学校|(?<!科)学院|大学|幼儿园)$/, 'education'],
  [/(医院|保健院|卫生院|防治院|疾病预防控制中心|急救中心|血液中心)$/, 'health'],
  [/(图书馆|博物馆|文化馆|美术馆|纪念馆|音乐厅|大剧院|体育中心)$/, 'culture'],
  [/(殡仪馆|福利院|敬老院|养老院|救助站|救助管理站)$/, 'social_security'],
  [/(公园|植物园)$/, 'urban'],
]

// What the body works on: the keyword nearest the front wins (深圳市公安局交通警察局 is police), the longer one on a tie
// (环境卫生 is city upkeep, not environment).
const topicKeywords: Record<Exclude<Sector, 'general_admin'>, string[]> = {
  education: ['教育'],
  health: ['卫生健康', '卫生', '健康', '医院', '医疗', '医保', '疾病预防', '疾控', '药品', '计生'],
  social_security: ['人力资源和社会保障', '人力资源', '社会保障', '社会保险', '社保', '民政', '退役军人', '福利', '救助', '殡葬', '殡仪', '烈士', '劳动', '就业', '残疾人', '残联', '养老', '人才'],
  agriculture: ['水务', '水利', '水文', '河道', '水库', '农业', '农村', '林业', '渔业', '海洋渔业'],
  // 气象 has no sector of its own (功能分类 220); weather and climate sit best with the environment.
  environment: ['生态环境', '生态', '环境', '环保', '气象', '气候'],
  transport: ['交通', '运输', '道路', '公路', '港口', '航运', '轨道'],
  culture: ['文化', '广电', '广播电视', '旅游', '体育', '图书馆', '博物馆', '文物', '音乐', '美术', '新闻出版'],
  science: ['科技', '科学技术', '科创', '科学'],
  public_security: ['公安', '应急', '消防', '司法', '法律援助', '公证', '安全生产', '监狱', '戒毒'],
  urban: ['城市管理', '城管', '住房和建设', '住房', '建设', '建筑', '规划和自然资源', '规划', '自然资源', '不动产', '环境卫生', '市容', '园林', '绿化', '公园'],
  it: ['政务服务和数据', '政务服务', '行政服务', '工业和信息化', '大数据', '信息中心', '无线电'],
}

// The bodies that run government itself; only when nothing more specific matched (深圳市教育局机关 is education).
const generalAdminKeywords = [
  '财政', '审计', '统计', '发展和改革', '发展改革', '商务', '机关', '市场监督', '国库', '价格', '投资推广', '会展', '前海', '合作区',
  // 大鹏新区公共事业局 runs schools, clinics and sport at once: no one sector fits it better.
  '公共事业', '税务', '档案', '重大项目', '中小企业', '标准', '计量',
]

const topicEntries = Object.entries(topicKeywords).flatMap(([sector, words]) => words.map((word) => [word, sector as Sector] as const))

/**
 * The sector of a department or unit from its name, or null when nothing matches: the kind of body its name ends
 * with, else the topic keyword nearest the front, else 一般公共服务 for finance, audit, statistics, commerce and
 * the like. For 深圳市教育局, 深圳市卫生健康委员会, 深圳市政务服务和数据管理局, …
 */
export function sectorOfDepartment(name: string): Sector | null {
  const text = name.trim()
  const institution = institutionSuffixes.find(([pattern]) => pattern.test(text))
  if (institution) return institution[1]
  let best: { at: number; length: number; sector: Sector } | null = null
  for (const [word, sector] of topicEntries) {
    const at = text.indexOf(word)
    if (at < 0) continue
    if (!best || at < best.at || (at === best.at && word.length > best.length)) best = { at, length: word.length, sector }
  }
  if (best) return best.sector
  return generalAdminKeywords.some((word) => text.includes(word)) ? 'general_admin' : null
}

/**
 * Each kind with the phrases that name it, in the order they are tried. A phrase is blanked once matched, so a later
 * kind does not read it again: 平台建设 and 智慧校园建设 are IT, not construction; 公交运营补贴 is a subsidy, not
 * operations. Phrases of no kind come first and only blank: 能力建设 builds capacity, not buildings; 建设行业 or
 * 工程质量 supervision is regulation; 购买…服务 buys a service, not goods; a unit's name inside a project's (…研究院…,
 * …工程管理中心…) says nothing of the work.
 */
const kindPatterns: [ProjectKind | null, RegExp][] = [
  [null, /(?:能力|体系|队伍|学科|制度|机制|文明|党风廉政)建设|技术改造|强基工程|建设行业|(?:建设)?工程质量|施工安全|研究院|研究所|研究中心|工程(?:建设)?管理中心|购买\p{Script=Han}{0,4}?服务/gu],
  ['it_system', /智慧\p{Script=Han}{0,4}?建设|(?:信息化|信息系统|信息平台|数字化|系统|平台|软件|大数据|政务云|云服务|网络安全)(?:建设|开发|升级)|(?:信息化|信息系统|信息平台|数字化|平台|软件|大数据|政务云|云服务|网络安全|智慧)|系统(?=运维|维护|集成)/gu],
  ['subsidy', /(?:运营)?(?:补助|补贴|补偿)|资助|奖励|奖补|扶持|救助|抚恤|最低生活保障|以案定补|稳岗返还/g],
  ['training', /培训|研修|轮训|进修/g],
  ['meeting', /会议|论坛|研讨会|年会|峰会/g],
  ['purchase', /采购|购置|购买|设备更新|购入|物资储备/g],
  ['construction', /新建|改扩建|扩建|建设|工程|修缮|改造|施工|除险加固|综合整治/g],
  ['research', /课题|研究|调研/g],
  ['publicity', /宣传|推广|展览|展会|科普|宣讲/g],
  ['maintenance', /运维|维护|运营|物业|保洁|养护|管养|环卫作业/g],
  ['writing', /编纂|编撰|年鉴|志书|地方志|规划编制|汇编/g],
]

/** The project kinds a name or description suggests, in the library's order; empty when none. */
export function projectKindsOfText(text: string): ProjectKind[] {
  let rest = text
  const found = new Set<ProjectKind>()
  for (const [kind, pattern] of kindPatterns) {
    rest = rest.replace(pattern, () => {
      if (kind) found.add(kind)
      return '·'
    })
  }
  return projectKinds.filter((kind) => found.has(kind))
}
