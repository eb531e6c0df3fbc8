import type { App, Deps } from '../../app.ts'
import { authorize } from '../../http/context.ts'
import { recordExport } from '../../platform/audit-access.ts'
import { type ExcelColumn, sendXlsx } from '../../platform/excel.ts'
import { type AccountabilityRow, listAccountability as listRows } from './accountability.repository.ts'
import { AccountabilityExportQuery, AccountabilityIdParams, AccountabilityListQuery, CreateAccountabilityBody, UpdateAccountabilityBody } from './accountability.schemas.ts'
import { createAccountability, deleteAccountability, getAccountability, listAccountability, updateAccountability } from './accountability.service.ts'
import { VersionBody } from './interviews.schemas.ts'

const EXPORT_LIMIT = 50_000

const exportColumns: ExcelColumn<AccountabilityRow>[] = [
  { header: '决定日期', value: (r) => r.decidedOn, width: 12 },
  { header: '年度', value: (r) => r.fiscalYear, width: 8 },
  { header: '主管部门', value: (r) => r.departmentName, width: 20 },
  { header: '预算单位', value: (r) => r.unitName, width: 22 },
  { header: '项目编码', value: (r) => r.projectCode, width: 20 },
  { header: '项目名称', value: (r) => r.projectName, width: 30 },
  { header: '损失情况', value: (r) => r.incident, width: 40 },
  { header: '损失金额（元）', value: (r) => Number(r.lossAmount), numFmt: '#,##0.00', width: 18 },
  { header: '问责措施', value: (r) => r.measures, width: 40 },
  { header: '决定机关', value: (r) => r.decidedBy, width: 20 },
]

/** 问责 records for major losses (issue 13), kept with the project: read with results.read, written with results.manage. */
export async function accountabilityRoutes(app: App, { db }: Deps) {
  const tags = ['results']

  app.get('/api/accountability', { schema: { tags, summary: '问责记录列表', querystring: AccountabilityListQuery } }, async (req) => {
    const { page, pageSize, ...filter } = req.query
    return listAccountability(db, authorize(req, 'results.read'), filter, { page, pageSize })
  })

  app.get('/api/accountability/export', { schema: { tags, summary: '导出问责记录', querystring: AccountabilityExportQuery } }, async (req, reply) => {
    const ctx = authorize(req, 'results.read')
    const rows = await listRows(db, ctx.actor, req.query).limit(EXPORT_LIMIT).execute()
    await recordExport(db, ctx, 'accountability.export', req.query)
    return sendXlsx(reply, '问责记录.xlsx', exportColumns, rows)
  })

  app.post('/api/accountability', { schema: { tags, summary: '登记问责记录（重大损失）', body: CreateAccountabilityBody } }, async (req, reply) =>
    reply.status(201).send(await createAccountability(db, authorize(req, 'results.manage'), req.body)),
  )

  app.get('/api/accountability/:id', { schema: { tags, summary: '问责记录详情', params: AccountabilityIdParams } }, async (req) => getAccountability(db, authorize(req, 'results.read'), req.params.id))

  app.patch('/api/accountability/:id', { schema: { tags, summary: '修改问责记录', params: AccountabilityIdParams, body: UpdateAccountabilityBody } }, async (req) =>
    updateAccountability(db, authorize(req, 'results.manage'), req.params.id, req.body),
  )

  app.delete('/api/accountability/:id', { schema: { tags, summary: '删除问责记录', params: AccountabilityIdParams, body: VersionBody } }, async (req, reply) => {
    await deleteAccountability(db, authorize(req, 'results.manage'), req.params.id, req.body.version)
    return reply.status(204).send()
  })
}
