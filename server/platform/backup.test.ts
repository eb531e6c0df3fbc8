import { spawn } from 'node:child_process'
import { randomBytes, randomUUID } from 'node:crypto'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest'
import { type Config, loadConfig } from '../config.ts'
import { type DatabaseHandle, openPGlite, openPostgres } from '../db/database.ts'
import { LOCK_FILE } from '../db/data-dir-lock.ts'
import { cloneTemplate } from '../test/context.ts'
import { adminUrl } from '../test/postgres-urls.ts'
import { useAuditKey } from './audit.ts'
import { fingerprints, seedBackupSlice, type TableFingerprint, withDatabase } from './backup.fixtures.ts'
import { backupPGlite, restorePGlite } from './backup-pglite.ts'
import { backupPostgres, restorePostgres } from './backup-postgres.ts'

/**
 * `jixiao backup` and `jixiao restore` as the real CLI in child processes, on the engine of the run (PGlite: data
 * folders; PostgreSQL with TEST_DATABASE_URL: databases): the restored copy has every table's rows identical and
 * its audit chain verifies. Refusals and failures are checked in-process: they must leave the target as it was.
 */
const url = process.env.TEST_DATABASE_URL
const engine = url ? 'PostgreSQL' : 'PGlite'
const work = mkdtempSync(join(tmpdir(), 'jixiao-backup-'))
const auditKey = randomBytes(32)
const backupFile = join(work, url ? 'jixiao.dump' : 'jixiao.tar.gz')
const sourceDir = join(work, 'source')
const targetDir = join(work, 'target')
const targetDb = `jixiao_t_restore_${randomUUID().replaceAll('-', '').slice(0, 12)}`
let source: Awaited<ReturnType<typeof cloneTemplate>> | null = null
let before: Record<string, TableFingerprint>

/** The configuration a command sees for the source or the target. */
function configFor(side: 'source' | 'target'): Config {
  const env = { JIXIAO_AUDIT_KEY: auditKey.toString('hex'), JIXIAO_DATA_DIR: side === 'source' ? sourceDir : targetDir }
  return loadConfig(url ? { ...env, DATABASE_URL: side === 'source' ? source!.url : adminUrl(url, targetDb) } : env)
}

function cli(args: string[], side: 'source' | 'target'): Promise<{ code: number | null; output: string }> {
  const config = configFor(side)
  const env = { ...process.env, LOG_LEVEL: 'silent', JIXIAO_AUDIT_KEY: auditKey.toString('hex'), JIXIAO_DATA_DIR: config.dataDir, DATABASE_URL: config.databaseUrl ?? '' }
  const child = spawn(process.execPath, [join(import.meta.dirname, '../../bin/jixiao.js'), ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout.on('data', (chunk) => (output += String(chunk)))
  child.stderr.on('data', (chunk) => (output += String(chunk)))
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, output })))
}

/** Opens one side of the test in this process; on PGlite the folder is closed again after the work. */
function withSide<T>(side: 'source' | 'target', work: (handle: DatabaseHandle) => Promise<T>): Promise<T> {
  return withDatabase({ url: url ? configFor(side).databaseUrl! : undefined, dataDir: side === 'source' ? sourceDir : targetDir }, work)
}

beforeAll(async () => {
  useAuditKey(auditKey)
  if (url) {
    source = await cloneTemplate()
    await sql.raw(`create database ${targetDb}`).execute(source.handle.db)
    await source.handle.close()
  } else {
    await (await openPGlite({ dataDir: sourceDir, loadDataDir: new Blob([readFileSync(inject('pgliteTemplate'))]) })).close()
  }
  before = await withSide('source', async (handle) => {
    await seedBackupSlice(handle)
    return fingerprints(handle.db)
  })
}, 120_000)

afterAll(async () => {
  if (url) {
    const admin = openPostgres(adminUrl(url))
    await sql.raw(`drop database if exists ${targetDb} with (force)`).execute(admin.db)
    await admin.close()
    await source?.drop()
  }
  rmSync(work, { recursive: true, force: true })
})

describe(`backup and restore (${engine})`, () => {
  test('the CLI backs up, restores into an empty target with every table identical, and the audit chain verifies there', async () => {
    expect(before['public.audit_log']!.rows).toBeGreaterThan(10)
    expect(before['public.project']!.rows).toBe(30)
    expect(Object.values(before).filter((t) => t.rows > 0).length).toBeGreaterThan(10)

    const backup = await cli(['backup', backupFile], 'source')
    expect(backup.code, backup.output).toBe(0)
    expect(backup.output).toContain('已备份 backed up')
    expect(backup.output).toContain('审计密钥不在备份中')

    const restore = await cli(['restore', backupFile], 'target')
    expect(restore.code, restore.output).toBe(0)
    expect(restore.output).toMatch(/已恢复 restored: \d+ 个迁移/)
    expect(await withSide('target', (handle) => fingerprints(handle.db))).toEqual(before)

    const verify = await cli(['audit', 'verify'], 'target')
    expect(verify.code, verify.output).toBe(0)
    expect(verify.output).toContain(`审计日志完整 audit chain intact: ${before['public.audit_log']!.rows} rows`)
  }, 120_000)

  const restore = url ? restorePostgres : restorePGlite

  test('a restore into a target that is not empty is refused, and with --force replaces its data', async () => {
    await withSide('target', (handle) => handle.db.deleteFrom('project').where('name', 'like', '改名项目%').execute())
    const changed = await withSide('target', (handle) => fingerprints(handle.db))
    expect(changed['public.project']!.rows).toBe(24)

    await expect(restore(configFor('target'), backupFile, false)).rejects.toThrow(/不为空.*--force/s)
    expect(await withSide('target', (handle) => fingerprints(handle.db))).toEqual(changed)

    await restore(configFor('target'), backupFile, true)
    expect(await withSide('target', (handle) => fingerprints(handle.db))).toEqual(before)
  }, 120_000)

  test('a broken backup file fails the restore and leaves the target as it was, even with --force', async () => {
    const broken = join(work, url ? 'broken.dump' : 'broken.tar.gz')
    const whole = readFileSync(backupFile)
    writeFileSync(broken, whole.subarray(0, Math.floor(whole.length / 2)))
    await expect(restore(configFor('target'), broken, true)).rejects.toThrow(url ? /数据库未改动/ : /备份文件已损坏/)
    expect(await withSide('target', (handle) => fingerprints(handle.db))).toEqual(before)

    const notABackup = join(work, 'notes.txt')
    writeFileSync(notABackup, '这不是备份 not a backup')
    await expect(restore(configFor('target'), notABackup, true)).rejects.toThrow(/不是 jixiao 备份文件/)
  }, 120_000)

  test('an existing backup file is not overwritten without --force', async () => {
    const backup = url ? backupPostgres : backupPGlite
    await expect(backup(configFor('source'), backupFile, false)).rejects.toThrow(/备份文件已存在/)
  })

  if (url) {
    test('without the PostgreSQL client tools on PATH: a clear message naming the package, nothing written', async () => {
      const emptyPath = join(work, 'no-tools')
      mkdirSync(emptyPath)
      const file = join(work, 'never.dump')
      await expect(backupPostgres(configFor('source'), file, false, { ...process.env, PATH: emptyPath })).rejects.toThrow(/找不到 pg_dump.*postgresql-client/s)
      await expect(restorePostgres(configFor('target'), backupFile, true, { ...process.env, PATH: emptyPath })).rejects.toThrow(/找不到 pg_restore/)
      expect(() => readFileSync(file)).toThrow()
    })
  } else {
    test('the data folder of a running server is refused for backup and restore, naming its process', async () => {
      // A live process other than this one holds the folder, as `jixiao serve` does.
      writeFileSync(join(sourceDir, LOCK_FILE), String(process.ppid))
      writeFileSync(join(targetDir, LOCK_FILE), String(process.ppid))
      try {
        await expect(backupPGlite(configFor('source'), join(work, 'live.tar.gz'), false)).rejects.toThrow(`正被进程 ${process.ppid} 使用`)
        await expect(restorePGlite(configFor('target'), backupFile, true)).rejects.toThrow(/请先停止该服务/)
      } finally {
        rmSync(join(sourceDir, LOCK_FILE))
        rmSync(join(targetDir, LOCK_FILE))
      }
      expect(await withSide('target', (handle) => fingerprints(handle.db))).toEqual(before)
    })
  }
})
