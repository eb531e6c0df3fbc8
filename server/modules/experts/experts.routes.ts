import type { App, Deps } from '../../app.ts'
import { authorize } from '../../http/context.ts'
import { recordExport } from '../../platform/audit-access.ts'
import { type ExcelColumn, sendXlsx } from '../../platform/excel.ts'
import { CreateExpertBody, DrawBody, DrawListQuery, ExpertIdParams, ExpertListQuery, ExpertRelationBody, SheetBody, UpdateExpertBody } from './experts.schemas.ts'
import { addExpertRelation, createExpert, drawForEvaluation, getDraw, getExpert, listDraws, listExpertRows, listExperts, saveSheet, updateExpert } from './experts.service.ts'

type ExpertRow = Awaited<ReturnType<ReturnType<typeof listExpertRows>['execute']>>[number]
const columns: ExcelColumn<ExpertRow>[] = [
  { header: '姓名', value: (r) => r.name, width: 12 },
  { header: '专业领域', value: (r) => r.fields.join('、'), width: 30 },
  { header: '工作单位', value: (r) => r.affiliation || r.affiliationName, width: 30 },
  { header: '职称', value: (r) => r.title, width: 16 },
  { header: '联系电话', value: (r) => r.phone, width: 16 },
  { header: '状态', value: (r) => (r.active ? '在库' : '已停用'), width: 10 },
]

/** 专家库: the pool, declared relations, seeded draws with avoidance, and score sheets. */
export async function expertRoutes(app: App, { db }: Deps) {
  const tags = ['experts']
  const drawReader = (req: { actor: { permissions: ReadonlySet<string> } | null }) => (req.actor?.permissions.has('evaluation.expert_score') ? 'evaluation.expert_score' : 'expert.read')

  app.get('/api/experts', { schema: { tags, summary: '专家库', querystring: ExpertListQuery } }, async (req) => {
    const ctx = authorize(req, 'expert.read')
    const { page, pageSize, ...filter } = req.query
    return listExperts(db, ctx, filter, { page, pageSize })
  })

  app.get('/api/experts/export', { schema: { tags, summary: '导出专家库', querystring: ExpertListQuery } }, async (req, reply) => {
    const ctx = authorize(req, 'expert.read')
    const { page: _p, pageSize: _s, ...filter } = req.query
    await recordExport(db, ctx, 'expert.export', filter)
    return sendXlsx(reply, '专家库.xlsx', columns, await listExpertRows(db, ctx.actor, filter).limit(10_000).execute())
  })

  app.post('/api/experts', { schema: { tags, summary: '新增专家', body: CreateExpertBody } }, async (req, reply) => reply.status(201).send(await createExpert(db, authorize(req, 'expert.manage'), req.body)))

  app.post('/api/experts/draw', { schema: { tags, summary: '为重点评价随机抽取专家（记录种子与候选名单）', body: DrawBody } }, async (req, reply) =>
    reply.status(201).send(await drawForEvaluation(db, authorize(req, 'expert.draw'), req.body)),
  )

  app.get('/api/experts/draws', { schema: { tags, summary: '专家抽取记录（专家仅见抽中本人的）', querystring: DrawListQuery } }, async (req) => {
    const ctx = authorize(req, drawReader(req))
    const { page, pageSize, ...filter } = req.query
    return listDraws(db, ctx, filter, { page, pageSize })
  })

  app.get('/api/experts/draws/:id', { schema: { tags, summary: '抽取结果、回避名单与评分表对比', params: ExpertIdParams } }, async (req) => getDraw(db, authorize(req, drawReader(req)), req.params.id))

  app.put('/api/experts/draws/:id/sheet', { schema: { tags, summary: '专家填写或提交本人评分表', params: ExpertIdParams, body: SheetBody } }, async (req) =>
    saveSheet(db, authorize(req, 'evaluation.expert_score'), req.params.id, req.body),
  )

  app.get('/api/experts/:id', { schema: { tags, summary: '专家档案', params: ExpertIdParams } }, async (req) => getExpert(db, authorize(req, 'expert.read'), req.params.id))

  app.patch('/api/experts/:id', { schema: { tags, summary: '修改专家', params: ExpertIdParams, body: UpdateExpertBody } }, async (req) => updateExpert(db, authorize(req, 'expert.manage'), req.params.id, req.body))

  app.post('/api/experts/:id/relations', { schema: { tags, summary: '登记专家的关联关系', params: ExpertIdParams, body: ExpertRelationBody } }, async (req, reply) =>
    reply.status(201).send(await addExpertRelation(db, authorize(req, 'expert.manage'), req.params.id, req.body)),
  )
}
