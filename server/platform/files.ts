import { createHash } from 'node:crypto'
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
      fileName: file.fileName.slice(0, 255),
      contentType: file.contentType.slice(0, 100),
      sizeBytes: file.content.length,
      content: file.content,
      createdBy: userId,
      createdAt: now,
    })
    .returning(['id', 'sha256', 'fileName', 'contentType', 'sizeBytes', 'createdAt'])
    .executeTakeFirstOrThrow()
}

export function readFileContent(db: Db, fileId: string) {
  return db.selectFrom('storedFile').select(['fileName', 'contentType', 'content']).where('id', '=', fileId).executeTakeFirst()
}

/** RFC 5987 filename for Chinese file names in Content-Disposition. */
export function attachmentDisposition(fileName: string) {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '')
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`
}
