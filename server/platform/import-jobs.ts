import type { Db } from '../db/database.ts'
import type { ActorCtx } from '../http/context.ts'
import { recordAudit } from './audit.ts'
import { spreadsheetKind } from './excel.ts'
import { storedFileHead, storeFileChunks } from './files.ts'
import { enqueueJob, type JobDefinition } from './jobs.ts'

/** What an import job is given: the stored upload and who uploaded it, in which language. */
export interface ImportJobData {
  fileId: string
  userId: string
  lang: 'zh' | 'en'
}

/**
 * A large import's commit in the background: the upload is stored piece by piece as it arrives, checked to be a
 * spreadsheet (415 otherwise, nothing kept), and its job queued and the queueing audited — one transaction.
 * The job's progress and result are at GET /api/jobs/:id.
 */
export async function queueImportJob(db: Db, ctx: ActorCtx, upload: { fileName: string; content: AsyncIterable<Buffer> }, job: JobDefinition<ImportJobData>, auditAction: string) {
  return db.transaction().execute(async (trx) => {
    const stored = await storeFileChunks(trx, { fileName: upload.fileName, contentType: 'application/octet-stream' }, upload.content, ctx.actor.userId, ctx.now)
    spreadsheetKind((await storedFileHead(trx, stored.id))!.head, stored.fileName)
    const queued = await enqueueJob(trx, job, { fileId: stored.id, userId: ctx.actor.userId, lang: ctx.lang }, { createdBy: ctx.actor.userId, jurisdictionCode: ctx.actor.org.jurisdictionCode })
    await recordAudit(trx, ctx, { action: auditAction, entityType: 'job_run', entityId: queued.jobRunId, after: { fileName: stored.fileName, sizeBytes: stored.sizeBytes } })
    return queued
  })
}
