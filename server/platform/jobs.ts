import { CompiledQuery } from 'kysely'
import PgBoss from 'pg-boss'
import type { ZodType } from 'zod'
import type { Config } from '../config.ts'
import { type Db, inTransaction, type Trx } from '../db/database.ts'
import type { Clock } from './clock.ts'

/**
 * Background jobs (ADR 0007). A job is a row of `job_run` (kind, payload, progress, result) plus a pg-boss job
 * with the same id in the one queue below; the worker (jobs-worker.ts) takes pg-boss jobs and runs the
 * definition named by the row's kind.
 *
 * Writing a job:
 * - `run` must be **resumable and idempotent**: a worker process can die at any point (kill -9, power cut,
 *   deployment) and the same job then runs again from the start of `run`, in another process. Work in chunks,
 *   each its own transaction, and let each chunk see what an earlier attempt already did (rows that exist,
 *   a status column, `ON CONFLICT DO NOTHING`), or do all-or-nothing work in one transaction. Keep whatever must
 *   stay invisible until the end behind a status (e.g. a round stays `opening` until the last chunk).
 * - Never hold a lock for the whole job (the audit chain's, a row lock): other writers must go on meanwhile.
 * - Report progress with `ctx.progress(done, total, message)`; it is written at once, outside any transaction.
 * - What `run` returns is stored as the job's `result` (JSON); a throw marks the job `failed` with its message
 *   and the job is not retried (re-running is the user's decision). Only a dead worker makes a job run again.
 */
export interface JobContext {
  jobRunId: string
  db: Db
  clock: Clock
  config: Config
  /** The payload as stored (before the definition's schema parsed it). */
  data: unknown
  progress(done: number, total?: number, message?: string): Promise<void>
}

export interface JobDefinition<T> {
  /** Stable name stored in job_run.kind (≤ 40 characters), e.g. `monitoring.open-round`. */
  kind: string
  /** Validates the payload at enqueue and again before each run. */
  schema: ZodType<T>
  run(data: T, ctx: JobContext): Promise<unknown>
}

export interface EnqueueMeta {
  createdBy?: string | null
  jurisdictionCode?: string | null
  entityType?: string
  entityId?: string
}

/** The one pg-boss queue every job of ours goes through (created by migration 2026_12_07_11_job_queue). */
export const JOB_QUEUE = 'jixiao_jobs'
export const JOB_SCHEMA = 'pgboss'

export function defineJob<T>(def: JobDefinition<T>): JobDefinition<T> {
  if (def.kind.length === 0 || def.kind.length > 40) throw new Error(`job kind "${def.kind}" must have 1 to 40 characters`)
  return def
}

/** Inserts the job_run row in the caller's transaction (so it commits with the change) and queues it. */
export async function enqueueJob<T>(
  trx: Db | Trx,
  def: JobDefinition<T>,
  data: T,
  meta: { createdBy?: string | null; jurisdictionCode?: string | null; entityType?: string; entityId?: string },
): Promise<{ jobRunId: string }> {
  const payload = def.schema.parse(data)
  return inTransaction(trx, async (t) => {
    const row = await t
      .insertInto('jobRun')
      .values({
        kind: def.kind,
        data: JSON.stringify(payload ?? null),
        createdBy: meta.createdBy ?? null,
        jurisdictionCode: meta.jurisdictionCode ?? null,
        entityType: meta.entityType ?? null,
        entityId: meta.entityId ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    // pg-boss's own insert, on the caller's connection: a rollback takes the queued job away with the row.
    await queueSender().send(JOB_QUEUE, { jobRunId: row.id }, { id: row.id, db: pgBossDb(t) })
    return { jobRunId: row.id }
  })
}

/**
 * pg-boss's `db` option over one of our Kysely handles: on PGlite every statement takes the dialect's mutex
 * (so it never lands inside someone else's transaction), on a transaction it runs on that transaction's
 * connection. Without our plugins: pg-boss reads its own snake_case columns.
 */
export function pgBossDb(db: Db | Trx): PgBoss.Db {
  const raw = db.withoutPlugins()
  return {
    async executeSql(text: string, values?: unknown[]) {
      const result = await raw.executeQuery(CompiledQuery.raw(text, values ?? []))
      return { rows: result.rows as any[] }
    },
  }
}

let sender: PgBoss | undefined
/** A never-started pg-boss used only to build its insert; every send passes the caller's connection as `db`. */
function queueSender(): PgBoss {
  sender ??= new PgBoss({
    schema: JOB_SCHEMA,
    db: {
      executeSql: () => Promise.reject(new Error('enqueueJob sends on the caller’s connection only')),
    },
  })
  return sender
}

/**
 * For all-or-nothing jobs: stores the job's result inside the transaction that does its work, so the work and the
 * record of it commit together. A run after a crash asks committedJobResult first and returns what the committed
 * attempt did instead of doing it twice. (The worker stores the same result again when the run returns.)
 */
export async function recordJobResultIn(trx: Trx, jobRunId: string, result: { committed: true }): Promise<void> {
  await trx.updateTable('jobRun').set({ result: JSON.stringify(result) }).where('id', '=', jobRunId).execute()
}

/** The result an earlier attempt of this job committed with its work (recordJobResultIn), if any. */
export async function committedJobResult(db: Db, jobRunId: string): Promise<unknown> {
  const row = await db.selectFrom('jobRun').select('result').where('id', '=', jobRunId).executeTakeFirst()
  const result = row?.result as { committed?: unknown } | null | undefined
  return result && typeof result === 'object' && result.committed === true ? result : undefined
}
