import { type Kysely, sql } from 'kysely'

// Forward-only. Never import app code here.
// 单位自评 (issue 12, REFERENCE §6.4–6.5, rules 1–19, 38): a round per jurisdiction and fiscal year, opened by a
// background job that writes one 自评表 per budgeted / executing / closed project and one per department overall
// goal, pre-filled from the goal version in force at year-end, the year's money and the last monitoring round.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table self_eval_round (
      id uuid primary key default gen_random_uuid(),
      jurisdiction_code varchar(32) not null references org_node (code),
      fiscal_year integer not null check (fiscal_year between 2000 and 2100),
      name varchar(100) not null,
      deadline timestamptz not null,
      status varchar(10) not null default 'opening' check (status in ('opening', 'open', 'closed')),
      form_count integer not null default 0,
      job_id uuid,
      opened_by uuid references app_user (id),
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    -- One round a year per jurisdiction: coverage (rule 38) is counted over it.
    create unique index self_eval_round_year_idx on self_eval_round (jurisdiction_code, fiscal_year);

    create table self_eval_form (
      id uuid primary key default gen_random_uuid(),
      round_id uuid not null references self_eval_round (id) on delete cascade,
      kind varchar(12) not null check (kind in ('project', 'department')),
      project_id uuid references project (id),
      -- The goal version in force at year-end; null when the project had none (nothing to score against).
      goal_id uuid references goal (id),
      jurisdiction_code varchar(32) not null references org_node (code),
      department_code varchar(32) not null references org_node (code),
      unit_code varchar(32) references org_node (code),
      fiscal_year integer not null,
      status varchar(16) not null default 'draft' check (status in ('draft', 'submitted', 'dept_accepted', 'returned', 'accepted')),
      budget_initial numeric(18, 2) not null default 0,
      budget numeric(18, 2) not null default 0,
      executed numeric(18, 2) not null default 0,
      execution_weight numeric(5, 2) not null default 10,
      execution_rate numeric(7, 2),
      execution_score numeric(5, 2),
      execution_reason text,
      overall_target text not null default '',
      overall_actual text not null default '',
      problems text not null default '',
      measures text not null default '',
      total numeric(5, 2),
      grade varchar(2) check (grade in ('优', '良', '中', '差')),
      -- { execution, total, grade, problems, warnings } as scoreSelfEvaluation returned them at the last write.
      explanations jsonb,
      -- The last monitoring round's figures for the project: { roundName, cutoffMonth, executionRate, light, overallProgress }.
      monitoring_summary jsonb,
      submitted_at timestamptz,
      accepted_at timestamptz,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create unique index self_eval_form_project_idx on self_eval_form (round_id, project_id) where project_id is not null;
    create unique index self_eval_form_department_idx on self_eval_form (round_id, department_code) where kind = 'department';
    create index self_eval_form_unit_idx on self_eval_form (unit_code, status);
    create index self_eval_form_department_scope_idx on self_eval_form (department_code, status);
    create index self_eval_form_year_idx on self_eval_form (jurisdiction_code, fiscal_year, status);
    create index self_eval_form_project_any_idx on self_eval_form (project_id);

    create table self_eval_indicator (
      id uuid primary key default gen_random_uuid(),
      form_id uuid not null references self_eval_form (id) on delete cascade,
      goal_indicator_id uuid references goal_indicator (id),
      sort_order integer not null,
      level1 varchar(20) not null,
      level2 varchar(40) not null default '',
      name varchar(200) not null,
      nature varchar(12) not null,
      target varchar(200) not null default '',
      unit varchar(40) not null default '',
      weight numeric(5, 2) not null default 0,
      actual varchar(200),
      applicable boolean not null default true,
      proposed_score numeric(5, 2),
      score numeric(5, 2),
      -- A score set by a person (null keeps the proposal) and why.
      override_score numeric(5, 2),
      override_reason text,
      deviation_reason text,
      -- { proposed: Explained, bound, overridden, deviationReasonRequired } as computed.
      explained jsonb
    );
    create index self_eval_indicator_form_idx on self_eval_indicator (form_id, sort_order);

    create table self_eval_opinion (
      id uuid primary key default gen_random_uuid(),
      seq bigserial,
      form_id uuid not null references self_eval_form (id) on delete cascade,
      action varchar(16) not null,
      from_status varchar(16) not null,
      to_status varchar(16) not null,
      opinion text not null default '',
      actor_id uuid references app_user (id),
      org_code varchar(32),
      created_at timestamptz not null default now()
    );
    create index self_eval_opinion_form_idx on self_eval_opinion (form_id, seq);
  `.execute(db)
}
