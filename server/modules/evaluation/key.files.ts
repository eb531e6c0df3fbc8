import type { FastifyRequest } from 'fastify'
import type { Db } from '../../db/database.ts'
import type { ActorCtx } from '../../http/context.ts'
import { AppError } from '../../http/errors.ts'
import { recordAudit } from '../../platform/audit.ts'
import { receiveAttachment } from '../../platform/attachment-upload.ts'
import { storeFile } from '../../platform/files.ts'
import { assertEditable, lockForManage } from './key.service.ts'

/** Evidence for one indicator (资料, 现场照片, 访谈记录…), stored and linked to its line at once, never an orphan. */
export async function attachEvidence(db: Db, ctx: ActorCtx, id: string, lineId: string, req: FastifyRequest, maxBytes: number) {
  const file = await receiveAttachment(req, ctx.lang, maxBytes)
  const note = file.text('note').slice(0, 500)
  return db.transaction().execute(async (trx) => {
    const row = await lockForManage(trx, ctx, id)
    assertEditable(ctx, row, 'evidence')
    const line = await trx.selectFrom('keyEvaluationLine').select('id').where('id', '=', lineId).where('keyEvaluationId', '=', id).executeTakeFirst()
    if (!line) throw new AppError('NOT_FOUND')
    const stored = await storeFile(trx, { fileName: file.fileName, contentType: file.contentType, content: file.content }, ctx.actor.userId, ctx.now)
    const evidence = await trx.insertInto('keyEvaluationEvidence').values({ keyEvaluationId: id, lineId, fileId: stored.id, note, createdBy: ctx.actor.userId, createdAt: ctx.now }).returning('id').executeTakeFirstOrThrow()
    const view = { id: evidence.id, lineId, fileId: stored.id, fileName: stored.fileName, sizeBytes: stored.sizeBytes, sha256: stored.sha256, note }
    await recordAudit(trx, ctx, { action: 'key_evaluation.evidence', entityType: 'key_evaluation', entityId: id, after: view })
    return view
  })
}
