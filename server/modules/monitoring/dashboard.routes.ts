import type { App, Deps } from '../../app.ts'
import { authorize } from '../../http/context.ts'
import { readerOf } from '../../http/read-routing.ts'
import { AppError } from '../../http/errors.ts'
import { recordExport } from '../../platform/audit-access.ts'
import { sendDownload } from '../../platform/files.ts'
import { DOCX } from '../../platform/docx.ts'
import { DashboardQuery, RoundReportQuery } from './dashboard.schemas.ts'
import { departmentFor, mustFindRound } from './dashboard.scope.ts'
import { dashboardOf } from './dashboard.service.ts'
import { roundFormsWorkbook } from './export.workbook.ts'
import { roundReportData } from './report.data.ts'
import { roundReportDocx } from './report.docx.ts'

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

export async function monitoringDashboardRoutes(app: App, deps: Deps) {
  const { db } = deps
  const reads = readerOf(deps)
  const tags = ['monitoring']

  app.get('/api/monitoring/dashboard', { schema: { tags, summary: '监控看板：分部门、分地区亮灯，执行率与时间进度，偏差最大的项目，逾期未报（每个数字附表单列表的筛选条件）', querystring: DashboardQuery } }, async (req) =>
    dashboardOf(reads(req), authorize(req, 'monitoring.read'), req.query),
  )

  app.get('/api/monitoring/report.docx', { schema: { tags, summary: '下载绩效运行监控报告（Word）：本级财政或一个主管部门', querystring: RoundReportQuery } }, async (req, reply) => {
    const ctx = authorize(req, 'monitoring.read')
    const round = await mustFindRound(db, ctx.actor, req.query.roundId)
    // The report is the bureau's and the department's: a unit reports through its forms.
    if (ctx.actor.org.kind === 'unit') throw new AppError('FORBIDDEN')
    const department = await departmentFor(db, ctx.actor, round, req.query.departmentCode)
    await recordExport(db, ctx, 'monitoring.download_report', { roundId: round.id, departmentCode: department?.code ?? null })
    const content = await roundReportDocx(await roundReportData(reads(req), ctx, round, department))
    return sendDownload(reply, { fileName: `${department?.name ?? round.jurisdictionName}${round.name}绩效运行监控报告.docx`, contentType: DOCX, content })
  })

  app.get('/api/monitoring/export.xlsx', { schema: { tags, summary: '导出一个批次的全部监控表（绩效监控表格式）', querystring: RoundReportQuery } }, async (req, reply) => {
    const ctx = authorize(req, 'monitoring.read')
    const round = await mustFindRound(db, ctx.actor, req.query.roundId)
    const department = await departmentFor(db, ctx.actor, round, req.query.departmentCode)
    const content = await roundFormsWorkbook(reads(req), ctx, round, department?.code ?? null)
    await recordExport(db, ctx, 'monitoring.export_forms', { roundId: round.id, departmentCode: department?.code ?? null })
    return sendDownload(reply, { fileName: `${department?.name ?? round.jurisdictionName}${round.name}绩效监控表.xlsx`, contentType: XLSX, content })
  })
}
