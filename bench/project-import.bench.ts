import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { sql } from 'kysely'
import { copyRows, copyField } from '../server/db/copy.ts'
import type { Engine } from '../server/db/database.ts'
import { generateBenchData, benchUsername } from '../server/bench-data/generate.ts'
import type { ActorCtx } from '../server/http/context.ts'
import { activeActor } from '../server/platform/actors.ts'
import { currentAuditKey, recordAudit } from '../server/platform/audit.ts'
import { verifyAuditChain } from '../server/platform/audit-verify.ts'
import { systemClock } from '../server/platform/clock.ts'
import { loadConfig } from '../server/config.ts'
import { importProjects } from '../server/modules/projects/projects.import.ts'
import { importProjectsJob } from '../server/modules/projects/projects.jobs.ts'
import { storeFileChunks } from '../server/platform/files.ts'
import { enqueueJob } from '../server/platform/jobs.ts'
import { startJobWorker } from '../server/platform/jobs-worker.ts'
import { waitForJobRun } from '../server/platform/jobs-wait.ts'
import { toProjectRow } from '../server/modules/projects/projects.service.ts'
import type { CreateProjectInput } from '../server/modules/projects/projects.schemas.ts'
import { systemContext } from '../server/system-context.ts'
import { type BenchDatabase, freshDatabase, machine, table, writeResult } from './lib/harness.ts'

/**
 * The project import at scale (issue 15): a CSV of `rows` new projects for the units of one jurisdiction of the
 * city-scale bench data, imported as that jurisdiction's finance_admin — by default through the projects.import job
 * (what the web runs: the file stored in pieces beforehand as the upload route does, then the job enqueued, run by a
 * worker in this process and waited for), with `--via call` through importProjects directly (what the CLI runs) —
 * against a raw COPY of the same rows, resolved to the project table's columns, in the same run. While each runs, another user makes small audited writes (a project edit and its audit row, one
 * transaction) in a loop; its longest wait is the figure for "other users' writes". Peak RSS is sampled every
 * 50 ms, and the importing process's longest event-loop stall is recorded (what its other requests would wait).
 */

const FISCAL_YEAR = 2028
const BASELINE_YEAR = 2029
const HEADERS = ['项目编码', '项目名称', '预算年度', '预算单位编码', '预算类别', '项目属性', '项目类型', '项目类别', '实施期开始年度', '实施期结束年度',
  '中期资金总额（元）', '一般公共预算资金（元）', '政府性基金预算资金（元）', '其他资金（元）', '是否重大新增', '项目概述', '联系人', '联系电话']
const TOPICS = ['教师培训', '校舍维修', '信息化建设', '公共卫生服务', '道路养护', '农田水利', '养老服务补贴', '文化惠民演出']
const PROJECT_COLUMNS = ['code', 'name', 'fiscal_year', 'jurisdiction_code', 'department_code', 'unit_code', 'budget_kind', 'attribute', 'project_type',
  'object_kind', 'period_start_year', 'period_end_year', 'medium_term_amount', 'amount_general', 'amount_fund', 'amount_state_capital',
  'amount_social_insurance', 'amount_fiscal', 'amount_other', 'amount_total', 'is_major_new', 'description', 'contact_name', 'contact_phone',
  'search_text', 'created_by', 'created_at', 'updated_at'] as const

interface Unit { code: string; name: string; jurisdictionCode: string; departmentCode: string | null; kind: 'unit'; status: 'active' }

function fileRow(i: number, unit: Unit) {
  const yuan = `${10_000 + ((i * 7919) % 5_000_000)}.${String(i % 100).padStart(2, '0')}`
  return [`IMP${String(i).padStart(6, '0')}`, `${FISCAL_YEAR}年${unit.name}${TOPICS[i % TOPICS.length]}项目（第${i}号）`, FISCAL_YEAR, unit.code, '一般公共预算', '新增', '一次性', '一般项目',
    FISCAL_YEAR, FISCAL_YEAR, yuan, yuan, '', '0', '否', `${TOPICS[i % TOPICS.length]}，按年度计划实施`, '张经办', '0755-12345678']
}

const csvCell = (v: string | number) => (typeof v === 'string' && /[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : String(v))

/** The CSV a unit's finance staff would upload (UTF-8 with BOM, the template's headers). */
function importFile(rows: number, units: Unit[]): Buffer {
  const lines = [`\ufeff${HEADERS.join(',')}`]
  for (let i = 0; i < rows; i++) lines.push(fileRow(i, units[i % units.length]!).map(csvCell).join(','))
  return Buffer.from(`${lines.join('\r\n')}\r\n`)
}

/** The same rows as the project table stores them (another fiscal year, so both land), for the COPY baseline. */
function baselineLines(rows: number, units: Unit[], ctx: ActorCtx): string[] {
  const lines: string[] = []
  for (let i = 0; i < rows; i++) {
    const unit = units[i % units.length]!
    const [code, name, , , , , , , , , yuan, , , , , description, contactName, contactPhone] = fileRow(i, unit) as string[]
    const input = {
      code: code!, name: name!, fiscalYear: BASELINE_YEAR, unitCode: unit.code, budgetKind: 'general', attribute: 'new', projectType: 'one_off', objectKind: 'general',
      periodStartYear: BASELINE_YEAR, periodEndYear: BASELINE_YEAR, mediumTermAmount: yuan!, amountGeneral: yuan!, amountFund: '0.00', amountStateCapital: '0.00',
      amountSocialInsurance: '0.00', amountOther: '0', isMajorNew: false, description: description!, contactName: contactName!, contactPhone: contactPhone!,
    } as unknown as CreateProjectInput
    const row = toProjectRow(input, unit as never, ctx) as unknown as Record<string, unknown>
    const camel = (c: string) => c.replace(/_([a-z])/g, (_, x: string) => x.toUpperCase())
    lines.push(`${PROJECT_COLUMNS.map((c) => { const v = row[camel(c)]; return copyField(v instanceof Date ? v.toISOString() : (v as string | null)) }).join('\t')}\n`)
  }
  return lines
}

type Waits = { writes: number; maxMs: number; p50Ms: number }
const summary = (waits: number[]): Waits => {
  const sorted = [...waits].sort((a, b) => a - b)
  return { writes: waits.length, maxMs: Math.round(sorted.at(-1) ?? 0), p50Ms: Math.round(sorted[Math.floor(sorted.length / 2)] ?? 0) }
}

/**
 * Another user's small audited writes until stopped: on PostgreSQL from a process of its own (bench/lib/other-writer.ts),
 * so only the database makes it wait; on PGlite, which is one connection in this process, from here.
 */
async function otherWriter(bench: BenchDatabase, projectId: string): Promise<{ stop(): Promise<Waits> }> {
  if (bench.engine === 'postgres') {
    const child = spawn(process.execPath, [resolve('node_modules/tsx/dist/cli.mjs'), 'bench/lib/other-writer.ts', bench.url!, projectId, currentAuditKey()!.toString('hex')], { stdio: ['pipe', 'pipe', 'inherit'] })
    let out = ''
    child.stdout.on('data', (d) => (out += String(d)))
    while (!out.includes('ready')) await new Promise((r) => setTimeout(r, 50))
    return {
      async stop() {
        child.stdin.write('stop\n')
        await once(child, 'exit')
        return summary(JSON.parse(out.split('\n').filter(Boolean).at(-1)!))
      },
    }
  }
  const db = bench.handle.db
  let stop = false
  const waits: number[] = []
  const done = (async () => {
    while (!stop) {
      const started = performance.now()
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('project').set({ contactPhone: `0755-${String(waits.length).padStart(8, '0')}`, version: sql`version + 1` }).where('id', '=', projectId).execute()
        await recordAudit(trx, systemContext(systemClock, 'bench-other'), { action: 'project.update', entityType: 'project', entityId: projectId, after: { contactPhone: 'bench' } })
      })
      waits.push(performance.now() - started)
      await new Promise((r) => setTimeout(r, 20))
    }
  })()
  return { stop: async () => ((stop = true), await done, summary(waits)) }
}

function rssSampler() {
  const before = process.memoryUsage().rss
  let peak = before
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50)
  return { stop: () => (clearInterval(timer), { beforeMb: Math.round(before / 2 ** 20), peakMb: Math.round(peak / 2 ** 20) }) }
}

async function measured<T>(bench: BenchDatabase, projectId: string, work: () => Promise<T>) {
  // What the bench itself built (data, file) is collected first when run with --expose-gc, so the peak is the work's.
  ;(globalThis as { gc?: () => void }).gc?.()
  const other = await otherWriter(bench, projectId)
  const rss = rssSampler()
  const loop = monitorEventLoopDelay({ resolution: 10 })
  loop.enable()
  const started = performance.now()
  const result = await work()
  const seconds = (performance.now() - started) / 1000
  loop.disable()
  return { result, seconds, other: await other.stop(), rss: rss.stop(), eventLoopMaxMs: Math.round(loop.max / 1e6) }
}

/** The upload as the route stores it (before the measurement), then the job: enqueued, worked here, waited for. */
async function importThroughJob(bench: BenchDatabase, ctx: ActorCtx, file: Buffer) {
  const db = bench.handle.db
  const stored = await db.transaction().execute((trx) =>
    storeFileChunks(trx, { fileName: 'bench.csv', contentType: 'text/csv' }, (async function* () {
      for (let at = 0; at < file.length; at += 1 << 20) yield file.subarray(at, at + (1 << 20))
    })(), ctx.actor.userId, ctx.now))
  const worker = await startJobWorker({ db, engine: bench.engine, clock: systemClock, config: loadConfig({}) }, { definitions: [importProjectsJob], pollSeconds: 0.5 })
  return {
    async run() {
      const { jobRunId } = await enqueueJob(db, importProjectsJob, { fileId: stored.id, userId: ctx.actor.userId, lang: 'zh' }, { createdBy: ctx.actor.userId, jurisdictionCode: ctx.actor.org.jurisdictionCode })
      const state = await waitForJobRun(db, jobRunId, { pollMs: 100 })
      if (state.status !== 'done') throw new Error(`job ${state.status}: ${state.error}`)
      return state.result
    },
    stop: () => worker.stop(),
  }
}

/** A process's resident memory now and at its peak (Linux: VmRSS and VmHWM), in MB. */
function processMemoryMb(pid: number) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0)
  return { rssMb: Math.round(kb('VmRSS') / 1024), peakMb: Math.round(kb('VmHWM') / 1024) }
}

/**
 * `--via serve`: a real `jixiao serve` on the bench database (PostgreSQL) takes the job, as a production node would;
 * its memory is read from the kernel — VmRSS once it is up and idle, VmHWM (the process's peak) once the import is
 * done. SERVE_NODE_OPTIONS sets the node's NODE_OPTIONS (a heap cap, say); unset, V8's defaults.
 */
async function importThroughServe(bench: BenchDatabase, ctx: ActorCtx, file: Buffer, log: (line: string) => void) {
  if (!bench.url) throw new Error('--via serve needs PostgreSQL (--engine postgres)')
  const db = bench.handle.db
  const stored = await db.transaction().execute((trx) =>
    storeFileChunks(trx, { fileName: 'bench.csv', contentType: 'text/csv' }, (async function* () {
      for (let at = 0; at < file.length; at += 1 << 20) yield file.subarray(at, at + (1 << 20))
    })(), ctx.actor.userId, ctx.now))
  const env = { ...process.env, NODE_OPTIONS: process.env.SERVE_NODE_OPTIONS ?? '', DATABASE_URL: bench.url, JIXIAO_AUDIT_KEY: currentAuditKey()!.toString('hex'), PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info' }
  const child = spawn(process.execPath, [resolve('bin/jixiao.js'), 'serve'], { env, stdio: ['ignore', 'pipe', 'inherit'] })
  let out = ''
  child.stdout!.on('data', (chunk: Buffer) => (out += String(chunk)))
  while (!out.includes('Server listening')) {
    if (child.exitCode !== null) throw new Error(`jixiao serve exited: ${out}`)
    await new Promise((r) => setTimeout(r, 100))
  }
  // Let the start's own work (the partitions job, first queries) finish before reading its idle memory.
  await new Promise((r) => setTimeout(r, 3000))
  const idle = processMemoryMb(child.pid!)
  log(`jixiao serve ${child.pid} up (NODE_OPTIONS="${env.NODE_OPTIONS}"): RSS ${idle.rssMb} MB`)
  let serve = { idleMb: idle.rssMb, peakMb: 0 }
  return {
    async run() {
      const { jobRunId } = await enqueueJob(db, importProjectsJob, { fileId: stored.id, userId: ctx.actor.userId, lang: 'zh' }, { createdBy: ctx.actor.userId, jurisdictionCode: ctx.actor.org.jurisdictionCode })
      const state = await waitForJobRun(db, jobRunId, { pollMs: 100 })
      serve = { ...serve, peakMb: processMemoryMb(child.pid!).peakMb }
      if (state.status !== 'done') throw new Error(`job ${state.status}: ${state.error}`)
      return state.result
    },
    serve: () => serve,
    async stop() {
      child.kill('SIGTERM')
      await once(child, 'exit')
    },
  }
}

export async function projectImportBench(engine: Engine, options: { rows: number; via: 'job' | 'call' | 'serve'; log: (line: string) => void }) {
  const { log, rows, via } = options
  log(`\n== project import of ${rows.toLocaleString('en')} rows on ${engine}, via ${via} ==`)
  const bench = await freshDatabase(engine)
  const db = bench.handle.db
  try {
    const system = systemContext(systemClock, 'bench')
    await generateBenchData({ db, engine, databaseUrl: bench.url }, system, { scale: 'city', seed: 1, log })
    const { jurisdictionCode } = await db.selectFrom('orgNode').select('jurisdictionCode').where('kind', '=', 'unit')
      .groupBy('jurisdictionCode').orderBy(sql`count(*)`, 'desc').limit(1).executeTakeFirstOrThrow()
    const units = (await db.selectFrom('orgNode').selectAll().where('kind', '=', 'unit').where('jurisdictionCode', '=', jurisdictionCode)
      .where('status', '=', 'active').orderBy('code').execute()) as unknown as Unit[]
    const actor = (await activeActor(db, { username: benchUsername(jurisdictionCode) }))!
    const ctx: ActorCtx = { actor, requestId: 'bench-import', clientIp: 'local', now: new Date(), lang: 'zh' }
    // The other user's project: in another jurisdiction, so it is never among the imported rows.
    const { id: projectId } = await db.selectFrom('project').select('id').where('jurisdictionCode', '!=', jurisdictionCode).limit(1).executeTakeFirstOrThrow()
    // The baseline's lines are let go before the import runs, so that its memory is the import's own.
    let lines: string[] | null = baselineLines(rows, units, ctx)
    const copy = await measured(bench, projectId, () => db.transaction().execute((trx) => copyRows(trx, 'project', PROJECT_COLUMNS, lines!)))
    lines = null
    let file: Buffer | null = importFile(rows, units)
    const fileBytes = file.length
    log(`${units.length} units of ${jurisdictionCode}; file ${(fileBytes / 2 ** 20).toFixed(1)} MB`)
    log(`COPY: ${copy.result} rows in ${copy.seconds.toFixed(2)} s`)
    const served = via === 'serve' ? await importThroughServe(bench, ctx, file, log) : null
    const job = via === 'job' ? await importThroughJob(bench, ctx, file) : served
    if (job) file = null
    const app = await measured(bench, projectId, () => (job ? job.run() : importProjects(db, ctx, { fileName: 'bench.csv', content: file! }, { dryRun: false })))
    await job?.stop()
    const serve = served?.serve() ?? null
    log(`import: ${JSON.stringify(app.result)} in ${app.seconds.toFixed(2)} s`)
    if (serve) log(`jixiao serve's memory: ${serve.idleMb} MB idle → ${serve.peakMb} MB peak (VmHWM)`)
    const verified = await verifyAuditChain(db)
    if (!verified.ok) throw new Error(`audit chain broken: ${JSON.stringify(verified)}`)

    const ratio = copy.seconds / app.seconds
    const line = (name: string, r: { seconds: number; rss: typeof copy.rss; other: Waits; eventLoopMaxMs: number }) => ({
      run: name, seconds: r.seconds.toFixed(2), 'rows/s': Math.round(rows / r.seconds).toLocaleString('en'), 'RSS MB before → peak': `${r.rss.beforeMb} → ${r.rss.peakMb}`,
      'other writes': r.other.writes, 'other p50 ms': r.other.p50Ms, 'other max ms': r.other.maxMs, 'event loop max ms': r.eventLoopMaxMs, ratio: name === 'COPY' ? '1' : ratio.toFixed(2),
    })
    log(table([line(via === 'serve' ? 'job in jixiao serve' : via === 'job' ? 'projects.import job' : 'importProjects', app), line('COPY', copy)]))
    const written = writeResult(`project-import-${engine}`, {
      benchmark: 'project-import', engine, database: bench.describe, machine: machine(), at: new Date().toISOString(), rows, jurisdictionCode, units: units.length,
      via, fileBytes, ...(serve ? { serve: { ...serve, nodeOptions: process.env.SERVE_NODE_OPTIONS ?? '' } } : {}), app: { ...app, result: app.result }, copy: { ...copy, result: copy.result }, ratio, auditChain: verified,
    })
    log(`written ${written}`)
  } finally {
    await bench.dispose()
  }
}
