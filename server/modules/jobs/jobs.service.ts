import type { Db } from '../../db/database.ts'
import type { ActorCtx } from '../../http/context.ts'
import { notFound } from '../../http/errors.ts'
import { isWithinScope } from '../../platform/scope.ts'

export interface JobRunView {
  id: string
  kind: string
  status: 'queued' | 'running' | 'done' | 'failed'
  done: number
  total: number | null
  message: string
  result: unknown
  error: string | null
}

/**
 * One job's progress. Seen by whoever started it, and by a finance bureau whose data scope holds the job's
 * jurisdiction (its own or one below it); anyone else gets 404, as for any row out of scope.
 */
export async function getJobRun(db: Db, ctx: ActorCtx, id: string): Promise<JobRunView> {
  const row = await db
    .selectFrom('jobRun')
    .leftJoin('orgNode', 'orgNode.code', 'jobRun.jurisdictionCode')
    .select(['jobRun.id', 'jobRun.kind', 'jobRun.status', 'jobRun.done', 'jobRun.total', 'jobRun.message', 'jobRun.result', 'jobRun.error', 'jobRun.createdBy', 'orgNode.path as jurisdictionPath'])
    .where('jobRun.id', '=', id)
    .executeTakeFirst()
  if (!row) return notFound()
  const actor = ctx.actor
  const readsJurisdiction = actor.org.kind === 'jurisdiction' && row.jurisdictionPath !== null && isWithinScope(actor, row.jurisdictionPath)
  if (row.createdBy !== actor.userId && !readsJurisdiction) return notFound()
  return { id: row.id, kind: row.kind, status: row.status, done: row.done, total: row.total, message: row.message, result: row.result ?? null, error: row.error }
}
