import { type Kysely, sql } from 'kysely'

// Forward-only. Never import app code here.
// The audit chain becomes HMAC-keyed (issue 10 §3). Rows already written keep their plain SHA-256 links and stay
// verifiable; keyed_from_seq records where keyed hashing starts, key_id names the key once the first keyed row
// is written (a public fingerprint, never the key itself).
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table audit_head add column keyed_from_seq bigint;
    update audit_head set keyed_from_seq = seq + 1;
    alter table audit_head alter column keyed_from_seq set not null;
    alter table audit_head add column key_id varchar(16);
  `.execute(db)
}
