import { z } from 'zod'
import type { ActorCtx } from '../../http/context.ts'
import { AppError } from '../../http/errors.ts'
import { activeActor } from '../../platform/actors.ts'
import { storedFileHead } from '../../platform/files.ts'
import { defineJob } from '../../platform/jobs.ts'
import { importPayments, type PaymentImportResult, type PaymentRowError } from './execution.import.ts'

/**
 * A large payment import in the background (POST /api/execution/payments/import?background=true): the upload is
 * stored (in pieces), this job reads it back piece by piece and runs the same importPayments as the route, as the user who uploaded it (so
 * the same permission and data scope apply), reporting rows done as progress. Resumable: the import is one
 * transaction, so a worker killed mid-way leaves nothing, and the run again starts from the top; vouchers a
 * finished earlier attempt wrote count as unchanged. A file with row problems does not fail the job: its result
 * carries `committed: false` and the row errors, as the preview would.
 */
export const importPaymentsJob = defineJob({
  kind: 'execution.import-payments',
  schema: z.strictObject({ fileId: z.uuid(), userId: z.uuid(), lang: z.enum(['zh', 'en']) }),
  async run(data, job): Promise<PaymentImportResult & { committed: boolean }> {
    const file = await storedFileHead(job.db, data.fileId)
    const actor = await activeActor(job.db, { userId: data.userId })
    if (!file || !actor || !actor.permissions.has('execution.push')) throw new AppError('FORBIDDEN')
    const ctx: ActorCtx = { actor, requestId: `job-${job.jobRunId}`, clientIp: 'job', now: job.clock.now(), lang: data.lang }
    let last = 0
    try {
      const result = await importPayments(job.db, ctx, { fileName: file.fileName, content: { storedFileId: data.fileId, sizeBytes: file.sizeBytes, head: file.head }, limits: job.config.readLimits }, (p) => {
        if (p.rows - last < 2000 && p.fraction < 1) return
        last = p.rows
        // Not awaited: on PGlite the write waits for the import's transaction; on PostgreSQL it shows at once.
        job.progress(Math.round(p.fraction * 100), 100, ctx.lang === 'zh' ? `已处理 ${p.rows} 行` : `${p.rows} rows handled`).catch(() => {})
      })
      await job.progress(100, 100, ctx.lang === 'zh' ? `已导入：新增 ${result.created}，已存在 ${result.unchanged}` : `Imported: ${result.created} new, ${result.unchanged} already stored`)
      return { ...result, committed: true }
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'IMPORT_INVALID') throw error
      const errors = error.details as PaymentRowError[]
      return { dryRun: false, total: 0, created: 0, unchanged: 0, errorCount: errors.length, errors, rows: [], ignoredColumns: [], committed: false }
    }
  },
})

