import { type Kysely, sql } from 'kysely'

// Forward-only. Never import app code here.
// 转移支付 (issue 14, rule 48): a district names the project of its own library that receives a city allocation; that
// project's goal, monitoring and self-evaluation are the district's sub-goal and roll up to the city's goal.
// One district project receives at most one allocation.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table transfer_allocation add column district_project_id uuid references project (id);
    create unique index transfer_allocation_district_project_idx on transfer_allocation (district_project_id)
      where district_project_id is not null;
  `.execute(db)
}
