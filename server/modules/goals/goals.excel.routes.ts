import fastifyMultipart from '@fastify/multipart'
import type { FastifyReply } from 'fastify'
import { z } from 'zod'
import { goalStatuses } from '../../../domain/goals.ts'
import type { App, Deps } from '../../app.ts'
import { authorize } from '../../http/context.ts'
import { readerOf } from '../../http/read-routing.ts'
import { recordExport } from '../../platform/audit-access.ts'
import { receiveImportFile } from '../../platform/excel.ts'
import { sendDownload } from '../../platform/files.ts'
import { declarationTemplate } from './goals.excel.write.ts'
import { exportDeclaration, exportDeclarationArchive } from './goals.export.ts'
import { importGoals } from './goals.import.ts'
import { GoalIdParams } from './goals.schemas.ts'

const Year = z.coerce.number().pipe(z.int().min(2000).max(2100))
const ImportQuery = z.strictObject({ dryRun: z.enum(['true', 'false']).default('false').transform((v) => v === 'true') })
const TemplateQuery = z.strictObject({ fiscalYear: Year.optional() })
const ExportQuery = z.strictObject({
  departmentCode: z.string().trim().min(1).max(32).optional(),
  fiscalYear: Year.optional(),
  status: z.enum(goalStatuses).optional(),
})

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
const sendWorkbook = (reply: FastifyReply, { fileName, content }: { fileName: string; content: Buffer }) => sendDownload(reply, { fileName, contentType: XLSX, content })

/** The 绩效目标申报表 in Excel: the empty form, the import (preview or commit) and the filled forms. */
export async function goalExcelRoutes(app: App, deps: Deps) {
  const { db, config } = deps
  const reads = readerOf(deps)
  const tags = ['goals']
  // Encapsulated in this plugin's scope, like the project import's own registration.
  await app.register(fastifyMultipart, { limits: { fileSize: config.uploadLimits.formBytes, files: 1, fields: 5 } })

  app.get('/api/goals/import-template', { schema: { tags, summary: '绩效目标申报表模板（.xlsx）', querystring: TemplateQuery } }, async (req, reply) => {
    authorize(req, 'goal.edit')
    const fiscalYear = req.query.fiscalYear ?? req.now.getFullYear() + 1
    return sendWorkbook(reply, { fileName: `绩效目标申报表模板-${fiscalYear}.xlsx`, content: await declarationTemplate(fiscalYear) })
  })

  app.post(
    '/api/goals/import',
    { schema: { tags, summary: '导入绩效目标申报表（multipart，字段 file：.xlsx，≤10 MB，每个工作表一个项目；dryRun=true 只预览不写入）', querystring: ImportQuery } },
    async (req) => {
      const ctx = authorize(req, 'goal.edit')
      const file = await receiveImportFile(req, ctx.lang, config.uploadLimits.formBytes, '.xlsx')
      return importGoals(db, ctx, file, { dryRun: req.query.dryRun, limits: config.readLimits })
    },
  )

  app.get(
    '/api/goals/declarations.zip',
    { schema: { tags, summary: '导出绩效目标申报表（.zip：目录.xlsx 一个目标一行，另每个项目支出绩效目标一个申报表文件）', querystring: ExportQuery } },
    async (req, reply) => {
      const ctx = authorize(req, 'goal.read')
      const { fileName, stream } = await exportDeclarationArchive(reads(req), ctx, req.query, config.exportMaxGoals)
      await recordExport(db, ctx, 'goal.export', req.query)
      return sendDownload(reply, { fileName, contentType: 'application/zip', content: stream })
    },
  )

  app.get('/api/goals/:id/declaration.xlsx', { schema: { tags, summary: '导出一个绩效目标的申报表', params: GoalIdParams } }, async (req, reply) => {
    const ctx = authorize(req, 'goal.read')
    const file = await exportDeclaration(db, ctx, req.params.id)
    await recordExport(db, ctx, 'goal.export_declaration', req.params.id)
    return sendWorkbook(reply, file)
  })
}
