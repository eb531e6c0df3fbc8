import { sql } from 'kysely'
import type { Db, Trx } from '../db/database.ts'

/**
 * The tables partitioned by fiscal year (ADR 0016, migration 2026_12_12_11): one partition `<table>_y<year>` a
 * year plus `<table>_default`, which takes any row of a year without its own partition so no insert ever fails.
 * China's fiscal year is the calendar year; the audit log is split on `at` at midnight China time.
 */
export interface YearPartitioned {
  table: 'execution_payment' | 'monitoring_form_indicator' | 'audit_log'
  /** FOR VALUES … of the year's partition. */
  bounds(year: number): string
  /** The rows of the year, as a condition on the partition key. */
  inYear(year: number): string
}

const chinaMidnight = (year: number) => `'${year}-01-01 00:00:00+08'`

const byFiscalYear = (table: YearPartitioned['table']): YearPartitioned => ({
  table,
  bounds: (year) => `from (${year}) to (${year + 1})`,
  inYear: (year) => `fiscal_year = ${year}`,
})

export const auditLogPartitioning: YearPartitioned = {
  table: 'audit_log',
  bounds: (year) => `from (${chinaMidnight(year)}) to (${chinaMidnight(year + 1)})`,
  inYear: (year) => `at >= ${chinaMidnight(year)} and at < ${chinaMidnight(year + 1)}`,
}

export const yearPartitionedTables: readonly YearPartitioned[] = [byFiscalYear('execution_payment'), byFiscalYear('monitoring_form_indicator'), auditLogPartitioning]

export const partitionName = (table: string, year: number) => `${table}_y${year}`
export const defaultPartitionName = (table: string) => `${table}_default`

/** The fiscal (calendar) year in China at the instant. */
export function chinaYear(at: Date): number {
  return new Date(at.getTime() + 8 * 3600_000).getUTCFullYear()
}

/** The years of the table's own year partitions, oldest first (DEFAULT left out). */
export async function partitionYears(db: Db | Trx, table: string): Promise<number[]> {
  const { rows } = await sql<{ name: string }>`
    select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid
    where i.inhparent = ${table}::regclass`.execute(db)
  const pattern = new RegExp(`^${table}_y(\\d{4})$`)
  return rows
    .map((r) => pattern.exec(r.name)?.[1])
    .filter((y): y is string => y !== undefined)
    .map(Number)
    .sort((a, b) => a - b)
}

export interface PartitionCreated {
  table: string
  year: number
  /** Rows of that year that had landed in DEFAULT and now live in the new partition. */
  movedFromDefault: number
}

// One key for every creator (app nodes at start, the CLI): the second waits, then finds the partition there.
const PARTITION_LOCK = 0x6a69_7870

/**
 * Creates the year's partition of the table unless it exists, in one transaction: the rows of the year already
 * in DEFAULT move into a new table that is then attached (attaching checks that DEFAULT holds none of the year).
 */
async function ensureYear(db: Db, spec: YearPartitioned, year: number): Promise<PartitionCreated | null> {
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${PARTITION_LOCK})`.execute(trx)
    if ((await partitionYears(trx, spec.table)).includes(year)) return null
    const name = partitionName(spec.table, year)
    const fallback = defaultPartitionName(spec.table)
    const { rows: columns } = await sql<{ name: string }>`
      select attname as name from pg_attribute where attrelid = ${spec.table}::regclass and attnum > 0 and not attisdropped order by attnum`.execute(trx)
    const list = columns.map((c) => `"${c.name}"`).join(', ')
    await sql.raw(`create table ${name} (like ${spec.table} including defaults including constraints)`).execute(trx)
    const moved = await sql.raw(`with moved as (delete from ${fallback} where ${spec.inYear(year)} returning ${list}) insert into ${name} (${list}) select ${list} from moved`).execute(trx)
    await sql.raw(`alter table ${spec.table} attach partition ${name} for values ${spec.bounds(year)}`).execute(trx)
    return { table: spec.table, year, movedFromDefault: Number(moved.numAffectedRows ?? 0) }
  })
}

/** Makes sure every partitioned table has a partition for each of the years; returns those it created. */
export async function ensureYearPartitions(db: Db, years: readonly number[]): Promise<PartitionCreated[]> {
  const created: PartitionCreated[] = []
  for (const spec of yearPartitionedTables) {
    for (const year of years) {
      const done = await ensureYear(db, spec, year)
      if (done) created.push(done)
    }
  }
  return created
}

/** The current fiscal year and the `ahead` years after it. */
export function yearsAhead(now: Date, ahead: number): number[] {
  const current = chinaYear(now)
  return Array.from({ length: ahead + 1 }, (_, i) => current + i)
}
