import { sql } from 'kysely'
import { beforeAll, describe, expect, test } from 'vitest'
import { createTestContext } from '../../test/context.ts'
import { seedDemoPayments } from '../execution/demo-payments.ts'
import { seedDemo } from '../org/demo-seed.ts'
import { seedDemoMonitoring } from './demo-seed.ts'

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

describe('demo monitoring', () => {
  test('深圳市 and 南山区 each have a 2026 round at the first cut-off, open, with forms in every status and every light (福田区 one from the cockpit demo)', async () => {
    const rounds = await t.db.selectFrom('monitoringRound').selectAll().where('fiscalYear', '=', 2026).orderBy('jurisdictionCode').execute()
    expect(rounds.map((r) => [r.jurisdictionCode, r.cutoffMonth, r.status])).toEqual([
      ['440300', 6, 'open'],
      ['440304', 6, 'open'],
      ['440305', 6, 'open'],
    ])
    const forms = await t.db.selectFrom('monitoringForm').select(['status', 'projectLight', 'budgetLight', 'systemForecast', 'kind']).where('roundId', '=', rounds[0]!.id).execute()
    expect(forms.length).toBe(rounds[0]!.formCount)
    expect(new Set(forms.map((f) => f.status))).toEqual(new Set(['draft', 'submitted', 'dept_accepted', 'returned', 'accepted']))
    expect(new Set(forms.map((f) => f.projectLight).filter(Boolean))).toEqual(new Set(['red', 'yellow', 'green', 'blue']))
    expect(new Set(forms.map((f) => f.budgetLight))).toEqual(new Set(['red', 'yellow', 'green']))
    expect(forms.filter((f) => f.kind === 'project' && f.systemForecast !== null).length).toBeGreaterThan(forms.length / 2)
    // 部门整体监控: the demo's departments have approved overall goals, so each has its form.
    expect(forms.filter((f) => f.kind === 'department').length).toBeGreaterThan(3)
  })

  test('the demo unit 深圳中学 has its form to fill, and a few corrective actions are open', async () => {
    const unit = await t.db.selectFrom('appUser').select('orgCode').where('username', '=', 'sz_edu_unit').executeTakeFirstOrThrow()
    const own = await t.db.selectFrom('monitoringForm').select(['status', 'goalId']).where('unitCode', '=', unit.orgCode).execute()
    expect(own.length).toBeGreaterThan(0)
    expect(own.every((f) => f.status === 'draft' && f.goalId !== null)).toBe(true)
    const actions = await t.db.selectFrom('correctiveAction').select('status').execute()
    expect(actions.filter((a) => a.status === 'open').length).toBeGreaterThan(0)
  })

  test('seeding monitoring again adds nothing', async () => {
    expect(await seedDemoMonitoring(t.db, ctx())).toEqual({ monitoringRounds: 0, monitoringForms: 0, correctiveActions: 0 })
  })
})
