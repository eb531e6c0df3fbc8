import { disclosureKindLabels, disclosureStateLabels, type DisclosureState } from '../../../domain/disclosure-decisions.ts'
import type { App, Deps } from '../../app.ts'
import { authorize } from '../../http/context.ts'
import { recordExport } from '../../platform/audit-access.ts'
import { type ExcelColumn, sendXlsx } from '../../platform/excel.ts'
import { listRecords as listRows, type DisclosureRecordRow } from './disclosure.repository.ts'
import { BatchApproveBody, DecisionBody, DisclosureExportQuery, DisclosureListQuery, RecordParams, VersionBody, WithdrawBody } from './disclosure.schemas.ts'
import { approveDepartmentGoals, approveRecord, getRecord, listRecords, setDecision, withdrawRecord } from './disclosure.service.ts'

const EXPORT_LIMIT = 50_000
const day = (d: Date | null) => (d ? new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10) : '')

const exportColumns: ExcelColumn<DisclosureRecordRow>[] = [
  { header: '年度', value: (r) => r.fiscalYear, width: 8 },
  { header: '类别', value: (r) => disclosureKindLabels[r.kind].zh, width: 14 },
  { header: '编码', value: (r) => r.recordKey, width: 22 },
  { header: '名称', value: (r) => r.title, width: 36 },
  { header: '主管部门', value: (r) => r.departmentName, width: 22 },
  { header: '单位', value: (r) => r.unitName, width: 22 },
  { header: '公开状态', value: (r) => disclosureStateLabels[r.state as DisclosureState].zh, width: 10 },
  { header: '不公开原因', value: (r) => [r.reasonCode, r.reasonText].filter(Boolean).join('：'), width: 30 },
  { header: '公开日期', value: (r) => day(r.approvedAt), width: 12 },
  { header: '撤回日期', value: (r) => day(r.withdrawnAt), width: 12 },
  { header: '撤回原因', value: (r) => r.withdrawalReason, width: 30 },
]

/**
 * 信息公开 decisions (issue 14, rule 46): the records of a year with their decision, read in scope; units and
 * departments propose for their own, the bureau of the record's jurisdiction approves (publishes a frozen copy)
 * and withdraws.
 */
export async function disclosureRoutes(app: App, { db }: Deps) {
  const tags = ['disclosure']
  const base = '/api/disclosure/records'

  app.get(base, { schema: { tags, summary: '信息公开清单（目标、自评、重点评价报告、考核结果及其公开状态）', querystring: DisclosureListQuery } }, async (req) => {
    const { page, pageSize, ...filter } = req.query
    return listRecords(db, authorize(req, 'disclosure.read'), filter, { page, pageSize })
  })

  app.get(`${base}/export`, { schema: { tags, summary: '导出信息公开清单', querystring: DisclosureExportQuery } }, async (req, reply) => {
    const ctx = authorize(req, 'disclosure.read')
    const rows = await listRows(db, ctx.actor, { ...req.query }).limit(EXPORT_LIMIT).execute()
    await recordExport(db, ctx, 'disclosure.export', req.query)
    return sendXlsx(reply, '信息公开清单.xlsx', exportColumns, rows)
  })

  app.get(`${base}/:kind/:sourceId`, { schema: { tags, summary: '公开记录详情（公开意见、现公开副本与公开历史）', params: RecordParams } }, async (req) =>
    getRecord(db, authorize(req, 'disclosure.read'), req.params.kind, req.params.sourceId),
  )

  app.put(`${base}/:kind/:sourceId/decision`, { schema: { tags, summary: '确定公开意见（公开，或不公开并说明原因）', params: RecordParams, body: DecisionBody } }, async (req) =>
    setDecision(db, authorize(req, 'disclosure.propose'), req.params.kind, req.params.sourceId, req.body),
  )

  app.post(`${base}/:kind/:sourceId/approve`, { schema: { tags, summary: '审核公开（生成公开副本；修改后再次公开替代原副本）', params: RecordParams, body: VersionBody } }, async (req) =>
    approveRecord(db, authorize(req, 'disclosure.approve'), req.params.kind, req.params.sourceId, req.body.version),
  )

  app.post(`${base}/:kind/:sourceId/withdraw`, { schema: { tags, summary: '撤回已公开的记录（须说明原因）', params: RecordParams, body: WithdrawBody } }, async (req) =>
    withdrawRecord(db, authorize(req, 'disclosure.approve'), req.params.kind, req.params.sourceId, req.body),
  )

  app.post('/api/disclosure/approve-batch', { schema: { tags, summary: '批量公开部门年度绩效目标（同一事务）', body: BatchApproveBody } }, async (req) =>
    approveDepartmentGoals(db, authorize(req, 'disclosure.approve'), req.body),
  )
}
