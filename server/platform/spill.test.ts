import { existsSync } from 'node:fs'
import { dirname } from 'node:path'
import { expect, test } from 'vitest'
import { JsonSpill } from './spill.ts'

test('values come back in order, as often as read — lines split across the 1 MB pieces, Chinese text and dates included', async () => {
  const spill = new JsonSpill<{ n: number; text: string; at: Date | string }>()
  const at = new Date('2026-12-07T08:00:00.000Z')
  // ~3 MB of lines whose lengths vary, so many lines straddle a piece boundary (and a multi-byte character with them).
  const values = Array.from({ length: 20_000 }, (_, n) => ({ n, text: `项目${'预算绩效'.repeat(n % 37)}\n"引号"\\`, at }))
  for (const v of values) await spill.write(v)
  for (let pass = 0; pass < 2; pass++) {
    let i = 0
    for await (const v of spill.read()) {
      expect(v).toEqual({ ...values[i], at: at.toISOString() })
      i += 1
    }
    expect(i).toBe(values.length)
  }
  const file = spill.location!
  expect(existsSync(file)).toBe(true)
  await spill.remove()
  expect(existsSync(file)).toBe(false)
  expect(existsSync(dirname(file))).toBe(false)
})

test('an empty spill reads as nothing and makes no file', async () => {
  const spill = new JsonSpill<number>()
  const read: number[] = []
  for await (const v of spill.read()) read.push(v)
  expect(read).toEqual([])
  expect(spill.location).toBeNull()
  await spill.remove()
})

test('a disk failure is thrown by the next write or read, not left to crash the process', async () => {
  const spill = new JsonSpill<number>()
  await spill.write(1)
  // What a full disk does to the stream: an 'error' event, with nobody waiting on the stream at that moment.
  spill['out']!.emit('error', Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }))
  await expect(spill.write(2)).rejects.toMatchObject({ code: 'ENOSPC' })
  await expect(spill.read().next()).rejects.toMatchObject({ code: 'ENOSPC' })
  await spill.remove()
})

test('a temporary directory that cannot be written to fails the first write with its error', async () => {
  const before = process.env.TMPDIR
  process.env.TMPDIR = '/proc/version' // a file, not a directory
  try {
    await expect(new JsonSpill<number>().write(1)).rejects.toMatchObject({ code: 'ENOTDIR' })
  } finally {
    if (before === undefined) delete process.env.TMPDIR
    else process.env.TMPDIR = before
  }
})
