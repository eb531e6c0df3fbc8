import { createHmac, timingSafeEqual } from 'node:crypto'
import { z } from 'zod'
import type { Db } from '../db/database.ts'
import { canonicalJson, chainHash, currentAuditKey } from './audit.ts'
import { AuditKeyError, auditKeyId } from './audit-key.ts'

/**
 * A signed statement "the chain's row `seq` had hash `hash` at `at`", kept outside the system by the audit
 * administrator. A later check against it finds rows removed from the end, or the chain rewritten behind it,
 * which no check of the chain alone can (a rewriter recomputes the head too).
 */
export const AuditCheckpoint = z.strictObject({
  format: z.literal('jixiao-audit-checkpoint/1'),
  seq: z.int().min(0),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  keyedFromSeq: z.int().min(1),
  keyId: z.string().max(16),
  at: z.string().max(40),
  signature: z.string().regex(/^[0-9a-f]{64}$/),
})
export type AuditCheckpoint = z.infer<typeof AuditCheckpoint>

export type ChainFault =
  | 'missing_row'
  | 'link_broken'
  | 'content_altered'
  | 'head_mismatch'
  | 'wrong_key'
  | 'checkpoint_signature'
  | 'checkpoint_rewritten'
  | 'checkpoint_truncated'

export interface ChainVerdict {
  ok: boolean
  /** Rows checked and found sound (all of them when ok). */
  rows: number
  keyedFromSeq: number
  headSeq: number
  brokenAtSeq?: number
  reason?: ChainFault
  /** Whether a checkpoint was checked, and up to which row. */
  checkpointSeq?: number
}

const reasonText: Record<ChainFault, string> = {
  missing_row: 'missing row',
  link_broken: 'link to previous row broken',
  content_altered: 'row content altered',
  head_mismatch: 'rows removed from the end of the chain',
  wrong_key: 'the audit key is not the key the chain was written with',
  checkpoint_signature: 'the checkpoint file is not signed with the audit key',
  checkpoint_rewritten: 'the chain was rewritten behind the checkpoint',
  checkpoint_truncated: 'rows recorded in the checkpoint are gone (chain truncated)',
}
export const chainFaultText = (reason: ChainFault) => reasonText[reason]

function sign(key: Buffer, body: Omit<AuditCheckpoint, 'signature'>): string {
  return createHmac('sha256', key).update('jixiao-audit-checkpoint\n').update(canonicalJson(body)).digest('hex')
}

/** A checkpoint of the chain's head now, signed with the key. */
export async function auditCheckpoint(db: Db, now: Date, key = requireKey()): Promise<AuditCheckpoint> {
  const head = await db.selectFrom('auditHead').selectAll().where('id', '=', 1).executeTakeFirstOrThrow()
  const body = { format: 'jixiao-audit-checkpoint/1' as const, seq: head.seq, hash: head.hash, keyedFromSeq: head.keyedFromSeq, keyId: auditKeyId(key), at: now.toISOString() }
  return { ...body, signature: sign(key, body) }
}

function signatureHolds(key: Buffer, checkpoint: AuditCheckpoint): boolean {
  const { signature, ...body } = checkpoint
  return timingSafeEqual(Buffer.from(sign(key, body), 'hex'), Buffer.from(signature, 'hex'))
}

function requireKey(): Buffer {
  const key = currentAuditKey()
  if (!key) throw new AuditKeyError('审计密钥未加载 audit key not loaded')
  return key
}

/**
 * Recomputes every link up to the head as it stood when the check began (rows appended meanwhile are left for
 * the next check), a page at a time so a long chain is never held in memory. Reports the first row that does
 * not hold; with a checkpoint, also whether the chain still contains the checkpoint's row unchanged.
 */
export async function verifyAuditChain(
  db: Db,
  options: { key?: Buffer | null; batchSize?: number; checkpoint?: AuditCheckpoint } = {},
): Promise<ChainVerdict> {
  const key = options.key === undefined ? currentAuditKey() : options.key
  const batchSize = options.batchSize ?? 2000
  const head = await db.selectFrom('auditHead').selectAll().where('id', '=', 1).executeTakeFirstOrThrow()
  const keying = { key, keyedFromSeq: head.keyedFromSeq }
  const base = { keyedFromSeq: head.keyedFromSeq, headSeq: head.seq }
  const cp = options.checkpoint
  let rows = 0
  const fail = (brokenAtSeq: number, reason: ChainFault): ChainVerdict => ({ ok: false, rows, ...base, brokenAtSeq, reason, ...(cp ? { checkpointSeq: cp.seq } : {}) })

  if (head.seq >= head.keyedFromSeq && !key) throw new AuditKeyError('审计密钥未加载，无法校验 audit key not loaded: cannot verify the keyed chain')
  if (key && head.keyId !== null && head.keyId !== auditKeyId(key)) return fail(head.keyedFromSeq, 'wrong_key')
  if (cp) {
    if (!key || !signatureHolds(key, cp)) return fail(cp.seq, 'checkpoint_signature')
    if (cp.keyedFromSeq !== head.keyedFromSeq) return fail(Math.min(cp.keyedFromSeq, head.keyedFromSeq), 'checkpoint_rewritten')
  }

  let prevHash = '0'.repeat(64)
  let expectedSeq = 1
  while (expectedSeq <= head.seq) {
    const batch = await db
      .selectFrom('auditLog')
      .selectAll()
      .where('seq', '>=', expectedSeq)
      .where('seq', '<=', head.seq)
      .orderBy('seq')
      .limit(batchSize)
      .execute()
    if (batch.length === 0) break
    for (const row of batch) {
      if (row.seq !== expectedSeq) return fail(expectedSeq, 'missing_row')
      if (row.prevHash !== prevHash) return fail(row.seq, 'link_broken')
      const { prevHash: _p, hash, ...fields } = row
      if (chainHash(prevHash, fields, keying) !== hash) return fail(row.seq, 'content_altered')
      if (cp && row.seq === cp.seq && hash !== cp.hash) return fail(row.seq, 'checkpoint_rewritten')
      prevHash = hash
      expectedSeq += 1
      rows += 1
    }
  }
  if (rows !== head.seq || head.hash !== prevHash) return fail(rows + 1, rows < head.seq ? 'missing_row' : 'head_mismatch')
  if (cp && head.seq < cp.seq) return fail(head.seq + 1, 'checkpoint_truncated')
  return { ok: true, rows, ...base, ...(cp ? { checkpointSeq: cp.seq } : {}) }
}
