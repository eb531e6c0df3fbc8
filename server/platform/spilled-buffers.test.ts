import { readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { describe, expect, test } from 'vitest'
import { SpilledBuffers } from './spilled-buffers.ts'

const spillDirs = () => readdirSync(tmpdir()).filter((name) => name.startsWith('jixiao-spill-'))

describe('SpilledBuffers', () => {
  test('gives back every value in order, small and larger than a flush, Chinese intact, and leaves no file behind', () => {
    const before = spillDirs()
    const values = Array.from({ length: 20_000 }, (_, i) => `{"项目":"第${i}号","n":${i}}`)
    values.splice(7000, 0, '大'.repeat(3 * 1024 * 1024), '')
    const spilled = new SpilledBuffers()
    for (const v of values) spilled.push(v)
    expect(spilled.count).toBe(values.length)
    expect(spillDirs()).toEqual(before)
    const back = Array.from(spilled.read(), (b) => b.toString())
    spilled.close()
    expect(back.length).toBe(values.length)
    expect(back).toEqual(values)
  })
})
