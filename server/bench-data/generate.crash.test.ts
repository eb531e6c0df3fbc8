import { randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { DatabaseHandle } from '../db/database.ts'
import { LOCK_FILE } from '../db/data-dir-lock.ts'
import { useAuditKey } from '../platform/audit.ts'
import { fingerprints, type TableFingerprint } from '../platform/backup.fixtures.ts'
import { databaseForCli, killCliAt, runCli } from '../test/cli-process.ts'

/**
 * Crash safety (issue 15): `jixiao generate` killed with SIGKILL after it wrote the generated org tree and its users
 * — inside its one transaction — leaves every table as before, and the next start opens the database (on PGlite the
 * dead process's lock file does not block it). The real CLI in a child process, on the engine of the run.
 */
const url = process.env.TEST_DATABASE_URL
const engine = url ? 'PostgreSQL' : 'PGlite'
const work = mkdtempSync(join(tmpdir(), 'jixiao-generate-crash-'))
const dataDir = join(work, 'data')
const auditKey = randomBytes(32)
let database: Awaited<ReturnType<typeof databaseForCli>>
let before: Record<string, TableFingerprint>

const env = () => database.env()
const withOurDatabase = <T>(work: (handle: DatabaseHandle) => Promise<T>) => database.open(work)

beforeAll(async () => {
  useAuditKey(auditKey)
  database = await databaseForCli(dataDir, auditKey)
  before = await withOurDatabase((handle) => fingerprints(handle.db))
}, 120_000)

afterAll(async () => {
  await database.drop()
  rmSync(work, { recursive: true, force: true })
})

describe(`jixiao generate killed half-way (${engine})`, () => {
  test('leaves every table as it was, and the next start is not blocked', async () => {
    // The point reached by polling: the phase line saying the org tree and its users are written (projects come next).
    const { signal, output } = await killCliAt(['generate', '--scale', 'city'], env(), (output) => /org tree and \d+ users/.test(output))
    expect(signal).toBe('SIGKILL')
    expect(output).not.toContain('完成 done')
    if (!url) expect(existsSync(join(dataDir, LOCK_FILE))).toBe(true)

    const verify = await runCli(['audit', 'verify'], env())
    expect(verify.code, verify.output).toBe(0)
    const after = await withOurDatabase((handle) => fingerprints(handle.db))
    expect(after['public.org_node']).toEqual(before['public.org_node'])
    expect(after['public.app_user']).toEqual(before['public.app_user'])
    expect(after).toEqual(before)
  }, 240_000)
})
