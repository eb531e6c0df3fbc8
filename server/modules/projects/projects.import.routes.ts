import fastifyMultipart from '@fastify/multipart'
import { z } from 'zod'
import type { App, Deps } from '../../app.ts'
import { authorize } from '../../http/context.ts'
import { readerOf } from '../../http/read-routing.ts'
import { recordExport } from '../../platform/audit-access.ts'
import { receiveImportFile, sendXlsx } from '../../platform/excel.ts'
import { sendDownload } from '../../platform/files.ts'
import { iterateProjects, listTemplateUnits } from './projects.bulk.repository.ts'
import { exportColumns } from './projects.excel.ts'
import { buildTemplate } from './projects.template.ts'
import { importProjects } from './projects.import.ts'
import { ProjectListQuery } from './projects.schemas.ts'

const AmountUnitQuery = z.strictObject({ amountUnit: z.enum(['yuan', 'wan']).default('yuan') })
const ImportQuery = z.strictObject({ dryRun: z.enum(['true', 'false']).default('false').transform((v) => v === 'true') })
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
    { schema: { tags, summary: '导入项目库（multipart，字段 file：.xlsx 或 .csv，≤50 MB；dryRun=true 只预览不写入）', querystring: ImportQuery } },
    async (req) => {
      const ctx = authorize(req, 'project.edit')
      const file = await receiveImportFile(req, ctx.lang, config.uploadLimits.importBytes, '.xlsx 或 .csv')
      return importProjects(db, ctx, file, { dryRun: req.query.dryRun, limits: config.readLimits })
    },
  )

  app.get('/api/projects/export', { schema: { tags, summary: '导出项目库（当前筛选条件，.xlsx）', querystring: ExportQuery } }, async (req, reply) => {
    const ctx = authorize(req, 'project.read')
    const { amountUnit, ...filter } = req.query
    await recordExport(db, ctx, 'project.export', req.query)
    return sendXlsx(reply, '项目库.xlsx', exportColumns(amountUnit), iterateProjects(reads(req), ctx.actor, filter))
  })
}
