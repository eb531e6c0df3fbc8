import { randomUUID } from 'node:crypto'
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { sql } from 'kysely'
import { inject } from 'vitest'
import { type DatabaseHandle, migrateToLatest, openPostgres } from '../db/database.ts'
import { adminUrl } from './postgres-urls.ts'

const repoRoot = join(import.meta.dirname, '../..')
const DEFAULT_POSTGRES = 'postgres://postgres@127.0.0.1:5432/postgres'

export interface ServeProcess {
  baseUrl: string
  pid: number
  output(): string
  stop(): Promise<void>
}

/**
 * A real `jixiao serve` child process on a free port (PORT=0: the address comes from Fastify's log line), with
 * the given environment on top of this one's.
 */
export function startServeProcess(env: Record<string, string>): Promise<ServeProcess> {
  const child = spawn(process.execPath, [join(repoRoot, 'bin/jixiao.js'), 'serve'], {
    cwd: repoRoot,
    env: { ...process.env, LOG_LEVEL: 'info', ...env, PORT: '0', HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return
    child.kill('SIGTERM')
    const hard = setTimeout(() => child.kill('SIGKILL'), 15_000)
    await exited
    clearTimeout(hard)
  }
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      out += String(chunk)
      const address = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(out)
      if (address) {
        child.stdout!.off('data', onData)
        child.stdout!.on('data', (more: Buffer) => (out += String(more)))
        resolve({ baseUrl: address[1]!, pid: child.pid!, output: () => out, stop })
      }
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', (chunk: Buffer) => (out += String(chunk)))
    void exited.then((code) => reject(new Error(`jixiao serve exited (${code}) before listening:\n${out}`)))
  })
}

/**
 * A fresh migrated PostgreSQL database, whatever engine this run tests: a clone of the run's template when
 * TEST_DATABASE_URL is set, else one made and migrated here on the local server (for tests of what only
 * PostgreSQL has, such as several app nodes).
 */
export async function freshPostgres(): Promise<{ handle: DatabaseHandle; url: string; drop: () => Promise<void> }> {
  const server = process.env.TEST_DATABASE_URL || DEFAULT_POSTGRES
  const template = inject('postgresTemplate')
  const name = `jixiao_t_${randomUUID().replaceAll('-', '').slice(0, 16)}`
  const admin = openPostgres(adminUrl(server))
  await sql
    .raw(`create database ${name}${template ? ` template ${template}` : ''}`)
    .execute(admin.db)
    .catch(async (error: Error) => {
      await admin.close()
      throw new Error(`this test needs PostgreSQL at ${server} (set TEST_DATABASE_URL, or start the local server: pg_ctlcluster 15 main start): ${error.message}`)
    })
  const url = adminUrl(server, name)
  const handle = openPostgres(url)
  if (!template) await migrateToLatest(handle.db)
  return {
    handle,
    url,
    drop: async () => {
      await handle.close()
      await sql.raw(`drop database if exists ${name} with (force)`).execute(admin.db)
      await admin.close()
    },
  }
}
