import { type Kysely, sql } from 'kysely'

// Forward-only. Never import app code here.
// The indicator library keeps one row per revision: a goal points at the row it used, so a later revision never
// changes what an approved goal said. Search is BM25 over indicator_term (jieba words with field weights).
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table indicator_framework (
      code varchar(32) primary key,
      name varchar(100) not null,
      description text not null default '',
      jurisdiction_code varchar(32) references org_node (code),
      fiscal_year_from integer not null check (fiscal_year_from between 2000 and 2100),
      status varchar(16) not null default 'active' check (status in ('active', 'disabled')),
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );

    create table framework_node (
      id uuid primary key default gen_random_uuid(),
      framework_code varchar(32) not null references indicator_framework (code) on delete cascade,
      parent_id uuid references framework_node (id) on delete cascade,
      level smallint not null check (level in (1, 2)),
      name varchar(50) not null,
      sort_order integer not null,
      default_weight numeric(6, 2),
      maps_from text[] not null default '{}',
      constraint framework_node_level_parent check ((level = 1) = (parent_id is null))
    );
    create index framework_node_framework_idx on framework_node (framework_code, sort_order);

    create table indicator (
      id uuid primary key default gen_random_uuid(),
      code varchar(32) not null,
      revision integer not null default 1,
      name varchar(100) not null,
      level1 varchar(20) not null,
      level2 varchar(30) not null,
      nature varchar(12) not null check (nature in ('>=', '>', '=', '<=', '<', 'qualitative')),
      unit varchar(20) not null default '',
      definition text not null default '',
      formula text not null default '',
      data_source text not null default '',
      value_basis varchar(12) not null check (value_basis in ('plan', 'industry', 'history', 'other')),
      scoring_rule text not null default '',
      sectors text[] not null default '{}',
      project_kinds text[] not null default '{}',
      scope varchar(12) not null check (scope in ('core', 'common', 'individual')),
      cost_kind varchar(12) check (cost_kind in ('economic', 'social', 'ecological')),
      example_target varchar(60),
      owner_jurisdiction_code varchar(32) references org_node (code),
      valid_from_year integer not null,
      valid_to_year integer,
      status varchar(12) not null check (status in ('proposed', 'active', 'rejected', 'superseded', 'retired')),
      proposed_by uuid references app_user (id),
      proposed_org_code varchar(32) references org_node (code),
      proposal_reason text,
      review_opinion text,
      reviewed_by uuid references app_user (id),
      reviewed_at timestamptz,
      change_note text,
      doc_length real not null default 0,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      constraint indicator_code_revision_unique unique (code, revision),
      constraint indicator_validity check (valid_to_year is null or valid_to_year >= valid_from_year)
    );
    -- One live row per code: the proposal, the active revision or the retired one.
    create unique index indicator_live_code_idx on indicator (code) where status in ('proposed', 'active', 'retired');
    create index indicator_status_code_idx on indicator (status, code);

    -- Weighted term frequencies of the live rows (name counts 3×, sector and type labels 2×, the rest 1×).
    create table indicator_term (
      term varchar(64) not null,
      indicator_id uuid not null references indicator (id) on delete cascade,
      tf real not null,
      primary key (term, indicator_id)
    );
    create index indicator_term_indicator_idx on indicator_term (indicator_id);

    create table rule_set (
      id uuid primary key default gen_random_uuid(),
      jurisdiction_code varchar(32) not null references org_node (code),
      fiscal_year integer not null check (fiscal_year between 2000 and 2100),
      revision integer not null,
      overrides jsonb not null,
      note text not null default '',
      is_current boolean not null,
      created_by uuid references app_user (id),
      created_at timestamptz not null default now(),
      constraint rule_set_revision_unique unique (jurisdiction_code, fiscal_year, revision)
    );
    create unique index rule_set_current_idx on rule_set (jurisdiction_code, fiscal_year) where is_current;
  `.execute(db)
}
