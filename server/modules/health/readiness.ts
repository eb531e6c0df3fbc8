import { sql } from 'kysely'
import type { Language } from '../../../domain/errors.ts'
import type { Db } from '../../db/database.ts'
import { migrations } from '../../db/migrations/index.ts'
import type { JobWorker } from '../../platform/jobs-worker.ts'

/** A check that takes longer than this counts as failed: a load balancer must get an answer, not a hung probe. */
export const READINESS_TIMEOUT_MS = 3_000
/** A running job whose heartbeat is older than this has lost its worker (jobs-worker.ts reclaims it after 60 s). */
const STALLED_SECONDS = 60

const known = Object.keys(migrations).sort()
const latest = known.at(-1)!

export interface NotReady {
  check: 'database' | 'migrations'
  message: string
}

export interface Readiness {
  notReady: NotReady[]
  /** Why the database check failed, for the log. */
  error?: unknown
  migrations?: { latest: string; pending: number }
  jobs?: { worker: 'taking' | 'stopped' | 'none'; queued: number; oldestQueuedSeconds: number | null; stalled: number }
}

class Timeout extends Error {}

function withinTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Timeout()), ms)
  })
  return Promise.race([work, late]).finally(() => clearTimeout(timer))
}

const texts = {
  unreachable: { zh: '数据库无法连接', en: 'The database cannot be reached' },
  timeout: { zh: `数据库在 ${READINESS_TIMEOUT_MS / 1000} 秒内未响应`, en: `The database did not answer within ${READINESS_TIMEOUT_MS / 1000} s` },
  noMigrations: { zh: '数据库尚未迁移（请运行 jixiao migrate）', en: 'The database is not migrated (run jixiao migrate)' },
  pending: (n: number) => ({ zh: `数据库未迁移到最新：待执行 ${n} 个迁移（请运行 jixiao migrate）`, en: `The database is behind: ${n} migrations pending (run jixiao migrate)` }),
}

async function appliedMigrations(db: Db): Promise<Set<string> | null> {
  const exists = await sql<{ table: string | null }>`select to_regclass('kysely_migration')::text as table`.execute(db)
  if (!exists.rows[0]?.table) return null
  const rows = await sql<{ name: string }>`select name from kysely_migration`.execute(db)
  return new Set(rows.rows.map((r) => r.name))
}

async function jobQueue(db: Db) {
  const row = await db
    .selectFrom('jobRun')
    .select([
      sql<number>`count(*) filter (where status = 'queued')`.as('queued'),
      sql<number | null>`extract(epoch from now() - min(created_at) filter (where status = 'queued'))::int`.as('oldestQueuedSeconds'),
      sql<number>`count(*) filter (where status = 'running' and updated_at < now() - make_interval(secs => ${STALLED_SECONDS}))`.as('stalled'),
    ])
    .where('status', 'in', ['queued', 'running'])
    .executeTakeFirstOrThrow()
  return { queued: Number(row.queued), oldestQueuedSeconds: row.oldestQueuedSeconds === null ? null : Number(row.oldestQueuedSeconds), stalled: Number(row.stalled) }
}

/**
 * Whether this node should get traffic: the database answers and has every migration this code knows. The job
 * queue is reported, never a reason to leave the pool (a backlog is not cured by taking nodes away). A database
 * with migrations this code does not know (a newer release migrated it during a rolling deployment) stays ready.
 */
export async function checkReadiness(db: Db, lang: Language, worker?: () => JobWorker | undefined): Promise<Readiness> {
  try {
    return await withinTimeout(
      (async () => {
        const applied = await appliedMigrations(db)
        if (!applied) return { notReady: [{ check: 'migrations' as const, message: texts.noMigrations[lang] }] }
        const pending = known.filter((name) => !applied.has(name)).length
        if (pending) return { notReady: [{ check: 'migrations' as const, message: texts.pending(pending)[lang] }], migrations: { latest, pending } }
        const state = !worker ? 'none' : worker()?.taking ? 'taking' : 'stopped'
        return { notReady: [], migrations: { latest, pending }, jobs: { worker: state, ...(await jobQueue(db)) } }
      })(),
      READINESS_TIMEOUT_MS,
    )
  } catch (error) {
    return { notReady: [{ check: 'database', message: (error instanceof Timeout ? texts.timeout : texts.unreachable)[lang] }], error }
  }
}
