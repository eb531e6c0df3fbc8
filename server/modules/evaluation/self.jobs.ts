import { z } from 'zod'
import { defineJob } from '../../platform/jobs.ts'
import { openSelfRoundWork } from './self.open.ts'

/**
 * Opening a self-evaluation round: creates its 自评表 in chunks (resumable and idempotent — a rerun picks up the
 * projects still without a form; the round stays 'opening' and hidden from units until the last step).
 */
export const openSelfRoundJob = defineJob({
  kind: 'evaluation.open-self-round',
  schema: z.strictObject({ roundId: z.uuid() }),
  run: (data, ctx) => openSelfRoundWork(ctx.db, data.roundId, (done, total, message) => ctx.progress(done, total, message)),
})
