import { existsSync } from 'node:fs'
import { join, sep } from 'node:path'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance } from 'fastify'
import { sendNotFound } from './errors.ts'

const IMMUTABLE = 'public, max-age=31536000, immutable'

/**
 * The built single-page app, with client-side routes falling back to index.html. Files under assets/ carry a
 * content hash in their name, so browsers keep them for a year without asking again; index.html, which names
 * the current hashes, is revalidated on every load. The build wrote brotli and gzip copies beside each file
 * (scripts/vite-precompress.ts); the one the browser accepts is sent as it is.
 */
export async function serveWebApp(app: FastifyInstance, webDistDir: string) {
  const hasWeb = existsSync(join(webDistDir, 'index.html'))
  const assetsDir = join(webDistDir, 'assets') + sep
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: webDistDir,
      wildcard: false,
      preCompressed: true,
      cacheControl: false,
      setHeaders: (reply, path) => reply.header('cache-control', path.startsWith(assetsDir) ? IMMUTABLE : 'no-cache'),
    })
  }
  app.setNotFoundHandler((req, reply) => {
    if (hasWeb && req.method === 'GET' && !req.url.startsWith('/api/')) return reply.sendFile('index.html')
    return sendNotFound(req, reply)
  })
}
