import { createWriteStream } from 'node:fs'
import { once } from 'node:events'

/**
 * Part (b) of `npm run bench -- monitoring`: payment rows in the treasury export layout (项目编码, 支付日期, 金额,
 * 资金来源, 支付凭证号), and the same rows in execution_payment's column order for the COPY baseline.
 */

export const TREASURY_HEADER = ['项目编码', '支付日期', '金额', '资金来源', '支付凭证号'] as const

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
