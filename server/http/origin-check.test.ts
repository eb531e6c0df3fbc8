import Fastify from 'fastify'
import { beforeAll, describe, expect, test } from 'vitest'
import { callerCookies, writesSoFar } from '../test/callers.ts'
import { createTestContext } from '../test/context.ts'
import { type Access, buildWorld, endpoints, MultipartBody } from '../test/endpoints.ts'
import { installErrorHandler } from './errors.ts'
import { crossOriginGuard } from './origin-check.ts'

const t = await createTestContext()
const w = await buildWorld(t)
let cookies = new Map<Access, string | null>()
beforeAll(async () => {
  cookies = await callerCookies(t, w)
})

const HOST = 'jixiao.example.gov.cn'

async function send(method: string, url: string, body: unknown, headers: Record<string, string>, cookie: string | null = null) {
  const multipart = body instanceof MultipartBody
  return t.app.inject({
    method: method as 'POST',
    url,
    payload: multipart ? body.payload() : (body as object | undefined),
    headers: {
      host: HOST,
      ...(cookie ? { cookie } : {}),
      ...(multipart ? { 'content-type': `multipart/form-data; boundary=${body.boundary}` } : {}),
      ...headers,
    },
  })
}

const foreign: Record<string, Record<string, string>> = {
  'an Origin of another site': { origin: 'https://evil.example' },
  'a Referer from another site (no Origin)': { referer: 'https://evil.example/page.html' },
  'Sec-Fetch-Site: cross-site': { 'sec-fetch-site': 'cross-site' },
  'an opaque Origin (null)': { origin: 'null' },
  'an Origin of the same host name on another port': { origin: `http://${HOST}:8080` },
}

describe('state-changing requests from another site', () => {
  const writes = endpoints.filter((e) => e.method !== 'GET')

  test.each(Object.entries(foreign))('with %s are refused on every endpoint with 403 CROSS_ORIGIN_REFUSED, writing nothing', async (_, headers) => {
    const before = await writesSoFar(t)
    const failures: string[] = []
    for (const e of writes) {
      const valid = await e.request(w, 'own')
      const res = await send(e.method, valid.url, valid.body, headers, cookies.get(e.access) ?? null)
      if (res.statusCode !== 403 || res.json().error.code !== 'CROSS_ORIGIN_REFUSED') failures.push(`${e.method} ${e.route}: ${res.statusCode} ${res.body.slice(0, 120)}`)
    }
    expect(writes.length).toBeGreaterThan(20)
    expect(failures).toEqual([])
    expect(await writesSoFar(t)).toEqual(before)
  })

  test('the refusal explains itself in Chinese, and in English when asked', async () => {
    const zh = await send('POST', '/api/auth/login', { username: w.loginUser.username, password: w.loginUser.password }, foreign['an Origin of another site']!)
    expect(zh.json().error.message).toBe('拒绝来自其他网站的请求，请在本系统页面内操作')
    const en = await send('POST', '/api/auth/login', { username: w.loginUser.username, password: w.loginUser.password }, { ...foreign['an Origin of another site']!, 'accept-language': 'en' })
    expect(en.json().error.message).toMatch(/other sites are refused/)
  })

  test('a cross-site multipart upload stores no file', async () => {
    const project = await t.make.project({ unit: w.own.unit, code: 'XSITE1' })
    const unitUser = await t.as(await t.make.user({ role: 'unit_user', org: w.own.unit }))
    const upload = new MultipartBody('恶意.pdf', Buffer.from('%PDF-1.4'))
    const res = await send('POST', `/api/projects/${project.id}/attachments`, upload, { origin: 'https://evil.example' }, unitUser.cookie)
    expect(res.statusCode).toBe(403)
    expect(await t.db.selectFrom('projectAttachment').select('id').where('projectId', '=', project.id).execute()).toEqual([])
    const same = await send('POST', `/api/projects/${project.id}/attachments`, upload, { origin: `http://${HOST}` }, unitUser.cookie)
    expect(same.statusCode).toBe(201)
  })
})

describe('requests that pass', () => {
  const login = () => ({ username: w.loginUser.username, password: w.loginUser.password })

  test('from the app itself: Origin or Referer on the Host the request names', async () => {
    expect((await send('POST', '/api/auth/login', login(), { origin: `http://${HOST}` })).statusCode).toBe(200)
    expect((await send('POST', '/api/auth/login', login(), { origin: `https://${HOST}`, 'sec-fetch-site': 'same-origin' })).statusCode).toBe(200)
    expect((await send('POST', '/api/auth/login', login(), { referer: `http://${HOST}/login` })).statusCode).toBe(200)
  })

  test('without Origin or Referer: the CLI and server-to-server integrations', async () => {
    expect((await send('POST', '/api/auth/login', login(), {})).statusCode).toBe(200)
  })

  test('reads from another site (GET) are not state changes and are left to the session and CORS', async () => {
    expect((await send('GET', '/api/health', undefined, { origin: 'https://evil.example' })).statusCode).toBe(200)
  })
})

describe('behind a proxy that rewrites Host', () => {
  async function appWith(publicOrigins: string[]) {
    const app = Fastify()
    installErrorHandler(app)
    app.addHook('onRequest', crossOriginGuard(publicOrigins))
    app.post('/api/thing', async () => ({ ok: true }))
    return app
  }

  test('the configured public origin (JIXIAO_PUBLIC_ORIGIN) is the app own, others are refused', async () => {
    const app = await appWith(['https://jixiao.example.gov.cn/'])
    const post = (origin: string) => app.inject({ method: 'POST', url: '/api/thing', headers: { host: '10.0.0.5:3000', origin } })
    expect((await post('https://jixiao.example.gov.cn')).statusCode).toBe(200)
    expect((await post('http://jixiao.example.gov.cn')).statusCode).toBe(403)
    expect((await post('https://evil.example')).json().error.code).toBe('CROSS_ORIGIN_REFUSED')
    await app.close()
  })
})
