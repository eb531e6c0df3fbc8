import { randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gunzipSync, gzipSync } from 'node:zlib'
import { afterAll, describe, expect, test } from 'vitest'
import { databaseForCli, runCli } from '../test/cli-process.ts'
import { recordAudit, useAuditKey } from './audit.ts'
import { chinaYear, ensureYearPartitions, partitionYears } from './partitions.ts'

// The real CLI on a database of either engine; the key is this file's, passed as JIXIAO_AUDIT_KEY.
const key = randomBytes(32)
const dir = mkdtempSync(join(tmpdir(), 'jixiao-partitions-cli-'))
const database = await databaseForCli(join(dir, 'data'), key)
afterAll(async () => {
  await database.drop()
  rmSync(dir, { recursive: true, force: true })
})

describe('jixiao partitions and jixiao audit archive', () => {
  test('partitions ensure makes this year’s and the next N years’ partitions', { timeout: 120_000 }, async () => {
    const run = await runCli(['partitions', 'ensure', '--years-ahead', '3', '--since', '2024'], database.env())
    expect(run.output).toContain('年度分区已就绪')
    expect(run.code).toBe(0)
    const current = chinaYear(new Date())
    await database.open(async ({ db }) => {
      for (const table of ['execution_payment', 'monitoring_form_indicator', 'audit_log']) expect(await partitionYears(db, table)).toEqual(expect.arrayContaining([2024, 2025, current, current + 1, current + 2, current + 3]))
    })
    expect((await runCli(['partitions', 'ensure', '--years-ahead', 'x'], database.env())).code).toBe(2)
  })

  test('archive refuses a year inside its online days, archives the oldest year; verify passes on the live chain and the file, fails on a changed file naming the seq', { timeout: 240_000 }, async () => {
    useAuditKey(key)
    await database.open(async ({ db }) => {
      await ensureYearPartitions(db, [2024])
      for (const [n, at] of ['2024-03-01T10:00:00+08:00', '2024-05-01T10:00:00+08:00', '2024-09-01T10:00:00+08:00', '2026-02-01T10:00:00+08:00'].entries()) {
        await db.transaction().execute((trx) => recordAudit(trx, { actor: null, requestId: `cli-${n}`, clientIp: 'local', now: new Date(at), lang: 'zh' }, { action: 'test.note', entityType: 'test', entityId: String(n) }))
      }
    })
    const file = join(dir, 'audit-2024.ndjson.gz')
    const early = await runCli(['audit', 'archive', '--year', '2024', file], { ...database.env(), JIXIAO_AUDIT_ONLINE_DAYS: '100000' })
    expect(early.code).toBe(2)
    expect(early.output).toContain('审计日志须在线保存至少 100000 天')

    const archived = await runCli(['audit', 'archive', '--year', '2024', file], database.env())
    expect(archived.output).toContain('已归档 archived 2024: seq 1–3, 3 rows')
    expect(archived.code).toBe(0)
    const live = await runCli(['audit', 'verify'], database.env())
    expect(live.output).toMatch(/audit chain intact: 2 rows \(seq ≤ 3 archived\)/)
    expect(live.code).toBe(0)
    const fromFile = await runCli(['audit', 'verify', '--archive', file], database.env())
    expect(fromFile.output).toContain('audit archive intact: 2024, seq 1–3, 3 rows, matches the archive recorded in the database')
    expect(fromFile.code).toBe(0)

    const lines = gunzipSync(readFileSync(file)).toString('utf8').trimEnd().split('\n')
    lines[2] = JSON.stringify({ ...JSON.parse(lines[2]!), after: { forged: true } })
    const tampered = join(dir, 'tampered.ndjson.gz')
    writeFileSync(tampered, gzipSync(`${lines.join('\n')}\n`))
    const broken = await runCli(['audit', 'verify', '--archive', tampered], database.env())
    expect(broken.output).toContain('audit archive BROKEN at seq 2: row content altered')
    expect(broken.code).toBe(1)
  })
})
