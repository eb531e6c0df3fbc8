import { assessmentStatusLabels } from '../../../domain/assessment.ts'
import type { App, Deps } from '../../app.ts'
import { authorize } from '../../http/context.ts'
import { recordExport } from '../../platform/audit-access.ts'
import { type ExcelColumn, sendXlsx } from '../../platform/excel.ts'
import { AssessmentExportQuery, AssessmentIdParams, AssessmentListQuery, OpenAssessmentsBody, PublishBody, ReviewBody, SelfAssessmentBody, VersionBody } from './assessments.schemas.ts'
import { exportAssessments, getAssessment, listAssessments, openAssessments } from './assessments.service.ts'
import { publishAssessments, reviewAssessment, saveSelfAssessment, submitSelfAssessment } from './assessments.workflow.ts'

const EXPORT_LIMIT = 20_000
type View = Awaited<ReturnType<typeof exportAssessments>>[number]

const exportColumns: ExcelColumn<View>[] = [
  { header: '考核年度', value: (r) => r.fiscalYear, width: 10 },
  { header: '被考核单位', value: (r) => r.orgName, width: 28 },
  { header: '类别', value: (r) => (r.orgKind === 'department' ? '部门' : '区财政'), width: 10 },
  { header: '状态', value: (r) => assessmentStatusLabels[r.status].zh, width: 12 },
  { header: '自评截止', value: (r) => String(r.dueOn).slice(0, 10), width: 12 },
  { header: '总分', value: (r) => r.total ?? '', width: 10 },
  { header: '等级', value: (r) => r.grade ?? '', width: 8 },
  { header: '排名', value: (r) => r.rank ?? '', width: 8 },
  { header: '结果运用', value: (r) => (r.consequence === 'interview' ? '约谈' : r.consequence === 'none' ? '无' : ''), width: 10 },
  { header: '计分说明', value: (r) => (r.totalExplanation as { formula?: string } | null)?.formula ?? '', width: 48 },
]

/** 考核 of departments and district bureaus (rule 47). */
export async function assessmentRoutes(app: App, { db }: Deps) {
  const tags = ['results']

  app.get('/api/assessments', { schema: { tags, summary: '考核列表（部门、区财政）', querystring: AssessmentListQuery } }, async (req) => {
    const { page, pageSize, ...filter } = req.query
    return listAssessments(db, authorize(req, 'results.read'), filter, { page, pageSize })
  })

  app.get('/api/assessments/export', { schema: { tags, summary: '导出考核结果（排名、总分、等级）', querystring: AssessmentExportQuery } }, async (req, reply) => {
    const ctx = authorize(req, 'results.read')
    const rows = await exportAssessments(db, ctx, req.query, EXPORT_LIMIT)
    await recordExport(db, ctx, 'results.assessment_export', req.query)
    return sendXlsx(reply, '考核结果.xlsx', exportColumns, rows)
  })

  app.post('/api/assessments/open', { schema: { tags, summary: '启动年度考核：为本级各部门和下级区财政生成考核表，系统可算项目即时计分', body: OpenAssessmentsBody } }, async (req, reply) =>
    reply.status(201).send(await openAssessments(db, authorize(req, 'results.manage'), req.body)),
  )

  app.get('/api/assessments/:id', { schema: { tags, summary: '考核详情（各考核项分值、得分、计算说明）', params: AssessmentIdParams } }, async (req) => getAssessment(db, authorize(req, 'results.read'), req.params.id))

  app.post('/api/assessments/publish', { schema: { tags, summary: '考核排名并通报（本级全部考核须已复核）', body: PublishBody } }, async (req) => publishAssessments(db, authorize(req, 'results.manage'), req.body))

  // The assessed org self-assesses (a department with results.respond, a district bureau with results.manage); the service checks which.
  app.put('/api/assessments/:id/self', { schema: { tags, summary: '考核自评：佐证项、加分项、扣分项自评得分和说明', params: AssessmentIdParams, body: SelfAssessmentBody } }, async (req) =>
    saveSelfAssessment(db, authorize(req, 'results.read'), req.params.id, req.body),
  )

  app.post('/api/assessments/:id/submit', { schema: { tags, summary: '提交考核自评', params: AssessmentIdParams, body: VersionBody } }, async (req) => submitSelfAssessment(db, authorize(req, 'results.read'), req.params.id, req.body))

  app.post('/api/assessments/:id/review', { schema: { tags, summary: '财政逐项复核，计算总分和等级', params: AssessmentIdParams, body: ReviewBody } }, async (req) => reviewAssessment(db, authorize(req, 'results.manage'), req.params.id, req.body))
}
