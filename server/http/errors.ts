import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest, FastifySchemaCompiler } from 'fastify'
import { z } from 'zod'
import { type ErrorCode, errorCatalog, type Language } from '../../domain/errors.ts'
import { localizeIssue } from './validation-messages.ts'

/** The one error type services throw. Only this file turns errors into HTTP responses. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details?: unknown,
    readonly messageOverride?: { zh: string; en: string },
  ) {
    super(code)
  }
  get status(): number {
    return errorCatalog[this.code].status
  }
}

export const notFound = (): never => {
  throw new AppError('NOT_FOUND')
}
export const forbidden = (): never => {
  throw new AppError('FORBIDDEN')
}

export function assertVersion(row: { version: number }, expected: number) {
  if (row.version !== expected) throw new AppError('VERSION_CONFLICT', { currentVersion: row.version })
}

export function requestLanguage(req: FastifyRequest): Language {
  const header = req.headers['accept-language']
  return typeof header === 'string' && /^en\b/i.test(header.trim()) ? 'en' : 'zh'
}


interface ValidationIssue {
  instancePath: string
  keyword: string
  message?: string
  params: Record<string, unknown>
}

/**
 * Zod validation of request schemas. Unlike fastify-type-provider-zod's compiler it keeps each issue's input,
 * so the message localized per request can say what was sent ("期望 string，实际接收 number"), not "undefined".
 */
export const validatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema }) =>
  (data) => {
    const result = schema.safeParse(data, { reportInput: true })
    if (result.success) return { value: result.data }
    const issues = result.error.issues.map(({ code, path, message, ...params }) => ({
      keyword: code,
      instancePath: `/${path.map(String).join('/')}`,
      schemaPath: '',
      message,
      params,
    }))
    return { error: issues }
  }

function describeIssues(issues: ValidationIssue[], where: string | undefined, lang: Language) {
  return issues.map((issue) => {
    const message = localizeIssue({ ...issue.params, code: issue.keyword, message: issue.message }, lang)
    const path = `${where ?? ''}${issue.instancePath === '/' ? '' : issue.instancePath}`.replace(/^\//, '')
    return { path: path.replaceAll('/', '.'), message }
  })
}

function send(reply: FastifyReply, lang: Language, code: ErrorCode, details?: unknown, override?: { zh: string; en: string }) {
  const entry = errorCatalog[code]
  const message = (override ?? entry)[lang]
  return reply.status(entry.status).send({ error: { code, message, ...(details === undefined ? {} : { details }) } })
}

// Postgres error classes that mean "your input", never "our bug".
const pgInputErrors: Record<string, ErrorCode> = {
  '23505': 'DUPLICATE', // unique_violation
  '23503': 'IN_USE', // foreign_key_violation
  '22P02': 'VALIDATION_FAILED', // invalid_text_representation
  '22001': 'VALIDATION_FAILED', // string_data_right_truncation
  '22003': 'VALIDATION_FAILED', // numeric_value_out_of_range
  '22021': 'VALIDATION_FAILED', // character_not_in_repertoire (a NUL byte the input guard did not see, e.g. a file name)
  '22007': 'VALIDATION_FAILED', // invalid_datetime_format
  '22008': 'VALIDATION_FAILED', // datetime_field_overflow
}

/**
 * The multipart parser (busboy) reports a malformed body — no boundary, the body ending before
 * its closing boundary — as plain errors without a status: they are the client's input, not our fault.
 */
const malformedMultipart = /^Multipart: Boundary not found$|^Boundary required$|unexpected end of multipart data$/i

function isMalformedMultipart(req: FastifyRequest, error: Error) {
  return req.isMultipart?.() === true && malformedMultipart.test(error.message)
}

export function sendNotFound(req: FastifyRequest, reply: FastifyReply) {
  return send(reply, requestLanguage(req), 'NOT_FOUND')
}

type Text = { zh: string; en: string }

/**
 * Fastify's own refusals, made before a handler of ours runs, in English and in a shape of its own: each gets a
 * code of ours. A body that is not JSON stays the VALIDATION_FAILED of the bad-input table, with a detail in the
 * request's language instead of Fastify's English.
 */
const frameworkRefusals: Record<string, { code: ErrorCode; detail?: Text }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'VALIDATION_FAILED', detail: { zh: '请求体不是有效的 JSON', en: 'The request body is not valid JSON' } },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'VALIDATION_FAILED', detail: { zh: '请求体为空，但内容类型声明为 JSON', en: 'The request body is empty but its content type says JSON' } },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'VALIDATION_FAILED', detail: { zh: '请求体长度与 Content-Length 不符', en: 'The request body does not have the length Content-Length declares' } },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'REQUEST_TOO_LARGE' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'UNSUPPORTED_MEDIA_TYPE' },
  FST_ERR_BAD_URL: { code: 'MALFORMED_URL' },
  FST_ERR_MAX_PARAM_LENGTH: { code: 'URL_TOO_LONG' },
}

/** Other 4xx of Fastify or a plugin, by status; the rest are the client's input (400). */
const refusalByStatus: Record<number, ErrorCode> = { 413: 'REQUEST_TOO_LARGE', 414: 'URL_TOO_LONG', 415: 'UNSUPPORTED_MEDIA_TYPE', 431: 'HEADERS_TOO_LARGE' }

/** Answers a refusal of Fastify's own: its `frameworkErrors` option (a bad URL) and the error handler below. */
export function sendFrameworkRefusal(error: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  const lang = requestLanguage(req)
  const known = frameworkRefusals[error.code]
  if (known) return send(reply, lang, known.code, known.detail && [{ path: '', message: known.detail[lang] }])
  const byStatus = refusalByStatus[error.statusCode ?? 0]
  if (byStatus) return send(reply, lang, byStatus)
  if (!error.statusCode || error.statusCode >= 500) {
    req.log.error({ err: error }, 'framework error')
    return send(reply, lang, 'INTERNAL', { requestId: req.id })
  }
  return send(reply, lang, 'VALIDATION_FAILED', [{ path: '', message: error.message }])
}

export function installErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError & { code?: string }, req, reply) => {
    const lang = requestLanguage(req)
    if (error instanceof AppError) return send(reply, lang, error.code, error.details, error.messageOverride)
    if (Array.isArray(error.validation)) {
      const where = (error as { validationContext?: string }).validationContext
      return send(reply, lang, 'VALIDATION_FAILED', describeIssues(error.validation, where, lang))
    }
    const pgCode = typeof error.code === 'string' ? pgInputErrors[error.code] : undefined
    if (pgCode) return send(reply, lang, pgCode)
    if (error.statusCode === 429) return send(reply, lang, 'RATE_LIMITED')
    if (isMalformedMultipart(req, error)) {
      return send(reply, lang, 'VALIDATION_FAILED', [{ path: 'body', message: lang === 'zh' ? 'multipart 请求体格式错误（缺少分隔符或未完整发送），请重新上传' : `Malformed multipart body (${error.message}); upload again` }])
    }
    if (frameworkRefusals[error.code] || (error.statusCode && error.statusCode >= 400 && error.statusCode < 500)) {
      // Fastify's own 4xx (malformed JSON, bad content type, body too large…)
      return sendFrameworkRefusal(error, req, reply)
    }
    req.log.error({ err: error }, 'unhandled error')
    return send(reply, lang, 'INTERNAL', { requestId: req.id })
  })
}

/**
 * Once close() began (SIGTERM), requests still arriving on open connections get 503 SHUTTING_DOWN and the connection
 * closes, so a load balancer sends them elsewhere; requests already running finish. The first onRequest hook.
 */
export function refuseWhileClosing(app: FastifyInstance) {
  let closing = false
  app.addHook('preClose', async () => {
    closing = true
  })
  app.addHook('onRequest', async (req, reply) => {
    if (!closing) return
    reply.header('connection', 'close')
    return send(reply, requestLanguage(req), 'SHUTTING_DOWN')
  })
}
