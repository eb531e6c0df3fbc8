import { basename } from 'node:path'
import { rmSync } from 'node:fs'
import { sql } from 'kysely'
import type { Db } from '../db/database.ts'
import type { AuditLog } from '../db/schema.ts'
import type { Ctx } from '../http/context.ts'
import { currentAuditKey, recordAudit } from './audit.ts'
import { ArchiveChainError, type ArchiveManifest, verifyArchiveFile, writeArchiveFile } from './audit-archive-file.ts'
import { SEGMENT_ENTITY, SEGMENT_OPEN, SEGMENT_SEAL } from './audit-chain-walk.ts'
import { AuditKeyError } from './audit-key.ts'
import { partitionName, partitionYears } from './partitions.ts'

/** A refusal of `jixiao audit archive`, with the Chinese message the operator reads; exit code 2. */
export class AuditArchiveError extends Error {}

const DAY_MS = 86_400_000
const yearEnd = (year: number) => new Date(`${year + 1}-01-01T00:00:00+08:00`)
const chinaDate = (at: Date) => new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10)

/** Where the live chain starts: after the last archived row, or at seq 1 with the zero hash. */
export async function liveChainStart(db: Db): Promise<{ seq: number; prevHash: string; archive: { year: number; lastSeq: number; lastHash: string } | null }> {
  const last = await db.selectFrom('auditArchive').select(['year', 'lastSeq', 'lastHash']).orderBy('lastSeq', 'desc').limit(1).executeTakeFirst()
  if (!last) return { seq: 1, prevHash: '0'.repeat(64), archive: null }
  return { seq: Number(last.lastSeq) + 1, prevHash: last.lastHash, archive: { ...last, lastSeq: Number(last.lastSeq) } }
}

/**
 * The audit row that records an archive, which the live chain must hold (keyed, so it cannot be forged): whoever
 * deletes old rows and adds an audit_archive row by hand has no such row, and verification says so.
 */
export const archiveAttestation = (manifest: Pick<ArchiveManifest, 'year' | 'firstSeq' | 'lastSeq' | 'lastHash' | 'rowCount' | 'sha256'>) => ({
  year: manifest.year,
  firstSeq: manifest.firstSeq,
  lastSeq: manifest.lastSeq,
  lastHash: manifest.lastHash,
  rowCount: manifest.rowCount,
  sha256: manifest.sha256,
})

/**
 * The audit rows from fromSeq to lastSeq in seq order, a page at a time. seq alone is not unique on the
 * partitioned table (its key is (seq, at)), so a full page ends before its last seq, which the next page reads
 * whole: a row added beside a genuine one cannot fall between pages unseen.
 */
export async function* auditRowPages(db: Db, fromSeq: number, lastSeq: number, batchSize = 2000): AsyncIterable<AuditLog[]> {
  let next = fromSeq
  while (next <= lastSeq) {
    const batch = await db.selectFrom('auditLog').selectAll().where('seq', '>=', next).where('seq', '<=', lastSeq).orderBy('seq').orderBy('at').limit(batchSize).execute()
    if (batch.length === 0) return
    const lastRead = batch.at(-1)!.seq
    const whole = batch.length < batchSize ? batch : batch.filter((r) => r.seq !== lastRead)
    // A page of one seq only (a flood of rows beside one): given as it is; the walk reports the extra rows.
    yield whole.length ? whole : batch
    next = whole.length && batch.length === batchSize ? lastRead : lastRead + 1
  }
}

/**
 * Where an archived range may end: at least the year's last seq, and past every segment (ADR 0017) opened within
 * it — to its seal, or to the end of its reserved range if it was never sealed — so no segment is cut in two.
 */
async function rangeEnd(db: Db, fromSeq: number, yearLastSeq: number): Promise<number> {
  let end = yearLastSeq
  let searchedTo = fromSeq - 1
  while (searchedTo < end) {
    const opened = await db
      .selectFrom('auditLog as o')
      .leftJoin('auditLog as s', (join) => join.onRef('s.entityId', '=', 'o.entityId').on('s.entityType', '=', SEGMENT_ENTITY).on('s.action', '=', SEGMENT_SEAL))
      .select(['o.after', 's.seq as sealSeq'])
      .where('o.entityType', '=', SEGMENT_ENTITY)
      .where('o.action', '=', SEGMENT_OPEN)
      .where('o.seq', '>', searchedTo)
      .where('o.seq', '<=', end)
      .execute()
    searchedTo = end
    for (const o of opened) {
      const reservedTo = (o.after as { to?: unknown } | null)?.to
      end = Math.max(end, o.sealSeq ?? (typeof reservedTo === 'number' ? reservedTo : end))
    }
  }
  return end
}

/**
 * Moves the oldest online audit year to a file and out of the database: the rows from the live chain's start up
 * to the year's last seq (a row appended just after midnight may carry an earlier instant than the one before it,
 * so the range is by seq), written and read back, then recorded and audited, the rows outside the partition
 * deleted and the year's partition detached and dropped, in one transaction. An empty year's partition is just
 * dropped (null).
 */
export async function archiveAuditYear(db: Db, ctx: Ctx, options: { year: number; file: string; onlineDays: number }): Promise<ArchiveManifest | null> {
  const key = currentAuditKey()
  if (!key) throw new AuditKeyError('审计密钥未加载 audit key not loaded')
  const { year } = options
  const years = await partitionYears(db, 'audit_log')
  if (!years.includes(year)) throw new AuditArchiveError(`没有 ${year} 年的在线审计日志分区，无法归档 no online audit partition for ${year}`)
  if (years[0] !== year) throw new AuditArchiveError(`只能归档最早的在线年度（${years[0]} 年），请先归档它 only the oldest online year (${years[0]}) may be archived`)
  const onlineUntil = new Date(yearEnd(year).getTime() + options.onlineDays * DAY_MS)
  if (ctx.now < onlineUntil) {
    throw new AuditArchiveError(`审计日志须在线保存至少 ${options.onlineDays} 天：${year} 年的日志到 ${chinaDate(onlineUntil)} 才满期，现在不能归档 ${year} must stay online until ${chinaDate(onlineUntil)}`)
  }
  const partition = partitionName('audit_log', year)
  const range = await sql<{ last: number | null }>`select max(seq) as last from ${sql.table(partition)}`.execute(db)
  const lastSeq = range.rows[0]?.last === null || range.rows[0]?.last === undefined ? null : Number(range.rows[0].last)
  const start = await liveChainStart(db)
  const head = await db.selectFrom('auditHead').select(['keyedFromSeq']).where('id', '=', 1).executeTakeFirstOrThrow()
  let manifest: ArchiveManifest | null = null
  if (lastSeq !== null) {
    const range = { year, keyedFromSeq: head.keyedFromSeq, key, start: { seq: start.seq, prevHash: start.prevHash }, lastSeq: await rangeEnd(db, start.seq, lastSeq) }
    const refuse = (at: number) => {
      rmSync(options.file, { force: true })
      return new AuditArchiveError(`${year} 年的审计日志哈希链不完整（seq ${at}），拒绝归档；请先运行 jixiao audit verify the chain does not hold at seq ${at}: not archived`)
    }
    try {
      manifest = await writeArchiveFile(options.file, auditRowPages(db, start.seq, range.lastSeq), range)
    } catch (error) {
      throw error instanceof ArchiveChainError ? refuse(error.seq) : error
    }
    const check = await verifyArchiveFile(options.file, key)
    if (!check.ok) throw refuse(check.brokenAtSeq ?? manifest.firstSeq)
  }
  await db.transaction().execute(async (trx) => {
    if (manifest) {
      await trx
        .insertInto('auditArchive')
        .values({ year, firstSeq: manifest.firstSeq, lastSeq: manifest.lastSeq, firstPrevHash: manifest.firstPrevHash, lastHash: manifest.lastHash, rowCount: manifest.rowCount, sha256: manifest.sha256, fileName: basename(options.file) })
        .execute()
      await recordAudit(trx, ctx, { action: 'audit.archive', entityType: 'audit_archive', entityId: String(year), after: { ...archiveAttestation(manifest), fileName: basename(options.file) } })
      // Rows of the range outside the year's partition (appended across midnight) are in the file too.
      await trx
        .deleteFrom('auditLog')
        .where('seq', '<=', manifest.lastSeq)
        .where((eb) => eb.or([eb('at', '<', yearEnd(year - 1)), eb('at', '>=', yearEnd(year))]))
        .execute()
    }
    await sql`alter table audit_log detach partition ${sql.table(partition)}`.execute(trx)
    await sql`drop table ${sql.table(partition)}`.execute(trx)
  })
  return manifest
}
