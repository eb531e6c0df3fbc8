import { type Kysely, sql } from 'kysely'

// Forward-only. Never import app code here.
// The object of a 部门评价 / 财政重点评价 (issue 12): created here, before its details, because third-party agency
// engagements and expert draws name it. Its work plan, framework, evidence, field log, 交换意见 and report are in
// the key-evaluation migration that follows.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table key_evaluation (
      id uuid primary key default gen_random_uuid(),
      jurisdiction_code varchar(32) not null references org_node (code),
      fiscal_year integer not null check (fiscal_year between 2000 and 2100),
      level varchar(12) not null check (level in ('department', 'finance')),
      object_kind varchar(12) not null check (object_kind in ('project', 'policy', 'department', 'transfer')),
      project_id uuid references project (id),
      -- The commissioning party (委托方): the department for 部门评价, the jurisdiction for 财政重点评价.
      commissioner_code varchar(32) not null references org_node (code),
      -- The evaluated object's place in the org tree (its department and, for a project, its unit).
      department_code varchar(32) references org_node (code),
      unit_code varchar(32) references org_node (code),
      name varchar(200) not null,
      template varchar(12) not null check (template in ('no10', 'y2013', 'department')),
      stage varchar(12) not null default 'selected' check (stage in ('selected', 'planning', 'fieldwork', 'exchange', 'final', 'reported')),
      total numeric(5, 2),
      grade varchar(2) check (grade in ('优', '良', '中', '差')),
      created_by uuid references app_user (id),
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index key_evaluation_scope_idx on key_evaluation (jurisdiction_code, fiscal_year);
    create index key_evaluation_project_idx on key_evaluation (project_id);
  `.execute(db)
}
