import ExcelJS from 'exceljs'
import { describe, expect, test } from 'vitest'
import type { GoalContent, GoalIndicatorInput } from '../../../domain/goals.ts'
import { readWorkbook } from '../../platform/excel.ts'
import { parseDeclarationSheet, readNature, readValueBasis, readWeight } from './goals.excel.ts'
import { type Declaration, declarationTemplate, declarationWorkbook, targetText } from './goals.excel.write.ts'

/** The 申报表 in Excel without a database: workbooks built here as units fill them in, read back and written. */

type Cells = (string | number | null)[]

async function sheetsOf(build: (book: ExcelJS.Workbook) => void) {
  const book = new ExcelJS.Workbook()
  build(book)
  return readWorkbook(Buffer.from(await book.xlsx.writeBuffer()))
}

async function parse(rows: Cells[], extra?: (sheet: ExcelJS.Worksheet) => void) {
  const [sheet] = await sheetsOf((book) => {
    const s = book.addWorksheet('申报表')
    for (const r of rows) s.addRow(r)
    extra?.(s)
  })
  return parseDeclarationSheet(sheet!)!
}

const indicator = (level1: string, level2: string, name: string, nature: GoalIndicatorInput['nature'], target: string, unit: string, more: Partial<GoalIndicatorInput> = {}): GoalIndicatorInput => ({
  level1, level2, name, indicatorId: null, nature, target, unit, mediumTermTarget: null, weight: null, valueBasis: 'plan', scoringRule: '', ...more,
})

const problemsOf = (parsed: { problems: { row: number; column: string | null; zh: string }[] }) => parsed.problems.map((p) => `第${p.row}行 ${p.column ?? ''}：${p.zh}`)

describe('reading a 申报表 as units fill it in', () => {
  test('nature and unit inside 指标值, no 指标性质/计量单位 columns, merged 一级 and blank 二级 cells, a weight heading in the 一级 label', async () => {
    const parsed = await parse(
      [
        ['项目支出绩效目标申报表（2026年度）'],
        ['项目名称', '中小学教师培训', null, '项目编码', 'P-001'],
        ['主管部门', '区教育局', null, '实施单位', '区教师进修学校'],
        ['中期目标（实施期目标）', '三年内完成全区教师轮训'],
        ['年度目标', '完成 2000 人次培训，合格率不低于 95%'],
        ['一级指标', '二级指标', '三级指标', '指标值', '权重(%)', '指标值设定依据', '评(扣)分标准'],
        ['产出指标(50分)', '数量指标', '培训人次', '≥2000人次', 20, '计划标准', '达到得满分'],
        [null, null, '培训班次', '=12期', 10, null, null],
        [null, '质量指标', '考核合格率', '≥95%', 10, '行业', null],
        [null, '时效指标', '完成时间', '2026年12月31日前', 10, null, null],
        ['效益指标', '社会效益指标', '教学能力', '效果明显', 30, '历史标准', null],
        ['满意度指标', '服务对象满意度指标', '参训教师满意度', '≥90%', 10, null, null],
        [null, null, null, null, null, null, null],
        ['填报人：张三'],
      ],
      (s) => s.mergeCells('A7:A10'),
    )
    expect(parsed.problems).toEqual([])
    expect(parsed).toMatchObject({ sheet: '申报表', projectCode: 'P-001', fiscalYear: 2026 })
    expect(parsed.content).toMatchObject({ name: '中小学教师培训', overallTarget: '三年内完成全区教师轮训', mediumTermTarget: '三年内完成全区教师轮训', annualTarget: '完成 2000 人次培训，合格率不低于 95%' })
    expect(parsed.content.indicators).toEqual([
      indicator('产出指标', '数量指标', '培训人次', '>=', '2000', '人次', { weight: '20', scoringRule: '达到得满分' }),
      indicator('产出指标', '数量指标', '培训班次', '=', '12', '期', { weight: '10' }),
      indicator('产出指标', '质量指标', '考核合格率', '>=', '95', '%', { weight: '10', valueBasis: 'industry' }),
      indicator('产出指标', '时效指标', '完成时间', 'qualitative', '2026年12月31日前', '', { weight: '10' }),
      indicator('效益指标', '社会效益指标', '教学能力', 'qualitative', '效果明显', '', { weight: '30', valueBasis: 'history' }),
      indicator('满意度指标', '服务对象满意度指标', '参训教师满意度', '>=', '90', '%', { weight: '10' }),
    ])
    expect(parsed.indicatorRows).toEqual([7, 8, 9, 10, 11, 12])
  })

  test('a plain number of a 成本 or failure-rate indicator is a ceiling (≤), not "=" (issue 10, point 15)', async () => {
    const parsed = await parse([
      ['项目支出绩效目标申报表（2026年度）'],
      ['项目名称', '政务服务平台运维', null, '项目编码', 'P-009'],
      ['一级指标', '二级指标', '三级指标', '指标值', '计量单位'],
      ['产出指标', '成本指标', '项目总成本', '5万元', null],
      [null, '质量指标', '系统故障失败率', '2', '百分比'],
      [null, '数量指标', '培训人次', '100', '人次'],
    ])
    expect(parsed.problems).toEqual([])
    expect(parsed.content.indicators.map((i) => [i.name, i.nature, i.target, i.unit])).toEqual([
      ['项目总成本', '<=', '5', '万元'],
      ['系统故障失败率', '<=', '2', '%'],
      ['培训人次', '=', '100', '人次'],
    ])
  })

  test('full-width signs and digits, stray spaces in headers and cells, blank nature and unit cells beside filled ones', async () => {
    const parsed = await parse([
      ['项目编码：Ｐ-002', null, '项目支出绩效目标申报表（２０２６年度）'],
      [' 一级 指标 ', '二级指标', '三级指标', '指标性质', '指　标　值', '计量单位', '中期指标值'],
      ['产出指标', '数量指标', ' 新建校舍面积 ', null, '＞＝１２００', '平方米', '≥3600平方米'],
      [null, '成本指标', '人均成本', '≤', '800', '元/人', null],
      [null, '质量指标', '验收合格率', '定量', '100%', null, null],
      [null, null, '绿化面积', '≥', '≥500m2', 'm2', null],
      ['效益指标', '可持续影响指标', '长效机制', '定性', '较上年提升', null, null],
    ])
    expect(parsed.problems).toEqual([])
    expect(parsed.projectCode).toBe('Ｐ-002')
    expect(parsed.fiscalYear).toBe(2026)
    expect(parsed.content.indicators.map(({ level2, name, nature, target, unit, mediumTermTarget }) => ({ level2, name, nature, target, unit, mediumTermTarget }))).toEqual([
      { level2: '数量指标', name: '新建校舍面积', nature: '>=', target: '1200', unit: '平方米', mediumTermTarget: '≥3600平方米' },
      { level2: '成本指标', name: '人均成本', nature: '<=', target: '800', unit: '元/人', mediumTermTarget: null },
      { level2: '质量指标', name: '验收合格率', nature: '=', target: '100', unit: '%', mediumTermTarget: null },
      { level2: '质量指标', name: '绿化面积', nature: '>=', target: '500', unit: 'm2', mediumTermTarget: null },
      { level2: '可持续影响指标', name: '长效机制', nature: 'qualitative', target: '较上年提升', unit: '', mediumTermTarget: null },
    ])
  })

  test('the goals printed as column heads with their text below (安徽-style), and a year cell that wins over the title', async () => {
    const parsed = await parse([
      ['项目支出绩效目标申报表（2025年度）'],
      ['项目编码', 'P-003', '年度', 2026],
      ['总体目标', '中期目标（2026-2028年）', '年度目标'],
      [null, '建成覆盖全区的服务网络', '完成一期建设'],
      ['一级指标', '二级指标', '三级指标', '指标值'],
      ['产出指标', '数量指标', '服务网点数', '≥20个'],
    ])
    expect(parsed.problems).toEqual([])
    expect(parsed.fiscalYear).toBe(2026)
    expect(parsed.content).toMatchObject({ overallTarget: '建成覆盖全区的服务网络', mediumTermTarget: '建成覆盖全区的服务网络', annualTarget: '完成一期建设' })
  })

  test('a number Excel shows as a percentage reads as the percentage', async () => {
    const parsed = await parse(
      [
        ['项目编码', 'P-004', '项目支出绩效目标申报表（2026年度）'],
        ['一级指标', '二级指标', '三级指标', '指标性质', '指标值', '权重'],
        ['产出指标', '质量指标', '合格率', '≥', 0.955, 0.2],
      ],
      (s) => {
        s.getCell('E3').numFmt = '0.0%'
        s.getCell('F3').numFmt = '0%'
      },
    )
    expect(parsed.content.indicators[0]).toMatchObject({ nature: '>=', target: '95.5', unit: '%', weight: '20' })
  })

  test('row errors name the row and the column, in Chinese and English, and leave the row out', async () => {
    const parsed = await parse([
      ['项目支出绩效目标申报表（2026年度）'],
      ['项目编码', 'P-005'],
      ['一级指标', '二级指标', '三级指标', '指标性质', '指标值', '计量单位', '权重', '指标值设定依据'],
      [null, '数量指标', '培训人次', null, '≥2000', '人次', null, null],
      ['产出指标', '数量指标', '覆盖率', '定量', '效果明显', null, null, null],
      [null, null, '培训班次', '大约', '12', '期', null, null],
      [null, null, '合格率', '≥', '95', '%', '很多', '拍脑袋'],
      [null, null, null, null, '100', '%', null, null],
      [null, null, '满意度', null, null, null, null, null],
      [null, null, '完成率', '>', '一百', null, null, null],
      [null, null, '参训人数', '≥', '300', '人', '10', null],
    ])
    expect(problemsOf(parsed)).toEqual([
      '第4行 一级指标：一级指标不能为空',
      '第5行 指标值：定量指标缺少数值',
      '第6行 指标性质：指标性质“大约”无效，可选：≥、>、=、≤、<、定性、定量',
      '第7行 权重：权重“很多”不是有效的数字',
      '第7行 指标值设定依据：指标值设定依据“拍脑袋”无效，可选：计划标准、行业标准、历史标准、其他标准',
      '第8行 三级指标：三级指标不能为空',
      '第9行 指标值：指标值不能为空',
      '第10行 指标值：定量指标缺少数值',
    ])
    expect(parsed.problems[1]!.en).toBe('A quantitative indicator needs a number')
    expect(parsed.content.indicators.map((i) => i.name)).toEqual(['参训人数'])
  })

  test('missing required columns are named at the header row; missing code and year at the sheet', async () => {
    const parsed = await parse([
      ['绩效目标表'],
      ['项目名称', '无编码项目'],
      ['一级指标', '三级指标', '指标性质', '计量单位'],
      ['产出指标', '培训人次', '≥', '人次'],
    ])
    expect(problemsOf(parsed)).toEqual([
      '第1行 项目编码：缺少“项目编码”',
      '第1行 年度：找不到预算年度：标题应为“项目支出绩效目标申报表（2026年度）”，或填写“年度”',
      '第3行 二级指标：缺少必填列“二级指标”',
      '第3行 指标值：缺少必填列“指标值”',
    ])
  })

  test('sheets of notes are passed over; a sheet with a code but no table is reported', async () => {
    const sheets = await sheetsOf((book) => {
      book.addWorksheet('说明').addRow(['本表由项目单位填写，项目编码见项目库'])
      const s = book.addWorksheet('未完成')
      s.addRow(['项目支出绩效目标申报表（2026年度）'])
      s.addRow(['项目编码', 'P-006'])
    })
    expect(parseDeclarationSheet(sheets[0]!)).toBeNull()
    expect(problemsOf(parseDeclarationSheet(sheets[1]!)!)).toEqual(['第2行 ：找不到指标表头（一级指标、二级指标、三级指标、指标值）'])
  })
})

describe('cell readers', () => {
  test('指标性质 accepts signs in either width, words, 定性 and 定量; weights and value bases as written', () => {
    for (const [text, nature] of [['≥', '>='], ['>=', '>='], ['＞＝', '>='], ['＞', '>'], ['＝', '='], ['≤', '<='], ['<', '<'], ['定性', 'qualitative'], ['定性指标', 'qualitative'], ['定量', 'quantitative'], ['', undefined]] as const) {
      expect(readNature(text), text).toEqual({ value: nature })
    }
    expect(readWeight('20%')).toEqual({ value: '20' })
    expect(readWeight('１２.５分')).toEqual({ value: '12.5' })
    expect(readValueBasis('计划')).toEqual({ value: 'plan' })
    expect(readValueBasis('Industry standard')).toEqual({ value: 'industry' })
  })
})

describe('writing the 申报表', () => {
  const content: GoalContent = {
    name: '中小学教师培训',
    overallTarget: '三年内完成全区教师轮训，教学能力明显提升',
    mediumTermTarget: '三年内完成全区教师轮训',
    annualTarget: '完成 2000 人次培训',
    indicators: [
      indicator('产出指标', '数量指标', '培训人次', '>=', '2000', '人次', { weight: '20', scoringRule: '达到得满分', mediumTermTarget: '≥6000人次' }),
      indicator('产出指标', '数量指标', '培训班次', '=', '12', '期', { weight: '10' }),
      indicator('产出指标', '质量指标', '考核合格率', '>=', '95～100', '%', { weight: '10', valueBasis: 'industry' }),
      indicator('产出指标', '成本指标', '人均成本', '<=', '800', '元/人', { weight: '10' }),
      indicator('产出指标', '时效指标', '完成时间', 'qualitative', '2026年底前', '', { weight: '10' }),
      indicator('效益指标', '社会效益指标', '教学能力', 'qualitative', '效果明显', '', { weight: '30', valueBasis: 'history' }),
      indicator('满意度指标', '服务对象满意度指标', '满意度', '>=', '90', '%', { weight: '10', valueBasis: 'other' }),
    ],
  }
  const declaration = (code: string, c: GoalContent): Declaration => ({
    fiscalYear: 2026,
    project: { code, name: c.name, departmentName: '区教育局', unitName: '区教师进修学校', attribute: '新增、一次性', period: '2026年', amounts: { mediumTerm: '3000000.00', annual: '1000000.00', fiscal: '900000.00', other: '100000.00' } },
    content: c,
  })

  test('指标值 is written as people write it, with the sign and unit also in their own columns', async () => {
    expect(targetText({ nature: '>=', target: '95', unit: '%' })).toBe('≥95%')
    expect(targetText({ nature: '<=', target: '30', unit: '天' })).toBe('≤30天')
    expect(targetText({ nature: '>=', target: '95～100', unit: '%' })).toBe('95～100%')
    expect(targetText({ nature: 'qualitative', target: '2026年底前', unit: '' })).toBe('2026年底前')
    const [sheet] = await readWorkbook(await declarationWorkbook([declaration('P-100', content)]))
    const row = sheet!.rows.find((r) => r.cells[2] === '考核合格率')!
    expect(row.cells.slice(3, 6)).toEqual(['≥', '95～100%', '%'])
  })

  test('what is written reads back the same, one sheet a goal, with or without a 总体目标 of its own', async () => {
    const same = { ...content, overallTarget: content.mediumTermTarget }
    const sheets = await readWorkbook(await declarationWorkbook([declaration('P-100', content), declaration('P-101', same)]))
    expect(sheets.map((s) => s.name)).toEqual(['P-100 中小学教师培训', 'P-101 中小学教师培训'])
    const [first, second] = sheets.map((s) => parseDeclarationSheet(s)!)
    expect(first!.problems).toEqual([])
    expect(first).toMatchObject({ projectCode: 'P-100', fiscalYear: 2026, content })
    expect(second).toMatchObject({ projectCode: 'P-101', content: same })
  })

  test('the template: the sample rows are skipped on import, and the code is asked for', async () => {
    const sheets = await readWorkbook(await declarationTemplate(2027))
    expect(sheets.map((s) => s.name)).toEqual(['绩效目标申报表', '填写说明'])
    const parsed = parseDeclarationSheet(sheets[0]!)!
    expect(parsed.fiscalYear).toBe(2027)
    expect(parsed.content.indicators).toEqual([])
    expect(problemsOf(parsed)).toEqual(['第2行 项目编码：项目编码不能为空'])
    expect(parseDeclarationSheet(sheets[1]!)).toBeNull()
  })
})
