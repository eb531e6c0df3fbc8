import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { inject } from 'vitest'
import { type DatabaseHandle, openPGlite } from '../db/database.ts'
import { withDatabase } from '../platform/backup.fixtures.ts'
import { cloneTemplate } from './context.ts'

const bin = join(import.meta.dirname, '../../bin/jixiao.js')

/** Runs the real `jixiao` CLI in a child process and answers its exit code and everything it printed. */
export function runCli(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [bin, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout.on('data', (chunk) => (output += String(chunk)))
  child.stderr.on('data', (chunk) => (output += String(chunk)))
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, output })))
}

/**
 * Starts the real CLI and kills it with SIGKILL the moment what it printed matches `point` (the point of a crash test,
 * reached by polling its output). Fails when the command ends on its own first.
 */
export async function killCliAt(args: string[], env: NodeJS.ProcessEnv, point: (output: string) => boolean): Promise<{ signal: NodeJS.Signals | null; output: string }> {
  const child = spawn(process.execPath, [bin, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('close', (_code, signal) => resolve(signal)))
  await new Promise<void>((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output += String(chunk)
      if (point(output)) resolve()
    }
    child.stdout.on('data', read)
    child.stderr.on('data', read)
    child.on('close', () => reject(new Error(`jixiao ${args.join(' ')} ended before the crash point:\n${output}`)))
  })
  child.kill('SIGKILL')
  return { signal: await exited, output }
}

/**
 * A fresh migrated database for CLI child processes and the environment they run with: a clone of the test template
 * (PostgreSQL run) or a PGlite data folder made from it; `drop` removes it, `open` opens it in this process for a while.
 */
export async function databaseForCli(dataDir: string, auditKey: Buffer) {
  let clone: Awaited<ReturnType<typeof cloneTemplate>> | null = null
  if (process.env.TEST_DATABASE_URL) {
    clone = await cloneTemplate()
    await clone.handle.close()
  } else {
    await (await openPGlite({ dataDir, loadDataDir: new Blob([readFileSync(inject('pgliteTemplate'))]) })).close()
  }
  return {
    env: (): NodeJS.ProcessEnv => ({ ...process.env, LOG_LEVEL: 'silent', JIXIAO_AUDIT_KEY: auditKey.toString('hex'), JIXIAO_DATA_DIR: dataDir, DATABASE_URL: clone?.url ?? '' }),
    open: <T>(work: (handle: DatabaseHandle) => Promise<T>) => withDatabase({ url: clone?.url, dataDir }, work),
    drop: async () => {
      await clone?.drop()
    },
  }
}
