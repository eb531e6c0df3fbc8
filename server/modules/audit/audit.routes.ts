import { z } from 'zod'
import { auditActionLabel } from '../../../domain/audit-actions.ts'
import type { App, Deps } from '../../app.ts'
import { authorize } from '../../http/context.ts'
import { instantParam } from '../../http/input-guards.ts'
import { fetchPage, PageQuery } from '../../http/paging.ts'
import { recordAccess, recordExport } from '../../platform/audit-access.ts'
import { AuditCheckpoint, auditCheckpoint, verifyAuditChain } from '../../platform/audit-verify.ts'
import { sendXlsx } from '../../platform/excel.ts'
import { listAudit } from './audit.repository.ts'

const AuditQuery = z.strictObject({
  username: z.string().max(64).optional(),
  entityType: z.string().max(64).optional(),
  entityId: z.string().max(100).optional(),
  action: z.string().max(64).optional(),
  from: instantParam().optional(),
  to: instantParam().optional(),
  ...PageQuery,
  order: z.enum(['asc', 'desc']).default('desc'),
})

const VerifyBody = z.strictObject({ checkpoint: AuditCheckpoint.optional() })

// Exports are capped: the audit log grows without end and a spreadsheet does not.
const EXPORT_LIMIT = 50_000

export async function auditRoutes(app: App, { db }: Deps) {
  const tags = ['audit']
  app.get('/api/audit', { schema: { tags, summary: '审计日志', querystring: AuditQuery } }, async (req) => {
    const ctx = authorize(req, 'audit.read')
    const { page, pageSize, order, ...filter } = req.query
    const result = await fetchPage(listAudit(db, ctx.actor, filter, order), { page, pageSize })
    // Who read the audit log is itself audited: recorded after the page is read, so it is not part of it.
    await recordAccess(db, ctx, { action: 'audit.read', entityType: 'audit', after: { filters: filter, page, pageSize } })
    return result
  })

  app.get('/api/audit/export', { schema: { tags, summary: '导出审计日志', querystring: AuditQuery } }, async (req, reply) => {
    const ctx = authorize(req, 'audit.read')
    const { page: _p, pageSize: _s, order, ...filter } = req.query
    const rows = await listAudit(db, ctx.actor, filter, order).limit(EXPORT_LIMIT).execute()
    await recordExport(db, ctx, 'audit.export', filter)
    return sendXlsx(reply, '审计日志.xlsx', [
      { header: '序号', width: 10, value: (r) => r.id },
      { header: '时间', width: 22, value: (r) => r.at },
      { header: '用户', value: (r) => r.username },
      { header: '操作', width: 30, value: (r) => `${auditActionLabel(r.action, 'zh')}（${r.action}）` },
      { header: '对象类型', value: (r) => r.entityType },
      { header: '对象编号', width: 38, value: (r) => r.entityId },
      { header: '客户端地址', value: (r) => r.clientIp },
      { header: '请求编号', width: 38, value: (r) => r.requestId },
      { header: '变更前', width: 50, value: (r) => (r.before ? JSON.stringify(r.before) : '') },
      { header: '变更后', width: 50, value: (r) => (r.after ? JSON.stringify(r.after) : '') },
    ], rows)
  })

  app.post('/api/audit/verify', { schema: { tags, summary: '校验审计日志哈希链（可附检查点，找出第一条被改动的记录）', body: VerifyBody } }, async (req) => {
    const ctx = authorize(req, 'audit.read')
    const verdict = await verifyAuditChain(db, { checkpoint: req.body?.checkpoint })
    await recordAccess(db, ctx, { action: 'audit.verify', entityType: 'audit', after: verdict })
    return verdict
  })

  app.get('/api/audit/checkpoint', { schema: { tags, summary: '下载审计日志检查点（链头序号、哈希、时间，以审计密钥签名）' } }, async (req, reply) => {
    const ctx = authorize(req, 'audit.read')
    // The download is recorded first, so the checkpoint covers its own row.
    await recordAccess(db, ctx, { action: 'audit.checkpoint', entityType: 'audit' })
    const checkpoint = await auditCheckpoint(db, ctx.now)
    const fileName = `audit-checkpoint-${checkpoint.seq}.json`
    return reply.header('content-type', 'application/json; charset=utf-8').header('content-disposition', `attachment; filename="${fileName}"`).send(checkpoint)
  })
}
