import { randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { DatabaseHandle } from '../../db/database.ts'
import { LOCK_FILE } from '../../db/data-dir-lock.ts'
import { useAuditKey } from '../../platform/audit.ts'
import { fingerprints, seedBackupSlice, type TableFingerprint } from '../../platform/backup.fixtures.ts'
import { databaseForCli, killCliAt, runCli } from '../../test/cli-process.ts'

/**
 * Crash safety (issue 15): `jixiao import projects` killed with SIGKILL while it writes leaves nothing partial — every
 * table is as before (the import is one transaction) but for the committed reservation of its audit segment — the audit chain verifies, and on PGlite the lock file the dead
 * process left does not block the next start. The real CLI in a child process, on the engine of the run.
 */
const url = process.env.TEST_DATABASE_URL
const engine = url ? 'PostgreSQL' : 'PGlite'
const ROWS = 100_000
const work = mkdtempSync(join(tmpdir(), 'jixiao-crash-'))
const dataDir = join(work, 'data')
const auditKey = randomBytes(32)
let database: Awaited<ReturnType<typeof databaseForCli>>
let before: Record<string, TableFingerprint>
let file: string

const HEADERS = ['项目编码', '项目名称', '预算年度', '预算单位编码', '预算类别', '项目属性', '项目类型', '项目类别', '实施期开始年度', '实施期结束年度',
  '中期资金总额（元）', '一般公共预算资金（元）', '政府性基金预算资金（元）', '其他资金（元）', '是否重大新增', '项目概述', '联系人', '联系电话']

/** A project list a finance bureau would upload: ROWS new projects over its own units. */
function importCsv(units: string[]): string {
  const lines = [`\ufeff${HEADERS.join(',')}`]
  for (let i = 0; i < ROWS; i++) {
    const yuan = `${10_000 + ((i * 7919) % 5_000_000)}.00`
    lines.push([`CRASH${String(i).padStart(6, '0')}`, `崩溃测试项目${i}`, 2027, units[i % units.length], '一般公共预算', '新增', '一次性', '一般项目', 2027, 2027, yuan, yuan, '', '0', '否', '按年度计划实施', '张经办', '0755-12345678'].join(','))
  }
  return `${lines.join('\r\n')}\r\n`
}

const env = () => database.env()

const withOurDatabase = <T>(work: (handle: DatabaseHandle) => Promise<T>) => database.open(work)

beforeAll(async () => {
  useAuditKey(auditKey)
  database = await databaseForCli(dataDir, auditKey)
  const units = await withOurDatabase(async (handle) => {
    await seedBackupSlice(handle)
    before = await fingerprints(handle.db)
    // The first finance_admin (the one the CLI acts as) imports into its own jurisdiction's units.
    const finance = await handle.db.selectFrom('appUser').innerJoin('orgNode', 'orgNode.code', 'appUser.orgCode').select('orgNode.jurisdictionCode').where(sql<boolean>`'finance_admin' = any(app_user.roles)`).orderBy('orgNode.path').executeTakeFirstOrThrow()
    return (await handle.db.selectFrom('orgNode').select('code').where('kind', '=', 'unit').where('jurisdictionCode', '=', finance.jurisdictionCode).execute()).map((u) => u.code)
  })
  file = join(work, 'projects.csv')
  writeFileSync(file, importCsv(units))
}, 180_000)

afterAll(async () => {
  await database.drop()
  rmSync(work, { recursive: true, force: true })
})

describe(`a project import killed while it writes (${engine})`, () => {
  test('leaves every table as it was, the audit chain verifying, and the next start unblocked', async () => {
    // The point reached by polling: the write phase's progress at 100 %, reported inside the write transaction once
    // every project row is written and before the audit rows and the commit.
    const { signal, output } = await killCliAt(['import', 'projects', file], env(), (output) => output.includes('写入') && output.includes(`${ROWS}/${ROWS}`))
    expect(signal).toBe('SIGKILL')
    expect(output).not.toContain('已导入')
    if (!url) expect(existsSync(join(dataDir, LOCK_FILE))).toBe(true)

    // The next start opens the folder the dead process held, and the chain it extended verifies: the one row the
    // import committed before its write — the reservation of its audit segment (ADR 0017) — with the range left empty.
    const verify = await runCli(['audit', 'verify'], env())
    expect(verify.code, verify.output).toBe(0)
    expect(verify.output).toContain(`审计日志完整 audit chain intact: ${before['public.audit_log']!.rows + 1} rows`)
    const { after, reservations } = await withOurDatabase(async (handle) => ({
      after: await fingerprints(handle.db),
      reservations: await handle.db.selectFrom('auditLog').select(['action', 'after']).where('action', '=', 'audit.segment.open').execute(),
    }))
    expect(reservations).toEqual([{ action: 'audit.segment.open', after: expect.objectContaining({ for: 'project.import', fileName: 'projects.csv' }) }])
    // The audit log and its partitions, and the head, hold the reservation; every other table is as before.
    const apart = (all: Record<string, TableFingerprint>) => Object.fromEntries(Object.entries(all).filter(([name]) => !name.startsWith('public.audit_')))
    expect(after['public.audit_log']!.rows).toBe(before['public.audit_log']!.rows + 1)
    expect(after['public.project']).toEqual(before['public.project'])
    expect(apart(after)).toEqual(apart(before))
  }, 240_000)
})
