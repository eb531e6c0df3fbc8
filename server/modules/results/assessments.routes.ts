import type { App, Deps } from '../../app.ts'
import { authorize } from '../../http/context.ts'
import { AssessmentIdParams, AssessmentListQuery, OpenAssessmentsBody } from './assessments.schemas.ts'
import { getAssessment, listAssessments, openAssessments } from './assessments.service.ts'

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
}
