import { z } from 'zod'
import {
  indicatorNatureLabels,
  indicatorScopeLabels,
  indicatorStatusLabels,
  type ProjectKind,
  projectKindLabels,
  type Sector,
  sectorLabels,
} from '../../../domain/indicators.ts'
import type { App, Deps } from '../../app.ts'
import { authorize } from '../../http/context.ts'
import { fetchPage } from '../../http/paging.ts'
import { recordExport } from '../../platform/audit-access.ts'
import { type ExcelColumn, sendXlsx } from '../../platform/excel.ts'
import { rankedSearchTerms } from '../../platform/search.ts'
import { indicatorFacets } from './indicators.facets.ts'
import { recommendIndicators } from './indicators.recommend.ts'
import { listIndicators } from './indicators.repository.ts'
import {
  CreateIndicatorBody,
  DecisionBody,
  IndicatorIdParams,
  IndicatorListQuery,
  RecommendQuery,
  RequiredOpinionBody,
  ReviseIndicatorBody,
} from './indicators.schemas.ts'
import { confirmIndicator, createIndicator, getIndicator, rejectIndicator, retireIndicator, reviseIndicator } from './indicators.service.ts'

const ExportQuery = IndicatorListQuery.omit({ page: true, pageSize: true })
const EXPORT_LIMIT = 20_000

type ListRow = Awaited<ReturnType<ReturnType<typeof listIndicators>['execute']>>[number]
const labels = <K extends string>(table: Record<K, { zh: string }>, keys: readonly string[]) => keys.map((k) => table[k as K]?.zh ?? k).join('、')

const exportColumns: ExcelColumn<ListRow>[] = [
  { header: '指标编码', value: (r) => r.code, width: 14 },
  { header: '指标名称', value: (r) => r.name, width: 30 },
  { header: '版本', value: (r) => r.revision, width: 8 },
  { header: '一级指标', value: (r) => r.level1 },
  { header: '二级指标', value: (r) => r.level2 },
  { header: '指标性质', value: (r) => indicatorNatureLabels[r.nature].zh, width: 10 },
  { header: '计量单位', value: (r) => r.unit, width: 10 },
  { header: '参考指标值', value: (r) => r.exampleTarget },
  { header: '适用行业', value: (r) => labels<Sector>(sectorLabels, r.sectors), width: 24 },
  { header: '适用项目类型', value: (r) => labels<ProjectKind>(projectKindLabels, r.projectKinds), width: 24 },
  { header: '指标类别', value: (r) => indicatorScopeLabels[r.scope].zh, width: 10 },
  { header: '状态', value: (r) => indicatorStatusLabels[r.status].zh, width: 10 },
]

// A query without a meaningful word ranks nothing and so finds nothing (no fallback to matching the raw text).
const queryOf = (q: string | undefined) => (q ? rankedSearchTerms(q) : undefined)

export async function indicatorRoutes(app: App, { db }: Deps) {
  const tags = ['indicators']

  app.get('/api/indicators', { schema: { tags, summary: '指标库检索（分词、BM25 排序）', querystring: IndicatorListQuery } }, async (req) => {
    const ctx = authorize(req, 'indicator.read')
    const query = queryOf(req.query.q)
    return fetchPage(listIndicators(db, ctx.actor, req.query, query), req.query, query ? 'window' : undefined)
  })

  app.get('/api/indicators/export', { schema: { tags, summary: '导出指标库', querystring: ExportQuery } }, async (req, reply) => {
    const ctx = authorize(req, 'indicator.read')
    const rows = await listIndicators(db, ctx.actor, { ...req.query, page: 1, pageSize: EXPORT_LIMIT }, queryOf(req.query.q)).limit(EXPORT_LIMIT).execute()
    await recordExport(db, ctx, 'indicator.export', req.query)
    return sendXlsx(reply, '指标库.xlsx', exportColumns, rows)
  })

  app.get('/api/indicators/facets', { schema: { tags, summary: '指标库分类计数（指标体系树、行业、项目类型）', querystring: z.strictObject({ year: IndicatorListQuery.shape.year }) } }, async (req) =>
    indicatorFacets(db, authorize(req, 'indicator.read').actor, req.query.year),
  )

  app.get('/api/indicators/recommend', { schema: { tags, summary: '为项目推荐指标', querystring: RecommendQuery } }, async (req) =>
    recommendIndicators(db, authorize(req, 'indicator.read'), req.query),
  )

  app.post('/api/indicators', { schema: { tags, summary: '新增指标（财政直接入库，其他角色为提议）', body: CreateIndicatorBody } }, async (req, reply) =>
    reply.status(201).send(await createIndicator(db, authorize(req, 'indicator.propose'), req.body)),
  )

  app.get('/api/indicators/:id', { schema: { tags, summary: '指标详情（含各版本）', params: IndicatorIdParams } }, async (req) =>
    getIndicator(db, authorize(req, 'indicator.read'), req.params.id),
  )

  app.post('/api/indicators/:id/confirm', { schema: { tags, summary: '确认提议的指标', params: IndicatorIdParams, body: DecisionBody } }, async (req) =>
    confirmIndicator(db, authorize(req, 'indicator.manage'), req.params.id, req.body),
  )

  app.post('/api/indicators/:id/reject', { schema: { tags, summary: '不予采纳提议的指标', params: IndicatorIdParams, body: RequiredOpinionBody } }, async (req) =>
    rejectIndicator(db, authorize(req, 'indicator.manage'), req.params.id, req.body),
  )

  app.post('/api/indicators/:id/revise', { schema: { tags, summary: '修订指标（生成新版本）', params: IndicatorIdParams, body: ReviseIndicatorBody } }, async (req) =>
    reviseIndicator(db, authorize(req, 'indicator.manage'), req.params.id, req.body),
  )

  app.post('/api/indicators/:id/retire', { schema: { tags, summary: '停用指标', params: IndicatorIdParams, body: RequiredOpinionBody } }, async (req) =>
    retireIndicator(db, authorize(req, 'indicator.manage'), req.params.id, req.body),
  )
}
