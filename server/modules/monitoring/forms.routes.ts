import { lightLabels } from '../../../domain/lights.ts'
import { monitoringFormStatusLabels } from '../../../domain/monitoring.ts'
import type { App, Deps } from '../../app.ts'
import { authorize } from '../../http/context.ts'
import { readerOf } from '../../http/read-routing.ts'
import { fetchPage } from '../../http/paging.ts'
import { recordExport } from '../../platform/audit-access.ts'
import { type ExcelColumn, sendXlsx } from '../../platform/excel.ts'
import { listForms } from './forms.repository.ts'
import { BatchAcceptBody, FormExportQuery, FormIdParams, FormListQuery, NoteBody, ReturnBody, UpdateFormBody, VersionBody } from './forms.schemas.ts'
import { addNote, getForm, updateForm } from './forms.service.ts'
import { batchAccept, reviewForm, submitForm } from './forms.workflow.ts'

const EXPORT_LIMIT = 20_000
type ListRow = Awaited<ReturnType<ReturnType<typeof listForms>['execute']>>[number]
const light = (l: ListRow['projectLight']) => (l ? lightLabels[l].zh : '')

const exportColumns: ExcelColumn<ListRow>[] = [
  { header: '监控批次', value: (r) => r.roundName, width: 24 },
  { header: '项目编码', value: (r) => r.projectCode ?? '', width: 22 },
  { header: '项目名称', value: (r) => r.projectName ?? `${r.departmentName}（部门整体）`, width: 36 },
  { header: '主管部门', value: (r) => r.departmentName, width: 22 },
  { header: '预算单位', value: (r) => r.unitName ?? '', width: 22 },
  { header: '截止月份', value: (r) => `1–${r.cutoffMonth}月`, width: 10 },
  { header: '调整后预算数（元）', value: (r) => Number(r.budgetAdjusted), numFmt: '#,##0.00', width: 18 },
  { header: '1–N月执行数（元）', value: (r) => Number(r.executed), numFmt: '#,##0.00', width: 18 },
  { header: '执行率（%）', value: (r) => (r.executionRate === null ? '' : Number(r.executionRate)), numFmt: '0.00', width: 12 },
  { header: '预算执行预警', value: (r) => light(r.budgetLight), width: 12 },
  { header: '目标执行预警', value: (r) => light(r.projectLight), width: 12 },
  { header: '重点监控', value: (r) => (r.isKey ? '是' : '否'), width: 10 },
  { header: '状态', value: (r) => monitoringFormStatusLabels[r.status].zh, width: 12 },
]

/** 绩效监控表: the forms list, one form, the filler's save and submit, the reviewers' moves and the agencies' notes. */
export async function monitoringFormRoutes(app: App, deps: Deps) {
  const { db } = deps
  const reads = readerOf(deps)
  const tags = ['monitoring']
  const base = '/api/monitoring/forms'

  app.get(base, { schema: { tags, summary: '绩效监控表列表（按批次、状态、预警灯、部门、单位筛选）', querystring: FormListQuery } }, async (req) => {
    const ctx = authorize(req, 'monitoring.read')
    const { page, pageSize, ...filter } = req.query
    return fetchPage(listForms(reads(req), ctx.actor, filter), { page, pageSize })
  })

  app.get(`${base}/export`, { schema: { tags, summary: '导出绩效监控表列表', querystring: FormExportQuery } }, async (req, reply) => {
    const ctx = authorize(req, 'monitoring.read')
    const rows = await listForms(reads(req), ctx.actor, req.query).limit(EXPORT_LIMIT).execute()
    await recordExport(db, ctx, 'monitoring_form.export', req.query)
    return sendXlsx(reply, '绩效监控表.xlsx', exportColumns, rows)
  })

  app.post(`${base}/batch-accept`, { schema: { tags, summary: '批量审核通过', body: BatchAcceptBody } }, async (req) => batchAccept(db, authorize(req, 'monitoring.review'), req.body))

  app.get(`${base}/:id`, { schema: { tags, summary: '绩效监控表详情（资金、指标、预警灯及其说明、审核意见）', params: FormIdParams } }, async (req) =>
    getForm(db, authorize(req, 'monitoring.read'), req.params.id),
  )

  app.put(`${base}/:id`, { schema: { tags, summary: '填报绩效监控表（可保存未填完的草稿）', params: FormIdParams, body: UpdateFormBody } }, async (req) =>
    updateForm(db, authorize(req, 'monitoring.fill'), req.params.id, req.body),
  )

  app.post(`${base}/:id/submit`, { schema: { tags, summary: '提交绩效监控表（须同时填写预算执行和指标完成情况）', params: FormIdParams, body: VersionBody } }, async (req) =>
    submitForm(db, authorize(req, 'monitoring.fill'), req.params.id, req.body),
  )

  app.post(`${base}/:id/return`, { schema: { tags, summary: '退回绩效监控表（须填写意见）', params: FormIdParams, body: ReturnBody } }, async (req) =>
    reviewForm(db, authorize(req, 'monitoring.review'), req.params.id, 'return', req.body),
  )

  app.post(`${base}/:id/accept`, { schema: { tags, summary: '审核通过绩效监控表（部门初审、财政复审）', params: FormIdParams, body: VersionBody } }, async (req) =>
    reviewForm(db, authorize(req, 'monitoring.review'), req.params.id, 'accept', req.body),
  )

  app.post(`${base}/:id/notes`, { schema: { tags, summary: '第三方机构核查意见', params: FormIdParams, body: NoteBody } }, async (req) =>
    addNote(db, authorize(req, 'monitoring.verify'), req.params.id, req.body.note),
  )
}
