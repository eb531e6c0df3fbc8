import { z } from 'zod'
import { auditActionLabel } from '../../../domain/audit-actions.ts'
import type { App, Deps } from '../../app.ts'
import { authorize } from '../../http/context.ts'
import { instantParam } from '../../http/input-guards.ts'
import { fetchPage, PageQuery } from '../../http/paging.ts'
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

// Exports are capped: the audit log grows without end and a spreadsheet does not.
const EXPORT_LIMIT = 50_000

export async function auditRoutes(app: App, { db }: Deps) {
  app.get('/api/audit', { schema: { tags: ['audit'], summary: '审计日志', querystring: AuditQuery } }, async (req) => {
    const ctx = authorize(req, 'audit.read')
    const { page, pageSize, order, ...filter } = req.query
    return fetchPage(listAudit(db, ctx.actor, filter, order), { page, pageSize })
  })

  app.get('/api/audit/export', { schema: { tags: ['audit'], summary: '导出审计日志', querystring: AuditQuery } }, async (req, reply) => {
    const ctx = authorize(req, 'audit.read')
    const { page: _p, pageSize: _s, order, ...filter } = req.query
    const rows = await listAudit(db, ctx.actor, filter, order).limit(EXPORT_LIMIT).execute()
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
}
