import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, freemem, platform, release, tmpdir, totalmem } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { CompiledQuery, sql } from 'kysely'
import pg from 'pg'
import { type DatabaseHandle, type Engine, migrateToLatest, openPGlite, openPostgres } from '../../server/db/database.ts'
import { useAuditKey } from '../../server/platform/audit.ts'
import { adminUrl } from '../../server/test/postgres-urls.ts'

const run = promisify(execFile)

export const BENCH_DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
export const BENCH_DATABASE = process.env.BENCH_DATABASE ?? 'jixiao_bench'

export interface BenchDatabase {
  handle: DatabaseHandle
  engine: Engine
  /** PostgreSQL: the bench database's URL (for COPY and the baseline's own pool). */
  url?: string
  describe: string
  dispose(): Promise<void>
}

/** A fresh, migrated database: `jixiao_bench` on BENCH_DATABASE_URL's server, or PGlite in a temporary folder. */
export async function freshDatabase(engine: Engine): Promise<BenchDatabase> {
  useAuditKey(randomBytes(32))
  if (engine === 'postgres') {
    const admin = openPostgres(adminUrl(BENCH_DATABASE_URL))
    await sql.raw(`drop database if exists ${BENCH_DATABASE} with (force)`).execute(admin.db)
    await sql.raw(`create database ${BENCH_DATABASE}`).execute(admin.db)
    const url = adminUrl(BENCH_DATABASE_URL, BENCH_DATABASE)
    const handle = openPostgres(url)
    await migrateToLatest(handle.db)
    const { rows } = await sql<{ version: string }>`select version()`.execute(handle.db)
    return {
      handle,
      engine,
      url,
      describe: rows[0]!.version.split(' on ')[0]!,
      async dispose() {
        await handle.close()
        if (!process.env.BENCH_KEEP) await sql.raw(`drop database if exists ${BENCH_DATABASE} with (force)`).execute(admin.db)
        await admin.close()
      },
    }
  }
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-bench-'))
  const handle = await openPGlite({ dataDir: dir })
  await migrateToLatest(handle.db)
  const { rows } = await sql<{ version: string }>`select version()`.execute(handle.db)
  return {
    handle,
    engine,
    describe: `PGlite (${rows[0]!.version.split(' on ')[0]!}, file-backed, in-process)`,
    async dispose() {
      await handle.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

export interface LoadResult {
  requestsPerSecond: number
  latencyP50: number
  latencyP99: number
  latencyMean: number
  requests: number
  non2xx: number
  errors: number
  bytesPerSecond: number
}

/**
 * Runs autocannon in a child process (so the load generator does not share the server's event loop) against
 * 127.0.0.1 only, for a bounded duration.
 */
export async function autocannon(url: string, options: { connections?: number; duration?: number; headers?: Record<string, string> } = {}): Promise<LoadResult> {
  if (!url.startsWith('http://127.0.0.1:')) throw new Error(`benchmarks only target 127.0.0.1, not ${url}`)
  const args = [resolve('node_modules/autocannon/autocannon.js'), '-j', '-n', '-c', String(options.connections ?? 50), '-d', String(options.duration ?? 10)]
  for (const [k, v] of Object.entries(options.headers ?? {})) args.push('-H', `${k}=${v}`)
  args.push(url)
  const { stdout } = await run(process.execPath, args, { maxBuffer: 64 * 1024 * 1024 })
  const r = JSON.parse(stdout)
  return {
    requestsPerSecond: r.requests.average,
    latencyP50: r.latency.p50,
    latencyP99: r.latency.p99,
    latencyMean: r.latency.average,
    requests: r.requests.total,
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
    bytesPerSecond: r.throughput.average,
  }
}

/** Runs of equal duration as one: rates averaged, latencies weighted by requests. */
export function combine(runs: LoadResult[]): LoadResult {
  const n = runs.reduce((s, r) => s + r.requests, 0) || 1
  const mean = (k: 'requestsPerSecond' | 'bytesPerSecond') => runs.reduce((s, r) => s + r[k], 0) / runs.length
  const weighted = (k: 'latencyP50' | 'latencyP99' | 'latencyMean') => Math.round((runs.reduce((s, r) => s + r[k] * r.requests, 0) / n) * 100) / 100
  return {
    requestsPerSecond: mean('requestsPerSecond'),
    latencyP50: weighted('latencyP50'),
    latencyP99: weighted('latencyP99'),
    latencyMean: weighted('latencyMean'),
    requests: runs.reduce((s, r) => s + r.requests, 0),
    non2xx: runs.reduce((s, r) => s + r.non2xx, 0),
    errors: runs.reduce((s, r) => s + r.errors, 0),
    bytesPerSecond: mean('bytesPerSecond'),
  }
}

export function machine() {
  const cpu = cpus()
  return {
    cpu: cpu[0]?.model ?? 'unknown',
    cores: cpu.length,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    freeMemoryGb: Math.round(freemem() / 2 ** 30),
    os: `${platform()} ${release()}`,
    node: process.version,
  }
}

export function writeResult(name: string, result: unknown) {
  const dir = resolve('bench/results')
  mkdirSync(dir, { recursive: true })
  const file = join(dir, `${name}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`)
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`)
  return file
}

export function table(rows: Record<string, string | number>[]) {
  const keys = Object.keys(rows[0] ?? {})
  const width = keys.map((k) => Math.max(k.length, ...rows.map((r) => String(r[k]).length)))
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(width[i]!)).join('  ')
  return [line(keys), line(width.map((w) => '-'.repeat(w))), ...rows.map((r) => line(keys.map((k) => String(r[k]))))].join('\n')
}

export interface Comparison {
  app: LoadResult
  baseline: LoadResult
  ratio: number
  sliceRatios: number[]
}

/**
 * The app route against its baseline under the same load: a short warm-up each, then interleaved slices
 * (A B B A A B …) so drift in the machine's load hits both alike. Any non-2xx response or error fails the run.
 */
export async function compareUnderLoad(
  appUrl: string,
  baselineUrl: string,
  options: { connections: number; duration: number; rounds: number; headers?: Record<string, string>; label: string; log: (line: string) => void },
): Promise<Comparison> {
  const { connections, rounds, headers, label, log } = options
  log(`${label}: warming up`)
  await autocannon(appUrl, { connections, duration: 2, headers })
  await autocannon(baselineUrl, { connections, duration: 2 })
  const slice = Math.max(1, options.duration / rounds)
  const runApp = () => autocannon(appUrl, { connections, duration: slice, headers })
  const runBase = () => autocannon(baselineUrl, { connections, duration: slice })
  log(`${label}: app and baseline, ${rounds} interleaved slices of ${slice} s each`)
  const appRuns: LoadResult[] = []
  const baseRuns: LoadResult[] = []
  for (let r = 0; r < rounds; r++) {
    if (r % 2 === 0) {
      appRuns.push(await runApp())
      baseRuns.push(await runBase())
    } else {
      baseRuns.push(await runBase())
      appRuns.push(await runApp())
    }
  }
  const app = combine(appRuns)
  const baseline = combine(baseRuns)
  for (const [who, r] of [['app', app], ['baseline', baseline]] as const) {
    if (r.non2xx || r.errors) throw new Error(`${who} had ${r.non2xx} non-2xx responses and ${r.errors} errors on ${label}`)
  }
  const sliceRatios = appRuns.map((a, i) => Math.round((a.requestsPerSecond / baseRuns[i]!.requestsPerSecond) * 100) / 100)
  return { app, baseline, ratio: app.requestsPerSecond / baseline.requestsPerSecond, sliceRatios }
}

/**
 * One hand-written SQL, run the way a careful bare endpoint would: on PostgreSQL its own pool the size of the
 * app's; on PGlite the handle the app uses (one in-process connection is the only way in).
 */
export function baselineQuery(db: BenchDatabase, text: string) {
  if (db.engine === 'postgres') {
    const pool = new pg.Pool({ connectionString: db.url, max: Number(process.env.JIXIAO_PG_POOL ?? 10) })
    return { query: async (params: unknown[]) => (await pool.query(text, params)).rows as Record<string, unknown>[], close: () => pool.end() }
  }
  return { query: async (params: unknown[]) => (await db.handle.db.executeQuery(CompiledQuery.raw(text, params))).rows as Record<string, unknown>[], close: async () => {} }
}
