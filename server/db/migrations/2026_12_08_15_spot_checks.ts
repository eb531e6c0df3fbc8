import { type Kysely, sql } from 'kysely'

// Forward-only. Never import app code here.
// 抽查复核 (issue 12): finance (or a city over its districts) draws a sample of submitted 自评表 of a fiscal year —
// random with a recorded seed, plus picks — and re-scores each. An item names its 自评表 by `form_id` without a
// foreign key (the self-evaluation tables may be rebuilt by their own module) and keeps a snapshot of the unit's
// scores as they stood when drawn, so the side-by-side comparison never moves under the reviewer.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table spot_check (
      id uuid primary key default gen_random_uuid(),
      jurisdiction_code varchar(32) not null references org_node (code),
      fiscal_year integer not null check (fiscal_year between 2000 and 2100),
      name varchar(200) not null,
      -- Whether the districts under the jurisdiction were in the pool (a city over its districts).
      include_below boolean not null default false,
      seed varchar(64) not null,
      random_count integer not null check (random_count >= 0),
      pool_size integer not null check (pool_size >= 0),
      -- The pool's 自评表 ids in the order the draw saw them: with the seed, the draw can be replayed.
      pool_ids uuid[] not null default '{}',
      status varchar(12) not null default 'open' check (status in ('open', 'closed')),
      created_by uuid references app_user (id),
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index spot_check_scope_idx on spot_check (jurisdiction_code, fiscal_year);

    create table spot_check_item (
      id uuid primary key default gen_random_uuid(),
      spot_check_id uuid not null references spot_check (id) on delete cascade,
      form_id uuid not null,
      pick varchar(8) not null check (pick in ('random', 'manual')),
      position integer not null,
      jurisdiction_code varchar(32) not null references org_node (code),
      department_code varchar(32) references org_node (code),
      unit_code varchar(32) references org_node (code),
      project_id uuid,
      title varchar(300) not null default '',
      -- The unit's 自评表 as drawn: its scoring input and its scores (total, grade, each indicator's score).
      unit_snapshot jsonb not null,
      unit_total numeric(5, 2),
      unit_grade varchar(2) check (unit_grade in ('优', '良', '中', '差')),
      -- The reviewer's scores per indicator ({ score, reason } by position) and the result through the same scoring.
      reviewer_scores jsonb not null default '[]',
      reviewer_total numeric(5, 2),
      reviewer_grade varchar(2) check (reviewer_grade in ('优', '良', '中', '差')),
      gap numeric(6, 2),
      flagged boolean not null default false,
      note varchar(2000) not null default '',
      status varchar(12) not null default 'pending' check (status in ('pending', 'reviewed')),
      reviewed_by uuid references app_user (id),
      reviewed_at timestamptz,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (spot_check_id, form_id)
    );
    create index spot_check_item_form_idx on spot_check_item (form_id);
    create index spot_check_item_flag_idx on spot_check_item (spot_check_id, flagged);
  `.execute(db)
}
