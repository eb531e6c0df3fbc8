import { type Kysely, sql } from 'kysely'

// Forward-only. Never import app code here.
// A goal keeps one row per version (revision): an adjustment is a new row of the same lineage, the approved one
// stays readable and in force until the adjustment is approved (in_force_from/to say when each version held).
// Indicators point at the library row (one indicator revision) they were picked from.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table goal (
      id uuid primary key default gen_random_uuid(),
      lineage_id uuid not null,
      revision integer not null default 1,
      kind varchar(12) not null check (kind in ('project', 'department', 'policy')),
      project_id uuid references project (id),
      fiscal_year integer not null check (fiscal_year between 2000 and 2100),
      jurisdiction_code varchar(32) not null references org_node (code),
      department_code varchar(32) not null references org_node (code),
      unit_code varchar(32) references org_node (code),
      name varchar(200) not null,
      overall_target text not null default '',
      medium_term_target text not null default '',
      annual_target text not null default '',
      framework_code varchar(32) not null,
      status varchar(16) not null check (status in ('draft', 'submitted', 'dept_approved', 'returned', 'approved', 'published', 'superseded')),
      review_round integer not null default 1,
      finance_grade varchar(2) check (finance_grade in ('优', '良', '中', '差')),
      adjustment_reason text,
      based_on_id uuid references goal (id),
      quality jsonb not null default '[]',
      submitted_at timestamptz,
      approved_at timestamptz,
      approved_by uuid references app_user (id),
      published_at timestamptz,
      in_force_from timestamptz,
      in_force_to timestamptz,
      version integer not null default 1,
      created_by uuid references app_user (id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      constraint goal_lineage_revision_unique unique (lineage_id, revision),
      constraint goal_project_kind check ((kind = 'project') = (project_id is not null) or kind = 'policy')
    );
    -- One lineage per project and year; adjustments are revisions within it.
    create unique index goal_project_year_idx on goal (project_id, fiscal_year, revision) where project_id is not null;
    create unique index goal_department_year_idx on goal (department_code, fiscal_year, revision) where kind = 'department';
    create index goal_scope_idx on goal (jurisdiction_code, fiscal_year, status);
    create index goal_unit_idx on goal (unit_code, status);
    create index goal_department_idx on goal (department_code, status);

    create table goal_indicator (
      id uuid primary key default gen_random_uuid(),
      goal_id uuid not null references goal (id) on delete cascade,
      sort_order integer not null,
      level1 varchar(20) not null,
      level2 varchar(30) not null,
      name varchar(100) not null,
      indicator_id uuid references indicator (id),
      indicator_code varchar(32),
      nature varchar(12) not null check (nature in ('>=', '>', '=', '<=', '<', 'qualitative')),
      target varchar(200) not null,
      unit varchar(20) not null default '',
      -- The target in the unit's base unit (万元 → 元), for peer medians; null for qualitative targets.
      target_number numeric(24, 6),
      target_base_unit varchar(20),
      medium_term_target varchar(200),
      weight numeric(6, 2),
      value_basis varchar(12) not null check (value_basis in ('plan', 'industry', 'history', 'other')),
      scoring_rule text not null default ''
    );
    create index goal_indicator_goal_idx on goal_indicator (goal_id, sort_order);
    create index goal_indicator_code_idx on goal_indicator (indicator_code);

    -- Every review decision, per round and stage: what the unit must fix and what finance graded.
    create table goal_opinion (
      id uuid primary key default gen_random_uuid(),
      seq bigint generated always as identity,
      goal_id uuid not null references goal (id) on delete cascade,
      round integer not null,
      stage varchar(12) not null check (stage in ('unit', 'dept', 'finance', 'expert')),
      action varchar(16) not null,
      grade varchar(2) check (grade in ('优', '良', '中', '差')),
      dimensions jsonb not null default '{}',
      opinion text not null default '',
      actor_id uuid references app_user (id),
      org_code varchar(32) references org_node (code),
      created_at timestamptz not null default now()
    );
    create index goal_opinion_goal_idx on goal_opinion (goal_id, seq);

    -- Optional expert review: finance assigns experts, each scores and comments once per round.
    create table goal_expert_review (
      id uuid primary key default gen_random_uuid(),
      goal_id uuid not null references goal (id) on delete cascade,
      round integer not null,
      expert_id uuid not null references app_user (id),
      assigned_by uuid references app_user (id),
      assigned_at timestamptz not null default now(),
      score numeric(5, 2),
      grade varchar(2) check (grade in ('优', '良', '中', '差')),
      dimensions jsonb not null default '{}',
      opinion text not null default '',
      submitted_at timestamptz,
      constraint goal_expert_review_unique unique (goal_id, round, expert_id)
    );
    create index goal_expert_review_expert_idx on goal_expert_review (expert_id, submitted_at);
  `.execute(db)
}
