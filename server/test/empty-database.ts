import { randomUUID } from 'node:crypto'
import { Migrator, sql } from 'kysely'
import { type DatabaseHandle, openPGlite, openPostgres } from '../db/database.ts'
import { migrations } from '../db/migrations/index.ts'
import { adminUrl } from './postgres-urls.ts'

/**
 * An empty database on the engine under test (PGlite in memory, or a new database on TEST_DATABASE_URL's server)
 * with a migrator, for tests of a migration on data written under the schema before it.
 */
export async function emptyDatabase(): Promise<{ handle: DatabaseHandle; migrateTo: (name: string) => Promise<void>; migrateToLatest: () => Promise<void>; drop: () => Promise<void> }> {
  const url = process.env.TEST_DATABASE_URL
  let handle: DatabaseHandle
  let dropDatabase = async () => {}
  if (url) {
    const name = `jixiao_t_${randomUUID().replaceAll('-', '').slice(0, 16)}`
    const admin = openPostgres(adminUrl(url))
    await sql.raw(`create database ${name}`).execute(admin.db)
    handle = openPostgres(adminUrl(url, name))
    dropDatabase = async () => {
      await sql.raw(`drop database if exists ${name} with (force)`).execute(admin.db)
      await admin.close()
    }
  } else handle = await openPGlite({})
  const migrator = new Migrator({ db: handle.db, provider: { getMigrations: async () => migrations } })
  const check = ({ error }: { error?: unknown }) => {
    if (error) throw error
  }
  return {
    handle,
    migrateTo: async (name) => check(await migrator.migrateTo(name)),
    migrateToLatest: async () => check(await migrator.migrateToLatest()),
    drop: async () => {
      await handle.close()
      await dropDatabase()
    },
  }
}
