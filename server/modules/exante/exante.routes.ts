import { assessorKindLabels, exAnteStatusLabels } from '../../../domain/exante.ts'
import { projectStatusLabels } from '../../../domain/projects.ts'
import type { App, Deps } from '../../app.ts'
import { authorize } from '../../http/context.ts'
import { fetchPage } from '../../http/paging.ts'
import { recordExport } from '../../platform/audit-access.ts'
import { type ExcelColumn, sendXlsx } from '../../platform/excel.ts'
import { sendDownload } from '../../platform/files.ts'
import { exAnteReportDocx } from './exante.report.ts'
import { assessorsVisibleTo, countExAnte, listExAnte } from './exante.repository.ts'
import {
  AssignExAnteBody,
  ConcludeExAnteBody,
  ExAnteExportQuery,
  ExAnteIdParams,
  ExAnteListQuery,
  StartExAnteBody,
  SubmitExAnteBody,
  UpdateExAnteBody,
} from './exante.schemas.ts'
import { assignExAnte, concludeExAnte, getExAnte, startExAnte, submitExAnte, updateExAnte } from './exante.service.ts'

const EXPORT_LIMIT = 20_000
type ListRow = Awaited<ReturnType<ReturnType<typeof listExAnte>['execute']>>[number]

const exportColumns: ExcelColumn<ListRow>[] = [
  { header: '项目编码', value: (r) => r.projectCode, width: 22 },
  { header: '项目名称', value: (r) => r.projectName, width: 36 },
  { header: '预算年度', value: (r) => r.fiscalYear, width: 10 },
  { header: '预算单位', value: (r) => r.unitName, width: 24 },
  { header: '年度资金合计（元）', value: (r) => Number(r.amountTotal), numFmt: '#,##0.00', width: 18 },
  { header: '重大新增项目', value: (r) => (r.isMajorNew ? '是' : '否'), width: 12 },
  { header: '项目状态', value: (r) => projectStatusLabels[r.projectStatus].zh, width: 10 },
  { header: '评估方式', value: (r) => assessorKindLabels[r.assessorKind].zh, width: 18 },
  { header: '评估人', value: (r) => r.assignedUserName ?? r.assessorOrgName, width: 20 },
  { header: '评估得分', value: (r) => Number(r.total), numFmt: '0.00', width: 10 },
  { header: '评估状态', value: (r) => exAnteStatusLabels[r.status].zh, width: 12 },
  { header: '评估结论', value: (r) => r.conclusion, width: 12 },
  { header: '结论日期', value: (r) => r.concludedAt, width: 20 },
]

export async function exAnteRoutes(app: App, { db }: Deps) {
  const tags = ['exante']

  app.get('/api/exante', { schema: { tags, summary: '事前绩效评估列表', querystring: ExAnteListQuery } }, async (req) => {
    const ctx = authorize(req, 'exante.read')
    const { page, pageSize, ...filter } = req.query
    return fetchPage(listExAnte(db, ctx.actor, filter), { page, pageSize }, countExAnte(db, ctx.actor, filter))
  })

  app.get('/api/exante/export', { schema: { tags, summary: '导出事前绩效评估列表', querystring: ExAnteExportQuery } }, async (req, reply) => {
    const ctx = authorize(req, 'exante.read')
    const rows = await listExAnte(db, ctx.actor, req.query).limit(EXPORT_LIMIT).execute()
    await recordExport(db, ctx, 'exante.export', req.query)
    return sendXlsx(reply, '事前绩效评估.xlsx', exportColumns, rows)
  })

  app.get('/api/exante/assessors', { schema: { tags, summary: '可指派的第三方机构用户和评审专家' } }, async (req) => {
    const ctx = authorize(req, 'exante.conclude')
    return { items: await assessorsVisibleTo(db, ctx.actor).execute() }
  })

  app.post('/api/exante', { schema: { tags, summary: '发起项目的事前绩效评估', body: StartExAnteBody } }, async (req, reply) =>
    reply.status(201).send(await startExAnte(db, authorize(req, 'exante.edit'), req.body)),
  )

  app.get('/api/exante/:id', { schema: { tags, summary: '事前绩效评估详情（含评分表）', params: ExAnteIdParams } }, async (req) =>
    getExAnte(db, authorize(req, 'exante.read'), req.params.id),
  )

  app.patch('/api/exante/:id', { schema: { tags, summary: '评分、申报材料清单、评估报告内容', params: ExAnteIdParams, body: UpdateExAnteBody } }, async (req) =>
    updateExAnte(db, authorize(req, 'exante.edit'), req.params.id, req.body),
  )

  app.post('/api/exante/:id/assign', { schema: { tags, summary: '指派第三方机构或评审专家', params: ExAnteIdParams, body: AssignExAnteBody } }, async (req) =>
    assignExAnte(db, authorize(req, 'exante.conclude'), req.params.id, req.body),
  )

  app.post('/api/exante/:id/submit', { schema: { tags, summary: '提交财政作出结论', params: ExAnteIdParams, body: SubmitExAnteBody } }, async (req) =>
    submitExAnte(db, authorize(req, 'exante.edit'), req.params.id, req.body.version),
  )

  app.post('/api/exante/:id/conclude', { schema: { tags, summary: '作出评估结论（予以支持 / 调整后支持 / 不予支持）', params: ExAnteIdParams, body: ConcludeExAnteBody } }, async (req) =>
    concludeExAnte(db, authorize(req, 'exante.conclude'), req.params.id, req.body),
  )

  app.get('/api/exante/:id/report.docx', { schema: { tags, summary: '下载事前绩效评估报告（Word）', params: ExAnteIdParams } }, async (req, reply) => {
    const ctx = authorize(req, 'exante.read')
    const view = await getExAnte(db, ctx, req.params.id)
    await recordExport(db, ctx, 'exante.download_report', req.params.id)
    const content = await exAnteReportDocx(view)
    return sendDownload(reply, { fileName: `${view.projectName}事前绩效评估报告.docx`, contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', content })
  })
}
