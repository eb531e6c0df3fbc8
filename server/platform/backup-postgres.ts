import { spawn } from 'node:child_process'
import { accessSync, constants, statSync } from 'node:fs'
import { delimiter, join } from 'node:path'
import { sql } from 'kysely'
import type { Config } from '../config.ts'
import { type Db, openPostgres } from '../db/database.ts'
import { auditKeyReminder, BackupError, describeRestored, expectKind, writeBackupFile } from './backup.ts'

/**
 * PostgreSQL: `pg_dump --format=custom` and, to restore, `pg_restore` piped into one `psql --single-transaction`,
 * so a restore (and with --force the emptying before it) commits whole or not at all. The client tools must be
 * on PATH, at least the server's version.
 */

/** The client tool's path on PATH, or a refusal that says how to get it. */
export function clientTool(name: 'pg_dump' | 'pg_restore' | 'psql', env: NodeJS.ProcessEnv = process.env): string {
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    const path = join(dir, name)
    try {
      accessSync(path, constants.X_OK)
      return path
    } catch {
      // not in this folder
    }
  }
  throw new BackupError(
    `找不到 ${name}：PostgreSQL 的备份与恢复需要 PostgreSQL 客户端工具（pg_dump、pg_restore、psql，版本不低于数据库服务器），` +
      `例如 Debian/Ubuntu：apt-get install postgresql-client\n${name} not found on PATH: backup and restore on PostgreSQL need its client ` +
      `tools (pg_dump, pg_restore, psql, at least the server's version), e.g. apt-get install postgresql-client`,
  )
}

/** The URL without its password, which goes to the tools in PGPASSWORD instead of their (visible) command line. */
function connection(url: string, env: NodeJS.ProcessEnv) {
  const parsed = new URL(url)
  const password = decodeURIComponent(parsed.password)
  parsed.password = ''
  return { dbname: `--dbname=${parsed.toString()}`, env: { ...env, ...(password ? { PGPASSWORD: password } : {}) } }
}

function finished(child: ReturnType<typeof spawn>, name: string): Promise<{ code: number | null; stderr: string }> {
  let stderr = ''
  child.stderr?.on('data', (chunk) => (stderr += String(chunk)))
  return new Promise((resolve, reject) => {
    child.on('error', (error) => reject(new BackupError(`${name}: ${error.message}`, 1)))
    child.on('close', (code) => resolve({ code, stderr: stderr.trim() }))
  })
}

export async function backupPostgres(config: Config, file: string, force: boolean, env = process.env): Promise<string[]> {
  const pgDump = clientTool('pg_dump', env)
  const { dbname, env: toolEnv } = connection(config.databaseUrl!, env)
  await writeBackupFile(file, force, async (tmp) => {
    const dump = await finished(spawn(pgDump, ['--format=custom', '--no-password', `--file=${tmp}`, dbname], { env: toolEnv, stdio: ['ignore', 'ignore', 'pipe'] }), 'pg_dump')
    if (dump.code !== 0) throw new BackupError(`pg_dump 失败 failed:\n${dump.stderr}`, 1)
  })
  const mb = (statSync(file).size / 1024 / 1024).toFixed(1)
  return [`已备份 backed up: ${file} (${mb} MB, pg_dump custom format)`, auditKeyReminder(config)]
}

/** Schemas of ours in the database (not PostgreSQL's own), and how many tables, views and sequences they hold. */
async function contents(db: Db) {
  const schemas = await sql<{ name: string; relations: number }>`
    select n.nspname as name, count(c.oid)::int as relations
    from pg_namespace n left join pg_class c on c.relnamespace = n.oid
    where n.nspname not in ('information_schema') and n.nspname !~ '^pg_'
    group by n.nspname`.execute(db)
  return schemas.rows
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`

export async function restorePostgres(config: Config, file: string, force: boolean, env = process.env): Promise<string[]> {
  expectKind(file, 'postgres')
  const pgRestore = clientTool('pg_restore', env)
  const psql = clientTool('psql', env)
  const handle = openPostgres(config.databaseUrl!)
  try {
    const schemas = await contents(handle.db)
    const occupied = schemas.filter((s) => s.relations > 0 || s.name !== 'public')
    if (occupied.length && !force) {
      throw new BackupError(
        `数据库不为空（已有 ${occupied.map((s) => s.name).join('、')} 中的数据）：恢复只写入空数据库；确需用备份替换其中的数据请加 --force\n` +
          `The database is not empty (schemas ${occupied.map((s) => s.name).join(', ')}): a restore goes into an empty database; pass --force to replace its data with the backup`,
      )
    }
    // With --force the schemas are dropped in the restore's own transaction: a failed restore leaves them as they were.
    const preamble = force ? `${schemas.map((s) => `drop schema ${quoteIdent(s.name)} cascade;`).join('\n')}\ncreate schema public;\n` : ''
    await pipeRestore(pgRestore, psql, file, preamble, connection(config.databaseUrl!, env))
    return await describeRestored(handle.db, config)
  } finally {
    await handle.close()
  }
}

/**
 * pg_restore writes the dump as SQL into psql, which runs it in one transaction. psql commits when its input
 * ends, so the input is ended only after pg_restore succeeded; otherwise psql is killed and the transaction
 * rolls back with its connection.
 */
async function pipeRestore(pgRestore: string, psql: string, file: string, preamble: string, conn: ReturnType<typeof connection>) {
  const apply = spawn(psql, ['--no-psqlrc', '--quiet', '--no-password', '--set=ON_ERROR_STOP=1', '--single-transaction', '--file=-', conn.dbname], { env: conn.env, stdio: ['pipe', 'ignore', 'pipe'] })
  const read = spawn(pgRestore, ['--no-owner', '--file=-', file], { env: conn.env, stdio: ['ignore', 'pipe', 'pipe'] })
  const applied = finished(apply, 'psql')
  apply.stdin!.on('error', () => {}) // psql stopped early (an SQL error): its own exit status says why
  apply.stdin!.write(preamble)
  read.stdout!.pipe(apply.stdin!, { end: false })
  const readOut = await finished(read, 'pg_restore')
  if (readOut.code === 0) apply.stdin!.end()
  else apply.kill('SIGKILL')
  const applyOut = await applied
  if (readOut.code !== 0) throw new BackupError(`pg_restore 失败，数据库未改动 failed, the database is unchanged:\n${readOut.stderr}`, 1)
  if (applyOut.code !== 0) throw new BackupError(`恢复失败，数据库未改动 restore failed, the database is unchanged:\n${applyOut.stderr}`, 1)
}
