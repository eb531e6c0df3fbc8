import { describe, expect, it } from 'vitest'
import { en } from './en'
import { zhCN } from './zh-CN'

/** Flattens nested messages to [dotted key, text] pairs. */
function entriesOf(messages: object, prefix = ''): [string, string][] {
  return Object.entries(messages).flatMap(([key, value]): [string, string][] =>
    typeof value === 'string' ? [[prefix + key, value]] : entriesOf(value as object, `${prefix}${key}.`),
  )
}

const placeholdersOf = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort()

describe('locales', () => {
  const zh = new Map(entriesOf(zhCN))
  const english = new Map(entriesOf(en))

  it('zh-CN and en have the same keys', () => {
    expect([...english.keys()].sort()).toEqual([...zh.keys()].sort())
  })

  it('every message uses the same {{placeholders}} in both languages', () => {
    for (const [key, text] of zh) {
      expect(placeholdersOf(english.get(key) ?? ''), key).toEqual(placeholdersOf(text))
    }
  })

  it('has no empty message', () => {
    for (const [key, text] of [...zh, ...english]) expect(text.trim(), key).not.toBe('')
  })
})
