import { describe, expect, test } from 'vitest'
import { CsvParser, decodeCsv, decodeCsvChunks, parseCsv } from './csv.ts'

/** The streaming CSV reader: whatever the pieces, the same records as the whole text; encodings across pieces. */
const sample = 'a,"b,c","say ""hi"""\r\n"two\nlines",,x\r\n中文,"引号""内",末\nlast,row'

function inPieces(text: string, cuts: number[]) {
  const parser = new CsvParser()
  const records = []
  let at = 0
  for (const cut of [...cuts, text.length]) {
    records.push(...parser.push(text.slice(at, cut)))
    at = cut
  }
  records.push(...parser.end())
  return records.map((r) => [r.number, r.fields])
}

async function collect(chunks: Buffer[]) {
  let text = ''
  for await (const piece of decodeCsvChunks((async function* () { yield* chunks })())) text += piece
  return text
}

describe('CsvParser', () => {
  test('every split of the text gives the records of the whole (quotes, CRLF and "" across the cut)', () => {
    const whole = [...parseCsv(sample)].map((r) => [r.number, r.fields])
    expect(whole).toEqual([
      [1, ['a', 'b,c', 'say "hi"']],
      [2, ['two\nlines', '', 'x']],
      [3, ['中文', '引号"内', '末']],
      [4, ['last', 'row']],
    ])
    for (let cut = 1; cut < sample.length; cut++) expect(inPieces(sample, [cut])).toEqual(whole)
    expect(inPieces(sample, Array.from({ length: sample.length - 1 }, (_, i) => i + 1))).toEqual(whole)
  })

  test('a field that runs past the text-run limit is refused, not gathered', () => {
    const parser = new CsvParser()
    expect(() => {
      for (let i = 0; i < 40; i++) parser.push('A'.repeat(10_000))
    }).toThrow(expect.objectContaining({ code: 'IMPORT_LIMIT_EXCEEDED' }))
  })
})

describe('decodeCsvChunks', () => {
  test('UTF-8 with a character split between pieces, and a BOM', async () => {
    const bytes = Buffer.from('\ufeff项目编码,金额\n中文,1', 'utf8')
    for (let cut = 1; cut < bytes.length; cut++) expect(await collect([bytes.subarray(0, cut), bytes.subarray(cut)])).toBe('项目编码,金额\n中文,1')
  })

  test('GB18030 from Chinese Windows, split anywhere', async () => {
    const gbk = Buffer.from([0xd6, 0xd0, 0xce, 0xc4, 0x2c, 0x41])
    expect(decodeCsv(gbk)).toBe('中文,A')
    for (let cut = 1; cut < gbk.length; cut++) expect(await collect([gbk.subarray(0, cut), gbk.subarray(cut)])).toBe('中文,A')
  })

  test('a file that starts as UTF-8 and turns invalid past the sniffed head is refused (415), never "�"', async () => {
    const head = Buffer.from('项目编码,金额\n'.repeat(10_000), 'utf8')
    await expect(collect([head, Buffer.from([0xd6, 0xd0, 0x0a])])).rejects.toMatchObject({ code: 'UNSUPPORTED_FILE' })
  })
})
