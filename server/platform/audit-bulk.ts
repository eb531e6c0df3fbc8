import { sql } from 'kysely'
import { copyRows, copyChunks } from '../db/copy.ts'
import type { Trx } from '../db/database.ts'
import type { Ctx } from '../http/context.ts'
import { SpilledBuffers } from './spilled-buffers.ts'
import { type AuditEntry, advanceAuditHead, canonicalJson, type ChainedFields, chainedFields, hashChainBody, SECRET_KEYS, setAuditHeadHash } from './audit.ts'

/**
 * Many audit rows at once (an import of 100 k projects) with the chain's head locked only while they are linked.
 * stageAudit, before the lock: every row is loaded with COPY into a temporary table and its canonical JSON is
 * kept, less the seq it does not have yet. appendStagedAudit, under the lock: one pass computes the links,
 * which COPY loads, and one INSERT … SELECT writes the rows to audit_log. The rows and links are those
 * recordAuditBatch would write one by one.
 */

export interface StagedAudit {
  count: number
  /** Each row's canonical JSON without its closing `,"seq":N}` (seq is the last key in sorted order), on disk until linked. */
  bodies: SpilledBuffers
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

export async function stageAudit(trx: Trx, ctx: Ctx, entries: Iterable<AuditEntry>): Promise<StagedAudit> {
  await sql`create temp table audit_bulk_stage (
      ord integer primary key, at timestamptz not null, actor_id uuid, actor_username varchar(64), actor_org_path text,
      action varchar(64) not null, entity_type varchar(64) not null, entity_id varchar(100), before jsonb, after jsonb,
      request_id varchar(64), client_ip varchar(64)
    ) on commit drop`.execute(trx)
  await sql`create temp table audit_bulk_chain (ord integer primary key, seq bigint not null, prev_hash char(64) not null, hash char(64) not null) on commit drop`.execute(trx)
  const bodies = new SpilledBuffers()
  const rows = (function* () {
    for (const entry of entries) {
      const row = chainedFields(ctx, { ...entry, before: undefined, after: undefined }, 0)
      const before = entry.before === undefined || entry.before === null ? null : storedCanonicalJson(entry.before)
      const after = entry.after === undefined || entry.after === null ? null : storedCanonicalJson(entry.after)
      const ord = bodies.count
      bodies.push(bodyWithoutSeq(row, before, after))
      yield [ord, row.at.toISOString(), row.actorId, row.actorUsername, row.actorOrgPath, row.action, row.entityType, row.entityId, before, after, row.requestId, row.clientIp]
    }
  })()
  try {
    await copyRows(trx, 'audit_bulk_stage', ['ord', ...FIELDS], copyChunks(rows))
  } catch (error) {
    bodies.close()
    throw error
  }
  return { count: bodies.count, bodies }
}

export async function appendStagedAudit(trx: Trx, staged: StagedAudit): Promise<void> {
  if (staged.count === 0) return staged.bodies.close()
  const { keying, lastSeq, lastHash } = await advanceAuditHead(trx, staged.count)
  let prevHash = lastHash
  const links = (function* () {
    let ord = 0
    for (const body of staged.bodies.read()) {
      const seq = lastSeq + 1 + ord
      const hash = hashChainBody(prevHash, seq, [body, `,"seq":${seq}}`], keying)
      yield [ord++, seq, prevHash, hash]
      prevHash = hash
    }
  })()
  try {
    await copyRows(trx, 'audit_bulk_chain', ['ord', 'seq', 'prev_hash', 'hash'], copyChunks(links, 5000))
  } finally {
    staged.bodies.close()
  }
  await sql`insert into audit_log (seq, ${sql.raw(FIELDS.join(', '))}, prev_hash, hash)
    select c.seq, ${sql.raw(FIELDS.map((f) => `s.${f}`).join(', '))}, c.prev_hash, c.hash
      from audit_bulk_stage s join audit_bulk_chain c on c.ord = s.ord`.execute(trx)
  await setAuditHeadHash(trx, prevHash)
}
