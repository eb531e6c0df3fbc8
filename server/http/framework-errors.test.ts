import { connect } from 'node:net'
import type { AddressInfo } from 'node:net'
import { beforeAll, describe, expect, test } from 'vitest'
import { createTestContext } from '../test/context.ts'

/**
 * Refusals made before any handler of ours — by Node's HTTP parser or by Fastify — answer in our error shape with
 * a stable code, in Chinese or in English on request, never with a 500. What inject cannot produce (a parser
 * error) is sent as raw bytes to a listening server.
 */
const t = await createTestContext()
let port = 0
beforeAll(async () => {
  await t.app.listen({ port: 0, host: '127.0.0.1' })
  port = (t.app.server.address() as AddressInfo).port
})

/** Sends the bytes on a fresh connection and returns the status and the parsed body of the answer. */
function raw(request: string): Promise<{ status: number; headers: string; body: any }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(request))
    const chunks: Buffer[] = []
    socket.on('data', (chunk) => chunks.push(chunk))
    socket.on('error', reject)
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8')
      const split = text.indexOf('\r\n\r\n')
      resolve({ status: Number(text.slice(9, 12)), headers: text.slice(0, split), body: JSON.parse(text.slice(split + 4)) })
    })
  })
}

const get = (path: string, headers = '') => `GET ${path} HTTP/1.1\r\nHost: localhost\r\n${headers}Connection: close\r\n\r\n`

describe("Node's HTTP parser", () => {
  test('headers over the limit (16 kB): 431 HEADERS_TOO_LARGE in Chinese, the connection closed', async () => {
    const res = await raw(get('/api/health', `Cookie: a=${'x'.repeat(20_000)}\r\n`))
    expect(res.status).toBe(431)
    expect(res.body).toEqual({ error: { code: 'HEADERS_TOO_LARGE', message: expect.stringContaining('请求头过大') } })
    expect(res.headers).toMatch(/content-type: application\/json; charset=utf-8/i)
  })

  test('431 in English when the request asked for it before the oversized header', async () => {
    const res = await raw(get('/api/health', `Accept-Language: en-US\r\nCookie: a=${'x'.repeat(20_000)}\r\n`))
    expect([res.status, res.body.error.code]).toEqual([431, 'HEADERS_TOO_LARGE'])
    expect(res.body.error.message).toMatch(/^The request headers are too large/)
  })

  test.each([
    ['an unknown method', 'BREW /api/health HTTP/1.1\r\nHost: localhost\r\n\r\n'],
    ['a request line that is not HTTP', 'hello there\r\n\r\n'],
    ['a header without a colon', 'GET /api/health HTTP/1.1\r\nHost localhost\r\n\r\n'],
  ])('%s: 400 MALFORMED_REQUEST', async (_, request) => {
    const res = await raw(request)
    expect(res.status).toBe(400)
    expect(res.body.error).toEqual({ code: 'MALFORMED_REQUEST', message: '请求格式错误，服务器无法解析' })
  })

  test('after a refusal the server goes on serving', async () => {
    await raw('hello there\r\n\r\n')
    const res = await raw(get('/api/health'))
    expect([res.status, res.body.status]).toEqual([200, 'ok'])
  })
})

describe('Fastify', () => {
  test('a URL with broken percent-encoding: 400 MALFORMED_URL, over a socket and through inject, in English on request', async () => {
    const res = await raw(get('/api/projects/%E0%A4%A'))
    expect([res.status, res.body.error.code]).toEqual([400, 'MALFORMED_URL'])
    expect(res.body.error.message).toBe('请求地址格式错误（含无效的百分号编码）')
    const en = await t.anon.get('/api/projects/%E0%A4%A', { 'accept-language': 'en' })
    expect([en.statusCode, en.json().error]).toEqual([400, { code: 'MALFORMED_URL', message: 'The request URL is malformed (invalid percent-encoding)' }])
  })

  test('a path parameter over the router limit: 414 URL_TOO_LONG', async () => {
    const res = await t.anon.get(`/api/projects/${'x'.repeat(200)}`)
    expect([res.statusCode, res.json().error.code]).toEqual([414, 'URL_TOO_LONG'])
  })

  test('a body over the limit: 413 REQUEST_TOO_LARGE, over a socket before it is all read', async () => {
    const res = await raw(`POST /api/auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 5000000\r\nConnection: close\r\n\r\n{"a":1}`)
    expect(res.status).toBe(413)
    expect(res.body.error).toEqual({ code: 'REQUEST_TOO_LARGE', message: '请求内容超过大小上限' })
  })

  test('a body of a type nothing parses: 415 UNSUPPORTED_MEDIA_TYPE, in English on request', async () => {
    const zh = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: '<login/>', headers: { 'content-type': 'application/xml' } })
    expect([zh.statusCode, zh.json().error.code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE'])
    expect(zh.json().error.message).toMatch(/^不支持的请求内容类型/)
    const en = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: '<login/>', headers: { 'content-type': 'application/xml', 'accept-language': 'en' } })
    expect(en.json().error.message).toMatch(/^Unsupported content type/)
  })

  test.each([
    ['invalid JSON', '{"username": ', '请求体不是有效的 JSON', 'The request body is not valid JSON'],
    ['an empty JSON body', '', '请求体为空，但内容类型声明为 JSON', 'The request body is empty but its content type says JSON'],
    ['JSON poisoning the prototype', '{"__proto__": {"admin": true}}', '请求体不是有效的 JSON', 'The request body is not valid JSON'],
  ])('%s: 400 VALIDATION_FAILED with a detail in the request language', async (_, payload, zh, en) => {
    for (const [lang, message] of [['zh-CN', zh], ['en', en]] as const) {
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload, headers: { 'content-type': 'application/json', 'accept-language': lang } })
      expect(res.statusCode).toBe(400)
      expect(res.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: '', message }] })
    }
  })

  test('an unknown route and an unknown method on a known route: 404 NOT_FOUND in our shape', async () => {
    for (const res of [await t.anon.get('/api/no-such-thing'), await t.anon.delete('/api/health'), await t.app.inject({ method: 'PROPFIND' as 'GET', url: '/api/health' })]) {
      expect([res.statusCode, res.json().error.code]).toEqual([404, 'NOT_FOUND'])
    }
  })
})

describe('shutting down', () => {
  test('a request that completes after close() began gets 503 SHUTTING_DOWN in our shape, and its connection closes', async () => {
    const node = await createTestContext()
    await node.app.listen({ port: 0, host: '127.0.0.1' })
    const { port: nodePort } = node.app.server.address() as AddressInfo
    const socket = connect(nodePort, '127.0.0.1')
    let received = ''
    socket.on('data', (chunk) => (received += String(chunk)))
    const ended = new Promise((resolve) => socket.on('close', resolve))
    // Headers begun before the close keep the connection open through it; they end once the server stopped listening.
    await new Promise((resolve) => socket.write('GET /api/health/live HTTP/1.1\r\nHost: localhost\r\n', resolve))
    await new Promise((resolve) => setImmediate(resolve))
    const closed = node.app.close()
    while (node.app.server.listening) await new Promise((resolve) => setImmediate(resolve))
    socket.write('Accept-Language: en\r\n\r\n')
    await ended
    await closed
    expect(received).toMatch(/^HTTP\/1\.1 503 /)
    expect(received).toMatch(/\r\nconnection: close\r\n/i)
    expect(received).toContain('{"error":{"code":"SHUTTING_DOWN","message":"The server is shutting down; try again shortly"}}')
  })
})
