import { type Kysely, sql } from 'kysely'

// Forward-only. Never import app code here.
// 单位自评 deadlines (issue 12): after its round's deadline a 自评表 is locked for its unit, unless finance granted
// the form (or every form of its unit) an extension until a later date.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table self_eval_form add column extension_until timestamptz`.execute(db)
}
