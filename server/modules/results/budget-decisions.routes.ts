import { budgetDecisionSubjectLabels, budgetProposalActionLabels } from '../../../domain/results.ts'
import type { App, Deps } from '../../app.ts'
import { authorize } from '../../http/context.ts'
import { fetchPage } from '../../http/paging.ts'
import { recordExport } from '../../platform/audit-access.ts'
import { type ExcelColumn, sendXlsx } from '../../platform/excel.ts'
import { countDecisions, listDecisions } from './budget-decisions.repository.ts'
import { DecideBody, DecisionExportQuery, DecisionIdParams, DecisionListQuery, GenerateBody, ProjectIdParams } from './budget-decisions.schemas.ts'
import { decideBudget, decisionForProject, getDecision, startGeneration, toDecisionView } from './budget-decisions.service.ts'

const EXPORT_LIMIT = 50_000
type ListRow = Awaited<ReturnType<ReturnType<typeof listDecisions>['execute']>>[number]
const money = (value: string | null) => (value === null ? null : Number(value))

/** The 预算编制 hand-off: every decision of the filter (one department with `departmentCode`), decided or proposed. */
const exportColumns: ExcelColumn<ListRow>[] = [
  { header: '预算年度', value: (r) => r.fiscalYear, width: 10 },
  { header: '对象类别', value: (r) => budgetDecisionSubjectLabels[r.subjectKind].zh, width: 14 },
  { header: '对象', value: (r) => r.projectName ?? r.subjectName, width: 24 },
  { header: '主管部门', value: (r) => r.departmentName, width: 20 },
  { header: '预算单位', value: (r) => r.unitName, width: 22 },
  { header: '项目编码', value: (r) => r.projectCode, width: 22 },
  { header: '项目名称', value: (r) => r.projectName, width: 32 },
  { header: '评价年度', value: (r) => r.evaluatedYear, width: 10 },
  { header: '评价等级', value: (r) => r.grade, width: 10 },
  { header: '测算基数（元）', value: (r) => money(r.baseAmount), numFmt: '#,##0.00', width: 18 },
  { header: '建议', value: (r) => budgetProposalActionLabels[r.proposedAction].zh, width: 12 },
  { header: '核减比例（%）', value: (r) => Number(r.cutPercent), numFmt: '0.00', width: 12 },
  { header: '未销号整改（项）', value: (r) => r.openRectifications, width: 12 },
  { header: '建议安排（元）', value: (r) => money(r.proposedAmount), numFmt: '#,##0.00', width: 18 },
  { header: '决定安排（元）', value: (r) => money(r.decidedAmount), numFmt: '#,##0.00', width: 18 },
  { header: '状态', value: (r) => (r.decidedAt ? '已决定' : '待决定'), width: 10 },
  { header: '理由', value: (r) => r.reason, width: 30 },
  { header: '测算说明', value: (r) => (r.explanation as { formula?: string } | null)?.formula ?? '', width: 60 },
]

export async function budgetDecisionRoutes(app: App, { db }: Deps) {
  const tags = ['results-budget']

  app.get('/api/budget-decisions', { schema: { tags, summary: '下年预算安排建议与决定列表', querystring: DecisionListQuery } }, async (req) => {
    const ctx = authorize(req, 'results.read')
    const { page, pageSize, ...filter } = req.query
    const result = await fetchPage(listDecisions(db, ctx.actor, filter), { page, pageSize }, countDecisions(db, ctx.actor, filter))
    return { ...result, items: result.items.map((row) => toDecisionView(ctx, row)) }
  })

  app.get('/api/budget-decisions/export', { schema: { tags, summary: '导出预算安排决定（预算编制交接）', querystring: DecisionExportQuery } }, async (req, reply) => {
    const ctx = authorize(req, 'results.read')
    const rows = await listDecisions(db, ctx.actor, req.query).limit(EXPORT_LIMIT).execute()
    await recordExport(db, ctx, 'budget_decision.export', req.query)
    const name = req.query.departmentCode ? `预算安排决定-${req.query.departmentCode}.xlsx` : '预算安排决定.xlsx'
    return sendXlsx(reply, name, exportColumns, rows)
  })

  app.post('/api/budget-decisions/generate', { schema: { tags, summary: '按评价年度生成下年预算安排建议（后台任务）', body: GenerateBody } }, async (req, reply) =>
    reply.status(201).send(await startGeneration(db, authorize(req, 'budget.decide'), req.body)),
  )

  app.get('/api/budget-decisions/for-project/:projectId', { schema: { tags, summary: '延续项目的上年评价等级、未销号与已销号整改、预算决定', params: ProjectIdParams } }, async (req) =>
    decisionForProject(db, authorize(req, 'results.read'), req.params.projectId),
  )

  app.get('/api/budget-decisions/:id', { schema: { tags, summary: '预算安排决定详情', params: DecisionIdParams } }, async (req) => getDecision(db, authorize(req, 'results.read'), req.params.id))

  app.post('/api/budget-decisions/:id/decide', { schema: { tags, summary: '财政记录下年预算安排决定', params: DecisionIdParams, body: DecideBody } }, async (req) =>
    decideBudget(db, authorize(req, 'budget.decide'), req.params.id, req.body),
  )
}
