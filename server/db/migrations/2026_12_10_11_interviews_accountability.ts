import { type Kysely, sql } from 'kysely'

// Forward-only. Never import app code here.
// 结果应用 (issue 13): 约谈 records of poor performers and 问责 records of major losses, kept with the project.
// A 约谈 names the interviewed org (a unit, a department, or a district bureau) and where it came from (a round,
// a key evaluation, a 考核, a project) by type and id without a foreign key, as rectification does; a 问责 sits
// with its project. Both carry the owner's department and unit codes for data scope.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table interview (
      id uuid primary key default gen_random_uuid(),
      jurisdiction_code varchar(32) not null references org_node (code),
      fiscal_year integer not null check (fiscal_year between 2000 and 2100),
      org_code varchar(32) not null references org_node (code),
      department_code varchar(32) references org_node (code),
      unit_code varchar(32) references org_node (code),
      person_title varchar(100) not null,
      interviewed_on date not null,
      interviewer varchar(200) not null,
      reason varchar(2000) not null,
      source_type varchar(20) not null check (source_type in ('self_round', 'monitoring_round', 'key_evaluation', 'assessment', 'project')),
      source_id uuid not null,
      project_id uuid references project (id),
      outcome varchar(2000) not null default '',
      created_by uuid references app_user (id),
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index interview_scope_idx on interview (jurisdiction_code, fiscal_year);
    create index interview_org_idx on interview (org_code);
    create index interview_project_idx on interview (project_id);
    create index interview_source_idx on interview (source_type, source_id);

    create table accountability (
      id uuid primary key default gen_random_uuid(),
      jurisdiction_code varchar(32) not null references org_node (code),
      fiscal_year integer not null check (fiscal_year between 2000 and 2100),
      project_id uuid not null references project (id),
      department_code varchar(32) not null references org_node (code),
      unit_code varchar(32) references org_node (code),
      incident varchar(4000) not null,
      loss_amount numeric(18, 2) not null check (loss_amount >= 0),
      measures varchar(4000) not null,
      decided_on date not null,
      decided_by varchar(200) not null,
      created_by uuid references app_user (id),
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index accountability_scope_idx on accountability (jurisdiction_code, fiscal_year);
    create index accountability_project_idx on accountability (project_id);
  `.execute(db)
}
