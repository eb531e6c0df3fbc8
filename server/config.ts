import { resolve } from 'node:path'
import { type AuditKeySource, auditKeySource } from './platform/audit-key.ts'

export interface Config {
  port: number
  host: string
  databaseUrl: string | undefined
  dataDir: string
  webDistDir: string
  logLevel: string
  secureCookies: boolean
  trustProxy: boolean
  /** Login attempts per client address per minute, on top of the per-account lockout. */
  loginRateLimit: number
  /** Where the audit chain's HMAC key is kept, outside the database. */
  auditKey: AuditKeySource
}

/** Reads configuration from the environment once, at start. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = resolve(env.JIXIAO_DATA_DIR ?? 'data')
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir,
    webDistDir: resolve(env.JIXIAO_WEB_DIR ?? 'web/dist'),
    logLevel: env.LOG_LEVEL ?? 'info',
    secureCookies: env.JIXIAO_SECURE_COOKIES === 'true',
    trustProxy: env.JIXIAO_TRUST_PROXY === 'true',
    loginRateLimit: Number(env.JIXIAO_LOGIN_RATE_LIMIT ?? 30),
    auditKey: auditKeySource(env, dataDir),
  }
}
