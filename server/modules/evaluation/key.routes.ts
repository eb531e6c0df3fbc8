import fastifyMultipart from '@fastify/multipart'
import { evaluationObjectKindLabels, evaluationTemplateLabels, keyEvaluationLevelLabels, keyEvaluationStageLabels } from '../../../domain/evaluation.ts'
import { keyEvaluationTemplates } from '../../../domain/key-evaluation.ts'
import type { App, Deps } from '../../app.ts'
import { authorize } from '../../http/context.ts'
import { AppError } from '../../http/errors.ts'
import { fetchPage } from '../../http/paging.ts'
import { recordExport } from '../../platform/audit-access.ts'
import { type ExcelColumn, receiveImportFile, sendXlsx } from '../../platform/excel.ts'
import { readFileContent, sendDownload } from '../../platform/files.ts'
import { DOCX } from '../../platform/docx.ts'
import { attachEvidence } from './key.files.ts'
import { keyEvaluationReportDocx } from './key.report.ts'
import { findVisible, type KeyRow, listKeyEvaluations } from './key.repository.ts'
import {
  CreateKeyBody,
  ExchangeBody,
  FieldworkBody,
  FrameworkBody,
  KeyEvidenceParams,
  KeyExportQuery,
  KeyIdParams,
  KeyLineParams,
  KeyListQuery,
  PlanBody,
  SelectionQuery,
  StageBody,
  SurveyBody,
  SurveyImportQuery,
} from './key.schemas.ts'
import { proposeSelection } from './key.selection.ts'
import { addFieldwork, createKeyEvaluation, getKeyEvaluation, moveStage, recordExchange, saveFramework, savePlan } from './key.service.ts'
import { importSurvey, saveSurvey, surveyTemplate } from './key.survey.ts'

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
const EXPORT_LIMIT = 20_000

const exportColumns: ExcelColumn<KeyRow>[] = [
  { header: '年度', value: (r) => r.fiscalYear, width: 8 },
  { header: '评价名称', value: (r) => r.name, width: 40 },
  { header: '评价类型', value: (r) => keyEvaluationLevelLabels[r.level].zh, width: 14 },
  { header: '评价对象', value: (r) => evaluationObjectKindLabels[r.objectKind].zh, width: 10 },
  { header: '项目编码', value: (r) => r.projectCode, width: 22 },
  { header: '主管部门', value: (r) => r.departmentName, width: 20 },
  { header: '预算单位', value: (r) => r.unitName, width: 20 },
  { header: '委托方', value: (r) => r.commissionerName, width: 20 },
  { header: '指标体系', value: (r) => evaluationTemplateLabels[r.template].zh, width: 24 },
  { header: '阶段', value: (r) => keyEvaluationStageLabels[r.stage].zh, width: 12 },
  { header: '总分', value: (r) => (r.total === null ? null : Number(r.total)), numFmt: '0.00', width: 8 },
  { header: '等级', value: (r) => r.grade, width: 6 },
]

/** 部门评价 / 财政重点评价 under /api/evaluation/key. */
export async function keyEvaluationRoutes(app: App, { db, config }: Deps) {
  const tags = ['evaluation-key']
  await app.register(fastifyMultipart, { limits: { fileSize: config.uploadLimits.attachmentBytes, files: 1, fields: 5, parts: 10 } })
  const base = '/api/evaluation/key'

  app.get(base, { schema: { tags, summary: '重点评价列表（部门评价 / 财政重点评价）', querystring: KeyListQuery } }, async (req) => {
    const ctx = authorize(req, 'evaluation.read')
    const { page, pageSize, ...filter } = req.query
    return fetchPage(listKeyEvaluations(db, ctx.actor, filter), { page, pageSize })
  })

  app.get(`${base}/export`, { schema: { tags, summary: '导出重点评价列表', querystring: KeyExportQuery } }, async (req, reply) => {
    const ctx = authorize(req, 'evaluation.read')
    const rows = await listKeyEvaluations(db, ctx.actor, req.query).limit(EXPORT_LIMIT).execute()
    await recordExport(db, ctx, 'key_evaluation.export', req.query)
    return sendXlsx(reply, '重点评价.xlsx', exportColumns, rows)
  })

  app.get(`${base}/templates`, { schema: { tags, summary: '评价指标体系模板（10号 / 2013 / 部门整体）' } }, async (req) => {
    authorize(req, 'evaluation.read')
    return keyEvaluationTemplates
  })

  app.get(`${base}/selection`, { schema: { tags, summary: '评价对象选取建议（规则 39：重大项目优先 + 一般项目按种子随机抽取）', querystring: SelectionQuery } }, async (req) =>
    proposeSelection(db, authorize(req, 'evaluation.key'), req.query),
  )

  app.post(base, { schema: { tags, summary: '确定评价对象，创建重点评价', body: CreateKeyBody } }, async (req, reply) => reply.status(201).send(await createKeyEvaluation(db, authorize(req, 'evaluation.key'), req.body)))

  app.get(`${base}/:id`, { schema: { tags, summary: '重点评价详情（工作方案、指标体系与评分、佐证、现场记录、问卷、交换意见、结论）', params: KeyIdParams } }, async (req) =>
    getKeyEvaluation(db, authorize(req, 'evaluation.read'), req.params.id),
  )

  app.put(`${base}/:id/plan`, { schema: { tags, summary: '保存工作方案与报告内容', params: KeyIdParams, body: PlanBody } }, async (req) => savePlan(db, authorize(req, 'evaluation.key'), req.params.id, req.body))

  app.put(`${base}/:id/framework`, { schema: { tags, summary: '保存指标体系、权重与评分（权重合计 100；产出+效益低于规则集比例时提示）', params: KeyIdParams, body: FrameworkBody } }, async (req) =>
    saveFramework(db, authorize(req, 'evaluation.key'), req.params.id, req.body),
  )

  app.post(`${base}/:id/stage`, { schema: { tags, summary: '推进评价阶段（形成最终结论须已交换意见，规则 41）', params: KeyIdParams, body: StageBody } }, async (req) =>
    moveStage(db, authorize(req, 'evaluation.key'), req.params.id, req.body),
  )

  app.post(`${base}/:id/exchange`, { schema: { tags, summary: '被评价单位填写交换意见', params: KeyIdParams, body: ExchangeBody } }, async (req) =>
    recordExchange(db, authorize(req, 'evaluation.read'), req.params.id, req.body),
  )

  app.post(`${base}/:id/fieldwork`, { schema: { tags, summary: '记录现场评价（日期、地点、人员、情况）', params: KeyIdParams, body: FieldworkBody } }, async (req, reply) =>
    reply.status(201).send(await addFieldwork(db, authorize(req, 'evaluation.key'), req.params.id, req.body)),
  )

  app.post(`${base}/:id/lines/:lineId/evidence`, { schema: { tags, summary: '上传指标佐证材料（multipart，字段 file，可带 note）', params: KeyLineParams } }, async (req, reply) =>
    reply.status(201).send(await attachEvidence(db, authorize(req, 'evaluation.key'), req.params.id, req.params.lineId, req, config.uploadLimits.attachmentBytes)),
  )

  app.get(`${base}/:id/evidence/:evidenceId/download`, { schema: { tags, summary: '下载佐证材料', params: KeyEvidenceParams } }, async (req, reply) => {
    const ctx = authorize(req, 'evaluation.read')
    if (!(await findVisible(db, ctx.actor, req.params.id))) throw new AppError('NOT_FOUND')
    const evidence = await db.selectFrom('keyEvaluationEvidence').select('fileId').where('id', '=', req.params.evidenceId).where('keyEvaluationId', '=', req.params.id).executeTakeFirst()
    const file = evidence ? await readFileContent(db, evidence.fileId) : undefined
    if (!file) throw new AppError('NOT_FOUND')
    await recordExport(db, ctx, 'key_evaluation.download_evidence', req.params.evidenceId)
    return sendDownload(reply, { ...file, content: Buffer.from(file.content) })
  })

  app.get(`${base}/:id/report.docx`, { schema: { tags, summary: '下载绩效评价报告（Word，§6.6 提纲）', params: KeyIdParams } }, async (req, reply) => {
    const ctx = authorize(req, 'evaluation.read')
    const view = await getKeyEvaluation(db, ctx, req.params.id)
    if (!view.manage && ctx.actor.org.kind !== 'jurisdiction' && !['final', 'reported'].includes(view.stage)) throw new AppError('NOT_FOUND')
    await recordExport(db, ctx, 'key_evaluation.download_report', req.params.id)
    return sendDownload(reply, { fileName: `${view.name}报告.docx`, contentType: DOCX, content: await keyEvaluationReportDocx(view) })
  })

  app.put(`${base}/:id/survey`, { schema: { tags, summary: '设置满意度问卷（题目，五级量表）', params: KeyIdParams, body: SurveyBody } }, async (req) => saveSurvey(db, authorize(req, 'evaluation.key'), req.params.id, req.body))

  app.get(`${base}/:id/survey/template.xlsx`, { schema: { tags, summary: '下载问卷答卷模板（.xlsx）', params: KeyIdParams } }, async (req, reply) => {
    const ctx = authorize(req, 'evaluation.key')
    const file = await surveyTemplate(db, ctx, req.params.id)
    await recordExport(db, ctx, 'key_evaluation.survey_template', req.params.id)
    return sendDownload(reply, { ...file, contentType: XLSX })
  })

  app.post(`${base}/:id/survey/import`, { schema: { tags, summary: '导入问卷答卷（multipart，字段 file：.xlsx/.csv；dryRun=true 只预览）', params: KeyIdParams, querystring: SurveyImportQuery } }, async (req) => {
    const ctx = authorize(req, 'evaluation.key')
    const file = await receiveImportFile(req, ctx.lang, config.uploadLimits.formBytes, '.xlsx / .csv')
    return importSurvey(db, ctx, req.params.id, file, { dryRun: req.query.dryRun, limits: config.readLimits })
  })
}
