import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: number,
  ) {
    super(`数据目录 ${dataDir} 正被进程 ${holder} 使用（data folder in use by process ${holder}）`)
  }
}

/** The lock file's name inside a data folder: not part of the database (a backup carries a copy; a restore removes it). */
export const LOCK_FILE = 'jixiao.lock'

/**
 * PGlite does not stop two processes from opening one data folder (and corrupting it), so the app
 * keeps its own lock file holding its pid. A live holder is a clear error; a stale one is taken over.
 */
export function acquireDataDirLock(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true })
  const lockFile = join(dataDir, LOCK_FILE)
  try {
    writeFileSync(lockFile, String(process.pid), { flag: 'wx' })
  } catch {
    const holder = Number(readFileSync(lockFile, 'utf8'))
    if (holder && holder !== process.pid && isAlive(holder)) throw new DataDirInUseError(dataDir, holder)
    writeFileSync(lockFile, String(process.pid))
  }
  return () => rmSync(lockFile, { force: true })
}

function isAlive(pid: number) {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}
