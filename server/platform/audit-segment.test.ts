import { describe, expect, test } from 'vitest'
import { createTestContext } from '../test/context.ts'
import { type AuditEntry, canonicalJson, recordAudit, recordAuditBatch } from './audit.ts'
import { type AuditSegment, copySegmentLines, reserveAuditSegment, sealAuditSegment, SegmentLines, storedCanonicalJson, writeAuditSegment } from './audit-segment.ts'
import { SEGMENT_SEAL } from './audit-chain-walk.ts'
import { sql } from 'kysely'
import { freshPostgres } from '../test/serve-process.ts'
import { auditCheckpoint, verifyAuditChain } from './audit-verify.ts'

/**
 * Segments of the chain (ADR 0017), which a large import writes its audit rows in: the rows are those
 * recordAuditBatch would store, the chain verifies across segments written, rolled back or in progress, and
 * verification finds a segment's rows removed, altered or left without their seal.
 */
const t = await createTestContext()
const at = new Date('2026-03-01T08:00:00.123Z')
const ctx = { actor: null, requestId: 'bulk-test', clientIp: '127.0.0.1', now: at, lang: 'zh' as const }

/** Values whose stored form differs from the value: dates, secrets, undefined, nesting, text COPY must escape. */
const awkward = (n: number) => ({
  name: `第${n}号项目\t含制表符\n换行 与 反斜杠 \\ 和 "引号"`,
  amount: '1234.50',
  count: n,
  flag: n % 2 === 0,
  nothing: null,
  missing: undefined,
  when: new Date(Date.UTC(2026, 0, n)),
  passwordHash: 'secret',
  nested: { z: [1, 'b', null, undefined, { y: new Date(0), a: true }], a: { tokenHash: 'x', kept: '是' } },
})

const entries = (tag: string): AuditEntry[] => [
  { action: 'test.create', entityType: 'test', entityId: `${tag}-1`, after: awkward(1) },
  { action: 'test.update', entityType: 'test', entityId: `${tag}-2`, before: awkward(2), after: awkward(3) },
  { action: 'test.note', entityType: 'test' },
  { action: 'test.login', entityType: 'session', actor: { id: null, username: 'someone', orgPath: null }, after: 'a string' },
]

const rowsOf = async (requestId: string) => {
  const rows = await t.db.selectFrom('auditLog').selectAll().where('requestId', '=', requestId).orderBy('seq').execute()
  return rows.map(({ seq: _s, prevHash: _p, hash: _h, requestId: _r, ...rest }) => rest)
}

describe('storedCanonicalJson', () => {
  test('is canonicalJson of the value as stored (JSON round trip without secrets)', () => {
    for (const value of [awkward(1), awkward(2).nested, [awkward(3)], 'text', 12.5, null, true, { d: new Date(5) }]) {
      const stored = JSON.parse(JSON.stringify(value, (k, v) => (k === 'passwordHash' || k === 'tokenHash' ? undefined : v)))
      expect(storedCanonicalJson(value)).toBe(canonicalJson(stored))
    }
  })
})

const head = () => t.db.selectFrom('auditHead').selectAll().executeTakeFirstOrThrow()
const note = (requestId: string) => t.db.transaction().execute((trx) => recordAudit(trx, { ...ctx, requestId }, { action: 'test.note', entityType: 'test' }))
const segmentRows = async (segment: AuditSegment) => t.db.selectFrom('auditLog').selectAll().where('seq', '>=', segment.from).where('seq', '<=', segment.to).orderBy('seq').execute()
const seal = (segment: AuditSegment) => t.db.selectFrom('auditLog').selectAll().where('entityId', '=', segment.id).where('action', '=', SEGMENT_SEAL).executeTakeFirstOrThrow()

/** A segment written and sealed in one transaction, as an import does. */
async function writeSegment(requestId: string, tag: string) {
  const segment = await reserveAuditSegment(t.db, { ...ctx, requestId }, 4, { for: 'test.bulk' })
  await t.db.transaction().execute((trx) => writeAuditSegment(trx, { ...ctx, requestId }, segment, entries(tag)))
  return segment
}

describe('an audit segment', () => {
  test('holds the rows recordAuditBatch would write, in the reserved range, and the chain verifies across it', async () => {
    await t.db.transaction().execute((trx) => recordAuditBatch(trx, { ...ctx, requestId: 'one-by-one' }, entries('a')))
    const segment = await reserveAuditSegment(t.db, { ...ctx, requestId: 'bulk' }, 4, { for: 'test.bulk' })
    // Others append while the segment is being written: after its range, linked to its opening row.
    await note('meanwhile')
    expect((await head()).seq).toBe(segment.to + 1)
    await t.db.transaction().execute((trx) => writeAuditSegment(trx, { ...ctx, requestId: 'bulk' }, segment, entries('a')))
    await note('after')
    const rows = await rowsOf('bulk')
    expect(rows.map((r) => r.action)).toEqual(['audit.segment.open', 'test.create', 'test.update', 'test.note', 'test.login', 'audit.segment.seal'])
    expect(rows.slice(1, 5)).toEqual(await rowsOf('one-by-one'))
    expect((await segmentRows(segment)).map((r) => r.seq)).toEqual([segment.from, segment.from + 1, segment.from + 2, segment.to])
    expect((await seal(segment)).after).toEqual({ from: segment.from, to: segment.to, rows: 4, lastHash: (await segmentRows(segment)).at(-1)!.hash })
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true })
  })

  test('rolled back with its transaction (or still being written) leaves its range empty, and the chain verifies', async () => {
    const segment = await reserveAuditSegment(t.db, { ...ctx, requestId: 'rolled-back' }, 4, { for: 'test.bulk' })
    const reserved = await head()
    await expect(
      t.db.transaction().execute(async (trx) => {
        await writeAuditSegment(trx, ctx, segment, entries('b'))
        throw new Error('the import failed after its audit')
      }),
    ).rejects.toThrow('the import failed')
    expect(await head()).toEqual(reserved)
    expect(await segmentRows(segment)).toEqual([])
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true })
    await note('after-rollback')
    // A reservation at the chain's end, its rows not written yet (an import in progress).
    await reserveAuditSegment(t.db, ctx, 10, { for: 'test.bulk' })
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true })
  })

  test('a checkpoint taken while a segment is being written (its head a reserved seq) still verifies once it is written', async () => {
    const segment = await reserveAuditSegment(t.db, { ...ctx, requestId: 'under-checkpoint' }, 4, { for: 'test.bulk' })
    // The head's seq is the end of the reserved range; the checkpoint pins the main chain's last row, the opening.
    const checkpoint = await auditCheckpoint(t.db, new Date())
    expect((await head()).seq).toBe(segment.to)
    expect(checkpoint.seq).toBe(segment.from - 1)
    await t.db.transaction().execute((trx) => writeAuditSegment(trx, { ...ctx, requestId: 'under-checkpoint' }, segment, entries('f')))
    await note('after-checkpoint')
    expect(await verifyAuditChain(t.db, { checkpoint })).toMatchObject({ ok: true, checkpointSeq: segment.from - 1 })
    // The main chain rewritten behind the checkpoint is still found.
    await sql`update audit_log set entity_id = 'forged' where seq = ${segment.from - 1}`.execute(t.db)
    expect(await verifyAuditChain(t.db, { checkpoint })).toMatchObject({ ok: false })
    await sql`update audit_log set entity_id = ${segment.id} where seq = ${segment.from - 1}`.execute(t.db)
    expect(await verifyAuditChain(t.db, { checkpoint })).toMatchObject({ ok: true })
  })

  test('refuses more rows, or fewer, than it reserved', async () => {
    const segment = await reserveAuditSegment(t.db, ctx, 3, { for: 'test.bulk' })
    await expect(t.db.transaction().execute((trx) => writeAuditSegment(trx, ctx, segment, entries('c')))).rejects.toThrow(/holds 3 rows, more were given/)
    await expect(t.db.transaction().execute((trx) => writeAuditSegment(trx, ctx, segment, entries('c').slice(0, 2)))).rejects.toThrow(/reserved 3 rows, 2 were written/)
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true })
  })
})

describe('verification finds a segment tampered with', () => {
  const inTamperedCopy = async (tamper: (segment: AuditSegment) => Promise<void>) => {
    const segment = await writeSegment('tamper', 'd')
    await note('tail')
    await tamper(segment)
    return { segment, verdict: await verifyAuditChain(t.db) }
  }
  const restore = () => t.db.deleteFrom('auditLog').where('requestId', 'in', ['tamper', 'tail']).execute()

  test('a row removed, a row altered, all rows removed, rows without their seal', async () => {
    const snapshot = await head()
    const reset = async () => {
      await restore()
      await t.db.updateTable('auditHead').set({ seq: snapshot.seq, hash: snapshot.hash }).execute()
    }
    let r = await inTamperedCopy((s) => t.db.deleteFrom('auditLog').where('seq', '=', s.from + 1).execute().then(() => undefined))
    expect(r.verdict).toMatchObject({ ok: false, reason: 'missing_row', brokenAtSeq: r.segment.from + 1 })
    await reset()
    r = await inTamperedCopy((s) => sql`update audit_log set entity_id = 'forged' where seq = ${s.from + 2}`.execute(t.db).then(() => undefined))
    expect(r.verdict).toMatchObject({ ok: false, reason: 'content_altered', brokenAtSeq: r.segment.from + 2 })
    await reset()
    r = await inTamperedCopy((s) => t.db.deleteFrom('auditLog').where('seq', '>=', s.from).where('seq', '<=', s.to).execute().then(() => undefined))
    expect(r.verdict).toMatchObject({ ok: false, reason: 'segment_incomplete', brokenAtSeq: (await seal(r.segment)).seq })
    await reset()
    // The seal and everything after it removed, the head set back to the opening row: rows no seal accounts for.
    r = await inTamperedCopy(async (s) => {
      const opening = await t.db.selectFrom('auditLog').selectAll().where('seq', '=', s.from - 1).executeTakeFirstOrThrow()
      await t.db.deleteFrom('auditLog').where('seq', '>', s.to).where('requestId', 'in', ['tamper', 'tail']).execute()
      await t.db.updateTable('auditHead').set({ seq: s.to, hash: opening.hash }).execute()
    })
    expect(r.verdict).toMatchObject({ ok: false, reason: 'segment_incomplete', brokenAtSeq: r.segment.from })
    // … and a seal made up by hand past the head: it is not on the chain, so it closes nothing.
    const { segment } = r
    const lastRow = (await segmentRows(segment)).at(-1)!
    await t.db.insertInto('auditLog').values({ seq: 999_999, at: ctx.now, action: SEGMENT_SEAL, entityType: 'audit_segment', entityId: segment.id, after: JSON.stringify({ from: segment.from, to: segment.to, rows: 4, lastHash: lastRow.hash }), prevHash: '0'.repeat(64), hash: '0'.repeat(64) }).execute()
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: false, reason: 'segment_incomplete', brokenAtSeq: segment.from })
    await t.db.deleteFrom('auditLog').where('seq', '=', 999_999).execute()
    await reset()
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true })
  })

  test('a row slipped in beside a genuine one at the same seq is found, wherever the pages end', async () => {
    const snapshot = await head()
    const segment = await writeSegment('tamper', 'g')
    await note('tail')
    const genuine = await t.db.selectFrom('auditLog').selectAll().where('seq', '=', segment.from + 1).executeTakeFirstOrThrow()
    // A later instant sorts after the genuine row: the forged row is the second of its seq.
    await t.db.insertInto('auditLog').values({ ...genuine, at: new Date(genuine.at.getTime() + 1000), entityId: 'slipped-in', before: null, after: null }).execute()
    for (const batchSize of [2, 3, 5, 2000]) {
      expect(await verifyAuditChain(t.db, { batchSize }), `pages of ${batchSize}`).toMatchObject({ ok: false, brokenAtSeq: segment.from + 1 })
    }
    await t.db.deleteFrom('auditLog').where('entityId', '=', 'slipped-in').execute()
    expect(await verifyAuditChain(t.db, { batchSize: 2 })).toMatchObject({ ok: true })
    await restore()
    await t.db.updateTable('auditHead').set({ seq: snapshot.seq, hash: snapshot.hash }).execute()
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true })
  })
})

describe('while a segment is written (PostgreSQL, on either engine\'s run: only it has other connections)', () => {
  test('other writes append without waiting; only the seal waits for the head', async () => {
    const pg = await freshPostgres()
    try {
      const db = pg.handle.db
      const segment = await reserveAuditSegment(db, { ...ctx, requestId: 'long-import' }, 4, { for: 'test.bulk' })
      let otherSeq = 0
      await db.transaction().execute(async (trx) => {
        const lines = new SegmentLines({ ...ctx, requestId: 'long-import' }, segment)
        await copySegmentLines(trx, segment, (async function* () {
          for (const entry of entries('e')) yield lines.lineOf(entry)
        })())
        // Another user's write, on another connection, commits while the segment's transaction is still open.
        await db.transaction().execute((other) => recordAudit(other, { ...ctx, requestId: 'other-user' }, { action: 'test.note', entityType: 'test' }))
        otherSeq = (await db.selectFrom('auditLog').select('seq').where('requestId', '=', 'other-user').executeTakeFirstOrThrow()).seq
        await sealAuditSegment(trx, { ...ctx, requestId: 'long-import' }, segment, lines.lastHash)
      })
      expect(otherSeq).toBeGreaterThan(segment.to)
      const sealed = await db.selectFrom('auditLog').select('seq').where('entityId', '=', segment.id).where('action', '=', SEGMENT_SEAL).executeTakeFirstOrThrow()
      expect(sealed.seq).toBeGreaterThan(otherSeq)
      expect(await verifyAuditChain(db)).toMatchObject({ ok: true, rows: (await db.selectFrom('auditHead').select('seq').executeTakeFirstOrThrow()).seq })
    } finally {
      await pg.drop()
    }
  })
})
