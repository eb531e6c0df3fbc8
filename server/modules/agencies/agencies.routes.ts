import { agencyCreditStatusLabels, agencyTypeLabels } from '../../../domain/evaluation.ts'
import type { FastifyRequest } from 'fastify'
import type { App, Deps } from '../../app.ts'
import { authorize } from '../../http/context.ts'
import { recordExport } from '../../platform/audit-access.ts'
import { type ExcelColumn, sendXlsx } from '../../platform/excel.ts'
import { listAgencies as listAgencyRows } from './agencies.repository.ts'
import {
  AgencyIdParams,
  AgencyListQuery,
  CreateAgencyBody,
  EngagementBody,
  EngagementIdParams,
  EngagementListQuery,
  IndependenceQuery,
  RatingBody,
  RelationBody,
  RelationParams,
  UpdateAgencyBody,
  UpdateEngagementBody,
  ViolationBody,
} from './agencies.schemas.ts'
import {
  addRelation,
  addViolation,
  checkIndependence,
  createAgency,
  engageAgency,
  getAgency,
  getEngagement,
  listAgencies,
  listEngagements,
  rateEngagement,
  removeRelation,
  updateAgency,
  updateEngagement,
} from './agencies.service.ts'

type AgencyListRow = Awaited<ReturnType<ReturnType<typeof listAgencyRows>['execute']>>[number]
const columns: ExcelColumn<AgencyListRow>[] = [
  { header: '机构名称', value: (r) => r.name, width: 36 },
  { header: '统一社会信用代码', value: (r) => r.creditCode, width: 22 },
  { header: '机构类型', value: (r) => agencyTypeLabels[r.type].zh, width: 16 },
  { header: '从业人员', value: (r) => r.staffCount, width: 10 },
  { header: '信用状态', value: (r) => agencyCreditStatusLabels[r.creditStatus].zh, width: 10 },
  { header: '重大违规（条）', value: (r) => Number(r.majorViolations ?? 0), width: 12 },
  { header: '受托评价（项）', value: (r) => Number(r.engagementCount ?? 0), width: 12 },
  { header: '平均质量评分', value: (r) => (r.averageRating === null || r.averageRating === undefined ? null : Number(Number(r.averageRating).toFixed(2))), width: 12 },
  { header: '联系人', value: (r) => r.contactPerson, width: 12 },
  { header: '联系电话', value: (r) => r.contactPhone, width: 16 },
  { header: '资质', value: (r) => r.qualifications, width: 40 },
  { header: '登记财政部门', value: (r) => r.jurisdictionName, width: 20 },
]

/** The finance bureau engages with agency.manage; a department running its own 部门评价 with evaluation.key (the service checks which evaluation). */
const commissioning = (req: FastifyRequest) => (req.actor?.permissions.has('agency.manage') ? 'agency.manage' : 'evaluation.key')

/** 第三方机构: the register, relations, violations, the independence check and engagements (rules 44–45). */
export async function agencyRoutes(app: App, { db }: Deps) {
  const tags = ['agencies']

  app.get('/api/agencies', { schema: { tags, summary: '第三方机构名录', querystring: AgencyListQuery } }, async (req) => {
    const ctx = authorize(req, 'agency.read')
    const { page, pageSize, ...filter } = req.query
    return listAgencies(db, ctx, filter, { page, pageSize })
  })

  app.get('/api/agencies/export', { schema: { tags, summary: '导出第三方机构名录', querystring: AgencyListQuery } }, async (req, reply) => {
    const ctx = authorize(req, 'agency.read')
    const { page: _p, pageSize: _s, ...filter } = req.query
    await recordExport(db, ctx, 'agency.export', filter)
    return sendXlsx(reply, '第三方机构名录.xlsx', columns, await listAgencyRows(db, ctx.actor, filter).limit(10_000).execute())
  })

  app.post('/api/agencies', { schema: { tags, summary: '登记第三方机构', body: CreateAgencyBody } }, async (req, reply) => reply.status(201).send(await createAgency(db, authorize(req, 'agency.manage'), req.body)))

  app.get('/api/agencies/engagements', { schema: { tags, summary: '委托评价记录（第三方机构用户仅见本机构）', querystring: EngagementListQuery } }, async (req) => {
    const ctx = authorize(req, req.actor?.permissions.has('evaluation.agency_work') ? 'evaluation.agency_work' : 'agency.read')
    const { page, pageSize, ...filter } = req.query
    return listEngagements(db, ctx, filter, { page, pageSize })
  })

  app.get('/api/agencies/engagements/:id', { schema: { tags, summary: '委托评价详情（含被评价事项）', params: EngagementIdParams } }, async (req) =>
    getEngagement(db, authorize(req, req.actor?.permissions.has('evaluation.agency_work') ? 'evaluation.agency_work' : 'agency.read'), req.params.id),
  )

  app.patch('/api/agencies/engagements/:id', { schema: { tags, summary: '修改委托（状态、合同、转包标记）', params: EngagementIdParams, body: UpdateEngagementBody } }, async (req) =>
    updateEngagement(db, authorize(req, commissioning(req)), req.params.id, req.body),
  )

  app.post('/api/agencies/engagements/:id/rating', { schema: { tags, summary: '委托方评价机构工作质量（1–5 分）', params: EngagementIdParams, body: RatingBody } }, async (req) =>
    rateEngagement(db, authorize(req, commissioning(req)), req.params.id, req.body),
  )

  app.get('/api/agencies/:id', { schema: { tags, summary: '第三方机构档案', params: AgencyIdParams } }, async (req) => getAgency(db, authorize(req, 'agency.read'), req.params.id))

  app.patch('/api/agencies/:id', { schema: { tags, summary: '修改第三方机构', params: AgencyIdParams, body: UpdateAgencyBody } }, async (req) => updateAgency(db, authorize(req, 'agency.manage'), req.params.id, req.body))

  app.post('/api/agencies/:id/relations', { schema: { tags, summary: '登记机构的关联关系', params: AgencyIdParams, body: RelationBody } }, async (req, reply) =>
    reply.status(201).send(await addRelation(db, authorize(req, 'agency.manage'), req.params.id, req.body)),
  )

  app.delete('/api/agencies/:id/relations/:relationId', { schema: { tags, summary: '删除机构的关联关系', params: RelationParams } }, async (req, reply) => {
    await removeRelation(db, authorize(req, 'agency.manage'), req.params.id, req.params.relationId)
    return reply.status(204).send()
  })

  app.post('/api/agencies/:id/violations', { schema: { tags, summary: '登记机构的违规记录', params: AgencyIdParams, body: ViolationBody } }, async (req, reply) =>
    reply.status(201).send(await addViolation(db, authorize(req, 'agency.manage'), req.params.id, req.body)),
  )

  app.get('/api/agencies/:id/independence', { schema: { tags, summary: '独立性审查（不保存）', params: AgencyIdParams, querystring: IndependenceQuery } }, async (req) =>
    checkIndependence(db, authorize(req, 'agency.read'), req.params.id, req.query.keyEvaluationId),
  )

  app.post('/api/agencies/:id/engagements', { schema: { tags, summary: '委托第三方机构承担重点评价（独立性审查不通过时 422 AGENCY_CONFLICT）', params: AgencyIdParams, body: EngagementBody } }, async (req, reply) =>
    reply.status(201).send(await engageAgency(db, authorize(req, commissioning(req)), req.params.id, req.body)),
  )
}
