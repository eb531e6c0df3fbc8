import type { App, Deps } from '../../app.ts'
import { authorize } from '../../http/context.ts'
import { assignAgency, extend, lateView, pickKey, remind } from './rounds.actions.ts'
import { monitoringFormStatusLabels } from '../../../domain/monitoring.ts'
import { fetchPage } from '../../http/paging.ts'
import { recordExport } from '../../platform/audit-access.ts'
import { type ExcelColumn, sendXlsx } from '../../platform/excel.ts'
import { agencyUsersFor, keyFormColumns, keyForms } from './rounds.repository.ts'
import { AgencyBody, ExtensionBody, KeyFormsQuery, KeyPickBody, LateQuery, OpenRoundBody, RemindBody, RollupQuery, RoundIdParams, RoundListQuery, UpdateRoundBody } from './rounds.schemas.ts'
import { getRound, listRounds, mustFindRound, openRound, rollupRounds, updateRound } from './rounds.service.ts'

type LateRow = Awaited<ReturnType<typeof lateView>>['forms'][number]
const lateColumns: ExcelColumn<LateRow>[] = [
  { header: '主管部门', value: (r) => r.departmentName, width: 24 },
  { header: '预算单位', value: (r) => r.unitName ?? '（部门整体）', width: 24 },
  { header: '项目编码', value: (r) => r.projectCode, width: 22 },
  { header: '项目名称', value: (r) => r.projectName ?? '部门整体监控', width: 36 },
  { header: '状态', value: (r) => monitoringFormStatusLabels[r.status].zh, width: 12 },
  { header: '截止时间', value: (r) => new Date(r.dueAt), width: 20 },
  { header: '是否逾期', value: (r) => (r.late ? '是' : '否'), width: 10 },
  { header: '催报次数', value: (r) => r.remindCount, width: 10 },
  { header: '最近催报', value: (r) => (r.remindedAt ? new Date(r.remindedAt) : null), width: 20 },
  { header: '重点监控', value: (r) => (r.isKey ? '是' : '否'), width: 10 },
]

/** 监控批次: open a round (its forms are created in the background), its figures, the late, reminders, extensions, 重点监控. */
export async function roundRoutes(app: App, { db }: Deps) {
  const tags = ['monitoring']

  app.get('/api/monitoring/rounds', { schema: { tags, summary: '监控批次列表（含各状态、逾期、灯色统计）', querystring: RoundListQuery } }, async (req) => {
    const ctx = authorize(req, 'monitoring.read')
    const { page, pageSize, ...filter } = req.query
    return listRounds(db, ctx, filter, { page, pageSize })
  })

  app.get('/api/monitoring/rounds/rollup', { schema: { tags, summary: '市区联动：按行政区划汇总监控批次', querystring: RollupQuery } }, async (req) =>
    rollupRounds(db, authorize(req, 'monitoring.read'), req.query),
  )

  app.get('/api/monitoring/rounds/agencies', { schema: { tags, summary: '可指派的第三方机构用户' } }, async (req) => {
    const ctx = authorize(req, 'monitoring.manage')
    return { items: await agencyUsersFor(db, ctx.actor).limit(500).execute() }
  })

  app.post('/api/monitoring/rounds', { schema: { tags, summary: '发起监控批次（后台生成监控表）', body: OpenRoundBody } }, async (req, reply) =>
    reply.status(201).send(await openRound(db, authorize(req, 'monitoring.manage'), req.body)),
  )

  app.get('/api/monitoring/rounds/:id', { schema: { tags, summary: '监控批次详情', params: RoundIdParams } }, async (req) => getRound(db, authorize(req, 'monitoring.read'), req.params.id))

  app.patch('/api/monitoring/rounds/:id', { schema: { tags, summary: '修改批次名称、截止时间或结束批次', params: RoundIdParams, body: UpdateRoundBody } }, async (req) =>
    updateRound(db, authorize(req, 'monitoring.manage'), req.params.id, req.body),
  )

  app.get('/api/monitoring/rounds/:id/late', { schema: { tags, summary: '未报送情况（按部门、单位）', params: RoundIdParams, querystring: LateQuery } }, async (req) =>
    lateView(db, authorize(req, 'monitoring.read'), req.params.id, req.query),
  )

  app.get('/api/monitoring/rounds/:id/late/export', { schema: { tags, summary: '导出未报送监控表清单', params: RoundIdParams, querystring: LateQuery } }, async (req, reply) => {
    const ctx = authorize(req, 'monitoring.read')
    const view = await lateView(db, ctx, req.params.id, req.query)
    await recordExport(db, ctx, 'monitoring.export_late', { roundId: req.params.id, ...req.query })
    return sendXlsx(reply, '未报送监控表.xlsx', lateColumns, view.forms)
  })

  app.post('/api/monitoring/rounds/:id/remind', { schema: { tags, summary: '催报逾期未报送的监控表', params: RoundIdParams, body: RemindBody } }, async (req) =>
    remind(db, authorize(req, 'monitoring.review'), req.params.id, req.body),
  )

  app.post('/api/monitoring/rounds/:id/extensions', { schema: { tags, summary: '为监控表或预算单位延期', params: RoundIdParams, body: ExtensionBody } }, async (req) =>
    extend(db, authorize(req, 'monitoring.manage'), req.params.id, req.body),
  )

  app.get('/api/monitoring/rounds/:id/key-forms', { schema: { tags, summary: '重点监控项目（或全部项目监控表，供选择）', params: RoundIdParams, querystring: KeyFormsQuery } }, async (req) => {
    const ctx = authorize(req, 'monitoring.read')
    await mustFindRound(db, ctx, req.params.id)
    const { page, pageSize, order, ...filter } = req.query
    const query = keyForms(db, ctx.actor, req.params.id, filter)
    return fetchPage(query.select(keyFormColumns).orderBy('monitoringForm.isKey', 'desc').orderBy('project.amountTotal', order === 'asc' ? 'desc' : 'asc').orderBy('monitoringForm.id'), { page, pageSize }, query.select((eb) => eb.fn.countAll<number>().as('total')))
  })

  app.post('/api/monitoring/rounds/:id/key', { schema: { tags, summary: '手动选入或移出重点监控', params: RoundIdParams, body: KeyPickBody } }, async (req) =>
    pickKey(db, authorize(req, 'monitoring.manage'), req.params.id, req.body),
  )

  app.post('/api/monitoring/rounds/:id/agency', { schema: { tags, summary: '为重点监控项目指派第三方机构', params: RoundIdParams, body: AgencyBody } }, async (req) =>
    assignAgency(db, authorize(req, 'monitoring.manage'), req.params.id, req.body),
  )
}
