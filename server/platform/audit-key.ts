import { createHmac, randomBytes } from 'node:crypto'
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import type { Db } from '../db/database.ts'

/**
 * The audit chain's HMAC key lives outside the database, so whoever can rewrite rows cannot recompute their
 * hashes. It comes from JIXIAO_AUDIT_KEY (64 hex digits), or else the file JIXIAO_AUDIT_KEY_FILE, by default
 * `audit.key` in a folder beside the PGlite data folder (`./data` → `./data-keys/audit.key`).
 */
export interface AuditKeySource {
  file: string
  inline?: string
}

export function auditKeySource(env: NodeJS.ProcessEnv, dataDir: string): AuditKeySource {
  return { file: resolve(env.JIXIAO_AUDIT_KEY_FILE ?? `${dataDir}-keys/audit.key`), inline: env.JIXIAO_AUDIT_KEY || undefined }
}

/** Raised when the key is absent or unusable: the chain must not go on with another key, nor be checked without it. */
export class AuditKeyError extends Error {}

/** A short public name of the key, stored in audit_head, so a wrong key is told apart from altered rows. */
export function auditKeyId(key: Buffer): string {
  return createHmac('sha256', key).update('jixiao-audit-key-id').digest('hex').slice(0, 16)
}

function parseKey(text: string, where: string): Buffer {
  const hex = text.trim()
  if (!/^[0-9a-f]{64}$/i.test(hex)) throw new AuditKeyError(`审计密钥格式错误（须为 64 位十六进制） audit key in ${where} must be 64 hex digits`)
  return Buffer.from(hex, 'hex')
}

function readKeyFile(file: string): Buffer | null {
  try {
    return parseKey(readFileSync(file, 'utf8'), file)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
}

/** Whether the chain already holds rows hashed with a key (then only that key may continue or check it). */
export async function keyedRowsExist(db: Db): Promise<boolean> {
  const head = await db.selectFrom('auditHead').select(['seq', 'keyedFromSeq']).where('id', '=', 1).executeTakeFirstOrThrow()
  return head.seq >= head.keyedFromSeq
}

/**
 * The key the chain continues with. On first start (no keyed rows yet, no key anywhere) a new random key is
 * written with mode 0600; once keyed rows exist a missing key is an error, never silently replaced.
 */
export async function openAuditKey(db: Db, source: AuditKeySource, options: { create: boolean }): Promise<Buffer> {
  if (source.inline) return parseKey(source.inline, 'JIXIAO_AUDIT_KEY')
  const existing = readKeyFile(source.file)
  if (existing) return existing
  if (!options.create || (await keyedRowsExist(db))) {
    throw new AuditKeyError(
      `找不到审计密钥文件 ${source.file}：请恢复该文件或设置 JIXIAO_AUDIT_KEY_FILE / JIXIAO_AUDIT_KEY\n` +
        `audit key missing: ${source.file} not found; restore it or set JIXIAO_AUDIT_KEY_FILE / JIXIAO_AUDIT_KEY`,
    )
  }
  const key = randomBytes(32)
  mkdirSync(dirname(source.file), { recursive: true, mode: 0o700 })
  try {
    writeFileSync(source.file, `${key.toString('hex')}\n`, { mode: 0o600, flag: 'wx' })
  } catch (error) {
    // Another process started at the same moment and wrote its key first: use that one.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readKeyFile(source.file)!
    throw error
  }
  chmodSync(source.file, 0o600)
  return key
}
