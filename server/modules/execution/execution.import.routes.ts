import fastifyMultipart from '@fastify/multipart'
import ExcelJS from 'exceljs'
import type { App, Deps } from '../../app.ts'
import { authorize } from '../../http/context.ts'
import { receiveImportFile, receiveImportStream, workbookBuffer } from '../../platform/excel.ts'
import { sendDownload } from '../../platform/files.ts'
import { queueImportJob } from '../../platform/import-jobs.ts'
import { importPayments } from './execution.import.ts'
import { importPaymentsJob } from './execution.jobs.ts'
import { ImportPaymentsQuery } from './execution.schemas.ts'

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** The treasury export's layout, as a template: the five columns the import reads, and 预算年度 (optional). */
async function paymentTemplate() {
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet('支付明细')
  sheet.columns = [
    { header: '项目编码', width: 24 },
    { header: '支付日期', width: 14 },
    { header: '金额（元）', width: 16 },
    { header: '资金来源', width: 18 },
    { header: '支付凭证号', width: 24 },
    { header: '预算年度', width: 10 },
  ]
  sheet.getRow(1).font = { bold: true }
  const notes = book.addWorksheet('填写说明')
  for (const line of [
    '每行一笔国库集中支付：项目编码、支付日期（如 2026-06-30）、金额（元，退款为负数）、资金来源、支付凭证号。',
    '预算年度可不填，默认取支付日期所在年度；支付凭证号在本区划内唯一：同一文件重复导入不会重复记账。',
    '任何一行有错误时整个文件不写入；请先“预览”查看逐行错误。',
  ]) notes.addRow([line])
  notes.getColumn(1).width = 100
  return workbookBuffer(book)
}

export async function executionImportRoutes(app: App, { db, config }: Deps) {
  const tags = ['execution']
  await app.register(fastifyMultipart, { limits: { fileSize: config.uploadLimits.importBytes, files: 1, fields: 5 } })

  app.get('/api/execution/payments/import-template', { schema: { tags, summary: '国库支付数据导入模板（.xlsx）' } }, async (req, reply) => {
    authorize(req, 'execution.push')
    return sendDownload(reply, { fileName: '国库支付数据导入模板.xlsx', contentType: XLSX, content: await paymentTemplate() })
  })

  app.post(
    '/api/execution/payments/import',
    { schema: { tags, summary: '导入国库支付数据（multipart，字段 file：.xlsx 或 .csv；dryRun=true 只预览不写入；background=true 作为后台任务导入，返回 202 { jobRunId }）', querystring: ImportPaymentsQuery } },
    async (req, reply) => {
      const ctx = authorize(req, 'execution.push')
      const formats = '.xlsx 或 .csv'
      if (!req.query.background || req.query.dryRun) {
        const file = await receiveImportFile(req, ctx.lang, config.uploadLimits.importBytes, formats)
        return importPayments(db, ctx, { ...file, dryRun: req.query.dryRun, limits: config.readLimits })
      }
      // Large files: stored piece by piece as they arrive, then imported by a background job (progress at GET /api/jobs/:id).
      const upload = await receiveImportStream(req, ctx.lang, config.uploadLimits.importBytes, formats)
      const queued = await queueImportJob(db, ctx, upload, importPaymentsJob, 'execution.payment_import_queue')
      return reply.status(202).send(queued)
    },
  )
}
