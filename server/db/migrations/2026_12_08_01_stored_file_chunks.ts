import { type Kysely, sql } from 'kysely'

// Forward-only. Never import app code here.
// Large uploads (a treasury export of a million payments) are stored as they arrive, in pieces, and read back the
// same way, so no process ever holds such a file whole. Small files keep their bytes in stored_file.content.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table stored_file add column chunk_count integer not null default 0;

    create table stored_file_chunk (
      file_id uuid not null references stored_file (id) on delete cascade,
      seq integer not null,
      data bytea not null,
      primary key (file_id, seq)
    );
  `.execute(db)
}
