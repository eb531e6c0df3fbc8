import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { Readable } from 'node:stream'
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import type { App, Deps } from '../../app.ts'
import type { PublicRecordKind } from '../../../domain/disclosure.ts'
import type { Db } from '../../db/database.ts'
import { AppError } from '../../http/errors.ts'
import { readerOf } from '../../http/read-routing.ts'
import { attachmentDisposition, sendDownload, storedFileChunks } from '../../platform/files.ts'
import { listCsv, listJson, recordCsv, recordJson, yearZip } from './portal.open-data.ts'
import { errorPage, homePage, jurisdictionPage, listPage, type PageEnv, recordPage, searchPage, yearPage } from './portal.pages.ts'
import type { Place } from './portal.records.ts'
import { allRecords, findRecord, pageRecords, publishedYears, recordDepartments, reportFileHead, searchRecords } from './portal.repository.ts'
import { AssetQuery, DetailParams, ListParams, ListQuery, PlaceParams, PortalQuery, SearchQuery } from './portal.schemas.ts'
import { KIND_ORDER, kindOfSegment, PORTAL_KINDS, type PortalLang } from './portal.text.ts'

const PAGE_SIZE = 20
const css = readFileSync(new URL('./portal.css', import.meta.url))
const cssVersion = createHash('sha256').update(css).digest('hex').slice(0, 12)
const STYLESHEET = `/public/assets/portal.css?v=${cssVersion}`

/** Published data changes when finance publishes or withdraws: browsers and proxies keep a page five minutes. */
const CACHE = 'public, max-age=300'
/**
 * The portal's pages carry no script at all: its policy allows nothing but its own stylesheet (and images), no
 * frames, forms only to itself.
 */
const PORTAL_CSP = "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

const TYPES = { html: 'text/html; charset=utf-8', csv: 'text/csv; charset=utf-8', json: 'application/json; charset=utf-8', zip: 'application/zip', css: 'text/css; charset=utf-8' } as const
type Format = keyof typeof TYPES

class PortalNotFound extends Error {}
const notFound = (): never => {
  throw new PortalNotFound()
}

/** The request's language: English only when asked with ?lang=en (also read from the raw URL, for error pages). */
function langOf(req: FastifyRequest): PortalLang {
  const query = req.query as { lang?: unknown } | undefined
  if (query && typeof query.lang === 'string') return query.lang === 'en' ? 'en' : 'zh'
  return /[?&]lang=en(&|$)/.test(req.url) ? 'en' : 'zh'
}

/** A strong ETag of the bytes sent: same published copies, same bytes, same tag. */
function etagOf(body: string | Buffer): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`
}

function matchesEtag(req: FastifyRequest, etag: string): boolean {
  const header = req.headers['if-none-match']
  if (!header) return false
  return header.split(',').some((tag) => {
    const t = tag.trim()
    return t === '*' || t === etag || t === `W/${etag}`
  })
}

/** Sends a body with its ETag and the short public cache, or 304 when the client already holds it. */
function respond(req: FastifyRequest, reply: FastifyReply, body: string | Buffer, format: Format, fileName?: string) {
  const etag = etagOf(body)
  reply.header('etag', etag).header('cache-control', CACHE)
  if (fileName) reply.header('content-disposition', attachmentDisposition(fileName))
  if (matchesEtag(req, etag)) return reply.code(304).send()
  return reply.type(TYPES[format]).send(body)
}

/** `goals`, `goals.csv`, `goals.json` → the kind and the format; anything else is no portal page. */
function parseSegment(segment: string, formats: Format[]): { name: string; format: Format } | undefined {
  const match = /^(.+?)(?:\.(csv|json))?$/.exec(segment)
  if (!match) return undefined
  const format = (match[2] ?? 'html') as Format
  return formats.includes(format) ? { name: match[1]!, format } : undefined
}

function formatOfUrl(url: string): Format {
  const path = url.split('?')[0]!
  if (path.endsWith('.json')) return 'json'
  if (path.endsWith('.csv')) return 'csv'
  if (path.endsWith('.zip') || path.endsWith('/report')) return 'zip'
  return 'html'
}

/**
 * 信息公开 portal (issue 14): no sign-in, server-rendered HTML with a small stylesheet, every list and record also
 * as CSV and JSON, a year's bulk download. It reads only the live public copies (portal.repository.ts).
 */
export async function portalRoutes(app: App, deps: Deps) {
  const { config } = deps
  // Every page is a read of published copies: all of them go to the replica when there is one (ADR 0013).
  const reads = readerOf(deps)
  const rateLimit = { max: config.publicRateLimit, timeWindow: '1 minute' }
  const route = { config: { rateLimit } }
  const env = (req: FastifyRequest): PageEnv => ({ lang: langOf(req), stylesheet: STYLESHEET })

  app.addHook('onSend', async (_req, reply, payload) => {
    reply.header('content-security-policy', PORTAL_CSP)
    return payload
  })

  app.setErrorHandler((error: FastifyError, req, reply) => {
    const status = error instanceof PortalNotFound ? 404 : error.statusCode === 429 ? 429 : Array.isArray(error.validation) || (error instanceof AppError && error.status === 400) ? 400 : 500
    if (status === 500) req.log.error({ err: error }, 'portal error')
    const format = formatOfUrl(req.url)
    reply.code(status).header('cache-control', 'no-store')
    if (format === 'json') return reply.type(TYPES.json).send({ error: { status, message: status === 404 ? 'not found' : status === 400 ? 'bad request' : status === 429 ? 'too many requests' : 'internal error' } })
    return reply.type(TYPES.html).send(errorPage(env(req), status, req.url.split('?')[0]!))
  })

  async function mustFindYear(db: Db, jurisdictionCode: string, fiscalYear: number) {
    const [year] = await publishedYears(db, { jurisdictionCode, fiscalYear })
    return year ?? notFound()
  }

  app.get('/public', { ...route, schema: { hide: true, querystring: PortalQuery } }, async (req, reply) => respond(req, reply, homePage(env(req), await publishedYears(reads(req))), 'html'))

  app.get('/public/assets/portal.css', { ...route, schema: { hide: true, querystring: AssetQuery } }, async (req, reply) => {
    const etag = `"${cssVersion}"`
    reply.header('etag', etag).header('cache-control', 'public, max-age=86400')
    if (matchesEtag(req, etag)) return reply.code(304).send()
    return reply.type(TYPES.css).send(css)
  })

  app.get('/public/search', { ...route, schema: { hide: true, querystring: SearchQuery } }, async (req, reply) => {
    const { q, page } = req.query
    const result = q ? await searchRecords(reads(req), q, { page, pageSize: PAGE_SIZE }) : { items: [], total: 0, page: 1, pageSize: PAGE_SIZE }
    return respond(req, reply, searchPage(env(req), q, result), 'html')
  })

  app.get('/public/:jurisdiction', { ...route, schema: { hide: true, params: PlaceParams.pick({ jurisdiction: true }), querystring: PortalQuery } }, async (req, reply) => {
    const years = await publishedYears(reads(req), { jurisdictionCode: req.params.jurisdiction })
    if (!years.length) notFound()
    return respond(req, reply, jurisdictionPage(env(req), years), 'html')
  })

  app.get('/public/:jurisdiction/:year', { ...route, schema: { hide: true, params: PlaceParams, querystring: PortalQuery } }, async (req, reply) => {
    const place: Place = { lang: langOf(req), jurisdictionCode: req.params.jurisdiction, fiscalYear: req.params.year }
    return respond(req, reply, yearPage(env(req), place, await mustFindYear(reads(req), place.jurisdictionCode, place.fiscalYear)), 'html')
  })

  app.get('/public/:jurisdiction/:year/download.zip', { ...route, schema: { hide: true, params: PlaceParams, querystring: PortalQuery } }, async (req, reply) => {
    const place: Place = { lang: langOf(req), jurisdictionCode: req.params.jurisdiction, fiscalYear: req.params.year }
    const year = await mustFindYear(reads(req), place.jurisdictionCode, place.fiscalYear)
    const byKind = {} as Record<PublicRecordKind, Awaited<ReturnType<typeof allRecords>>>
    for (const kind of KIND_ORDER) byKind[kind] = await allRecords(reads(req), { ...place, kind })
    const zip = await yearZip(place, year, byKind)
    return respond(req, reply, zip, 'zip', `${year.jurisdictionName}-${place.fiscalYear}-预算绩效公开数据.zip`)
  })

  app.get('/public/:jurisdiction/:year/:list', { ...route, schema: { hide: true, params: ListParams, querystring: ListQuery } }, async (req, reply) => {
    const segment = parseSegment(req.params.list, ['html', 'csv', 'json']) ?? notFound()
    const kind = kindOfSegment(segment.name) ?? notFound()
    const place: Place = { lang: langOf(req), jurisdictionCode: req.params.jurisdiction, fiscalYear: req.params.year }
    const year = await mustFindYear(reads(req), place.jurisdictionCode, place.fiscalYear)
    const filter = { ...place, kind, q: req.query.q || undefined, department: req.query.department || undefined }
    if (segment.format !== 'html') {
      const records = await allRecords(reads(req), filter)
      if (segment.format === 'json') return respond(req, reply, JSON.stringify(listJson(place, { jurisdictionCode: year.jurisdictionCode, jurisdictionName: year.jurisdictionName, fiscalYear: year.fiscalYear, kind }, records)), 'json')
      return respond(req, reply, listCsv(place, kind, records), 'csv', `${PORTAL_KINDS[kind].segment}-${place.jurisdictionCode}-${place.fiscalYear}.csv`)
    }
    const page = await pageRecords(reads(req), filter, { page: req.query.page, pageSize: PAGE_SIZE })
    const departments = kind === 'assessment' ? [] : await recordDepartments(reads(req), filter)
    return respond(req, reply, listPage(env(req), { place, jurisdictionName: year.jurisdictionName, kind, q: filter.q, department: filter.department, departments, page }), 'html')
  })

  app.get('/public/:jurisdiction/:year/:list/:key', { ...route, schema: { hide: true, params: DetailParams, querystring: PortalQuery } }, async (req, reply) => {
    const kind = kindOfSegment(req.params.list) ?? notFound()
    const segment = parseSegment(req.params.key, ['html', 'csv', 'json']) ?? notFound()
    const place: Place = { lang: langOf(req), jurisdictionCode: req.params.jurisdiction, fiscalYear: req.params.year }
    const record = (await findRecord(reads(req), { ...place, kind, recordKey: segment.name })) ?? notFound()
    if (segment.format === 'json') return respond(req, reply, JSON.stringify(recordJson(place, record)), 'json')
    if (segment.format === 'csv') return respond(req, reply, recordCsv(place, record), 'csv', `${PORTAL_KINDS[kind].segment}-${record.recordKey}-${place.fiscalYear}.csv`)
    const year = await mustFindYear(reads(req), place.jurisdictionCode, place.fiscalYear)
    return respond(req, reply, recordPage(env(req), place, year.jurisdictionName, record), 'html')
  })

  app.get('/public/:jurisdiction/:year/:list/:key/report', { ...route, schema: { hide: true, params: DetailParams, querystring: PortalQuery } }, async (req, reply) => {
    if (req.params.list !== PORTAL_KINDS.key_evaluation_report.segment) notFound()
    const record = (await findRecord(reads(req), { jurisdictionCode: req.params.jurisdiction, fiscalYear: req.params.year, kind: 'key_evaluation_report', recordKey: req.params.key })) ?? notFound()
    const head = record.fileId ? await reportFileHead(reads(req), record.fileId) : undefined
    if (!record.fileId || !head) return notFound()
    const etag = `"${head.sha256}"`
    reply.header('etag', etag).header('cache-control', CACHE)
    if (matchesEtag(req, etag)) return reply.code(304).send()
    // The name the report was published under, never the name it was uploaded with (which may name a person).
    const fileName = record.payload.reportFileName ?? `${record.payload.projectCode}-重点评价报告${extensionOf(head.contentType)}`
    reply.header('content-length', head.sizeBytes)
    return sendDownload(reply, { fileName, contentType: head.contentType, content: Readable.from(storedFileChunks(reads(req), record.fileId)) })
  })

  // Anything else under /public is the portal's own 404 page, never the admin app.
  app.get('/public/*', { ...route, schema: { hide: true } }, async () => notFound())
  app.get('/public/', { ...route, schema: { hide: true } }, async (req, reply) => reply.redirect(req.url.replace('/public/', '/public'), 301))
}

const EXTENSIONS: Record<string, string> = {
  'application/pdf': '.pdf',
  'application/msword': '.doc',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': '.docx',
  'application/vnd.oasis.opendocument.text': '.odt',
  'application/zip': '.zip',
}

function extensionOf(contentType: string): string {
  return EXTENSIONS[contentType] ?? ''
}
