import { describe, expect, test } from 'vitest'
import { createTestContext } from '../../test/context.ts'
import { makeForm, makePayment, makeRound, seedIndicators } from '../../test/factories.monitoring-forms.ts'
import { fundsChanged } from '../execution/execution.listeners.ts'
import { recomputeLights, recomputeLightsForProjects, sweepRoundLights } from './monitoring.lights.ts'

const t = await createTestContext()
const district = await t.make.jurisdiction()
const edu = await t.make.department({ jurisdiction: district })
const school = await t.make.unit({ department: edu })
const round = await makeRound(t, { jurisdiction: district, cutoffMonth: 6 })

const withProgress = (progress: (string | null)[]) => seedIndicators().map((i, n) => ({ ...i, progress: progress[n] ?? null }))

// 培训人次 ≥500 at m = 6: 100 → 40 → 红; 培训合格率 ≥95: 50 → 105.26 → 绿; 完成时间 达成 → 绿
const red = await makeForm(t, { round, unit: school, indicators: withProgress(['100', '50', '达成']), amount: '1000000.00' })
await makePayment(t, { project: red.project!, month: 3, amount: '200000.00' })
await makePayment(t, { project: red.project!, month: 6, amount: '100000.00' })
await makePayment(t, { project: red.project!, month: 7, amount: '999999.00' })
await t.db.insertInto('budgetAdjustment').values({ projectId: red.project!.id, fiscalYear: 2026, amount: '-400000.00', reason: '调减', adjustedOn: '2026-05-01' }).execute()
// Submitted: its funds are frozen at what was submitted, whatever is paid since.
const frozen = await makeForm(t, { round, unit: school, status: 'submitted', indicators: withProgress(['300']) })
await makePayment(t, { project: frozen.project!, month: 2, amount: '500000.00' })
const department = await makeForm(t, { round, department: edu, indicators: [] })

const formOf = (id: string) => t.db.selectFrom('monitoringForm').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
const lightsOf = (id: string) => t.db.selectFrom('monitoringFormIndicator').select(['name', 'light']).where('formId', '=', id).orderBy('sortOrder').execute()

describe('the lights sweep of a round', () => {
  test('writes each indicator’s light, the funds to the cut-off, the budget light and the project light', async () => {
    const progress: { done: number; total?: number }[] = []
    expect(await sweepRoundLights(t.db, round.id, async (done, total) => void progress.push({ done, total }))).toEqual({ forms: 3 })
    expect(progress.at(-1)).toEqual({ done: 3, total: 3 })

    const form = await formOf(red.id)
    // 全年预算数 = 1,000,000 − 400,000; 1–6月 = 300,000 (July's payment is after the cut-off) → 50%; time 50% → 100 → 绿
    expect(form).toMatchObject({ budgetInitial: '1000000.00', budgetAdjusted: '600000.00', executed: '300000.00', executionRate: '50.00', budgetLight: 'green', projectLight: 'red' })
    expect((form.lightsExplained as { project: { formula: string } }).project.formula).toContain('红 1 个')
    const lights = await lightsOf(red.id)
    expect(lights.map((l) => l.light)).toEqual(['red', 'green', 'green', null, null])
  })

  test('a submitted form keeps the funds it was submitted with', async () => {
    expect(await formOf(frozen.id)).toMatchObject({ executed: '0.00', executionRate: '0.00', budgetLight: 'red', projectLight: 'blue' })
  })

  test('the department form’s money is the sum of its department’s project forms', async () => {
    expect(await formOf(department.id)).toMatchObject({ budgetInitial: '2000000.00', budgetAdjusted: '1600000.00', executed: '300000.00', projectLight: null })
  })

  test('running it again changes nothing, and version is untouched (a refresh is not an edit)', async () => {
    const before = await formOf(red.id)
    await t.db.transaction().execute((trx) => recomputeLights(trx, [red.id, frozen.id, department.id]))
    expect(await formOf(red.id)).toEqual(before)
    expect(before.version).toBe(1)
  })
})

test('new payments of a project refresh its forms still being filled, not the submitted ones', async () => {
  await makePayment(t, { project: red.project!, month: 5, amount: '60000.00' })
  await makePayment(t, { project: frozen.project!, month: 5, amount: '1.00' })
  expect(await t.db.transaction().execute((trx) => recomputeLightsForProjects(trx, [red.project!.id, frozen.project!.id]))).toBe(1)
  expect(await formOf(red.id)).toMatchObject({ executed: '360000.00', executionRate: '60.00' })
  expect(await formOf(frozen.id)).toMatchObject({ executed: '0.00' })
})

test('a sweep re-forecasts only forms whose funds moved; a past year’s new payments clear the later open rounds’ forecasts and queue their sweep', async () => {
  await sweepRoundLights(t.db, round.id)
  const before = await formOf(red.id)
  expect(before.systemForecast).not.toBeNull()
  // Same funds, a forecast pretended stale by hand: a sweep leaves it, since nothing it depends on moved.
  await t.db.updateTable('monitoringForm').set({ systemForecast: '1.00' }).where('id', '=', red.id).execute()
  await sweepRoundLights(t.db, round.id)
  expect((await formOf(red.id)).systemForecast).toBe('1.00')

  const lastYear = await t.make.project({ unit: school, fiscalYear: 2025, status: 'closed' })
  await makePayment(t, { project: lastYear, month: 4, amount: '10.00' })
  await t.db.transaction().execute((trx) => fundsChanged(trx, [lastYear.id]))
  expect((await formOf(red.id)).systemForecast).toBeNull()
  const queued = await t.db.selectFrom('jobRun').select(['kind', 'entityId']).where('kind', '=', 'monitoring.sweep-lights').execute()
  expect(queued).toContainEqual({ kind: 'monitoring.sweep-lights', entityId: round.id })
  await sweepRoundLights(t.db, round.id)
  expect((await formOf(red.id)).systemForecast).toBe(before.systemForecast)
})
