import { createHash } from 'node:crypto'
import { sql } from 'kysely'
import type { Db, Trx } from '../db/database.ts'
import type { Ctx } from '../http/context.ts'

export interface AuditEntry {
  action: string
  entityType: string
  entityId?: string | null
  before?: unknown
  after?: unknown
  /** Who acted when nobody is signed in yet (a login attempt). */
  actor?: { id: string | null; username: string; orgPath: string | null }
}

export interface ChainedFields {
  seq: number
  at: Date
  actorId: string | null
  actorUsername: string | null
  actorOrgPath: string | null
  action: string
  entityType: string
  entityId: string | null
  before: unknown
  after: unknown
  requestId: string | null
  clientIp: string | null
}

const SECRET_KEYS = new Set(['passwordHash', 'password', 'tokenHash'])

/** JSON as stored: dates become ISO strings, secrets are dropped, so the hash covers what is read back. */
function toStoredJson(value: unknown): unknown {
  if (value === undefined || value === null) return null
  return JSON.parse(JSON.stringify(value, (key, v) => (SECRET_KEYS.has(key) ? undefined : v)))
}

/** JSON with object keys sorted at every depth: jsonb reorders keys, so the hash must not depend on order. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null)
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
}

export function chainHash(prevHash: string, row: ChainedFields): string {
  const body = canonicalJson({ ...row, at: row.at.toISOString() })
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex')
}

function chainedFields(ctx: Ctx, entry: AuditEntry, seq: number): ChainedFields {
  return {
    seq,
    at: ctx.now,
    actorId: entry.actor ? entry.actor.id : (ctx.actor?.userId ?? null),
    actorUsername: entry.actor ? entry.actor.username : (ctx.actor?.username ?? null),
    actorOrgPath: entry.actor ? entry.actor.orgPath : (ctx.actor?.org.path ?? null),
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    before: toStoredJson(entry.before),
    after: toStoredJson(entry.after),
    requestId: ctx.requestId,
    clientIp: ctx.clientIp,
  }
}

function storedRow(row: ChainedFields, prevHash: string, hash: string) {
  return {
    ...row,
    before: row.before === null ? null : JSON.stringify(row.before),
    after: row.after === null ? null : JSON.stringify(row.after),
    prevHash,
    hash,
  }
}

/**
 * Appends one audit row inside the caller's transaction. Updating the single head row takes a row lock
 * held until commit, so concurrent writers append one after another and the chain never forks.
 */
export async function recordAudit(trx: Trx, ctx: Ctx, entry: AuditEntry): Promise<void> {
  await recordAuditBatch(trx, ctx, [entry])
}

// 14 columns a row: 1,000 rows stay well under PostgreSQL's 65,535 bind parameters.
const AUDIT_INSERT_BATCH = 1000

/**
 * Appends many audit rows at once (an import): the head is locked and advanced once, the rows are chained in
 * order exactly as recordAudit would chain them one by one, and written with multi-row inserts.
 */
export async function recordAuditBatch(trx: Trx, ctx: Ctx, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return
  const head = await trx
    .updateTable('auditHead')
    .set({ seq: sql`seq + ${entries.length}` })
    .where('id', '=', 1)
    .returning(['seq', 'hash'])
    .executeTakeFirstOrThrow()
  let seq = head.seq - entries.length
  let prevHash = head.hash
  for (let start = 0; start < entries.length; start += AUDIT_INSERT_BATCH) {
    const rows = entries.slice(start, start + AUDIT_INSERT_BATCH).map((entry) => {
      const row = chainedFields(ctx, entry, ++seq)
      const hash = chainHash(prevHash, row)
      const stored = storedRow(row, prevHash, hash)
      prevHash = hash
      return stored
    })
    await trx.insertInto('auditLog').values(rows).execute()
  }
  await trx.updateTable('auditHead').set({ hash: prevHash }).where('id', '=', 1).execute()
}

export type ChainVerdict = { ok: true; rows: number } | { ok: false; rows: number; brokenAtSeq: number; reason: string }

/** Recomputes every link in order; reports the first row whose hash or link does not hold. */
export async function verifyAuditChain(db: Db, batchSize = 2000): Promise<ChainVerdict> {
  let prevHash = '0'.repeat(64)
  let expectedSeq = 1
  let rows = 0
  for (;;) {
    const batch = await db
      .selectFrom('auditLog')
      .selectAll()
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(batchSize)
      .execute()
    for (const row of batch) {
      if (row.seq !== expectedSeq) return { ok: false, rows, brokenAtSeq: expectedSeq, reason: 'missing row' }
      if (row.prevHash !== prevHash) return { ok: false, rows, brokenAtSeq: row.seq, reason: 'link to previous row broken' }
      const { prevHash: _p, hash, ...fields } = row
      if (chainHash(prevHash, fields) !== hash) return { ok: false, rows, brokenAtSeq: row.seq, reason: 'row content altered' }
      prevHash = hash
      expectedSeq += 1
      rows += 1
    }
    if (batch.length < batchSize) break
  }
  const head = await db.selectFrom('auditHead').selectAll().executeTakeFirstOrThrow()
  if (head.seq !== rows || head.hash !== prevHash) {
    return { ok: false, rows, brokenAtSeq: rows + 1, reason: 'rows removed from the end of the chain' }
  }
  return { ok: true, rows }
}
