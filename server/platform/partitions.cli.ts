import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import type { Config } from '../config.ts'
import type { Db } from '../db/database.ts'
import type { Ctx } from '../http/context.ts'
import { currentAuditKey } from './audit.ts'
import { AuditArchiveError, archiveAuditYear } from './audit-archive.ts'
import { archiveFaultText, verifyArchiveFile } from './audit-archive-file.ts'
import { AuditKeyError } from './audit-key.ts'
import { chainFaultText, type ChainFault } from './audit-verify.ts'
import { ensureYearPartitions, yearsAhead } from './partitions.ts'

export const partitionsCliUsage = `  partitions ensure [--years-ahead N] [--since YYYY]
                                 建好本年度及以后 N 年（默认 JIXIAO_PARTITION_YEARS_AHEAD=2）的年度分区
                                 （--since：另补自该年度起的往年分区，如导入往年数据前）
  audit archive --year YYYY FILE 将最早的在线审计年度写入归档文件（gzip NDJSON）并移出数据库
                                 （该年度结束满 JIXIAO_AUDIT_ONLINE_DAYS=180 天后）
  audit verify --archive FILE    校验归档文件自身的哈希链与清单`

/** jixiao partitions ensure: the partitions of this year and the years ahead, with rows moved out of DEFAULT. */
export async function partitionsFromCli(db: Db, config: Config, now: Date, args: string[]): Promise<number> {
  const [sub, ...rest] = args
  if (sub !== 'ensure') return fail(partitionsCliUsage)
  const { values } = parseArgs({ args: rest, options: { 'years-ahead': { type: 'string' }, since: { type: 'string' } } })
  const ahead = values['years-ahead'] === undefined ? config.partitionYearsAhead : Number(values['years-ahead'])
  if (!Number.isInteger(ahead) || ahead < 0 || ahead > 20) return fail('--years-ahead 须为 0–20 的整数')
  const coming = yearsAhead(now, ahead)
  const since = values.since === undefined ? coming[0]! : Number(values.since)
  if (!Number.isInteger(since) || since < 2000 || since > coming[0]!) return fail(`--since 须为 2000–${coming[0]} 之间的年度`)
  const years = Array.from({ length: coming.at(-1)! - since + 1 }, (_, i) => since + i)
  const created = await ensureYearPartitions(db, years)
  for (const c of created) console.log(`已建分区 created ${c.table}_y${c.year}${c.movedFromDefault ? `（从 DEFAULT 移入 ${c.movedFromDefault} 行）` : ''}`)
  console.log(`年度分区已就绪 partitions ready for ${years[0]}–${years.at(-1)}: ${created.length} created`)
  return 0
}

/** jixiao audit archive --year YYYY FILE */
export async function auditArchiveFromCli(db: Db, config: Config, ctx: Ctx, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { year: { type: 'string' } } })
  const year = Number(values.year)
  if (!Number.isInteger(year) || positionals.length !== 1) return fail('用法 usage: jixiao audit archive --year YYYY FILE')
  try {
    const manifest = await archiveAuditYear(db, ctx, { year, file: resolve(positionals[0]!), onlineDays: config.auditOnlineDays })
    if (!manifest) console.log(`${year} 年的分区没有审计日志，已删除空分区 the ${year} partition was empty and is dropped`)
    else console.log(`已归档 archived ${year}: seq ${manifest.firstSeq}–${manifest.lastSeq}, ${manifest.rowCount} rows, sha256 ${manifest.sha256} → ${positionals[0]}`)
    return 0
  } catch (error) {
    if (!(error instanceof AuditArchiveError)) throw error
    return fail(error.message)
  }
}

/** jixiao audit verify --archive FILE: the file's own chain, its digest and its signed manifest. */
export async function auditVerifyArchiveFromCli(db: Db, file: string): Promise<number> {
  const key = currentAuditKey()
  if (!key) throw new AuditKeyError('审计密钥未加载 audit key not loaded')
  const verdict = await verifyArchiveFile(resolve(file), key)
  const m = verdict.manifest
  const reason = verdict.reason ? (archiveFaultText(verdict.reason) ?? chainFaultText(verdict.reason as ChainFault)) : ''
  if (!verdict.ok) {
    console.error(`审计归档文件被篡改 audit archive BROKEN${verdict.brokenAtSeq ? ` at seq ${verdict.brokenAtSeq}` : ''}: ${reason} (${verdict.rows} rows verified before it)`)
    return 1
  }
  const recorded = await db.selectFrom('auditArchive').select(['sha256', 'lastHash']).where('year', '=', m!.year).executeTakeFirst()
  const matches = recorded ? recorded.sha256 === m!.sha256 && recorded.lastHash === m!.lastHash : null
  if (matches === false) {
    console.error(`归档文件与库中登记的 ${m!.year} 年归档不符 the file is not the archive recorded for ${m!.year}`)
    return 1
  }
  console.log(`审计归档完整 audit archive intact: ${m!.year}, seq ${m!.firstSeq}–${m!.lastSeq}, ${verdict.rows} rows${matches ? ', matches the archive recorded in the database' : ''}`)
  return 0
}

function fail(message: string) {
  console.error(message)
  return 2
}
