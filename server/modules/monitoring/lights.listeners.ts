import { sql } from 'kysely'
import type { Trx } from '../../db/database.ts'
import { enqueueJob } from '../../platform/jobs.ts'
import { PROFILE_YEARS } from '../execution/execution.forecast.ts'
import { onFundsChanged } from '../execution/execution.listeners.ts'
import { sweepLightsJob } from './lights.jobs.ts'
import { fundsFollowPaymentsIn, recomputeLightsForProjects } from './monitoring.lights.ts'

/** Above this many projects a payment change re-sweeps the open rounds in the background instead of inline. */
const INLINE_REFRESH_LIMIT = 2000

// Payments or adjustments written: forms still being filled follow them at once (small changes, in the writer's
// transaction), or through a sweep job of each open round (a large import).
onFundsChanged(async (trx, { projectIds }) => {
  await staleForecastsOfLaterYears(trx, projectIds)
  if (projectIds.length <= INLINE_REFRESH_LIMIT) {
    await recomputeLightsForProjects(trx, projectIds)
    return
  }
  // Open rounds are few (a handful per jurisdiction and year): sweep them all rather than match a huge id list.
  const rounds = await trx.selectFrom('monitoringRound').select(['id', 'jurisdictionCode']).where('status', '=', 'open').execute()
  for (const round of rounds) await enqueueJob(trx, sweepLightsJob, { roundId: round.id }, { jurisdictionCode: round.jurisdictionCode, entityType: 'monitoring_round', entityId: round.id })
})

/**
 * Payments of a past year make the spending profiles of the PROFILE_YEARS years after it (execution.forecast.ts).
 * A sweep re-forecasts only forms whose funds moved; so when a past year's payments change (history loaded late),
 * the forecasts of open later rounds of that jurisdiction are cleared and those rounds swept again in the background.
 */
async function staleForecastsOfLaterYears(trx: Trx, projectIds: readonly string[]) {
  const years = await trx.selectFrom('project').select(['jurisdictionCode', 'fiscalYear']).distinct().where('id', '=', sql<string>`any(${[...projectIds]}::uuid[])`).execute()
  for (const { jurisdictionCode, fiscalYear } of years) {
    const rounds = await trx
      .selectFrom('monitoringRound')
      .select('id')
      .where('jurisdictionCode', '=', jurisdictionCode)
      .where('status', '=', 'open')
      .where('fiscalYear', '>', fiscalYear)
      .where('fiscalYear', '<=', fiscalYear + PROFILE_YEARS)
      .execute()
    for (const round of rounds) {
      await trx.updateTable('monitoringForm').set({ systemForecast: null }).where('roundId', '=', round.id).where('status', 'in', [...fundsFollowPaymentsIn]).execute()
      await enqueueJob(trx, sweepLightsJob, { roundId: round.id }, { jurisdictionCode, entityType: 'monitoring_round', entityId: round.id })
    }
  }
}
