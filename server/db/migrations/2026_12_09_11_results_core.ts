import { type Kysely, sql } from 'kysely'

// Forward-only. Never import app code here.
// 结果应用 (issue 13): rectification items (整改, rule 43) and next-year budget decisions (rule 42).
// An item names its source by type and id without a foreign key (sources live in several modules: a 自评表, a key
// evaluation, a monitoring form, a spot-check item, or none for a finding entered by hand); a unique index keeps a
// source from raising the same item twice. Moves are kept as events; evidence as stored files.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table rectification (
      id uuid primary key default gen_random_uuid(),
      jurisdiction_code varchar(32) not null references org_node (code),
      fiscal_year integer not null check (fiscal_year between 2000 and 2100),
      source_type varchar(20) not null check (source_type in ('self_evaluation', 'key_evaluation', 'monitoring_form', 'spot_check', 'manual')),
      source_id uuid,
      -- Who found it, for an item entered by hand (专家, 第三方机构, 审计, 人大, 财政, 其他).
      origin varchar(12) check (origin in ('expert', 'agency', 'audit', 'congress', 'finance', 'other')),
      project_id uuid references project (id),
      -- The owner: the unit that rectifies (or the department, for a department-overall finding), and its department.
      owner_code varchar(32) not null references org_node (code),
      department_code varchar(32) not null references org_node (code),
      problem varchar(4000) not null,
      required_measure varchar(4000) not null default '',
      due_on date not null,
      status varchar(12) not null default 'open' check (status in ('open', 'responded', 'verified', 'closed')),
      response varchar(4000) not null default '',
      responded_at timestamptz,
      verified_at timestamptz,
      closed_at timestamptz,
      created_by uuid references app_user (id),
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check ((source_type = 'manual') = (source_id is null)),
      check (source_type <> 'manual' or origin is not null)
    );
    create unique index rectification_source_idx on rectification (source_type, source_id) where source_id is not null;
    create index rectification_scope_idx on rectification (jurisdiction_code, fiscal_year, status);
    create index rectification_owner_idx on rectification (owner_code, status);
    create index rectification_project_idx on rectification (project_id);

    create table rectification_evidence (
      id uuid primary key default gen_random_uuid(),
      rectification_id uuid not null references rectification (id) on delete cascade,
      file_id uuid not null references stored_file (id),
      note varchar(500) not null default '',
      uploaded_by uuid references app_user (id),
      uploaded_at timestamptz not null default now()
    );
    create index rectification_evidence_idx on rectification_evidence (rectification_id);

    create table rectification_event (
      id uuid primary key default gen_random_uuid(),
      rectification_id uuid not null references rectification (id) on delete cascade,
      action varchar(12) not null check (action in ('raise', 'respond', 'verify', 'close', 'return')),
      from_status varchar(12),
      to_status varchar(12) not null,
      opinion varchar(2000) not null default '',
      by_user uuid references app_user (id),
      created_at timestamptz not null default now()
    );
    create index rectification_event_idx on rectification_event (rectification_id, created_at);

    create table budget_decision (
      id uuid primary key default gen_random_uuid(),
      jurisdiction_code varchar(32) not null references org_node (code),
      project_id uuid not null references project (id),
      -- The project's code carries the decision to the next year's request of the same project.
      project_code varchar(64) not null,
      -- The year decided for (the evaluated year + 1).
      fiscal_year integer not null check (fiscal_year between 2000 and 2100),
      source_type varchar(20) not null check (source_type in ('self_evaluation', 'key_evaluation')),
      source_id uuid not null,
      grade varchar(2) not null check (grade in ('优', '良', '中', '差')),
      base_amount numeric(18, 2) not null,
      proposed_action varchar(12) not null check (proposed_action in ('priority', 'maintain', 'cut', 'cancel')),
      cut_percent numeric(5, 2) not null,
      proposed_amount numeric(18, 2) not null,
      recovered_amount numeric(18, 2) not null default 0,
      open_rectifications integer not null default 0,
      explanation jsonb not null,
      decided_amount numeric(18, 2),
      reason varchar(2000) not null default '',
      decided_by uuid references app_user (id),
      decided_at timestamptz,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (project_id, fiscal_year, source_type)
    );
    create index budget_decision_scope_idx on budget_decision (jurisdiction_code, fiscal_year);
    create index budget_decision_code_idx on budget_decision (project_code, fiscal_year);
  `.execute(db)
}
