import { sql } from 'kysely'
import { describe, expect, test } from 'vitest'
import { createTestContext } from '../test/context.ts'
import { copyChunks, copyRows } from './copy.ts'

/** COPY inside a Kysely transaction, on the engine under test: values come back as they went in, or not at all. */
const t = await createTestContext()

const awkward = ['plain', '', 'tab\there', 'line\nbreak\r\n', 'back\\slash \\N', '逗号, "引号"', '\\.']

describe('copyRows', () => {
  test('loads text, empty strings, nulls, numbers and booleans exactly, in the caller’s transaction', async () => {
    const rows = await t.db.transaction().execute(async (trx) => {
      await sql`create temp table copy_test (n integer, s text, b boolean) on commit drop`.execute(trx)
      const values = [...awkward.map((s, n) => [n, s, n % 2 === 0] as const), [99, null, null] as const]
      expect(await copyRows(trx, 'copy_test', ['n', 's', 'b'], copyChunks(values, 3))).toBe(values.length)
      return (await sql<{ n: number; s: string | null; b: boolean | null }>`select n, s, b from copy_test order by n`.execute(trx)).rows
    })
    expect(rows).toEqual([...awkward.map((s, n) => ({ n, s, b: n % 2 === 0 })), { n: 99, s: null, b: null }])
  })

  test('a load of many megabytes whose pieces split lines anywhere arrives whole and counted (PGlite takes it in several COPYs)', async () => {
    const rows = 120_000
    const text = Array.from({ length: rows }, (_, n) => `${n}\t${'预算绩效管理'.repeat(n % 25)}第${n}行\n`).join('')
    expect(text.length).toBeGreaterThan(9 * 1024 * 1024) // over the 8 M characters PGlite takes at once
    // Pieces of odd sizes: most end inside a line, some inside a character's neighbourhood.
    const pieces = async function* () {
      for (let at = 0, size = 1; at < text.length; at += size, size = (size * 7919) % 400_009 + 1) yield text.slice(at, at + size)
    }
    const loaded = await t.db.transaction().execute(async (trx) => {
      await sql`create temp table copy_big (n integer primary key, s text) on commit drop`.execute(trx)
      expect(await copyRows(trx, 'copy_big', ['n', 's'], pieces())).toBe(rows)
      return (await sql<{ n: number; last: string }>`select count(*)::int as n, (select s from copy_big where n = ${rows - 1}) as last from copy_big`.execute(trx)).rows[0]!
    })
    expect(loaded).toEqual({ n: rows, last: `${'预算绩效管理'.repeat((rows - 1) % 25)}第${rows - 1}行` })
  })

  test('a failing COPY rolls its transaction back', async () => {
    await sql`create table copy_test_kept (n integer primary key)`.execute(t.db)
    await expect(
      t.db.transaction().execute(async (trx) => {
        await sql`insert into copy_test_kept values (1)`.execute(trx)
        await copyRows(trx, 'copy_test_kept', ['n'], copyChunks([[2], [2]]))
      }),
    ).rejects.toMatchObject({ code: '23505' })
    expect((await sql<{ n: number }>`select count(*)::int as n from copy_test_kept`.execute(t.db)).rows[0]!.n).toBe(0)
  })
})
