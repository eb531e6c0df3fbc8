import type { Trx } from '../../db/database.ts'
import type { ActorCtx } from '../../http/context.ts'
import { enqueueJob } from '../../platform/jobs.ts'
import { openRoundJob } from './rounds.jobs.ts'

/**
 * Queues a round's opening in the transaction that writes the round (a rollback takes the job away with it) and
 * links the job to the round so its page can show the progress.
 */
export async function startRoundOpening(trx: Trx, ctx: ActorCtx, roundId: string, jurisdictionCode: string): Promise<{ jobRunId: string }> {
  const { jobRunId } = await enqueueJob(trx, openRoundJob, { roundId }, { createdBy: ctx.actor.userId, jurisdictionCode, entityType: 'monitoring_round', entityId: roundId })
  await trx.updateTable('monitoringRound').set({ jobId: jobRunId }).where('id', '=', roundId).execute()
  return { jobRunId }
}
