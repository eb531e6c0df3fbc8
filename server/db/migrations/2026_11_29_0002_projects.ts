import { type Kysely, sql } from 'kysely'

// Forward-only. Never import app code here.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table stored_file (
      id uuid primary key default gen_random_uuid(),
      sha256 char(64) not null,
      file_name varchar(255) not null,
      content_type varchar(100) not null,
      size_bytes integer not null,
      content bytea not null,
      created_by uuid references app_user (id),
      created_at timestamptz not null default now()
    );

    create table project (
      id uuid primary key default gen_random_uuid(),
      code varchar(64) not null,
      name varchar(200) not null,
      fiscal_year integer not null check (fiscal_year between 2000 and 2100),
      jurisdiction_code varchar(32) not null references org_node (code),
      department_code varchar(32) not null references org_node (code),
      unit_code varchar(32) not null references org_node (code),
      budget_kind varchar(24) not null check (budget_kind in ('general', 'fund', 'state_capital', 'social_insurance')),
      attribute varchar(16) not null check (attribute in ('new', 'continuing')),
      project_type varchar(16) not null check (project_type in ('recurring', 'multi_year', 'one_off')),
      object_kind varchar(24) not null check (object_kind in ('general', 'policy', 'special_fund', 'transfer', 'ppp', 'investment_fund', 'procurement', 'purchased_service', 'debt')),
      period_start_year integer not null,
      period_end_year integer not null,
      medium_term_amount numeric(18, 2) not null default 0,
      amount_general numeric(18, 2) not null default 0,
      amount_fund numeric(18, 2) not null default 0,
      amount_state_capital numeric(18, 2) not null default 0,
      amount_social_insurance numeric(18, 2) not null default 0,
      amount_fiscal numeric(18, 2) not null default 0,
      amount_other numeric(18, 2) not null default 0,
      amount_total numeric(18, 2) not null default 0,
      is_major_new boolean not null default false,
      description text not null default '',
      contact_name varchar(50),
      contact_phone varchar(30),
      status varchar(16) not null default 'reserve' check (status in ('reserve', 'library', 'budgeted', 'executing', 'closed', 'cancelled')),
      search_text text not null default '',
      version integer not null default 1,
      created_by uuid references app_user (id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      constraint project_code_unique unique (jurisdiction_code, fiscal_year, code),
      constraint project_period_valid check (period_end_year >= period_start_year),
      constraint project_fiscal_sum check (amount_fiscal = amount_general + amount_fund + amount_state_capital + amount_social_insurance),
      constraint project_total_sum check (amount_total = amount_fiscal + amount_other)
    );
    -- The list's hot paths: a department or unit looking at one year, sorted by amount; a bureau by status.
    create index project_department_year_idx on project (department_code, fiscal_year, budget_kind, amount_total);
    create index project_unit_year_idx on project (unit_code, fiscal_year, amount_total);
    create index project_jurisdiction_year_idx on project (jurisdiction_code, fiscal_year, status, amount_total);
    create index project_search_idx on project using gin (to_tsvector('simple', search_text));

    create table project_attachment (
      id uuid primary key default gen_random_uuid(),
      project_id uuid not null references project (id) on delete cascade,
      file_id uuid not null references stored_file (id),
      created_by uuid references app_user (id),
      created_at timestamptz not null default now()
    );
    create index project_attachment_project_idx on project_attachment (project_id);
  `.execute(db)
}
