import { createHash, createHmac, timingSafeEqual } from 'node:crypto'
import { once } from 'node:events'
import { createReadStream, createWriteStream, rmSync } from 'node:fs'
import { createInterface } from 'node:readline'
import { finished, pipeline } from 'node:stream/promises'
import { createGunzip, createGzip, gzipSync } from 'node:zlib'
import { z } from 'zod'
import type { AuditLog } from '../db/schema.ts'
import { canonicalJson } from './audit.ts'
import { ChainWalk } from './audit-chain-walk.ts'
import type { ChainFault } from './audit-verify.ts'

/**
 * An archived audit year (ADR 0016): gzip NDJSON, a manifest line first, then one stored audit row a line in seq
 * order. The manifest names the rows' range, both ends of their chain and the SHA-256 of the row lines, and is
 * signed with the audit key, so neither the rows nor the manifest can be changed unnoticed.
 */
export const ArchiveManifest = z.strictObject({
  format: z.literal('jixiao-audit-archive/1'),
  year: z.int(),
  firstSeq: z.int().min(1),
  lastSeq: z.int().min(1),
  firstPrevHash: z.string().regex(/^[0-9a-f]{64}$/),
  lastHash: z.string().regex(/^[0-9a-f]{64}$/),
  rowCount: z.int().min(1),
  keyedFromSeq: z.int().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  signature: z.string().regex(/^[0-9a-f]{64}$/),
})
export type ArchiveManifest = z.infer<typeof ArchiveManifest>
type ManifestBody = Omit<ArchiveManifest, 'signature'>

function sign(key: Buffer, body: ManifestBody): string {
  return createHmac('sha256', key).update('jixiao-audit-archive\n').update(canonicalJson(body)).digest('hex')
}

/** The line of one stored row: dates as ISO strings, jsonb as JSON. */
const rowLine = (row: AuditLog) => `${JSON.stringify({ ...row, at: row.at.toISOString() })}\n`

/** The chain does not hold in the rows being archived. */
export class ArchiveChainError extends Error {
  constructor(readonly seq: number) {
    super(`the audit chain does not hold at seq ${seq}`)
  }
}

export interface ArchiveRange {
  year: number
  keyedFromSeq: number
  key: Buffer
  /** Where the rows start: the live chain's first seq and the hash it links to. */
  start: { seq: number; prevHash: string }
  /** The range's last seq (its last row's, or the end of a reserved range left empty). */
  lastSeq: number
}

/**
 * Writes rows (in seq order) to a gzip NDJSON file whose first line is the signed manifest, checking the chain as
 * they pass (audit-chain-walk.ts): the rows go to a temporary gzip member first (their digest is known only at the
 * end), then the file is the manifest's member followed by that one (gzip members concatenate: gunzip reads them as
 * one text). The manifest's last hash is the main chain's at the range's end, which the live chain goes on from.
 */
export async function writeArchiveFile(file: string, rows: AsyncIterable<AuditLog[]>, range: ArchiveRange): Promise<ArchiveManifest> {
  const rowsFile = `${file}.rows.tmp`
  try {
    const gzip = createGzip()
    const out = createWriteStream(rowsFile, { flags: 'wx', mode: 0o600 })
    gzip.pipe(out)
    const digest = createHash('sha256')
    const walk = new ChainWalk(range.start, { key: range.key, keyedFromSeq: range.keyedFromSeq })
    for await (const batch of rows) {
      for (const row of batch) {
        const fault = walk.row(row)
        if (fault) throw new ArchiveChainError(fault.seq)
        const line = rowLine(row)
        digest.update(line)
        if (!gzip.write(line)) await once(gzip, 'drain')
      }
    }
    gzip.end()
    await finished(out)
    const ended = walk.end(range.lastSeq)
    if (ended) throw new ArchiveChainError(ended.seq)
    const unsealed = walk.unsealed()[0]
    if (unsealed) throw new ArchiveChainError(unsealed.from)
    if (walk.rows === 0) throw new Error('no rows to archive')
    const body: ManifestBody = {
      format: 'jixiao-audit-archive/1',
      year: range.year,
      firstSeq: range.start.seq,
      lastSeq: range.lastSeq,
      firstPrevHash: range.start.prevHash,
      lastHash: walk.mainHash,
      rowCount: walk.rows,
      keyedFromSeq: range.keyedFromSeq,
      sha256: digest.digest('hex'),
    }
    const manifest = { ...body, signature: sign(range.key, body) }
    const target = createWriteStream(file, { flags: 'wx', mode: 0o600 })
    target.write(gzipSync(`${JSON.stringify(manifest)}\n`))
    await pipeline(createReadStream(rowsFile), target)
    return manifest
  } finally {
    rmSync(rowsFile, { force: true })
  }
}

export interface ArchiveVerdict {
  ok: boolean
  manifest?: ArchiveManifest
  rows: number
  brokenAtSeq?: number
  reason?: ChainFault | 'manifest_missing' | 'manifest_signature' | 'manifest_mismatch' | 'digest_mismatch'
}

const archiveReasonText: Record<string, string> = {
  manifest_missing: 'the file has no archive manifest',
  manifest_signature: 'the manifest is not signed with the audit key',
  manifest_mismatch: 'the rows do not match the manifest (range, ends or count)',
  digest_mismatch: 'the rows’ SHA-256 is not the manifest’s',
}
export const archiveFaultText = (reason: string) => archiveReasonText[reason]

/**
 * Re-reads an archive file: recomputes every row's link from the manifest's first prev_hash on (with the audit
 * key), the digest of the row lines, and checks both ends, the count and the manifest's signature.
 */
export async function verifyArchiveFile(file: string, key: Buffer): Promise<ArchiveVerdict> {
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity })
  let manifest: ArchiveManifest | undefined
  let walk: ChainWalk | undefined
  const digest = createHash('sha256')
  for await (const line of lines) {
    if (!manifest || !walk) {
      const parsed = ArchiveManifest.safeParse(safeJson(line))
      if (!parsed.success) return { ok: false, rows: 0, reason: 'manifest_missing' }
      manifest = parsed.data
      const { signature, ...body } = manifest
      if (!timingSafeEqual(Buffer.from(sign(key, body), 'hex'), Buffer.from(signature, 'hex'))) return { ok: false, manifest, rows: 0, reason: 'manifest_signature' }
      walk = new ChainWalk({ seq: manifest.firstSeq, prevHash: manifest.firstPrevHash }, { key, keyedFromSeq: manifest.keyedFromSeq })
      continue
    }
    digest.update(`${line}\n`)
    const stored = safeJson(line) as (Omit<AuditLog, 'at'> & { at: string }) | null
    const atSeq = typeof stored?.seq === 'number' ? stored.seq : walk.expectedSeq
    if (!stored || typeof stored.seq !== 'number' || typeof stored.at !== 'string') return { ok: false, manifest, rows: walk.rows, brokenAtSeq: atSeq, reason: 'missing_row' }
    if (stored.seq > manifest.lastSeq) return { ok: false, manifest, rows: walk.rows, brokenAtSeq: atSeq, reason: 'manifest_mismatch' }
    const fault = walk.row({ ...stored, at: new Date(stored.at) })
    if (fault) return { ok: false, manifest, rows: walk.rows, brokenAtSeq: fault.seq, reason: fault.reason }
  }
  if (!manifest || !walk) return { ok: false, rows: 0, reason: 'manifest_missing' }
  const ended = walk.end(manifest.lastSeq) ?? (walk.unsealed()[0] ? { seq: walk.unsealed()[0]!.from, reason: 'segment_incomplete' as const } : null)
  if (ended) return { ok: false, manifest, rows: walk.rows, brokenAtSeq: ended.seq, reason: ended.reason }
  const endsHold = walk.rows === manifest.rowCount && walk.mainHash === manifest.lastHash
  if (!endsHold) return { ok: false, manifest, rows: walk.rows, brokenAtSeq: walk.expectedSeq, reason: 'manifest_mismatch' }
  if (digest.digest('hex') !== manifest.sha256) return { ok: false, manifest, rows: walk.rows, reason: 'digest_mismatch' }
  return { ok: true, manifest, rows: walk.rows }
}

function safeJson(text: string): any {
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}
