import { inflateSync } from 'node:zlib'

/**
 * A PDF's text as a reader sees it, for the PDFs our renderer (pdfkit) writes: each text object's glyph codes mapped
 * through its font's ToUnicode table, one line per text object. Enough for a test to ask what a page says.
 */
export function pdfText(pdf: Buffer): string {
  const source = pdf.toString('latin1')
  const stream = (id: string) => {
    const head = new RegExp(`(?:^|\\n)${id} 0 obj\\s*<<[^]*?>>\\s*stream\\r?\\n`).exec(source)
    if (!head) return ''
    const start = head.index + head[0].length
    return inflateSync(pdf.subarray(start, source.indexOf('endstream', start))).toString('latin1')
  }
  const dictionary = (id: string) => new RegExp(`(?:^|\\n)${id} 0 obj\\s*(<<[^]*?>>)\\s*(?:stream|endobj)`).exec(source)?.[1] ?? ''
  const maps = new Map<string, Map<number, string>>()
  const mapOf = (fontId: string) => {
    let map = maps.get(fontId)
    if (map) return map
    map = new Map()
    const cmap = stream(/\/ToUnicode (\d+) 0 R/.exec(dictionary(fontId))?.[1] ?? '')
    const hex = (h: string) => parseInt(h, 16)
    const char = (h: string) => String.fromCharCode(...h.match(/.{4}/g)!.map(hex))
    for (const [, lo, hi, targets] of cmap.matchAll(/<([0-9a-f]+)> <([0-9a-f]+)> \[([^\]]*)\]/gi)) {
      const list = [...targets!.matchAll(/<([0-9a-f]+)>/gi)].map((m) => char(m[1]!))
      for (let code = hex(lo!); code <= hex(hi!); code++) map.set(code, list[code - hex(lo!)] ?? '')
    }
    for (const [, code, target] of cmap.matchAll(/^<([0-9a-f]+)> <([0-9a-f]+)>$/gim)) map.set(hex(code!), char(target!))
    maps.set(fontId, map)
    return map
  }
  const lines: string[] = []
  for (const [, contentsId, resourcesId] of source.matchAll(/\/Type \/Page\n[^]*?\/Contents (\d+) 0 R\n\/Resources (\d+) 0 R/g)) {
    const fonts = new Map([...dictionary(resourcesId!).matchAll(/\/(F\d+) (\d+) 0 R/g)].map((m) => [m[1]!, m[2]!]))
    for (const [, block] of stream(contentsId!).matchAll(/BT([^]*?)ET/g)) {
      const font = /\/(F\d+) [\d.]+ Tf/.exec(block!)?.[1]
      const map = mapOf(fonts.get(font ?? '') ?? '')
      const codes = [...block!.matchAll(/<([0-9a-f]+)>/gi)].flatMap((m) => m[1]!.match(/.{4}/g) ?? [])
      lines.push(codes.map((c) => map.get(parseInt(c, 16)) ?? '').join(''))
    }
  }
  return lines.join('\n')
}
