import type { App, Deps } from '../../app.ts'
import { authorize } from '../../http/context.ts'
import { AssessmentIdParams, AssessmentListQuery, OpenAssessmentsBody, PublishBody, ReviewBody, SelfAssessmentBody, VersionBody } from './assessments.schemas.ts'
import { getAssessment, listAssessments, openAssessments } from './assessments.service.ts'
import { publishAssessments, reviewAssessment, saveSelfAssessment, submitSelfAssessment } from './assessments.workflow.ts'

/** 考核 of departments and district bureaus (rule 47). */
export async function assessmentRoutes(app: App, { db }: Deps) {
  const tags = ['results']

  app.get('/api/assessments', { schema: { tags, summary: '考核列表（部门、区财政）', querystring: AssessmentListQuery } }, async (req) => {
    const { page, pageSize, order: _o, ...filter } = req.query
    return listAssessments(db, authorize(req, 'results.read'), filter, { page, pageSize })
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
