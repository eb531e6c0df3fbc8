import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import type { TestProject } from 'vitest/node'
import { migrateToLatest, openPGlite, openPostgres } from '../../server/db/database.ts'
import { seedDemo } from '../../server/modules/org/demo-seed.ts'
import { useAuditKey } from '../../server/platform/audit.ts'
import { systemContext } from '../../server/system-context.ts'
import { adminUrl } from '../../server/test/postgres-urls.ts'
import { e2eClock } from './app-server.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    e2ePgliteDemo: string
    e2ePostgresDemo: string
    /** The audit key the demo's rows were chained with (hex): every app started from the clone appends with it. */
    e2eAuditKey: string
  }
}

/**
 * Migrates and demo-seeds one database per run; every browser test file starts its app on a clone of it (PGlite: a
 * data-dir dump; PostgreSQL: CREATE DATABASE … TEMPLATE), so files never share rows and none waits for the seed.
 */
export default async function setup(project: TestProject) {
  const key = randomBytes(32)
  useAuditKey(key)
  project.provide('e2eAuditKey', key.toString('hex'))
  const url = process.env.TEST_DATABASE_URL
  if (url) {
    const template = `jixiao_e2e_demo_${process.pid}`
    const admin = openPostgres(adminUrl(url))
    await sql.raw(`drop database if exists ${template} with (force)`).execute(admin.db)
    await sql.raw(`create database ${template}`).execute(admin.db)
    const handle = openPostgres(adminUrl(url, template))
    await migrateToLatest(handle.db)
    await seedDemo(handle.db, systemContext(e2eClock(), 'e2e'))
    await handle.close()
    project.provide('e2ePostgresDemo', template)
    project.provide('e2ePgliteDemo', '')
    return async () => {
      await sql.raw(`drop database if exists ${template} with (force)`).execute(admin.db)
      await admin.close()
    }
  }
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-e2e-'))
  const handle = await openPGlite({})
  await migrateToLatest(handle.db)
  await seedDemo(handle.db, systemContext(e2eClock(), 'e2e'))
  const file = join(dir, 'demo.tar')
  writeFileSync(file, Buffer.from(await (await handle.dumpDataDir!()).arrayBuffer()))
  await handle.close()
  project.provide('e2ePgliteDemo', file)
  project.provide('e2ePostgresDemo', '')
  return () => rmSync(dir, { recursive: true, force: true })
}
