import type { FastifyRequest } from 'fastify'
import type { Language } from '../../domain/errors.ts'
import { AppError } from '../http/errors.ts'

/**
 * One attachment of a multipart request (field `file`), read whole: 415 when not multipart, 413 past `maxBytes`,
 * 400 when missing or empty. Its other fields (a note) come along as text.
 */
export async function receiveAttachment(req: FastifyRequest, lang: Language, maxBytes: number) {
  if (!req.isMultipart()) throw new AppError('UNSUPPORTED_FILE', undefined, { zh: '请以 multipart/form-data 上传文件', en: 'Upload the file as multipart/form-data' })
  const part = await req.file()
  if (!part) throw new AppError('VALIDATION_FAILED', [{ path: 'file', message: lang === 'zh' ? '缺少文件' : 'The file is missing' }])
  const megabytes = Math.round(maxBytes / 1024 / 1024)
  const content = await part.toBuffer().catch((error: { code?: string }) => {
    if (error.code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('FILE_TOO_LARGE', { maxBytes }, { zh: `附件不能超过 ${megabytes} MB`, en: `Attachments are limited to ${megabytes} MB` })
    throw error
  })
  if (content.length === 0) throw new AppError('VALIDATION_FAILED', [{ path: 'file', message: lang === 'zh' ? '文件为空' : 'The file is empty' }])
  const text = (name: string) => {
    const field = part.fields[name]
    return field && !Array.isArray(field) && 'value' in field ? String(field.value) : ''
  }
  return { fileName: part.filename || 'file', contentType: part.mimetype || 'application/octet-stream', content, text }
}
