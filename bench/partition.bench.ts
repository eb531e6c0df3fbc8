import { sql } from 'kysely'
import { generateBenchData } from '../server/bench-data/generate.ts'
import type { Engine } from '../server/db/database.ts'
import { systemClock } from '../server/platform/clock.ts'
import { ensureYearPartitions } from '../server/platform/partitions.ts'
import { systemContext } from '../server/system-context.ts'
import { type BenchDatabase, freshDatabase, machine, table, writeResult } from './lib/harness.ts'

/**
 * npm run bench -- partition [--engine postgres|pglite] [--scale city|province] [--rounds N]
 *
 * Typical reads of the three year-partitioned tables (ADR 0016) against unpartitioned copies of the same rows with
 * the indexes the tables had before the migration, in the same database and run, interleaved:
 *   - payments of one project in a year; a jurisdiction's payments of a year by month;
 *   - a round's progress rows (with the year, as the app knows it from the round; and without it);
 *   - the audit of one entity; the audit of one week; one page of the chain by seq (what verification reads);
 *   - last, once: removing a year of audit rows (DELETE from the copy, DETACH + DROP of the partition).
 * The generated set has payments of 2024–2026; progress rows are filled for a round per jurisdiction in 2025 and
 * 2026; the audit gets rows spread over 2024–2026.
 */
export interface PartitionBenchOptions {
  scale: 'city' | 'province'
  rounds: number
  log: (line: string) => void
}

const YEARS = [2024, 2025, 2026, 2027]

async function fillProgressRows(db: BenchDatabase) {
  const kdb = db.handle.db
  const bench = sql`(select code from org_node where kind = 'jurisdiction' and code like '99%')`
  for (const year of [2025, 2026]) {
    await sql`insert into monitoring_round (jurisdiction_code, fiscal_year, cutoff_month, name, deadline, status, created_at, updated_at)
      select code, ${year}, 6, ${`${year}年1—6月绩效运行监控（压测）`}, now(), 'open', now(), now() from ${bench} as j`.execute(kdb)
    await sql`insert into monitoring_form (round_id, kind, project_id, goal_id, jurisdiction_code, department_code, unit_code, fiscal_year, cutoff_month, created_at, updated_at)
      select r.id, 'project', p.id, g.id, p.jurisdiction_code, p.department_code, p.unit_code, ${year}, 6, now(), now()
      from project p join monitoring_round r on r.jurisdiction_code = p.jurisdiction_code and r.fiscal_year = ${year}
      join goal g on g.project_id = p.id
      where p.fiscal_year = ${year}`.execute(kdb)
  }
  await sql`insert into monitoring_form_indicator (form_id, fiscal_year, goal_indicator_id, sort_order, level1, level2, name, nature, target, unit, progress)
    select f.id, f.fiscal_year, gi.id, gi.sort_order, gi.level1, gi.level2, gi.name, gi.nature, gi.target, gi.unit, gi.target
    from monitoring_form f join goal_indicator gi on gi.goal_id = f.goal_id`.execute(kdb)
}

/** Audit rows over 2024–2026 (not a valid chain: these reads never check hashes). */
async function fillAudit(db: BenchDatabase, rows: number) {
  const { rows: head } = await sql<{ last: number }>`select coalesce(max(seq), 0)::int as last from audit_log`.execute(db.handle.db)
  await sql`insert into audit_log (seq, at, actor_username, action, entity_type, entity_id, after, prev_hash, hash)
    select ${head[0]!.last} + s, timestamptz '2024-01-01 00:00:00+08' + (s::float8 / ${rows}) * interval '1095 days', 'user' || (s % 500),
      (array['project.update', 'goal.update', 'monitoring.submit', 'execution.payment_push'])[s % 4 + 1],
      (array['project', 'goal', 'monitoring_form', 'payment'])[s % 4 + 1], 'E' || (s % ${Math.floor(rows / 8)}), jsonb_build_object('n', s),
      repeat('0', 64), repeat('0', 64)
    from generate_series(1, ${rows}) as s`.execute(db.handle.db)
}

/** Unpartitioned copies with the indexes the tables had before migration 2026_12_12_11. */
async function flatCopies(db: BenchDatabase) {
  await sql`
    create table execution_payment_flat as select * from execution_payment;
    alter table execution_payment_flat add primary key (id);
    alter table execution_payment_flat add unique (jurisdiction_code, voucher_no);
    create index on execution_payment_flat (project_id, month);
    create table monitoring_form_indicator_flat as select * from monitoring_form_indicator;
    alter table monitoring_form_indicator_flat add primary key (id);
    create index on monitoring_form_indicator_flat (form_id, sort_order);
    create table audit_log_flat as select * from audit_log;
    alter table audit_log_flat add primary key (seq);
    create index on audit_log_flat (entity_type, entity_id);
    create index on audit_log_flat (actor_username, at);
    create index on audit_log_flat (at);
    create index on audit_log_flat (actor_org_path text_pattern_ops);
  `.execute(db.handle.db)
  for (const t of ['execution_payment', 'monitoring_form_indicator', 'audit_log', 'monitoring_form']) {
    await sql.raw(`vacuum analyze ${t}`).execute(db.handle.db)
    if (t !== 'monitoring_form') await sql.raw(`vacuum analyze ${t}_flat`).execute(db.handle.db)
  }
}

interface Read {
  name: string
  /** The statement over `t` (the partitioned table or its flat copy) for the i-th parameter set. */
  text: (t: string, i: number) => string
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

export async function partitionBench(engine: Engine, options: PartitionBenchOptions) {
  const { log } = options
  log(`\n== partition on ${engine} (${options.scale}) ==`)
  const db = await freshDatabase(engine)
  try {
    const kdb = db.handle.db
    await ensureYearPartitions(kdb, YEARS)
    const generated = await generateBenchData({ db: kdb, engine, databaseUrl: db.url }, systemContext(systemClock, 'bench'), { scale: options.scale, seed: 1, log })
    let start = performance.now()
    await fillProgressRows(db)
    const auditRows = options.scale === 'province' ? 3_000_000 : 300_000
    await fillAudit(db, auditRows)
    log(`  progress rows and ${auditRows.toLocaleString('en')} audit rows (${((performance.now() - start) / 1000).toFixed(1)} s)`)
    start = performance.now()
    await flatCopies(db)
    log(`  unpartitioned copies (${((performance.now() - start) / 1000).toFixed(1)} s)`)
    const { rows: counts } = await sql<{ payments: number; progress: number; audit: number }>`select (select count(*)::int from execution_payment) as payments,
      (select count(*)::int from monitoring_form_indicator) as progress, (select count(*)::int from audit_log) as audit`.execute(kdb)

    // Parameters: projects and jurisdictions with payments in 2025, rounds of 2026, entities of the audit.
    const reps = 20 * options.rounds
    const projects = (await sql<{ id: string }>`select project_id as id from execution_payment where fiscal_year = 2025 group by project_id order by min(voucher_no) limit ${reps}`.execute(kdb)).rows.map((r) => r.id)
    const jurisdictions = (await sql<{ code: string }>`select distinct jurisdiction_code as code from execution_payment where fiscal_year = 2025 order by 1 limit ${reps}`.execute(kdb)).rows.map((r) => r.code)
    const rounds = (await sql<{ id: string }>`select round_id as id from monitoring_form where fiscal_year = 2026 group by round_id order by count(*) desc, round_id limit ${reps}`.execute(kdb)).rows.map((r) => r.id)
    const pick = <T>(xs: T[], i: number) => xs[i % xs.length]!
    const week = (i: number) => `timestamptz '2025-01-06 00:00:00+08' + interval '${(i * 7) % 350} days'`
    const reads: Read[] = [
      { name: "a project's payments of 2025", text: (t, i) => `select count(*), sum(amount) from ${t} where project_id = '${pick(projects, i)}' and fiscal_year = 2025` },
      { name: "a jurisdiction's 2025 payments by month", text: (t, i) => `select month, sum(amount) from ${t} where jurisdiction_code = '${pick(jurisdictions, i)}' and fiscal_year = 2025 group by month` },
      { name: "a 2026 round's progress rows (with the year)", text: (t, i) => `select count(*), count(i.progress) from monitoring_form f join ${t} i on i.form_id = f.id and i.fiscal_year = 2026 where f.round_id = '${pick(rounds, i)}'` },
      { name: "a 2026 round's progress rows (no year)", text: (t, i) => `select count(*), count(i.progress) from monitoring_form f join ${t} i on i.form_id = f.id where f.round_id = '${pick(rounds, i)}'` },
      { name: 'audit of one entity (all years)', text: (t, i) => `select seq, at, action from ${t} where entity_type = 'project' and entity_id = 'E${(i * 4099) % Math.floor(auditRows / 8)}' order by seq` },
      { name: 'audit of one week, by action', text: (t, i) => `select action, count(*) from ${t} where at >= ${week(i)} and at < ${week(i)} + interval '7 days' group by action` },
      { name: 'a page of the chain by seq (verify)', text: (t, i) => `select * from ${t} where seq >= ${1 + ((i * 104_729) % auditRows)} order by seq limit 2000` },
    ]
    const flat = { execution_payment: 'execution_payment_flat', monitoring_form_indicator: 'monitoring_form_indicator_flat', audit_log: 'audit_log_flat' } as const
    const tableOf = (read: Read) => (read.text('X', 0).includes('amount') ? 'execution_payment' : read.text('X', 0).includes('progress') ? 'monitoring_form_indicator' : 'audit_log') as keyof typeof flat
    const results: { read: string; partitionedMs: number; flatMs: number; ratio: number }[] = []
    for (const read of reads) {
      const t = tableOf(read)
      const run = async (table: string, i: number) => {
        const started = performance.now()
        await sql.raw(read.text(table, i)).execute(kdb)
        return performance.now() - started
      }
      for (let i = 0; i < 3; i++) await Promise.all([run(t, i), run(flat[t], i)])
      const after: number[] = []
      const before: number[] = []
      for (let i = 0; i < reps; i++) {
        // Interleaved, same parameters on both sides, alternating which goes first.
        if (i % 2 === 0) {
          after.push(await run(t, i))
          before.push(await run(flat[t], i))
        } else {
          before.push(await run(flat[t], i))
          after.push(await run(t, i))
        }
      }
      results.push({ read: read.name, partitionedMs: median(after), flatMs: median(before), ratio: median(before) / median(after) })
    }
    // Last, as it removes rows: a year of audit out of the table, by DELETE from the copy and by dropping the partition.
    const timedMs = async (text: string) => {
      const started = performance.now()
      await sql.raw(text).execute(kdb)
      return performance.now() - started
    }
    const removeFlat = await timedMs(`delete from audit_log_flat where at >= '2024-01-01 00:00:00+08' and at < '2025-01-01 00:00:00+08'`)
    const removePartition = await timedMs(`alter table audit_log detach partition audit_log_y2024; drop table audit_log_y2024`)
    results.push({ read: 'remove a year of audit (DELETE vs DETACH + DROP)', partitionedMs: removePartition, flatMs: removeFlat, ratio: removeFlat / removePartition })
    log(`  ${counts[0]!.payments.toLocaleString('en')} payments, ${counts[0]!.progress.toLocaleString('en')} progress rows, ${counts[0]!.audit.toLocaleString('en')} audit rows; ${reps} runs of each read, medians`)
    log(table(results.map((r) => ({ read: r.read, 'unpartitioned ms': r.flatMs.toFixed(2), 'partitioned ms': r.partitionedMs.toFixed(2), 'before / after': r.ratio.toFixed(2) }))))
    const result = { benchmark: 'partition', engine, scale: options.scale, database: db.describe, machine: machine(), at: new Date().toISOString(), generated, counts: counts[0], reps, results }
    log(`written ${writeResult(`partition-${engine}-${options.scale}`, result)}`)
    return result
  } finally {
    await db.dispose()
  }
}
