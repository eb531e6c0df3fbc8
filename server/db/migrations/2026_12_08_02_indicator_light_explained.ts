import { type Kysely, sql } from 'kysely'

// Forward-only. Never import app code here.
// A monitoring indicator keeps its light's colour (lists, filters, dashboards); the explanation is worked out when
// the form is read, by the same function, from the same stored progress and funds — so the sweep no longer writes
// a JSON document per indicator row (issue 11's sweep benchmark).
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table monitoring_form_indicator drop column light_explained`.execute(db)
}
