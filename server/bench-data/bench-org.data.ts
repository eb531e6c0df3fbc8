// The org tree of the bench data set: a fictional province 示范省 (990000) whose cities and districts have the
// departments and units a real one has — many schools, fewer hospitals, three or four units per other bureau.
// Codes start with 99, so they never collide with real 行政区划 codes or the demo region (4403…).
// Pure and deterministic.

import type { JurisdictionLevel } from '../db/schema.ts'

export type BenchScale = 'city' | 'province'

export interface BenchJurisdiction {
  code: string
  name: string
  level: JurisdictionLevel
  parentCode: string | null
  /** Amount multiplier for projects: province 1.5, city 1, district 0.6. */
  factor: number
  /** What a bureau-wide project is named after, e.g. 东江市 or 东江市东城区. */
  label: string
  financeBureauName: string
}
export interface BenchDepartment { code: string; name: string; jurisdictionCode: string }
export interface BenchUnit { code: string; name: string; departmentCode: string; jurisdictionCode: string }
export interface BenchOrg { jurisdictions: BenchJurisdiction[]; departments: BenchDepartment[]; units: BenchUnit[] }

export const BENCH_PROVINCE_CODE = '990000'
export const BENCH_CITY_CODE = '990100'
export const BENCH_PASSWORD = 'Bench@2026'

const CITY_NAMES = ['东江市', '南湖市', '西岭市', '北辰市', '青山市', '白河市', '云港市', '金沙市', '临川市', '安澜市', '明湖市', '银滩市', '翠峰市', '玉泉市', '长宁市', '丰源市', '嘉禾市', '星海市', '秀水市', '凤鸣市']
const DISTRICT_NAMES = ['东城区', '西城区', '南城区', '北城区', '中山区', '高新区', '滨海区', '江北区', '湖滨区', '新港区', '经开区']
/** Relative size of each jurisdiction of a city: the city level is biggest, districts vary. */
const DISTRICT_WEIGHTS = [1.3, 1.1, 0.9, 1.2, 0.8, 1.0, 0.7, 1.1, 0.9, 0.6, 0.8]
const CITY_WEIGHT = 1.5
const UNITS_PER_CITY = 2000

/** [department, its subordinate units]; 教育局 and 卫生健康局 take whatever is left of the jurisdiction's share. */
const DEPARTMENTS: readonly (readonly [string, readonly string[]])[] = [
  ['发展和改革局', ['价格认证中心', '重大项目服务中心']],
  ['科技创新局', ['科技交流服务中心']],
  ['工业和信息化局', ['中小企业服务中心', '无线电监测站']],
  ['公安局', ['公安局交通警察支队', '公安局刑事科学技术研究所', '公安局治安巡逻支队']],
  ['民政局', ['社会福利中心', '救助管理站', '殡仪馆']],
  ['司法局', ['法律援助中心', '公证处']],
  ['财政局', ['财政投资评审中心', '国库支付中心']],
  ['人力资源和社会保障局', ['社会保险基金管理中心', '人才交流服务中心', '劳动人事争议仲裁院']],
  ['规划和自然资源局', ['不动产登记中心', '规划编制研究中心']],
  ['生态环境局', ['环境监测站', '环境科学研究所']],
  ['住房和建设局', ['住房保障服务中心', '建设工程质量安全监督站', '建设科技促进中心']],
  ['交通运输局', ['交通公用设施管理处', '道路运输事务中心']],
  ['水务局', ['水务工程建设管理中心', '河道管理中心', '水文水质中心']],
  ['商务局', ['投资推广中心', '会展业发展服务中心']],
  ['文化广电旅游体育局', ['图书馆', '文化馆', '博物馆', '体育中心']],
  ['退役军人事务局', ['退役军人服务中心', '烈士陵园管理处']],
  ['应急管理局', ['应急管理监测预警指挥中心']],
  ['审计局', ['政府投资审计中心']],
  ['市场监督管理局', ['计量质量检测研究院', '食品药品检验所']],
  ['城市管理和综合执法局', ['环境卫生管理处', '公园管理中心', '城市管理监督指挥中心']],
  ['政务服务和数据管理局', ['大数据资源管理中心', '政务服务中心']],
  ['医疗保障局', ['医疗保障基金监管中心']],
  ['统计局', ['统计数据管理中心']],
  ['教育局', []],
  ['卫生健康局', []],
]

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九']

/** 1 → 一, 12 → 十二, 45 → 四十五, 108 → 一百零八 (for 第N中学). */
export function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n]!
  if (n < 20) return `十${n % 10 ? DIGITS[n % 10] : ''}`
  if (n < 100) return `${DIGITS[Math.floor(n / 10)]}十${n % 10 ? DIGITS[n % 10] : ''}`
  const rest = n % 100
  return `${DIGITS[Math.floor(n / 100)]}百${rest === 0 ? '' : rest < 10 ? `零${DIGITS[rest]}` : rest < 20 ? `一${chineseNumber(rest)}` : chineseNumber(rest)}`
}

const SCHOOL_KINDS = ['小学', '中学', '小学', '幼儿园', '小学', '中学', '实验学校'] as const
const HEALTH_FIRST = ['人民医院', '中医院', '妇幼保健院', '疾病预防控制中心']

function schoolNames(prefix: string, count: number): string[] {
  const seen: Record<string, number> = {}
  return Array.from({ length: count }, (_, i) => {
    const kind = SCHOOL_KINDS[i % SCHOOL_KINDS.length]!
    const n = (seen[kind] = (seen[kind] ?? 0) + 1)
    return `${prefix}第${chineseNumber(n)}${kind}`
  })
}

function healthNames(prefix: string, count: number): string[] {
  const names = HEALTH_FIRST.slice(0, count).map((n) => `${prefix}${n}`)
  let hospitals = 1
  let centres = 0
  for (let i = names.length; i < count; i++) {
    names.push(i % 3 === 0 ? `${prefix}第${chineseNumber(++hospitals)}人民医院` : `${prefix}第${chineseNumber(++centres)}社区健康服务中心`)
  }
  return names
}

function addJurisdictionBody(org: BenchOrg, j: BenchJurisdiction, unitCount: number) {
  const fixed = DEPARTMENTS.reduce((s, [, units]) => s + 1 + units.length, 0)
  const rest = Math.max(4, unitCount - fixed - 2)
  const education = Math.round(rest * 0.75)
  const health = rest - education
  DEPARTMENTS.forEach(([suffix, units], i) => {
    const code = `${j.code}${101 + i}`
    const name = `${j.label}${suffix}`
    org.departments.push({ code, name, jurisdictionCode: j.code })
    const names =
      suffix === '教育局'
        ? [`${j.label}教育科学研究院`, ...schoolNames(j.label, education)]
        : suffix === '卫生健康局'
          ? healthNames(j.label, health)
          : units.map((u) => `${j.label}${u}`)
    ;[`${name}本级`, ...names].forEach((unitName, k) => {
      org.units.push({ code: `${code}${String(k + 1).padStart(3, '0')}`, name: unitName, departmentCode: code, jurisdictionCode: j.code })
    })
  })
}

function addCity(org: BenchOrg, cityIndex: number, parentCode: string | null) {
  const cityName = CITY_NAMES[cityIndex]!
  const cityCode = `99${String(cityIndex + 1).padStart(2, '0')}00`
  const total = CITY_WEIGHT + DISTRICT_WEIGHTS.reduce((a, b) => a + b, 0)
  const city: BenchJurisdiction = { code: cityCode, name: cityName, level: 'city', parentCode, factor: 1, label: cityName, financeBureauName: `${cityName}财政局` }
  org.jurisdictions.push(city)
  addJurisdictionBody(org, city, Math.round((UNITS_PER_CITY * CITY_WEIGHT) / total))
  DISTRICT_NAMES.forEach((districtName, d) => {
    const label = `${cityName}${districtName}`
    const district: BenchJurisdiction = {
      code: `${cityCode.slice(0, 4)}${String(d + 1).padStart(2, '0')}`,
      name: districtName,
      level: 'district',
      parentCode: cityCode,
      factor: 0.6,
      label,
      financeBureauName: `${label}财政局`,
    }
    org.jurisdictions.push(district)
    addJurisdictionBody(org, district, Math.round((UNITS_PER_CITY * DISTRICT_WEIGHTS[d]!) / total))
  })
}

/** city: one city (990100) and its 11 districts, ≈2,000 units. province: 示范省 with 20 such cities, ≈40,000 units. */
export function benchOrg(scale: BenchScale): BenchOrg {
  const org: BenchOrg = { jurisdictions: [], departments: [], units: [] }
  if (scale === 'city') {
    addCity(org, 0, null)
    return org
  }
  const province: BenchJurisdiction = { code: BENCH_PROVINCE_CODE, name: '示范省', level: 'province', parentCode: null, factor: 1.5, label: '示范省', financeBureauName: '示范省财政厅' }
  org.jurisdictions.push(province)
  addJurisdictionBody(org, province, Math.round(UNITS_PER_CITY / 8))
  for (let c = 0; c < CITY_NAMES.length; c++) addCity(org, c, BENCH_PROVINCE_CODE)
  return org
}
