import ExcelJS from 'exceljs'
import { describe, expect, test } from 'vitest'
import { createTestContext } from '../../test/context.ts'
import { makeAction, makeDepartmentForm, makeForm, makeRound } from '../../test/factories.monitoring-dashboard.ts'
import { ReadBudget } from '../../platform/read-limits.ts'
import { readZipPart } from '../../platform/zip.ts'

const t = await createTestContext()

const district = await t.make.jurisdiction({ name: '报告区' })
const education = await t.make.department({ jurisdiction: district, name: '区教育局' })
const health = await t.make.department({ jurisdiction: district, name: '区卫健局' })
const school = await t.make.unit({ department: education, name: '第一中学' })
const hospital = await t.make.unit({ department: health, name: '区人民医院' })
const finance = await t.make.user({ role: 'finance_admin', org: district })
const educationUser = await t.make.user({ role: 'dept_user', org: education })
const schoolUser = await t.make.user({ role: 'unit_user', org: school })

const round = await makeRound(t, { jurisdiction: district, cutoffMonth: 6, name: '2026年1—6月监控' })
const red = await makeForm(t, {
  round,
  unit: school,
  project: await t.make.project({ unit: school, status: 'executing', name: '校舍维修项目', code: 'RPT-001', amountGeneral: '1000000.00' }),
  executed: '200000.00',
  unitForecast: '800000.00',
  projectLight: 'red',
  budgetLight: 'red',
  status: 'submitted',
  indicators: [
    { name: '维修校舍面积', target: '5000', unit: '平方米', progress: '500', light: 'red', likelihood: 'impossible', causeCategory: 'funding', deviationAnalysis: '资金到位晚，施工延后', measures: '加快资金拨付，倒排工期' },
    { level1: '满意度指标', level2: '服务对象满意度指标', name: '师生满意度', target: '90', unit: '%', progress: '92', light: 'green' },
  ],
})
await makeForm(t, { round, unit: hospital, project: await t.make.project({ unit: hospital, status: 'executing', name: '=HYPERLINK("x")设备购置', code: 'RPT-002', amountGeneral: '1000000.00' }), executed: '500000.00', status: 'accepted' })
await makeDepartmentForm(t, { round, department: health })
await makeAction(t, { form: red.form, kind: 'hold_payment', amount: '300000.00', title: '暂缓拨付校舍维修资金' })

const download = async (user: { username: string }, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie: (await t.as(user)).cookie! } })
const documentXml = async (buffer: Buffer) => (await readZipPart(buffer, 'word/document.xml', new ReadBudget()))!.toString('utf8')

describe('the monitoring report (.docx)', () => {
  test('of the jurisdiction: coverage, execution, lights, main problems and actions taken, by department', async () => {
    const res = await download(finance, `/api/monitoring/report.docx?roundId=${round.id}`)
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toContain('wordprocessingml')
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain('报告区2026年1—6月监控绩效运行监控报告.docx')
    const xml = await documentXml(res.rawPayload)
    for (const text of [
      '报告区2026年预算绩效运行监控报告',
      '一、监控工作开展情况', '本次纳入监控 3 张监控表', '已报送 2 张（报送率 66.67%）',
      '二、预算执行情况', '调整后预算 200 万元', '执行 70 万元，预算执行率 35.00%，时间进度 50.00%，低于时间进度 15.00 个百分点',
      '三、绩效目标实现情况', '红灯 1 个', '区教育局', '区卫健局',
      '四、发现的主要问题', '校舍维修项目（第一中学，红灯）', '维修校舍面积：目标 5000平方米，1—6 月完成 500平方米', '完成目标可能性“不可能”', '原因类别“经费保障”', '原因分析：资金到位晚，施工延后', '经费保障（不可能）1 项',
      '五、纠偏措施及成效', '暂缓拨款 1 项', '暂缓拨付校舍维修资金', '300,000.00',
      '六、下一步工作建议',
    ]) {
      expect(xml, text).toContain(text)
    }
    expect(xml).not.toContain('师生满意度')
    const audit = await t.db.selectFrom('auditLog').select(['action', 'after']).where('action', '=', 'monitoring.download_report').execute()
    expect(audit).toEqual([expect.objectContaining({ after: { filters: { roundId: round.id, departmentCode: null } } })])
  })

  test('of a department: its units only; a department user always gets its own; a unit may not; another department is 404', async () => {
    const own = await documentXml((await download(educationUser, `/api/monitoring/report.docx?roundId=${round.id}`)).rawPayload)
    expect(own).toContain('区教育局2026年预算绩效运行监控报告')
    expect(own).toContain('第一中学')
    expect(own).not.toContain('区人民医院')
    expect((await download(educationUser, `/api/monitoring/report.docx?roundId=${round.id}&departmentCode=${health.code}`)).statusCode).toBe(404)
    const byFinance = await documentXml((await download(finance, `/api/monitoring/report.docx?roundId=${round.id}&departmentCode=${health.code}`)).rawPayload)
    expect(byFinance).toContain('区卫健局2026年预算绩效运行监控报告')
    expect(byFinance).toContain('本批次尚未采取纠偏措施')
    expect((await download(schoolUser, `/api/monitoring/report.docx?roundId=${round.id}`)).statusCode).toBe(403)
    const foreign = await t.make.department({ jurisdiction: await t.make.jurisdiction() })
    expect((await download(finance, `/api/monitoring/report.docx?roundId=${round.id}&departmentCode=${foreign.code}`)).statusCode).toBe(404)
  })
})

describe('the Excel export of a round in the 监控表 layout', () => {
  async function workbook(user: { username: string }, query = '') {
    const res = await download(user, `/api/monitoring/export.xlsx?roundId=${round.id}${query}`)
    expect(res.statusCode).toBe(200)
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(res.rawPayload as never)
    return book
  }
  const texts = (sheet: ExcelJS.Worksheet) => {
    const out: string[] = []
    sheet.eachRow((row) => row.eachCell((cell) => out.push(String(cell.value))))
    return out
  }

  test('a summary row per form and each form as a block: header, funds, indicators with likelihood and reasons', async () => {
    const book = await workbook(finance)
    const summary = book.getWorksheet('汇总')!
    expect(summary.rowCount).toBe(4)
    expect(summary.getRow(1).getCell(9).value).toBe('1—6月执行数（元）')
    const first = summary.getRow(2).values as unknown[]
    expect(first.slice(1, 14)).toEqual(['RPT-001', '校舍维修项目', '区教育局', '第一中学', '待部门审核', '否', 1000000, 1000000, 200000, 20, 800000, '红', '红'])
    // Text a spreadsheet would run as a formula is quoted.
    expect(summary.getRow(3).getCell(2).value).toBe("'=HYPERLINK(\"x\")设备购置")
    expect(summary.getRow(4).getCell(2).value).toBe('区卫健局部门整体')
    const sheet = book.getWorksheet('监控表')!
    const all = texts(sheet)
    for (const text of ['2026年项目支出绩效监控表（1—6月）', '2026年部门整体支出绩效监控表（1—6月）', '项目名称', '校舍维修项目', '项目执行单位', '年初预算数', '全年预计执行数', '1—6月执行情况', '完成目标可能性', '偏差或不能完成目标原因分析', '相关建议或举措', '维修校舍面积', '≥5000平方米', '不可能', '经费保障', '资金到位晚，施工延后', '加快资金拨付，倒排工期', '师生满意度', '确定能']) {
      expect(all, text).toContain(text)
    }
    const audit = await t.db.selectFrom('auditLog').select('after').where('action', '=', 'monitoring.export_forms').execute()
    expect(audit).toEqual([{ after: { filters: { roundId: round.id, departmentCode: null } } }])
  })

  test('a department exports its own forms, a unit its own', async () => {
    const dept = (await workbook(educationUser)).getWorksheet('汇总')!
    expect(dept.rowCount).toBe(2)
    const hospitalOnly = (await workbook(finance, `&departmentCode=${health.code}`)).getWorksheet('汇总')!
    expect(hospitalOnly.rowCount).toBe(3)
    const unit = (await workbook(schoolUser)).getWorksheet('汇总')!
    expect(unit.getRow(2).getCell(1).value).toBe('RPT-001')
    expect(unit.rowCount).toBe(2)
  })
})
