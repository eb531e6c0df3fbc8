import ExcelJS from 'exceljs'
import { type Endpoint, MultipartBody, type Scope, type World } from './endpoints.ts'

/**
 * The 绩效目标申报表 endpoints (template, import, exports) for the endpoint table. An import names its project in a
 * cell of the file, so a project out of scope is a sheet error (422 IMPORT_INVALID), not a missing resource.
 */

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** A 申报表 of one fresh project of the scope's unit, ready to import. */
export async function declarationFile(projectCode: string, fiscalYear = 2026): Promise<Buffer> {
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet('申报表')
  for (const row of [
    [`项目支出绩效目标申报表（${fiscalYear}年度）`],
    ['项目编码', projectCode],
    ['年度目标', '完成培训500人次，参训人员满意度不低于90%。'],
    ['一级指标', '二级指标', '三级指标', '指标值'],
    ['产出指标', '数量指标', '培训人次', '≥500人次'],
    [null, '质量指标', '培训合格率', '≥95%'],
    [null, '时效指标', '培训完成时间', `${fiscalYear}年11月30日前`],
    ['效益指标', '社会效益指标', '参训人员考核优良率', '≥90%'],
    ['满意度指标', '服务对象满意度指标', '参训人员满意度', '≥90%'],
  ]) sheet.addRow(row)
  return Buffer.from(await book.xlsx.writeBuffer())
}

const goalIn = async (w: World, s: Scope) => w.t.make.goal({ project: await w.t.make.project({ unit: w[s].unit }) })

export const goalExcelEndpoints: Endpoint[] = [
  { method: 'GET', route: '/api/goals/import-template', access: 'goal.edit', ok: 200, badQuery: { fiscalYear: 'soon' }, request: async () => ({ url: '/api/goals/import-template' }) },
  {
    method: 'POST',
    route: '/api/goals/import',
    access: 'goal.edit',
    ok: 200,
    target: 'unit',
    scopeRefusal: '422 IMPORT_INVALID',
    request: async (w, s) => {
      const project = await w.t.make.project({ unit: w[s].unit })
      return { url: '/api/goals/import', body: new MultipartBody('绩效目标申报表.xlsx', await declarationFile(project.code), XLSX) }
    },
    badQuery: { dryRun: 'maybe' },
  },
  {
    method: 'GET',
    route: '/api/goals/declarations.zip',
    access: 'goal.read',
    ok: 200,
    badQuery: { departmentCode: 'x'.repeat(100), fiscalYear: 'soon', status: 'gone' },
    request: async () => ({ url: '/api/goals/declarations.zip?fiscalYear=2026' }),
  },
  {
    method: 'GET',
    route: '/api/goals/:id/declaration.xlsx',
    access: 'goal.read',
    ok: 200,
    target: 'unit',
    badParam: 'not-a-uuid',
    request: async (w, s) => ({ url: `/api/goals/${(await goalIn(w, s)).id}/declaration.xlsx` }),
  },
]
