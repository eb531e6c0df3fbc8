import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { gunzip } from 'node:zlib'
import { sql } from 'kysely'
import type { Config } from '../config.ts'
import { type DatabaseHandle, openPGlite } from '../db/database.ts'
import { acquireDataDirLock, DataDirInUseError, LOCK_FILE } from '../db/data-dir-lock.ts'
import { auditKeyReminder, BackupError, describeRestored, expectKind, writeBackupFile } from './backup.ts'

/**
 * PGlite is one process per data folder (data-dir-lock.ts), so a backup cannot read a folder a running server
 * holds: it refuses and says to stop the server first. Copying the files under a live server would not be safe,
 * and a backup over HTTP from inside the server would hold PGlite's one connection for the whole dump.
 */
function inUse(error: DataDirInUseError, what: 'backup' | 'restore') {
  const verb = what === 'backup' ? '备份' : '恢复'
  return new BackupError(
    `数据目录 ${error.dataDir} 正被进程 ${error.holder} 使用：嵌入式数据库只允许一个进程打开，请先停止该服务（jixiao serve）再${verb}；` +
      `需要不停机备份请使用 PostgreSQL。\nThe data folder ${error.dataDir} is in use by process ${error.holder}: the embedded database ` +
      `admits one process; stop that server (jixiao serve) and run ${what} again, or use PostgreSQL for online backups.`,
  )
}

async function openOrRefuse(options: Parameters<typeof openPGlite>[0], what: 'backup' | 'restore'): Promise<DatabaseHandle> {
  try {
    return await openPGlite(options)
  } catch (error) {
    throw error instanceof DataDirInUseError ? inUse(error, what) : error
  }
}

/** The data folder as a gzipped tar (PGlite's own dump, WAL included), written whole or not at all. */
export async function backupPGlite(config: Config, file: string, force: boolean): Promise<string[]> {
  if (!existsSync(join(config.dataDir, 'PG_VERSION'))) throw new BackupError(`数据目录中没有数据库 no database in the data folder ${config.dataDir}`)
  await writeBackupFile(file, force, async (tmp) => {
    const handle = await openOrRefuse({ dataDir: config.dataDir }, 'backup')
    try {
      await sql`checkpoint`.execute(handle.db)
      const dump = await handle.dumpDataDir!('gzip')
      await writeFile(tmp, Buffer.from(await dump.arrayBuffer()))
    } finally {
      await handle.close()
    }
  })
  const mb = (statSync(file).size / 1024 / 1024).toFixed(1)
  return [`已备份 backed up: ${file} (${mb} MB, PGlite ${config.dataDir})`, auditKeyReminder(config)]
}

/** The tar inside the gzipped backup; a damaged or cut-off file is refused here, before anything is unpacked. */
async function unpack(file: string): Promise<Uint8Array<ArrayBuffer>> {
  try {
    return new Uint8Array(await promisify(gunzip)(await readFile(file)))
  } catch (error) {
    throw new BackupError(`备份文件已损坏，未做任何改动 the backup file is damaged; nothing was changed: ${(error as Error).message}`, 1)
  }
}

const contents = (dir: string) => readdirSync(dir).filter((name) => name !== LOCK_FILE)

/**
 * Unpacks the backup into a folder beside the target and opens it there; only when that worked does it take the
 * target's place, so a broken file or a failed load leaves the target as it was. The target's lock is held
 * throughout: a server cannot start on it meanwhile, and a running one makes the restore refuse even with --force.
 */
export async function restorePGlite(config: Config, file: string, force: boolean): Promise<string[]> {
  expectKind(file, 'pglite')
  const target = config.dataDir
  let release: () => void
  try {
    release = acquireDataDirLock(target)
  } catch (error) {
    throw error instanceof DataDirInUseError ? inUse(error, 'restore') : error
  }
  const staging = `${target}.restoring-${process.pid}`
  try {
    const existing = contents(target)
    if (existing.length && !force) {
      throw new BackupError(
        `数据目录 ${target} 不为空：恢复只写入空目录；确需用备份替换其中的数据请加 --force\n` +
          `The data folder ${target} is not empty: a restore goes into an empty folder; pass --force to replace its data with the backup`,
      )
    }
    const handle = await openOrRefuse({ dataDir: staging, loadDataDir: new Blob([await unpack(file)], { type: 'application/x-tar' }) }, 'restore')
    let lines: string[]
    try {
      lines = await describeRestored(handle.db, config)
    } finally {
      await handle.close()
    }
    for (const name of existing) rmSync(join(target, name), { recursive: true, force: true })
    for (const name of contents(staging)) renameSync(join(staging, name), join(target, name))
    return lines
  } finally {
    rmSync(staging, { recursive: true, force: true })
    release()
  }
}
