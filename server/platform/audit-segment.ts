import { randomUUID } from 'node:crypto'
import { setImmediate } from 'node:timers/promises'
import { copyField, copyRows } from '../db/copy.ts'
import type { Db, Trx } from '../db/database.ts'
import type { Ctx } from '../http/context.ts'
import { type AuditEntry, advanceAuditHead, canonicalJson, type ChainedFields, type ChainKeying, chainedFields, chainHash, hashChainBody, recordAudit, SECRET_KEYS, setAuditHeadHash, storedRow } from './audit.ts'
import { SEGMENT_ENTITY, SEGMENT_OPEN, SEGMENT_SEAL } from './audit-chain-walk.ts'

/**
 * Many audit rows at once (an import of 100 k projects) without holding the chain's head while they are written
 * (ADR 0017). reserveAuditSegment, in a short transaction of its own, appends one row that reserves a range of
 * seqs. writeAuditSegment, in the caller's transaction, COPYs the rows into that range — each row linked to the
 * one before it, the first to the reserving row — and only then appends the sealing row, which is all the head
 * is held for. If the caller's transaction rolls back, the range stays empty and the chain still verifies.
 */

export interface AuditSegment {
  id: string
  /** The first and last seq reserved: the segment's rows fill the range exactly. */
  from: number
  to: number
  /** The reserving row's hash, which the first row links to. */
  openHash: string
  keying: ChainKeying
}

const FIELDS = ['at', 'actor_id', 'actor_username', 'actor_org_path', 'action', 'entity_type', 'entity_id', 'before', 'after', 'request_id', 'client_ip'] as const

/**
 * canonicalJson of a value as stored (toStoredJson), in one pass: dates as ISO strings, secrets and undefined
 * dropped, keys sorted. Anything but plain objects, arrays, dates and primitives takes the general path.
 */
export function storedCanonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null'
  if (value instanceof Date) return JSON.stringify(value.toISOString())
  if (typeof value !== 'object') return JSON.stringify(value) ?? 'null'
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined || typeof v === 'function' ? 'null' : storedCanonicalJson(v))).join(',')}]`
  if (Object.getPrototypeOf(value) !== Object.prototype || 'toJSON' in value) return canonicalJson(JSON.parse(JSON.stringify(value, (k, v) => (SECRET_KEYS.has(k) ? undefined : v))))
  const record = value as Record<string, unknown>
  const keys = Object.keys(record).filter((k) => !SECRET_KEYS.has(k) && record[k] !== undefined && typeof record[k] !== 'function').sort()
  return `{${keys.map((k) => `${JSON.stringify(k)}:${storedCanonicalJson(record[k])}`).join(',')}}`
}

const text = (v: string | null) => JSON.stringify(v)

/**
 * The row's canonical JSON (chainHash's body) up to its last key, seq, from the before/after JSON already made:
 * the keys of ChainedFields in sorted order.
 */
function bodyWithoutSeq(row: ChainedFields, before: string | null, after: string | null): string {
  return (
    `{"action":${text(row.action)},"actorId":${text(row.actorId)},"actorOrgPath":${text(row.actorOrgPath)},"actorUsername":${text(row.actorUsername)},` +
      `"after":${after ?? 'null'},"at":${text(row.at.toISOString())},"before":${before ?? 'null'},"clientIp":${text(row.clientIp)},` +
      `"entityId":${text(row.entityId)},"entityType":${text(row.entityType)},"requestId":${text(row.requestId)}`
  )
}

/** Reserves seqs for `rows` audit rows with one committed row saying what for (`about`: the action and its facts). */
export async function reserveAuditSegment(db: Db, ctx: Ctx, rows: number, about: Record<string, unknown>): Promise<AuditSegment> {
  if (!Number.isSafeInteger(rows) || rows < 1) throw new Error(`a segment holds at least one row, not ${rows}`)
  return db.transaction().execute(async (trx) => {
    const { keying, lastSeq, lastHash } = await advanceAuditHead(trx, rows + 1)
    const id = randomUUID()
    const range = { from: lastSeq + 2, to: lastSeq + 1 + rows }
    const row = chainedFields(ctx, { action: SEGMENT_OPEN, entityType: SEGMENT_ENTITY, entityId: id, after: { ...about, ...range } }, lastSeq + 1)
    const hash = chainHash(lastHash, row, keying)
    await trx.insertInto('auditLog').values(storedRow(row, lastHash, hash)).execute()
    await setAuditHeadHash(trx, hash)
    return { id, ...range, openHash: hash, keying }
  })
}

/**
 * Writes the segment's rows (exactly as many as reserved) with COPY, each made, hashed and let go in one pass, then
 * seals it under the head. The rows and links are those recordAuditBatch would make for the same seqs.
 */
export async function writeAuditSegment(trx: Trx, ctx: Ctx, segment: AuditSegment, entries: Iterable<AuditEntry> | AsyncIterable<AuditEntry>): Promise<void> {
  const lines = new SegmentLines(ctx, segment)
  const text = (async function* () {
    let chunk: string[] = []
    for await (const entry of entries) {
      chunk.push(lines.lineOf(entry))
      if (chunk.length === 1000) {
        yield chunk.join('')
        chunk = []
        await setImmediate()
      }
    }
    if (chunk.length) yield chunk.join('')
  })()
  await copySegmentLines(trx, segment, text)
  await sealAuditSegment(trx, ctx, segment, lines.lastHash)
}

/**
 * The segment's rows as lines of COPY's text format, made one entry at a time, each linked to the one before it
 * (the first to the reserving row): they can be made ahead — written to a spill file, say — and COPYed later.
 */
export class SegmentLines {
  private seq: number
  lastHash: string

  constructor(
    private readonly ctx: Ctx,
    private readonly segment: AuditSegment,
  ) {
    this.seq = segment.from - 1
    this.lastHash = segment.openHash
  }

  lineOf(entry: AuditEntry): string {
    const { segment } = this
    const seq = (this.seq += 1)
    if (seq > segment.to) throw new Error(`audit segment ${segment.id} holds ${segment.to - segment.from + 1} rows, more were given`)
    const row = chainedFields(this.ctx, { ...entry, before: undefined, after: undefined }, seq)
    const before = entry.before === undefined || entry.before === null ? null : storedCanonicalJson(entry.before)
    const after = entry.after === undefined || entry.after === null ? null : storedCanonicalJson(entry.after)
    const prevHash = this.lastHash
    const hash = hashChainBody(prevHash, seq, [bodyWithoutSeq(row, before, after), `,"seq":${seq}}`], segment.keying)
    this.lastHash = hash
    const fields = [seq, row.at.toISOString(), row.actorId, row.actorUsername, row.actorOrgPath, row.action, row.entityType, row.entityId, before, after, row.requestId, row.clientIp, prevHash, hash]
    return `${fields.map(copyField).join('\t')}\n`
  }
}

/** COPYs lines made by SegmentLines into the segment's range, without touching the chain's head: all of them or none. */
export async function copySegmentLines(trx: Trx, segment: AuditSegment, text: AsyncIterable<string>): Promise<void> {
  const written = await copyRows(trx, 'audit_log', ['seq', ...FIELDS, 'prev_hash', 'hash'], text)
  const reserved = segment.to - segment.from + 1
  if (written !== reserved) throw new Error(`audit segment ${segment.id} reserved ${reserved} rows, ${written} were written`)
}

/** Appends the row that closes the segment: the only step that waits for, and holds, the chain's head. */
export async function sealAuditSegment(trx: Trx, ctx: Ctx, segment: AuditSegment, lastHash: string): Promise<void> {
  const rows = segment.to - segment.from + 1
  await recordAudit(trx, ctx, { action: SEGMENT_SEAL, entityType: SEGMENT_ENTITY, entityId: segment.id, after: { from: segment.from, to: segment.to, rows, lastHash } })
}
