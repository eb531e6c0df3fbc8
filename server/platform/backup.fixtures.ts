import { sql } from 'kysely'
import { buildApp } from '../app.ts'
import { loadConfig } from '../config.ts'
import { type DatabaseHandle, type Db, openPGlite, openPostgres } from '../db/database.ts'
import { newProjectBody } from '../test/endpoints.ts'
import { makeFactories } from '../test/factories.ts'
import { TEST_PASSWORD } from '../test/context.ts'
import { ManualClock } from './clock.ts'

/**
 * A modest slice of real data for backup.test.ts (the full demo takes ≈30 s): an org tree, users, projects with
 * goals and indicators from the factories, and projects created and edited through the API by a signed-in user,
 * so the audit chain holds rows the app itself wrote.
 */
export async function seedBackupSlice(handle: DatabaseHandle) {
  const clock = new ManualClock()
  const make = makeFactories(handle.db, clock)
  const city = await make.jurisdiction({ name: '备份测试市' })
  const district = await make.jurisdiction({ parent: city })
  const departments = [await make.department({ jurisdiction: city }), await make.department({ jurisdiction: district })]
  const units = [await make.unit({ department: departments[0] }), await make.unit({ department: departments[0] }), await make.unit({ department: departments[1] })]
  const unitUser = await make.user({ role: 'unit_user', org: units[0]! })
  await make.user({ role: 'finance_admin', org: city })
  await make.indicator({ owner: city })
  for (let i = 0; i < 24; i++) {
    const project = await make.project({ unit: units[i % units.length]!, amountGeneral: `${1000 + i * 37}.5${i % 10}` })
    if (i % 3 === 0) await make.goal({ project })
  }

  const config = { ...loadConfig({}), logLevel: 'silent', webDistDir: '/nonexistent', loginRateLimit: 100_000 }
  const app = await buildApp({ db: handle.db, engine: handle.engine, clock, config })
  try {
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: unitUser.username, password: TEST_PASSWORD } })
    const cookie = String(login.headers['set-cookie']).split(';')[0]!
    for (let i = 0; i < 6; i++) {
      const created = await app.inject({ method: 'POST', url: '/api/projects', payload: newProjectBody(units[0]!.code), headers: { cookie } })
      if (created.statusCode !== 201) throw new Error(`seed: ${created.statusCode} ${created.body}`)
      const { id, version } = created.json()
      const renamed = await app.inject({ method: 'PATCH', url: `/api/projects/${id}`, payload: { name: `改名项目${i}`, version }, headers: { cookie } })
      if (renamed.statusCode !== 200) throw new Error(`seed: ${renamed.statusCode} ${renamed.body}`)
    }
  } finally {
    await app.close()
  }
}

export interface TableFingerprint {
  rows: number
  md5: string
}

/** Every table of every schema of ours (pg-boss's too): its row count and an md5 over its rows in a fixed order. */
export async function fingerprints(db: Db): Promise<Record<string, TableFingerprint>> {
  const tables = await sql<{ schema: string; name: string }>`
    select table_schema as schema, table_name as name from information_schema.tables
    where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')
    order by 1, 2`.execute(db)
  const result: Record<string, TableFingerprint> = {}
  for (const { schema, name } of tables.rows) {
    const { rows } = await sql<TableFingerprint>`
      select count(*)::int as rows, md5(coalesce(string_agg(whole_row::text, '|' order by whole_row::text), '')) as md5
      from ${sql.table(`${schema}.${name}`)} as whole_row`.execute(db)
    result[`${schema}.${name}`] = rows[0]!
  }
  return result
}

/** Opens a PostgreSQL database (by URL) or a PGlite data folder in this process for some work, and closes it again. */
export async function withDatabase<T>(where: { url?: string; dataDir: string }, work: (handle: DatabaseHandle) => Promise<T>): Promise<T> {
  const handle = where.url ? openPostgres(where.url) : await openPGlite({ dataDir: where.dataDir })
  try {
    return await work(handle)
  } finally {
    await handle.close()
  }
}
