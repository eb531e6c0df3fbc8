import { type Kysely, sql } from 'kysely'

// Forward-only. Never import app code here.
// 信息公开 decisions (issue 14, rule 46): one row per record (goal, self-evaluation form, key evaluation, 考核
// result) that somebody decided on — to publish, or not with a reason from the rule set's list. Approval and
// withdrawal move its state; the frozen copies themselves are in public_record. No row = undecided.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table disclosure_decision (
      id uuid primary key default gen_random_uuid(),
      kind varchar(24) not null check (kind in ('goal', 'self_evaluation', 'key_evaluation_report', 'assessment')),
      source_id uuid not null,
      jurisdiction_code varchar(32) not null references org_node (code),
      fiscal_year integer not null check (fiscal_year between 2000 and 2100),
      department_code varchar(32) references org_node (code),
      state varchar(16) not null check (state in ('to_publish', 'not_to_publish', 'published', 'withdrawn')),
      reason_code varchar(50),
      reason_text varchar(2000),
      decided_by uuid references app_user (id),
      decided_at timestamptz not null,
      approved_by uuid references app_user (id),
      approved_at timestamptz,
      withdrawn_by uuid references app_user (id),
      withdrawn_at timestamptz,
      withdrawal_reason varchar(2000),
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      constraint disclosure_decision_source_unique unique (kind, source_id),
      check ((state = 'not_to_publish') = (reason_code is not null))
    );
    create index disclosure_decision_scope_idx on disclosure_decision (jurisdiction_code, fiscal_year, kind, state);
  `.execute(db)
}
