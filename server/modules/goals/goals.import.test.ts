import { inflateRawSync } from 'node:zlib'
import ExcelJS from 'exceljs'
import { describe, expect, test } from 'vitest'
import { createTestContext } from '../../test/context.ts'
import { MultipartBody } from '../../test/endpoints.ts'
import { goodGoalIndicators } from '../../test/factories.ts'
import { readWorkbook } from '../../platform/excel.ts'

/** The 申报表 over HTTP: import (preview, commit, all or nothing), export, and export → import round trips. */

const t = await createTestContext()
const city = await t.make.jurisdiction()
const district = await t.make.jurisdiction({ parent: city })
const edu = await t.make.department({ jurisdiction: district, name: '教育局' })
const school = await t.make.unit({ department: edu, name: '第一中学' })
const otherCity = await t.make.jurisdiction()
const farUnit = await t.make.unit({ department: await t.make.department({ jurisdiction: otherCity }) })
const unitUser = await t.make.user({ role: 'unit_user', org: school })
const viewer = await t.make.user({ role: 'viewer', org: district })

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
type Cells = (string | number | null)[]

/** Indicator rows as a unit types them: sign and unit inside 指标值, no 指标性质 or 计量单位 columns. */
const embeddedRows: Cells[] = [
  ['一级指标', '二级指标', '三级指标', '指标值', '权重', '评(扣)分标准'],
  ['产出指标', '数量指标', '培训人次', '≥500人次', 20, '达到得满分'],
  [null, '质量指标', '培训合格率', '≥95%', 20, null],
  [null, '时效指标', '培训完成时间', '2026年11月30日前', 10, null],
  [null, '成本指标', '人均培训成本', '≤800元', 10, null],
  ['效益指标', '社会效益指标', '教学能力', '明显提升', 20, null],
  ['满意度指标', '服务对象满意度指标', '参训人员满意度', '≥90%', 10, null],
]

function sheetRows(code: string, rows: Cells[], year = 2026): Cells[] {
  return [[`项目支出绩效目标申报表（${year}年度）`], ['项目名称', '教师培训', null, '项目编码', code], ['中期目标（实施期目标）', '三年完成全区教师轮训'], ['年度目标', '完成培训500人次'], ...rows]
}

async function workbook(sheets: { name: string; rows: Cells[] }[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook()
  for (const s of sheets) {
    const sheet = book.addWorksheet(s.name)
    for (const r of s.rows) sheet.addRow(r)
  }
  return Buffer.from(await book.xlsx.writeBuffer())
}

async function upload(user: { username: string }, content: Buffer, dryRun: boolean, options: { lang?: 'en'; fileName?: string; type?: string } = {}) {
  const body = new MultipartBody(options.fileName ?? '申报表.xlsx', content, options.type ?? XLSX)
  const { cookie } = await t.as(user)
  return t.app.inject({
    method: 'POST',
    url: `/api/goals/import?dryRun=${dryRun}`,
    payload: body.payload(),
    headers: { cookie: cookie!, 'content-type': `multipart/form-data; boundary=${body.boundary}`, ...(options.lang ? { 'accept-language': options.lang } : {}) },
  })
}

async function download(user: { username: string }, url: string) {
  const { cookie } = await t.as(user)
  const res = await t.app.inject({ method: 'GET', url, headers: { cookie: cookie! } })
  return { res, content: res.rawPayload }
}

/** The entries of a zip from its central directory (APPNOTE 4.3.12), inflated, with whether the name is UTF-8. */
function unzip(zip: Buffer) {
  const entries: { name: string; utf8: boolean; content: Buffer }[] = []
  let at = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]))
  const count = zip.readUInt16LE(at + 10)
  at = zip.readUInt32LE(at + 16)
  for (let i = 0; i < count; i++) {
    const flags = zip.readUInt16LE(at + 8)
    const method = zip.readUInt16LE(at + 10)
    const size = zip.readUInt32LE(at + 20)
    const [nameLength, extraLength, commentLength] = [zip.readUInt16LE(at + 28), zip.readUInt16LE(at + 30), zip.readUInt16LE(at + 32)]
    const local = zip.readUInt32LE(at + 42)
    const data = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28)
    const raw = zip.subarray(data, data + size)
    entries.push({ name: zip.toString('utf8', at + 46, at + 46 + nameLength), utf8: (flags & 0x800) !== 0, content: method === 8 ? inflateRawSync(raw) : raw })
    at += 46 + nameLength + extraLength + commentLength
  }
  return entries
}

const auditSeq = async () => (await t.db.selectFrom('auditHead').select('seq').executeTakeFirstOrThrow()).seq
const goalCount = async () => Number((await t.db.selectFrom('goal').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)
const comparable = (indicators: Record<string, unknown>[]) => indicators.map(({ id: _i, indicatorCode: _c, indicatorRevision: _r, ...rest }) => rest)

describe('importing a 申报表', () => {
  test('nature and unit embedded in 指标值: the preview reads them and writes nothing; the commit creates the goal', async () => {
    const project = await t.make.project({ unit: school, name: '2026年教师培训项目' })
    const file = await workbook([{ name: '教师培训', rows: sheetRows(project.code, embeddedRows) }, { name: '说明', rows: [['本工作簿由项目单位填写']] }])
    await t.as(unitUser) // signing in is audited: do it before counting
    const before = await goalCount()
    const seq = await auditSeq()

    const preview = await upload(unitUser, file, true)
    expect(preview.statusCode).toBe(200)
    const body = preview.json()
    expect(body).toMatchObject({ dryRun: true, total: 1, toCreate: 1, errorCount: 0, errors: [] })
    expect(body.rows).toEqual([expect.objectContaining({ sheet: '教师培训', projectCode: project.code, projectName: '2026年教师培训项目', fiscalYear: 2026, indicators: 6, errors: [] })])
    expect(body.rows[0].content.indicators.map((i: { nature: string; target: string; unit: string }) => `${i.nature} ${i.target} ${i.unit}`)).toEqual([
      '>= 500 人次', '>= 95 %', 'qualitative 2026年11月30日前 ', '<= 800 元', 'qualitative 明显提升 ', '>= 90 %',
    ])
    expect(await goalCount()).toBe(before)
    expect(await auditSeq()).toBe(seq)

    const commit = await upload(unitUser, file, false)
    expect(commit.statusCode).toBe(200)
    const audit = await t.db.selectFrom('auditLog').select('action').where('seq', '>', seq).orderBy('seq').execute()
    expect(audit.map((a) => a.action)).toEqual(['goal.create', 'goal.import'])
    expect(commit.json()).toMatchObject({ dryRun: false, created: 1, goals: [{ sheet: '教师培训', projectCode: project.code }] })
    const goal = (await (await t.as(unitUser)).get(`/api/goals/${commit.json().goals[0].id}`)).json()
    expect(goal).toMatchObject({ kind: 'project', status: 'draft', projectId: project.id, fiscalYear: 2026, name: '2026年教师培训项目', mediumTermTarget: '三年完成全区教师轮训', overallTarget: '三年完成全区教师轮训', annualTarget: '完成培训500人次' })
    expect(goal.indicators.map((i: Record<string, unknown>) => [i.level1, i.level2, i.name, i.nature, i.target, i.unit, Number(i.weight)])).toEqual([
      ['产出指标', '数量指标', '培训人次', '>=', '500', '人次', 20],
      ['产出指标', '质量指标', '培训合格率', '>=', '95', '%', 20],
      ['产出指标', '时效指标', '培训完成时间', 'qualitative', '2026年11月30日前', '', 10],
      ['产出指标', '成本指标', '人均培训成本', '<=', '800', '元', 10],
      ['效益指标', '社会效益指标', '教学能力', 'qualitative', '明显提升', '', 20],
      ['满意度指标', '服务对象满意度指标', '参训人员满意度', '>=', '90', '%', 10],
    ])

    const again = (await upload(unitUser, file, true)).json()
    expect(again.errors).toEqual([{ sheet: '教师培训', row: 2, column: '项目编码', field: 'projectCode', message: expect.stringContaining('已有绩效目标') }])
    expect((await upload(unitUser, file, false)).json().error.code).toBe('IMPORT_INVALID')
  })

  test('a file with errors previews each with sheet, row and column, and its commit writes nothing — not even its good sheets', async () => {
    const good = await t.make.project({ unit: school })
    const bad = await t.make.project({ unit: school })
    const another = await t.make.project({ unit: school })
    const far = await t.make.project({ unit: farUnit })
    const badRows = [...embeddedRows.slice(0, 3), [null, null, '覆盖率', '较上年提升', 'x', null], [null, null, '班次', '', 10, null]]
    const withNature: Cells[] = [['一级指标', '二级指标', '三级指标', '指标性质', '指标值', '计量单位'], ['产出指标', '数量指标', '培训人次', '定量', '若干', '人次']]
    const file = await workbook([
      { name: '好', rows: sheetRows(good.code, embeddedRows) },
      { name: '坏', rows: sheetRows(bad.code, badRows) },
      { name: '性质', rows: sheetRows(another.code, withNature) },
      { name: '越权', rows: sheetRows(far.code, embeddedRows) },
      { name: '没有', rows: sheetRows('NO-SUCH', embeddedRows) },
    ])
    const before = await goalCount()
    const preview = (await upload(unitUser, file, true)).json()
    expect(preview.errors.map((e: { sheet: string; row: number; column: string | null; message: string }) => `${e.sheet} 第${e.row}行 ${e.column}：${e.message}`)).toEqual([
      '坏 第8行 权重：权重“x”不是有效的数字',
      '坏 第9行 指标值：指标值不能为空',
      '性质 第6行 指标值：定量指标缺少数值',
      `越权 第2行 项目编码：2026 年度编码为 ${far.code} 的项目不存在或不在您的权限范围内`,
      '没有 第2行 项目编码：2026 年度编码为 NO-SUCH 的项目不存在或不在您的权限范围内',
    ])
    expect(preview).toMatchObject({ total: 5, toCreate: 1, errorCount: 5 })
    expect(preview.rows[0]).toMatchObject({ sheet: '好', errors: [] })

    const english = (await upload(unitUser, file, true, { lang: 'en' })).json()
    expect(english.errors[2].message).toBe('A quantitative indicator needs a number')

    const commit = await upload(unitUser, file, false)
    expect(commit.statusCode).toBe(422)
    expect(commit.json().error).toMatchObject({ code: 'IMPORT_INVALID', message: '申报表有 5 处错误，未写入任何数据' })
    expect(commit.json().error.details).toEqual(preview.errors)
    expect(await goalCount()).toBe(before)
  })

  test('two sheets of one project: the second is refused', async () => {
    const project = await t.make.project({ unit: school })
    const file = await workbook([{ name: '一', rows: sheetRows(project.code, embeddedRows) }, { name: '二', rows: sheetRows(project.code, embeddedRows) }])
    const preview = (await upload(unitUser, file, true)).json()
    expect(preview.errors).toEqual([expect.objectContaining({ sheet: '二', row: 2, message: '与工作表“一”是同一项目：一个项目每年只有一份绩效目标' })])
  })

  test('files that are not a 申报表: CSV and broken files are 415, no 申报表 sheet is a file error, missing and empty files are 400', async () => {
    expect((await upload(unitUser, Buffer.from('项目编码,指标值\r\nP1,≥95%\r\n'), true, { fileName: 'a.csv', type: 'text/csv' })).statusCode).toBe(415)
    const none = (await upload(unitUser, await workbook([{ name: '说明', rows: [['无']] }]), true)).json()
    expect(none.errors).toEqual([expect.objectContaining({ sheet: '', row: 1, message: expect.stringContaining('找不到绩效目标申报表') })])
    const broken = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(64, 7)])
    expect((await upload(unitUser, broken, true)).json().error).toMatchObject({ code: 'UNSUPPORTED_FILE', message: '文件无法读取，请确认是有效的 .xlsx 文件' })
    expect((await upload(unitUser, Buffer.alloc(0), true)).json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: 'file', message: '文件为空' }] })
    expect((await upload(unitUser, Buffer.alloc(10 * 1024 * 1024 + 1, 1), true)).statusCode).toBe(413)
  })

  test('the template downloads and its samples import as nothing', async () => {
    const { res, content } = await download(unitUser, '/api/goals/import-template?fiscalYear=2026')
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe(XLSX)
    const preview = (await upload(unitUser, content, true)).json()
    expect(preview.errors.map((e: { message: string }) => e.message)).toEqual(['项目编码不能为空'])
  })
})

describe('exporting 申报表', () => {
  test('a goal exported and imported into another project of the year keeps its indicators exactly', async () => {
    const source = await t.make.project({ unit: school })
    const target = await t.make.project({ unit: school, name: '2026年教师培训项目（二期）' })
    const indicators = [
      ...goodGoalIndicators(),
      { level1: '产出指标', level2: '成本指标', name: '人均成本', indicatorId: null, nature: '<=' as const, target: '800', unit: '元/人', mediumTermTarget: '≤2400元/人', weight: '12.5', valueBasis: 'history' as const, scoringRule: '超出不得分' },
      { level1: '产出指标', level2: '质量指标', name: '达标率区间', indicatorId: null, nature: '>=' as const, target: '95～100', unit: '%', mediumTermTarget: null, weight: null, valueBasis: 'industry' as const, scoringRule: '' },
    ]
    const goal = await t.make.goal({ project: source, indicators })
    const original = (await (await t.as(unitUser)).get(`/api/goals/${goal.id}`)).json()

    const { res, content } = await download(viewer, `/api/goals/${goal.id}/declaration.xlsx`)
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-disposition']).toContain('.xlsx')
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(content as unknown as Parameters<typeof book.xlsx.load>[0])
    const sheet = book.worksheets[0]!
    let codeCell: ExcelJS.Cell | undefined
    sheet.eachRow((row) => row.eachCell((cell) => {
      if (cell.value === '项目编码') codeCell = row.getCell(Number(cell.col) + 1)
    }))
    expect(codeCell!.value).toBe(source.code)
    codeCell!.value = target.code

    const commit = await upload(unitUser, Buffer.from(await book.xlsx.writeBuffer()), false)
    expect(commit.statusCode).toBe(200)
    const copy = (await (await t.as(unitUser)).get(`/api/goals/${commit.json().goals[0].id}`)).json()
    expect(copy).toMatchObject({ projectId: target.id, name: target.name, overallTarget: original.overallTarget, mediumTermTarget: original.mediumTermTarget, annualTarget: original.annualTarget })
    expect(comparable(copy.indicators)).toEqual(comparable(original.indicators))
  })

  test('the department export: a zip of 目录.xlsx and one 申报表 file a project goal in scope and filter', async () => {
    const year = 2031
    const projects = [
      await t.make.project({ unit: school, fiscalYear: year, name: `${year}年教师培训项目` }),
      await t.make.project({ unit: school, fiscalYear: year, name: `${year}年校舍维修/改造项目` }),
      await t.make.project({ unit: school, fiscalYear: year, name: `${year}年课后服务项目` }),
    ]
    for (const project of projects) await t.make.goal({ project })
    await t.make.goal({ project: await t.make.project({ unit: farUnit, fiscalYear: year }) })
    const { res, content } = await download(viewer, `/api/goals/declarations.zip?fiscalYear=${year}&status=draft&departmentCode=${edu.code}`)
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('application/zip')
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent(`绩效目标申报表-${year}.zip`)}`)
    const entries = unzip(content)
    // Chinese names are flagged UTF-8 (general purpose bit 11), or Windows shows them garbled.
    expect(entries.every((e) => e.utf8)).toBe(true)
    const files = entries.slice(1)
    expect(entries[0]!.name).toBe('目录.xlsx')
    expect(files.map((e) => e.name.slice(0, 5))).toEqual(['0001-', '0002-', '0003-'])
    expect(files.map((e) => e.name.slice(5)).sort()).toEqual(projects.map((p) => `${p.code}-${p.name.replace('/', '_')}.xlsx`).sort())

    const [list] = await readWorkbook(entries[0]!.content)
    expect(list!.rows[0]!.cells.slice(0, 3)).toEqual(['序号', '项目编码', '项目名称'])
    const listed = list!.rows.slice(1).map((r) => ({ code: String(r.cells[1]), file: String(r.cells.at(-1)) }))
    expect(listed.map((r) => r.file)).toEqual(files.map((e) => e.name))
    for (const [i, entry] of files.entries()) {
      const sheets = await readWorkbook(entry.content)
      expect(sheets).toHaveLength(1)
      expect(sheets[0]!.rows[0]!.cells[0]).toBe(`项目支出绩效目标申报表（${year}年度）`)
      expect(sheets[0]!.rows.flatMap((r) => r.cells)).toContain(listed[i]!.code)
    }
    const empty = unzip((await download(viewer, `/api/goals/declarations.zip?fiscalYear=${year}&status=approved`)).content)
    expect(empty.map((e) => e.name)).toEqual(['目录.xlsx'])

    const far = await t.make.goal({ project: await t.make.project({ unit: farUnit }) })
    expect((await download(viewer, `/api/goals/${far.id}/declaration.xlsx`)).res.statusCode).toBe(404)
  })
})
