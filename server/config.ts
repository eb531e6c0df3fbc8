import { resolve } from 'node:path'

export interface Config {
  port: number
  host: string
  databaseUrl: string | undefined
  dataDir: string
  webDistDir: string
  logLevel: string
  secureCookies: boolean
  trustProxy: boolean
  /**
   * Origins the browser app is reached at (JIXIAO_PUBLIC_ORIGIN, comma-separated, e.g. https://jixiao.example.gov.cn)
   * when a proxy in front changes the Host header; state-changing requests from any other site are refused.
   */
  publicOrigins: string[]
  /** Login attempts per client address per minute, on top of the per-account lockout. */
  loginRateLimit: number
}

/** Reads configuration from the environment once, at start. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(env.JIXIAO_DATA_DIR ?? 'data'),
    webDistDir: resolve(env.JIXIAO_WEB_DIR ?? 'web/dist'),
    logLevel: env.LOG_LEVEL ?? 'info',
    secureCookies: env.JIXIAO_SECURE_COOKIES === 'true',
    trustProxy: env.JIXIAO_TRUST_PROXY === 'true',
    publicOrigins: (env.JIXIAO_PUBLIC_ORIGIN ?? '').split(',').map((o) => o.trim()).filter(Boolean),
    loginRateLimit: Number(env.JIXIAO_LOGIN_RATE_LIMIT ?? 30),
  }
}
