// Demo project library for the demo region: a few projects per 预算单位 whose names fit the unit's field.
// Pure and deterministic: no I/O, no clock, no Math.random — every draw comes from a PRNG seeded by the unit's
// code, so adding a unit never changes another unit's projects. The bench generator reuses the catalogue.

import type { BudgetKind, ObjectKind, ProjectAttribute, ProjectInput, ProjectStatus, ProjectType } from '../../../domain/projects.ts'
import { type DemoRegion, demoRegion } from '../org/demo-region.data.ts'
import { mulberry32 } from '../../../domain/seeded-draw.ts'

/** A filed project plus where it sits and how far it has come; contacts are always filled in the demo. */
export interface DemoProject extends ProjectInput {
  jurisdictionCode: string
  departmentCode: string
  contactName: string
  contactPhone: string
  status: ProjectStatus
}

// ─── randomness ────────────────────────────────────────────────────────────────────────────────────────────────

export type Rng = () => number

/** The demo data's generator (the seeded draw's mulberry32): the same seed gives the same sequence everywhere. */
export const rngFrom: (seed: number) => Rng = mulberry32

/** FNV-1a of a string, to seed a PRNG from a code. */
export function hashSeed(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193)
  return h >>> 0
}

export const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!
const between = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1))

function weighted<T>(rng: Rng, table: readonly (readonly [T, number])[]): T {
  const total = table.reduce((s, [, w]) => s + w, 0)
  let x = rng() * total
  for (const [value, w] of table) if ((x -= w) < 0) return value
  return table[table.length - 1]![0]
}

// ─── the catalogue ─────────────────────────────────────────────────────────────────────────────────────────────

/** How big a project of this kind is, in 万元 (city level; districts are smaller). */
type Scale = 'training' | 'service' | 'it' | 'equipment' | 'maintenance' | 'construction' | 'subsidy' | 'fund' | 'insurance'
const scaleWan: Record<Scale, readonly [number, number]> = {
  training: [5, 80],
  service: [20, 600],
  it: [50, 1500],
  equipment: [30, 2000],
  maintenance: [50, 800],
  construction: [300, 8000],
  subsidy: [100, 8000],
  fund: [1000, 30000],
  insurance: [5000, 200000],
}
const scaleType: Record<Scale, ProjectType> = {
  training: 'recurring',
  service: 'recurring',
  it: 'multi_year',
  equipment: 'one_off',
  maintenance: 'one_off',
  construction: 'multi_year',
  subsidy: 'recurring',
  fund: 'recurring',
  insurance: 'recurring',
}
const scaleDescription: Record<Scale, (topic: string) => string> = {
  training: (t) => `组织开展${t}，分批次集中授课与跟岗实训相结合，提升业务能力和服务水平。`,
  service: (t) => `通过政府采购或委托方式实施${t}，明确服务标准和考核办法，按季度考核、按效付费。`,
  it: (t) => `开展${t}，完成需求调研、系统开发、数据对接和等级保护测评，提升数字化管理水平。`,
  equipment: (t) => `实施${t}，按规定履行政府采购程序，更新老旧设备，满足业务开展需要。`,
  maintenance: (t) => `对设施开展${t}，消除安全隐患，改善使用条件，年内完成施工并通过验收。`,
  construction: (t) => `实施${t}，按批复的建设规模和概算推进，分年度安排资金，确保按期建成投入使用。`,
  subsidy: (t) => `落实${t}政策，按标准足额发放，资金直达受益对象，接受社会监督。`,
  fund: (t) => `安排${t}，按照资金管理办法择优支持，实行项目库管理和绩效评价。`,
  insurance: (t) => `保障${t}，按照统筹政策和待遇标准据实支付，确保基金安全和按时足额发放。`,
}

export interface Topic {
  /** The name's core, e.g. 教师培训; the full name is `${year}年${subject}${topic}项目`. */
  topic: string
  scale: Scale
  object: ObjectKind
  budget: BudgetKind
  /** Share of the total from 其他资金 (own income, social capital), as [min, max]. */
  other?: readonly [number, number]
  /** Share co-funded from the general budget when the main budget is another one. */
  general?: readonly [number, number]
  /** Only offered at the city level (city-wide transfers and capital injections). */
  cityOnly?: boolean
  /** Only offered to units whose name matches (本级 units' names end in 本级). */
  only?: RegExp
  /** A range in 万元 other than the scale's. */
  wan?: readonly [number, number]
}

const t = (topic: string, scale: Scale, object: ObjectKind = 'general', budget: BudgetKind = 'general', extra: Partial<Topic> = {}): Topic => ({
  topic,
  scale,
  object,
  budget,
  ...extra,
})

export interface Field {
  key: string
  /** Matched against a unit's name (units other than the department's own 本级). */
  unit?: RegExp
  /** Matched against the department's name, for its 本级 unit. */
  bureau?: RegExp
  topics: readonly Topic[]
}

const B = /本级$/

/** First match wins; the last field catches everything. */
export const fields: readonly Field[] = [
  {
    key: 'social_insurance',
    unit: /社会保险基金|社会保险/,
    topics: [
      t('企业职工基本养老保险基金支出', 'insurance', 'general', 'social_insurance'),
      t('城乡居民基本养老保险', 'insurance', 'policy', 'social_insurance'),
      t('失业保险稳岗返还', 'subsidy', 'policy', 'social_insurance'),
      t('工伤保险待遇支付', 'insurance', 'general', 'social_insurance'),
      t('社会保险经办信息系统运维', 'it', 'purchased_service'),
    ],
  },
  {
    key: 'medical_insurance',
    unit: /医疗保障/,
    bureau: /医疗保障/,
    topics: [
      t('城乡居民基本医疗保险', 'insurance', 'policy', 'social_insurance', { only: /本级$|基金/ }),
      t('职工基本医疗保险门诊共济保障', 'insurance', 'general', 'social_insurance', { only: /本级$|基金/ }),
      t('长期护理保险试点', 'insurance', 'policy', 'social_insurance', { only: B }),
      t('医保基金监管第三方服务', 'service', 'purchased_service', 'general', { only: /本级$|监管/ }),
      t('医疗保障信息平台运维', 'it', 'purchased_service', 'general', { only: /本级$|信息/ }),
      t('医保经办业务培训', 'training'),
    ],
  },
  {
    key: 'school',
    unit: /(中学|小学|学校|高中|技师学院|幼儿园)$/,
    topics: [
      t('教师培训', 'training'),
      t('校舍维修改造', 'maintenance', 'procurement'),
      t('智慧校园建设', 'it', 'procurement'),
      t('学生资助', 'subsidy', 'policy'),
      t('实验室设备购置', 'equipment', 'procurement'),
      t('课后服务', 'service', 'purchased_service'),
      t('校园安保服务', 'service', 'purchased_service'),
      t('图书资料购置', 'equipment', 'procurement', 'general', { wan: [10, 200] }),
    ],
  },
  {
    key: 'education',
    unit: /教育科学研究院/,
    bureau: /教育局/,
    topics: [
      t('中小学教师培训', 'training'),
      t('义务教育学位建设', 'construction', 'debt', 'fund', { general: [0.1, 0.3], only: B }),
      t('学前教育发展专项资金', 'fund', 'special_fund', 'general', { only: B }),
      t('民办学校学位补贴', 'subsidy', 'policy', 'general', { only: B }),
      t('教育信息化建设', 'it', 'procurement'),
      t('市对区教育转移支付', 'fund', 'transfer', 'general', { cityOnly: true, only: B }),
      t('中小学教研课题研究', 'service'),
      t('中小学学业质量监测', 'service', 'purchased_service', 'general', { only: /研究院/ }),
    ],
  },
  {
    key: 'cdc',
    unit: /疾病预防控制|慢性病防治/,
    topics: [
      t('免疫规划', 'subsidy', 'policy'),
      t('传染病监测预警', 'service'),
      t('实验室检测能力建设', 'equipment', 'procurement'),
      t('公共卫生应急物资储备', 'equipment', 'procurement'),
      t('慢性病综合防控', 'service', 'purchased_service'),
    ],
  },
  {
    key: 'hospital',
    unit: /(医院|保健院)$/,
    topics: [
      t('医疗设备购置', 'equipment', 'procurement', 'general', { other: [0.2, 0.4] }),
      t('信息化建设', 'it', 'procurement', 'general', { other: [0.1, 0.3] }),
      t('重点学科建设', 'fund', 'special_fund'),
      t('公共卫生服务', 'service'),
      t('住院综合楼改扩建', 'construction', 'debt', 'fund', { general: [0.2, 0.4], wan: [2000, 30000] }),
      t('医务人员规范化培训', 'training'),
    ],
  },
  {
    key: 'health',
    unit: /社区健康服务中心$/,
    bureau: /卫生健康/,
    topics: [
      t('基本公共卫生服务补助', 'subsidy', 'policy'),
      t('社区健康服务中心建设', 'construction', 'general', 'general', { only: B }),
      t('家庭医生签约服务', 'service', 'purchased_service'),
      t('医疗卫生强基工程', 'fund', 'special_fund', 'general', { only: B }),
      t('社区医疗设备购置', 'equipment', 'procurement', 'general', { only: /社区健康/, wan: [20, 300] }),
      t('卫生健康信息化建设', 'it', 'procurement'),
    ],
  },
  {
    key: 'civil_affairs',
    unit: /民政|福利|救助|殡仪/,
    bureau: /民政/,
    topics: [
      t('养老服务补贴', 'subsidy', 'policy', 'general', { only: B }),
      t('最低生活保障', 'subsidy', 'policy', 'general', { only: B }),
      t('特困人员救助供养', 'subsidy', 'policy', 'general', { only: /本级$|救助|福利/ }),
      t('社会福利院维修改造', 'maintenance', 'procurement', 'general', { only: /福利/ }),
      t('殡葬服务设施改造', 'construction', 'general', 'fund', { general: [0, 0.2], only: /本级$|殡仪/ }),
      t('社区治理服务', 'service', 'purchased_service', 'general', { only: B }),
      t('院舍运营管理服务', 'service', 'purchased_service', 'general', { only: /福利|救助|殡仪/ }),
      t('社会工作者培训', 'training'),
    ],
  },
  {
    key: 'urban',
    unit: /城市管理|环境卫生|公园|植物园/,
    bureau: /城市管理/,
    topics: [
      t('环卫作业服务', 'service', 'purchased_service', 'general', { only: /本级$|环境卫生/ }),
      t('市容环境整治', 'service', 'purchased_service', 'general', { only: /本级$|监督指挥/ }),
      t('公园维护管养', 'service', 'purchased_service', 'general', { only: /公园|植物园/ }),
      t('生活垃圾分类', 'service', 'purchased_service', 'general', { only: /本级$|环境卫生/ }),
      t('绿化品质提升工程', 'construction', 'general', 'fund', { general: [0, 0.3], only: /本级$|公园/ }),
      t('公厕升级改造', 'maintenance', 'procurement', 'general', { only: /本级$|环境卫生|公园/ }),
      t('数字城管平台运维', 'it', 'purchased_service', 'general', { only: /本级$|监督指挥/ }),
      t('植物保育与科普', 'service', 'general', 'general', { only: /植物园/ }),
      t('城管执法队伍培训', 'training'),
    ],
  },
  {
    key: 'housing',
    unit: /住房|建设工程|建筑工务署|建设科技/,
    bureau: /住房和建设|建筑工务署/,
    topics: [
      t('保障性住房建设', 'construction', 'debt', 'fund', { general: [0.1, 0.3], only: /住房/, wan: [3000, 50000] }),
      t('老旧小区改造', 'construction', 'general', 'fund', { general: [0.2, 0.5], only: /住房和建设局本级$/ }),
      t('建设工程质量检测', 'service', 'purchased_service', 'general', { only: /住房和建设局本级$|质量/ }),
      t('建筑施工安全巡查', 'service', 'purchased_service', 'general', { only: /住房和建设局本级$|安全/ }),
      t('城中村综合治理', 'construction', 'general', 'general', { only: /住房和建设局本级$/ }),
      t('绿色建筑推广专项资金', 'fund', 'special_fund', 'general', { only: /住房和建设局本级$|科技/ }),
      t('政府投资项目代建管理', 'service', 'purchased_service', 'general', { only: /工务署/ }),
      t('中小学校舍新建工程', 'construction', 'debt', 'fund', { general: [0.2, 0.5], only: /教育工程/ }),
      t('文体场馆新建工程', 'construction', 'general', 'fund', { general: [0.2, 0.5], only: /文体工程/ }),
      t('医院新建工程', 'construction', 'debt', 'fund', { general: [0.2, 0.5], only: /工务署本级$|工务署工程管理/, wan: [5000, 60000] }),
      t('住房租赁市场监测', 'service', 'purchased_service', 'general', { only: /住房/ }),
      t('建设行业从业人员培训', 'training', 'general', 'general', { only: /住房和建设局本级$|质量|科技/ }),
    ],
  },
  {
    key: 'police',
    unit: /公安/,
    bureau: /公安/,
    topics: [
      t('视频监控系统建设', 'it', 'procurement'),
      t('警用装备购置', 'equipment', 'procurement'),
      t('交通管理设施维护', 'maintenance', 'purchased_service', 'general', { only: /本级$|交通/ }),
      t('刑事技术设备购置', 'equipment', 'procurement', 'general', { only: /本级$|刑事/ }),
      t('辅警经费', 'subsidy'),
      t('反电信网络诈骗宣传', 'service', 'purchased_service'),
    ],
  },
  {
    key: 'transport',
    unit: /交通|道路运输/,
    bureau: /交通/,
    topics: [
      t('道路养护', 'maintenance', 'purchased_service', 'general', { only: /本级$|公用设施/ }),
      t('公交运营补贴', 'fund', 'policy', 'general', { only: B }),
      t('交通设施维护', 'maintenance', 'purchased_service', 'general', { only: /本级$|公用设施/ }),
      t('智慧交通建设', 'it', 'procurement'),
      t('道路改扩建工程', 'construction', 'ppp', 'fund', { other: [0.3, 0.5], only: /本级$|公用设施/ }),
      t('道路运输行业监管', 'service', 'general', 'general', { only: /运输/ }),
      t('交通执法装备购置', 'equipment', 'procurement', 'general', { only: /执法/ }),
    ],
  },
  {
    key: 'water',
    unit: /水务|水文|河道/,
    bureau: /水务/,
    topics: [
      t('河道综合整治', 'construction', 'debt', 'fund', { general: [0.1, 0.3], only: /本级$|河道|工程/ }),
      t('水库除险加固', 'construction', 'general', 'fund', { only: /本级$|工程/ }),
      t('供水管网改造', 'construction', 'ppp', 'fund', { other: [0.3, 0.5], only: /本级$|工程/ }),
      t('水质监测', 'service', 'purchased_service', 'general', { only: /本级$|水文/ }),
      t('防汛抗旱物资储备', 'equipment', 'procurement'),
      t('河道日常管养', 'service', 'purchased_service', 'general', { only: /河道/ }),
    ],
  },
  {
    key: 'land',
    unit: /规划|自然资源|不动产|国土/,
    bureau: /规划和自然资源/,
    topics: [
      t('土地整备', 'fund', 'general', 'fund', { only: B }),
      t('国土空间规划编制', 'service', 'general', 'general', { only: /本级$|规划/ }),
      t('不动产登记信息化建设', 'it', 'procurement', 'general', { only: /本级$|不动产/ }),
      t('地质灾害防治', 'construction', 'general', 'fund', { only: B }),
      t('耕地保护补偿', 'subsidy', 'policy', 'fund', { only: B }),
      t('不动产权籍调查', 'service', 'purchased_service', 'general', { only: /不动产/ }),
    ],
  },
  {
    key: 'ecology',
    unit: /生态环境|环境监测|环境科学|生态资源/,
    bureau: /生态环境|生态资源/,
    topics: [
      t('大气污染防治专项资金', 'fund', 'special_fund', 'general', { only: B }),
      t('环境监测能力建设', 'equipment', 'procurement', 'general', { only: /本级$|监测/ }),
      t('水污染防治', 'fund', 'special_fund', 'general', { only: B }),
      t('土壤污染状况调查', 'service', 'purchased_service'),
      t('生态环境执法装备购置', 'equipment', 'procurement', 'general', { only: /本级$|执法/ }),
      t('环境科研课题', 'service', 'general', 'general', { only: /科学研究/ }),
    ],
  },
  {
    key: 'qianhai',
    unit: /前海/,
    bureau: /前海/,
    topics: [
      t('前海产业扶持资金', 'fund', 'special_fund', 'general', { only: B }),
      t('国际人才服务', 'service', 'purchased_service'),
      t('前海国有企业资本金注入', 'fund', 'investment_fund', 'state_capital', { only: B }),
      t('前海基础设施建设', 'construction', 'debt', 'fund', { general: [0.1, 0.3], only: B }),
      t('企业服务中心运营', 'service', 'purchased_service', 'general', { only: /服务中心/ }),
    ],
  },
  {
    key: 'hr',
    unit: /人力资源|人才|仲裁/,
    bureau: /人力资源/,
    topics: [
      t('职业技能提升补贴', 'subsidy', 'policy', 'general', { only: B }),
      t('就业补助资金', 'fund', 'special_fund', 'general', { only: B }),
      t('人才引进补贴', 'subsidy', 'policy', 'general', { only: /本级$|人才/ }),
      t('劳动争议调解仲裁', 'service', 'general', 'general', { only: /本级$|仲裁/ }),
      t('公共就业服务', 'service', 'purchased_service', 'general', { only: /本级$|人才/ }),
      t('仲裁员业务培训', 'training', 'general', 'general', { only: /仲裁/ }),
    ],
  },
  {
    key: 'culture',
    unit: /文化|图书馆|博物馆|音乐厅|体育/,
    bureau: /文化/,
    topics: [
      t('公共文化服务', 'service', 'purchased_service'),
      t('文献资源购置', 'equipment', 'procurement', 'general', { only: /图书馆/ }),
      t('文物保护修缮', 'maintenance', 'general', 'fund', { general: [0, 0.3], only: /本级$|博物馆/ }),
      t('全民健身设施建设', 'construction', 'general', 'fund', { general: [0, 0.3], only: /本级$|体育/ }),
      t('场馆运营维护', 'service', 'purchased_service', 'general', { only: /馆$|厅$|中心$/ }),
      t('群众文化活动', 'service'),
      t('文化产业发展专项资金', 'fund', 'special_fund', 'general', { only: B }),
    ],
  },
  {
    key: 'finance',
    unit: /财政|国库|投资评审/,
    bureau: /财政/,
    topics: [
      t('预算管理一体化系统运维', 'it', 'purchased_service', 'general', { only: /本级$|国库/ }),
      t('预算绩效评价第三方服务', 'service', 'purchased_service', 'general', { only: B }),
      t('财政投资评审服务', 'service', 'purchased_service', 'general', { only: /评审/ }),
      t('国有企业资本金注入', 'fund', 'investment_fund', 'state_capital', { cityOnly: true, only: B }),
      t('地方政府专项债券还本付息', 'fund', 'debt', 'fund', { only: B }),
      t('国有企业退休人员社会化管理补助', 'subsidy', 'policy', 'state_capital', { only: B }),
      t('国库集中支付代理服务', 'service', 'purchased_service', 'general', { only: /国库/ }),
      t('财会人员业务培训', 'training'),
    ],
  },
  {
    key: 'development',
    unit: /价格|重大项目/,
    bureau: /发展和改革|发展和财政/,
    topics: [
      t('重大项目前期工作', 'service', 'general', 'general', { only: /本级$|重大项目/ }),
      t('价格监测', 'service', 'purchased_service', 'general', { only: /本级$|价格/ }),
      t('对口帮扶转移支付', 'fund', 'transfer', 'general', { cityOnly: true, only: B }),
      t('战略性新兴产业国有资本投入', 'fund', 'investment_fund', 'state_capital', { only: B }),
      t('社会信用体系建设', 'it', 'procurement', 'general', { only: B }),
      t('涉案财物价格认定', 'service', 'general', 'general', { only: /价格/ }),
    ],
  },
  {
    key: 'science',
    unit: /科技/,
    bureau: /科技/,
    topics: [
      t('科技创新专项资金', 'fund', 'special_fund', 'general', { only: B }),
      t('基础研究资助', 'fund', 'special_fund', 'general', { only: B }),
      t('科技企业孵化器补贴', 'subsidy', 'policy', 'general', { only: B }),
      t('天使投资引导基金', 'fund', 'investment_fund', 'state_capital', { only: B }),
      t('科技计划项目评审服务', 'service', 'purchased_service'),
      t('科技成果转化服务', 'service', 'purchased_service'),
    ],
  },
  {
    key: 'industry',
    unit: /工业和信息化|中小企业|无线电/,
    bureau: /工业和信息化/,
    topics: [
      t('中小企业发展专项资金', 'fund', 'special_fund', 'general', { only: /本级$|中小企业/ }),
      t('工业互联网发展', 'fund', 'special_fund', 'general', { only: B }),
      t('无线电监测设备更新', 'equipment', 'procurement', 'general', { only: /本级$|无线电/ }),
      t('国有企业技术改造', 'fund', 'general', 'state_capital', { only: B }),
      t('产业投资基金出资', 'fund', 'investment_fund', 'state_capital', { only: B }),
      t('中小企业公共服务', 'service', 'purchased_service', 'general', { only: /中小企业/ }),
      t('无线电频谱监测', 'service', 'general', 'general', { only: /无线电/ }),
    ],
  },
  {
    key: 'commerce',
    unit: /商务|投资推广|会展/,
    bureau: /商务/,
    topics: [
      t('会展业扶持资金', 'fund', 'special_fund', 'general', { only: /本级$|会展/ }),
      t('招商引资服务', 'service', 'purchased_service', 'general', { only: /本级$|投资推广/ }),
      t('外贸稳增长资金', 'subsidy', 'policy', 'general', { only: B }),
      t('国有会展企业资本金注入', 'fund', 'investment_fund', 'state_capital', { only: B }),
      t('境外展会组织', 'service', 'purchased_service', 'general', { only: /会展|投资推广/ }),
    ],
  },
  {
    key: 'justice',
    unit: /司法|法律援助|公证/,
    bureau: /司法/,
    topics: [
      t('法律援助', 'service', 'purchased_service', 'general', { only: /本级$|法律援助/ }),
      t('人民调解以案定补', 'subsidy', 'policy', 'general', { only: B }),
      t('公证信息化建设', 'it', 'procurement', 'general', { only: /本级$|公证/ }),
      t('社区矫正', 'service', 'purchased_service', 'general', { only: B }),
      t('法治宣传教育', 'service', 'purchased_service'),
    ],
  },
  {
    key: 'veterans',
    unit: /退役军人|烈士/,
    bureau: /退役军人/,
    topics: [
      t('优抚对象抚恤补助', 'subsidy', 'policy', 'general', { only: /本级$|服务中心/ }),
      t('烈士纪念设施修缮', 'maintenance', 'procurement', 'general', { only: /本级$|烈士/ }),
      t('退役军人就业创业培训', 'training', 'purchased_service'),
    ],
  },
  {
    key: 'emergency',
    unit: /应急|安全生产/,
    bureau: /应急/,
    topics: [
      t('应急物资储备', 'equipment', 'procurement'),
      t('安全生产监管执法', 'service'),
      t('应急指挥平台建设', 'it', 'procurement'),
      t('森林防火', 'equipment', 'procurement'),
    ],
  },
  {
    key: 'audit',
    unit: /审计/,
    bureau: /审计/,
    topics: [t('政府投资审计', 'service', 'purchased_service'), t('审计信息化建设', 'it', 'procurement'), t('审计业务培训', 'training')],
  },
  {
    key: 'market',
    unit: /市场监督|标准|计量|药品检验|许可审查/,
    bureau: /市场监督/,
    topics: [
      t('食品安全抽检', 'service', 'purchased_service', 'general', { only: /本级$|药品/ }),
      t('标准化战略资助', 'fund', 'special_fund', 'general', { only: /本级$|标准/ }),
      t('计量检定设备购置', 'equipment', 'procurement', 'general', { only: /本级$|计量/ }),
      t('药品检验能力建设', 'equipment', 'procurement', 'general', { only: /本级$|药品/ }),
      t('特种设备安全监管', 'service', 'general', 'general', { only: B }),
      t('检验检测能力提升', 'equipment', 'procurement', 'general', { only: /研究院/ }),
      t('行政许可审查服务', 'service', 'purchased_service', 'general', { only: /许可/ }),
    ],
  },
  {
    key: 'data',
    unit: /政务服务|数据|行政服务|统计/,
    bureau: /政务服务|统计/,
    topics: [
      t('政务云服务', 'it', 'purchased_service', 'general', { only: /政务服务|大数据/ }),
      t('数据资源平台建设', 'it', 'procurement', 'general', { only: /政务服务|大数据/ }),
      t('政务服务大厅运营', 'service', 'purchased_service', 'general', { only: /政务服务|行政服务/ }),
      t('经济普查', 'service', 'general', 'general', { only: /统计/ }),
      t('统计调查', 'service', 'purchased_service', 'general', { only: /统计/ }),
      t('业务人员培训', 'training'),
    ],
  },
  {
    key: 'weather',
    unit: /气象|气候/,
    bureau: /气象/,
    topics: [t('气象观测设备更新', 'equipment', 'procurement'), t('气象灾害预警系统建设', 'it', 'procurement'), t('人工影响天气作业', 'service')],
  },
  {
    key: 'public_affairs',
    unit: /公共事业/,
    bureau: /公共事业/,
    topics: [
      t('基本公共卫生服务补助', 'subsidy', 'policy'),
      t('中小学教师培训', 'training'),
      t('公共文化服务', 'service', 'purchased_service'),
      t('民生实事项目', 'construction'),
    ],
  },
  {
    key: 'general',
    topics: [
      t('办公设备购置', 'equipment', 'procurement', 'general', { wan: [5, 150] }),
      t('信息系统运维', 'it', 'purchased_service'),
      t('业务培训', 'training'),
      t('物业管理服务', 'service', 'purchased_service'),
      t('档案数字化', 'service', 'purchased_service'),
      t('网络安全等级保护测评', 'service', 'purchased_service'),
      t('办公用房维修改造', 'maintenance', 'procurement'),
    ],
  },
]

const generalField = fields[fields.length - 1]!

/** The topics a unit may have: its field's, minus those reserved for other units or for the city level. */
export function topicsFor(field: Field, unitName: string, cityLevel: boolean): Topic[] {
  return field.topics.filter((x) => (cityLevel || !x.cityOnly) && (!x.only || x.only.test(unitName)))
}

/** The field of a unit: 本级 units by their department's name, other units by their own name. */
export function fieldOf(unitName: string, departmentName: string): Field {
  const bureau = unitName.endsWith('本级')
  const hit = bureau
    ? fields.find((f) => f.bureau?.test(departmentName)) ?? fields.find((f) => f.unit?.test(departmentName))
    : fields.find((f) => f.unit?.test(unitName))
  return hit ?? generalField
}

// ─── one project ───────────────────────────────────────────────────────────────────────────────────────────────

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '高', '郑', '梁', '谢', '宋', '唐', '许', '邓', '冯', '韩', '曾']
const GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀英', '晓东', '志强', '海燕', '建华', '丽华', '文斌', '晓红', '思远', '嘉怡', '子涵', '国栋', '雅婷']

export function contactFor(rng: Rng, areaCode = '0755') {
  return { contactName: pick(rng, SURNAMES) + pick(rng, GIVEN), contactPhone: `${areaCode}-${pick(rng, ['2', '8'])}${String(between(rng, 0, 9_999_999)).padStart(7, '0')}` }
}

/** Integer cents → "1234.56". */
export function centsToMoney(cents: number): string {
  const whole = Math.floor(cents / 100)
  const rest = cents - whole * 100
  return `${whole}.${rest < 10 ? '0' : ''}${rest}`
}

/** An amount in cents, log-uniform within the scale: whole hundreds of 元, sometimes with odd cents. */
function drawCents(rng: Rng, [min, max]: readonly [number, number], factor: number): number {
  const wan = Math.max(min, Math.exp(Math.log(min) + rng() * (Math.log(max) - Math.log(min))) * factor)
  const yuan = Math.max(10_000, Math.round(wan * 100) * 100)
  return yuan * 100 + (rng() < 0.3 ? between(rng, 1, 99) : 0)
}

const statusByYear: Record<'past' | 'current' | 'next', readonly (readonly [ProjectStatus, number])[]> = {
  past: [['executing', 55], ['closed', 30], ['budgeted', 10], ['cancelled', 5]],
  current: [['budgeted', 35], ['executing', 25], ['library', 25], ['reserve', 12], ['cancelled', 3]],
  next: [['reserve', 60], ['library', 40]],
}

export interface ProjectSeat {
  code: string
  /** What the name is about: a unit's name, or a jurisdiction's for a bureau-wide project (e.g. 南山区). */
  subject: string
  year: number
  /** The current budget year: earlier years are mostly executing/closed, later ones reserve/library. */
  currentYear: number
  jurisdictionCode: string
  departmentCode: string
  unitCode: string
  /** Amount multiplier: 1 at city level, smaller below. */
  factor: number
  contactName: string
  contactPhone: string
}

/** One project of the given topic for a unit and year: consistent period, amounts, type and status. */
export function makeProject(rng: Rng, topic: Topic, seat: ProjectSeat): DemoProject {
  const year = seat.year
  const projectType = scaleType[topic.scale]
  let start = year
  let end = year
  if (projectType === 'multi_year') {
    const length = between(rng, 2, 4)
    start = year - between(rng, 0, length - 1)
    end = start + length - 1
  } else if (projectType === 'recurring') {
    start = year - between(rng, 0, 3)
    end = year + between(rng, 0, 2)
  }
  const total = drawCents(rng, topic.wan ?? scaleWan[topic.scale], seat.factor)
  const other = topic.other ? Math.round(total * (topic.other[0] + rng() * (topic.other[1] - topic.other[0]))) : 0
  const fiscal = total - other
  const generalShare = topic.budget !== 'general' && topic.general ? topic.general[0] + rng() * (topic.general[1] - topic.general[0]) : 0
  const general = topic.budget === 'general' ? fiscal : Math.round(fiscal * generalShare)
  const main = fiscal - general
  const amounts = { general, fund: 0, state_capital: 0, social_insurance: 0 }
  if (topic.budget !== 'general') amounts[topic.budget] = main
  const remainingYears = end - year + 1
  const mediumTerm = projectType === 'one_off' ? total : projectType === 'recurring' ? total * 3 : Math.round(total * remainingYears * (1 + rng() * 0.2))
  const attribute: ProjectAttribute = start === year ? 'new' : 'continuing'
  const phase = year < seat.currentYear ? 'past' : year === seat.currentYear ? 'current' : 'next'
  return {
    code: seat.code,
    name: `${year}年${seat.subject}${topic.topic}项目`,
    fiscalYear: year,
    jurisdictionCode: seat.jurisdictionCode,
    departmentCode: seat.departmentCode,
    unitCode: seat.unitCode,
    budgetKind: topic.budget,
    attribute,
    projectType,
    objectKind: topic.object,
    periodStartYear: start,
    periodEndYear: end,
    mediumTermAmount: centsToMoney(mediumTerm),
    amountGeneral: centsToMoney(amounts.general),
    amountFund: centsToMoney(amounts.fund),
    amountStateCapital: centsToMoney(amounts.state_capital),
    amountSocialInsurance: centsToMoney(amounts.social_insurance),
    amountOther: centsToMoney(other),
    isMajorNew: attribute === 'new' && total >= 10_000_000_00 && rng() < 0.6,
    description: topicDescription(topic),
    contactName: seat.contactName,
    contactPhone: seat.contactPhone,
    status: weighted(rng, statusByYear[phase]),
  }
}

export function topicDescription(topic: Topic) {
  return scaleDescription[topic.scale](topic.topic)
}

/** Draws n distinct topics from the unit's own, topping up with the topics every unit has (办公设备, 运维 …). */
export function drawTopics(rng: Rng, topics: readonly Topic[], n: number): Topic[] {
  const chosen: Topic[] = []
  for (const source of [topics, generalField.topics]) {
    const pool = source.filter((x) => !chosen.some((c) => c.topic === x.topic))
    while (chosen.length < n && pool.length) chosen.push(pool.splice(Math.floor(rng() * pool.length), 1)[0]!)
  }
  return chosen
}

// ─── the demo region's library ─────────────────────────────────────────────────────────────────────────────────

export const DEMO_BUDGET_YEAR = 2026

/** Every demo project: per unit 3–5 for 2026, 1–2 for 2025 and 0–2 for 2027 (本级 units a couple more). */
export function demoProjects(region: DemoRegion = demoRegion()): DemoProject[] {
  const jurisdictions = new Map(region.jurisdictions.map((j) => [j.code, j]))
  const departments = new Map(region.departments.map((d) => [d.code, d]))
  const projects: DemoProject[] = []
  for (const unit of region.units) {
    const department = departments.get(unit.departmentCode)!
    const jurisdiction = jurisdictions.get(unit.jurisdictionCode)!
    const rng = rngFrom(hashSeed(unit.code))
    const field = fieldOf(unit.name, department.name)
    const bureau = unit.name.endsWith('本级')
    const city = jurisdiction.level === 'city'
    const topics = topicsFor(field, unit.name, city)
    const subject = bureau ? (city ? jurisdiction.name : jurisdiction.name.replace(/^深圳市/, '')) : unit.name
    const factor = city ? 1 : jurisdiction.level === 'district' ? 0.6 : 0.4
    const contact = contactFor(rng)
    const extra = bureau ? 1 : 0
    const perYear: [number, number][] = [
      [2025, between(rng, 1, 2)],
      [2026, between(rng, 3, 5) + extra],
      [2027, between(rng, 0, 2) + extra],
    ]
    for (const [year, count] of perYear) {
      drawTopics(rng, topics, count).forEach((topic, i) => {
        const seat: ProjectSeat = {
          code: `${unit.code}-${year}-${String(i + 1).padStart(2, '0')}`,
          subject,
          year,
          currentYear: DEMO_BUDGET_YEAR,
          jurisdictionCode: unit.jurisdictionCode,
          departmentCode: unit.departmentCode,
          unitCode: unit.code,
          factor,
          ...contact,
        }
        projects.push(makeProject(rng, topic, seat))
      })
    }
  }
  return projects
}
