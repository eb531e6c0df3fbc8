import { createHash, createHmac, timingSafeEqual } from 'node:crypto'
import { once } from 'node:events'
import { createReadStream, createWriteStream, rmSync } from 'node:fs'
import { createInterface } from 'node:readline'
import { finished, pipeline } from 'node:stream/promises'
import { createGunzip, createGzip, gzipSync } from 'node:zlib'
import { z } from 'zod'
import type { AuditLog } from '../db/schema.ts'
import { canonicalJson, type ChainKeying, chainHash } from './audit.ts'
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

/**
 * Writes rows (in seq order) to a gzip NDJSON file whose first line is the signed manifest: the rows go to a
 * temporary gzip member first (their digest is known only at the end), then the file is the manifest's member
 * followed by that one (gzip members concatenate: gunzip reads them as one text).
 */
export async function writeArchiveFile(file: string, rows: AsyncIterable<AuditLog[]>, meta: { year: number; keyedFromSeq: number; key: Buffer }): Promise<ArchiveManifest> {
  const rowsFile = `${file}.rows.tmp`
  try {
    const gzip = createGzip()
    const out = createWriteStream(rowsFile, { flags: 'wx', mode: 0o600 })
    gzip.pipe(out)
    const digest = createHash('sha256')
    let first: AuditLog | undefined
    let last: AuditLog | undefined
    let rowCount = 0
    for await (const batch of rows) {
      for (const row of batch) {
        const line = rowLine(row)
        digest.update(line)
        if (!gzip.write(line)) await once(gzip, 'drain')
        first ??= row
        last = row
        rowCount += 1
      }
    }
    gzip.end()
    await finished(out)
    if (!first || !last) throw new Error('no rows to archive')
    const body: ManifestBody = {
      format: 'jixiao-audit-archive/1',
      year: meta.year,
      firstSeq: first.seq,
      lastSeq: last.seq,
      firstPrevHash: first.prevHash,
      lastHash: last.hash,
      rowCount,
      keyedFromSeq: meta.keyedFromSeq,
      sha256: digest.digest('hex'),
    }
    const manifest = { ...body, signature: sign(meta.key, body) }
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
  let rows = 0
  let prevHash = ''
  let expectedSeq = 0
  let keying: ChainKeying = { key, keyedFromSeq: 1 }
  const digest = createHash('sha256')
  for await (const line of lines) {
    if (!manifest) {
      const parsed = ArchiveManifest.safeParse(safeJson(line))
      if (!parsed.success) return { ok: false, rows: 0, reason: 'manifest_missing' }
      manifest = parsed.data
      const { signature, ...body } = manifest
      if (!timingSafeEqual(Buffer.from(sign(key, body), 'hex'), Buffer.from(signature, 'hex'))) return { ok: false, manifest, rows: 0, reason: 'manifest_signature' }
      prevHash = manifest.firstPrevHash
      expectedSeq = manifest.firstSeq
      keying = { key, keyedFromSeq: manifest.keyedFromSeq }
      continue
    }
    digest.update(`${line}\n`)
    const stored = safeJson(line) as (Omit<AuditLog, 'at'> & { at: string }) | null
    const fail = (reason: ArchiveVerdict['reason']): ArchiveVerdict => ({ ok: false, manifest, rows, brokenAtSeq: typeof stored?.seq === 'number' ? stored.seq : expectedSeq, reason })
    if (!stored || stored.seq !== expectedSeq) return fail('missing_row')
    if (stored.prevHash !== prevHash) return fail('link_broken')
    const { prevHash: _p, hash, ...fields } = stored
    if (chainHash(prevHash, { ...fields, at: new Date(fields.at) }, keying) !== hash) return fail('content_altered')
    prevHash = hash
    expectedSeq += 1
    rows += 1
  }
  if (!manifest) return { ok: false, rows: 0, reason: 'manifest_missing' }
  const endsHold = rows === manifest.rowCount && expectedSeq - 1 === manifest.lastSeq && prevHash === manifest.lastHash
  if (!endsHold) return { ok: false, manifest, rows, brokenAtSeq: expectedSeq, reason: 'manifest_mismatch' }
  if (digest.digest('hex') !== manifest.sha256) return { ok: false, manifest, rows, reason: 'digest_mismatch' }
  return { ok: true, manifest, rows }
}

function safeJson(text: string): any {
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}
