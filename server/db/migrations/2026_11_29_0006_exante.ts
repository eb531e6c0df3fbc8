import { type Kysely, sql } from 'kysely'

// Forward-only. Never import app code here.
// 事前绩效评估: one row per assessment of a project (or policy). Scope follows the project row (its unit can move);
// only its jurisdiction and year are copied, as the keys every fact table carries. Scores and the checklist of
// materials are small documents keyed by the domain's review-point and item codes; the full points per dimension
// are fixed from the rule set at the start.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table exante_assessment (
      id uuid primary key default gen_random_uuid(),
      project_id uuid not null references project (id),
      -- The project's finance bureau and year: the distribution and partition keys every fact table carries.
      jurisdiction_code varchar(32) not null references org_node (code),
      fiscal_year integer not null check (fiscal_year between 2000 and 2100),
      kind varchar(8) not null check (kind in ('project', 'policy')),
      assessor_kind varchar(8) not null check (assessor_kind in ('unit', 'finance', 'agency', 'expert')),
      assessor_org_code varchar(32) not null references org_node (code),
      assigned_user_id uuid references app_user (id),
      dimension_points numeric(6, 2) not null check (dimension_points > 0),
      scores jsonb not null default '{}',
      total numeric(8, 2) not null default 0,
      conclusion varchar(8) check (conclusion in ('予以支持', '调整后支持', '不予支持')),
      opinion text not null default '',
      process text not null default '',
      suggestions text not null default '',
      other_issues text not null default '',
      attachments jsonb not null default '{}',
      status varchar(12) not null default 'draft' check (status in ('draft', 'submitted', 'completed')),
      submitted_at timestamptz,
      concluded_at timestamptz,
      concluded_by uuid references app_user (id),
      version integer not null default 1,
      created_by uuid references app_user (id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      constraint exante_concluded check ((status = 'completed') = (conclusion is not null))
    );
    -- At most one assessment in progress per project; concluded ones stay as history.
    create unique index exante_open_idx on exante_assessment (project_id) where status <> 'completed';
    create index exante_project_idx on exante_assessment (project_id, concluded_at desc);
    create index exante_assigned_idx on exante_assessment (assigned_user_id) where assigned_user_id is not null;
    create index exante_list_idx on exante_assessment (updated_at desc, id desc);
  `.execute(db)
}
