import type { FastifyRequest } from 'fastify'
import type { Db } from '../../db/database.ts'
import type { ActorCtx } from '../../http/context.ts'
import { AppError } from '../../http/errors.ts'
import { recordAudit } from '../../platform/audit.ts'
import { receiveAttachment } from '../../platform/attachment-upload.ts'
import { storeFile } from '../../platform/files.ts'
import * as repo from './rectifications.repository.ts'

/**
 * A piece of evidence (整改佐证材料): stored and linked to the item at once, so it is never an orphan. The owner's
 * side uploads it while the item is open (before answering, or after a return).
 */
export async function attachEvidence(db: Db, ctx: ActorCtx, id: string, req: FastifyRequest, maxBytes: number) {
  const row = await repo.findVisibleRectification(db, ctx.actor, id)
  if (!row) throw new AppError('NOT_FOUND')
  if (row.status !== 'open') throw new AppError('INVALID_TRANSITION', { from: row.status }, { zh: '整改事项已答复或已销号，不能再上传佐证材料', en: 'The item is answered or closed; no more evidence' })
  const file = await receiveAttachment(req, ctx.lang, maxBytes)
  // The owner's side answers: a unit or a department, never a bureau (its users hold no results.respond).
  if (ctx.actor.org.kind === 'jurisdiction') throw new AppError('FORBIDDEN')
  return db.transaction().execute(async (trx) => {
    const stored = await storeFile(trx, { fileName: file.fileName, contentType: file.contentType, content: file.content }, ctx.actor.userId, ctx.now)
    const link = await trx.insertInto('rectificationEvidence').values({ rectificationId: id, fileId: stored.id, uploadedBy: ctx.actor.userId, uploadedAt: ctx.now }).returning('id').executeTakeFirstOrThrow()
    const view = { id: link.id, fileId: stored.id, fileName: stored.fileName, contentType: stored.contentType, sizeBytes: stored.sizeBytes, sha256: stored.sha256 }
    await recordAudit(trx, ctx, { action: 'rectification.evidence', entityType: 'rectification', entityId: id, after: view })
    return view
  })
}

/** The stored file of one piece of evidence of the item, if it is one. */
export async function evidenceFile(db: Db, rectificationId: string, evidenceId: string) {
  return db.selectFrom('rectificationEvidence').select('fileId').where('rectificationId', '=', rectificationId).where('id', '=', evidenceId).executeTakeFirst()
}
