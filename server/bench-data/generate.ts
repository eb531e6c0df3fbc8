import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { type Compilable, CompiledQuery } from 'kysely'
import pg from 'pg'
import copyStreams from 'pg-copy-streams'
import type { Db, Engine, Trx } from '../db/database.ts'
import type { NewOrgNode } from '../db/schema.ts'
import type { Ctx } from '../http/context.ts'
import { recordAudit } from '../platform/audit.ts'
import { hashPassword } from '../platform/passwords.ts'
import { segmentForIndex } from '../platform/search.ts'
import { contactFor, drawTopics, fieldOf, hashSeed, makeProject, rngFrom, type Topic, topicDescription, topicsFor } from '../modules/projects/demo-projects.data.ts'
import { type MonitoringDataSummary, removeMonitoringData, writeMonitoringData } from './generate-monitoring.ts'
import { BENCH_CITY_CODE, BENCH_PASSWORD, BENCH_PROVINCE_CODE, type BenchOrg, type BenchScale, benchOrg } from './bench-org.data.ts'

/**
 * Bench data at city or province scale: its own org tree (示范省 990000 / its cities 99CC00), one user per
 * finance bureau and per department, and 25 projects per unit over 2024–2027 — written in bulk (COPY on
 * PostgreSQL, 1,000-row INSERTs on PGlite) with the project table's secondary indexes dropped during the load
 * and rebuilt after it; then, in SQL, a published goal with its indicators and the monthly payments of every
 * budgeted, executing or closed project (generate-monitoring.ts) — all in one transaction; then VACUUM ANALYZE, as autovacuum would do in production, so
 * the planner has statistics and index-only scans work from the first query.
 */

export interface GenerateOptions {
  scale: BenchScale
  seed?: number
  force?: boolean
  log?: (line: string) => void
  /** Only the first n units get projects (tests); the org tree is always whole. */
  units?: number
}

export interface GenerateTarget {
  db: Db
  engine: Engine
  /** PostgreSQL only: COPY needs a connection of its own. */
  databaseUrl?: string
}

export interface GenerateSummary {
  scale: BenchScale
  engine: Engine
  jurisdictions: number
  departments: number
  units: number
  users: number
  projects: number
  /** Goals, goal indicators and payments of the monitored projects. */
  monitoring: MonitoringDataSummary
  seconds: number
  phases: Record<string, number>
}

export class BenchDataExistsError extends Error {
  constructor() {
    super('数据库中已有压测数据（示范省 99xxxx），拒绝重复生成；如需重新生成请加 --force。The database already has generated bench data; pass --force to replace it.')
  }
}

export const benchUsername = (orgCode: string) => `bench_${orgCode}`
export { BENCH_PASSWORD }

const PROJECTS_PER_YEAR: readonly (readonly [number, number])[] = [
  [2024, 4],
  [2025, 5],
  [2026, 11],
  [2027, 5],
]
export const PROJECTS_PER_UNIT = PROJECTS_PER_YEAR.reduce((s, [, n]) => s + n, 0)
const CURRENT_YEAR = 2026
const PHASES = ['', '（二期）', '（三期）', '（四期）']

const COLUMNS = [
  'code', 'name', 'fiscal_year', 'jurisdiction_code', 'department_code', 'unit_code', 'budget_kind', 'attribute', 'project_type',
  'object_kind', 'period_start_year', 'period_end_year', 'medium_term_amount', 'amount_general', 'amount_fund',
  'amount_state_capital', 'amount_social_insurance', 'amount_fiscal', 'amount_other', 'amount_total', 'is_major_new',
  'description', 'contact_name', 'contact_phone', 'status', 'search_text', 'created_at', 'updated_at',
] as const

type Cell = string | number | boolean

const cents = (money: string) => Number(money.replace('.', ''))
function money(c: number) {
  const whole = Math.floor(c / 100)
  const rest = c - whole * 100
  return `${whole}.${rest < 10 ? '0' : ''}${rest}`
}

/** Segmenting a million names one by one takes ~10 s; names are built from a few parts, so segment the parts once. */
function wordCache() {
  const cache = new Map<string, string[]>()
  return (...texts: string[]) => {
    const key = texts.join('\u0000')
    let words = cache.get(key)
    if (!words) cache.set(key, (words = segmentForIndex(...texts).split(' ').filter(Boolean)))
    return words
  }
}

/** Every project of the bench org, one row (in COLUMNS order) at a time. Deterministic for a seed. */
export function* benchProjectRows(org: BenchOrg, seed: number): Generator<Cell[]> {
  const jurisdictions = new Map(org.jurisdictions.map((j) => [j.code, j]))
  const departments = new Map(org.departments.map((d) => [d.code, d]))
  const words = wordCache()
  const DAY = 86_400_000
  for (const unit of org.units) {
    const j = jurisdictions.get(unit.jurisdictionCode)!
    const rng = rngFrom(hashSeed(`${seed}:${unit.code}`))
    const field = fieldOf(unit.name, departments.get(unit.departmentCode)!.name)
    const topics = topicsFor(field, unit.name, j.level !== 'district')
    const subject = unit.name.endsWith('本级') ? j.label : unit.name
    const subjectWords = words(subject)
    const contact = contactFor(rng, '0999')
    for (const [year, count] of PROJECTS_PER_YEAR) {
      const drawn = drawTopics(rng, topics, count)
      const yearWords = words(`${year}年`)
      for (let i = 0; i < count; i++) {
        const base = drawn[i % drawn.length]!
        const phase = PHASES[Math.floor(i / drawn.length)] ?? `（${i}）`
        const topic: Topic = phase ? { ...base, topic: `${base.topic}${phase}` } : base
        const nn = String(i + 1).padStart(2, '0')
        const p = makeProject(rng, topic, {
          code: `${unit.code}-${year}-${nn}`,
          subject,
          year,
          currentYear: CURRENT_YEAR,
          jurisdictionCode: unit.jurisdictionCode,
          departmentCode: unit.departmentCode,
          unitCode: unit.code,
          factor: j.factor,
          ...contact,
        })
        const description = topicDescription(base)
        const fiscal = cents(p.amountGeneral) + cents(p.amountFund) + cents(p.amountStateCapital) + cents(p.amountSocialInsurance)
        const search = new Set([...yearWords, ...subjectWords, ...words(topic.topic, description), '项目', `${unit.code}-${year}`, nn])
        const created = Date.UTC(year - 1, 2, 1) + Math.floor(rng() * 240 * DAY)
        const updated = created + Math.floor(rng() * 30 * DAY)
        yield [
          p.code, p.name, year, p.jurisdictionCode, p.departmentCode, p.unitCode, p.budgetKind, p.attribute, p.projectType,
          p.objectKind, p.periodStartYear, p.periodEndYear, p.mediumTermAmount, p.amountGeneral, p.amountFund,
          p.amountStateCapital, p.amountSocialInsurance, money(fiscal), p.amountOther, money(fiscal + cents(p.amountOther)), p.isMajorNew,
          description, p.contactName, p.contactPhone, p.status, [...search].join(' '), new Date(created).toISOString(), new Date(updated).toISOString(),
        ]
      }
    }
  }
}

// ─── writing ───────────────────────────────────────────────────────────────────────────────────────────────────

/** What the load needs from a connection inside its transaction: statements, and a bulk path for projects. */
interface Loader {
  run<R = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<R[]>
  load(rows: Iterable<Cell[]>): Promise<void>
}

const csvCell = (v: Cell) => (typeof v === 'string' && /[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : String(v))
const sqlCell = (v: Cell) => (typeof v === 'string' ? `'${v.replaceAll("'", "''")}'` : String(v))

function* chunks(rows: Iterable<Cell[]>, size: number, line: (row: Cell[]) => string) {
  let batch: string[] = []
  for (const row of rows) {
    batch.push(line(row))
    if (batch.length === size) {
      yield batch
      batch = []
    }
  }
  if (batch.length) yield batch
}

function postgresLoader(client: pg.Client): Loader {
  return {
    run: async (text, params) => (await client.query(text, params as unknown[])).rows,
    async load(rows) {
      const stream = client.query(copyStreams.from(`copy project (${COLUMNS.join(', ')}) from stdin with (format csv)`))
      const source = Readable.from((function* () {
        for (const batch of chunks(rows, 2000, (row) => row.map(csvCell).join(','))) yield `${batch.join('\n')}\n`
      })())
      await pipeline(source, stream)
    },
  }
}

function pgliteLoader(trx: Trx): Loader {
  return {
    run: async (text, params = []) => (await trx.executeQuery(CompiledQuery.raw(text, [...params]))).rows as never,
    async load(rows) {
      const head = `insert into project (${COLUMNS.join(', ')}) values `
      for (const batch of chunks(rows, 1000, (row) => `(${row.map(sqlCell).join(',')})`)) {
        await trx.executeQuery(CompiledQuery.raw(head + batch.join(',')))
      }
    },
  }
}

const compiled = (loader: Loader, query: Compilable) => {
  const c = query.compile()
  return loader.run(c.sql, c.parameters)
}

const GENERATED_ROOTS = [BENCH_PROVINCE_CODE, BENCH_CITY_CODE]
const generatedPaths = GENERATED_ROOTS.map((c) => `/${c}/%`)

/**
 * Writes the bench data set. Refuses a database that already has one unless forced, and then replaces it
 * (the demo region and anything else is left alone).
 */
export async function generateBenchData(target: GenerateTarget, ctx: Ctx, options: GenerateOptions): Promise<GenerateSummary> {
  const log = options.log ?? (() => {})
  const seed = options.seed ?? 1
  const started = performance.now()
  const phases: Record<string, number> = {}
  let mark = started
  const phase = (name: string) => {
    const now = performance.now()
    phases[name] = Math.round(now - mark) / 1000
    mark = now
    log(`  ${name}: ${phases[name]!.toFixed(1)} s`)
  }

  const org = benchOrg(options.scale)
  const withProjects = options.units === undefined ? org : { ...org, units: org.units.slice(0, options.units) }
  const expected = withProjects.units.length * PROJECTS_PER_UNIT
  log(`生成压测数据 generating ${options.scale} scale (seed ${seed}) on ${target.engine}: ${org.jurisdictions.length} jurisdictions, ${org.departments.length} departments, ${org.units.length} units, ${expected.toLocaleString('en')} projects`)
  const passwordHash = await hashPassword(BENCH_PASSWORD)

  const work = async (loader: Loader) => {
    const existing = await loader.run('select code from org_node where code = any($1)', [GENERATED_ROOTS])
    if (existing.length) {
      if (!options.force) throw new BenchDataExistsError()
      await removeGenerated(loader)
      phase('removed the previous bench data')
    }
    const users = await writeOrg(target.db, loader, org, passwordHash, ctx.now)
    phase(`org tree and ${users} users`)
    const indexes = await loader.run<{ name: string; def: string }>(
      `select indexname as name, indexdef as def from pg_indexes
        where schemaname = current_schema() and tablename = 'project'
          and indexname not in (select conname from pg_constraint where conrelid = 'project'::regclass)`,
    )
    for (const index of indexes) await loader.run(`drop index ${index.name}`)
    let written = 0
    let nextReport = performance.now() + 5000
    const counted = (function* () {
      for (const row of benchProjectRows(withProjects, seed)) {
        yield row
        if (++written % 10_000 === 0 && performance.now() > nextReport) {
          nextReport = performance.now() + 5000
          log(`  projects ${written.toLocaleString('en')} / ${expected.toLocaleString('en')} (${Math.round((100 * written) / expected)}%) ${((performance.now() - started) / 1000).toFixed(1)} s`)
        }
      }
    })()
    await loader.load(counted)
    phase(`${written.toLocaleString('en')} projects loaded`)
    await loader.run(`set local maintenance_work_mem = '${target.engine === 'postgres' ? '512MB' : '128MB'}'`)
    for (const index of indexes) await loader.run(index.def)
    phase(`${indexes.length} project indexes rebuilt`)
    const monitoring = await writeMonitoringData(loader.run, generatedPaths, seed, CURRENT_YEAR, phase)
    return { users, projects: written, monitoring }
  }

  let result: { users: number; projects: number; monitoring: MonitoringDataSummary }
  if (target.engine === 'postgres') {
    if (!target.databaseUrl) throw new Error('generateBenchData: PostgreSQL needs databaseUrl for COPY')
    const client = new pg.Client({ connectionString: target.databaseUrl })
    await client.connect()
    try {
      await client.query('begin')
      result = await work(postgresLoader(client))
      await client.query('commit')
      await client.query('vacuum analyze project, org_node, app_user, goal, goal_indicator, execution_payment')
    } catch (error) {
      await client.query('rollback').catch(() => {})
      throw error
    } finally {
      await client.end()
    }
  } else {
    result = await target.db.transaction().execute((trx) => work(pgliteLoader(trx)))
    await target.db.executeQuery(CompiledQuery.raw('vacuum analyze project, org_node, app_user, goal, goal_indicator, execution_payment'))
  }
  phase('committed, vacuumed and analyzed')

  const summary: GenerateSummary = {
    scale: options.scale,
    engine: target.engine,
    jurisdictions: org.jurisdictions.length,
    departments: org.departments.length,
    units: org.units.length,
    users: result.users,
    projects: result.projects,
    monitoring: result.monitoring,
    seconds: Math.round(performance.now() - started) / 1000,
    phases,
  }
  await target.db.transaction().execute((trx) =>
    recordAudit(trx, ctx, { action: 'system.generate_bench', entityType: 'system', entityId: 'bench', after: { ...summary, seed } }),
  )
  log(`完成 done: ${summary.projects.toLocaleString('en')} projects in ${summary.seconds.toFixed(1)} s`)
  return summary
}

async function removeGenerated(loader: Loader) {
  await removeMonitoringData(loader.run, generatedPaths)
  const nodes = `select code from org_node where path like $1 or path like $2`
  const others = await loader.run(`select 1 from project where unit_code not in (${nodes}) limit 1`, generatedPaths)
  // Deleting a million projects leaves a million dead rows, and deleting the bench users then makes PostgreSQL
  // scan them once per user (the created_by foreign key): 12 minutes at province scale. When the library holds
  // nothing else, TRUNCATE instead — without CASCADE, so a table we do not know about that references projects
  // makes it fail (and we fall back to DELETE) rather than lose rows.
  let truncated = false
  if (others.length === 0) {
    await loader.run('savepoint bench_truncate')
    try {
      await loader.run('truncate project, project_attachment')
      truncated = true
    } catch {
      await loader.run('rollback to savepoint bench_truncate')
    }
  }
  if (!truncated) await loader.run(`delete from project where unit_code in (${nodes})`, generatedPaths)
  await loader.run(`delete from app_user where org_code in (${nodes})`, generatedPaths)
  await loader.run(`delete from org_node where path like $1 or path like $2`, generatedPaths)
}

async function writeOrg(db: Db, loader: Loader, org: BenchOrg, passwordHash: string, now: Date) {
  const paths = new Map<string, string>()
  const stamp = { createdAt: now, updatedAt: now }
  const nodes: NewOrgNode[] = []
  for (const j of org.jurisdictions) {
    const path = `${j.parentCode ? paths.get(j.parentCode) : '/'}${j.code}/`
    paths.set(j.code, path)
    nodes.push({ code: j.code, kind: 'jurisdiction', name: j.name, level: j.level, parentCode: j.parentCode, jurisdictionCode: j.code, departmentCode: null, path, financeBureauName: j.financeBureauName, ...stamp })
  }
  for (const d of org.departments) {
    const path = `${paths.get(d.jurisdictionCode)}${d.code}/`
    paths.set(d.code, path)
    nodes.push({ code: d.code, kind: 'department', name: d.name, level: null, parentCode: d.jurisdictionCode, jurisdictionCode: d.jurisdictionCode, departmentCode: d.code, path, financeBureauName: null, ...stamp })
  }
  for (const u of org.units) {
    nodes.push({ code: u.code, kind: 'unit', name: u.name, level: null, parentCode: u.departmentCode, jurisdictionCode: u.jurisdictionCode, departmentCode: u.departmentCode, path: `${paths.get(u.departmentCode)}${u.code}/`, financeBureauName: null, ...stamp })
  }
  for (let i = 0; i < nodes.length; i += 2000) await compiled(loader, db.insertInto('orgNode').values(nodes.slice(i, i + 2000)))

  const users = [
    ...org.jurisdictions.map((j) => ({ orgCode: j.code, displayName: `${j.financeBureauName}绩效管理员`, role: 'finance_admin' })),
    ...org.departments.map((d) => ({ orgCode: d.code, displayName: `${d.name}财务填报员`, role: 'dept_user' })),
  ].map((u) => ({
    username: benchUsername(u.orgCode),
    displayName: u.displayName.slice(0, 100),
    passwordHash,
    orgCode: u.orgCode,
    roles: [u.role],
    passwordChangedAt: now,
    ...stamp,
  }))
  for (let i = 0; i < users.length; i += 2000) await compiled(loader, db.insertInto('appUser').values(users.slice(i, i + 2000)))
  return users.length
}
