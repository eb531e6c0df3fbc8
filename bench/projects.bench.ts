import { loadavg } from 'node:os'
import { sql } from 'kysely'
import Fastify from 'fastify'
import { buildApp } from '../server/app.ts'
import { BENCH_PASSWORD, benchUsername, generateBenchData } from '../server/bench-data/generate.ts'
import { loadConfig } from '../server/config.ts'
import type { Engine } from '../server/db/database.ts'
import { systemClock } from '../server/platform/clock.ts'
import { systemContext } from '../server/system-context.ts'
import { type BenchDatabase, baselineQuery, type Comparison, compareUnderLoad, freshDatabase, machine, table, writeResult } from './lib/harness.ts'

/**
 * The project list under load: a department user's projects for one year and one budget, sorted by amount,
 * through the real app (session, scope, validation, count + page) against a bare Fastify route that runs one
 * hand-written SQL for the same page on the same database, in the same process and run.
 */

const FILTER = { fiscalYear: 2026, budgetKind: 'general' } as const
const VARIANTS = [
  { name: 'page 50 × 20', page: 50, pageSize: 20 },
  { name: 'page 1 × 50', page: 1, pageSize: 50 },
] as const

const COLUMNS = `p.id, p.code, p.name, p.fiscal_year as "fiscalYear", p.jurisdiction_code as "jurisdictionCode",
  p.department_code as "departmentCode", p.unit_code as "unitCode", u.name as "unitName", d.name as "departmentName",
  p.budget_kind as "budgetKind", p.attribute, p.project_type as "projectType", p.object_kind as "objectKind",
  p.period_start_year as "periodStartYear", p.period_end_year as "periodEndYear", p.medium_term_amount as "mediumTermAmount",
  p.amount_general as "amountGeneral", p.amount_fund as "amountFund", p.amount_state_capital as "amountStateCapital",
  p.amount_social_insurance as "amountSocialInsurance", p.amount_fiscal as "amountFiscal", p.amount_other as "amountOther",
  p.amount_total as "amountTotal", p.is_major_new as "isMajorNew", p.description, p.contact_name as "contactName",
  p.contact_phone as "contactPhone", p.status, p.version, p.created_at as "createdAt", p.updated_at as "updatedAt"`

/**
 * The page and its total in one statement, as a careful hand-written endpoint would run it: the page is cut
 * from the project index alone, only its rows look up their unit's and department's names, and the total is
 * counted from the same index.
 */
const WHERE = `department_code = $1 and fiscal_year = $2 and budget_kind = $3`
const BASELINE_SQL = `with page as (
    select * from project where ${WHERE} order by amount_total desc, id desc limit $4 offset $5
  )
  select ${COLUMNS.replace('u.name as "unitName", d.name as "departmentName"', `(select name from org_node where code = p.unit_code) as "unitName",
    (select name from org_node where code = p.department_code) as "departmentName"`)},
    (select count(*) from project where ${WHERE}) as "total"
  from page p
  order by p.amount_total desc, p.id desc`

type Row = Record<string, unknown> & { total?: number | string }

async function startBaseline(db: BenchDatabase) {
  const { query, close } = baselineQuery(db, BASELINE_SQL)
  const app = Fastify({ logger: false })
  app.get<{ Params: { department: string }; Querystring: { page?: string; pageSize?: string } }>('/baseline/:department', async (req) => {
    const page = Number(req.query.page ?? 1)
    const pageSize = Number(req.query.pageSize ?? 20)
    const rows: Row[] = await query([req.params.department, FILTER.fiscalYear, FILTER.budgetKind, pageSize, (page - 1) * pageSize])
    const total = rows.length ? Number(rows[0]!.total) : 0
    for (const row of rows) delete row.total
    return { items: rows, total, page, pageSize }
  })
  await app.listen({ port: 0, host: '127.0.0.1' })
  return { app, port: portOf(app), close: async () => { await app.close(); await close() } }
}

function portOf(app: { server: { address(): unknown } }) {
  const address = app.server.address() as { port: number } | null
  return address?.port ?? 0
}

export interface ProjectsBenchOptions {
  /** Seconds of load per side, split into `rounds` interleaved slices. */
  duration: number
  rounds: number
  connections: number
  log: (line: string) => void
}

export async function projectsBench(engine: Engine, options: ProjectsBenchOptions) {
  const { log } = options
  log(`\n== projects list on ${engine} ==`)
  const db = await freshDatabase(engine)
  try {
    const ctx = systemContext(systemClock, 'bench')
    const generated = await generateBenchData({ db: db.handle.db, engine, databaseUrl: db.url }, ctx, { scale: 'city', seed: 1, log })

    // The department with the most rows for the filter: its 50th page of 20 exists.
    const { rows } = await sql<{ departmentCode: string; n: number }>`
      select department_code, count(*)::int as n from project
       where fiscal_year = ${FILTER.fiscalYear} and budget_kind = ${FILTER.budgetKind}
       group by department_code order by n desc limit 1`.execute(db.handle.db)
    const department = rows[0]!
    const name = (await db.handle.db.selectFrom('orgNode').select('name').where('code', '=', department.departmentCode).executeTakeFirstOrThrow()).name
    log(`department ${department.departmentCode} ${name}: ${department.n} projects for ${FILTER.fiscalYear} ${FILTER.budgetKind}`)

    const config = { ...loadConfig({}), logLevel: 'silent', webDistDir: '/nonexistent', loginRateLimit: 1_000_000 }
    const app = await buildApp({ db: db.handle.db, engine, clock: systemClock, config })
    await app.listen({ port: 0, host: '127.0.0.1' })
    const appUrl = `http://127.0.0.1:${portOf(app)}`
    const baseline = await startBaseline(db)
    const baselineUrl = `http://127.0.0.1:${baseline.port}`

    const login = await fetch(`${appUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: benchUsername(department.departmentCode), password: BENCH_PASSWORD }),
    })
    if (!login.ok) throw new Error(`login failed: ${login.status} ${await login.text()}`)
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!
    const headers = { cookie }

    const loadBefore = loadavg()
    const results: (Comparison & { variant: string; appUrl: string; baselineUrl: string })[] = []
    try {
      for (const v of VARIANTS) {
        const appPath = `/api/projects?fiscalYear=${FILTER.fiscalYear}&budgetKind=${FILTER.budgetKind}&sort=amountTotal&order=desc&page=${v.page}&pageSize=${v.pageSize}`
        const basePath = `/baseline/${department.departmentCode}?page=${v.page}&pageSize=${v.pageSize}`
        // Same page from both, or the comparison means nothing.
        const a = await (await fetch(appUrl + appPath, { headers })).json()
        const b = await (await fetch(baselineUrl + basePath)).json()
        const ids = (x: { items: { id: string }[] }) => x.items.map((i) => i.id).join()
        if (a.total !== b.total || ids(a) !== ids(b) || a.items.length !== v.pageSize) {
          throw new Error(`app and baseline disagree on ${v.name}: totals ${a.total}/${b.total}, items ${a.items?.length}/${b.items.length}`)
        }
        const compared = await compareUnderLoad(appUrl + appPath, baselineUrl + basePath, { ...options, headers, label: v.name })
        results.push({ variant: v.name, ...compared, appUrl: appPath, baselineUrl: basePath })
      }
    } finally {
      await app.close()
      await baseline.close()
    }

    const load = { before: loadBefore.map((x) => Math.round(x * 100) / 100), after: loadavg().map((x) => Math.round(x * 100) / 100) }
    log(`\n${engine}: ${generated.projects.toLocaleString('en')} projects (city scale), ${options.connections} connections × ${options.duration} s; machine load average ${load.before[0]} → ${load.after[0]}`)
    log(
      table(
        results.flatMap((r) => [
          { variant: r.variant, route: 'app /api/projects', 'req/s': r.app.requestsPerSecond.toFixed(0), 'p50 ms': r.app.latencyP50, 'p99 ms': r.app.latencyP99, ratio: `${r.ratio.toFixed(2)} (slices ${r.sliceRatios.join(' ')})` },
          { variant: r.variant, route: 'bare Fastify + 1 SQL', 'req/s': r.baseline.requestsPerSecond.toFixed(0), 'p50 ms': r.baseline.latencyP50, 'p99 ms': r.baseline.latencyP99, ratio: '1.00' },
        ]),
      ),
    )
    const file = writeResult(`projects-${engine}`, {
      benchmark: 'projects',
      engine,
      database: db.describe,
      machine: { ...machine(), loadAverage: load },
      at: new Date().toISOString(),
      data: { scale: 'city', seed: 1, projects: generated.projects, units: generated.units, generateSeconds: generated.seconds, generatePhases: generated.phases },
      department: { code: department.departmentCode, name, rowsForFilter: department.n },
      filter: FILTER,
      connections: options.connections,
      duration: options.duration,
      rounds: options.rounds,
      results,
    })
    log(`written ${file}`)
    return results
  } finally {
    await db.dispose()
  }
}
