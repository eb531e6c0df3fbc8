import type { App, Deps } from '../../app.ts'
import { authorize } from '../../http/context.ts'
import { recordExport } from '../../platform/audit-access.ts'
import { type ExcelColumn, sendXlsx } from '../../platform/excel.ts'
import {
  CandidateQuery,
  CloseSpotCheckBody,
  DrawSpotCheckBody,
  RescoreBody,
  SpotCheckExportQuery,
  SpotCheckIdParams,
  SpotCheckItemParams,
  SpotCheckListQuery,
  type SpotCheckCompareRow,
} from './spotchecks.schemas.ts'
import { closeSpotCheck, drawSpotCheck, getComparison, getSpotCheck, itemsForExport, listCandidates, listSpotChecks, rescoreItem } from './spotchecks.service.ts'

type ExportRow = Awaited<ReturnType<typeof itemsForExport>>[number]
const num = (v: string | null) => (v === null ? null : Number(v))

const listColumns: ExcelColumn<ExportRow>[] = [
  { header: '抽查名称', value: (r) => r.sample.name, width: 28 },
  { header: '年度', value: (r) => r.sample.fiscalYear, width: 8 },
  { header: '随机种子', value: (r) => r.sample.seed, width: 16 },
  { header: '抽取方式', value: (r) => (r.pick === 'manual' ? '指定' : '随机'), width: 10 },
  { header: '项目/部门', value: (r) => r.title, width: 34 },
  { header: '主管部门', value: (r) => r.departmentName, width: 20 },
  { header: '预算单位', value: (r) => r.unitName, width: 22 },
  { header: '单位自评得分', value: (r) => num(r.unitTotal), numFmt: '0.00', width: 14 },
  { header: '单位自评等级', value: (r) => r.unitGrade, width: 12 },
  { header: '复核得分', value: (r) => num(r.reviewerTotal), numFmt: '0.00', width: 12 },
  { header: '复核等级', value: (r) => r.reviewerGrade, width: 10 },
  { header: '差异', value: (r) => num(r.gap), numFmt: '0.00', width: 10 },
  { header: '差异较大', value: (r) => (r.flagged ? '是' : ''), width: 10 },
  { header: '状态', value: (r) => (r.status === 'reviewed' ? '已复核' : '待复核'), width: 10 },
]

const compareColumns: ExcelColumn<SpotCheckCompareRow>[] = [
  { header: '一级指标', value: (r) => r.level1, width: 12 },
  { header: '二级指标', value: (r) => r.level2, width: 14 },
  { header: '三级指标', value: (r) => r.name, width: 28 },
  { header: '年度指标值', value: (r) => r.target, width: 14 },
  { header: '分值', value: (r) => num(r.weight), numFmt: '0.00', width: 8 },
  { header: '单位实际完成值', value: (r) => r.unitActual, width: 14 },
  { header: '单位得分', value: (r) => num(r.unitScore), numFmt: '0.00', width: 10 },
  { header: '核实完成值', value: (r) => r.reviewerActual, width: 14 },
  { header: '复核得分', value: (r) => num(r.reviewerScore), numFmt: '0.00', width: 10 },
  { header: '差异', value: (r) => num(r.gap), numFmt: '0.00', width: 10 },
  { header: '复核理由', value: (r) => r.reviewerReason, width: 30 },
]

export async function spotCheckRoutes(app: App, { db }: Deps) {
  const tags = ['evaluation-spot-checks']
  const base = '/api/evaluation/spot-checks'

  app.get(base, { schema: { tags, summary: '抽查复核列表', querystring: SpotCheckListQuery } }, async (req) => {
    const ctx = authorize(req, 'evaluation.spotcheck')
    const { page, pageSize, ...filter } = req.query
    return listSpotChecks(db, ctx, filter, { page, pageSize })
  })

  app.get(`${base}/export`, { schema: { tags, summary: '导出抽查复核结果（每份抽中的自评表一行）', querystring: SpotCheckExportQuery } }, async (req, reply) => {
    const ctx = authorize(req, 'evaluation.spotcheck')
    const rows = await itemsForExport(db, ctx, req.query)
    await recordExport(db, ctx, 'spot_check.export', req.query)
    return sendXlsx(reply, '抽查复核.xlsx', listColumns, rows)
  })

  app.get(`${base}/candidates`, { schema: { tags, summary: '可抽查的已提交自评表（供指定抽查）', querystring: CandidateQuery } }, async (req) => {
    const ctx = authorize(req, 'evaluation.spotcheck')
    return listCandidates(db, ctx, req.query)
  })

  app.post(base, { schema: { tags, summary: '抽取样本（随机种子记录在案，可加指定）', body: DrawSpotCheckBody } }, async (req, reply) =>
    reply.status(201).send(await drawSpotCheck(db, authorize(req, 'evaluation.spotcheck'), req.body)),
  )

  app.get(`${base}/:id`, { schema: { tags, summary: '抽查样本详情', params: SpotCheckIdParams } }, async (req) => getSpotCheck(db, authorize(req, 'evaluation.spotcheck'), req.params.id))

  app.post(`${base}/:id/close`, { schema: { tags, summary: '结束抽查（全部复核后）', params: SpotCheckIdParams, body: CloseSpotCheckBody } }, async (req) =>
    closeSpotCheck(db, authorize(req, 'evaluation.spotcheck'), req.params.id, req.body.version),
  )

  app.get(`${base}/:id/items/:itemId`, { schema: { tags, summary: '单位自评与复核得分对照', params: SpotCheckItemParams } }, async (req) =>
    getComparison(db, authorize(req, 'evaluation.spotcheck'), req.params.id, req.params.itemId),
  )

  app.put(`${base}/:id/items/:itemId`, { schema: { tags, summary: '复核打分', params: SpotCheckItemParams, body: RescoreBody } }, async (req) =>
    rescoreItem(db, authorize(req, 'evaluation.spotcheck'), req.params.id, req.params.itemId, req.body),
  )

  app.get(`${base}/:id/items/:itemId/export`, { schema: { tags, summary: '导出得分对照表', params: SpotCheckItemParams } }, async (req, reply) => {
    const ctx = authorize(req, 'evaluation.spotcheck')
    const comparison = await getComparison(db, ctx, req.params.id, req.params.itemId)
    await recordExport(db, ctx, 'spot_check.export_item', req.params.itemId)
    return sendXlsx(reply, `抽查复核对照-${comparison.title.slice(0, 40)}.xlsx`, compareColumns, comparison.rows)
  })
}
