import { type Kysely, sql } from 'kysely'
import PgBoss from 'pg-boss'

// Forward-only. Never import app code here (pg-boss is a library, not app code).
// The job queue's own tables (schema `pgboss`, pg-boss 10.3.3, its schema version 24) and the one queue every
// job of ours goes through. They are created with the app's schema, not at the worker's first start, so a use
// case can enqueue a job in its transaction on any database the app runs on — also one no worker ever opened
// (tests, `jixiao migrate` before the first serve). pg-boss's construction script wraps itself in BEGIN … COMMIT;
// here it runs inside the migration's transaction instead. Later pg-boss versions migrate this schema themselves
// at start (`migrate: true`), from the version recorded in pgboss.version. ADR 0007.
const JOB_QUEUE = 'jixiao_jobs'

export async function up(db: Kysely<any>): Promise<void> {
  // A worker started on a database not yet migrated (PostgreSQL, `serve` before `migrate`) has created pg-boss's
  // schema already, and that is as good: only the queue is then missing.
  const existing = await sql<{ found: string | null }>`select to_regclass('pgboss.version')::text as found`.execute(db)
  if (!existing.rows[0]?.found) await createPgBossSchema(db)
  // retryLimit counts restarts after a worker died mid-job (see server/platform/jobs-worker.ts); expiry is left to
  // our heartbeat, so pg-boss's own (at most 24 h) is set near its maximum.
  const options = { policy: 'standard', retryLimit: 5, retryDelay: 0, retryBackoff: false, expireInSeconds: 23 * 3600, retentionMinutes: 14 * 24 * 60 }
  await sql`select pgboss.create_queue(${JOB_QUEUE}, ${JSON.stringify(options)}::json)`.execute(db)
}

async function createPgBossSchema(db: Kysely<any>) {
  const script = PgBoss.getConstructionPlans('pgboss')
    .replace(/^\s*BEGIN;\s*$/m, '')
    .replace(/^\s*COMMIT;\s*$/m, '')
    .replace(/^\s*SET LOCAL [^;]*;\s*$/gm, '')
  await sql.raw(script).execute(db)
}
