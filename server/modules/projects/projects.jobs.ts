import { z } from 'zod'
import type { ActorCtx } from '../../http/context.ts'
import { AppError } from '../../http/errors.ts'
import { activeActor } from '../../platform/actors.ts'
import { storedFileChunks, storedFileHead } from '../../platform/files.ts'
import { committedJobResult, defineJob, type JobContext, recordJobResultIn } from '../../platform/jobs.ts'
import { type ImportProgress, type ImportResult, importProjects, type RowError } from './projects.import.ts'

/** What the job stores as its result: the counts of a committed import, or the row errors of a refused file. */
export type ProjectImportJobResult =
  | (ImportResult & { committed: true })
  | { committed: false; created: 0; updated: 0; unchanged: 0; errorCount: number; errors: RowError[]; message: string }

/**
 * The project import's commit as a background job (POST /api/projects/import?background=true): the upload is stored
 * in pieces, this job reads it back piece by piece and runs the same importProjects as the route, as the user who
 * uploaded it (the same permission and data scope), with progress. The import is one transaction and the job's
 * result is written inside it, so a worker killed before the commit leaves nothing and the rerun starts over, and
 * one killed after it finds the committed result and returns it without importing twice. A file with row problems
 * does not fail the job: its result carries `committed: false` and the row errors, exactly as the route's 422.
 */
export const importProjectsJob = defineJob({
  kind: 'projects.import',
  schema: z.strictObject({ fileId: z.uuid(), userId: z.uuid(), lang: z.enum(['zh', 'en']) }),
  async run(data, job): Promise<ProjectImportJobResult> {
    const earlier = await committedJobResult(job.db, job.jobRunId)
    if (earlier) return earlier as ProjectImportJobResult
    const file = await storedFileHead(job.db, data.fileId)
    const actor = await activeActor(job.db, { userId: data.userId })
    if (!file || !actor || !actor.permissions.has('project.edit')) throw new AppError('FORBIDDEN')
    const ctx: ActorCtx = { actor, requestId: `job-${job.jobRunId}`, clientIp: 'job', now: job.clock.now(), lang: data.lang }
    const content = { size: file.sizeBytes, head: file.head, chunks: () => storedFileChunks(job.db, data.fileId) }
    try {
      const result = await importProjects(job.db, ctx, { fileName: file.fileName, content }, {
        dryRun: false,
        limits: job.config.readLimits,
        onProgress: progressReporter(job, ctx.lang),
        onCommit: (trx, r) => recordJobResultIn(trx, job.jobRunId, { ...r, committed: true }),
      })
      const zh = `已导入：新增 ${result.created}，更新 ${result.updated}，未变 ${result.unchanged}`
      await job.progress(100, 100, ctx.lang === 'zh' ? zh : `Imported: ${result.created} new, ${result.updated} updated, ${result.unchanged} unchanged`)
      return { ...result, committed: true }
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'IMPORT_INVALID') throw error
      const errors = error.details as RowError[]
      const message = error.messageOverride?.[ctx.lang] ?? error.code
      await job.progress(100, 100, message)
      return { committed: false, created: 0, updated: 0, unchanged: 0, errorCount: errors.length, errors, message }
    }
  },
})

/**
 * Progress in percent: reading the file is the first half (the rows are checked right after, in seconds), writing
 * the second. Not awaited: on PGlite a progress write waits for the import's transaction; on PostgreSQL it shows at once.
 */
function progressReporter(job: Pick<JobContext, 'progress'>, lang: 'zh' | 'en') {
  let lastRows = 0
  return (p: ImportProgress) => {
    const say = (percent: number, zh: string, en: string) => job.progress(percent, 100, lang === 'zh' ? zh : en).catch(() => {})
    if (p.phase === 'read') {
      if (p.rows - lastRows < 2000 && p.fraction < 1) return
      lastRows = p.rows
      void say(Math.round(p.fraction * 50), `已读取 ${p.rows} 行`, `${p.rows} rows read`)
    } else if (p.done === 0) {
      void say(55, `已检查，正在写入 ${p.total} 个项目`, `Checked; writing ${p.total} projects`)
    } else {
      void say(80, `已写入 ${p.done} 个项目，正在写入审计记录`, `${p.done} projects written; writing the audit records`)
    }
  }
}
