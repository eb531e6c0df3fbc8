import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gunzipSync, gzipSync } from 'node:zlib'
import { sql } from 'kysely'
import { afterAll, describe, expect, test } from 'vitest'
import type { Ctx } from '../http/context.ts'
import { createTestContext } from '../test/context.ts'
import { currentAuditKey, recordAudit } from './audit.ts'
import { AuditArchiveError, archiveAuditYear } from './audit-archive.ts'
import { verifyArchiveFile } from './audit-archive-file.ts'
import { verifyAuditChain } from './audit-verify.ts'
import { reserveAuditSegment, writeAuditSegment } from './audit-segment.ts'
import { partitionYears } from './partitions.ts'

// The migrated template has audit partitions for 2026 and 2027 (the year it was made in and the next).
const t = await createTestContext()
const dir = mkdtempSync(join(tmpdir(), 'jixiao-audit-archive-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const ctxAt = (iso: string): Ctx => ({ actor: null, requestId: `test-${iso}`, clientIp: 'local', now: new Date(iso), lang: 'zh' })
const note = (iso: string, n: string) => t.db.transaction().execute((trx) => recordAudit(trx, ctxAt(iso), { action: 'test.note', entityType: 'test', entityId: n, after: { n } }))
const key = () => currentAuditKey()!
const archive = (year: number, now: string, file = join(dir, `audit-${year}-${now.slice(0, 10)}.ndjson.gz`)) => archiveAuditYear(t.db, ctxAt(now), { year, file, onlineDays: 180 })

describe('archiving an audit year', () => {
  test('refused for a year still inside its 180 days online, or not the oldest online year', async () => {
    await note('2026-03-01T10:00:00+08:00', 'a')
    await note('2026-11-30T10:00:00+08:00', 'b')
    // Appended across midnight: the later seq carries the earlier instant (its request began before midnight).
    await note('2027-01-01T00:00:01+08:00', 'after-midnight')
    await note('2026-12-31T23:59:59+08:00', 'before-midnight')
    await note('2027-02-01T10:00:00+08:00', 'c')
    await expect(archive(2026, '2027-06-29T12:00:00+08:00')).rejects.toThrow(new AuditArchiveError('审计日志须在线保存至少 180 天：2026 年的日志到 2027-06-30 才满期，现在不能归档 2026 must stay online until 2027-06-30'))
    await expect(archive(2027, '2028-12-01T12:00:00+08:00')).rejects.toThrow(/只能归档最早的在线年度（2026 年）/)
    await expect(archive(2019, '2028-12-01T12:00:00+08:00')).rejects.toThrow(/没有 2019 年的在线审计日志分区/)
    expect(await partitionYears(t.db, 'audit_log')).toContain(2026)
  })

  let file = ''
  let lastArchivedSeq = 0
  test('the year goes to a file, its partition is dropped, and the live chain and the file both verify', async () => {
    const rows2026 = await t.db.selectFrom('auditLog').select(['seq', 'entityId']).where('at', '<', new Date('2027-01-01T00:00:00+08:00')).orderBy('seq').execute()
    const beforeMidnight = rows2026.at(-1)!
    expect(beforeMidnight.entityId).toBe('before-midnight')
    file = join(dir, 'audit-2026.ndjson.gz')
    const manifest = (await archive(2026, '2027-07-01T09:00:00+08:00', file))!
    lastArchivedSeq = manifest.lastSeq
    expect(manifest).toMatchObject({ year: 2026, firstSeq: 1, lastSeq: beforeMidnight.seq, firstPrevHash: '0'.repeat(64), rowCount: beforeMidnight.seq })
    expect(await partitionYears(t.db, 'audit_log')).not.toContain(2026)
    // The row appended after midnight with the smaller seq went into the file with its year's neighbours.
    expect(await t.db.selectFrom('auditLog').select('seq').where('seq', '<=', manifest.lastSeq).execute()).toEqual([])
    expect(await t.db.selectFrom('auditArchive').select(['year', 'lastSeq', 'lastHash', 'sha256']).execute()).toEqual([{ year: 2026, lastSeq: manifest.lastSeq, lastHash: manifest.lastHash, sha256: manifest.sha256 }])
    const recorded = await t.db.selectFrom('auditLog').select(['action', 'entityId']).where('action', '=', 'audit.archive').execute()
    expect(recorded).toEqual([{ action: 'audit.archive', entityId: '2026' }])

    await note('2027-07-02T10:00:00+08:00', 'd')
    const live = await verifyAuditChain(t.db)
    expect(live).toMatchObject({ ok: true, archivedThroughSeq: manifest.lastSeq })
    expect(live.rows).toBe(live.headSeq - manifest.lastSeq)
    expect(await verifyArchiveFile(file, key())).toEqual({ ok: true, manifest, rows: manifest.rowCount })
    const lines = gunzipSync(readFileSync(file)).toString('utf8').trimEnd().split('\n')
    expect(JSON.parse(lines[0]!)).toEqual(manifest)
    expect(lines).toHaveLength(manifest.rowCount + 1)
  })

  test('a row changed in the file is found, naming its seq; a file from someone without the key is refused', async () => {
    const lines = gunzipSync(readFileSync(file)).toString('utf8').trimEnd().split('\n')
    const row = JSON.parse(lines[2]!)
    lines[2] = JSON.stringify({ ...row, entityId: 'forged' })
    const tampered = join(dir, 'tampered.ndjson.gz')
    writeFileSync(tampered, gzipSync(`${lines.join('\n')}\n`))
    expect(await verifyArchiveFile(tampered, key())).toMatchObject({ ok: false, brokenAtSeq: row.seq, reason: 'content_altered', rows: row.seq - 1 })
    expect(await verifyArchiveFile(file, Buffer.alloc(32, 7))).toMatchObject({ ok: false, reason: 'manifest_signature' })
  })

  test('segments go whole into the year they were opened in: one sealed across midnight, one left empty', async () => {
    const bulk = (iso: string) => ({ ...ctxAt(iso), requestId: `bulk-${iso}` })
    const rows = (tag: string, n: number) => Array.from({ length: n }, (_, i) => ({ action: 'test.bulk', entityType: 'test', entityId: `${tag}-${i}`, after: { i } }))
    const sealed = await reserveAuditSegment(t.db, bulk('2027-08-01T10:00:00+08:00'), 3, { for: 'test' })
    await t.db.transaction().execute((trx) => writeAuditSegment(trx, bulk('2027-08-01T10:00:00+08:00'), sealed, rows('a', 3)))
    const empty = await reserveAuditSegment(t.db, bulk('2027-09-01T10:00:00+08:00'), 5, { for: 'test' })
    await expect(t.db.transaction().execute(async (trx) => {
      await writeAuditSegment(trx, bulk('2027-09-01T10:00:00+08:00'), empty, rows('b', 5))
      throw new Error('rolled back')
    })).rejects.toThrow('rolled back')
    // Opened on New Year's Eve; another user's row comes before its rows and seal, which are written after midnight.
    const across = await reserveAuditSegment(t.db, bulk('2027-12-31T23:59:58+08:00'), 2, { for: 'test' })
    await note('2028-01-01T00:00:01+08:00', 'new-year')
    await t.db.transaction().execute((trx) => writeAuditSegment(trx, bulk('2028-01-01T00:00:02+08:00'), across, rows('c', 2)))
    await note('2028-02-01T10:00:00+08:00', 'e')

    const manifest = (await archive(2027, '2028-07-01T09:00:00+08:00', join(dir, 'audit-2027.ndjson.gz')))!
    const acrossSeal = manifest.lastSeq
    expect(manifest).toMatchObject({ year: 2027, firstSeq: lastArchivedSeq + 1 })
    expect(acrossSeal).toBeGreaterThan(across.to)
    expect(await verifyArchiveFile(join(dir, 'audit-2027.ndjson.gz'), key())).toMatchObject({ ok: true, rows: manifest.rowCount })
    // Everything up to the seal left the database, the row after midnight before it too; the live chain goes on.
    expect(await t.db.selectFrom('auditLog').select('entityId').where('seq', '<=', acrossSeal).execute()).toEqual([])
    expect(await t.db.selectFrom('auditLog').select('entityId').where('entityId', '=', 'e').execute()).toHaveLength(1)
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true, archivedThroughSeq: acrossSeal })
    lastArchivedSeq = acrossSeal
  })

  test('live rows removed from the start behind a hand-made archive record are found', async () => {
    const cut = await t.db.selectFrom('auditLog').select(['seq', 'hash']).where('seq', '>', lastArchivedSeq).orderBy('seq').limit(1).executeTakeFirstOrThrow()
    await t.db.insertInto('auditArchive').values({ year: 2028, firstSeq: lastArchivedSeq + 1, lastSeq: cut.seq, firstPrevHash: '0'.repeat(64), lastHash: cut.hash, rowCount: 1, sha256: '0'.repeat(64), fileName: 'forged' }).execute()
    await sql`delete from audit_log where seq = ${cut.seq}`.execute(t.db)
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: false, brokenAtSeq: cut.seq + 1, reason: 'archive_unrecorded' })
  })
})
