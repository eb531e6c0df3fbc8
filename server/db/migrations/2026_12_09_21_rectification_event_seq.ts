import { type Kysely, sql } from 'kysely'

// Forward-only. Never import app code here.
// 整改 (issue 13): the events of an item in the order they happened, even when two share a timestamp.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table rectification_event add column seq bigint generated always as identity`.execute(db)
}
