import type { FastifyRequest } from 'fastify'
import { canMove } from '../../../domain/corrective-actions.ts'
import type { Db } from '../../db/database.ts'
import type { ActorCtx } from '../../http/context.ts'
import { AppError } from '../../http/errors.ts'
import { recordAudit } from '../../platform/audit.ts'
import { receiveAttachment } from '../../platform/attachment-upload.ts'
import { storeFile } from '../../platform/files.ts'
import * as repo from './actions.repository.ts'

/**
 * A file for the answer (整改方案, 情况说明…): stored and entered in the action's history at once, so it is never
 * an orphan; the answer then names the files it rests on. Only the side that answers uploads, while it may answer.
 */
export async function attachFileToAction(db: Db, ctx: ActorCtx, id: string, req: FastifyRequest, maxBytes: number) {
  const action = await repo.findVisibleAction(db, ctx.actor, id)
  if (!action) throw new AppError('NOT_FOUND')
  if (ctx.actor.org.code === action.issuerOrgCode) throw new AppError('FORBIDDEN')
  if (!canMove('respond', action)) throw new AppError('INVALID_TRANSITION', { from: action.status }, { zh: '措施已答复或已办结，不能再上传附件', en: 'The measure is answered or closed; no more files' })
  const file = await receiveAttachment(req, ctx.lang, maxBytes)
  return db.transaction().execute(async (trx) => {
    const stored = await storeFile(trx, { fileName: file.fileName, contentType: file.contentType, content: file.content }, ctx.actor.userId, ctx.now)
    await repo.insertEvent(trx, { actionId: id, event: 'update', note: stored.fileName, attachmentIds: [stored.id], actorId: ctx.actor.userId, createdAt: ctx.now })
    const view = { id: stored.id, fileName: stored.fileName, contentType: stored.contentType, sizeBytes: stored.sizeBytes, sha256: stored.sha256 }
    await recordAudit(trx, ctx, { action: 'corrective_action.attach', entityType: 'corrective_action', entityId: id, after: view })
    return view
  })
}
