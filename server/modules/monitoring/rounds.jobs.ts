import { z } from 'zod'
import { defineJob } from '../../platform/jobs.ts'
import { openRoundWork } from './rounds.open.ts'

/**
 * Opening a monitoring round: creates its forms in chunks (resumable and idempotent — a killed worker's rerun
 * picks up the projects still without a form; the round stays 'opening' and hidden from units until the last
 * step). Returns the counts, stored as the job's result.
 */
export const openRoundJob = defineJob({
  kind: 'monitoring.open-round',
  schema: z.strictObject({ roundId: z.uuid() }),
  run: (data, ctx) => openRoundWork(ctx.db, data.roundId, (done, total, message) => ctx.progress(done, total, message)),
})
