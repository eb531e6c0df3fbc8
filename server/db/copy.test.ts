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
