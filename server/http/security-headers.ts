import fastifyHelmet from '@fastify/helmet'
import type { FastifyInstance } from 'fastify'

/**
 * Security headers on every response (helmet). The Content-Security-Policy lets only the app's own script files
 * run — no inline or injected script, no eval — so a stored text that slips past escaping cannot execute.
 * Ant Design writes its styles at run time (CSS-in-JS), hence 'unsafe-inline' for styles only. No page may frame
 * the app (clickjacking). HSTS only where the deployment is HTTPS (secure cookies on): over plain HTTP on an
 * intranet it, like upgrade-insecure-requests, would lock users out.
 */
export async function registerSecurityHeaders(app: FastifyInstance, { https }: { https: boolean }) {
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    frameguard: { action: 'deny' },
    // Within the app the full referrer helps nobody outside; other sites get none.
    referrerPolicy: { policy: 'same-origin' },
    strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  })
}
