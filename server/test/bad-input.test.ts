import { beforeAll, describe, expect, test } from 'vitest'
import { callerCookies, writesSoFar } from './callers.ts'
import { createTestContext } from './context.ts'
import { type Access, buildWorld, call, type Endpoint, endpoints, MultipartBody } from './endpoints.ts'

/**
 * Bad input on every endpoint, driven by the endpoint table: wrong types, missing and unknown fields,
 * oversized strings, bad query and path parameters, a NUL character in any string, malformed JSON and multipart
 * bodies, out-of-range dates. Each must be 400 VALIDATION_FAILED with the offending field's path — never a 500,
 * and never a write.
 */
const t = await createTestContext()
const w = await buildWorld(t)

/** A caller who holds the endpoint's permission, so a missed validation would show up as a success. */
let cookies = new Map<Access, string | null>()
beforeAll(async () => {
  cookies = await callerCookies(t, w)
})

interface BadCase {
  name: string
  url: string
  body?: unknown
  /** Sent as is, with content-type application/json unless `contentType` says otherwise. */
  raw?: string | Buffer
  contentType?: string
  /** A details entry must carry this path (and mention `mentions` when given). */
  path: string
  mentions?: string
}

const NUL = '\u0000'

const wrongTypeOf = (value: unknown) =>
  typeof value === 'string' ? 12345 : typeof value === 'number' ? 'abc' : Array.isArray(value) ? 'not-a-list' : typeof value === 'boolean' ? 'yes' : 42

function withQuery(url: string, params: Record<string, string>) {
  return `${url}${url.includes('?') ? '&' : '?'}${new URLSearchParams(params)}`
}

/** The URL with one query parameter set to `value`, replacing a valid value it may already have. */
function withQueryValue(url: string, key: string, value: string) {
  const parsed = new URL(url, 'http://localhost')
  parsed.searchParams.set(key, value)
  return `${parsed.pathname}${parsed.search}`
}

async function casesFor(e: Endpoint): Promise<BadCase[]> {
  const valid = await e.request(w, 'own')
  const cases: BadCase[] = []
  if (e.badParam) {
    const name = /:(\w+)/.exec(e.route)![1]!
    const url = e.route.replace(`:${name}`, encodeURIComponent(e.badParam))
    cases.push({ name: `path parameter ${name}=${e.badParam.slice(0, 12)}`, url, body: valid.body, path: `params.${name}` })
    cases.push({ name: `path parameter ${name} with a NUL`, url: e.route.replace(`:${name}`, 'a%00b'), body: valid.body, path: `params.${name}` })
  }
  for (const [key, value] of Object.entries(e.badQuery ?? {})) {
    cases.push({ name: `query ${key}=${value.slice(0, 12)}`, url: withQuery(valid.url, { [key]: value }), path: `querystring.${key}` })
    cases.push({ name: `query ${key} with a NUL`, url: withQueryValue(valid.url, key, `a${NUL}b`), path: `querystring.${key}` })
  }
  if (e.badQuery) {
    cases.push({ name: 'unknown query parameter', url: withQuery(valid.url, { unexpectedParam: '1' }), path: 'querystring', mentions: 'unexpectedParam' })
  }
  if (valid.body !== undefined && !(valid.body instanceof MultipartBody)) {
    const body = valid.body as Record<string, unknown>
    cases.push({ name: 'unknown body field', url: valid.url, body: { ...body, unexpectedField: true }, path: 'body', mentions: 'unexpectedField' })
    cases.push({ name: 'no body at all', url: valid.url, path: 'body' })
    cases.push({ name: 'a list instead of an object', url: valid.url, body: [body], path: 'body' })
    for (const key of e.requiredBody ?? []) {
      const { [key]: _dropped, ...rest } = body
      cases.push({ name: `missing ${key}`, url: valid.url, body: rest, path: `body.${key}` })
    }
    for (const [key, value] of Object.entries(body)) {
      cases.push({ name: `${key} of the wrong type`, url: valid.url, body: { ...body, [key]: wrongTypeOf(value) }, path: `body.${key}` })
      if (typeof value === 'string') {
        cases.push({ name: `${key} oversized`, url: valid.url, body: { ...body, [key]: 'x'.repeat(5000) }, path: `body.${key}` })
        cases.push({ name: `${key} with a NUL`, url: valid.url, body: { ...body, [key]: `${value}${NUL}` }, path: `body.${key}` })
      }
    }
  }
  if (valid.body instanceof MultipartBody) {
    const whole = valid.body.payload()
    const multipart = `multipart/form-data; boundary=${valid.body.boundary}`
    cases.push({ name: 'multipart body cut short', url: valid.url, raw: whole.subarray(0, whole.lastIndexOf('\r\n--')), contentType: multipart, path: 'body' })
    cases.push({ name: 'multipart body that is not multipart', url: valid.url, raw: 'garbage', contentType: multipart, path: 'body' })
    cases.push({ name: 'multipart without a boundary', url: valid.url, raw: whole, contentType: 'multipart/form-data', path: 'body' })
  }
  if (e.method !== 'GET') cases.push({ name: 'malformed JSON', url: valid.url, raw: '{"broken": ', path: '' })
  return cases
}

const withInput = endpoints.filter((e) => e.badParam || e.badQuery || e.requiredBody || e.method !== 'GET')

describe.each(withInput.map((e) => [`${e.method} ${e.route}`, e] as const))('%s', (_, e) => {
  test('refuses each bad input with 400 VALIDATION_FAILED naming the field, and writes nothing', async () => {
    const cookie = cookies.get(e.access) ?? null
    const before = await writesSoFar(t)
    const failures: string[] = []
    const cases = await casesFor(e)
    expect(cases.length).toBeGreaterThan(0)
    for (const c of cases) {
      const res = c.raw
        ? await t.app.inject({ method: e.method, url: c.url, payload: c.raw, headers: { 'content-type': c.contentType ?? 'application/json', ...(cookie ? { cookie } : {}) } })
        : await call(t, e.method, c.url, c.body, cookie)
      const error = res.statusCode === 400 ? res.json().error : undefined
      const details: { path: string; message: string }[] = Array.isArray(error?.details) ? error.details : []
      const named = details.some((d) => d.path === c.path && (!c.mentions || d.message.includes(c.mentions)))
      if (res.statusCode !== 400 || error?.code !== 'VALIDATION_FAILED' || !named) {
        failures.push(`${c.name}: ${res.statusCode} ${res.body.slice(0, 300)}`)
      }
    }
    expect(failures).toEqual([])
    expect(await writesSoFar(t)).toEqual(before)
  })
})

describe('the table covers every input the API documents', () => {
  test('each documented path parameter, query parameter and body has bad values declared', async () => {
    const doc = (await t.anon.get('/api/openapi.json')).json()
    const missing: string[] = []
    for (const e of endpoints) {
      const op = doc.paths[e.route.replace(/:(\w+)/g, '{$1}')]?.[e.method.toLowerCase()]
      if (!op) continue // hidden routes (the API document, Swagger UI) take no input
      const params: { in: string; name: string }[] = op.parameters ?? []
      for (const p of params.filter((p) => p.in === 'query')) if (!e.badQuery?.[p.name]) missing.push(`${e.method} ${e.route} query ${p.name}`)
      if (params.some((p) => p.in === 'path') && !e.badParam) missing.push(`${e.method} ${e.route} path parameter`)
      const bodySchema = op.requestBody?.content?.['application/json']?.schema
      if (bodySchema && [...(e.requiredBody ?? [])].sort().join() !== [...(bodySchema.required ?? [])].sort().join()) {
        missing.push(`${e.method} ${e.route} required body fields ${bodySchema.required}`)
      }
    }
    expect(missing).toEqual([])
  })
})

/** A query parameter the API document declares as a date or date-time. */
const isDateSchema = (schema: { format?: string; anyOf?: unknown[] } | undefined): boolean =>
  schema?.format === 'date' || schema?.format === 'date-time' || (schema?.anyOf ?? []).some((s) => isDateSchema(s as never))

describe('dates out of range', () => {
  test('every documented date query parameter refuses a year JavaScript accepts but the platform cannot mean', async () => {
    const doc = (await t.anon.get('/api/openapi.json')).json()
    const failures: string[] = []
    let checked = 0
    for (const e of endpoints.filter((e) => e.method === 'GET')) {
      const op = doc.paths[e.route.replace(/:(\w+)/g, '{$1}')]?.get
      const dateParams: { in: string; name: string }[] = (op?.parameters ?? []).filter((p: { in: string; schema?: object }) => p.in === 'query' && isDateSchema(p.schema))
      if (!dateParams.length) continue
      const cookie = cookies.get(e.access) ?? null
      const valid = await e.request(w, 'own')
      for (const p of dateParams) {
        for (const value of ['275760-09-13', '0000-01-01', '1899-12-31T23:59:59Z', '3000-01-01']) {
          checked++
          const res = await call(t, 'GET', withQueryValue(valid.url, p.name, value), undefined, cookie)
          const named = res.statusCode === 400 && res.json().error.details?.some((d: { path: string }) => d.path === `querystring.${p.name}`)
          if (!named) failures.push(`${e.route} ${p.name}=${value}: ${res.statusCode} ${res.body.slice(0, 200)}`)
        }
      }
    }
    expect(checked).toBeGreaterThanOrEqual(16) // audit and its export (from, to), goals in force (at), rule sets (asOf)
    expect(failures).toEqual([])
  })

  test('a date inside the range is accepted', async () => {
    const res = await call(t, 'GET', '/api/audit?from=2026-01-01&to=2026-12-31T23:59:59%2B08:00', undefined, cookies.get('audit.read') ?? null)
    expect(res.statusCode).toBe(200)
  })
})

describe('validation messages', () => {
  const sysAdmin = async () => t.as(await t.make.user({ role: 'sys_admin', org: w.own.city }))

  test('say in Chinese what was expected and what was sent, and in English when asked', async () => {
    const c = await sysAdmin()
    const body = { code: 12345, name: '新单位', departmentCode: w.own.department.code }
    const zh = await c.post('/api/org/units', body)
    expect(zh.json().error).toMatchObject({ code: 'VALIDATION_FAILED', message: '输入数据不符合要求' })
    expect(zh.json().error.details).toEqual([{ path: 'body.code', message: expect.stringMatching(/期望 string，实际接收 数字/) }])
    const en = await c.post('/api/org/units', body, { 'accept-language': 'en' })
    expect(en.json().error.message).toBe('The input is not valid')
    expect(en.json().error.details).toEqual([{ path: 'body.code', message: expect.stringMatching(/expected string, received number/) }])
  })

  test('name every bad field at once, not only the first', async () => {
    const res = await (await sysAdmin()).post('/api/org/units', { code: '!', name: '', departmentCode: 7 })
    expect(res.json().error.details.map((d: { path: string }) => d.path).sort()).toEqual(['body.code', 'body.departmentCode', 'body.name'])
  })

  test('a body of the wrong content type is 400, not 415 or 500', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: 'username=a&password=b', headers: { 'content-type': 'text/plain' } })
    expect(res.statusCode).toBe(400)
    expect(res.json().error.code).toBe('VALIDATION_FAILED')
  })

  test('a body over the size limit is 413 REQUEST_TOO_LARGE', async () => {
    const res = await t.anon.post('/api/auth/login', { username: 'a', password: 'x'.repeat(2 * 1024 * 1024) })
    expect(res.statusCode).toBe(413)
    expect(res.json().error.code).toBe('REQUEST_TOO_LARGE')
  })
})
