import { createHash, createHmac } from 'node:crypto'
import { sql } from 'kysely'
import type { Trx } from '../db/database.ts'
import type { Ctx } from '../http/context.ts'
import { AuditKeyError, auditKeyId } from './audit-key.ts'

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

export const SECRET_KEYS = new Set(['passwordHash', 'password', 'tokenHash'])

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

/**
 * How a row is bound to the one before it. Rows from keyedFromSeq on are HMAC-SHA256 with the key kept outside
 * the database, and the start of keying is part of every keyed row's message, so it cannot be moved later
 * without the key. Rows before it (written before migration 12) keep their plain SHA-256 link.
 */
export interface ChainKeying {
  key: Buffer | null
  keyedFromSeq: number
}

export function chainHash(prevHash: string, row: ChainedFields, keying: ChainKeying): string {
  return hashChainBody(prevHash, row.seq, [canonicalJson({ ...row, at: row.at.toISOString() })], keying)
}

/** The link of the row numbered seq whose canonical JSON is the concatenation of bodyParts. */
export function hashChainBody(prevHash: string, seq: number, bodyParts: readonly (string | Buffer)[], keying: ChainKeying): string {
  let hash
  if (seq < keying.keyedFromSeq) hash = createHash('sha256')
  else {
    if (!keying.key) throw new AuditKeyError('审计密钥未加载 audit key not loaded')
    hash = createHmac('sha256', keying.key).update(`jixiao-audit-v2 keyed-from ${keying.keyedFromSeq}\n`)
  }
  hash.update(prevHash).update('\n')
  for (const part of bodyParts) hash.update(part)
  return hash.digest('hex')
}

let processKey: Buffer | null = null

/** Installs the key this process appends with (at start, after opening the key file). */
export function useAuditKey(key: Buffer | null) {
  processKey = key
}

export function currentAuditKey(): Buffer | null {
  return processKey
}

export function chainedFields(ctx: Ctx, entry: AuditEntry, seq: number): ChainedFields {
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

/** The row as inserted: before/after as JSON text. */
export function storedRow(row: ChainedFields, prevHash: string, hash: string) {
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
  const { keying, lastSeq, lastHash } = await advanceAuditHead(trx, entries.length)
  let seq = lastSeq
  let prevHash = lastHash
  for (let start = 0; start < entries.length; start += AUDIT_INSERT_BATCH) {
    const rows = entries.slice(start, start + AUDIT_INSERT_BATCH).map((entry) => {
      const row = chainedFields(ctx, entry, ++seq)
      const hash = chainHash(prevHash, row, keying)
      const stored = storedRow(row, prevHash, hash)
      prevHash = hash
      return stored
    })
    await trx.insertInto('auditLog').values(rows).execute()
  }
  await setAuditHeadHash(trx, prevHash)
}

/**
 * Locks the chain's head until the transaction ends and moves it on by n rows: the seq and hash of the row the
 * n new rows follow. Refuses without the process's key, or with a key other than the chain's.
 */
export async function advanceAuditHead(trx: Trx, n: number): Promise<{ keying: ChainKeying; lastSeq: number; lastHash: string }> {
  const key = processKey
  if (!key) throw new AuditKeyError('审计密钥未加载，拒绝写入 audit key not loaded: refusing to append')
  const keyId = auditKeyId(key)
  // The first keyed append names its key; a later process with another key must not fork the chain.
  const head = await trx
    .updateTable('auditHead')
    .set({ seq: sql`seq + ${n}`, keyId: sql`coalesce(key_id, ${keyId})` })
    .where('id', '=', 1)
    .returning(['seq', 'hash', 'keyedFromSeq', 'keyId'])
    .executeTakeFirstOrThrow()
  if (head.keyId !== keyId) throw new AuditKeyError(`审计密钥与哈希链不符 audit key ${keyId} is not the chain's key ${head.keyId}`)
  return { keying: { key, keyedFromSeq: head.keyedFromSeq }, lastSeq: head.seq - n, lastHash: head.hash }
}

export async function setAuditHeadHash(trx: Trx, hash: string) {
  await trx.updateTable('auditHead').set({ hash }).where('id', '=', 1).execute()
}
