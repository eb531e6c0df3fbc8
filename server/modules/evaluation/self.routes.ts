import fastifyMultipart from '@fastify/multipart'
import { selfEvalRoundStatusLabels, selfEvalStatusLabels } from '../../../domain/evaluation.ts'
import type { App, Deps } from '../../app.ts'
import { authorize } from '../../http/context.ts'
import { recordExport } from '../../platform/audit-access.ts'
import { type ExcelColumn, receiveImportFile, sendXlsx } from '../../platform/excel.ts'
import { sendDownload } from '../../platform/files.ts'
import { extendSelfForms } from './self.deadline.ts'
import { exportSelfForm, exportSelfRound, importSelfForms } from './self.excel.ts'
import {
  CoverageQuery,
  SelfExtensionBody,
  ExportQuery,
  FormIdParams,
  ImportQuery,
  OpenSelfRoundBody,
  ReturnBody,
  RoundIdParams,
  SelfFormExportQuery,
  SelfFormListQuery,
  type SelfFormListItem,
  SelfRoundExportQuery,
  SelfRoundListQuery,
  type SelfRoundView,
  UpdateSelfFormBody,
  UpdateSelfRoundBody,
  VersionBody,
} from './self.schemas.ts'
import { allSelfForms, allSelfRounds, getSelfForm, getSelfRound, listSelfForms, listSelfRounds, openSelfRound, reviewSelfForm, selfCoverage, submitSelfForm, updateSelfForm, updateSelfRound } from './self.service.ts'

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

const listColumns: ExcelColumn<SelfFormListItem>[] = [
  { header: '年度', value: (r) => r.fiscalYear, width: 8 },
  { header: '主管部门', value: (r) => r.departmentName, width: 24 },
  { header: '预算单位', value: (r) => r.unitName || '（部门整体）', width: 24 },
  { header: '项目编码', value: (r) => r.projectCode, width: 22 },
  { header: '项目名称', value: (r) => r.projectName, width: 36 },
  { header: '状态', value: (r) => selfEvalStatusLabels[r.status].zh, width: 12 },
  { header: '执行率(%)', value: (r) => (r.executionRate === null ? null : Number(r.executionRate)), width: 12, numFmt: '0.00' },
  { header: '总分', value: (r) => (r.total === null ? null : Number(r.total)), width: 10, numFmt: '0.00' },
  { header: '等级', value: (r) => r.grade, width: 8 },
  { header: '提交时间', value: (r) => (r.submittedAt ? new Date(r.submittedAt) : null), width: 20 },
]

const roundColumns: ExcelColumn<SelfRoundView>[] = [
  { header: '行政区划', value: (r) => r.jurisdictionName, width: 16 },
  { header: '年度', value: (r) => r.fiscalYear, width: 8 },
  { header: '批次名称', value: (r) => r.name, width: 30 },
  { header: '状态', value: (r) => selfEvalRoundStatusLabels[r.status].zh, width: 10 },
  { header: '截止时间', value: (r) => new Date(r.deadline), width: 20 },
  { header: '自评表', value: (r) => r.counts.total, width: 10 },
  { header: '填报中', value: (r) => r.counts.draft, width: 10 },
  { header: '待部门审核', value: (r) => r.counts.submitted, width: 12 },
  { header: '待财政审核', value: (r) => r.counts.deptAccepted, width: 12 },
  { header: '已退回', value: (r) => r.counts.returned, width: 10 },
  { header: '已审核', value: (r) => r.counts.accepted, width: 10 },
]

/** 单位自评: rounds (opened in the background), 自评表 list, detail, fill, workflow, coverage, Excel export and import. */
export async function selfEvaluationRoutes(app: App, { db, config }: Deps) {
  const tags = ['evaluation']
  await app.register(fastifyMultipart, { limits: { fileSize: config.uploadLimits.formBytes, files: 1, fields: 5 } })

  app.get('/api/evaluation/self-rounds', { schema: { tags, summary: '单位自评批次列表', querystring: SelfRoundListQuery } }, async (req) => {
    const ctx = authorize(req, 'evaluation.read')
    const { page, pageSize, ...filter } = req.query
    return listSelfRounds(db, ctx, filter, { page, pageSize })
  })

  app.get('/api/evaluation/self-rounds/export', { schema: { tags, summary: '导出单位自评批次列表（Excel）', querystring: SelfRoundExportQuery } }, async (req, reply) => {
    const ctx = authorize(req, 'evaluation.read')
    const rows = await allSelfRounds(db, ctx, req.query)
    await recordExport(db, ctx, 'evaluation.self_rounds_export', req.query)
    return sendXlsx(reply, '单位自评批次.xlsx', roundColumns, rows)
  })

  app.post('/api/evaluation/self-rounds', { schema: { tags, summary: '发起单位自评批次（后台生成自评表）', body: OpenSelfRoundBody } }, async (req, reply) =>
    reply.status(201).send(await openSelfRound(db, authorize(req, 'evaluation.manage'), req.body)),
  )

  app.get('/api/evaluation/self-rounds/:id', { schema: { tags, summary: '单位自评批次详情', params: RoundIdParams } }, async (req) => getSelfRound(db, authorize(req, 'evaluation.read'), req.params.id))

  app.patch('/api/evaluation/self-rounds/:id', { schema: { tags, summary: '修改自评批次名称、截止时间或结束批次', params: RoundIdParams, body: UpdateSelfRoundBody } }, async (req) =>
    updateSelfRound(db, authorize(req, 'evaluation.manage'), req.params.id, req.body),
  )

  app.post('/api/evaluation/self-rounds/:id/extensions', { schema: { tags, summary: '为自评表或单位延期（截止后单位不能再填报）', params: RoundIdParams, body: SelfExtensionBody } }, async (req) =>
    extendSelfForms(db, authorize(req, 'evaluation.manage'), req.params.id, req.body),
  )

  app.get('/api/evaluation/self-rounds/:id/export', { schema: { tags, summary: '导出批次全部自评表（10号附件1 或四川格式，每表一个工作表）', params: RoundIdParams, querystring: ExportQuery } }, async (req, reply) => {
    const ctx = authorize(req, 'evaluation.read')
    const file = await exportSelfRound(db, ctx, req.params.id, req.query.layout)
    await recordExport(db, ctx, 'evaluation.self_round_export', { roundId: req.params.id, layout: req.query.layout })
    return sendDownload(reply, { fileName: file.fileName, contentType: XLSX, content: file.content })
  })

  app.get('/api/evaluation/self', { schema: { tags, summary: '自评表列表', querystring: SelfFormListQuery } }, async (req) => {
    const ctx = authorize(req, 'evaluation.read')
    const { page, pageSize, ...filter } = req.query
    return listSelfForms(db, ctx, filter, { page, pageSize })
  })

  app.get('/api/evaluation/self/export', { schema: { tags, summary: '导出自评表清单（Excel）', querystring: SelfFormExportQuery } }, async (req, reply) => {
    const ctx = authorize(req, 'evaluation.read')
    const rows = await allSelfForms(db, ctx, req.query)
    await recordExport(db, ctx, 'evaluation.self_list_export', req.query)
    return sendXlsx(reply, '单位自评表清单.xlsx', listColumns, rows)
  })

  app.get('/api/evaluation/self/coverage', { schema: { tags, summary: '自评覆盖率（按部门：应评、已提交、未提交清单）', querystring: CoverageQuery } }, async (req) =>
    selfCoverage(db, authorize(req, 'evaluation.read'), req.query),
  )

  app.post('/api/evaluation/self/import', { schema: { tags, summary: '导入自评表（multipart，字段 file：.xlsx；dryRun=true 只预览不写入；全部成功才写入）', querystring: ImportQuery } }, async (req) => {
    const ctx = authorize(req, 'evaluation.fill')
    const file = await receiveImportFile(req, ctx.lang, config.uploadLimits.formBytes, '.xlsx')
    return importSelfForms(db, ctx, file, { dryRun: req.query.dryRun, limits: config.readLimits })
  })

  app.get('/api/evaluation/self/:id', { schema: { tags, summary: '自评表详情（含建议得分、得分区间、公式说明）', params: FormIdParams } }, async (req) => getSelfForm(db, authorize(req, 'evaluation.read'), req.params.id))

  app.get('/api/evaluation/self/:id/export', { schema: { tags, summary: '导出自评表（10号附件1 或四川格式）', params: FormIdParams, querystring: ExportQuery } }, async (req, reply) => {
    const ctx = authorize(req, 'evaluation.read')
    const file = await exportSelfForm(db, ctx, req.params.id, req.query.layout)
    await recordExport(db, ctx, 'evaluation.self_export', { formId: req.params.id, layout: req.query.layout })
    return sendDownload(reply, { fileName: file.fileName, contentType: XLSX, content: file.content })
  })

  app.put('/api/evaluation/self/:id', { schema: { tags, summary: '填报自评表（实际完成值、得分调整、原因）', params: FormIdParams, body: UpdateSelfFormBody } }, async (req) =>
    updateSelfForm(db, authorize(req, 'evaluation.fill'), req.params.id, req.body),
  )

  app.post('/api/evaluation/self/:id/submit', { schema: { tags, summary: '提交自评表', params: FormIdParams, body: VersionBody } }, async (req) => submitSelfForm(db, authorize(req, 'evaluation.fill'), req.params.id, req.body))

  app.post('/api/evaluation/self/:id/return', { schema: { tags, summary: '退回自评表（部门初审或财政复审）', params: FormIdParams, body: ReturnBody } }, async (req) =>
    reviewSelfForm(db, authorize(req, 'evaluation.review'), req.params.id, 'return', req.body),
  )

  app.post('/api/evaluation/self/:id/accept', { schema: { tags, summary: '审核通过自评表（部门初审或财政复审）', params: FormIdParams, body: VersionBody } }, async (req) =>
    reviewSelfForm(db, authorize(req, 'evaluation.review'), req.params.id, 'accept', req.body),
  )
}
