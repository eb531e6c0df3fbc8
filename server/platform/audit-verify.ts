import { createHmac, timingSafeEqual } from 'node:crypto'
import { z } from 'zod'
import type { Db } from '../db/database.ts'
import { canonicalJson, currentAuditKey } from './audit.ts'
import { ChainWalk } from './audit-chain-walk.ts'
import { auditRowPages, liveChainStart } from './audit-archive.ts'
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
  | 'archive_unrecorded'
  | 'segment_incomplete'

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
  /** The last seq moved to an archive file: the live chain starts after it (ADR 0016). */
  archivedThroughSeq?: number
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
  archive_unrecorded: 'the chain starts after an archive that no audit row of the chain records (rows removed from its start)',
  segment_incomplete: 'a bulk segment’s rows do not match its seal (rows removed, or written without a seal)',
}
export const chainFaultText = (reason: ChainFault) => reasonText[reason]

function sign(key: Buffer, body: Omit<AuditCheckpoint, 'signature'>): string {
  return createHmac('sha256', key).update('jixiao-audit-checkpoint\n').update(canonicalJson(body)).digest('hex')
}

/** A checkpoint of the chain's head now, signed with the key. */
export async function auditCheckpoint(db: Db, now: Date, key = requireKey()): Promise<AuditCheckpoint> {
  const head = await db.selectFrom('auditHead').selectAll().where('id', '=', 1).executeTakeFirstOrThrow()
  // While a segment is being written (ADR 0017) the head's seq is the end of its reserved, still empty range; the
  // checkpoint pins the main chain's last row, whose hash is the head's — rows of the open segment are not covered.
  const last = await db.selectFrom('auditLog').select('seq').where('seq', '<=', head.seq).where('hash', '=', head.hash).orderBy('seq', 'desc').limit(1).executeTakeFirst()
  const body = { format: 'jixiao-audit-checkpoint/1' as const, seq: last?.seq ?? head.seq, hash: head.hash, keyedFromSeq: head.keyedFromSeq, keyId: auditKeyId(key), at: now.toISOString() }
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

function recordsArchive(row: { action: string; entityType: string; after: unknown }, archive: { year: number; lastSeq: number; lastHash: string }) {
  const after = row.after as { year?: unknown; lastSeq?: unknown; lastHash?: unknown } | null
  return row.action === 'audit.archive' && row.entityType === 'audit_archive' && after?.year === archive.year && after.lastSeq === archive.lastSeq && after.lastHash === archive.lastHash
}

/**
 * Recomputes every link from the live chain's start (after the last archived year, ADR 0016) up to the head as it
 * stood when the check began (rows appended meanwhile are left for the next check), a page at a time so a long chain is never held in memory. Reports the first row that does
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
  const start = await liveChainStart(db)
  const base = { keyedFromSeq: head.keyedFromSeq, headSeq: head.seq, ...(start.archive ? { archivedThroughSeq: start.archive.lastSeq } : {}) }
  const cp = options.checkpoint
  let rows = 0
  // The head the check runs up to: the head when it began, or later if a segment's seal came after that.
  let target = head
  const fail = (brokenAtSeq: number, reason: ChainFault): ChainVerdict => ({ ok: false, rows, ...base, headSeq: target.seq, brokenAtSeq, reason, ...(cp ? { checkpointSeq: cp.seq } : {}) })

  if (head.seq >= head.keyedFromSeq && !key) throw new AuditKeyError('审计密钥未加载，无法校验 audit key not loaded: cannot verify the keyed chain')
  if (key && head.keyId !== null && head.keyId !== auditKeyId(key)) return fail(head.keyedFromSeq, 'wrong_key')
  if (cp) {
    if (!key || !signatureHolds(key, cp)) return fail(cp.seq, 'checkpoint_signature')
    if (cp.keyedFromSeq !== head.keyedFromSeq) return fail(Math.min(cp.keyedFromSeq, head.keyedFromSeq), 'checkpoint_rewritten')
  }

  const walk = new ChainWalk(start, keying)
  // The checkpoint holds the main chain's head as it was (ADR 0017: a segment's rows do not move it); once the walk
  // has passed the checkpoint's seq, the main chain's hash must be the checkpoint's.
  let checkpointChecked = !cp || cp.seq < start.seq
  const checkpointMet = (nextSeq: number) => {
    if (checkpointChecked || nextSeq <= cp!.seq) return true
    checkpointChecked = true
    return walk.mainHash === cp!.hash
  }
  // The archive the chain starts after must be recorded by a (keyed) row of the live chain.
  let archiveRecorded = start.archive === null
  let next = start.seq
  const walkTo = async (lastSeq: number): Promise<ChainVerdict | null> => {
    for await (const batch of auditRowPages(db, next, lastSeq, batchSize)) {
      for (const row of batch) {
        if (!checkpointMet(row.seq)) return fail(cp!.seq, 'checkpoint_rewritten')
        const fault = walk.row(row)
        rows = walk.rows
        if (fault) return fail(fault.seq, fault.reason)
        if (!archiveRecorded && recordsArchive(row, start.archive!)) archiveRecorded = true
      }
    }
    next = lastSeq + 1
    const gap = walk.end(lastSeq)
    return gap ? fail(gap.seq, gap.reason) : null
  }
  const broken = await walkTo(head.seq)
  if (broken) return broken
  // A segment's rows commit with its seal: rows met without their seal mean the seal came after the check began.
  // The walk goes on to the head as it is now, checking every row on the way, the seal like any other.
  for (let round = 0; walk.unsealed().length > 0 && round < 3; round++) {
    const later = await db.selectFrom('auditHead').selectAll().where('id', '=', 1).executeTakeFirstOrThrow()
    if (later.seq === target.seq) break
    const laterBroken = await walkTo(later.seq)
    target = later
    if (laterBroken) return laterBroken
  }
  const unsealed = walk.unsealed()[0]
  if (unsealed) return fail(unsealed.from, 'segment_incomplete')
  if (target.seq >= (cp?.seq ?? 0) && !checkpointMet(Number.MAX_SAFE_INTEGER)) return fail(cp!.seq, 'checkpoint_rewritten')
  if (walk.mainHash !== target.hash) return fail(target.seq + 1, 'head_mismatch')
  if (!archiveRecorded) return fail(start.seq, 'archive_unrecorded')
  if (cp && target.seq < cp.seq) return fail(target.seq + 1, 'checkpoint_truncated')
  return { ok: true, rows, ...base, headSeq: target.seq, ...(cp ? { checkpointSeq: cp.seq } : {}) }
}
