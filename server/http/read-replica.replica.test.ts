import { sql } from 'kysely'
import { afterAll, describe, expect, test } from 'vitest'
import { type Db, openPostgres } from '../db/database.ts'
import { createTestContext } from '../test/context.ts'
import { newProjectBody } from '../test/endpoints.ts'
import { makeForm, makeRound } from '../test/factories.monitoring-dashboard.ts'
import { adminUrl } from '../test/postgres-urls.ts'
import { RECENT_WRITE_COOKIE } from './read-routing.ts'

// The app against a real primary and a real hot standby (ADR 0013). Collected only when TEST_READ_DATABASE_URL
// names the standby of TEST_DATABASE_URL's server: `scripts/replica-check.sh` starts one and runs this file.
const readUrl = process.env.TEST_READ_DATABASE_URL
if (!readUrl || !process.env.TEST_DATABASE_URL) throw new Error('needs TEST_DATABASE_URL and TEST_READ_DATABASE_URL (scripts/replica-check.sh)')

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

const t = await createTestContext({}, {
  readDb: async ({ url }) => {
    // The test's fresh database was created on the primary: wait until the standby has replayed it.
    const replica = openPostgres(adminUrl(readUrl, new URL(url!).pathname.slice(1)))
    await until('the fresh database on the standby', async () => (await sql`select 1 as one`.execute(replica.db)).rows.length === 1)
    return replica
  },
})
const replica = t.readDb as Db

/** Waits until the standby has replayed everything the primary has written so far. */
async function caughtUp() {
  const { rows } = await sql<{ lsn: string }>`select pg_current_wal_lsn()::text as lsn`.execute(t.db)
  const target = rows[0]!.lsn
  await until('the standby to catch up', async () => {
    const r = await sql<{ done: boolean }>`select pg_last_wal_replay_lsn() >= ${target}::pg_lsn as done`.execute(replica)
    return r.rows[0]!.done
  })
}

const setReplay = (state: 'pause' | 'resume') => sql.raw(`select pg_wal_replay_${state}()`).execute(replica)
afterAll(() => setReplay('resume'))

const city = await t.make.jurisdiction()
const edu = await t.make.department({ jurisdiction: city, name: '教育局' })
const school = await t.make.unit({ department: edu, name: '第一中学' })
const unitUser = await t.make.user({ role: 'unit_user', org: school })
const financeAdmin = await t.make.user({ role: 'finance_admin', org: city })
const round = await makeRound(t, { jurisdiction: city })
await makeForm(t, { round, unit: school, executed: '300000.00', projectLight: 'yellow', budgetLight: 'red' })

describe('the read handle is a hot standby', () => {
  test('it is in recovery and refuses writes', async () => {
    const { rows } = await sql<{ standby: boolean }>`select pg_is_in_recovery() as standby`.execute(replica)
    expect(rows[0]!.standby).toBe(true)
    await expect(sql`create table replica_probe (id int)`.execute(replica)).rejects.toThrow(/read-only transaction/)
  })
})

describe('heavy reads are served by the standby', () => {
  // Every converted route (ADR 0013), with no recent-write marker: a route that wrote on its read handle would fail.
  const finance = [
    '/api/projects?q=测试&sort=amountTotal&order=desc',
    '/api/projects/export',
    '/api/goals',
    '/api/goals/declarations.zip?fiscalYear=2026',
    '/api/monitoring/forms',
    '/api/monitoring/forms/export',
    `/api/monitoring/dashboard?roundId=${round.id}`,
    `/api/monitoring/report.docx?roundId=${round.id}`,
    `/api/monitoring/export.xlsx?roundId=${round.id}`,
    '/api/evaluation/dashboard?fiscalYear=2026',
    '/api/results/departments',
    '/api/results/departments/export',
    '/api/results/dashboard?fiscalYear=2025',
    '/api/cockpit/rollup?fiscalYear=2025',
    '/api/cockpit/rollup/export?fiscalYear=2025',
    `/api/cockpit/jurisdictions/${city.code}/departments?fiscalYear=2025`,
    `/api/cockpit/departments/${edu.code}/projects?fiscalYear=2025`,
    '/api/cockpit/rule-differences?fiscalYear=2025',
    '/api/cockpit/coverage?fiscalYear=2025',
  ]

  test.each(finance)('GET %s', async (url) => {
    await caughtUp()
    const res = await (await t.as(financeAdmin)).get(url)
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200)
  })

  test.each(['/public', '/public/search?q=教育', `/public/${city.code}`])('the portal: GET %s', async (url) => {
    const res = await t.anon.get(url)
    expect([200, 404]).toContain(res.statusCode)
    expect(res.headers['content-type']).toContain('text/html')
  })
})

describe('read-after-write on a lagging standby', () => {
  test('with replay paused, the writer sees the new project (primary) and a reader without the marker does not (standby)', async () => {
    await caughtUp()
    await setReplay('pause')
    const writer = await t.as(unitUser)
    const created = await writer.post('/api/projects', { ...newProjectBody(school.code), name: '只读副本延迟测试项目' })
    expect(created.statusCode).toBe(201)
    const marker = [created.headers['set-cookie']].flat().map(String).find((c) => c.startsWith(`${RECENT_WRITE_COOKIE}=`))
    expect(marker).toBeDefined()
    const ids = async (cookie: string) => (await t.client(cookie).get('/api/projects?pageSize=100')).json().items.map((p: { id: string }) => p.id)

    expect(await ids(`${writer.cookie}; ${marker!.split(';')[0]}`)).toContain(created.json().id)
    expect(await ids(writer.cookie!)).not.toContain(created.json().id)

    await setReplay('resume')
    await caughtUp()
    expect(await ids(writer.cookie!)).toContain(created.json().id)
  })
})
