import { Readable } from 'node:stream'
import { createInflateRaw } from 'node:zlib'

/**
 * A reader for a zip file held in memory, through its central directory: each entry's data is inflated as a
 * stream on demand, in whatever order the caller wants. (Streaming zip parsers must guess entry ends from
 * local headers; the central directory states them.) Stored and deflated entries; no ZIP64, no encryption.
 */
export interface ZipEntry {
  name: string
  method: number
  compressedSize: number
  size: number
  localOffset: number
}

const EOCD = 0x06054b50
const CENTRAL = 0x02014b50
const LOCAL = 0x04034b50

export class ZipError extends Error {}

export function zipEntries(zip: Buffer): Map<string, ZipEntry> {
  const entries = new Map<string, ZipEntry>()
  // The end record is the last 22 bytes, or earlier by the length of a trailing comment (at most 65,535).
  let end = -1
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 0xffff); at--) {
    if (zip.readUInt32LE(at) === EOCD) {
      end = at
      break
    }
  }
  if (end < 0) throw new ZipError('no end of central directory')
  const count = zip.readUInt16LE(end + 10)
  let at = zip.readUInt32LE(end + 16)
  for (let i = 0; i < count; i++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== CENTRAL) throw new ZipError('broken central directory')
    const nameLength = zip.readUInt16LE(at + 28)
    const entry: ZipEntry = {
      method: zip.readUInt16LE(at + 10),
      compressedSize: zip.readUInt32LE(at + 20),
      size: zip.readUInt32LE(at + 24),
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
      localOffset: zip.readUInt32LE(at + 42),
    }
    if (entry.compressedSize === 0xffffffff || entry.localOffset === 0xffffffff) throw new ZipError('ZIP64 is not supported')
    entries.set(entry.name, entry)
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32)
  }
  return entries
}

/** The entry's uncompressed bytes as a stream of chunks. */
export function zipEntryStream(zip: Buffer, entry: ZipEntry): Readable {
  const at = entry.localOffset
  if (at + 30 > zip.length || zip.readUInt32LE(at) !== LOCAL) throw new ZipError(`broken local header of ${entry.name}`)
  const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28)
  const data = zip.subarray(start, start + entry.compressedSize)
  if (entry.method === 0) return Readable.from([data], { objectMode: false })
  if (entry.method !== 8) throw new ZipError(`unsupported compression method ${entry.method}`)
  const inflate = createInflateRaw()
  inflate.end(data)
  return inflate
}
