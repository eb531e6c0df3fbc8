import { closeSync, existsSync, openSync, readSync, renameSync, rmSync } from 'node:fs'
import { sql } from 'kysely'
import type { Config } from '../config.ts'
import type { Db } from '../db/database.ts'
import { AuditKeyError, auditKeyId, openAuditKey } from './audit-key.ts'

/**
 * `jixiao backup FILE` / `jixiao restore FILE` for both engines (backup-pglite.ts, backup-postgres.ts). A restore
 * goes only into an empty data folder or database unless forced, and either completes or leaves the target as
 * it was. The audit key is never in a backup: it is kept apart from the database on purpose (audit-key.ts).
 */

/** A refusal or failure the operator can act on: the CLI prints the message and exits with the code. */
export class BackupError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message)
  }
}

export type BackupKind = 'pglite' | 'postgres' | 'unknown'

/** What a backup file holds, by its first bytes: PGlite's data-folder dump is a gzipped tar, pg_dump's custom format starts "PGDMP". */
export function backupKind(file: string): BackupKind {
  if (!existsSync(file)) throw new BackupError(`找不到备份文件 backup file not found: ${file}`)
  const head = Buffer.alloc(262)
  const fd = openSync(file, 'r')
  const read = readSync(fd, head, 0, head.length, 0)
  closeSync(fd)
  const bytes = head.subarray(0, read)
  if (bytes.subarray(0, 5).toString('latin1') === 'PGDMP') return 'postgres'
  // Our PGlite backups are always gzipped: its checksum and length catch a damaged or cut-off file before a restore.
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) return 'pglite'
  return 'unknown'
}

const otherEngine = {
  pglite: '这是嵌入式数据库（PGlite）的备份：请去掉 DATABASE_URL 后恢复到数据目录 this is a PGlite backup: restore it without DATABASE_URL, into a data folder',
  postgres: '这是 PostgreSQL 的备份（pg_dump）：请设置 DATABASE_URL 后恢复 this is a PostgreSQL (pg_dump) backup: set DATABASE_URL to restore it',
}

/** Refuses a file the engine in use cannot restore, naming the engine it is for. */
export function expectKind(file: string, engine: 'pglite' | 'postgres') {
  const kind = backupKind(file)
  if (kind === 'unknown') throw new BackupError(`不是 jixiao 备份文件 not a jixiao backup file: ${file}`)
  if (kind !== engine) throw new BackupError(otherEngine[kind])
}

/** Writes through `write(tmp)` and renames into place, so FILE is a whole backup or not there. */
export async function writeBackupFile(file: string, force: boolean, write: (tmp: string) => Promise<void>) {
  if (existsSync(file) && !force) throw new BackupError(`备份文件已存在，未覆盖（确需覆盖请加 --force） ${file} exists; pass --force to overwrite it`)
  const tmp = `${file}.partial-${process.pid}`
  try {
    await write(tmp)
    renameSync(tmp, file)
  } finally {
    rmSync(tmp, { force: true })
  }
}

/** One line on what a restored database holds, and whether the audit key configured here can verify its chain. */
export async function describeRestored(db: Db, config: Config): Promise<string[]> {
  const migrations = await sql<{ n: number; latest: string | null }>`select count(*)::int as n, max(name) as latest from kysely_migration`.execute(db)
  const head = await db.selectFrom('auditHead').select(['seq', 'keyId']).where('id', '=', 1).executeTakeFirst()
  const { n, latest } = migrations.rows[0]!
  const lines = [`已恢复 restored: ${n} 个迁移 migrations (latest ${latest ?? '-'}), 审计日志 audit chain head seq ${head?.seq ?? 0}`]
  try {
    const key = await openAuditKey(db, config.auditKey, { create: false })
    if (head?.keyId && auditKeyId(key) !== head.keyId) {
      lines.push(`注意：此处配置的审计密钥不是备份时的密钥，审计校验将失败；请使用原密钥 warning: the audit key configured here is not the key the chain was written with; use the original key`)
    }
  } catch (error) {
    if (!(error instanceof AuditKeyError)) throw error
    lines.push(`注意：审计密钥不在备份中，请把原密钥文件放到 ${config.auditKey.file}（或设置 JIXIAO_AUDIT_KEY_FILE / JIXIAO_AUDIT_KEY）后再启动 warning: the audit key is not part of a backup; put the original key file at ${config.auditKey.file} (or set JIXIAO_AUDIT_KEY_FILE / JIXIAO_AUDIT_KEY) before starting`)
  }
  return lines
}

/** The reminder printed after a backup: where the key it does not contain is kept. */
export function auditKeyReminder(config: Config): string {
  const where = config.auditKey.inline ? '环境变量 JIXIAO_AUDIT_KEY' : config.auditKey.file
  return `审计密钥不在备份中，请另行妥善保管（与备份分开存放） the audit key is not in the backup; keep it safe and apart from the backup: ${where}`
}
