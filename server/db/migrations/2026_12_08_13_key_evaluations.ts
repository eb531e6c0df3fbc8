import { type Kysely, sql } from 'kysely'

// Forward-only. Never import app code here.
// A 部门评价 / 财政重点评价 as a managed piece of work (issue 12, REFERENCE §6.6): its selection and work plan, its
// indicator framework (lines with weights, scores, formula inputs and evidence), the field-work log, the 交换意见
// with the evaluated unit (rule 41), the report's narrative and a satisfaction survey. The core row is in
// key_evaluation (2026_12_08_11), which this migration leaves as it is.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table key_evaluation_plan (
      key_evaluation_id uuid primary key references key_evaluation (id) on delete cascade,
      selection_kind varchar(8) not null default 'manual' check (selection_kind in ('major', 'sample', 'manual')),
      selection_seed varchar(64),
      selection_reason text not null default '',
      purpose text not null default '',
      scope text not null default '',
      methods text not null default '',
      schedule text not null default '',
      team text not null default '',
      overview text not null default '',
      conclusion text not null default '',
      experience text not null default '',
      problems text not null default '',
      suggestions text not null default '',
      other_notes text not null default ''
    );
    create table key_evaluation_line (
      id uuid primary key default gen_random_uuid(),
      key_evaluation_id uuid not null references key_evaluation (id) on delete cascade,
      seq integer not null,
      level1 varchar(40) not null,
      level2 varchar(60) not null default '',
      level3 varchar(100) not null,
      weight numeric(5, 2) not null check (weight > 0 and weight <= 100),
      score numeric(5, 2) check (score >= 0),
      formula varchar(24),
      inputs jsonb,
      value numeric(14, 2),
      basis text not null default '',
      unique (key_evaluation_id, seq)
    );
    create table key_evaluation_evidence (
      id uuid primary key default gen_random_uuid(),
      key_evaluation_id uuid not null references key_evaluation (id) on delete cascade,
      line_id uuid not null references key_evaluation_line (id) on delete cascade,
      file_id uuid not null references stored_file (id),
      note varchar(500) not null default '',
      created_by uuid references app_user (id),
      created_at timestamptz not null default now()
    );
    create index key_evaluation_evidence_idx on key_evaluation_evidence (key_evaluation_id, line_id);
    create table key_evaluation_fieldwork (
      id uuid primary key default gen_random_uuid(),
      key_evaluation_id uuid not null references key_evaluation (id) on delete cascade,
      visited_on date not null,
      place varchar(200) not null,
      people varchar(500) not null default '',
      notes text not null default '',
      created_by uuid references app_user (id),
      created_at timestamptz not null default now()
    );
    create index key_evaluation_fieldwork_idx on key_evaluation_fieldwork (key_evaluation_id, visited_on);
    create table key_evaluation_exchange (
      id uuid primary key default gen_random_uuid(),
      key_evaluation_id uuid not null references key_evaluation (id) on delete cascade,
      org_code varchar(32) not null references org_node (code),
      draft_total numeric(5, 2),
      opinion text not null,
      created_by uuid references app_user (id),
      created_at timestamptz not null default now()
    );
    create index key_evaluation_exchange_idx on key_evaluation_exchange (key_evaluation_id);
    create table key_evaluation_survey (
      key_evaluation_id uuid primary key references key_evaluation (id) on delete cascade,
      title varchar(200) not null,
      questions jsonb not null,
      target numeric(5, 2) not null default 90,
      responses integer not null default 0,
      answers integer not null default 0,
      satisfied integer not null default 0,
      rate numeric(5, 2),
      file_name varchar(255),
      imported_at timestamptz,
      version integer not null default 1
    );
    create table key_evaluation_survey_response (
      id uuid primary key default gen_random_uuid(),
      key_evaluation_id uuid not null references key_evaluation_survey (key_evaluation_id) on delete cascade,
      row_no integer not null,
      respondent varchar(100) not null default '',
      answers jsonb not null
    );
    create index key_evaluation_survey_response_idx on key_evaluation_survey_response (key_evaluation_id, row_no);
  `.execute(db)
}
