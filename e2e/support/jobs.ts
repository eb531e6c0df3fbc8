import { loadConfig } from '../../server/config.ts'
import type { Db } from '../../server/db/database.ts'
import { jobDefinitions } from '../../server/jobs.ts'
import { systemClock } from '../../server/platform/clock.ts'
import { type JobWorker, startJobWorker } from '../../server/platform/jobs-worker.ts'

/** The background-job worker beside the e2e app (the server in `main.ts` starts its own; the test app does not). */
export function startE2eJobWorker(db: Db): Promise<JobWorker> {
  const config = { ...loadConfig({}), logLevel: 'silent' as const }
  return startJobWorker({ db, engine: process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite', clock: systemClock, config }, { definitions: jobDefinitions, pollSeconds: 0.5, heartbeatSeconds: 1 })
}
