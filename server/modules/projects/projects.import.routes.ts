import fastifyMultipart from '@fastify/multipart'
import { z } from 'zod'
import type { App, Deps } from '../../app.ts'
import { authorize } from '../../http/context.ts'
import { readerOf } from '../../http/read-routing.ts'
import { recordExport } from '../../platform/audit-access.ts'
import { receiveImportFile, receiveImportStream, sendXlsx } from '../../platform/excel.ts'
import { sendDownload } from '../../platform/files.ts'
import { queueImportJob } from '../../platform/import-jobs.ts'
import { iterateProjects, listTemplateUnits } from './projects.bulk.repository.ts'
import { exportColumns } from './projects.excel.ts'
import { buildTemplate } from './projects.template.ts'
import { importProjects } from './projects.import.ts'
import { importProjectsJob } from './projects.jobs.ts'
import { ProjectListQuery } from './projects.schemas.ts'

const AmountUnitQuery = z.strictObject({ amountUnit: z.enum(['yuan', 'wan']).default('yuan') })
const Flag = z.enum(['true', 'false']).default('false').transform((v) => v === 'true')
const ImportQuery = z.strictObject({ dryRun: Flag, background: Flag })
/** The list's filters and sort, without paging: the export is the whole filtered list. */
const ExportQuery = ProjectListQuery.omit({ page: true, pageSize: true })

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** The project library in Excel: the import template, the import (preview or commit) and the export. */
export async function projectImportRoutes(app: App, deps: Deps) {
  const { db, config } = deps
  const reads = readerOf(deps)
  const tags = ['projects']
  await app.register(fastifyMultipart, { limits: { fileSize: config.uploadLimits.importBytes, files: 1, fields: 5 } })

  app.get('/api/projects/import-template', { schema: { tags, summary: '项目库导入模板（.xlsx）', querystring: AmountUnitQuery } }, async (req, reply) => {
    const ctx = authorize(req, 'project.edit')
    const units = await listTemplateUnits(db, ctx.actor)
    const content = await buildTemplate(units, req.query.amountUnit)
    return sendDownload(reply, { fileName: '项目库导入模板.xlsx', contentType: XLSX, content })
  })

  app.post(
    '/api/projects/import',
    {
      schema: {
        tags,
        summary: '导入项目库（multipart，字段 file：.xlsx 或 .csv，≤50 MB；dryRun=true 只预览不写入；background=true 作为后台任务写入，返回 202 { jobRunId }，进度与结果见 GET /api/jobs/:id）',
        querystring: ImportQuery,
      },
    },
    async (req, reply) => {
      const ctx = authorize(req, 'project.edit')
      const formats = '.xlsx 或 .csv'
      if (!req.query.background || req.query.dryRun) {
        const file = await receiveImportFile(req, ctx.lang, config.uploadLimits.importBytes, formats)
        return importProjects(db, ctx, file, { dryRun: req.query.dryRun, limits: config.readLimits })
      }
      // Stored piece by piece as it arrives, then imported by the projects.import job.
      const upload = await receiveImportStream(req, ctx.lang, config.uploadLimits.importBytes, formats)
      const queued = await queueImportJob(db, ctx, upload, importProjectsJob, 'project.import_queue')
      return reply.status(202).send(queued)
    },
  )

  app.get('/api/projects/export', { schema: { tags, summary: '导出项目库（当前筛选条件，.xlsx）', querystring: ExportQuery } }, async (req, reply) => {
    const ctx = authorize(req, 'project.read')
    const { amountUnit, ...filter } = req.query
    await recordExport(db, ctx, 'project.export', req.query)
    return sendXlsx(reply, '项目库.xlsx', exportColumns(amountUnit), iterateProjects(reads(req), ctx.actor, filter))
  })
}
