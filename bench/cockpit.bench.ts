import { sql } from 'kysely'
import { generateBenchData } from '../server/bench-data/generate.ts'
import type { Engine } from '../server/db/database.ts'
import { departmentProjects } from '../server/modules/cockpit/cockpit.projects.ts'
import { refreshCockpitSummary } from '../server/modules/cockpit/cockpit.refresh.ts'
import { departmentsOf, rollupOf } from '../server/modules/cockpit/cockpit.rollup.ts'
import { activeActor } from '../server/platform/actors.ts'
import { systemClock } from '../server/platform/clock.ts'
import { systemContext } from '../server/system-context.ts'
import { type BenchDatabase, freshDatabase, machine, table, writeResult } from './lib/harness.ts'

/**
 * npm run bench -- cockpit [--engine postgres|pglite] [--scale city|province] [--rounds N]
 *
 * The 市区联动 roll-up (issue 14, rule 48) over the generated set, with the later stages filled in set-based SQL for
 * the year 2026 (a monitoring round per jurisdiction with forms in every status and light, a self-evaluation round
 * with grades, rectification items), then:
 *   - refresh: the app's job body rewriting the summary of the whole tree (the cost of aggregating the fact tables);
 *   - read: the roll-up as the top bureau's administrator reads it (rollupOf, as the endpoint calls it), against one
 *     hand-written SQL over the same summary table returning the same groups, in the same process, interleaved;
 *   - drill: the departments of the largest jurisdiction (summary) and the projects of its largest department (live).
 */
const YEAR = 2026

export interface CockpitBenchOptions {
  scale: 'city' | 'province'
  rounds: number
  log: (line: string) => void
}

/** The later stages of 2026, set-based: which status, light or grade each row gets follows from a hash of its id. */
async function fillStages(db: BenchDatabase) {
  const kdb = db.handle.db
  const bench = sql`(select code from org_node where kind = 'jurisdiction' and code like '99%')`
  await sql`insert into monitoring_round (jurisdiction_code, fiscal_year, cutoff_month, name, deadline, status, created_at, updated_at)
    select code, ${YEAR}, 6, '2026年1—6月绩效运行监控（压测）', now(), 'open', now(), now() from ${bench} as j`.execute(kdb)
  await sql`insert into monitoring_form (round_id, kind, project_id, jurisdiction_code, department_code, unit_code, fiscal_year, cutoff_month, status, project_light, budget_initial, budget_adjusted, created_at, updated_at)
    select r.id, 'project', p.id, p.jurisdiction_code, p.department_code, p.unit_code, ${YEAR}, 6,
      (array['draft', 'submitted', 'dept_accepted', 'accepted', 'returned'])[abs(hashtext(p.id::text)) % 5 + 1],
      (array['green', 'green', 'yellow', 'red', null])[abs(hashtext(p.id::text || 'l')) % 5 + 1],
      p.amount_fiscal, p.amount_fiscal, now(), now()
    from project p join monitoring_round r on r.jurisdiction_code = p.jurisdiction_code and r.fiscal_year = ${YEAR}
    where p.fiscal_year = ${YEAR} and p.status in ('budgeted', 'executing', 'closed')`.execute(kdb)
  await sql`insert into self_eval_round (jurisdiction_code, fiscal_year, name, deadline, status, created_at, updated_at)
    select code, ${YEAR}, '2026年度单位绩效自评（压测）', now(), 'open', now(), now() from ${bench} as j`.execute(kdb)
  await sql`insert into self_eval_form (round_id, kind, project_id, jurisdiction_code, department_code, unit_code, fiscal_year, status, grade, created_at, updated_at)
    select r.id, 'project', p.id, p.jurisdiction_code, p.department_code, p.unit_code, ${YEAR},
      s.status, case when s.status in ('submitted', 'dept_accepted', 'accepted') then (array['优', '良', '良', '中', '差'])[abs(hashtext(p.id::text || 'g')) % 5 + 1] end,
      now(), now()
    from project p join self_eval_round r on r.jurisdiction_code = p.jurisdiction_code and r.fiscal_year = ${YEAR}
    cross join lateral (select (array['draft', 'submitted', 'dept_accepted', 'accepted'])[abs(hashtext(p.id::text || 's')) % 4 + 1] as status) s
    where p.fiscal_year = ${YEAR} and p.status in ('budgeted', 'executing', 'closed')`.execute(kdb)
  await sql`insert into rectification (jurisdiction_code, fiscal_year, source_type, origin, project_id, owner_code, department_code, problem, due_on, status, created_at, updated_at)
    select p.jurisdiction_code, ${YEAR}, 'manual', 'audit', p.id, p.unit_code, p.department_code, '压测整改事项', '2026-12-31',
      (array['open', 'responded', 'verified', 'closed'])[abs(hashtext(p.id::text || 'r')) % 4 + 1], now(), now()
    from project p where p.fiscal_year = ${YEAR} and p.status in ('budgeted', 'executing', 'closed') and abs(hashtext(p.id::text || 'x')) % 10 = 0`.execute(kdb)
  for (const t of ['monitoring_form', 'self_eval_form', 'rectification', 'goal', 'execution_payment']) await sql.raw(`vacuum analyze ${t}`).execute(kdb)
  const { rows } = await sql<{ forms: number; selfForms: number; items: number }>`select (select count(*)::int from monitoring_form) as forms,
    (select count(*)::int from self_eval_form) as "selfForms", (select count(*)::int from rectification) as items`.execute(kdb)
  return rows[0]!
}

/** The hand-written baseline: the same groups from the summary in one statement, with the districts' 考核. */
const baselineSql = (rootCode: string, rootPath: string) => sql<{ code: string; projects: number }>`
  select g.code, g.name, sum(s.projects)::int as projects, sum(s.projects_with_goal)::int as with_goal,
    sum(s.monitoring_expected)::int, sum(s.monitoring_reported)::int, sum(s.light_green)::int, sum(s.light_yellow)::int, sum(s.light_red)::int,
    sum(s.self_eval_expected)::int, sum(s.self_eval_submitted)::int, sum(s.grade_excellent)::int, sum(s.grade_good)::int, sum(s.grade_pass)::int, sum(s.grade_fail)::int,
    sum(s.rectification_raised)::int, sum(s.rectification_closed)::int, sum(s.spending)::text, sum(s.spending_with_goal)::text, sum(s.spending_monitored)::text,
    sum(s.spending_evaluated)::text, sum(s.budget_adjusted)::text, sum(s.executed)::text, a.total, a.rank
  from (select code, name, path, false as own from org_node where kind = 'jurisdiction' and parent_code = ${rootCode}
        union all select code, name, path, true from org_node where code = ${rootCode}) g
  join org_node j on (g.own and j.code = g.code) or (not g.own and j.kind = 'jurisdiction' and j.path like g.path || '%')
  join cockpit_summary s on s.jurisdiction_code = j.code and s.fiscal_year = ${YEAR}
  left join assessment a on a.org_code = g.code and a.fiscal_year = ${YEAR}
  where g.path like ${`${rootPath}%`}
  group by g.code, g.name, a.total, a.rank`

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now()
  const value = await work()
  return { value, ms: performance.now() - start }
}

export async function cockpitBench(engine: Engine, options: CockpitBenchOptions) {
  const { log } = options
  log(`\n== cockpit on ${engine} (${options.scale}) ==`)
  const db = await freshDatabase(engine)
  try {
    const kdb = db.handle.db
    const ctx = systemContext(systemClock, 'bench')
    const generated = await generateBenchData({ db: kdb, engine, databaseUrl: db.url }, ctx, { scale: options.scale, seed: 1, log })
    const filled = await timed(() => fillStages(db))
    log(`  later stages of ${YEAR}: ${filled.value.forms.toLocaleString('en')} monitoring forms, ${filled.value.selfForms.toLocaleString('en')} self-evaluations, ${filled.value.items.toLocaleString('en')} rectification items (${(filled.ms / 1000).toFixed(1)} s)`)

    const root = await kdb.selectFrom('orgNode').select(['code', 'path']).where('kind', '=', 'jurisdiction').where('code', 'like', '99%').orderBy('path').executeTakeFirstOrThrow()
    const refresh = await timed(() => refreshCockpitSummary(kdb, { jurisdictionCode: root.code, fiscalYear: YEAR, now: new Date() }))
    log(`refresh (the job's body, whole tree): ${(refresh.ms / 1000).toFixed(2)} s for ${refresh.value.departments.toLocaleString('en')} departments`)
    await sql`vacuum analyze cockpit_summary`.execute(kdb)

    const actor = await activeActor(kdb, { username: `bench_${root.code}` })
    if (!actor) throw new Error(`no bench user for ${root.code}`)
    const actx = { ...ctx, actor }
    const app = () => rollupOf(kdb, actx, { fiscalYear: YEAR })
    const baseline = () => baselineSql(root.code, root.path).execute(kdb)

    // Same answer first: every group's projects.
    const [a, b] = [await app(), await baseline()]
    const appCounts = new Map(a.rows.map((r) => [r.code, r.stages[0]!.of]))
    for (const row of b.rows) if (appCounts.get(row.code) !== Number(row.projects)) throw new Error(`group ${row.code}: app ${appCounts.get(row.code)}, baseline ${row.projects}`)
    if (a.rows.length !== b.rows.length) throw new Error(`app has ${a.rows.length} groups, baseline ${b.rows.length}`)

    const reps = 10 * options.rounds
    const appMs: number[] = []
    const baseMs: number[] = []
    for (let i = 0; i < 3; i++) await Promise.all([app(), baseline()])
    for (let i = 0; i < reps; i++) {
      // Interleaved (app, baseline, baseline, app, …) so the machine's drift hits both alike.
      const order = i % 2 === 0 ? [app, baseline] : [baseline, app]
      for (const f of order) {
        const { ms } = await timed(f as () => Promise<unknown>)
        ;(f === app ? appMs : baseMs).push(ms)
      }
    }
    const biggest = await kdb.selectFrom('cockpitSummary').select(['jurisdictionCode', (eb) => eb.fn.sum<number>('projects').as('n')]).where('fiscalYear', '=', YEAR).groupBy('jurisdictionCode').orderBy('n', 'desc').executeTakeFirstOrThrow()
    const biggestDepartment = await kdb.selectFrom('cockpitSummary').select(['departmentCode', 'projects']).where('fiscalYear', '=', YEAR).orderBy('projects', 'desc').executeTakeFirstOrThrow()
    const drillDepartments: number[] = []
    const drillProjects: number[] = []
    for (let i = 0; i < Math.max(5, options.rounds); i++) {
      drillDepartments.push((await timed(() => departmentsOf(kdb, actx, biggest.jurisdictionCode, YEAR))).ms)
      drillProjects.push((await timed(() => departmentProjects(kdb, actx, biggestDepartment.departmentCode, YEAR))).ms)
    }
    const appMedian = median(appMs)
    const baseMedian = median(baseMs)
    const ratio = baseMedian / appMedian
    log(
      table([
        { read: `roll-up of ${root.code} (${a.rows.length} groups), app: rollupOf`, 'median ms': appMedian.toFixed(1), 'p90 ms': appMs.sort((x, y) => x - y)[Math.floor(appMs.length * 0.9)]!.toFixed(1), ratio: ratio.toFixed(2) },
        { read: 'same groups, hand-written SQL on the summary', 'median ms': baseMedian.toFixed(1), 'p90 ms': baseMs.sort((x, y) => x - y)[Math.floor(baseMs.length * 0.9)]!.toFixed(1), ratio: '1.00' },
        { read: `drill: departments of ${biggest.jurisdictionCode}`, 'median ms': median(drillDepartments).toFixed(1), 'p90 ms': '', ratio: '' },
        { read: `drill: ${biggestDepartment.projects} projects of ${biggestDepartment.departmentCode} (live)`, 'median ms': median(drillProjects).toFixed(1), 'p90 ms': '', ratio: '' },
        { read: 'refresh of the whole tree (job body)', 'median ms': refresh.ms.toFixed(0), 'p90 ms': '', ratio: '' },
      ]),
    )
    const result = {
      benchmark: 'cockpit',
      engine,
      scale: options.scale,
      database: db.describe,
      machine: machine(),
      at: new Date().toISOString(),
      generated,
      filled: filled.value,
      refresh: { ms: refresh.ms, departments: refresh.value.departments },
      read: { groups: a.rows.length, reps, appMedianMs: appMedian, baselineMedianMs: baseMedian, ratio },
      drill: { departmentsMedianMs: median(drillDepartments), projectsMedianMs: median(drillProjects), projects: biggestDepartment.projects },
    }
    log(`written ${writeResult(`cockpit-${engine}-${options.scale}`, result)}`)
    return result
  } finally {
    await db.dispose()
  }
}
