import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createReadStream } from 'node:fs'
import { pipeline } from 'node:stream/promises'
import { sql } from 'kysely'
import pg from 'pg'
import copyStreams from 'pg-copy-streams'
import { generateBenchData } from '../server/bench-data/generate.ts'
import { loadConfig } from '../server/config.ts'
import type { Engine } from '../server/db/database.ts'
import { systemClock } from '../server/platform/clock.ts'
import { importPaymentsJob } from '../server/modules/execution/execution.jobs.ts'
import { storeFileChunks } from '../server/platform/files.ts'
import { enqueueJob } from '../server/platform/jobs.ts'
import { waitForJobRun } from '../server/platform/jobs-wait.ts'
import { startJobWorker } from '../server/platform/jobs-worker.ts'
import { systemContext } from '../server/system-context.ts'
import { type BenchDatabase, freshDatabase, machine, table, writeResult } from './lib/harness.ts'
import { type PaymentTarget, writePaymentFiles } from './lib/payments.ts'
import { lightsBench } from './lib/lights.ts'

/**
 * npm run bench -- monitoring [--engine postgres] [--rows N] [--scale city|province]
 *
 * (a) a round's lights over the generated set (a round per jurisdiction at June, every indicator's progress filled):
 *     the app's sweep (sweepRoundLights, as the job runs it) against one hand-written SQL writing the same lights.
 * (b) importing N payment rows (default 1,000,000) as the app does — a background job streaming the treasury CSV —
 *     against COPY of the same rows into execution_payment, in the same run; target ratio COPY time / app time ≥ 0.3.
 *     Peak RSS is sampled during both: the import streams, so memory stays flat whatever N.
 * PostgreSQL only for (b): COPY is the baseline, and PGlite's COPY needs its own handle.
 */

export interface MonitoringBenchOptions {
  rows: number
  scale: 'city' | 'province'
  log: (line: string) => void
}

const MB = 1024 * 1024

/** Samples RSS every 100 ms while `work` runs: the peak above the level before it says whether memory stayed flat. */
async function withMemory<T>(work: () => Promise<T>): Promise<{ value: T; seconds: number; rssBeforeMb: number; rssPeakMb: number }> {
  const before = process.memoryUsage().rss
  let peak = before
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100)
  const started = performance.now()
  try {
    const value = await work()
    return { value, seconds: (performance.now() - started) / 1000, rssBeforeMb: Math.round(before / MB), rssPeakMb: Math.round(Math.max(peak, process.memoryUsage().rss) / MB) }
  } finally {
    clearInterval(timer)
  }
}

/** The 2026 projects of the jurisdiction with the most of them: one bureau imports its own treasury file. */
async function paymentTargets(db: BenchDatabase): Promise<PaymentTarget[]> {
  const { rows: top } = await sql<{ code: string }>`select jurisdiction_code as code from project where jurisdiction_code like '99%' and fiscal_year = 2026
    and status in ('budgeted', 'executing') group by 1 order by count(*) desc, 1 limit 1`.execute(db.handle.db)
  const jurisdiction = top[0]!.code
  const { rows } = await sql<PaymentTarget>`
    select id as "projectId", code, jurisdiction_code as "jurisdictionCode", fiscal_year as "fiscalYear",
      case budget_kind when 'general' then '一般公共预算资金' when 'fund' then '政府性基金预算资金'
        when 'state_capital' then '国有资本经营预算资金' else '社会保险基金预算资金' end as "fundSource"
    from project where jurisdiction_code = ${jurisdiction} and fiscal_year = 2026 and status in ('budgeted', 'executing')
    order by code`.execute(db.handle.db)
  return rows
}

async function removeBenchPayments(db: BenchDatabase) {
  await sql`delete from execution_payment where voucher_no like 'BM%'`.execute(db.handle.db)
  await sql`vacuum analyze execution_payment`.execute(db.handle.db)
}

async function copyBaseline(url: string, file: string) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query('begin')
    const stream = client.query(copyStreams.from('copy execution_payment (jurisdiction_code, project_id, fiscal_year, paid_on, month, amount, fund_source, voucher_no, source) from stdin with (format csv)'))
    await pipeline(createReadStream(file), stream)
    await client.query('commit')
    return Number((stream as unknown as { rowCount: number }).rowCount)
  } finally {
    await client.end()
  }
}

export async function monitoringBench(engine: Engine, options: MonitoringBenchOptions) {
  const { log } = options
  log(`\n== monitoring on ${engine} ==`)
  if (engine !== 'postgres') {
    log('monitoring: PostgreSQL only (COPY is the baseline of (b); run with --engine postgres)')
    return null
  }
  const db = await freshDatabase(engine)
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-bench-payments-'))
  try {
    const ctx = systemContext(systemClock, 'bench')
    const generated = await generateBenchData({ db: db.handle.db, engine, databaseUrl: db.url }, ctx, { scale: options.scale, seed: 1, log })
    const lights = await lightsBench(db, log)
    const targets = await paymentTargets(db)
    const files = { treasury: join(dir, 'treasury.csv'), copy: join(dir, 'copy.csv') }
    log(`writing ${options.rows.toLocaleString('en')} payment rows for ${targets.length.toLocaleString('en')} projects of 2026`)
    await writePaymentFiles(targets, options.rows, files)
    log(`  treasury CSV ${(statSync(files.treasury).size / MB).toFixed(0)} MB, COPY CSV ${(statSync(files.copy).size / MB).toFixed(0)} MB`)

    log('(b) baseline: COPY into execution_payment')
    const copy = await withMemory(() => copyBaseline(db.url!, files.copy))
    if (copy.value !== options.rows) throw new Error(`COPY wrote ${copy.value} rows, not ${options.rows}`)
    await removeBenchPayments(db)

    log('(b) app: the upload stored piece by piece, then the app\'s own import job (execution.import-payments) as the bureau of the file\'s jurisdiction')
    const base = loadConfig()
    const config = { ...base, logLevel: 'silent', readLimits: { ...base.readLimits, maxRows: options.rows + 10, maxCells: (options.rows + 10) * 8, maxSeconds: 3600 } }
    const bureau = await db.handle.db.selectFrom('appUser').select('id').where('roles', '@>', sql<string[]>`array['finance_admin']`).where('orgCode', '=', targets[0]!.jurisdictionCode).executeTakeFirstOrThrow()
    const worker = await startJobWorker({ db: db.handle.db, engine, clock: systemClock, config }, { definitions: [importPaymentsJob], pollSeconds: 0.5 })
    let app
    try {
      app = await withMemory(async () => {
        const jobRunId = await db.handle.db.transaction().execute(async (trx) => {
          const file = await storeFileChunks(trx, { fileName: 'treasury.csv', contentType: 'text/csv' }, createReadStream(files.treasury, { highWaterMark: 1024 * 1024 }), bureau.id, new Date())
          return (await enqueueJob(trx, importPaymentsJob, { fileId: file.id, userId: bureau.id, lang: 'zh' }, { createdBy: bureau.id })).jobRunId
        })
        const final = await waitForJobRun(db.handle.db, jobRunId, { pollMs: 200, timeoutMs: 3_600_000 })
        if (final.status !== 'done') throw new Error(`import job ${final.status}: ${final.error}`)
        return final.result as { created: number; committed: boolean; errors: unknown[] }
      })
    } finally {
      await worker.stop()
    }
    if (!app.value.committed || app.value.created !== options.rows) throw new Error(`the import wrote ${app.value.created} rows, not ${options.rows}: ${JSON.stringify(app.value.errors.slice(0, 3))}`)

    const ratio = copy.seconds / app.seconds
    const rowsPerSecond = (s: number) => Math.round(options.rows / s).toLocaleString('en')
    log(
      table([
        { path: 'app: import job (streamed CSV)', rows: options.rows.toLocaleString('en'), seconds: app.seconds.toFixed(1), 'rows/s': rowsPerSecond(app.seconds), 'RSS MB before → peak': `${app.rssBeforeMb} → ${app.rssPeakMb}`, ratio: ratio.toFixed(2) },
        { path: 'COPY of the same rows', rows: options.rows.toLocaleString('en'), seconds: copy.seconds.toFixed(1), 'rows/s': rowsPerSecond(copy.seconds), 'RSS MB before → peak': `${copy.rssBeforeMb} → ${copy.rssPeakMb}`, ratio: '1.00' },
      ]),
    )
    const result = { benchmark: 'monitoring', engine, database: db.describe, machine: machine(), at: new Date().toISOString(), scale: options.scale, generated, payments: { rows: options.rows, copy, app, ratio }, lights }
    log(`written ${writeResult(`monitoring-${engine}`, result)}`)
    return result
  } finally {
    rmSync(dir, { recursive: true, force: true })
    await db.dispose()
  }
}
