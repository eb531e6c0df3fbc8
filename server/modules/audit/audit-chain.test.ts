import { randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Migrator, sql } from 'kysely'
import { afterAll, describe, expect, test } from 'vitest'
import type { Db } from '../../db/database.ts'
import { openPGlite } from '../../db/database.ts'
import { migrations } from '../../db/migrations/index.ts'
import { type ChainedFields, chainHash, currentAuditKey, recordAudit, useAuditKey } from '../../platform/audit.ts'
import { AuditKeyError, openAuditKey } from '../../platform/audit-key.ts'
import { type AuditCheckpoint, auditCheckpoint, verifyAuditChain } from '../../platform/audit-verify.ts'
import { createTestContext } from '../../test/context.ts'

const t = await createTestContext()
const root = await t.make.jurisdiction()
const auditor = await t.as(await t.make.user({ role: 'audit_admin', org: root }))
const sysAdmin = await t.as(await t.make.user({ role: 'sys_admin', org: root }))

const note = (db: Db, n: number) =>
  db.transaction().execute((trx) => recordAudit(trx, { actor: null, requestId: `note-${n}`, clientIp: 'local', now: new Date(), lang: 'zh' }, { action: 'test.note', entityType: 'test', entityId: String(n) }))
for (let n = 1; n <= 8; n++) await note(t.db, n)

const head = () => t.db.selectFrom('auditHead').selectAll().executeTakeFirstOrThrow()
const allRows = () => t.db.selectFrom('auditLog').selectAll().orderBy('seq').execute()
const json = (v: unknown) => (v === null ? null : JSON.stringify(v))

/** Rewrites the database from a snapshot of its rows, as someone with database access but not the key would. */
async function putBack(rows: Awaited<ReturnType<typeof allRows>>, headRow: Awaited<ReturnType<typeof head>>) {
  await t.db.deleteFrom('auditLog').execute()
  await t.db.insertInto('auditLog').values(rows.map((r) => ({ ...r, before: json(r.before), after: json(r.after) }))).execute()
  await t.db.updateTable('auditHead').set({ seq: headRow.seq, hash: headRow.hash, keyedFromSeq: headRow.keyedFromSeq }).execute()
}

/**
 * What someone with database access but without the key can do: drop a row, then re-chain every row from
 * `from` on with plain SHA-256 (renumbered), leaving the rows before it as they were.
 */
async function forge({ drop, from, unkeyAll = false }: { drop?: number; from: number; unkeyAll?: boolean }) {
  const rows = (await allRows()).filter((r) => r.seq !== drop)
  let prevHash = from === 1 ? '0'.repeat(64) : rows[from - 2]!.hash
  const forged = rows.map((r, i) => {
    if (r.seq < from) return r
    const { prevHash: _p, hash: _h, ...fields } = r
    const row: ChainedFields = { ...fields, seq: i + 1 }
    const hash = chainHash(prevHash, row, { key: null, keyedFromSeq: Number.MAX_SAFE_INTEGER })
    const out = { ...row, prevHash, hash }
    prevHash = hash
    return out
  })
  const keyedFromSeq = unkeyAll ? forged.length + 1 : (await head()).keyedFromSeq
  await putBack(forged, { ...(await head()), seq: forged.length, hash: prevHash, keyedFromSeq })
}

async function withSnapshot(work: () => Promise<void>) {
  const rows = await allRows()
  const headRow = await head()
  try {
    await work()
  } finally {
    await putBack(rows, headRow)
  }
  expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true })
}

const checkpointNow = async (): Promise<AuditCheckpoint> => {
  const res = await auditor.get('/api/audit/checkpoint')
  expect(res.statusCode).toBe(200)
  expect(res.headers['content-disposition']).toMatch(/^attachment; filename="audit-checkpoint-\d+\.json"$/)
  return res.json()
}
const verifyViaApi = async (checkpoint?: AuditCheckpoint) => {
  const res = await auditor.post('/api/audit/verify', checkpoint ? { checkpoint } : {})
  expect(res.statusCode).toBe(200)
  return res.json()
}

describe('the keyed chain', () => {
  test('rows written since migration 12 are keyed: the chain holds, and says from which row', async () => {
    const h = await head()
    expect(h.keyedFromSeq).toBe(1) // the template database had no audit rows when it was migrated
    expect(await verifyAuditChain(t.db)).toEqual({ ok: true, rows: h.seq, keyedFromSeq: 1, headSeq: h.seq })
  })

  test('deleting a row and recomputing the rest with plain SHA-256 is detected at that row', async () => {
    await withSnapshot(async () => {
      await forge({ drop: 4, from: 4 })
      expect(await verifyAuditChain(t.db)).toMatchObject({ ok: false, brokenAtSeq: 4, reason: 'content_altered', rows: 3 })
    })
  })

  test('an altered row is detected, even with its own and every later hash recomputed without the key', async () => {
    await withSnapshot(async () => {
      await sql`update audit_log set entity_id = 'forged' where seq = 5`.execute(t.db)
      expect(await verifyAuditChain(t.db)).toMatchObject({ ok: false, brokenAtSeq: 5, reason: 'content_altered' })
      await forge({ from: 5 })
      expect(await verifyAuditChain(t.db)).toMatchObject({ ok: false, brokenAtSeq: 5, reason: 'content_altered', rows: 4 })
    })
  })

  test('moving the start of keying past the end passes a check of the chain alone, but not one against a checkpoint', async () => {
    const checkpoint = await checkpointNow()
    await withSnapshot(async () => {
      await forge({ drop: 3, from: 1, unkeyAll: true })
      expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true })
      expect(await verifyViaApi(checkpoint)).toMatchObject({ ok: false, reason: 'checkpoint_rewritten' })
    })
  })

  test('a checkpoint later than a truncated chain is detected', async () => {
    const checkpoint = await checkpointNow()
    expect(checkpoint).toMatchObject({ format: 'jixiao-audit-checkpoint/1', seq: (await head()).seq, hash: (await head()).hash })
    expect(await verifyViaApi(checkpoint)).toMatchObject({ ok: true, checkpointSeq: checkpoint.seq })
    await withSnapshot(async () => {
      const keep = checkpoint.seq - 3
      const last = await t.db.selectFrom('auditLog').select('hash').where('seq', '=', keep).executeTakeFirstOrThrow()
      await t.db.deleteFrom('auditLog').where('seq', '>', keep).execute()
      await t.db.updateTable('auditHead').set({ seq: keep, hash: last.hash }).execute()
      expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true }) // the chain alone cannot tell
      expect(await verifyViaApi(checkpoint)).toMatchObject({ ok: false, reason: 'checkpoint_truncated', brokenAtSeq: keep + 1 })
    })
  })

  test('a checkpoint edited by hand, or signed with another key, is refused', async () => {
    const checkpoint = await checkpointNow()
    expect(await verifyViaApi({ ...checkpoint, seq: checkpoint.seq + 5 })).toMatchObject({ ok: false, reason: 'checkpoint_signature' })
    const foreign = await auditCheckpoint(t.db, new Date(), randomBytes(32))
    expect(await verifyViaApi(foreign)).toMatchObject({ ok: false, reason: 'checkpoint_signature' })
  })

  test('verification through the API is for the audit administrator, and is itself audited', async () => {
    expect((await sysAdmin.post('/api/audit/verify', {})).statusCode).toBe(403)
    expect((await sysAdmin.get('/api/audit/checkpoint')).statusCode).toBe(403)
    const verdict = await verifyViaApi()
    expect(verdict).toMatchObject({ ok: true })
    const newest = await t.db.selectFrom('auditLog').select(['action', 'after']).orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow()
    expect(newest).toEqual({ action: 'audit.verify', after: verdict })
  })

  test('a chain checked with another key names the key, not the rows', async () => {
    expect(await verifyAuditChain(t.db, { key: randomBytes(32) })).toMatchObject({ ok: false, reason: 'wrong_key' })
  })
})

describe('the key', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-audit-key-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  test('is created on first start as a 0600 file outside the database, and read back the same afterwards', { timeout: 180_000 }, async () => {
    const fresh = await openPGlite({})
    try {
      await new Migrator({ db: fresh.db, provider: { getMigrations: async () => migrations } }).migrateToLatest()
      const file = join(dir, 'data-keys', 'audit.key')
      const key = await openAuditKey(fresh.db, { file }, { create: true })
      expect(readFileSync(file, 'utf8').trim()).toBe(key.toString('hex'))
      expect(statSync(file).mode & 0o777).toBe(0o600)
      expect(await openAuditKey(fresh.db, { file }, { create: true })).toEqual(key)
    } finally {
      await fresh.close()
    }
  })

  test('missing: a clear error naming the file, for appending, verifying and starting on a keyed chain', async () => {
    const file = join(dir, 'nowhere', 'audit.key')
    await expect(openAuditKey(t.db, { file }, { create: false })).rejects.toThrow(new RegExp(`audit key missing: ${file} not found`))
    // A keyed chain exists, so a first-start key must not be made up in place of the lost one.
    await expect(openAuditKey(t.db, { file }, { create: true })).rejects.toBeInstanceOf(AuditKeyError)
    await expect(verifyAuditChain(t.db, { key: null })).rejects.toThrow(/audit key not loaded/)
    const key = currentAuditKey()
    useAuditKey(null)
    try {
      await expect(note(t.db, 99)).rejects.toThrow(/audit key not loaded/)
    } finally {
      useAuditKey(key)
    }
    await expect(openAuditKey(t.db, { file, inline: 'not-hex' }, { create: false })).rejects.toThrow(/64 hex digits/)
  })

  test('a process with another key refuses to append rather than fork the chain', async () => {
    const key = currentAuditKey()
    useAuditKey(randomBytes(32))
    try {
      await expect(note(t.db, 100)).rejects.toThrow(/is not the chain's key/)
    } finally {
      useAuditKey(key)
    }
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true })
  })

  test('rows written before keying (plain SHA-256) stay verifiable after the upgrade', { timeout: 180_000 }, async () => {
    const old = await openPGlite({})
    try {
      const migrator = new Migrator({ db: old.db, provider: { getMigrations: async () => migrations } })
      await migrator.migrateTo('2026_11_29_0006_exante')
      // Two rows as the old code wrote them: plain SHA-256 links.
      let prevHash = '0'.repeat(64)
      for (const seq of [1, 2]) {
        const row: ChainedFields = { seq, at: new Date(), actorId: null, actorUsername: 'old', actorOrgPath: null, action: 'test.old', entityType: 'test', entityId: String(seq), before: null, after: { n: seq }, requestId: null, clientIp: null }
        const hash = chainHash(prevHash, row, { key: null, keyedFromSeq: Number.MAX_SAFE_INTEGER })
        await old.db.insertInto('auditLog').values({ ...row, after: JSON.stringify(row.after), prevHash, hash }).execute()
        await sql`update audit_head set seq = ${seq}, hash = ${hash}`.execute(old.db)
        prevHash = hash
      }
      await migrator.migrateToLatest()
      for (const n of [3, 4]) await note(old.db, n)
      expect(await verifyAuditChain(old.db)).toEqual({ ok: true, rows: 4, keyedFromSeq: 3, headSeq: 4 })
      await sql`update audit_log set after = '{"n": 9}'::jsonb where seq = 1`.execute(old.db)
      expect(await verifyAuditChain(old.db)).toMatchObject({ ok: false, brokenAtSeq: 1, reason: 'content_altered' })
    } finally {
      await old.close()
    }
  })
})
