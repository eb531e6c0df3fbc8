import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import type { TestProject } from 'vitest/node'
import { migrateToLatest, openPGlite, openPostgres } from '../db/database.ts'
import { adminUrl, templateDatabaseName } from './postgres-urls.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string
    postgresTemplate: string
  }
}

/**
 * Migrates one template database per run; every test file clones it (PGlite: a data-dir dump;
 * PostgreSQL: CREATE DATABASE … TEMPLATE), so files never share rows and never wait on migrations.
 */
export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL
  if (url) {
    const template = templateDatabaseName()
    const admin = openPostgres(adminUrl(url))
    await sql.raw(`drop database if exists ${template} with (force)`).execute(admin.db)
    await sql.raw(`create database ${template}`).execute(admin.db)
    const tpl = openPostgres(adminUrl(url, template))
    await migrateToLatest(tpl.db)
    await tpl.close()
    project.provide('postgresTemplate', template)
    project.provide('pgliteTemplate', '')
    return async () => {
      await sql.raw(`drop database if exists ${template} with (force)`).execute(admin.db)
      await admin.close()
    }
  }
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-test-'))
  const handle = await openPGlite({})
  await migrateToLatest(handle.db)
  const dump = await handle.dumpDataDir!()
  const file = join(dir, 'template.tar')
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()))
  await handle.close()
  project.provide('pgliteTemplate', file)
  project.provide('postgresTemplate', '')
  return () => rmSync(dir, { recursive: true, force: true })
}
