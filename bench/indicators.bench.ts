import { loadavg } from 'node:os'
import Fastify from 'fastify'
import { buildApp } from '../server/app.ts'
import { loadConfig } from '../server/config.ts'
import type { Engine } from '../server/db/database.ts'
import { seedIndicatorLibrary } from '../server/modules/indicators/indicators.seed.ts'
import { libraryIndicators } from '../server/modules/indicators/seed/index.ts'
import { seedDemo } from '../server/modules/org/demo-seed.ts'
import { DEMO_PASSWORD } from '../server/modules/org/demo-region.data.ts'
import { systemClock } from '../server/platform/clock.ts'
import { rankedQueryTerms } from '../server/platform/search.ts'
import { systemContext } from '../server/system-context.ts'
import { type BenchDatabase, baselineQuery, type Comparison, compareUnderLoad, freshDatabase, machine, table, writeResult } from './lib/harness.ts'

/**
 * Library search under load: a unit user's ranked search (jieba words → BM25, 20 per page) through the real app
 * (session, validation, segmentation, visibility, count + page) against a bare Fastify route running one
 * hand-written BM25 SQL with the words already segmented. The library is the seeded one (≈575 indicators) plus
 * nine renamed copies — ≈5,750, a province-sized library.
 */

const COPIES = 9
const QUERIES = ['教师培训', '校舍建设工程验收', '满意度'] as const
const USER = 'sz_edu_unit'

const BASELINE_SQL = `with q as (select * from unnest($1::text[], $2::real[]) as q(term, weight)),
  stats as (select count(*)::float8 as n, greatest(avg(doc_length), 1)::float8 as avgdl from indicator where status in ('proposed', 'active', 'retired')),
  df as (select t.term, count(*)::float8 as df from indicator_term t join q on q.term = t.term group by t.term),
  ranked as (
    select t.indicator_id, sum(q.weight * ln(1 + (stats.n - df.df + 0.5) / (df.df + 0.5)) * t.tf * 2.2
      / (t.tf + 1.2 * (1 - 0.75 + 0.75 * i.doc_length / stats.avgdl))) as score, array_agg(t.term order by t.term) as matched
    from indicator_term t join q on q.term = t.term join df on df.term = t.term join indicator i on i.id = t.indicator_id cross join stats
    group by t.indicator_id)
  select i.id, i.code, i.revision, i.name, i.level1, i.level2, i.nature, i.unit, i.sectors, i.project_kinds as "projectKinds", i.scope,
    i.cost_kind as "costKind", i.example_target as "exampleTarget", i.status, i.owner_jurisdiction_code as "ownerJurisdictionCode",
    i.valid_from_year as "validFromYear", i.valid_to_year as "validToYear", i.version, i.updated_at as "updatedAt", r.score, r.matched,
    count(*) over () as total
  from indicator i join ranked r on r.indicator_id = i.id
  where i.status in ('proposed', 'active', 'retired') and (i.owner_jurisdiction_code is null or i.owner_jurisdiction_code = any($3::text[]))
  order by r.score desc, i.code limit 20`

type Row = Record<string, unknown> & { total?: number | string }

async function startBaseline(db: BenchDatabase, owners: string[]) {
  const { query, close } = baselineQuery(db, BASELINE_SQL)
  const segmented = new Map(QUERIES.map((q) => [q, rankedQueryTerms([[q, 1]])]))
  const app = Fastify({ logger: false })
  app.get<{ Querystring: { q: (typeof QUERIES)[number] } }>('/baseline', async (req) => {
    const { terms, weights } = segmented.get(req.query.q)!
    const rows: Row[] = await query([terms, weights, owners])
    const total = rows.length ? Number(rows[0]!.total) : 0
    for (const row of rows) delete row.total
    return { items: rows, total, page: 1, pageSize: 20 }
  })
  await app.listen({ port: 0, host: '127.0.0.1' })
  return { port: (app.server.address() as { port: number }).port, close: async () => { await app.close(); await close() } }
}

export async function indicatorsBench(engine: Engine, options: { duration: number; rounds: number; connections: number; log: (line: string) => void }) {
  const { log } = options
  log(`\n== indicator search on ${engine} ==`)
  const db = await freshDatabase(engine)
  try {
    const ctx = systemContext(systemClock, 'bench')
    await seedDemo(db.handle.db, ctx)
    for (let copy = 1; copy <= COPIES; copy++) {
      const indicators = libraryIndicators.map((i) => ({ ...i, code: `${i.code}-${copy}`, name: `${i.name}（${copy}）` }))
      await seedIndicatorLibrary(db.handle.db, { ownerJurisdictionCode: '440300', fromYear: 2024, now: ctx.now, indicators })
    }
    const size = Number((await db.handle.db.selectFrom('indicator').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)
    const terms = Number((await db.handle.db.selectFrom('indicatorTerm').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)
    log(`library: ${size} indicators, ${terms} term rows`)

    const config = { ...loadConfig({}), logLevel: 'silent', webDistDir: '/nonexistent', loginRateLimit: 1_000_000 }
    const app = await buildApp({ db: db.handle.db, engine, clock: systemClock, config })
    await app.listen({ port: 0, host: '127.0.0.1' })
    const appUrl = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`
    const baseline = await startBaseline(db, ['440300'])
    const baselineUrl = `http://127.0.0.1:${baseline.port}`
    const login = await fetch(`${appUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: USER, password: DEMO_PASSWORD }) })
    if (!login.ok) throw new Error(`login failed: ${login.status}`)
    const headers = { cookie: login.headers.get('set-cookie')!.split(';')[0]! }

    const loadBefore = loadavg()
    const results: (Comparison & { query: string })[] = []
    try {
      for (const q of QUERIES) {
        const appPath = `/api/indicators?q=${encodeURIComponent(q)}&pageSize=20`
        const basePath = `/baseline?q=${encodeURIComponent(q)}`
        const a = await (await fetch(appUrl + appPath, { headers })).json()
        const b = await (await fetch(baselineUrl + basePath)).json()
        const ids = (x: { items: { id: string }[] }) => x.items.map((i) => i.id).join()
        if (a.total !== b.total || ids(a) !== ids(b)) throw new Error(`app and baseline disagree on ${q}: totals ${a.total}/${b.total}`)
        results.push({ query: q, ...(await compareUnderLoad(appUrl + appPath, baselineUrl + basePath, { ...options, headers, label: `q=${q} (${a.total} matches)` })) })
      }
    } finally {
      await app.close()
      await baseline.close()
    }
    const load = { before: loadBefore.map((x) => Math.round(x * 100) / 100), after: loadavg().map((x) => Math.round(x * 100) / 100) }
    log(`\n${engine}: ${size} indicators, ${options.connections} connections × ${options.duration} s; load average ${load.before[0]} → ${load.after[0]}`)
    log(
      table(
        results.flatMap((r) => [
          { query: r.query, route: 'app /api/indicators?q=', 'req/s': r.app.requestsPerSecond.toFixed(0), 'p50 ms': r.app.latencyP50, 'p99 ms': r.app.latencyP99, ratio: `${r.ratio.toFixed(2)} (slices ${r.sliceRatios.join(' ')})` },
          { query: r.query, route: 'bare Fastify + 1 SQL', 'req/s': r.baseline.requestsPerSecond.toFixed(0), 'p50 ms': r.baseline.latencyP50, 'p99 ms': r.baseline.latencyP99, ratio: '1.00' },
        ]),
      ),
    )
    log(`written ${writeResult(`indicators-${engine}`, { benchmark: 'indicators', engine, database: db.describe, machine: { ...machine(), loadAverage: load }, at: new Date().toISOString(), library: { indicators: size, terms }, connections: options.connections, duration: options.duration, rounds: options.rounds, results })}`)
    return results
  } finally {
    await db.dispose()
  }
}
