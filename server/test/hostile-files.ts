import { constants, deflateRawSync } from 'node:zlib'

/**
 * Crafted files for the read-limit tests, made at test time (nothing big is committed): zips whose parts inflate
 * to hundreds of MB from a few kB, and zips whose headers lie about the sizes.
 */

export interface Packed {
  /** Raw deflate data. */
  data: Buffer
  /** What it really inflates to. */
  size: number
}

const MB = 1024 * 1024

/** Text deflated on its own. */
export function deflated(text: string): Packed {
  const bytes = Buffer.from(text)
  return { data: deflateRawSync(bytes), size: bytes.length }
}

/**
 * head + unit repeated to about `bytes` + tail, deflated in a few kB: one MB of units is compressed once, ending
 * with a full flush (byte-aligned, no back-references across it), so its compressed bytes can simply be repeated.
 */
export function deflatedRepeat(head: string, unit: string, bytes: number, tail: string): Packed {
  const block = Buffer.from(unit.repeat(Math.floor(MB / unit.length)))
  const times = Math.ceil(bytes / block.length)
  const flushed = (b: Buffer) => deflateRawSync(b, { finishFlush: constants.Z_FULL_FLUSH })
  const segment = flushed(block)
  const headBytes = Buffer.from(head)
  const tailBytes = Buffer.from(tail)
  const data = Buffer.concat([flushed(headBytes), ...Array.from({ length: times }, () => segment), deflateRawSync(tailBytes)])
  return { data, size: headBytes.length + block.length * times + tailBytes.length }
}

export interface ZipSpec {
  name: string
  packed: Packed
  /** The uncompressed size the headers claim; the real one when left out. */
  declaredSize?: number
}

/** A zip of deflated parts (CRCs left 0: no reader of ours checks them). */
export function zipOf(parts: ZipSpec[]): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const part of parts) {
    const name = Buffer.from(part.name)
    const size = part.declaredSize ?? part.packed.size
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(0x800, 6)
    local.writeUInt16LE(8, 8)
    local.writeUInt32LE(part.packed.data.length, 18)
    local.writeUInt32LE(size, 22)
    local.writeUInt16LE(name.length, 26)
    // The central record repeats the local header's fields (version … name length) two bytes further on.
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    local.copy(central, 6, 4, 30)
    central.writeUInt32LE(offset, 42)
    locals.push(local, name, part.packed.data)
    centrals.push(central, name)
    offset += local.length + name.length + part.packed.data.length
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(parts.length, 8)
  end.writeUInt16LE(parts.length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, directory, end])
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'

export const sheetHead = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${MAIN}"><sheetData>`
export const sheetTail = '</sheetData></worksheet>'
export const sharedHead = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="${MAIN}">`
export const sharedTail = '</sst>'

/** An inline-string row, as a hand-written sheet holds it. */
export const textRow = (n: number, texts: string[]) =>
  `<row r="${n}">${texts.map((t, i) => `<c r="${String.fromCharCode(65 + i)}${n}" t="inlineStr"><is><t>${t}</t></is></c>`).join('')}</row>`

/** A minimal .xlsx with one sheet (and shared strings when given) — the parts our reader needs and no more. */
export function xlsxOf(sheet: ZipSpec['packed'] | ZipSpec, sharedStrings?: ZipSpec['packed'] | ZipSpec): Buffer {
  const spec = (name: string, p: Packed | ZipSpec): ZipSpec => ('packed' in p ? { ...p, name } : { name, packed: p })
  return zipOf([
    { name: 'xl/workbook.xml', packed: deflated(`<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`) },
    {
      name: 'xl/_rels/workbook.xml.rels',
      packed: deflated(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`),
    },
    ...(sharedStrings ? [spec('xl/sharedStrings.xml', sharedStrings)] : []),
    spec('xl/worksheets/sheet1.xml', sheet),
  ])
}
