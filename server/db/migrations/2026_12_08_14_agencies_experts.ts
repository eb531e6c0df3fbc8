import { type Kysely, sql } from 'kysely'

// Forward-only. Never import app code here.
// Third-party agencies (第三方机构, rules 44–45: register, declared relations, violations, engagements with their
// procurement, quality rating and subcontracting flag) and the expert pool (专家库: experts, declared relations,
// seeded draws with their candidate list, score sheets). Both registers belong to the finance bureau that keeps them.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table agency (
      id uuid primary key default gen_random_uuid(),
      jurisdiction_code varchar(32) not null references org_node (code),
      name varchar(200) not null,
      credit_code varchar(18) not null,
      type varchar(12) not null check (type in ('consulting', 'accounting', 'appraisal', 'law', 'research', 'university')),
      qualifications text not null default '',
      staff_count integer not null default 0 check (staff_count >= 0),
      credit_status varchar(12) not null default 'good' check (credit_status in ('good', 'warned', 'blacklisted')),
      contact_person varchar(50) not null default '',
      contact_phone varchar(50) not null default '',
      -- The agency as a node of our org tree, when it is one (a university or institute that is a budget unit):
      -- then it cannot evaluate itself or its commissioner.
      org_code varchar(32) references org_node (code),
      -- Its agency_user accounts: what they did earlier (ex-ante assessments, monitoring verifications) is the
      -- agency's earlier work, and they see the agency's engagements.
      user_ids uuid[] not null default '{}',
      created_by uuid references app_user (id),
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (jurisdiction_code, credit_code)
    );

    create table agency_relation (
      id uuid primary key default gen_random_uuid(),
      agency_id uuid not null references agency (id) on delete cascade,
      org_code varchar(32) not null references org_node (code),
      relation varchar(200) not null,
      created_at timestamptz not null default now(),
      unique (agency_id, org_code)
    );

    create table agency_violation (
      id uuid primary key default gen_random_uuid(),
      agency_id uuid not null references agency (id) on delete cascade,
      occurred_on date not null,
      severity varchar(8) not null check (severity in ('major', 'minor')),
      description text not null,
      created_at timestamptz not null default now()
    );
    create index agency_violation_agency_idx on agency_violation (agency_id, occurred_on);

    create table agency_engagement (
      id uuid primary key default gen_random_uuid(),
      agency_id uuid not null references agency (id),
      key_evaluation_id uuid not null references key_evaluation (id),
      jurisdiction_code varchar(32) not null references org_node (code),
      commissioner_code varchar(32) not null references org_node (code),
      procurement_method varchar(24) not null check (procurement_method in ('government_procurement', 'purchase_of_services')),
      contract_no varchar(100) not null,
      fee numeric(18, 2) not null check (fee >= 0),
      status varchar(12) not null default 'engaged' check (status in ('engaged', 'delivered', 'terminated')),
      quality_rating smallint check (quality_rating between 1 and 5),
      rating_comment text not null default '',
      rated_by uuid references app_user (id),
      rated_at timestamptz,
      subcontracted boolean not null default false,
      subcontract_note text not null default '',
      note text not null default '',
      created_by uuid references app_user (id),
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (agency_id, key_evaluation_id)
    );
    create index agency_engagement_evaluation_idx on agency_engagement (key_evaluation_id);

    create table expert (
      id uuid primary key default gen_random_uuid(),
      jurisdiction_code varchar(32) not null references org_node (code),
      name varchar(50) not null,
      fields text[] not null default '{}',
      -- Where the expert works: an org node of ours when it is one (for avoidance), and the name as written.
      affiliation_code varchar(32) references org_node (code),
      affiliation varchar(200) not null default '',
      title varchar(100) not null default '',
      phone varchar(50) not null default '',
      active boolean not null default true,
      -- The expert's user account, when the expert scores in the system.
      user_id uuid references app_user (id),
      created_by uuid references app_user (id),
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index expert_scope_idx on expert (jurisdiction_code);

    create table expert_relation (
      id uuid primary key default gen_random_uuid(),
      expert_id uuid not null references expert (id) on delete cascade,
      org_code varchar(32) not null references org_node (code),
      relation varchar(200) not null,
      created_at timestamptz not null default now(),
      unique (expert_id, org_code)
    );

    create table expert_draw (
      id uuid primary key default gen_random_uuid(),
      key_evaluation_id uuid not null references key_evaluation (id),
      jurisdiction_code varchar(32) not null references org_node (code),
      seed varchar(64) not null,
      -- { count, fields, cooldownMonths, asOf, object }: everything the draw used besides the pool.
      criteria jsonb not null,
      -- Every expert of the pool the fields let in, with the reasons it was left out (none: eligible).
      candidates jsonb not null,
      drawn_ids uuid[] not null,
      drawn_by uuid references app_user (id),
      drawn_at timestamptz not null default now()
    );
    create index expert_draw_evaluation_idx on expert_draw (key_evaluation_id);

    create table expert_score_sheet (
      id uuid primary key default gen_random_uuid(),
      draw_id uuid not null references expert_draw (id),
      key_evaluation_id uuid not null references key_evaluation (id),
      expert_id uuid not null references expert (id),
      scores jsonb not null default '{}',
      total numeric(5, 2),
      comment text not null default '',
      submitted_at timestamptz,
      version integer not null default 1,
      updated_at timestamptz not null default now(),
      unique (draw_id, expert_id)
    );
  `.execute(db)
}
