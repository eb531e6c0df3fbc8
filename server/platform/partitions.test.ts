import { sql } from 'kysely'
import { describe, expect, test } from 'vitest'
import { createTestContext } from '../test/context.ts'
import { makeForm, makeRound } from '../test/factories.monitoring-forms.ts'
import { enqueueJob } from './jobs.ts'
import { ensurePartitionsJob, keepPartitionsAhead } from './partitions.jobs.ts'
import { chinaYear, ensureYearPartitions, partitionYears, yearsAhead } from './partitions.ts'

// The test clock stands at 2026-01-05 (China time); the migrated template has the partitions of 2026 and 2027.
const t = await createTestContext({}, { jobs: true })
const city = await t.make.jurisdiction()
const unit = await t.make.unit({ department: await t.make.department({ jurisdiction: city }) })
const project = await t.make.project({ unit, status: 'executing' })

const partitionOf = async (table: string, where: string) =>
  (await sql<{ part: string }>`select tableoid::regclass::text as part from ${sql.table(table)} where ${sql.raw(where)}`.execute(t.db)).rows.map((r) => r.part)

async function paymentOf(year: number, voucherNo: string) {
  await t.db
    .insertInto('executionPayment')
    .values({ jurisdictionCode: project.jurisdictionCode, projectId: project.id, fiscalYear: year, paidOn: `${year}-02-01`, month: 2, amount: '10.00', fundSource: '一般公共预算', voucherNo, source: 'api' })
    .execute()
}

describe('year partitions made ahead', () => {
  test('the fiscal year is China’s calendar year', () => {
    expect(chinaYear(new Date('2026-12-31T16:00:00Z'))).toBe(2027)
    expect(chinaYear(new Date('2026-12-31T15:59:59Z'))).toBe(2026)
    expect(yearsAhead(new Date('2026-05-01T00:00:00Z'), 2)).toEqual([2026, 2027, 2028])
  })

  test('a year without its partition lands in DEFAULT; making the partition moves its rows in, and again changes nothing', async () => {
    await paymentOf(2031, 'P2031-1')
    const form = await makeForm(t, { round: await makeRound(t, { jurisdiction: city }), unit, indicators: [] })
    await t.db.insertInto('monitoringFormIndicator').values({ formId: form.id, fiscalYear: 2031, sortOrder: 9, level1: '产出指标', level2: '数量指标', name: '提前的指标', nature: '>=', target: '1', unit: '' }).execute()
    expect(await partitionOf('execution_payment', `voucher_no = 'P2031-1'`)).toEqual(['execution_payment_default'])

    const created = await ensureYearPartitions(t.db, [2030, 2031])
    expect(created.filter((c) => c.year === 2031)).toEqual([
      { table: 'execution_payment', year: 2031, movedFromDefault: 1 },
      { table: 'monitoring_form_indicator', year: 2031, movedFromDefault: 1 },
      { table: 'audit_log', year: 2031, movedFromDefault: 0 },
    ])
    expect(await partitionOf('execution_payment', `voucher_no = 'P2031-1'`)).toEqual(['execution_payment_y2031'])
    expect(await partitionOf('monitoring_form_indicator', `name = '提前的指标'`)).toEqual(['monitoring_form_indicator_y2031'])
    expect(await partitionOf('execution_payment', `fiscal_year = 2031`)).toHaveLength(1)
    expect(await ensureYearPartitions(t.db, [2030, 2031])).toEqual([])
    // The new partition has the table's keys: the same voucher in the same year is refused, in another year taken.
    await expect(paymentOf(2031, 'P2031-1')).rejects.toThrow(/duplicate key|unique/)
    await paymentOf(2030, 'P2031-1')
  })

  test('the job creates this year’s and the next two years’ partitions', async () => {
    const { jobRunId } = await enqueueJob(t.db, ensurePartitionsJob, {}, { entityType: 'partitions' })
    const state = await t.waitForJob(jobRunId, 60_000)
    expect(state.status).toBe('done')
    for (const table of ['execution_payment', 'monitoring_form_indicator', 'audit_log']) expect(await partitionYears(t.db, table)).toEqual(expect.arrayContaining([2026, 2027, 2028]))
    expect(state.result).toMatchObject({ years: [2026, 2027, 2028] })
  })

  test('a serving node queues the job at start and again at every interval, until it stops', async () => {
    const queued = async () => Number((await t.db.selectFrom('jobRun').select((eb) => eb.fn.countAll<number>().as('n')).where('kind', '=', 'platform.ensure-partitions').executeTakeFirstOrThrow()).n)
    const before = await queued()
    const errors: unknown[] = []
    const keeper = await keepPartitionsAhead(t.db, { everyMs: 150, onError: (e) => errors.push(e) })
    expect(await queued()).toBe(before + 1)
    await expect.poll(queued, { timeout: 10_000 }).toBeGreaterThanOrEqual(before + 3)
    keeper.stop()
    const stopped = await queued()
    await new Promise((r) => setTimeout(r, 400))
    expect(await queued()).toBe(stopped)
    expect(errors).toEqual([])
  })
})
