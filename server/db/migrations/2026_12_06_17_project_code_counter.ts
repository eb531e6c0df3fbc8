import { type Kysely, sql } from 'kysely'

// Forward-only. Never import app code here.
// One counter per 项目编码 series (the code pattern with everything but the serial filled in). A create draws the
// next serial with insert … on conflict do update in its own transaction: the row stays locked until it commits, so
// two concurrent creates never draw the same serial, on PostgreSQL and on PGlite alike.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table project_code_counter (
      series text primary key,
      last_serial integer not null check (last_serial > 0),
      updated_at timestamptz not null
    );
  `.execute(db)
}
