import { paymentSources } from '../../../domain/monitoring.ts'
import type { App, Deps } from '../../app.ts'
import { authorize } from '../../http/context.ts'
import { fetchPage } from '../../http/paging.ts'
import { recordExport } from '../../platform/audit-access.ts'
import { type ExcelColumn, sendXlsx } from '../../platform/excel.ts'
import { iteratePayments, listAdjustments, listPayments, sumPayments } from './execution.repository.ts'
import { AdjustmentListQuery, CreateAdjustmentBody, FundsQuery, PaymentExportQuery, PaymentListQuery, ProjectIdParams, PushPaymentsBody } from './execution.schemas.ts'
import { createAdjustment, getProjectFunds, pushPayments } from './execution.service.ts'

type PaymentRow = Awaited<ReturnType<ReturnType<typeof listPayments>['execute']>>[number]
const sourceLabels: Record<(typeof paymentSources)[number], string> = { import: '文件导入', api: '系统推送', demo: '演示数据', generated: '生成数据' }

/** The payments export has the treasury import's five columns first, so an export can be imported again. */
const paymentColumns: ExcelColumn<PaymentRow>[] = [
  { header: '项目编码', value: (r) => r.projectCode, width: 22 },
  { header: '支付日期', value: (r) => r.paidOn, width: 12 },
  { header: '金额（元）', value: (r) => Number(r.amount), numFmt: '#,##0.00', width: 16 },
  { header: '资金来源', value: (r) => r.fundSource, width: 16 },
  { header: '支付凭证号', value: (r) => r.voucherNo, width: 22 },
  { header: '预算年度', value: (r) => r.fiscalYear, width: 10 },
  { header: '项目名称', value: (r) => r.projectName, width: 36 },
  { header: '预算单位', value: (r) => r.unitName, width: 24 },
  { header: '来源', value: (r) => sourceLabels[r.source], width: 10 },
]
const EXPORT_LIMIT = 200_000

export async function executionRoutes(app: App, { db }: Deps) {
  const tags = ['execution']

  app.post('/api/execution/payments', { schema: { tags, summary: '国库集中支付系统推送支付数据（按支付凭证号幂等，整批写入或整批拒绝）', body: PushPaymentsBody } }, async (req) =>
    pushPayments(db, authorize(req, 'execution.push'), req.body.items),
  )

  app.get('/api/execution/payments', { schema: { tags, summary: '支付明细（分页；projectId 等筛选）', querystring: PaymentListQuery } }, async (req) => {
    const ctx = authorize(req, 'execution.read')
    const { page, pageSize, ...filter } = req.query
    const [result, totals] = await Promise.all([fetchPage(listPayments(db, ctx.actor, filter), { page, pageSize }), sumPayments(db, ctx.actor, filter).executeTakeFirstOrThrow()])
    return { ...result, sumAmount: totals.amount }
  })

  app.get('/api/execution/payments/export', { schema: { tags, summary: '导出支付明细（当前筛选条件，.xlsx）', querystring: PaymentExportQuery } }, async (req, reply) => {
    const ctx = authorize(req, 'execution.read')
    await recordExport(db, ctx, 'execution.payment_export', req.query)
    return sendXlsx(reply, '支付明细.xlsx', paymentColumns, iteratePayments(db, ctx.actor, req.query, EXPORT_LIMIT))
  })

  app.get('/api/execution/adjustments', { schema: { tags, summary: '预算调整记录（分页）', querystring: AdjustmentListQuery } }, async (req) => {
    const ctx = authorize(req, 'execution.read')
    const { page, pageSize, ...filter } = req.query
    return fetchPage(listAdjustments(db, ctx.actor, filter), { page, pageSize })
  })

  app.post('/api/execution/adjustments', { schema: { tags, summary: '调整预算（须填原因；调减为负数）', body: CreateAdjustmentBody } }, async (req, reply) =>
    reply.status(201).send(await createAdjustment(db, authorize(req, 'execution.adjust'), req.body)),
  )

  app.get('/api/execution/projects/:id/funds', { schema: { tags, summary: '项目资金：年初预算数、调整后预算数、1–N月执行数、执行率、预算执行灯、系统预测', params: ProjectIdParams, querystring: FundsQuery } }, async (req) =>
    getProjectFunds(db, authorize(req, 'execution.read'), req.params.id, req.query.month),
  )
}
