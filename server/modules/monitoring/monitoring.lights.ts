import Decimal from 'decimal.js'
import { sql } from 'kysely'
import { addMoney } from '../../../domain/money.ts'
import type { Forecast } from '../../../domain/forecast.ts'
import { type FormLights, forecastStrays, formLights, type indicatorLightOf } from '../../../domain/monitoring-form.ts'
import type { MonitoringFormStatus } from '../../../domain/monitoring.ts'
import type { RuleSet } from '../../../domain/rule-set.ts'
import type { Db, Trx } from '../../db/database.ts'
import { type ForecastCache, forecastFor } from '../execution/execution.forecast.ts'
import { projectTotals } from '../execution/execution.funds.ts'
import { effectiveRules } from '../rule-sets/rule-sets.service.ts'
import { onRoundForms } from './rounds.open.ts'

/**
 * The lights of monitoring forms, written to the rows so lists, filters and dashboards read them without computing.
 * Every figure comes from `domain/monitoring-form.ts` → `domain/lights.ts`; nothing here decides a light.
 */

/** Until a form is submitted its 年初预算数, 调整后预算数 and 1–N月执行数 follow the treasury payments; then they are frozen. */
export const fundsFollowPaymentsIn: readonly MonitoringFormStatus[] = ['draft', 'returned']

/** The lights of one form from its cut-off, its funds (调整后预算数 and 1–N月执行数) and its indicators. */
export function computeFormLights(
  form: { cutoffMonth: number },
  indicators: readonly Parameters<typeof indicatorLightOf>[0][],
  funds: { budgetAdjusted: string; executed: string },
  rules: RuleSet,
): FormLights {
  return formLights({ cutoffMonth: form.cutoffMonth, budgetAdjusted: funds.budgetAdjusted, executed: funds.executed }, indicators, rules)
}

type FormRow = Awaited<ReturnType<typeof loadForms>>[number]

function loadForms(trx: Db | Trx, formIds: readonly string[]) {
  return trx
    .selectFrom('monitoringForm')
    .select(['id', 'roundId', 'kind', 'projectId', 'jurisdictionCode', 'departmentCode', 'fiscalYear', 'cutoffMonth', 'status', 'budgetInitial', 'budgetAdjusted', 'executed', 'unitForecast', 'systemForecast'])
    .where('id', 'in', [...formIds])
    .execute()
}

/** 部门整体: the department form's money is that of the department's project forms in the same round. */
async function departmentFunds(trx: Db | Trx, forms: FormRow[]) {
  const sums = new Map<string, { budgetInitial: string; budgetAdjusted: string; executed: string }>()
  for (const form of forms) {
    const row = await trx
      .selectFrom('monitoringForm')
      .select([
        sql<string>`coalesce(sum(budget_initial), 0)::text`.as('budgetInitial'),
        sql<string>`coalesce(sum(budget_adjusted), 0)::text`.as('budgetAdjusted'),
        sql<string>`coalesce(sum(executed), 0)::text`.as('executed'),
      ])
      .where('roundId', '=', form.roundId)
      .where('departmentCode', '=', form.departmentCode)
      .where('kind', '=', 'project')
      .executeTakeFirstOrThrow()
    sums.set(form.id, { budgetInitial: addMoney(row.budgetInitial), budgetAdjusted: addMoney(row.budgetAdjusted), executed: addMoney(row.executed) })
  }
  return sums
}

/** Refreshed funds for the forms still following payments; the stored ones for the others. */
async function currentFunds(trx: Db | Trx, forms: FormRow[]) {
  const funds = new Map(forms.map((f) => [f.id, { budgetInitial: f.budgetInitial, budgetAdjusted: f.budgetAdjusted, executed: f.executed }]))
  const following = forms.filter((f) => fundsFollowPaymentsIn.includes(f.status))
  const byCutoff = new Map<string, FormRow[]>()
  for (const f of following.filter((f) => f.kind === 'project')) {
    const key = `${f.fiscalYear}/${f.cutoffMonth}`
    const group = byCutoff.get(key)
    if (group) group.push(f)
    else byCutoff.set(key, [f])
  }
  for (const group of byCutoff.values()) {
    const paid = await projectTotals(trx, { projectIds: group.map((f) => f.projectId!), fiscalYear: group[0]!.fiscalYear, month: group[0]!.cutoffMonth })
    for (const f of group) {
      const p = paid.get(f.projectId!)
      if (p) funds.set(f.id, { budgetInitial: p.budgetInitial, budgetAdjusted: p.budgetAdjusted, executed: p.executed })
    }
  }
  return funds
}

/** What a sweep reads once for all its chunks: the rule sets and the forecast's peer profiles. */
export interface SweepCache {
  rules: Map<string, RuleSet>
  forecast: ForecastCache
}

export const newSweepCache = (): SweepCache => ({ rules: new Map(), forecast: new Map() })

async function rulesByJurisdiction(trx: Db | Trx, forms: FormRow[], cache: Map<string, RuleSet>) {
  for (const f of forms) {
    const key = `${f.jurisdictionCode}/${f.fiscalYear}`
    if (!cache.has(key)) cache.set(key, (await effectiveRules(trx, f.jurisdictionCode, f.fiscalYear)).rules)
  }
  return (f: FormRow) => cache.get(`${f.jurisdictionCode}/${f.fiscalYear}`)!
}

/**
 * The system's year-end forecast (execution.forecast.ts), by form id, for the project forms still following payments
 * whose funds moved since their forecast was made, or that have none (a new form; one whose peers' prior-year
 * payments changed — see lights.listeners.ts). Any other form keeps its forecast: same funds, same closed years.
 */
async function currentForecasts(trx: Db | Trx, forms: FormRow[], fundsOf: FundsByForm, cache: ForecastCache) {
  const byForm = new Map<string, Forecast>()
  const groups = new Map<string, FormRow[]>()
  const moved = (f: FormRow) => {
    const now = fundsOf.get(f.id)!
    return f.systemForecast === null || !new Decimal(now.executed).eq(f.executed) || !new Decimal(now.budgetAdjusted).eq(f.budgetAdjusted)
  }
  for (const f of forms.filter((f) => f.kind === 'project' && fundsFollowPaymentsIn.includes(f.status) && moved(f))) {
    const key = `${f.fiscalYear}/${f.cutoffMonth}`
    const group = groups.get(key)
    if (group) group.push(f)
    else groups.set(key, [f])
  }
  for (const group of groups.values()) {
    const funds = new Map(group.map((f) => [f.projectId!, fundsOf.get(f.id)!]))
    const forecasts = await forecastFor(trx, { projectIds: group.map((f) => f.projectId!), fiscalYear: group[0]!.fiscalYear, month: group[0]!.cutoffMonth, funds }, cache)
    for (const f of group) {
      const forecast = forecasts.get(f.projectId!)
      if (forecast) byForm.set(f.id, forecast)
    }
  }
  return byForm
}

type FundsByForm = Map<string, { budgetInitial: string; budgetAdjusted: string; executed: string }>

async function recomputeSome(trx: Db | Trx, forms: FormRow[], fundsOf: FundsByForm, cache: SweepCache) {
  if (forms.length === 0) return
  const rulesOf = await rulesByJurisdiction(trx, forms, cache.rules)
  const indicators = await trx
    .selectFrom('monitoringFormIndicator')
    .select(['id', 'formId', 'level2', 'nature', 'target', 'unit', 'progress'])
    .where('formId', 'in', forms.map((f) => f.id))
    .orderBy('formId')
    .orderBy('sortOrder')
    .execute()
  const byForm = new Map<string, typeof indicators>()
  for (const ind of indicators) {
    const own = byForm.get(ind.formId)
    if (own) own.push(ind)
    else byForm.set(ind.formId, [ind])
  }

  const forecastOf = await currentForecasts(trx, forms, fundsOf, cache.forecast)
  const ind = { id: [] as string[], light: [] as (string | null)[] }
  const row = {
    id: [] as string[], budgetInitial: [] as string[], budgetAdjusted: [] as string[], executed: [] as string[], executionRate: [] as string[],
    budgetLight: [] as string[], projectLight: [] as (string | null)[], explained: [] as string[], flagged: [] as boolean[],
    systemForecast: [] as (string | null)[], forecastExplained: [] as (string | null)[], forecastFresh: [] as boolean[],
  }
  for (const form of forms) {
    const rules = rulesOf(form)
    const funds = fundsOf.get(form.id)!
    const own = byForm.get(form.id) ?? []
    const lights = computeFormLights(form, own, funds, rules)
    own.forEach((indicator, i) => {
      const light = lights.indicators[i] ?? null
      ind.id.push(indicator.id)
      ind.light.push(light?.value ?? null)
    })
    const forecast = forecastOf.get(form.id)
    const systemForecast = forecast?.value ?? form.systemForecast
    row.id.push(form.id)
    row.budgetInitial.push(funds.budgetInitial)
    row.budgetAdjusted.push(funds.budgetAdjusted)
    row.executed.push(funds.executed)
    row.executionRate.push(lights.executionRate)
    row.budgetLight.push(lights.budget.value)
    row.projectLight.push(lights.project.value)
    row.explained.push(JSON.stringify({ budget: lights.budget, project: lights.project }))
    row.flagged.push(forecastStrays({ unitForecast: form.unitForecast, systemForecast, budget: funds.budgetAdjusted }, rules.monitoring.forecastMarginPercent))
    row.systemForecast.push(systemForecast)
    row.forecastExplained.push(forecast ? JSON.stringify(forecast.explained) : null)
    row.forecastFresh.push(forecast !== undefined)
  }
  // One array per column (unnest), not a VALUES row per form: thousands of rows cost a handful of parameters. Rows
  // whose values are already current are not rewritten: a nightly sweep over a quiet round writes next to nothing.
  if (ind.id.length) {
    // The colour only: an indicator's explanation is worked out when its form is read (forms.service.ts formView).
    await sql`update monitoring_form_indicator as t set light = v.light
      from unnest(${ind.id}::uuid[], ${ind.light}::varchar[]) as v(id, light)
      where t.id = v.id and t.light is distinct from v.light`.execute(trx)
  }
  await sql`update monitoring_form as t set budget_initial = v.budget_initial, budget_adjusted = v.budget_adjusted, executed = v.executed,
      execution_rate = v.execution_rate, budget_light = v.budget_light, project_light = v.project_light, lights_explained = v.explained::jsonb,
      forecast_flagged = v.flagged, system_forecast = v.system_forecast,
      forecast_explained = case when v.forecast_fresh then v.forecast_explained::jsonb else t.forecast_explained end
    from unnest(${row.id}::uuid[], ${row.budgetInitial}::numeric[], ${row.budgetAdjusted}::numeric[], ${row.executed}::numeric[], ${row.executionRate}::numeric[],
      ${row.budgetLight}::varchar[], ${row.projectLight}::varchar[], ${row.explained}::text[], ${row.flagged}::boolean[],
      ${row.systemForecast}::numeric[], ${row.forecastExplained}::text[], ${row.forecastFresh}::boolean[])
      as v(id, budget_initial, budget_adjusted, executed, execution_rate, budget_light, project_light, explained, flagged, system_forecast, forecast_explained, forecast_fresh)
    where t.id = v.id and (
      (t.budget_initial, t.budget_adjusted, t.executed, t.execution_rate, t.budget_light, t.project_light, t.lights_explained, t.forecast_flagged, t.system_forecast)
        is distinct from (v.budget_initial, v.budget_adjusted, v.executed, v.execution_rate, v.budget_light, v.project_light, v.explained::jsonb, v.flagged, v.system_forecast)
      or (v.forecast_fresh and t.forecast_explained is distinct from v.forecast_explained::jsonb))`.execute(trx)
}

/**
 * Recomputes the lights of these forms (and refreshes the funds of those not yet submitted) in the caller's
 * transaction. Project forms first, then department forms, whose money is the sum of their department's project
 * forms. Idempotent: running it twice writes the same values. Does not touch `version`: a refresh is not an edit.
 */
export async function recomputeLights(trx: Db | Trx, formIds: readonly string[], cache: SweepCache = newSweepCache()): Promise<number> {
  if (formIds.length === 0) return 0
  const forms = await loadForms(trx, formIds)
  const projects = forms.filter((f) => f.kind === 'project')
  await recomputeSome(trx, projects, await currentFunds(trx, projects), cache)
  const departments = forms.filter((f) => f.kind === 'department')
  const deptFunds = await currentFunds(trx, departments)
  for (const [id, sum] of await departmentFunds(trx, departments.filter((f) => fundsFollowPaymentsIn.includes(f.status)))) deptFunds.set(id, sum)
  await recomputeSome(trx, departments, deptFunds, cache)
  return forms.length
}

export const SWEEP_CHUNK = 1000
/** Chunks in flight at once: while PostgreSQL writes one, the app computes the next (PGlite runs them in turn). */
const SWEEP_PARALLEL = 2

/**
 * Every form of a round, in chunks of `SWEEP_CHUNK`, each chunk its own short transaction (other writers are never
 * blocked for the whole sweep), SWEEP_PARALLEL of them at a time. Resumable: a sweep cut off half-way is simply
 * run again. Department forms are swept after all project forms, since their money sums them.
 */
export async function sweepRoundLights(db: Db, roundId: string, progress?: (done: number, total?: number, message?: string) => Promise<void>): Promise<{ forms: number }> {
  const forms = await db.selectFrom('monitoringForm').select(['id', 'kind']).where('roundId', '=', roundId).orderBy('id').execute()
  let done = 0
  const cache = newSweepCache()
  await progress?.(0, forms.length, '计算预警灯')
  for (const kind of ['project', 'department'] as const) {
    const ids = forms.filter((f) => f.kind === kind).map((f) => f.id)
    const chunks = Array.from({ length: Math.ceil(ids.length / SWEEP_CHUNK) }, (_, i) => ids.slice(i * SWEEP_CHUNK, (i + 1) * SWEEP_CHUNK))
    let next = 0
    const worker = async () => {
      while (next < chunks.length) {
        const chunk = chunks[next++]!
        await db.transaction().execute((trx) => recomputeLights(trx, chunk, cache))
        done += chunk.length
        await progress?.(done, forms.length, '计算预警灯')
      }
    }
    await Promise.all(Array.from({ length: Math.min(SWEEP_PARALLEL, chunks.length) }, worker))
  }
  return { forms: done }
}

/**
 * After payments or budget adjustments of these projects change: refreshes the forms that still follow the payments
 * (not yet submitted, in an open round), so their funds and lights are current. For the execution module to call in
 * the transaction that writes the payments.
 */
export async function recomputeLightsForProjects(trx: Db | Trx, projectIds: readonly string[]): Promise<number> {
  if (projectIds.length === 0) return 0
  const forms = await trx
    .selectFrom('monitoringForm')
    .innerJoin('monitoringRound', 'monitoringRound.id', 'monitoringForm.roundId')
    .select('monitoringForm.id')
    .where('monitoringForm.projectId', 'in', [...projectIds])
    .where('monitoringForm.status', 'in', [...fundsFollowPaymentsIn])
    .where('monitoringRound.status', '=', 'open')
    .execute()
  return recomputeLights(trx, forms.map((f) => f.id))
}

// A new round's forms are lit (and forecast) before anyone but its bureau sees them.
onRoundForms((db, roundId, progress) => sweepRoundLights(db, roundId, progress))
