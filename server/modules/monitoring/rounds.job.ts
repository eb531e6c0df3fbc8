import type { Db, Trx } from '../../db/database.ts'
import type { ActorCtx } from '../../http/context.ts'
import { type OpenRoundResult, openRoundWork } from './rounds.open.ts'

/**
 * How a round's opening starts. Until the job queue (server/platform/jobs.ts) is on this branch the work runs
 * right after the round's transaction commits, in the request; with the queue it is enqueued in that transaction
 * and the worker runs openRoundWork.
 */
export async function startRoundOpening(db: Db, _trx: Trx, _ctx: ActorCtx, roundId: string, _jurisdictionCode: string): Promise<{ jobRunId: string | null; afterCommit: () => Promise<OpenRoundResult | null> }> {
  return { jobRunId: null, afterCommit: () => openRoundWork(db, roundId) }
}
