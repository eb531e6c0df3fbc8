import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { createTestContext } from '../test/context.ts'

const webDistDir = mkdtempSync(join(tmpdir(), 'jixiao-web-'))
writeFileSync(join(webDistDir, 'index.html'), '<!doctype html><div id="root">加载中…</div><script type="module" src="/assets/index-abc.js"></script>')
const t = await createTestContext({ webDistDir })

/** The Content-Security-Policy header as directive → sources. */
function csp(headers: Record<string, unknown>) {
  const policy = String(headers['content-security-policy'] ?? '')
  return new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...sources]) => [name!, sources]))
}

describe('security headers', () => {
  test.each([
    ['the web app page', '/login'],
    ['an API answer', '/api/health'],
    ['an API error', '/api/nothing-here'],
  ])('%s carries a CSP under which no inline or foreign script runs, and cannot be framed', async (_, url) => {
    const res = await t.anon.get(url)
    const policy = csp(res.headers)
    expect(policy.get('script-src')).toEqual(["'self'"])
    expect(policy.get('script-src-attr')).toEqual(["'none'"])
    expect(policy.get('default-src')).toEqual(["'self'"])
    expect(policy.get('object-src')).toEqual(["'none'"])
    expect(policy.get('base-uri')).toEqual(["'self'"])
    expect(policy.get('frame-ancestors')).toEqual(["'none'"])
    // Ant Design's CSS-in-JS writes <style> at run time: inline styles are allowed, inline scripts never.
    expect(policy.get('style-src')).toEqual(["'self'", "'unsafe-inline'"])
    expect(res.headers['x-frame-options']).toBe('DENY')
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    expect(res.headers['referrer-policy']).toBe('same-origin')
  })

  test('over plain HTTP (secure cookies off) there is no HSTS and no upgrade of requests to HTTPS', async () => {
    const res = await t.anon.get('/api/health')
    expect(res.headers['strict-transport-security']).toBeUndefined()
    expect(csp(res.headers).has('upgrade-insecure-requests')).toBe(false)
  })

  test('with secure cookies on (an HTTPS deployment) HSTS is sent', async () => {
    const https = await createTestContext({ secureCookies: true })
    const res = await https.anon.get('/api/health')
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains')
    expect(csp(res.headers).has('upgrade-insecure-requests')).toBe(true)
  })

  test('the API documentation (Swagger UI) loads its scripts from files of its own, which the policy allows', async () => {
    const page = await t.anon.get('/api/docs/')
    expect(page.statusCode).toBe(200)
    expect(page.body).not.toMatch(/<script>(?!\s*<\/script>)|<script(?![^>]*\bsrc=)[^>]*>[^<]+<\/script>/)
    const scripts = [...page.body.matchAll(/<script src="([^"]+)"/g)]
    expect(scripts.length).toBeGreaterThan(0)
    for (const src of scripts) {
      expect((await t.anon.get(new URL(src[1]!, 'http://localhost/api/docs/').pathname)).statusCode).toBe(200)
    }
  })
})
