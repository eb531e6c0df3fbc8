import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, expect, inject, test } from 'vitest'
import { type DatabaseHandle, openPGlite } from '../db/database.ts'
import { cloneTemplate } from '../test/context.ts'
import { enqueueJob } from './jobs.ts'
import { countJob } from './jobs.fixtures.ts'
import { readJobRun } from './jobs-wait.ts'

/**
 * A worker process killed with SIGKILL in the middle of a job: after a new worker process starts, the job runs
 * again (pg-boss retry after our heartbeat says the first worker is dead), resumes from the progress it recorded
 * and finishes. On PGlite the database is a data folder the child processes open in turn; on PostgreSQL a clone
 * of the test template.
 */
const usePostgres = Boolean(process.env.TEST_DATABASE_URL)
const dataDir = mkdtempSync(join(tmpdir(), 'jixiao-jobs-restart-'))
let pg: Awaited<ReturnType<typeof cloneTemplate>> | null = null
afterAll(async () => {
  await pg?.handle.close()
  await pg?.drop()
  rmSync(dataDir, { recursive: true, force: true })
})

/** The database the children use: opened by the test only between their runs on PGlite (one process at a time). */
async function withDatabase<T>(work: (handle: DatabaseHandle) => Promise<T>): Promise<T> {
  if (pg) return work(pg.handle)
  const handle = await openPGlite({ dataDir })
  try {
    return await work(handle)
  } finally {
    await handle.close()
  }
}

function startWorker(jobRunId: string): { child: ChildProcess; output: () => string; waitFor: (text: string) => Promise<void>; exited: Promise<number | null> } {
  const env = { ...process.env, JOB_RUN_ID: jobRunId, JIXIAO_DATA_DIR: dataDir, DATABASE_URL: pg?.url ?? '' }
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'jobs.child-worker.ts')], { env, stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  const listeners = new Set<() => void>()
  child.stdout!.on('data', (chunk) => {
    out += String(chunk)
    for (const l of listeners) l()
  })
  child.stderr!.on('data', (chunk) => (out += String(chunk)))
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  const waitFor = (text: string) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (out.includes(text)) {
          listeners.delete(check)
          resolve()
        }
      }
      listeners.add(check)
      void exited.then(() => (out.includes(text) ? resolve() : reject(new Error(`worker exited before "${text}":\n${out}`))))
      check()
    })
  return { child, output: () => out, waitFor, exited }
}

test(`a job whose worker process is killed mid-way finishes after a new worker starts (${usePostgres ? 'PostgreSQL' : 'PGlite'})`, async () => {
  if (usePostgres) {
    pg = await cloneTemplate()
  } else {
    const template = new Blob([readFileSync(inject('pgliteTemplate'))])
    await (await openPGlite({ dataDir, loadDataDir: template })).close()
  }
  const n = 12
  const { jobRunId } = await withDatabase((h) => enqueueJob(h.db, countJob, { n, stepMs: 150 }, {}))

  const first = startWorker(jobRunId)
  await first.waitFor(` 3/${n} `)
  first.child.kill('SIGKILL')
  expect(await first.exited).toBeNull()
  expect(first.output()).not.toContain('finished')

  const killed = await withDatabase((h) => readJobRun(h.db, jobRunId))
  expect(killed).toMatchObject({ status: 'running', attempts: 1 })
  expect(killed!.done).toBeGreaterThanOrEqual(3)
  expect(killed!.done).toBeLessThan(n)

  const second = startWorker(jobRunId)
  expect(await second.exited, second.output()).toBe(0)
  expect(second.output()).toContain('finished done')

  const final = await withDatabase((h) => readJobRun(h.db, jobRunId))
  expect(final).toMatchObject({ status: 'done', done: n, total: n, attempts: 2, error: null })
  const result = final!.result as { counted: number; resumedFrom: number }
  expect(result.counted).toBe(n)
  expect(result.resumedFrom).toBeGreaterThanOrEqual(killed!.done)
}, 60_000)
