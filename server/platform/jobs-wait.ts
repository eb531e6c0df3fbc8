import type { Db } from '../db/database.ts'
import type { JobStatus } from '../db/schema.ts'

export interface JobRunState {
  id: string
  kind: string
  status: JobStatus
  done: number
  total: number | null
  message: string
  result: unknown
  error: string | null
  attempts: number
}

export interface WaitOptions {
  timeoutMs?: number
  pollMs?: number
  /** Called with every state read, including the last one. */
  onState?: (state: JobRunState) => void
}

export class JobWaitTimeout extends Error {
  constructor(readonly state: JobRunState | undefined) {
    super(`job ${state?.id ?? ''} still ${state?.status ?? 'missing'} after the wait`)
  }
}

export async function readJobRun(db: Db, jobRunId: string): Promise<JobRunState | undefined> {
  return db
    .selectFrom('jobRun')
    .select(['id', 'kind', 'status', 'done', 'total', 'message', 'result', 'error', 'attempts'])
    .where('id', '=', jobRunId)
    .executeTakeFirst()
}

/** Polls a job_run row until it is done or failed (some worker must be running it); throws JobWaitTimeout. */
export async function waitForJobRun(db: Db, jobRunId: string, options: WaitOptions = {}): Promise<JobRunState> {
  const deadline = Date.now() + (options.timeoutMs ?? Number.POSITIVE_INFINITY)
  for (;;) {
    const state = await readJobRun(db, jobRunId)
    if (state) options.onState?.(state)
    if (state && (state.status === 'done' || state.status === 'failed')) return state
    if (Date.now() >= deadline) throw new JobWaitTimeout(state)
    await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 250))
  }
}
