import { sql } from 'kysely'
import { beforeAll, describe, expect, test } from 'vitest'
import { createTestContext } from '../../test/context.ts'
import { seedDemo } from '../org/demo-seed.ts'
import { seedDemoPayments } from './demo-payments.ts'

const t = await createTestContext()
const ctx = () => ({ actor: null, requestId: 'test', clientIp: 'local', now: t.clock.now(), lang: 'zh' as const })

beforeAll(async () => {
  await seedDemo(t.db, ctx())
}, 600_000)

describe('demo payments', () => {
  test('every monitored 2026 project of the demo is paid through October, never beyond its budget', async () => {
    const rows = await t.db
      .selectFrom('project')
      .leftJoin('executionPayment as pay', 'pay.projectId', 'project.id')
      .select(['project.code', 'project.amountFiscal', sql<string>`coalesce(sum(pay.amount), 0)::text`.as('paid'), sql<number>`max(pay.month)`.as('lastMonth')])
      .where('project.fiscalYear', '=', 2026)
      .where('project.status', 'in', ['budgeted', 'executing'])
      .where('project.budgetKind', 'in', ['general', 'fund', 'state_capital'])
      .groupBy(['project.code', 'project.amountFiscal'])
      .execute()
    expect(rows.length).toBeGreaterThan(900)
    for (const r of rows) {
      expect(Number(r.lastMonth), r.code).toBeLessThanOrEqual(10)
      expect(Number(r.paid) <= Number(r.amountFiscal), r.code).toBe(true)
    }
    expect(rows.filter((r) => Number(r.paid) > 0).length).toBe(rows.length)
  })

  test('seeding again adds nothing: one voucher per project and month', async () => {
    const again = await t.db.transaction().execute((trx) => seedDemoPayments(trx, ctx(), { lastMonthOf: (y) => (y < 2026 ? 12 : 10) }))
    expect(again).toBe(0)
  })
})
