import fastifyMultipart from '@fastify/multipart'
import { chinaDay } from '../../../domain/corrective-actions.ts'
import { correctiveActionKindLabels, correctiveActionStatusLabels } from '../../../domain/monitoring.ts'
import type { App, Deps } from '../../app.ts'
import { authorize } from '../../http/context.ts'
import { AppError } from '../../http/errors.ts'
import { fetchPage } from '../../http/paging.ts'
import { recordExport } from '../../platform/audit-access.ts'
import { type ExcelColumn, sendXlsx } from '../../platform/excel.ts'
import { readFileContent, sendDownload } from '../../platform/files.ts'
import { attachFileToAction } from './actions.files.ts'
import { countActions, filesOfAction, listActions } from './actions.repository.ts'
import {
  ActionExportQuery,
  ActionFileParams,
  ActionIdParams,
  ActionListQuery,
  ActionOpinionBody,
  HoldsQuery,
  IssueActionBody,
  ProposalQuery,
  RespondActionBody,
  ReturnActionBody,
} from './actions.schemas.ts'
import { closeAction, getAction, issueAction, liftAction, respondToAction, returnAction } from './actions.service.ts'
import { holdsInForce, redFormsWithoutAction, visibleRound } from './actions.targets.ts'

const EXPORT_LIMIT = 20_000
type ListRow = Awaited<ReturnType<ReturnType<typeof listActions>['execute']>>[number]

const exportColumns: ExcelColumn<ListRow>[] = [
  { header: '措施类型', value: (r) => correctiveActionKindLabels[r.kind].zh, width: 14 },
  { header: '标题', value: (r) => r.title, width: 36 },
  { header: '项目编码', value: (r) => r.projectCode, width: 22 },
  { header: '项目名称', value: (r) => r.projectName, width: 32 },
  { header: '主管部门', value: (r) => r.departmentName, width: 20 },
  { header: '预算单位', value: (r) => r.unitName, width: 22 },
  { header: '金额（元）', value: (r) => (r.amount === null ? null : Number(r.amount)), numFmt: '#,##0.00', width: 16 },
  { header: '答复期限', value: (r) => r.dueOn, width: 12 },
  { header: '状态', value: (r) => correctiveActionStatusLabels[r.status].zh, width: 10 },
  { header: '已解除', value: (r) => (r.liftedAt ? '是' : ''), width: 8 },
  { header: '发出单位', value: (r) => r.issuerOrgName, width: 20 },
  { header: '发出时间', value: (r) => r.createdAt, width: 20 },
]

export async function correctiveActionRoutes(app: App, { db, config }: Deps) {
  const tags = ['monitoring-actions']
  const maxBytes = config.uploadLimits.attachmentBytes
  await app.register(fastifyMultipart, { limits: { fileSize: maxBytes, files: 1, fields: 5, parts: 10 } })

  app.get('/api/monitoring/actions', { schema: { tags, summary: '纠偏措施列表', querystring: ActionListQuery } }, async (req) => {
    const ctx = authorize(req, 'monitoring.read')
    const { page, pageSize, ...filter } = req.query
    const today = chinaDay(ctx.now)
    return fetchPage(listActions(db, ctx.actor, filter, today), { page, pageSize }, countActions(db, ctx.actor, filter, today))
  })

  app.get('/api/monitoring/actions/export', { schema: { tags, summary: '导出纠偏措施列表', querystring: ActionExportQuery } }, async (req, reply) => {
    const ctx = authorize(req, 'monitoring.read')
    const rows = await listActions(db, ctx.actor, req.query, chinaDay(ctx.now)).limit(EXPORT_LIMIT).execute()
    await recordExport(db, ctx, 'corrective_action.export', req.query)
    return sendXlsx(reply, '纠偏措施.xlsx', exportColumns, rows)
  })

  app.get('/api/monitoring/actions/proposals', { schema: { tags, summary: '红灯项目纠偏提示（尚无未办结措施的红灯监控表）', querystring: ProposalQuery } }, async (req) => {
    const ctx = authorize(req, 'monitoring.act')
    const round = await visibleRound(db, ctx.actor, req.query.roundId)
    if (!round) throw new AppError('NOT_FOUND')
    return { round, items: await redFormsWithoutAction(db, ctx.actor, round.id).execute() }
  })

  app.post('/api/monitoring/actions', { schema: { tags, summary: '发出纠偏措施', body: IssueActionBody } }, async (req, reply) =>
    reply.status(201).send(await issueAction(db, authorize(req, 'monitoring.act'), req.body)),
  )

  app.get('/api/monitoring/actions/:id', { schema: { tags, summary: '纠偏措施详情（含办理过程）', params: ActionIdParams } }, async (req) =>
    getAction(db, authorize(req, 'monitoring.read'), req.params.id),
  )

  app.post('/api/monitoring/actions/:id/respond', { schema: { tags, summary: '单位书面答复（可附已上传的附件）', params: ActionIdParams, body: RespondActionBody } }, async (req) =>
    respondToAction(db, authorize(req, 'monitoring.fill'), req.params.id, req.body),
  )

  app.post('/api/monitoring/actions/:id/return', { schema: { tags, summary: '退回答复，要求补充', params: ActionIdParams, body: ReturnActionBody } }, async (req) =>
    returnAction(db, authorize(req, 'monitoring.act'), req.params.id, req.body),
  )

  app.post('/api/monitoring/actions/:id/close', { schema: { tags, summary: '办结', params: ActionIdParams, body: ActionOpinionBody } }, async (req) =>
    closeAction(db, authorize(req, 'monitoring.act'), req.params.id, req.body),
  )

  app.post('/api/monitoring/actions/:id/lift', { schema: { tags, summary: '解除暂缓/停止拨款或暂停实施', params: ActionIdParams, body: ActionOpinionBody } }, async (req) =>
    liftAction(db, authorize(req, 'monitoring.act'), req.params.id, req.body),
  )

  app.post('/api/monitoring/actions/:id/files', { schema: { tags, summary: '上传答复附件（multipart，字段 file）', params: ActionIdParams } }, async (req, reply) =>
    reply.status(201).send(await attachFileToAction(db, authorize(req, 'monitoring.fill'), req.params.id, req, maxBytes)),
  )

  app.get('/api/monitoring/actions/:id/files/:fileId/download', { schema: { tags, summary: '下载答复附件', params: ActionFileParams } }, async (req, reply) => {
    const ctx = authorize(req, 'monitoring.read')
    await getAction(db, ctx, req.params.id)
    const file = (await filesOfAction(db, req.params.id)).has(req.params.fileId) ? await readFileContent(db, req.params.fileId) : undefined
    if (!file) throw new AppError('NOT_FOUND')
    await recordExport(db, ctx, 'corrective_action.download_file', req.params.fileId)
    return sendDownload(reply, { ...file, content: Buffer.from(file.content) })
  })

  app.get('/api/execution/holds', { schema: { tags: ['execution'], summary: '在执行的暂缓/停止拨款（供国库集中支付系统读取）', querystring: HoldsQuery } }, async (req) => {
    const ctx = authorize(req, 'execution.push')
    const { page, pageSize, order: _o, ...filter } = req.query
    return fetchPage(holdsInForce(db, ctx.actor, filter), { page, pageSize })
  })
}
