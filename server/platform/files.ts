import { createHash } from 'node:crypto'
import type { Readable } from 'node:stream'
import type { FastifyReply } from 'fastify'
import type { Db, Trx } from '../db/database.ts'

export interface IncomingFile {
  fileName: string
  contentType: string
  content: Buffer
}

/**
 * Files live in the database (bytea), so app nodes stay stateless and a backup of the database is a backup of
 * everything. Attachments are documents (reports, plans), not media: the upload limit keeps them small.
 */
export async function storeFile(trx: Trx, file: IncomingFile, userId: string | null, now: Date) {
  return trx
    .insertInto('storedFile')
    .values({
      sha256: createHash('sha256').update(file.content).digest('hex'),
      fileName: cleanFileName(file.fileName),
      contentType: safeContentType(file.contentType),
      sizeBytes: file.content.length,
      content: file.content,
      createdBy: userId,
      createdAt: now,
    })
    .returning(['id', 'sha256', 'fileName', 'contentType', 'sizeBytes', 'createdAt'])
    .executeTakeFirstOrThrow()
}

/** A stored file whole (attachments, downloads). A chunked one is put back together: read large ones with storedFileChunks. */
export async function readFileContent(db: Db | Trx, fileId: string) {
  const file = await db.selectFrom('storedFile').select(['fileName', 'contentType', 'content', 'chunkCount']).where('id', '=', fileId).executeTakeFirst()
  if (!file) return undefined
  if (file.chunkCount === 0) return { fileName: file.fileName, contentType: file.contentType, content: file.content }
  const parts: Buffer[] = []
  for await (const chunk of storedFileChunks(db, fileId)) parts.push(chunk)
  return { fileName: file.fileName, contentType: file.contentType, content: Buffer.concat(parts) }
}

/** Pieces of a large upload as stored: small enough to insert and read one at a time. */
export const FILE_CHUNK_BYTES = 1024 * 1024

/**
 * Stores a file as it arrives (an upload stream, a file on disk), FILE_CHUNK_BYTES at a time, so neither the upload
 * nor a later reader holds it whole. `maxBytes` refuses a stream that runs on (the caller's error, thrown inside
 * its transaction, so nothing stays behind).
 */
export async function storeFileChunks(
  trx: Trx,
  file: { fileName: string; contentType: string },
  chunks: AsyncIterable<Buffer | Uint8Array>,
  userId: string | null,
  now: Date,
  limit?: { maxBytes: number; refuse: () => Error },
) {
  const row = await trx
    .insertInto('storedFile')
    .values({ sha256: '', fileName: cleanFileName(file.fileName), contentType: safeContentType(file.contentType), sizeBytes: 0, content: new Uint8Array(0), createdBy: userId, createdAt: now })
    .returning('id')
    .executeTakeFirstOrThrow()
  const hash = createHash('sha256')
  let size = 0
  let seq = 0
  let pending: Buffer[] = []
  let pendingBytes = 0
  const flush = async (all: boolean) => {
    while (pendingBytes >= FILE_CHUNK_BYTES || (all && pendingBytes > 0)) {
      const joined = Buffer.concat(pending)
      const data = joined.subarray(0, FILE_CHUNK_BYTES)
      const rest = joined.subarray(data.length)
      await trx.insertInto('storedFileChunk').values({ fileId: row.id, seq: seq++, data }).execute()
      pending = rest.length ? [Buffer.from(rest)] : []
      pendingBytes = rest.length
    }
  }
  for await (const chunk of chunks) {
    size += chunk.length
    if (limit && size > limit.maxBytes) throw limit.refuse()
    hash.update(chunk)
    pending.push(Buffer.from(chunk))
    pendingBytes += chunk.length
    await flush(false)
  }
  await flush(true)
  return trx
    .updateTable('storedFile')
    .set({ sha256: hash.digest('hex'), sizeBytes: size, chunkCount: seq })
    .where('id', '=', row.id)
    .returning(['id', 'sha256', 'fileName', 'contentType', 'sizeBytes', 'createdAt'])
    .executeTakeFirstOrThrow()
}

/** A stored file's bytes piece by piece (one query per piece), whichever way it was stored. */
export async function* storedFileChunks(db: Db | Trx, fileId: string): AsyncGenerator<Buffer> {
  const file = await db.selectFrom('storedFile').select(['chunkCount', (eb) => eb.case().when('chunkCount', '=', 0).then(eb.ref('content')).else(null).end().as('content')]).where('id', '=', fileId).executeTakeFirst()
  if (!file) return
  if (file.chunkCount === 0) {
    if (file.content) yield Buffer.from(file.content)
    return
  }
  for (let seq = 0; seq < file.chunkCount; seq++) {
    const chunk = await db.selectFrom('storedFileChunk').select('data').where('fileId', '=', fileId).where('seq', '=', seq).executeTakeFirstOrThrow()
    yield Buffer.from(chunk.data)
  }
}

/** A stored file's name, size and first bytes (enough to tell its kind), without its content. */
export async function storedFileHead(db: Db | Trx, fileId: string) {
  const file = await db.selectFrom('storedFile').select(['fileName', 'contentType', 'sizeBytes']).where('id', '=', fileId).executeTakeFirst()
  if (!file) return undefined
  const first = await storedFileChunks(db, fileId).next()
  return { ...file, head: first.done ? Buffer.alloc(0) : first.value.subarray(0, 8192) }
}

/**
 * Types a browser may be given back. Anything else — text/html, image/svg+xml, scripts — is served as
 * application/octet-stream, so an uploaded page can never run in our origin (issue 10, point 8).
 */
const SAFE_TYPES = new Set([
  'application/pdf',
  'application/msword',
  'application/vnd.ms-excel',
  'application/vnd.ms-powerpoint',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/vnd.oasis.opendocument.presentation',
  'application/zip',
  'application/x-zip-compressed',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'image/bmp',
  'image/tiff',
  'text/plain',
  'text/csv',
])

/** The declared type if it is on the allow-list (parameters dropped), else application/octet-stream. */
export function safeContentType(declared: string | undefined): string {
  const type = (declared ?? '').split(';')[0]!.trim().toLowerCase()
  return SAFE_TYPES.has(type) ? type : 'application/octet-stream'
}

/**
 * Bidirectional controls (U+202A–202E, U+2066–2069, U+200E/F, U+061C) make "evil[U+202E]fdp.exe" show as "evilexe.pdf";
 * control characters and path separators have no place in a name either.
 */
const UNSAFE_NAME_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g

/** A file name safe to store and to offer for download: no bidi or control characters, no paths, ≤ 255 characters. */
export function cleanFileName(name: string): string {
  const cleaned = name.normalize('NFC').replace(UNSAFE_NAME_CHARACTERS, '').replace(/[\\/]/g, '_').trim()
  return Array.from(cleaned).slice(0, 255).join('') || 'file'
}

/** RFC 6266 / RFC 5987: an ASCII fallback and the UTF-8 name (Chinese names) as filename*. */
export function attachmentDisposition(fileName: string) {
  const name = cleanFileName(fileName)
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '')
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`
}

/** Every file the server hands out goes through here: as an attachment, of a safe type, never sniffed. */
export function sendDownload(reply: FastifyReply, file: { fileName: string; contentType: string; content: Buffer | Readable }) {
  return reply
    .header('content-type', safeContentType(file.contentType))
    .header('content-disposition', attachmentDisposition(file.fileName))
    .header('x-content-type-options', 'nosniff')
    .send(file.content)
}
