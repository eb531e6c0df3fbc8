/**
 * A job worker in a process of its own, for jobs.restart.test.ts (which kills it with SIGKILL mid-job and starts
 * it again). Runs the test job definitions on DATABASE_URL or JIXIAO_DATA_DIR, prints the job's progress as plain
 * lines on stdout until JOB_RUN_ID is done or failed, then stops cleanly and exits.
 */
import { loadConfig } from '../config.ts'
import { openDatabase } from '../db/database.ts'
import { systemClock } from './clock.ts'
import { testJobDefinitions } from './jobs.fixtures.ts'
import { waitWithProgress } from './jobs-progress-bar.ts'
import { startJobWorker } from './jobs-worker.ts'

const jobRunId = process.env.JOB_RUN_ID!
const config = { ...loadConfig(), logLevel: 'silent' }
const handle = await openDatabase(config)
const worker = await startJobWorker(
  { db: handle.db, engine: handle.engine, clock: systemClock, config },
  { definitions: testJobDefinitions, pollSeconds: 0.5, heartbeatSeconds: 0.2, staleSeconds: 1, stopTimeoutSeconds: 2 },
)
process.stdout.write(`worker ${process.pid} started\n`)
const final = await waitWithProgress(handle.db, jobRunId, { label: 'count', out: process.stdout, pollMs: 50 })
await worker.stop()
await handle.close()
process.stdout.write(`finished ${final.status}\n`)
