import yauzl from 'yauzl'
import { AppError } from '../http/errors.ts'
import { RATIO_GRACE_BYTES, type ReadBudget, tooLarge } from './read-limits.ts'
import { decodeUtf8OrGb18030 } from './text-decoding.ts'

/**
 * Zip files held in memory (.xlsx, .docx), read with yauzl (ADR 0006): the central directory states each part,
 * parts are inflated as streams on demand in whatever order the caller wants, and yauzl fails a part the moment it
 * inflates to more than it declared — so the declared sizes, checked against the read limits before anything is
 * parsed, bound what is really unpacked. Part names are decoded UTF-8 or, from Chinese zip tools that do not set
 * the UTF-8 flag, GB18030.
 */
export interface ZipPart {
  name: string
  /** Uncompressed size as declared; the part is refused if it really inflates to more. */
  size: number
  compressedSize: number
  entry: yauzl.Entry
}

export interface ZipArchive {
  parts: Map<string, ZipPart>
  /** The part's uncompressed bytes as they inflate, each chunk charged to the budget. */
  read(part: ZipPart): AsyncIterable<Buffer>
}

/** Not a zip file, or one we cannot read (encrypted, an unknown compression method, a broken structure). */
export class ZipError extends Error {}

const UTF8_FLAG = 0x800

function partName(entry: yauzl.Entry): string {
  const raw = entry.fileNameRaw
  return entry.generalPurposeBitFlag & UTF8_FLAG ? raw.toString('utf8') : decodeUtf8OrGb18030(raw)
}

/** Lists the parts of a zip, refusing before any inflation a file whose declared sizes break the limits. */
export async function openZip(content: Buffer, budget: ReadBudget): Promise<ZipArchive> {
  const { maxEntries, maxUnpackedBytes, maxCompressionRatio } = budget.limits
  let zip: yauzl.ZipFile
  try {
    zip = await yauzl.fromBufferPromise(content, { decodeStrings: false, validateEntrySizes: true, strictFileNames: false })
  } catch (error) {
    throw new ZipError(String(error))
  }
  if (zip.entryCount > maxEntries) {
    throw tooLarge('maxEntries', maxEntries, `文件包含超过 ${maxEntries} 个部件，不是正常的 Excel 文件`, `The file holds more than ${maxEntries} parts, which no normal workbook does`)
  }
  const parts = new Map<string, ZipPart>()
  let declared = 0
  try {
    for await (const entry of zip.eachEntry()) {
      const part: ZipPart = { name: partName(entry), size: entry.uncompressedSize, compressedSize: entry.compressedSize, entry }
      declared += part.size
      if (declared > maxUnpackedBytes) throw budget.unpackedTooLarge()
      if (part.size > RATIO_GRACE_BYTES && part.size > maxCompressionRatio * Math.max(1, part.compressedSize)) {
        throw tooLarge('maxCompressionRatio', maxCompressionRatio, `文件压缩比超过 ${maxCompressionRatio} 倍，不是正常的 Excel 文件`, `The file is compressed more than ${maxCompressionRatio}:1, which no normal workbook is`)
      }
      parts.set(part.name, part)
    }
  } catch (error) {
    if (error instanceof AppError) throw error
    throw new ZipError(String(error))
  }
  return { parts, read: (part) => readPart(zip, part, budget) }
}

async function* readPart(zip: yauzl.ZipFile, part: ZipPart, budget: ReadBudget): AsyncGenerator<Buffer> {
  let stream: AsyncIterable<Buffer>
  try {
    stream = await zip.openReadStreamPromise(part.entry)
  } catch (error) {
    throw new ZipError(`${part.name}: ${String(error)}`)
  }
  try {
    for await (const chunk of stream) {
      budget.chargeUnpacked(chunk.length)
      yield chunk
    }
  } catch (error) {
    if (error instanceof AppError) throw error
    // yauzl's size check: the part inflates to more than its header says (a crafted file lying about its size).
    if (/too many bytes/.test(String(error))) {
      throw tooLarge('declaredSize', part.size, `文件中的“${part.name}”解压后超过其声明的大小，文件已损坏或被篡改`, `The part ${part.name} unpacks to more than it declares; the file is damaged or crafted`)
    }
    throw new ZipError(`${part.name}: ${String(error)}`)
  }
}

/** A whole (small) part of a zip, e.g. a .docx's word/document.xml in a test. */
export async function readZipPart(content: Buffer, name: string, budget: ReadBudget): Promise<Buffer | null> {
  const zip = await openZip(content, budget)
  const part = zip.parts.get(name)
  if (!part) return null
  const chunks: Buffer[] = []
  for await (const chunk of zip.read(part)) chunks.push(chunk)
  return Buffer.concat(chunks)
}
