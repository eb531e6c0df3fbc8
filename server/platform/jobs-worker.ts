import { sql } from 'kysely'
import PgBoss from 'pg-boss'
import type { Config } from '../config.ts'
import type { Db, Engine } from '../db/database.ts'
import { AppError } from '../http/errors.ts'
import { errorCatalog } from '../../domain/errors.ts'
import type { Clock } from './clock.ts'
import { JOB_QUEUE, JOB_SCHEMA, type JobContext, type JobDefinition, pgBossDb } from './jobs.ts'

export interface JobWorkerDeps {
  db: Db
  engine: Engine
  clock: Clock
  config: Config
}

export interface JobWorkerOptions {
  /** The definitions this worker can run (the app passes `jobDefinitions` from server/jobs.ts). */
  definitions: readonly JobDefinition<any>[]
  /** How often an idle worker asks the queue for work (pg-boss: at least 0.5 s). */
  pollSeconds?: number
  /** How often a running job's row is touched, so other workers know its process is alive. */
  heartbeatSeconds?: number
  /** A running job whose row was not touched for this long belongs to a dead process and is run again. */
  staleSeconds?: number
  /** Jobs this process runs at once (one pg-boss polling loop each). */
  concurrency?: number
  /** How long stop() waits for running jobs before handing them back to the queue. */
  stopTimeoutSeconds?: number
  onError?: (error: unknown) => void
  /** Told of every progress a job reports, after it is stored (serve logs it at debug level). */
  onProgress?: (job: { id: string; kind: string }, done: number, total?: number) => void
}

export interface JobWorker {
  stop(): Promise<void>
  /** Whether it still takes jobs (false once stop() began): the readiness check reports it. */
  readonly taking: boolean
}

type Definitions = ReadonlyMap<string, JobDefinition<unknown>>

/**
 * Starts taking jobs: pg-boss (10.3.3) over the app's own database handle, on PostgreSQL and PGlite alike.
 * A job whose worker died (its heartbeat stopped) is handed back to pg-boss as failed; pg-boss retries it
 * (queue retryLimit 5) and the definition runs again from the top — hence resumable, idempotent handlers.
 * PGlite is one process by construction (the data folder lock), so there every running job found at start is dead.
 */
export async function startJobWorker(deps: JobWorkerDeps, options: JobWorkerOptions): Promise<JobWorker> {
  const { db } = deps
  const heartbeatMs = (options.heartbeatSeconds ?? 10) * 1000
  const staleSeconds = options.staleSeconds ?? 60
  const onError = options.onError ?? ((error) => console.error('[jobs]', error))
  const definitions: Definitions = new Map(options.definitions.map((d) => [d.kind, d as JobDefinition<unknown>]))
  const running = new Set<string>()

  const boss = new PgBoss({ db: pgBossDb(db), schema: JOB_SCHEMA, migrate: true, supervise: true, schedule: false })
  boss.on('error', onError)
  await boss.start()

  const reclaim = (seconds: number) => reclaimDeadJobs(db, boss, seconds, running).catch(onError)
  await reclaim(deps.engine === 'pglite' ? 0 : staleSeconds)
  const reclaimTimer = setInterval(() => void reclaim(staleSeconds), Math.max(250, (staleSeconds * 1000) / 2))
  reclaimTimer.unref()

  const run = (jobRunId: string) => runJob(deps, definitions, jobRunId, { heartbeatMs, running, onProgress: options.onProgress })
  for (let i = 0; i < (options.concurrency ?? 1); i++) {
    await boss.work<{ jobRunId: string }>(JOB_QUEUE, { pollingIntervalSeconds: options.pollSeconds ?? 1, batchSize: 1 }, async ([job]) => {
      if (job) await run(job.data.jobRunId)
    })
  }

  let taking = true
  return {
    get taking() {
      return taking
    },
    async stop() {
      taking = false
      clearInterval(reclaimTimer)
      await boss.stop({ graceful: true, close: false, timeout: (options.stopTimeoutSeconds ?? 30) * 1000 })
    },
  }
}

async function runJob(deps: JobWorkerDeps, definitions: Definitions, jobRunId: string, run: { heartbeatMs: number; running: Set<string>; onProgress: JobWorkerOptions['onProgress'] }) {
  const { db } = deps
  const { heartbeatMs, running } = run
  const row = await db.selectFrom('jobRun').select(['kind', 'status', 'data']).where('id', '=', jobRunId).executeTakeFirst()
  // Rolled back with its transaction (cannot happen: the pg-boss job went with it), or finished by an earlier delivery.
  if (!row || row.status === 'done' || row.status === 'failed') return
  const def = definitions.get(row.kind)
  if (!def) return finish(db, jobRunId, { status: 'failed', error: `no job definition of kind "${row.kind}" in this worker` })
  const parsed = def.schema.safeParse(row.data)
  if (!parsed.success) return finish(db, jobRunId, { status: 'failed', error: `invalid payload: ${parsed.error.message}` })

  running.add(jobRunId)
  await db
    .updateTable('jobRun')
    .set({ status: 'running', attempts: sql`attempts + 1`, startedAt: sql`coalesce(started_at, now())`, updatedAt: sql`now()`, error: null })
    .where('id', '=', jobRunId)
    .execute()
  const heartbeat = setInterval(() => {
    db.updateTable('jobRun').set({ updatedAt: sql`now()` }).where('id', '=', jobRunId).where('status', '=', 'running').execute().catch(() => {})
  }, heartbeatMs)
  heartbeat.unref()
  const ctx: JobContext = {
    jobRunId,
    db,
    clock: deps.clock,
    config: deps.config,
    data: row.data,
    progress: async (done, total, message) => {
      await recordProgress(db, jobRunId, done, total, message)
      run.onProgress?.({ id: jobRunId, kind: row.kind }, done, total)
    },
  }
  try {
    const result = await def.run(parsed.data, ctx)
    clearInterval(heartbeat)
    await finish(db, jobRunId, { status: 'done', result: JSON.stringify(result ?? null) })
  } catch (error) {
    clearInterval(heartbeat)
    await finish(db, jobRunId, { status: 'failed', error: errorText(error) })
  } finally {
    running.delete(jobRunId)
  }
}

async function recordProgress(db: Db, jobRunId: string, done: number, total?: number, message?: string) {
  await db
    .updateTable('jobRun')
    .set({
      done: Math.max(0, Math.trunc(done)),
      ...(total === undefined ? {} : { total: Math.max(0, Math.trunc(total)) }),
      ...(message === undefined ? {} : { message }),
      updatedAt: sql`now()`,
    })
    .where('id', '=', jobRunId)
    .execute()
}

async function finish(db: Db, jobRunId: string, outcome: { status: 'done' | 'failed'; result?: string; error?: string }) {
  await db
    .updateTable('jobRun')
    .set({
      status: outcome.status,
      ...(outcome.result === undefined ? {} : { result: outcome.result }),
      error: outcome.error ?? null,
      // A finished job shows its total as done when it counted one.
      ...(outcome.status === 'done' ? { done: sql`coalesce(total, done)` } : {}),
      finishedAt: sql`now()`,
      updatedAt: sql`now()`,
    })
    .where('id', '=', jobRunId)
    .execute()
}

/**
 * Running jobs whose heartbeat stopped more than `staleSeconds` ago: their pg-boss job is failed so pg-boss
 * retries it (or gives up after the queue's retry limit), and the row says so. The guard on updated_at in the
 * update keeps a job another worker has just taken up again untouched.
 */
async function reclaimDeadJobs(db: Db, boss: PgBoss, staleSeconds: number, running: ReadonlySet<string>) {
  const staleBefore = sql<Date>`now() - make_interval(secs => ${staleSeconds})`
  const stale = await db.selectFrom('jobRun').select('id').where('status', '=', 'running').where('updatedAt', '<=', staleBefore).execute()
  for (const { id } of stale) {
    if (running.has(id)) continue
    const job = await boss.getJobById(JOB_QUEUE, id)
    if (job?.state === 'active') await boss.fail(JOB_QUEUE, id, { message: 'the worker running this job stopped' })
    const after = await boss.getJobById(JOB_QUEUE, id)
    const again = after?.state === 'created' || after?.state === 'retry' || after?.state === 'active'
    await db
      .updateTable('jobRun')
      .set(
        again
          ? { status: 'queued', message: '工作进程中断，等待重新执行 (worker stopped; queued to run again)', updatedAt: sql`now()` }
          : { status: 'failed', error: 'the worker running this job stopped too many times', finishedAt: sql`now()`, updatedAt: sql`now()` },
      )
      .where('id', '=', id)
      .where('status', '=', 'running')
      .where('updatedAt', '<=', staleBefore)
      .execute()
  }
}

/** What a failed job's row says: an AppError by its code and Chinese message, anything else by its message. */
function errorText(error: unknown): string {
  if (error instanceof AppError) return `${error.code}: ${(error.messageOverride ?? errorCatalog[error.code]).zh}`
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code
    return typeof code === 'string' && code !== error.message ? `${code}: ${error.message}` : error.message
  }
  return String(error)
}
