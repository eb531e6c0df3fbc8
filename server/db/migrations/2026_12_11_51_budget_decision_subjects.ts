import { type Kysely, sql } from 'kysely'

// Forward-only. Never import app code here.
// 结果应用 (issue 13, REFERENCE §8 "Linkage of 部门整体绩效 to the 部门预算, and of 下级政府 … to transfer allocation"):
// a budget decision's subject is a project (as before), a department (its overall self-evaluation or key evaluation
// → next year's department budget) or a district (its 考核 by the city → the city's transfer payments to it).
// Transfer payments: a city 转移支付 project allocates its money to districts below; the allocation set carries one
// version for optimistic concurrency.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table budget_decision add column subject_kind varchar(12) not null default 'project'
      check (subject_kind in ('project', 'department', 'district'));
    alter table budget_decision add column subject_org_code varchar(32) references org_node (code);
    alter table budget_decision alter column project_id drop not null;
    alter table budget_decision alter column project_code drop not null;
    alter table budget_decision drop constraint budget_decision_source_type_check;
    alter table budget_decision add constraint budget_decision_source_type_check
      check (source_type in ('self_evaluation', 'key_evaluation', 'assessment'));
    alter table budget_decision add constraint budget_decision_subject_check check (
      (subject_kind = 'project' and project_id is not null and project_code is not null and subject_org_code is null)
      or (subject_kind <> 'project' and project_id is null and project_code is null and subject_org_code is not null));
    -- The department a decision belongs to (a project's, or the department decided on); null for a district.
    alter table budget_decision add column department_code varchar(32) references org_node (code);
    update budget_decision set department_code = project.department_code from project where project.id = budget_decision.project_id;
    create index budget_decision_department_idx on budget_decision (department_code, fiscal_year);
    create unique index budget_decision_org_subject_idx on budget_decision (subject_org_code, fiscal_year, subject_kind)
      where subject_kind <> 'project';

    create table transfer_allocation_plan (
      project_id uuid primary key references project (id),
      version integer not null default 1,
      updated_by uuid references app_user (id),
      updated_at timestamptz not null default now()
    );
    create table transfer_allocation (
      project_id uuid not null references transfer_allocation_plan (project_id) on delete cascade,
      district_code varchar(32) not null references org_node (code),
      amount numeric(18, 2) not null check (amount > 0),
      primary key (project_id, district_code)
    );
    create index transfer_allocation_district_idx on transfer_allocation (district_code);
  `.execute(db)
}
