import { type Kysely, sql } from 'kysely'

// Forward-only. Never import app code here.
// 市区联动 and the 驾驶舱 (issue 14, rule 48): one summary row per department and year with the counts and amounts the
// roll-up reads — projects and money covered by goals, monitoring and evaluation, the latest monitoring round's forms
// and lights, self-evaluations and their grades, rectification, budget and payments. A background job rewrites the
// rows of a jurisdiction's subtree in one transaction; `cockpit_refresh` says when each jurisdiction was last done.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table cockpit_summary (
      fiscal_year integer not null check (fiscal_year between 2000 and 2100),
      jurisdiction_code varchar(32) not null references org_node (code),
      department_code varchar(32) not null references org_node (code),
      projects integer not null default 0,
      projects_with_goal integer not null default 0,
      projects_monitored integer not null default 0,
      projects_evaluated integer not null default 0,
      spending numeric(18,2) not null default 0,
      spending_with_goal numeric(18,2) not null default 0,
      spending_monitored numeric(18,2) not null default 0,
      spending_evaluated numeric(18,2) not null default 0,
      monitoring_cutoff_month integer,
      monitoring_expected integer not null default 0,
      monitoring_reported integer not null default 0,
      light_green integer not null default 0,
      light_yellow integer not null default 0,
      light_red integer not null default 0,
      self_eval_expected integer not null default 0,
      self_eval_submitted integer not null default 0,
      grade_excellent integer not null default 0,
      grade_good integer not null default 0,
      grade_pass integer not null default 0,
      grade_fail integer not null default 0,
      rectification_raised integer not null default 0,
      rectification_closed integer not null default 0,
      budget_adjusted numeric(18,2) not null default 0,
      executed numeric(18,2) not null default 0,
      refreshed_at timestamptz not null,
      primary key (fiscal_year, department_code)
    );
    create index cockpit_summary_jurisdiction_idx on cockpit_summary (fiscal_year, jurisdiction_code);
    create table cockpit_refresh (
      fiscal_year integer not null check (fiscal_year between 2000 and 2100),
      jurisdiction_code varchar(32) not null references org_node (code),
      refreshed_at timestamptz not null,
      progress_month integer check (progress_month between 1 and 12),
      job_run_id uuid,
      primary key (fiscal_year, jurisdiction_code)
    );
  `.execute(db)
}
