import type { App, Deps } from '../../app.ts'
import { authorize } from '../../http/context.ts'
import { resultsDashboard } from './results-views.dashboard.ts'
import { departmentResults, listResultDepartments } from './results-views.department.ts'
import { projectResults } from './results-views.project.ts'
import { ResultsDashboardQuery, ResultsDepartmentListQuery, ResultsDepartmentParams, ResultsProjectParams } from './results-views.schemas.ts'

/** The results pages and the dashboard (issue 13 "See it"): read-only, within the actor's scope. */
export async function resultsViewRoutes(app: App, { db }: Deps) {
  const tags = ['results']

  app.get('/api/results/projects/:projectId', { schema: { tags, summary: '项目绩效结果：历年自评、重点评价、抽查、监控、整改和预算决定（含延续项目各年度）', params: ResultsProjectParams } }, async (req) =>
    projectResults(db, authorize(req, 'results.read'), req.params.projectId),
  )

  app.get('/api/results/departments', { schema: { tags, summary: '部门绩效结果列表（未销号、逾期整改和最近考核等级）', querystring: ResultsDepartmentListQuery } }, async (req) => {
    const { page, pageSize, ...filter } = req.query
    return listResultDepartments(db, authorize(req, 'results.read'), filter, { page, pageSize })
  })

  app.get('/api/results/departments/:orgCode', { schema: { tags, summary: '部门绩效结果：考核历史、未销号整改、预算决定、项目等级分布', params: ResultsDepartmentParams } }, async (req) =>
    departmentResults(db, authorize(req, 'results.read'), req.params.orgCode),
  )

  app.get('/api/results/dashboard', { schema: { tags, summary: '结果应用看板：整改状态、逾期、销号率，预算安排建议与决定金额', querystring: ResultsDashboardQuery } }, async (req) =>
    resultsDashboard(db, authorize(req, 'results.read'), req.query.fiscalYear),
  )
}
