import { describe, expect, test } from 'vitest'
// Test-only: the demo organisation tree is pure data, and it is the list these guesses must cover.
// eslint-disable-next-line no-restricted-imports
import { demoRegion } from '../server/modules/org/demo-region.data.ts'
import { projectKindsOfText, sectorOfDepartment } from './classify.ts'

describe('sectorOfDepartment', () => {
  test.each([
    ['深圳市教育局', 'education'],
    ['深圳市南山区教育局', 'education'],
    ['深圳市卫生健康委员会', 'health'],
    ['深圳市医疗保障局', 'health'],
    ['深圳市疾病预防控制中心', 'health'],
    ['深圳市人力资源和社会保障局', 'social_security'],
    ['深圳市社会保险基金管理局', 'social_security'],
    ['深圳市民政局', 'social_security'],
    ['深圳市退役军人事务局', 'social_security'],
    ['深圳市水务局', 'agriculture'],
    ['某县农业农村局', 'agriculture'],
    ['某县林业局', 'agriculture'],
    ['深圳市生态环境局', 'environment'],
    ['深圳市交通运输局', 'transport'],
    ['深圳市文化广电旅游体育局', 'culture'],
    ['深圳博物馆', 'culture'],
    ['深圳市科技创新局', 'science'],
    ['某省科学技术厅', 'science'],
    ['深圳市公安局', 'public_security'],
    ['深圳市应急管理局', 'public_security'],
    ['某市消防救援支队', 'public_security'],
    ['深圳市司法局', 'public_security'],
    ['深圳市城市管理和综合执法局', 'urban'],
    ['深圳市住房和建设局', 'urban'],
    ['深圳市规划和自然资源局', 'urban'],
    ['深圳市政务服务和数据管理局', 'it'],
    ['深圳市工业和信息化局', 'it'],
    ['深圳市大数据资源管理中心', 'it'],
    ['深圳市财政局', 'general_admin'],
    ['深圳市审计局', 'general_admin'],
    ['深圳市统计局', 'general_admin'],
    ['深圳市发展和改革委员会', 'general_admin'],
    ['深圳市商务局', 'general_admin'],
    ['某区机关事务管理局', 'general_admin'],
  ])('%s → %s', (name, sector) => {
    expect(sectorOfDepartment(name)).toBe(sector)
  })

  test.each([
    ['深圳市公安局交通警察局', 'public_security', 'the keyword nearest the front wins'],
    ['深圳市教育科学研究院', 'education', 'the keyword nearest the front wins'],
    ['深圳市环境科学研究院', 'environment', 'the keyword nearest the front wins'],
    ['深圳市医疗保障信息中心', 'health', 'the keyword nearest the front wins'],
    ['深圳市环境卫生管理处', 'urban', 'the longer keyword wins a tie'],
    ['深圳科学高中', 'education', 'the kind of body wins over its topic'],
    ['深圳市中国科学院仙湖植物园', 'urban', 'the kind of body wins over its topic'],
    ['深圳市统计数据管理中心', 'general_admin', 'data words alone do not make IT'],
    ['深圳市教育局机关', 'education', '一般公共服务 only when nothing more specific matched'],
  ])('%s → %s: %s', (name, sector) => {
    expect(sectorOfDepartment(name)).toBe(sector)
  })

  test('nothing matches, nothing guessed', () => {
    expect(sectorOfDepartment('某某有限公司')).toBeNull()
    expect(sectorOfDepartment('')).toBeNull()
  })

  const region = demoRegion()

  test('every demo department gets a sector', () => {
    const missing = region.departments.filter((d) => sectorOfDepartment(d.name) === null).map((d) => d.name)
    expect(missing).toEqual([])
  })

  test('and nearly every demo unit does', () => {
    const units = region.units.filter((u) => !u.name.endsWith('本级'))
    const missing = units.filter((u) => sectorOfDepartment(u.name) === null)
    expect(missing.length / units.length).toBeLessThan(0.05)
  })
})

describe('projectKindsOfText', () => {
  test.each([
    ['2026年深圳中学教师培训项目', ['training']],
    ['2026年深圳市医保经办业务培训项目', ['training']],
    ['2026年深圳市实验室设备购置项目', ['purchase']],
    ['2026年深圳市无线电监测设备更新项目', ['purchase']],
    ['2026年深圳市应急物资储备项目', ['purchase']],
    ['2027年深圳市福田区第二人民医院住院综合楼改扩建项目', ['construction']],
    ['2026年深圳市中小学校舍新建工程项目', ['construction']],
    ['2026年深圳市文物保护修缮项目', ['construction']],
    ['2026年深圳市水库除险加固项目', ['construction']],
    ['2026年深圳市老旧小区改造项目', ['construction']],
    ['2026年深圳市教育信息化建设项目', ['it_system']],
    ['2026年深圳中学智慧校园建设项目', ['it_system']],
    ['2026年深圳市应急指挥平台建设项目', ['it_system']],
    ['2026年深圳市视频监控系统建设项目', ['it_system']],
    ['2026年深圳市档案数字化项目', ['it_system']],
    ['2026年深圳市信息系统运维项目', ['it_system', 'maintenance']],
    ['2026年深圳市数字城管平台运维项目', ['it_system', 'maintenance']],
    ['2026年深圳市学生资助项目', ['subsidy']],
    ['2026年深圳市养老服务补贴项目', ['subsidy']],
    ['2026年深圳市公交运营补贴项目', ['subsidy']],
    ['2026年深圳市前海产业扶持资金项目', ['subsidy']],
    ['2026年深圳市优抚对象抚恤补助项目', ['subsidy']],
    ['2026年深圳市失业保险稳岗返还项目', ['subsidy']],
    ['2026年深圳市基础研究资助项目', ['subsidy', 'research']],
    ['2026年深圳市中小学教研课题研究项目', ['research']],
    ['2026年深圳市营商环境专题调研项目', ['research']],
    ['2026年深圳市反电信网络诈骗宣传项目', ['publicity']],
    ['2026年深圳市境外展会组织项目', ['publicity']],
    ['2026年深圳市植物保育与科普项目', ['publicity']],
    ['2026年深圳市公园维护管养项目', ['maintenance']],
    ['2026年深圳市道路养护项目', ['maintenance']],
    ['2026年深圳市物业管理服务项目', ['maintenance']],
    ['2026年深圳市政务服务大厅运营项目', ['maintenance']],
    ['2026年深圳市国土空间规划编制项目', ['writing']],
    ['2026年深圳年鉴编纂项目', ['writing']],
    ['2026年深圳市粤港澳大湾区发展论坛项目', ['meeting']],
    ['2026年全市财政工作会议项目', ['meeting']],
    ['2026年学术年会及研讨会项目', ['meeting']],
    ['2026年XX系统业务轮训及研讨会', ['training', 'meeting']],
  ])('%s → %j', (name, kinds) => {
    expect(projectKindsOfText(name)).toEqual(kinds)
  })

  test.each([
    ['2026年深圳市实验室检测能力建设项目', 'capacity building is not construction'],
    ['2026年深圳市社会信用体系建设项目', 'a system of rules is not construction'],
    ['2026年深圳市重点学科建设项目', 'an academic discipline is not construction'],
    ['2026年深圳市建设工程质量检测项目', 'supervising works is not doing them'],
    ['2026年深圳市国有企业技术改造项目', 'an industrial programme is not construction'],
    ['2025年深圳市标准技术研究院检验检测能力提升项目', 'a unit named 研究院 does no research by its name'],
    ['2026年深圳市购买社工服务项目', 'buying a service is not a purchase of goods'],
    ['2026年深圳市家庭医生签约服务项目', 'a service of no listed kind'],
  ])('%s → no kind: %s', (name) => {
    expect(projectKindsOfText(name)).toEqual([])
  })

  test('kinds come in the library’s order, each once', () => {
    expect(projectKindsOfText('设备购置及培训，培训后宣传推广，再购置')).toEqual(['purchase', 'training', 'publicity'])
  })
})
