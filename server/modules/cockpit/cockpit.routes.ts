import type { App, Deps } from '../../app.ts'
import { authorize } from '../../http/context.ts'
import { readerOf } from '../../http/read-routing.ts'
import { recordExport } from '../../platform/audit-access.ts'
import { type ExcelColumn, sendXlsx } from '../../platform/excel.ts'
import { departmentProjects } from './cockpit.projects.ts'
import { coverageOf, departmentsOf, rollupOf } from './cockpit.rollup.ts'
import { ruleDifferencesOf } from './cockpit.rules.ts'
import { CockpitQuery, CockpitYearQuery, DepartmentParams, JurisdictionParams, RefreshBody } from './cockpit.schemas.ts'
import { startRefresh } from './cockpit.service.ts'

type RollupRow = Awaited<ReturnType<typeof rollupOf>>['rows'][number]
const rate = (value: string | null) => (value === null ? null : Number(value))
const stage = (i: number) => (r: RollupRow) => rate(r.stages[i]!.rate)
const coverage = (i: number) => (r: RollupRow) => rate(r.coverage[i]!.share)
const rollupColumns: ExcelColumn<RollupRow>[] = [
  { header: '区划编码', value: (r) => r.code, width: 12 },
  { header: '区划', value: (r) => r.name, width: 18 },
  { header: '纳入预算项目（个）', value: (r) => r.stages[0]!.of, width: 12 },
  { header: '目标批复率(%)', value: stage(0), width: 12, numFmt: '0.00' },
  { header: '监控填报率(%)', value: stage(1), width: 12, numFmt: '0.00' },
  { header: '自评提交率(%)', value: stage(2), width: 12, numFmt: '0.00' },
  { header: '整改销号率(%)', value: stage(3), width: 12, numFmt: '0.00' },
  { header: '绿灯', value: (r) => r.lights.green, width: 8 },
  { header: '黄灯', value: (r) => r.lights.yellow, width: 8 },
  { header: '红灯', value: (r) => r.lights.red, width: 8 },
  { header: '优', value: (r) => r.grades.优, width: 6 },
  { header: '良', value: (r) => r.grades.良, width: 6 },
  { header: '中', value: (r) => r.grades.中, width: 6 },
  { header: '差', value: (r) => r.grades.差, width: 6 },
  { header: '调整后预算（元）', value: (r) => Number(r.execution.budget), width: 16, numFmt: '#,##0.00' },
  { header: '执行数（元）', value: (r) => Number(r.execution.executed), width: 16, numFmt: '#,##0.00' },
  { header: '执行率(%)', value: (r) => rate(r.execution.executionRate), width: 10, numFmt: '0.00' },
  { header: '时间进度(%)', value: (r) => rate(r.execution.timeProgress), width: 10, numFmt: '0.00' },
  { header: '目标覆盖支出(%)', value: coverage(0), width: 12, numFmt: '0.00' },
  { header: '监控覆盖支出(%)', value: coverage(1), width: 12, numFmt: '0.00' },
  { header: '评价覆盖支出(%)', value: coverage(2), width: 12, numFmt: '0.00' },
  { header: '考核得分', value: (r) => rate(r.assessment?.total ?? null), width: 10, numFmt: '0.00' },
  { header: '考核排名', value: (r) => r.assessment?.rank ?? null, width: 8 },
]

/** 市区联动 and the 驾驶舱 (issue 14, rule 48): read from the summary table; the refresh is a background job. */
export async function cockpitRoutes(app: App, deps: Deps) {
  const { db } = deps
  const reads = readerOf(deps)
  const tags = ['cockpit']

  app.get('/api/cockpit/rollup', { schema: { tags, summary: '市区联动：本级与各下级区划的全过程覆盖、灯色、等级、执行与考核', querystring: CockpitQuery } }, async (req) =>
    rollupOf(reads(req), authorize(req, 'results.read'), req.query),
  )

  app.get('/api/cockpit/rollup/export', { schema: { tags, summary: '导出市区联动汇总表', querystring: CockpitQuery } }, async (req, reply) => {
    const ctx = authorize(req, 'results.read')
    const rollup = await rollupOf(reads(req), ctx, req.query)
    await recordExport(db, ctx, 'cockpit.rollup_export', req.query)
    return sendXlsx(reply, `市区联动汇总_${rollup.jurisdiction.name}_${rollup.fiscalYear}.xlsx`, rollupColumns, rollup.rows)
  })

  app.get('/api/cockpit/jurisdictions/:code/departments', { schema: { tags, summary: '区划本级各部门的全过程覆盖、灯色、等级、执行与考核', params: JurisdictionParams, querystring: CockpitYearQuery } }, async (req) =>
    departmentsOf(reads(req), authorize(req, 'results.read'), req.params.code, req.query.fiscalYear),
  )

  app.get('/api/cockpit/departments/:code/projects', { schema: { tags, summary: '部门的纳入预算项目及其目标、监控、自评、整改和执行', params: DepartmentParams, querystring: CockpitYearQuery } }, async (req) =>
    departmentProjects(reads(req), authorize(req, 'results.read'), req.params.code, req.query.fiscalYear),
  )

  app.get('/api/cockpit/rule-differences', { schema: { tags, summary: '下级区划与上级不同的规则值（生效规则集比较）', querystring: CockpitQuery } }, async (req) =>
    ruleDifferencesOf(reads(req), authorize(req, 'results.read'), req.query),
  )

  app.get('/api/cockpit/coverage', { schema: { tags, summary: '支出覆盖率（PEFA 口径）：目标、监控、评价覆盖的预算金额占比及计算说明', querystring: CockpitQuery } }, async (req) =>
    coverageOf(reads(req), authorize(req, 'results.read'), req.query),
  )

  app.post('/api/cockpit/refresh', { schema: { tags, summary: '刷新驾驶舱汇总（后台任务）', body: RefreshBody } }, async (req, reply) =>
    reply.status(201).send(await startRefresh(db, authorize(req, 'results.manage'), req.body)),
  )
}
