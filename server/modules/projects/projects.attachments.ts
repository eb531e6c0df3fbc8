import fastifyMultipart from '@fastify/multipart'
import { z } from 'zod'
import { editableStatuses } from '../../../domain/projects.ts'
import type { App, Deps } from '../../app.ts'
import type { Db } from '../../db/database.ts'
import { type ActorCtx, authorize } from '../../http/context.ts'
import { AppError } from '../../http/errors.ts'
import { recordAudit } from '../../platform/audit.ts'
import { recordExport } from '../../platform/audit-access.ts'
import { assertOwnJurisdiction } from '../../platform/supervision.ts'
import { type IncomingFile, readFileContent, sendDownload, storeFile } from '../../platform/files.ts'
import { getProject } from './projects.service.ts'

const AttachmentParams = z.strictObject({ id: z.uuid(), attachmentId: z.uuid() })
const ProjectParams = z.strictObject({ id: z.uuid() })

function listAttachments(db: Db, projectId: string) {
  return db
    .selectFrom('projectAttachment as a')
    .innerJoin('storedFile as f', 'f.id', 'a.fileId')
    .leftJoin('appUser as u', 'u.id', 'a.createdBy')
    .select(['a.id', 'f.fileName', 'f.contentType', 'f.sizeBytes', 'f.sha256', 'a.createdAt', 'u.username as createdBy'])
    .where('a.projectId', '=', projectId)
    .orderBy('a.createdAt')
}

async function editableProject(db: Db, ctx: ActorCtx, id: string) {
  const project = await getProject(db, ctx, id)
  // The project's own side attaches and removes documents; a supervising city only reads them.
  assertOwnJurisdiction(ctx.actor, project)
  if (!editableStatuses.includes(project.status)) {
    throw new AppError('NOT_EDITABLE', undefined, { zh: '当前状态下不能增删附件', en: 'Attachments cannot change in this status' })
  }
  return project
}

/** A unit attaches a document (实施方案, 可研报告, 预算测算材料…) to its project. */
export async function attachToProject(db: Db, ctx: ActorCtx, projectId: string, file: IncomingFile) {
  await editableProject(db, ctx, projectId)
  return db.transaction().execute(async (trx) => {
    const stored = await storeFile(trx, file, ctx.actor.userId, ctx.now)
    const link = await trx
      .insertInto('projectAttachment')
      .values({ projectId, fileId: stored.id, createdBy: ctx.actor.userId, createdAt: ctx.now })
      .returning(['id', 'createdAt'])
      .executeTakeFirstOrThrow()
    const view = { id: link.id, fileName: stored.fileName, contentType: stored.contentType, sizeBytes: stored.sizeBytes, sha256: stored.sha256, createdAt: link.createdAt, createdBy: ctx.actor.username }
    await recordAudit(trx, ctx, { action: 'project.attach', entityType: 'project', entityId: projectId, after: view })
    return view
  })
}

export async function detachFromProject(db: Db, ctx: ActorCtx, projectId: string, attachmentId: string) {
  await editableProject(db, ctx, projectId)
  await db.transaction().execute(async (trx) => {
    const attachment = await trx
      .selectFrom('projectAttachment as a')
      .innerJoin('storedFile as f', 'f.id', 'a.fileId')
      .select(['a.id', 'a.fileId', 'f.fileName', 'f.sizeBytes', 'f.sha256'])
      .where('a.id', '=', attachmentId)
      .where('a.projectId', '=', projectId)
      .executeTakeFirst()
    if (!attachment) throw new AppError('NOT_FOUND')
    await trx.deleteFrom('projectAttachment').where('id', '=', attachmentId).execute()
    await trx.deleteFrom('storedFile').where('id', '=', attachment.fileId).execute()
    await recordAudit(trx, ctx, { action: 'project.detach', entityType: 'project', entityId: projectId, before: attachment })
  })
}

export async function attachmentRoutes(app: App, { db, config }: Deps) {
  const tags = ['projects']
  const maxBytes = config.uploadLimits.attachmentBytes
  const megabytes = Math.round(maxBytes / 1024 / 1024)
  await app.register(fastifyMultipart, { limits: { fileSize: maxBytes, files: 1, fields: 5, parts: 10 } })

  app.get('/api/projects/:id/attachments', { schema: { tags, summary: '项目附件列表', params: ProjectParams } }, async (req) => {
    const ctx = authorize(req, 'project.read')
    await getProject(db, ctx, req.params.id)
    return { items: await listAttachments(db, req.params.id).execute() }
  })

  app.post('/api/projects/:id/attachments', { schema: { tags, summary: '上传项目附件（multipart，字段 file，≤20 MB）', params: ProjectParams } }, async (req, reply) => {
    const ctx = authorize(req, 'project.edit')
    if (!req.isMultipart()) throw new AppError('UNSUPPORTED_FILE', undefined, { zh: '请以 multipart/form-data 上传文件', en: 'Upload the file as multipart/form-data' })
    const part = await req.file()
    if (!part) throw new AppError('VALIDATION_FAILED', [{ path: 'file', message: ctx.lang === 'zh' ? '缺少文件' : 'The file is missing' }])
    const content = await part.toBuffer().catch((error: { code?: string }) => {
      if (error.code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('FILE_TOO_LARGE', { maxBytes }, { zh: `附件不能超过 ${megabytes} MB`, en: `Attachments are limited to ${megabytes} MB` })
      throw error
    })
    if (content.length === 0) throw new AppError('VALIDATION_FAILED', [{ path: 'file', message: ctx.lang === 'zh' ? '文件为空' : 'The file is empty' }])
    const view = await attachToProject(db, ctx, req.params.id, { fileName: part.filename || 'file', contentType: part.mimetype || 'application/octet-stream', content })
    return reply.status(201).send(view)
  })

  app.get('/api/projects/:id/attachments/:attachmentId', { schema: { tags, summary: '下载项目附件', params: AttachmentParams } }, async (req, reply) => {
    const ctx = authorize(req, 'project.read')
    await getProject(db, ctx, req.params.id)
    const link = await db.selectFrom('projectAttachment').select('fileId').where('id', '=', req.params.attachmentId).where('projectId', '=', req.params.id).executeTakeFirst()
    const file = link && (await readFileContent(db, link.fileId))
    if (!file) throw new AppError('NOT_FOUND')
    await recordExport(db, ctx, 'project.download_attachment', req.params.attachmentId)
    return sendDownload(reply, { ...file, content: Buffer.from(file.content) })
  })

  app.delete('/api/projects/:id/attachments/:attachmentId', { schema: { tags, summary: '删除项目附件', params: AttachmentParams } }, async (req, reply) => {
    await detachFromProject(db, authorize(req, 'project.edit'), req.params.id, req.params.attachmentId)
    return reply.status(204).send()
  })
}
