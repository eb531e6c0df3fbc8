import { describe, expect, test } from 'vitest'
import { createTestContext } from '../test/context.ts'
import { type AuditEntry, canonicalJson, recordAudit, recordAuditBatch } from './audit.ts'
import { appendStagedAudit, stageAudit, storedCanonicalJson } from './audit-bulk.ts'
import { verifyAuditChain } from './audit-verify.ts'

/**
 * The bulk append an import uses links and stores exactly what recordAuditBatch would: the same rows read back,
 * a chain that verifies, with other appends before and after it.
 */
const t = await createTestContext()
const at = new Date('2026-03-01T08:00:00.123Z')
const ctx = { actor: null, requestId: 'bulk-test', clientIp: '127.0.0.1', now: at, lang: 'zh' as const }

/** Values whose stored form differs from the value: dates, secrets, undefined, nesting, text COPY must escape. */
const awkward = (n: number) => ({
  name: `第${n}号项目\t含制表符\n换行 与 反斜杠 \\ 和 "引号"`,
  amount: '1234.50',
  count: n,
  flag: n % 2 === 0,
  nothing: null,
  missing: undefined,
  when: new Date(Date.UTC(2026, 0, n)),
  passwordHash: 'secret',
  nested: { z: [1, 'b', null, undefined, { y: new Date(0), a: true }], a: { tokenHash: 'x', kept: '是' } },
})

const entries = (tag: string): AuditEntry[] => [
  { action: 'test.create', entityType: 'test', entityId: `${tag}-1`, after: awkward(1) },
  { action: 'test.update', entityType: 'test', entityId: `${tag}-2`, before: awkward(2), after: awkward(3) },
  { action: 'test.note', entityType: 'test' },
  { action: 'test.login', entityType: 'session', actor: { id: null, username: 'someone', orgPath: null }, after: 'a string' },
]

const rowsOf = async (requestId: string) => {
  const rows = await t.db.selectFrom('auditLog').selectAll().where('requestId', '=', requestId).orderBy('seq').execute()
  return rows.map(({ seq: _s, prevHash: _p, hash: _h, requestId: _r, ...rest }) => rest)
}

describe('storedCanonicalJson', () => {
  test('is canonicalJson of the value as stored (JSON round trip without secrets)', () => {
    for (const value of [awkward(1), awkward(2).nested, [awkward(3)], 'text', 12.5, null, true, { d: new Date(5) }]) {
      const stored = JSON.parse(JSON.stringify(value, (k, v) => (k === 'passwordHash' || k === 'tokenHash' ? undefined : v)))
      expect(storedCanonicalJson(value)).toBe(canonicalJson(stored))
    }
  })
})

describe('a bulk append', () => {
  test('stores the rows recordAuditBatch would, and the chain verifies across it', async () => {
    await t.db.transaction().execute((trx) => recordAuditBatch(trx, { ...ctx, requestId: 'one-by-one' }, entries('a')))
    await t.db.transaction().execute(async (trx) => {
      const staged = await stageAudit(trx, { ...ctx, requestId: 'bulk' }, entries('a'))
      expect(staged.count).toBe(4)
      await appendStagedAudit(trx, staged)
    })
    await t.db.transaction().execute((trx) => recordAudit(trx, ctx, { action: 'test.after', entityType: 'test' }))
    expect(await rowsOf('bulk')).toEqual(await rowsOf('one-by-one'))
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true })
  })

  test('rolls back with its transaction, leaving the head where it was', async () => {
    const before = await t.db.selectFrom('auditHead').selectAll().executeTakeFirstOrThrow()
    await expect(
      t.db.transaction().execute(async (trx) => {
        await appendStagedAudit(trx, await stageAudit(trx, { ...ctx, requestId: 'rolled-back' }, entries('b')))
        throw new Error('the import failed after its audit')
      }),
    ).rejects.toThrow('the import failed')
    expect(await t.db.selectFrom('auditHead').selectAll().executeTakeFirstOrThrow()).toEqual(before)
    expect(await rowsOf('rolled-back')).toEqual([])
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true })
  })
})
