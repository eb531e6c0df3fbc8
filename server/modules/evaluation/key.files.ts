import type { FastifyRequest } from 'fastify'
import type { Db } from '../../db/database.ts'
import type { ActorCtx } from '../../http/context.ts'
import { AppError } from '../../http/errors.ts'
import { recordAudit } from '../../platform/audit.ts'
import { storeFile } from '../../platform/files.ts'
import { assertEditable, lockForManage } from './key.service.ts'

/** Evidence for one indicator (资料, 现场照片, 访谈记录…), stored and linked to its line at once, never an orphan. */
export async function attachEvidence(db: Db, ctx: ActorCtx, id: string, lineId: string, req: FastifyRequest, maxBytes: number) {
  if (!req.isMultipart()) throw new AppError('UNSUPPORTED_FILE', undefined, { zh: '请以 multipart/form-data 上传文件', en: 'Upload the file as multipart/form-data' })
  const part = await req.file()
  if (!part) throw new AppError('VALIDATION_FAILED', [{ path: 'file', message: ctx.lang === 'zh' ? '缺少文件' : 'The file is missing' }])
  const megabytes = Math.round(maxBytes / 1024 / 1024)
  const content = await part.toBuffer().catch((error: { code?: string }) => {
    if (error.code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('FILE_TOO_LARGE', { maxBytes }, { zh: `附件不能超过 ${megabytes} MB`, en: `Attachments are limited to ${megabytes} MB` })
    throw error
  })
  if (content.length === 0) throw new AppError('VALIDATION_FAILED', [{ path: 'file', message: ctx.lang === 'zh' ? '文件为空' : 'The file is empty' }])
  const noteField = part.fields.note
  const note = noteField && 'value' in noteField ? String(noteField.value).slice(0, 500) : ''
  return db.transaction().execute(async (trx) => {
    const row = await lockForManage(trx, ctx, id)
    assertEditable(ctx, row, 'evidence')
    const line = await trx.selectFrom('keyEvaluationLine').select('id').where('id', '=', lineId).where('keyEvaluationId', '=', id).executeTakeFirst()
    if (!line) throw new AppError('NOT_FOUND')
    const stored = await storeFile(trx, { fileName: part.filename || 'file', contentType: part.mimetype || 'application/octet-stream', content }, ctx.actor.userId, ctx.now)
    const evidence = await trx.insertInto('keyEvaluationEvidence').values({ keyEvaluationId: id, lineId, fileId: stored.id, note, createdBy: ctx.actor.userId, createdAt: ctx.now }).returning('id').executeTakeFirstOrThrow()
    const view = { id: evidence.id, lineId, fileId: stored.id, fileName: stored.fileName, sizeBytes: stored.sizeBytes, sha256: stored.sha256, note }
    await recordAudit(trx, ctx, { action: 'key_evaluation.evidence', entityType: 'key_evaluation', entityId: id, after: view })
    return view
  })
}
