import fastifyMultipart from '@fastify/multipart'
import { chinaDay } from '../../../domain/corrective-actions.ts'
import { escalationLevelLabels, findingOriginLabels, rectificationSourceLabels, rectificationStatusLabels } from '../../../domain/results.ts'
import type { App, Deps } from '../../app.ts'
import { authorize } from '../../http/context.ts'
import { AppError } from '../../http/errors.ts'
import { fetchPage } from '../../http/paging.ts'
import { recordExport } from '../../platform/audit-access.ts'
import { type ExcelColumn, sendXlsx } from '../../platform/excel.ts'
import { readFileContent, sendDownload } from '../../platform/files.ts'
import { attachEvidence, evidenceFile } from './rectifications.files.ts'
import { countRectifications, listRectifications } from './rectifications.repository.ts'
import {
  CreateRectificationBody,
  RectificationExportQuery,
  RectificationFileParams,
  RectificationIdParams,
  RectificationListQuery,
  RespondRectificationBody,
  ReturnRectificationBody,
  VerifyRectificationBody,
} from './rectifications.schemas.ts'
import {
  closeRectification,
  createRectification,
  getRectification,
  respondRectification,
  returnRectification,
  rulesCache,
  toView,
  verifyRectification,
} from './rectifications.service.ts'

const EXPORT_LIMIT = 20_000
type View = Awaited<ReturnType<typeof toView>>

const exportColumns: ExcelColumn<View>[] = [
  { header: '来源', value: (r) => (r.origin ? `${rectificationSourceLabels[r.sourceType].zh}（${findingOriginLabels[r.origin].zh}）` : rectificationSourceLabels[r.sourceType].zh), width: 22 },
  { header: '年度', value: (r) => r.fiscalYear, width: 8 },
  { header: '项目编码', value: (r) => r.projectCode, width: 22 },
  { header: '项目名称', value: (r) => r.projectName, width: 32 },
  { header: '主管部门', value: (r) => r.departmentName, width: 20 },
  { header: '整改责任单位', value: (r) => r.ownerName, width: 22 },
  { header: '发现的问题', value: (r) => r.problem, width: 48 },
  { header: '整改要求', value: (r) => r.requiredMeasure, width: 36 },
  { header: '整改期限', value: (r) => r.dueOn, width: 12 },
  { header: '状态', value: (r) => rectificationStatusLabels[r.status].zh, width: 12 },
  { header: '逾期', value: (r) => (r.escalation.daysOverdue > 0 ? `${escalationLevelLabels[r.escalation.level].zh} ${r.escalation.daysOverdue} 天` : ''), width: 20 },
  { header: '整改措施及完成情况', value: (r) => r.response, width: 48 },
]

export async function rectificationRoutes(app: App, { db, config }: Deps) {
  const tags = ['results-rectifications']
  const maxBytes = config.uploadLimits.attachmentBytes
  await app.register(fastifyMultipart, { limits: { fileSize: maxBytes, files: 1, fields: 5, parts: 10 } })

  app.get('/api/rectifications', { schema: { tags, summary: '整改事项列表（含逾期升级）', querystring: RectificationListQuery } }, async (req) => {
    const ctx = authorize(req, 'results.read')
    const { page, pageSize, ...filter } = req.query
    const result = await fetchPage(listRectifications(db, ctx.actor, filter, chinaDay(ctx.now)), { page, pageSize }, countRectifications(db, ctx.actor, filter, chinaDay(ctx.now)))
    const rules = rulesCache(db)
    return { ...result, items: await Promise.all(result.items.map((row) => toView(db, ctx, row, rules))) }
  })

  app.get('/api/rectifications/export', { schema: { tags, summary: '导出整改事项列表', querystring: RectificationExportQuery } }, async (req, reply) => {
    const ctx = authorize(req, 'results.read')
    const rows = await listRectifications(db, ctx.actor, req.query, chinaDay(ctx.now)).limit(EXPORT_LIMIT).execute()
    const rules = rulesCache(db)
    const views = await Promise.all(rows.map((row) => toView(db, ctx, row, rules)))
    await recordExport(db, ctx, 'rectification.export', req.query)
    return sendXlsx(reply, '整改事项.xlsx', exportColumns, views)
  })

  app.post('/api/rectifications', { schema: { tags, summary: '登记整改事项（专家、机构、审计、人大等发现的问题）', body: CreateRectificationBody } }, async (req, reply) =>
    reply.status(201).send(await createRectification(db, authorize(req, 'results.manage'), req.body)),
  )

  app.get('/api/rectifications/:id', { schema: { tags, summary: '整改事项详情（办理过程、佐证材料、来源）', params: RectificationIdParams } }, async (req) =>
    getRectification(db, authorize(req, 'results.read'), req.params.id),
  )

  app.post('/api/rectifications/:id/respond', { schema: { tags, summary: '报送整改情况（须有整改措施和佐证材料）', params: RectificationIdParams, body: RespondRectificationBody } }, async (req) =>
    respondRectification(db, authorize(req, 'results.respond'), req.params.id, req.body),
  )

  app.post('/api/rectifications/:id/verify', { schema: { tags, summary: '主管部门核实整改', params: RectificationIdParams, body: VerifyRectificationBody } }, async (req) =>
    verifyRectification(db, authorize(req, 'results.verify'), req.params.id, req.body),
  )

  app.post('/api/rectifications/:id/close', { schema: { tags, summary: '财政部门销号', params: RectificationIdParams, body: VerifyRectificationBody } }, async (req) =>
    closeRectification(db, authorize(req, 'results.manage'), req.params.id, req.body),
  )

  app.post('/api/rectifications/:id/return', { schema: { tags, summary: '退回整改（须说明不足）', params: RectificationIdParams, body: ReturnRectificationBody } }, async (req) => {
    const ctx = authorize(req, 'results.read')
    if (!ctx.actor.permissions.has('results.verify') && !ctx.actor.permissions.has('results.manage')) throw new AppError('FORBIDDEN')
    return returnRectification(db, ctx, req.params.id, req.body)
  })

  app.post('/api/rectifications/:id/evidence', { schema: { tags, summary: '上传整改佐证材料（multipart，字段 file）', params: RectificationIdParams } }, async (req, reply) =>
    reply.status(201).send(await attachEvidence(db, authorize(req, 'results.respond'), req.params.id, req, maxBytes)),
  )

  app.get('/api/rectifications/:id/evidence/:evidenceId/download', { schema: { tags, summary: '下载整改佐证材料', params: RectificationFileParams } }, async (req, reply) => {
    const ctx = authorize(req, 'results.read')
    await getRectification(db, ctx, req.params.id)
    const link = await evidenceFile(db, req.params.id, req.params.evidenceId)
    const file = link ? await readFileContent(db, link.fileId) : undefined
    if (!file) throw new AppError('NOT_FOUND')
    await recordExport(db, ctx, 'rectification.download_evidence', req.params.evidenceId)
    return sendDownload(reply, { ...file, content: Buffer.from(file.content) })
  })
}
