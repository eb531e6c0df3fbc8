import fastifyCookie from '@fastify/cookie'
import Fastify from 'fastify'
import type { KyselyPlugin } from 'kysely'
import { describe, expect, test } from 'vitest'
import { loadConfig } from '../config.ts'
import { createTestContext } from '../test/context.ts'
import { newProjectBody } from '../test/endpoints.ts'
import { RECENT_WRITE_COOKIE, markRecentWrites, readDbFor } from './read-routing.ts'

// On the normal engine the "replica" is the same database behind a second Kysely handle that counts its queries:
// which handle served a request is then visible, and the data is the primary's.
let replicaQueries = 0
const counting: KyselyPlugin = {
  transformQuery: (args) => {
    replicaQueries++
    return args.node
  },
  transformResult: async (args) => args.result,
}

const t = await createTestContext({}, { readDb: async ({ db }) => ({ db: db.withPlugin(counting), close: async () => {} }) })
const city = await t.make.jurisdiction()
const edu = await t.make.department({ jurisdiction: city, name: '教育局' })
const school = await t.make.unit({ department: edu, name: '第一中学' })
const unitUser = await t.make.user({ role: 'unit_user', org: school })

/** The value of the recent-write cookie a response sets, if any. */
function recentWriteCookie(headers: Record<string, unknown>): string | undefined {
  const setCookie = headers['set-cookie']
  const all = Array.isArray(setCookie) ? setCookie : setCookie ? [String(setCookie)] : []
  return all.find((c: string) => c.startsWith(`${RECENT_WRITE_COOKIE}=`))
}

describe('which handle a request reads from', () => {
  test('a list page with no recent write reads from the replica handle', async () => {
    const c = await t.as(unitUser)
    const before = replicaQueries
    const res = await c.get('/api/projects')
    expect(res.statusCode).toBe(200)
    expect(replicaQueries).toBeGreaterThan(before)
  })

  test('a successful write sets the marker for the configured seconds; the next list reads the primary and shows the write', async () => {
    const c = await t.as(unitUser)
    const created = await c.post('/api/projects', { ...newProjectBody(school.code), name: '读写分离测试项目' })
    expect(created.statusCode).toBe(201)
    const marker = recentWriteCookie(created.headers)
    expect(marker).toMatch(new RegExp(`^${RECENT_WRITE_COOKIE}=1;.*Max-Age=${t.config.readYourWritesSeconds}`))
    expect(marker).toContain('HttpOnly')

    const before = replicaQueries
    const afterWrite = t.client(`${c.cookie}; ${marker!.split(';')[0]}`)
    const list = await afterWrite.get('/api/projects?pageSize=100')
    expect(list.statusCode).toBe(200)
    expect(list.json().items.map((p: { id: string }) => p.id)).toContain(created.json().id)
    expect(replicaQueries).toBe(before)
  })

  test('a refused write (bad input) sets no marker', async () => {
    const c = await t.as(unitUser)
    const refused = await c.post('/api/projects', { ...newProjectBody(school.code), amountGeneral: 12.5 })
    expect(refused.statusCode).toBe(400)
    expect(recentWriteCookie(refused.headers)).toBeUndefined()
  })

  test('reads of the portal and the dashboards go to the replica handle too', async () => {
    const c = await t.as(unitUser)
    for (const url of ['/api/monitoring/forms', '/api/goals']) {
      const before = replicaQueries
      expect((await c.get(url)).statusCode).toBe(200)
      expect(replicaQueries).toBeGreaterThan(before)
    }
    const before = replicaQueries
    expect((await t.anon.get('/public')).statusCode).toBe(200)
    expect(replicaQueries).toBeGreaterThan(before)
  })
})

describe('the rule', () => {
  const config = { ...loadConfig({}), readYourWritesSeconds: 10 }

  test('the replica unless there is none or the client wrote recently', () => {
    const req = { cookies: {} } as Parameters<typeof readDbFor>[1]
    expect(readDbFor({ db: t.db, config }, req)).toBe(t.db)
    expect(readDbFor({ db: t.db, readDb: t.readDb, config }, req)).toBe(t.readDb)
    expect(readDbFor({ db: t.db, readDb: t.readDb, config }, { cookies: { [RECENT_WRITE_COOKIE]: '1' } } as unknown as typeof req)).toBe(t.db)
  })

  test('without a replica, writes set no marker cookie', async () => {
    const app = Fastify()
    markRecentWrites(app, { db: t.db, readDb: t.db, config })
    await app.register(fastifyCookie)
    app.post('/write', async () => ({ ok: true }))
    const res = await app.inject({ method: 'POST', url: '/write' })
    expect(res.statusCode).toBe(200)
    expect(res.headers['set-cookie']).toBeUndefined()
    await app.close()
  })
})
