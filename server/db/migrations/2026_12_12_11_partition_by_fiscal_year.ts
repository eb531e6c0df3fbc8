import { type Kysely, sql } from 'kysely'

// Forward-only. Never import app code here.
// The three largest fact tables become partitioned by fiscal year (ADR 0016): payments and monitoring progress rows
// by range on fiscal_year, the audit log by range on `at` by calendar year in China time (the fiscal year). Each
// gets one partition per year present in its rows, the current and the next year, and a DEFAULT partition so no
// insert can ever fail; `jixiao partitions ensure` (and the job serve enqueues) creates the years ahead.
// A partitioned table's unique keys must contain the partition key: a voucher number becomes unique per
// (jurisdiction, fiscal year), a progress row's key is (id, fiscal_year), an audit row's (seq, at).

type Partitioning = { column: string; bounds: (year: number) => string; yearsPresent: string }

const byFiscalYear = (table: string): Partitioning => ({
  column: 'fiscal_year',
  bounds: (year) => `from (${year}) to (${year + 1})`,
  yearsPresent: `select distinct fiscal_year as year from ${table}`,
})

const byCalendarYearInChina: Partitioning = {
  column: 'at',
  bounds: (year) => `from ('${year}-01-01 00:00:00+08') to ('${year + 1}-01-01 00:00:00+08')`,
  yearsPresent: `select distinct extract(year from at at time zone 'Asia/Shanghai')::int as year from audit_log`,
}

interface Conversion {
  table: string
  partitioning: Partitioning
  /**
   * Keys, indexes and foreign keys, added once the rows are in under the names the old table had (the columns,
   * their defaults and checks come from the old table with LIKE).
   */
  after: string
}

const conversions: Conversion[] = [
  {
    table: 'execution_payment',
    partitioning: byFiscalYear('execution_payment'),
    after: `
      alter table execution_payment add constraint execution_payment_pkey primary key (id, fiscal_year);
      alter table execution_payment add constraint execution_payment_voucher_unique unique (jurisdiction_code, fiscal_year, voucher_no);
      create index execution_payment_project_idx on execution_payment (project_id, month);
      alter table execution_payment add constraint execution_payment_jurisdiction_code_fkey foreign key (jurisdiction_code) references org_node (code);
      alter table execution_payment add constraint execution_payment_project_id_fkey foreign key (project_id) references project (id);
      alter table execution_payment add constraint execution_payment_created_by_fkey foreign key (created_by) references app_user (id);`,
  },
  {
    table: 'monitoring_form_indicator',
    partitioning: byFiscalYear('monitoring_form_indicator'),
    after: `
      alter table monitoring_form_indicator add constraint monitoring_form_indicator_pkey primary key (id, fiscal_year);
      create index monitoring_form_indicator_form_idx on monitoring_form_indicator (form_id, sort_order);
      alter table monitoring_form_indicator add constraint monitoring_form_indicator_form_id_fkey foreign key (form_id) references monitoring_form (id) on delete cascade;
      alter table monitoring_form_indicator add constraint monitoring_form_indicator_goal_indicator_id_fkey foreign key (goal_indicator_id) references goal_indicator (id);`,
  },
  {
    table: 'audit_log',
    partitioning: byCalendarYearInChina,
    after: `
      alter table audit_log add constraint audit_log_pkey primary key (seq, at);
      create index audit_log_entity_idx on audit_log (entity_type, entity_id);
      create index audit_log_actor_idx on audit_log (actor_username, at);
      create index audit_log_at_idx on audit_log (at);
      create index audit_log_org_path_idx on audit_log (actor_org_path text_pattern_ops);`,
  },
]

async function convert(db: Kysely<any>, c: Conversion, currentYear: number) {
  const present = await sql.raw<{ year: number }>(c.partitioning.yearsPresent).execute(db)
  const years = [...new Set([...present.rows.map((r) => Number(r.year)), currentYear, currentYear + 1])].sort()
  const partitions = years.map((year) => `create table ${c.table}_y${year} partition of ${c.table}_partitioned for values ${c.partitioning.bounds(year)};`)
  await sql
    .raw(`
      create table ${c.table}_partitioned (like ${c.table} including defaults including constraints) partition by range (${c.partitioning.column});
      ${partitions.join('\n')}
      create table ${c.table}_default partition of ${c.table}_partitioned default;
      insert into ${c.table}_partitioned select * from ${c.table};
      drop table ${c.table};
      alter table ${c.table}_partitioned rename to ${c.table};
      ${c.after}
    `)
    .execute(db)
}

export async function up(db: Kysely<any>): Promise<void> {
  // The progress rows learn their fiscal year from their form before they move.
  await sql`
    alter table monitoring_form_indicator add column fiscal_year integer;
    update monitoring_form_indicator i set fiscal_year = f.fiscal_year from monitoring_form f where f.id = i.form_id;
    alter table monitoring_form_indicator alter column fiscal_year set not null;
  `.execute(db)
  const now = await sql<{ year: number }>`select extract(year from now() at time zone 'Asia/Shanghai')::int as year`.execute(db)
  const currentYear = Number(now.rows[0]!.year)
  for (const c of conversions) await convert(db, c, currentYear)
  await sql`
    -- Audit years moved out of the database to a file (jixiao audit archive): the live chain starts after the last one.
    create table audit_archive (
      year integer primary key,
      first_seq bigint not null,
      last_seq bigint not null,
      first_prev_hash char(64) not null,
      last_hash char(64) not null,
      row_count bigint not null,
      sha256 char(64) not null,
      file_name text not null,
      archived_at timestamptz not null default now()
    );
  `.execute(db)
}
