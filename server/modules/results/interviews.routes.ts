import { interviewSourceLabels } from '../../../domain/interviews.ts'
import type { App, Deps } from '../../app.ts'
import { authorize } from '../../http/context.ts'
import { recordExport } from '../../platform/audit-access.ts'
import { type ExcelColumn, sendXlsx } from '../../platform/excel.ts'
import { listInterviews as listRows, type InterviewRow } from './interviews.repository.ts'
import { CreateInterviewBody, InterviewExportQuery, InterviewIdParams, InterviewListQuery, UpdateInterviewBody, VersionBody } from './interviews.schemas.ts'
import { createInterview, deleteInterview, getInterview, listInterviews, updateInterview } from './interviews.service.ts'

const EXPORT_LIMIT = 50_000

const exportColumns: ExcelColumn<InterviewRow>[] = [
  { header: '约谈日期', value: (r) => r.interviewedOn, width: 12 },
  { header: '年度', value: (r) => r.fiscalYear, width: 8 },
  { header: '被约谈对象', value: (r) => r.orgName, width: 24 },
  { header: '主管部门', value: (r) => r.departmentName, width: 20 },
  { header: '被约谈人职务', value: (r) => r.personTitle, width: 16 },
  { header: '约谈人', value: (r) => r.interviewer, width: 16 },
  { header: '约谈事由', value: (r) => r.reason, width: 40 },
  { header: '来源类型', value: (r) => interviewSourceLabels[r.sourceType].zh, width: 14 },
  { header: '来源', value: (r) => r.sourceName, width: 28 },
  { header: '项目', value: (r) => r.projectName, width: 28 },
  { header: '约谈结果', value: (r) => r.outcome, width: 40 },
]

/** 约谈 records (issue 13): read with results.read in scope, written by the bureau with results.manage. */
export async function interviewRoutes(app: App, { db }: Deps) {
  const tags = ['results']

  app.get('/api/interviews', { schema: { tags, summary: '约谈记录列表', querystring: InterviewListQuery } }, async (req) => {
    const { page, pageSize, ...filter } = req.query
    return listInterviews(db, authorize(req, 'results.read'), filter, { page, pageSize })
  })

  app.get('/api/interviews/export', { schema: { tags, summary: '导出约谈记录', querystring: InterviewExportQuery } }, async (req, reply) => {
    const ctx = authorize(req, 'results.read')
    const rows = await listRows(db, ctx.actor, req.query).limit(EXPORT_LIMIT).execute()
    await recordExport(db, ctx, 'interview.export', req.query)
    return sendXlsx(reply, '约谈记录.xlsx', exportColumns, rows as InterviewRow[])
  })

  app.post('/api/interviews', { schema: { tags, summary: '登记约谈记录', body: CreateInterviewBody } }, async (req, reply) => reply.status(201).send(await createInterview(db, authorize(req, 'results.manage'), req.body)))

  app.get('/api/interviews/:id', { schema: { tags, summary: '约谈记录详情', params: InterviewIdParams } }, async (req) => getInterview(db, authorize(req, 'results.read'), req.params.id))

  app.patch('/api/interviews/:id', { schema: { tags, summary: '修改约谈记录', params: InterviewIdParams, body: UpdateInterviewBody } }, async (req) =>
    updateInterview(db, authorize(req, 'results.manage'), req.params.id, req.body),
  )

  app.delete('/api/interviews/:id', { schema: { tags, summary: '删除约谈记录', params: InterviewIdParams, body: VersionBody } }, async (req, reply) => {
    await deleteInterview(db, authorize(req, 'results.manage'), req.params.id, req.body.version)
    return reply.status(204).send()
  })
}
