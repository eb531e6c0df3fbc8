import type { Db } from '../../db/database.ts'
import type { ActorCtx } from '../../http/context.ts'
import { recordAudit } from '../../platform/audit.ts'
import { enqueueJob } from '../../platform/jobs.ts'
import { refreshCockpitJob } from './cockpit.jobs.ts'
import { jurisdictionFor } from './cockpit.scope.ts'

/** A bureau queues the rewrite of its subtree's summary for a year; the job's progress is on the jobs page. */
export async function startRefresh(db: Db, ctx: ActorCtx, input: { fiscalYear: number; jurisdictionCode?: string }) {
  const root = await jurisdictionFor(db, ctx, input.jurisdictionCode)
  return db.transaction().execute(async (trx) => {
    const payload = { jurisdictionCode: root.code, fiscalYear: input.fiscalYear }
    const { jobRunId } = await enqueueJob(trx, refreshCockpitJob, payload, { createdBy: ctx.actor.userId, jurisdictionCode: root.code, entityType: 'cockpit' })
    await recordAudit(trx, ctx, { action: 'cockpit.refresh', entityType: 'cockpit', entityId: null, after: { ...payload, jobRunId } })
    return { jobRunId, ...payload }
  })
}
