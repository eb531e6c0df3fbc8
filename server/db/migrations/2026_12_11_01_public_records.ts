import { type Kysely, sql } from 'kysely'

// Forward-only. Never import app code here.
// 信息公开 (issue 14): the frozen public copies. Publishing a goal, a self-evaluation, a key evaluation report or a
// 考核 result writes one row whose payload holds only what the public may see, built at that moment: later edits
// inside the system do not change it. Republishing supersedes the live copy; a withdrawal is kept with its reason.
// One live copy per source, and per (jurisdiction, year, kind, record key) so the portal's URLs stay stable.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table public_record (
      id uuid primary key default gen_random_uuid(),
      kind varchar(24) not null check (kind in ('goal', 'self_evaluation', 'key_evaluation_report', 'assessment')),
      jurisdiction_code varchar(32) not null references org_node (code),
      fiscal_year integer not null check (fiscal_year between 2000 and 2100),
      department_code varchar(32) references org_node (code),
      record_key varchar(64) not null,
      source_type varchar(24) not null,
      source_id uuid not null,
      title varchar(400) not null,
      payload jsonb not null,
      file_id uuid references stored_file (id),
      published_at timestamptz not null,
      published_by uuid references app_user (id),
      superseded_at timestamptz,
      withdrawn_at timestamptz,
      withdrawn_by uuid references app_user (id),
      withdrawal_reason varchar(2000),
      check ((withdrawn_at is null) = (withdrawal_reason is null))
    );
    create unique index public_record_live_source_idx on public_record (kind, source_id)
      where withdrawn_at is null and superseded_at is null;
    create unique index public_record_live_key_idx on public_record (jurisdiction_code, fiscal_year, kind, record_key)
      where withdrawn_at is null and superseded_at is null;
    create index public_record_department_idx on public_record (jurisdiction_code, fiscal_year, department_code);
    create index public_record_source_idx on public_record (source_type, source_id);
  `.execute(db)
}
