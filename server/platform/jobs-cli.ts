import type { Config } from '../config.ts'
import type { DatabaseHandle } from '../db/database.ts'
import { jobDefinitions } from '../jobs.ts'
import { systemClock } from './clock.ts'
import { enqueueJob, type EnqueueMeta, type JobDefinition } from './jobs.ts'
import { type ProgressOutput, waitWithProgress } from './jobs-progress-bar.ts'
import type { JobRunState } from './jobs-wait.ts'
import { startJobWorker } from './jobs-worker.ts'

/**
 * For CLI commands (`jixiao monitoring open|sweep …`): queues the job, works the queue in this process meanwhile
 * (embedded mode has no other process that could: the data folder is ours; on PostgreSQL a running server may take
 * the job first, which is as good) and shows a progress bar on a terminal, plain lines otherwise. Returns the final
 * state; exit non-zero when it failed. Ctrl-C leaves the job queued: it runs at the next start of a worker.
 */
export async function runJobFromCli<T>(handle: DatabaseHandle, config: Config, def: JobDefinition<T>, data: T, meta: EnqueueMeta & { label?: string; out?: ProgressOutput }): Promise<JobRunState> {
  const { jobRunId } = await enqueueJob(handle.db, def, data, meta)
  const worker = await startJobWorker(
    { db: handle.db, engine: handle.engine, clock: systemClock, config },
    { definitions: jobDefinitions.some((d) => d.kind === def.kind) ? jobDefinitions : [...jobDefinitions, def], pollSeconds: 0.5 },
  )
  try {
    return await waitWithProgress(handle.db, jobRunId, { label: meta.label ?? def.kind, out: meta.out })
  } finally {
    await worker.stop()
  }
}
