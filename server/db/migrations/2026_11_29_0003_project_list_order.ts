import { type Kysely, sql } from 'kysely'

// Forward-only. Never import app code here.
// The project list breaks ties on id in the direction of its sort, so an index ending in (amount_total, id)
// hands a department's or a unit's projects over already in page order: a deep page (page 50 of 20) reads 1,000
// index entries and sorts nothing. These replace the 0002 indexes, which are their prefixes.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create index project_department_order_idx on project (department_code, fiscal_year, budget_kind, amount_total, id);
    drop index project_department_year_idx;
    create index project_unit_order_idx on project (unit_code, fiscal_year, amount_total, id);
    drop index project_unit_year_idx;
  `.execute(db)
}
