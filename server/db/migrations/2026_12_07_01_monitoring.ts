import { type Kysely, sql } from 'kysely'

// Forward-only. Never import app code here.
// 双监控: treasury payments and budget adjustments (the money), monitoring rounds and forms (the goals and the money
// at a cut-off), corrective actions (纠偏), and the progress rows of background jobs.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    -- 国库集中支付 payments. The voucher number is unique within a jurisdiction: importing or pushing it twice adds nothing.
    create table execution_payment (
      id uuid primary key default gen_random_uuid(),
      jurisdiction_code varchar(32) not null references org_node (code),
      project_id uuid not null references project (id),
      fiscal_year integer not null check (fiscal_year between 2000 and 2100),
      paid_on date not null,
      month smallint not null check (month between 1 and 12),
      amount numeric(18, 2) not null,
      fund_source varchar(50) not null,
      voucher_no varchar(64) not null,
      source varchar(12) not null check (source in ('import', 'api', 'demo', 'generated')),
      created_by uuid references app_user (id),
      created_at timestamptz not null default now(),
      constraint execution_payment_voucher_unique unique (jurisdiction_code, voucher_no)
    );
    create index execution_payment_project_idx on execution_payment (project_id, month);

    -- 调整预算: signed amounts; 全年预算数 = 年初预算数 (the project's fiscal funds) + the sum of its adjustments.
    create table budget_adjustment (
      id uuid primary key default gen_random_uuid(),
      project_id uuid not null references project (id),
      fiscal_year integer not null,
      amount numeric(18, 2) not null,
      reason text not null,
      adjusted_on date not null,
      action_id uuid,
      created_by uuid references app_user (id),
      created_at timestamptz not null default now()
    );
    create index budget_adjustment_project_idx on budget_adjustment (project_id);

    create table monitoring_round (
      id uuid primary key default gen_random_uuid(),
      jurisdiction_code varchar(32) not null references org_node (code),
      fiscal_year integer not null check (fiscal_year between 2000 and 2100),
      cutoff_month smallint not null check (cutoff_month between 1 and 12),
      name varchar(100) not null,
      adhoc boolean not null default false,
      deadline timestamptz not null,
      status varchar(12) not null check (status in ('opening', 'open', 'closed')),
      form_count integer not null default 0,
      key_count integer not null default 0,
      job_id uuid,
      opened_by uuid references app_user (id),
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      constraint monitoring_round_name_unique unique (jurisdiction_code, fiscal_year, name)
    );
    create index monitoring_round_scope_idx on monitoring_round (jurisdiction_code, fiscal_year, cutoff_month);

    create table monitoring_form (
      id uuid primary key default gen_random_uuid(),
      round_id uuid not null references monitoring_round (id) on delete cascade,
      kind varchar(12) not null check (kind in ('project', 'department')),
      project_id uuid references project (id),
      -- The goal version in force at the cut-off date; null when the project had none (the form then cannot be submitted).
      goal_id uuid references goal (id),
      jurisdiction_code varchar(32) not null references org_node (code),
      department_code varchar(32) not null references org_node (code),
      unit_code varchar(32) references org_node (code),
      fiscal_year integer not null,
      cutoff_month smallint not null,
      status varchar(16) not null default 'draft' check (status in ('draft', 'submitted', 'dept_accepted', 'returned', 'accepted')),
      is_key boolean not null default false,
      key_reasons text[] not null default '{}',
      -- Funds block. 年初预算数, 调整后预算数 and 1–N月执行数 are refreshed from payments until the form is submitted.
      budget_initial numeric(18, 2) not null default 0,
      budget_adjusted numeric(18, 2) not null default 0,
      executed numeric(18, 2) not null default 0,
      execution_rate numeric(9, 2),
      unit_forecast numeric(18, 2),
      system_forecast numeric(18, 2),
      forecast_explained jsonb,
      forecast_flagged boolean not null default false,
      funds_note text not null default '',
      overall_progress text not null default '',
      budget_light varchar(6) check (budget_light in ('red', 'yellow', 'green', 'blue')),
      project_light varchar(6) check (project_light in ('red', 'yellow', 'green', 'blue')),
      lights_explained jsonb,
      extension_until timestamptz,
      agency_user_id uuid references app_user (id),
      reminded_at timestamptz,
      remind_count integer not null default 0,
      submitted_at timestamptz,
      accepted_at timestamptz,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      constraint monitoring_form_kind_target check ((kind = 'project') = (project_id is not null))
    );
    create unique index monitoring_form_project_idx on monitoring_form (round_id, project_id) where project_id is not null;
    create unique index monitoring_form_department_idx on monitoring_form (round_id, department_code) where kind = 'department';
    create index monitoring_form_round_status_idx on monitoring_form (round_id, status, project_light);
    create index monitoring_form_unit_idx on monitoring_form (unit_code, status);
    create index monitoring_form_department_scope_idx on monitoring_form (department_code, status);
    create index monitoring_form_project_any_idx on monitoring_form (project_id);

    create table monitoring_form_indicator (
      id uuid primary key default gen_random_uuid(),
      form_id uuid not null references monitoring_form (id) on delete cascade,
      goal_indicator_id uuid references goal_indicator (id),
      sort_order integer not null,
      level1 varchar(20) not null,
      level2 varchar(30) not null,
      name varchar(100) not null,
      nature varchar(12) not null check (nature in ('>=', '>', '=', '<=', '<', 'qualitative')),
      target varchar(200) not null,
      unit varchar(20) not null default '',
      -- Progress to the cut-off: a number for quantitative indicators, 达成 / 部分达成 / 未达成 for qualitative ones.
      progress varchar(200),
      likelihood varchar(12) check (likelihood in ('certain', 'possible', 'impossible')),
      cause_category varchar(12) check (cause_category in ('funding', 'institution', 'staffing', 'hardware', 'other')),
      deviation_analysis text not null default '',
      measures text not null default '',
      light varchar(6) check (light in ('red', 'yellow', 'green', 'blue')),
      light_explained jsonb
    );
    create index monitoring_form_indicator_form_idx on monitoring_form_indicator (form_id, sort_order);

    -- Review opinions and third-party verification notes, in order.
    create table monitoring_opinion (
      id uuid primary key default gen_random_uuid(),
      seq bigint generated always as identity,
      form_id uuid not null references monitoring_form (id) on delete cascade,
      stage varchar(12) not null check (stage in ('unit', 'dept', 'finance', 'agency')),
      action varchar(16) not null,
      opinion text not null default '',
      actor_id uuid references app_user (id),
      org_code varchar(32) references org_node (code),
      created_at timestamptz not null default now()
    );
    create index monitoring_opinion_form_idx on monitoring_opinion (form_id, seq);

    -- 纠偏: notices, inquiries, payment holds and stops, budget cuts, suspension, recovery.
    create table corrective_action (
      id uuid primary key default gen_random_uuid(),
      jurisdiction_code varchar(32) not null references org_node (code),
      department_code varchar(32) not null references org_node (code),
      unit_code varchar(32) references org_node (code),
      project_id uuid references project (id),
      form_id uuid references monitoring_form (id),
      round_id uuid references monitoring_round (id),
      kind varchar(16) not null check (kind in ('notice', 'inquiry', 'hold_payment', 'stop_payment', 'cut_budget', 'suspend', 'recover')),
      title varchar(200) not null,
      content text not null default '',
      amount numeric(18, 2),
      due_on date,
      status varchar(12) not null default 'open' check (status in ('open', 'responded', 'closed')),
      -- Holds and stops are in force from issue until lifted.
      lifted_at timestamptz,
      lifted_by uuid references app_user (id),
      goal_adjustment_id uuid references goal (id),
      issuer_org_code varchar(32) not null references org_node (code),
      issued_by uuid references app_user (id),
      response text not null default '',
      responded_at timestamptz,
      responded_by uuid references app_user (id),
      closed_at timestamptz,
      closed_by uuid references app_user (id),
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index corrective_action_scope_idx on corrective_action (jurisdiction_code, status, kind);
    create index corrective_action_project_idx on corrective_action (project_id);
    create index corrective_action_unit_idx on corrective_action (unit_code, status);
    create index corrective_action_hold_idx on corrective_action (jurisdiction_code) where kind in ('hold_payment', 'stop_payment') and lifted_at is null;

    create table corrective_action_event (
      id uuid primary key default gen_random_uuid(),
      seq bigint generated always as identity,
      action_id uuid not null references corrective_action (id) on delete cascade,
      event varchar(12) not null check (event in ('issue', 'respond', 'return', 'close', 'lift', 'update')),
      note text not null default '',
      attachment_ids uuid[] not null default '{}',
      actor_id uuid references app_user (id),
      created_at timestamptz not null default now()
    );
    create index corrective_action_event_action_idx on corrective_action_event (action_id, seq);

    -- A background job as the people who started it see it: what it is doing and how far it is.
    create table job_run (
      id uuid primary key default gen_random_uuid(),
      kind varchar(40) not null,
      status varchar(12) not null default 'queued' check (status in ('queued', 'running', 'done', 'failed')),
      jurisdiction_code varchar(32) references org_node (code),
      entity_type varchar(40),
      entity_id uuid,
      data jsonb not null default '{}',
      done integer not null default 0,
      total integer,
      message text not null default '',
      result jsonb,
      error text,
      attempts integer not null default 0,
      created_by uuid references app_user (id),
      created_at timestamptz not null default now(),
      started_at timestamptz,
      finished_at timestamptz,
      updated_at timestamptz not null default now()
    );
    create index job_run_entity_idx on job_run (entity_type, entity_id);
    create index job_run_status_idx on job_run (status, created_at);
  `.execute(db)
}
