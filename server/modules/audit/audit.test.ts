import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { sql } from 'kysely'
import { beforeAll, describe, expect, test } from 'vitest'
import { openPGlite } from '../../db/database.ts'
import { currentAuditKey, recordAudit, useAuditKey } from '../../platform/audit.ts'
import { openAuditKey } from '../../platform/audit-key.ts'
import { auditCheckpoint, verifyAuditChain } from '../../platform/audit-verify.ts'
import { createTestContext, TEST_PASSWORD } from '../../test/context.ts'

const t = await createTestContext()
const root = await t.make.jurisdiction()
const department = await t.make.department({ jurisdiction: root })
const unit = await t.make.unit({ department })
const sysAdmin = await t.make.user({ role: 'sys_admin', org: root })
const secAdmin = await t.make.user({ role: 'sec_admin', org: root })
const auditor = await t.as(await t.make.user({ role: 'audit_admin', org: root }))

let lastIp = 0
/** Sends a request from its own client address, so each audit row can be traced to the request behind it. */
async function send(method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, body?: unknown, user?: { username: string; password: string }) {
  const clientIp = `10.0.0.${++lastIp}`
  const cookie = user ? (await t.as(user)).cookie : null
  const res = await t.app.inject({ method, url, payload: body as object, remoteAddress: clientIp, headers: cookie ? { cookie } : {} })
  return { status: res.statusCode, json: () => res.json(), clientIp }
}

const newestAudit = async () => (await auditor.get('/api/audit?pageSize=1')).json().items[0]
const userVersion = async (id: string) => (await t.db.selectFrom('appUser').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version

/** One audited write: what it must record, and how to do it (returning the id its audit row must name). */
interface Write {
  action: string
  by: { username: string; password: string }
  entityType: string
  status: number
  /** Which of before/after the row carries. */
  sides: 'none' | 'after' | 'both'
  run(): Promise<{ res: Awaited<ReturnType<typeof send>>; entityId: string }>
}
const write = (action: string, by: Write['by'], entityType: string, status: number, sides: Write['sides'], run: Write['run']): Write =>
  ({ action, by, entityType, status, sides, run })

const target = await t.make.user({ role: 'unit_user', org: unit })
const mover = await t.make.user({ role: 'unit_user', org: unit })
const orgBodies = {
  jurisdiction: { name: '新区', level: 'district', parentCode: root.code, financeBureauName: '新区财政局' },
  department: { name: '新部门', jurisdictionCode: root.code },
  unit: { name: '新单位', departmentCode: department.code },
}
const writes: Write[] = [
  ...Object.entries(orgBodies).flatMap(([kind, body]) => {
    const code = `${root.code}${kind.slice(0, 3)}`
    const path = `/api/org/${kind === 'jurisdiction' ? 'jurisdictions' : `${kind}s`}`
    return [
      write(`org.create_${kind}`, sysAdmin, 'org_node', 201, 'after', async () => ({ res: await send('POST', path, { ...body, code }, sysAdmin), entityId: code })),
      write(`org.update_${kind}`, sysAdmin, 'org_node', 200, 'both', async () => ({
        res: await send('PATCH', `${path}/${code}`, { name: '改名了', version: 1 }, sysAdmin),
        entityId: code,
      })),
    ]
  }),
  write('user.create', sysAdmin, 'user', 201, 'after', async () => {
    const body = { username: 'audited_one', displayName: '新人', password: 'Good#Pass2026', orgCode: unit.code, roles: ['unit_user'] }
    const res = await send('POST', '/api/users', body, sysAdmin)
    return { res, entityId: res.json().id }
  }),
  write('user.update', sysAdmin, 'user', 200, 'both', async () => ({
    res: await send('PATCH', `/api/users/${target.id}`, { displayName: '改名', version: await userVersion(target.id) }, sysAdmin),
    entityId: target.id,
  })),
  write('user.unlock', secAdmin, 'user', 200, 'both', async () => ({
    res: await send('POST', `/api/users/${target.id}/unlock`, { version: await userVersion(target.id) }, secAdmin),
    entityId: target.id,
  })),
  write('user.reset_password', sysAdmin, 'user', 200, 'both', async () => ({
    res: await send('POST', `/api/users/${target.id}/reset-password`, { password: 'Reset#Pass2026', version: await userVersion(target.id) }, sysAdmin),
    entityId: target.id,
  })),
  // A long idle limit, too: the audit-reading tests move the clock an hour on.
  write('settings.update', secAdmin, 'setting', 200, 'both', async () => {
    const current = (await (await t.as(secAdmin)).get('/api/settings/security')).json()
    return { res: await send('PUT', '/api/settings/security', { ...current, sessionIdleMinutes: 240 }, secAdmin), entityId: 'security' }
  }),
  write('auth.login', mover, 'user', 200, 'none', async () => ({
    res: await send('POST', '/api/auth/login', { username: mover.username, password: TEST_PASSWORD }),
    entityId: mover.id,
  })),
  write('auth.login_failed', mover, 'user', 401, 'after', async () => ({
    res: await send('POST', '/api/auth/login', { username: mover.username, password: 'Wrong#Pass1' }),
    entityId: mover.id,
  })),
  write('user.change_own_password', mover, 'user', 204, 'none', async () => ({
    res: await send('POST', '/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'Mine#Pass2026' }, mover),
    entityId: mover.id,
  })),
  write('auth.logout', mover, 'user', 204, 'none', async () => ({ res: await send('POST', '/api/auth/logout', undefined, mover), entityId: mover.id })),
]

describe('every write is audited', () => {
  const requestIds = new Set<string>()
  test.each(writes.map((w) => [w.action, w] as const))('%s leaves a row with actor, entity, before/after, request id and client ip', async (_, w) => {
    const { res, entityId } = await w.run()
    expect(res.status).toBe(w.status)
    const row = await newestAudit()
    expect(row).toMatchObject({ action: w.action, username: w.by.username, entityType: w.entityType, entityId, clientIp: res.clientIp })
    expect(row.requestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/)
    expect(requestIds.has(row.requestId)).toBe(false)
    requestIds.add(row.requestId)
    expect([row.before !== null, row.after !== null]).toEqual([w.sides === 'both', w.sides !== 'none'])
    if (w.action.startsWith('org.update')) expect([row.before.name, row.after.name]).toEqual([expect.not.stringMatching('改名了'), '改名了'])
  })

  test('no audit row holds a password or a password hash', async () => {
    const rows = JSON.stringify(await t.db.selectFrom('auditLog').selectAll().execute())
    expect(rows).toContain('user.reset_password') // the rows under test are there
    for (const secret of ['$argon2', 'passwordHash', 'password_hash', TEST_PASSWORD, 'Good#Pass2026', 'Reset#Pass2026', 'Mine#Pass2026', 'Wrong#Pass1']) {
      expect(rows).not.toContain(secret)
    }
  })
})

describe('reading the audit log', () => {
  let halfway = ''
  /** walker signs in and out once, then an hour later twice: six rows, two before `halfway`. */
  beforeAll(async () => {
    const walker = await t.make.user({ role: 'unit_user', org: unit, username: 'walker_in_audit' })
    const walk = async () => {
      const c = t.client(await t.login(walker.username, walker.password))
      expect((await c.post('/api/auth/logout')).statusCode).toBe(204)
    }
    const start = t.clock.now()
    await walk()
    t.clock.advanceMinutes(60)
    await walk()
    await walk()
    halfway = new Date(start.getTime() + 30 * 60_000).toISOString()
  })
  const list = async (query: string) => (await auditor.get(`/api/audit?${query}`)).json()

  test('filters by username (any case, any part), action, entity type and time', async () => {
    expect((await list('username=WALKER_IN')).total).toBe(6)
    expect((await list('username=walker_in_audit&action=logout')).items.map((r: { action: string }) => r.action)).toEqual(['auth.logout', 'auth.logout', 'auth.logout'])
    expect((await list('username=walker_in_audit&entityType=user')).total).toBe(6)
    expect((await list('username=walker_in_audit&entityType=setting')).total).toBe(0)
    expect((await list(`username=walker_in_audit&to=${halfway}`)).total).toBe(2)
    expect((await list(`username=walker_in_audit&from=${halfway}`)).total).toBe(4)
  })

  test('pages as {items,total,page,pageSize}, newest first unless asked otherwise', async () => {
    const all = await list('username=walker_in_audit&order=asc&pageSize=100')
    const page = await list('username=walker_in_audit&order=asc&pageSize=4&page=2')
    expect(page).toMatchObject({ total: 6, page: 2, pageSize: 4 })
    expect(page.items).toEqual(all.items.slice(4, 6))
    expect((await list('username=walker_in_audit&pageSize=1')).items[0].id).toBe(all.items[5].id)
  })

  test('only audit_admin reads it, and only for actors in its part of the org tree', async () => {
    for (const user of [sysAdmin, secAdmin]) {
      const res = await (await t.as(user)).get('/api/audit')
      expect(res.statusCode).toBe(403)
      expect(res.json().error.code).toBe('FORBIDDEN')
    }
    const elsewhere = await t.as(await t.make.user({ role: 'audit_admin', org: await t.make.jurisdiction() }))
    expect((await elsewhere.get('/api/audit?username=walker_in_audit')).json().total).toBe(0)
  })
})

describe('the hash chain', () => {
  const lastSeq = async () => (await t.db.selectFrom('auditHead').select('seq').executeTakeFirstOrThrow()).seq

  test('an edited row is reported by its seq, and the chain holds again once it is put back', async () => {
    const rows = await lastSeq()
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true, rows })
    const seq = Math.ceil(rows / 2)
    const original = await t.db.selectFrom('auditLog').select('after').where('seq', '=', seq).executeTakeFirstOrThrow()
    await sql`update audit_log set after = '{"forged": true}'::jsonb where seq = ${seq}`.execute(t.db)
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: false, brokenAtSeq: seq, reason: 'content_altered' })
    await sql`update audit_log set after = ${original.after === null ? null : JSON.stringify(original.after)}::jsonb where seq = ${seq}`.execute(t.db)
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true, rows })
  })

  test('a deleted row is reported, whether in the middle or the last one', async () => {
    const rows = await lastSeq()
    for (const seq of [2, rows]) {
      const row = await t.db.selectFrom('auditLog').selectAll().where('seq', '=', seq).executeTakeFirstOrThrow()
      await t.db.deleteFrom('auditLog').where('seq', '=', seq).execute()
      expect(await verifyAuditChain(t.db, { batchSize: 3 })).toMatchObject({ ok: false, brokenAtSeq: seq })
      const json = (v: unknown) => (v === null ? null : JSON.stringify(v))
      await t.db.insertInto('auditLog').values({ ...row, before: json(row.before), after: json(row.after) }).execute()
    }
    expect(await verifyAuditChain(t.db, { batchSize: 3 })).toMatchObject({ ok: true, rows })
  })
})

describe('the jixiao audit verify command', () => {
  test('exits 1 naming the first broken seq: a row tampered with, or rows cut off behind a checkpoint; 2 without the key', { timeout: 600_000 }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'jixiao-audit-cli-'))
    const keyFile = `${dataDir}-keys/audit.key`
    const { DATABASE_URL: _ignored, JIXIAO_AUDIT_KEY: _k, JIXIAO_AUDIT_KEY_FILE: _f, ...env } = process.env
    const cwd = fileURLToPath(new URL('../../..', import.meta.url))
    const jixiao = (args: string[], extraEnv: Record<string, string> = {}) =>
      spawnSync(process.execPath, ['bin/jixiao.js', ...args], { cwd, env: { ...env, JIXIAO_DATA_DIR: dataDir, ...extraEnv }, encoding: 'utf8', timeout: 100_000 })
    const testKey = currentAuditKey()
    const checkpointFile = join(dataDir, '..', `${dataDir.split('/').pop()}-checkpoint.json`)
    try {
      // A first write through the CLI: it creates the data folder and the audit key, and audits what it adds.
      const added = jixiao(['org', 'add', '--code', '440300', '--name', '深圳市', '--level', 'city'])
      expect(added.status, added.stderr).toBe(0)
      let handle = await openPGlite({ dataDir })
      // The first start created the key beside the data folder; append with it as the server would.
      useAuditKey(await openAuditKey(handle.db, { file: keyFile }, { create: false }))
      const ctx = { actor: null, requestId: 'test', clientIp: 'local', now: new Date(), lang: 'zh' as const }
      // Two rows more go on top of what that write audited.
      const seeded = (await verifyAuditChain(handle.db)).rows
      const [second, last] = [seeded + 1, seeded + 2]
      for (const n of [1, 2]) await handle.db.transaction().execute((trx) => recordAudit(trx, ctx, { action: 'test.note', entityType: 'test', entityId: String(n) }))
      expect(await verifyAuditChain(handle.db)).toMatchObject({ ok: true, rows: last })
      writeFileSync(checkpointFile, JSON.stringify(await auditCheckpoint(handle.db, new Date())))
      // Cut the last row off and make the head point at the one before: the chain alone still holds.
      const before = await handle.db.selectFrom('auditLog').select('hash').where('seq', '=', second).executeTakeFirstOrThrow()
      await handle.db.deleteFrom('auditLog').where('seq', '=', last).execute()
      await handle.db.updateTable('auditHead').set({ seq: second, hash: before.hash }).execute()
      await handle.close()

      expect(jixiao(['audit', 'verify']).status).toBe(0)
      const truncated = jixiao(['audit', 'verify', '--checkpoint', checkpointFile])
      expect(truncated.status).toBe(1)
      expect(truncated.stderr).toMatch(new RegExp(`BROKEN at seq ${last}\\b.*truncated`))
      const keyless = jixiao(['audit', 'verify'], { JIXIAO_AUDIT_KEY_FILE: join(dataDir, 'no-such.key') })
      expect(keyless.status).toBe(2)
      expect(keyless.stderr).toContain(`audit key missing: ${join(dataDir, 'no-such.key')} not found`)

      handle = await openPGlite({ dataDir })
      await sql`update audit_log set entity_id = 'forged' where seq = ${second}`.execute(handle.db)
      await handle.close()
      const tampered = jixiao(['audit', 'verify'])
      expect(tampered.status).toBe(1)
      expect(tampered.stderr).toMatch(new RegExp(`BROKEN at seq ${second}\\b.*row content altered`))
    } finally {
      useAuditKey(testKey)
      for (const path of [dataDir, `${dataDir}-keys`, checkpointFile]) rmSync(path, { recursive: true, force: true })
    }
  })
})
