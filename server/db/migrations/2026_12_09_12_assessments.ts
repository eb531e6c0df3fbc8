import { type Kysely, sql } from 'kysely'

// Forward-only. Never import app code here.
// 考核 (issue 13, rule 47): each year a bureau assesses its departments, and a city its district bureaus, on a
// template of items (computed from the system's records where it can, scored on evidence where not, bonus and
// deduction). An assessment keeps its items as they were scored, with the figure and the explanation, so a later
// change of the template or the records does not move a result already given.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table assessment (
      id uuid primary key default gen_random_uuid(),
      -- The assessing bureau and the assessed org: a department of it, or a district jurisdiction below it.
      jurisdiction_code varchar(32) not null references org_node (code),
      org_code varchar(32) not null references org_node (code),
      org_kind varchar(12) not null check (org_kind in ('department', 'jurisdiction')),
      fiscal_year integer not null check (fiscal_year between 2000 and 2100),
      status varchar(16) not null default 'self_assessing' check (status in ('self_assessing', 'submitted', 'reviewed', 'published')),
      due_on date not null,
      total numeric(5, 2),
      grade varchar(2) check (grade in ('优', '良', '中', '差')),
      rank integer,
      total_explanation jsonb,
      created_by uuid references app_user (id),
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (org_code, fiscal_year)
    );
    create index assessment_scope_idx on assessment (jurisdiction_code, fiscal_year);

    create table assessment_item (
      id uuid primary key default gen_random_uuid(),
      assessment_id uuid not null references assessment (id) on delete cascade,
      sort_order integer not null,
      code varchar(16) not null,
      name varchar(200) not null,
      kind varchar(12) not null check (kind in ('computed', 'entered', 'bonus', 'deduction')),
      points numeric(6, 2) not null,
      metric varchar(32),
      full_at numeric(5, 2),
      zero_below numeric(5, 2),
      -- What the system counted (numerator, denominator or amounts) and the score it gives, with its formula.
      figure jsonb,
      computed_score numeric(6, 2),
      explanation jsonb,
      self_score numeric(6, 2),
      self_note varchar(2000) not null default '',
      review_score numeric(6, 2),
      review_opinion varchar(2000) not null default '',
      unique (assessment_id, code)
    );
  `.execute(db)
}
