import { type Kysely, sql } from 'kysely'

// Forward-only. Never import app code here.
// Failed sign-ins are counted per account and client address (login_source), so an attacker elsewhere cannot
// lock a user out; app_user's counter becomes the slower account-wide limit across all addresses, with the time
// of its last failure so that old failures age out. An account opened or reset by an administrator must change
// its password at first sign-in (等保); accounts that exist today are not forced.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table app_user add column must_change_password boolean not null default false;
    alter table app_user add column last_failed_login_at timestamptz;

    create table login_source (
      user_id uuid not null references app_user (id) on delete cascade,
      client_ip varchar(64) not null,
      failed_count integer not null default 0,
      last_failed_at timestamptz,
      locked_until timestamptz,
      last_success_at timestamptz,
      primary key (user_id, client_ip)
    );
  `.execute(db)
}
