import type { Db } from '../db/database.ts'

/** Payments written straight to the table for execution tests: `monthly` is 12 amounts (元), January first. */
export async function insertMonthlyPayments(db: Db, project: { id: string; jurisdictionCode: string; fiscalYear: number }, monthly: readonly string[], prefix = project.id.slice(0, 8)) {
  const rows = monthly
    .map((amount, i) => ({ amount, month: i + 1 }))
    .filter((r) => Number(r.amount) !== 0)
    .map((r) => ({
      jurisdictionCode: project.jurisdictionCode,
      projectId: project.id,
      fiscalYear: project.fiscalYear,
      paidOn: `${project.fiscalYear}-${String(r.month).padStart(2, '0')}-15`,
      month: r.month,
      amount: r.amount,
      fundSource: '一般公共预算',
      voucherNo: `${prefix}-${project.fiscalYear}-${r.month}`,
      source: 'generated' as const,
      createdBy: null,
    }))
  if (rows.length) await db.insertInto('executionPayment').values(rows).execute()
}
