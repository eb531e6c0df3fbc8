import { type Kysely, sql } from 'kysely'

// Forward-only. Never import app code here: a migration must mean the same thing forever.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table org_node (
      code varchar(32) primary key,
      kind varchar(16) not null check (kind in ('jurisdiction', 'department', 'unit')),
      name varchar(100) not null,
      level varchar(16) check (level in ('province', 'city', 'district', 'functional')),
      parent_code varchar(32) references org_node (code),
      jurisdiction_code varchar(32) not null,
      department_code varchar(32),
      path text not null,
      finance_bureau_name varchar(100),
      former_names text[] not null default '{}',
      status varchar(16) not null default 'active' check (status in ('active', 'disabled')),
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index org_node_path_idx on org_node (path text_pattern_ops);
    create index org_node_parent_idx on org_node (parent_code);
    create index org_node_kind_jurisdiction_idx on org_node (kind, jurisdiction_code);

    create table app_user (
      id uuid primary key default gen_random_uuid(),
      username varchar(64) not null unique,
      display_name varchar(100) not null,
      password_hash text not null,
      org_code varchar(32) not null references org_node (code),
      roles text[] not null,
      status varchar(16) not null default 'active' check (status in ('active', 'disabled')),
      failed_login_count integer not null default 0,
      locked_until timestamptz,
      last_login_at timestamptz,
      password_changed_at timestamptz not null default now(),
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index app_user_org_idx on app_user (org_code);

    create table user_session (
      token_hash char(64) primary key,
      user_id uuid not null references app_user (id) on delete cascade,
      created_at timestamptz not null,
      last_seen_at timestamptz not null,
      client_ip varchar(64),
      user_agent varchar(300)
    );
    create index user_session_user_idx on user_session (user_id);

    create table setting (
      key varchar(64) primary key,
      value jsonb not null,
      version integer not null default 1,
      updated_at timestamptz not null default now()
    );

    create table audit_log (
      seq bigint primary key,
      at timestamptz not null,
      actor_id uuid,
      actor_username varchar(64),
      actor_org_path text,
      action varchar(64) not null,
      entity_type varchar(64) not null,
      entity_id varchar(100),
      before jsonb,
      after jsonb,
      request_id varchar(64),
      client_ip varchar(64),
      prev_hash char(64) not null,
      hash char(64) not null
    );
    create index audit_log_entity_idx on audit_log (entity_type, entity_id);
    create index audit_log_actor_idx on audit_log (actor_username, at);
    create index audit_log_at_idx on audit_log (at);
    create index audit_log_org_path_idx on audit_log (actor_org_path text_pattern_ops);

    -- One row that serializes appends, so the hash chain never forks under concurrent writes.
    create table audit_head (
      id integer primary key check (id = 1),
      seq bigint not null,
      hash char(64) not null
    );
    insert into audit_head (id, seq, hash) values (1, 0, repeat('0', 64));
  `.execute(db)
}
