import type { FastifyReply, FastifyRequest } from 'fastify'
import { AppError } from './errors.ts'

const stateChanging = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

function originOf(url: string): string | null {
  try {
    return new URL(url).origin
  } catch {
    return null
  }
}

/**
 * Cross-site request forgery guard for state-changing API calls. SameSite=Lax cookies alone still let a form or
 * an upload from another site through in some browsers and on sibling subdomains, so a browser's request must
 * come from the app's own origin: the one the Host header names, or one configured in JIXIAO_PUBLIC_ORIGIN
 * (behind a proxy that rewrites Host). Calls with neither Origin nor Referer — the CLI, server-to-server
 * integrations — carry no ambient browser cookie and pass.
 */
export function crossOriginGuard(publicOrigins: readonly string[]) {
  const allowed = new Set(publicOrigins.map((o) => originOf(o) ?? o))
  return async function refuseCrossOrigin(req: FastifyRequest, _reply: FastifyReply) {
    if (!stateChanging.has(req.method) || !req.url.startsWith('/api/')) return
    if (req.headers['sec-fetch-site'] === 'cross-site') throw new AppError('CROSS_ORIGIN_REFUSED')
    const origin = req.headers.origin ?? req.headers.referer
    if (origin === undefined) return
    const claimed = originOf(origin)
    if (claimed && (allowed.has(claimed) || new URL(claimed).host === req.host)) return
    throw new AppError('CROSS_ORIGIN_REFUSED')
  }
}
