import type { App, Deps } from '../../app.ts'
import { authorize } from '../../http/context.ts'
import { readerOf } from '../../http/read-routing.ts'
import { recordExport } from '../../platform/audit-access.ts'
import { type ExcelColumn, sendXlsx } from '../../platform/excel.ts'
import { resultsDashboard } from './results-views.dashboard.ts'
import { departmentResults, listResultDepartments } from './results-views.department.ts'
import { projectResults } from './results-views.project.ts'
import { ResultsDashboardQuery, ResultsDepartmentExportQuery, ResultsDepartmentListQuery, ResultsDepartmentParams, ResultsProjectParams } from './results-views.schemas.ts'

const EXPORT_LIMIT = 50_000
type DepartmentRow = Awaited<ReturnType<typeof listResultDepartments>>['items'][number]
const departmentColumns: ExcelColumn<DepartmentRow>[] = [
  { header: '财政区划', value: (r) => r.jurisdictionName, width: 16 },
  { header: '部门编码', value: (r) => r.code, width: 14 },
  { header: '主管部门', value: (r) => r.name, width: 24 },
  { header: '未销号整改（项）', value: (r) => r.openItems, width: 14 },
  { header: '逾期整改（项）', value: (r) => r.overdueItems, width: 14 },
  { header: '最近考核年度', value: (r) => r.lastAssessmentYear, width: 12 },
  { header: '最近考核等级', value: (r) => r.lastAssessmentGrade, width: 12 },
]

/** The results pages and the dashboard (issue 13 "See it"): read-only, within the actor's scope. */
export async function resultsViewRoutes(app: App, deps: Deps) {
  const { db } = deps
  const reads = readerOf(deps)
  const tags = ['results']

  app.get('/api/results/projects/:projectId', { schema: { tags, summary: '项目绩效结果：历年自评、重点评价、抽查、监控、整改和预算决定（含延续项目各年度）', params: ResultsProjectParams } }, async (req) =>
    projectResults(db, authorize(req, 'results.read'), req.params.projectId),
  )

  app.get('/api/results/departments', { schema: { tags, summary: '部门绩效结果列表（未销号、逾期整改和最近考核等级）', querystring: ResultsDepartmentListQuery } }, async (req) => {
    const { page, pageSize, ...filter } = req.query
    return listResultDepartments(reads(req), authorize(req, 'results.read'), filter, { page, pageSize })
  })

  app.get('/api/results/departments/export', { schema: { tags, summary: '导出部门绩效结果列表', querystring: ResultsDepartmentExportQuery } }, async (req, reply) => {
    const ctx = authorize(req, 'results.read')
    const { items } = await listResultDepartments(reads(req), ctx, req.query, { page: 1, pageSize: EXPORT_LIMIT })
    await recordExport(db, ctx, 'results.departments_export', req.query)
    return sendXlsx(reply, '部门绩效结果.xlsx', departmentColumns, items)
  })

  app.get('/api/results/departments/:orgCode', { schema: { tags, summary: '部门绩效结果：考核历史、未销号整改、预算决定、项目等级分布', params: ResultsDepartmentParams } }, async (req) =>
    departmentResults(db, authorize(req, 'results.read'), req.params.orgCode),
  )

  app.get('/api/results/dashboard', { schema: { tags, summary: '结果应用看板：整改状态、逾期、销号率，预算安排建议与决定金额', querystring: ResultsDashboardQuery } }, async (req) =>
    resultsDashboard(reads(req), authorize(req, 'results.read'), req.query.fiscalYear),
  )
}
