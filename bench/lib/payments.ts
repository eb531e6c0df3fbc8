import { createReadStream, createWriteStream } from 'node:fs'
import { once } from 'node:events'
import { z } from 'zod'
import type { Db, Trx } from '../../server/db/database.ts'
import { defineJob } from '../../server/platform/jobs.ts'

/**
 * Part (b) of `npm run bench -- monitoring`: payment rows in the treasury export layout (项目编码, 支付日期, 金额,
 * 资金来源, 支付凭证号) and the app's path for them.
 *
 * Until the execution module's `importPayments(db, ctx, source, onProgress)` is on main, the app side here is the
 * insert path it is to share: the file streamed line by line, project codes resolved in chunks, rows written in
 * multi-row INSERTs that skip a voucher already there (idempotent by voucher), all in one transaction (all or
 * nothing), as a background job with progress. Swap `importPaymentsPath` for the module's function when it lands.
 */

export const TREASURY_HEADER = ['项目编码', '支付日期', '金额', '资金来源', '支付凭证号'] as const
const CHUNK = 1000

export interface PaymentTarget {
  projectId: string
  code: string
  jurisdictionCode: string
  fiscalYear: number
  fundSource: string
}

/**
 * Writes `rows` payments spread over the targets' months 7–12 twice: the treasury CSV the app imports, and the same
 * rows resolved to execution_payment's columns for COPY. Streams both; nothing is held.
 */
export async function writePaymentFiles(targets: readonly PaymentTarget[], rows: number, files: { treasury: string; copy: string }) {
  const treasury = createWriteStream(files.treasury)
  const copy = createWriteStream(files.copy)
  const write = async (stream: NodeJS.WritableStream, line: string) => {
    if (!stream.write(line)) await once(stream, 'drain')
  }
  await write(treasury, `${TREASURY_HEADER.join(',')}\n`)
  for (let i = 0; i < rows; i++) {
    const t = targets[i % targets.length]!
    const month = 7 + (Math.floor(i / targets.length) % 6)
    const day = 1 + (i % 28)
    const paidOn = `${t.fiscalYear}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
    const amount = `${1000 + (i % 90_000)}.${String(i % 100).padStart(2, '0')}`
    const voucher = `BM${t.fiscalYear}${String(i).padStart(8, '0')}`
    await write(treasury, `${t.code},${paidOn},${amount},${t.fundSource},${voucher}\n`)
    await write(copy, `${t.jurisdictionCode},${t.projectId},${t.fiscalYear},${paidOn},${month},${amount},${t.fundSource},${voucher},import\n`)
  }
  treasury.end()
  copy.end()
  await Promise.all([once(treasury, 'finish'), once(copy, 'finish')])
}

interface ParsedRow {
  code: string
  paidOn: string
  amount: string
  fundSource: string
  voucherNo: string
}

/** The shared insert path: stream, resolve, insert in chunks (ON CONFLICT DO NOTHING), one transaction. */
export async function importPaymentsPath(db: Db, file: string, onProgress: (done: number, message: string) => Promise<void>): Promise<{ rows: number; inserted: number }> {
  return db.transaction().execute(async (trx) => {
    const projects = new Map<string, { id: string; jurisdictionCode: string }>()
    let rows = 0
    let inserted = 0
    let batch: ParsedRow[] = []
    const flush = async () => {
      if (batch.length === 0) return
      inserted += await insertChunk(trx, batch, projects)
      rows += batch.length
      batch = []
      if (rows % (CHUNK * 50) === 0) await onProgress(rows, `已导入 ${rows} 行`)
    }
    let header = true
    for await (const line of linesOf(file)) {
      if (header) {
        header = false
        continue
      }
      if (!line) continue
      const [code, paidOn, amount, fundSource, voucherNo] = line.split(',')
      if (!code || !paidOn || !amount || !fundSource || !voucherNo) throw new Error(`bad line ${rows + batch.length + 2}`)
      batch.push({ code, paidOn, amount, fundSource, voucherNo })
      if (batch.length === CHUNK) await flush()
    }
    await flush()
    await onProgress(rows, `完成 ${rows} 行`)
    return { rows, inserted }
  })
}

/**
 * The file's lines, read with backpressure: iterating a Readable pauses it while the loop body awaits (readline's
 * async iterator queues lines without limit when the consumer is slower — the whole file in memory).
 */
async function* linesOf(file: string): AsyncGenerator<string> {
  let rest = ''
  for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: 256 * 1024 })) {
    const lines = (rest + chunk).split('\n')
    rest = lines.pop() ?? ''
    for (const line of lines) yield line.endsWith('\r') ? line.slice(0, -1) : line
  }
  if (rest) yield rest
}

async function insertChunk(trx: Trx, batch: ParsedRow[], projects: Map<string, { id: string; jurisdictionCode: string }>) {
  const missing = [...new Set(batch.map((r) => r.code))].filter((c) => !projects.has(c))
  if (missing.length) {
    for (const p of await trx.selectFrom('project').select(['id', 'code', 'jurisdictionCode']).where('code', 'in', missing).execute()) {
      projects.set(p.code, { id: p.id, jurisdictionCode: p.jurisdictionCode })
    }
  }
  const values = batch.map((r) => {
    const project = projects.get(r.code)
    if (!project) throw new Error(`unknown project ${r.code}`)
    return {
      jurisdictionCode: project.jurisdictionCode,
      projectId: project.id,
      fiscalYear: Number(r.paidOn.slice(0, 4)),
      paidOn: r.paidOn,
      month: Number(r.paidOn.slice(5, 7)),
      amount: r.amount,
      fundSource: r.fundSource,
      voucherNo: r.voucherNo,
      source: 'import' as const,
    }
  })
  const result = await trx.insertInto('executionPayment').values(values).onConflict((oc) => oc.columns(['jurisdictionCode', 'voucherNo']).doNothing()).executeTakeFirst()
  return Number(result.numInsertedOrUpdatedRows ?? 0)
}

export const benchImportJob = defineJob({
  kind: 'bench.import-payments',
  schema: z.strictObject({ file: z.string().min(1) }),
  async run({ file }, ctx) {
    return importPaymentsPath(ctx.db, file, (done, message) => ctx.progress(done, undefined, message))
  },
})
