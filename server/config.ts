import { resolve } from 'node:path'
import { defaultReadLimits, type ReadLimits } from './platform/read-limits.ts'
import { type AuditKeySource, auditKeySource } from './platform/audit-key.ts'

export interface Config {
  port: number
  host: string
  databaseUrl: string | undefined
  /** A streaming replica for the heavy reads (DATABASE_READ_URL, PostgreSQL only; ADR 0013). */
  databaseReadUrl: string | undefined
  /** After a write, this client's reads stay on the primary for so many seconds (read-your-writes). */
  readYourWritesSeconds: number
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
  /** Requests to the public portal (/public) per client address per minute, per page kind. */
  publicRateLimit: number
  /** Bytes one upload may have: project lists, 申报表 forms, attachments. */
  uploadLimits: UploadLimits
  /** What reading one uploaded spreadsheet may cost (ADR 0006). */
  readLimits: ReadLimits
  /** Goals one 申报表 zip may hold; a larger export is refused with EXPORT_TOO_LARGE (narrow the filter). */
  exportMaxGoals: number
  /** Where the audit chain's HMAC key is kept, outside the database. */
  auditKey: AuditKeySource
  /** How long a resolved session is reused without reading the database (ended sessions are evicted at once, ADR 0012). */
  sessionCacheMs: number
  /**
   * A running job whose process stopped touching it for this long is taken over by another node (PostgreSQL; on
   * PGlite the one process takes back its own at start). Jobs touch their row every quarter of it, at most every 10 s.
   */
  jobStaleSeconds: number
  /** Years after the current one that get their partitions ahead (ADR 0016). */
  partitionYearsAhead: number
  /** Days an audit year stays online after it ends before it may be archived (等保: at least 180). */
  auditOnlineDays: number
}

export interface UploadLimits {
  importBytes: number
  formBytes: number
  attachmentBytes: number
}

const MB = 1024 * 1024

/** A positive number from the environment, or the default; anything else stops the start with a clear message. */
function positive(env: NodeJS.ProcessEnv, name: string, fallback: number, scale = 1): number {
  const text = env[name]
  if (text === undefined || text === '') return fallback
  const value = Number(text)
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, not "${text}"`)
  return value * scale
}

function readLimitsOf(env: NodeJS.ProcessEnv): ReadLimits {
  const d = defaultReadLimits
  return {
    maxUnpackedBytes: positive(env, 'JIXIAO_IMPORT_MAX_UNPACKED_MB', d.maxUnpackedBytes, MB),
    maxCompressionRatio: positive(env, 'JIXIAO_IMPORT_MAX_RATIO', d.maxCompressionRatio),
    maxEntries: positive(env, 'JIXIAO_IMPORT_MAX_PARTS', d.maxEntries),
    maxSharedStrings: positive(env, 'JIXIAO_IMPORT_MAX_SHARED_STRINGS', d.maxSharedStrings),
    maxSharedStringBytes: positive(env, 'JIXIAO_IMPORT_MAX_SHARED_STRINGS_MB', d.maxSharedStringBytes, MB),
    maxRows: positive(env, 'JIXIAO_IMPORT_MAX_ROWS', d.maxRows),
    maxCells: positive(env, 'JIXIAO_IMPORT_MAX_CELLS', d.maxCells),
    maxSeconds: positive(env, 'JIXIAO_IMPORT_MAX_SECONDS', d.maxSeconds),
  }
}

/** Reads configuration from the environment once, at start. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = resolve(env.JIXIAO_DATA_DIR ?? 'data')
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    databaseReadUrl: env.DATABASE_READ_URL || undefined,
    readYourWritesSeconds: positive(env, 'JIXIAO_READ_YOUR_WRITES_SECONDS', 10),
    dataDir,
    webDistDir: resolve(env.JIXIAO_WEB_DIR ?? 'web/dist'),
    logLevel: env.LOG_LEVEL ?? 'info',
    secureCookies: env.JIXIAO_SECURE_COOKIES === 'true',
    trustProxy: env.JIXIAO_TRUST_PROXY === 'true',
    publicOrigins: (env.JIXIAO_PUBLIC_ORIGIN ?? '').split(',').map((o) => o.trim()).filter(Boolean),
    loginRateLimit: Number(env.JIXIAO_LOGIN_RATE_LIMIT ?? 30),
    publicRateLimit: positive(env, 'JIXIAO_PUBLIC_RATE_LIMIT', 300),
    uploadLimits: {
      importBytes: positive(env, 'JIXIAO_IMPORT_MAX_MB', 50 * MB, MB),
      formBytes: positive(env, 'JIXIAO_FORM_IMPORT_MAX_MB', 10 * MB, MB),
      attachmentBytes: positive(env, 'JIXIAO_ATTACHMENT_MAX_MB', 20 * MB, MB),
    },
    readLimits: readLimitsOf(env),
    exportMaxGoals: positive(env, 'JIXIAO_EXPORT_MAX_GOALS', 5000),
    auditKey: auditKeySource(env, dataDir),
    sessionCacheMs: positive(env, 'JIXIAO_SESSION_CACHE_SECONDS', 2_000, 1000),
    jobStaleSeconds: positive(env, 'JIXIAO_JOB_STALE_SECONDS', 60),
    partitionYearsAhead: Math.floor(positive(env, 'JIXIAO_PARTITION_YEARS_AHEAD', 2)),
    auditOnlineDays: positive(env, 'JIXIAO_AUDIT_ONLINE_DAYS', 180),
  }
}
