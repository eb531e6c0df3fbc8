import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { describe, expect, test } from 'vitest'
import { precompress } from '../../scripts/vite-precompress.ts'
import { createTestContext } from '../test/context.ts'

// A built web app in miniature, compressed by the same build plugin the real build uses.
const webDistDir = mkdtempSync(join(tmpdir(), 'jixiao-web-'))
mkdirSync(join(webDistDir, 'assets'))
const script = `console.log(${JSON.stringify('绩效'.repeat(2000))})\n`
const page = `<!doctype html><html><body><div id="root">加载中…</div><script type="module" src="/assets/index-Abc123.js"></script>${' '.repeat(2000)}</body></html>`
writeFileSync(join(webDistDir, 'assets', 'index-Abc123.js'), script)
writeFileSync(join(webDistDir, 'index.html'), page)
const plugin = precompress() as unknown as { configResolved(c: unknown): void; closeBundle(): void }
plugin.configResolved({ build: { outDir: webDistDir } })
plugin.closeBundle()

const t = await createTestContext({ webDistDir })

describe('the built web app', () => {
  test('the build wrote brotli and gzip copies that decompress to the file', () => {
    const original = readFileSync(join(webDistDir, 'assets', 'index-Abc123.js'))
    expect(brotliDecompressSync(readFileSync(join(webDistDir, 'assets', 'index-Abc123.js.br')))).toEqual(original)
    expect(gunzipSync(readFileSync(join(webDistDir, 'assets', 'index-Abc123.js.gz')))).toEqual(original)
  })

  test.each([
    ['br, gzip', 'br', brotliDecompressSync],
    ['gzip, deflate', 'gzip', gunzipSync],
  ] as const)('a hashed asset asked for with Accept-Encoding %s comes precompressed (%s) and cached for a year', async (accept, encoding, decompress) => {
    const res = await t.app.inject({ url: '/assets/index-Abc123.js', headers: { 'accept-encoding': accept } })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-encoding']).toBe(encoding)
    expect(res.headers['content-type']).toMatch(/javascript/)
    expect(res.headers.vary).toMatch(/accept-encoding/i)
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(res.rawPayload.length).toBeLessThan(script.length / 5)
    expect(decompress(res.rawPayload).toString()).toBe(script)
  })

  test('a client that takes no compression gets the file as it is', async () => {
    const res = await t.app.inject({ url: '/assets/index-Abc123.js', headers: { 'accept-encoding': 'identity' } })
    expect(res.headers['content-encoding']).toBeUndefined()
    expect(res.body).toBe(script)
  })

  test.each(['/', '/login', '/projects/some-id'])('index.html at %s is revalidated on every load (it names the current hashes)', async (url) => {
    const res = await t.app.inject({ url, headers: { 'accept-encoding': 'br' } })
    expect(res.statusCode).toBe(200)
    expect(res.headers['cache-control']).toBe('no-cache')
    expect(res.headers['content-encoding']).toBe('br')
    expect(brotliDecompressSync(res.rawPayload).toString()).toBe(page)
  })
})

describe('web/index.html', () => {
  const source = readFileSync(new URL('../../web/index.html', import.meta.url), 'utf8')

  test('shows a loading state inside #root until React replaces it', () => {
    expect(source).toMatch(/<div id="root">[\s\S]*加载中…[\s\S]*<\/div>/)
  })

  test('has no inline script, which the Content-Security-Policy would block', () => {
    for (const tag of source.match(/<script\b[^>]*>/g) ?? []) expect(tag).toMatch(/\bsrc=/)
    expect(source).not.toMatch(/\son[a-z]+=/i)
  })
})
