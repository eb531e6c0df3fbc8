import { z } from 'zod'
import { defineJob } from '../../platform/jobs.ts'
import { sweepRoundLights } from './monitoring.lights.ts'

/**
 * Recomputes every light of a round (after a large payment import, a rule-set change, or by hand with
 * `jixiao monitoring sweep`). Chunked in short transactions and idempotent: a killed worker's rerun simply sweeps again.
 */
export const sweepLightsJob = defineJob({
  kind: 'monitoring.sweep-lights',
  schema: z.strictObject({ roundId: z.uuid() }),
  run: (data, ctx) => sweepRoundLights(ctx.db, data.roundId, (done, total, message) => ctx.progress(done, total, message)),
})
