import { enqueueJob } from '../../platform/jobs.ts'
import { onFundsChanged } from '../execution/execution.listeners.ts'
import { sweepLightsJob } from './lights.jobs.ts'
import { recomputeLightsForProjects } from './monitoring.lights.ts'

/** Above this many projects a payment change re-sweeps the open rounds in the background instead of inline. */
const INLINE_REFRESH_LIMIT = 2000

// Payments or adjustments written: forms still being filled follow them at once (small changes, in the writer's
// transaction), or through a sweep job of each open round (a large import).
onFundsChanged(async (trx, { projectIds }) => {
  if (projectIds.length <= INLINE_REFRESH_LIMIT) {
    await recomputeLightsForProjects(trx, projectIds)
    return
  }
  // Open rounds are few (a handful per jurisdiction and year): sweep them all rather than match a huge id list.
  const rounds = await trx.selectFrom('monitoringRound').select(['id', 'jurisdictionCode']).where('status', '=', 'open').execute()
  for (const round of rounds) await enqueueJob(trx, sweepLightsJob, { roundId: round.id }, { jurisdictionCode: round.jurisdictionCode, entityType: 'monitoring_round', entityId: round.id })
})
