import type { App, Deps } from '../../app.ts'
import { authorize } from '../../http/context.ts'
import { readerOf } from '../../http/read-routing.ts'
import { EvaluationDashboardQuery, evaluationDashboard } from './dashboard.ts'

export async function evaluationDashboardRoutes(app: App, deps: Deps) {
  const reads = readerOf(deps)
  app.get(
    '/api/evaluation/dashboard',
    { schema: { tags: ['evaluation'], summary: '绩效评价看板：自评覆盖率与等级分布（分部门、分地区）、得分分布、抽查差异、重点评价进度', querystring: EvaluationDashboardQuery } },
    async (req) => evaluationDashboard(reads(req), authorize(req, 'evaluation.read'), req.query.fiscalYear),
  )
}
