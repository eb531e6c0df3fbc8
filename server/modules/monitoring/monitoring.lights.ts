import { sql } from 'kysely'
import { addMoney } from '../../../domain/money.ts'
import type { Forecast } from '../../../domain/forecast.ts'
import { type FormLights, forecastStrays, formLights, type indicatorLightOf } from '../../../domain/monitoring-form.ts'
import type { MonitoringFormStatus } from '../../../domain/monitoring.ts'
import type { RuleSet } from '../../../domain/rule-set.ts'
import type { Db, Trx } from '../../db/database.ts'
import { forecastFor } from '../execution/execution.forecast.ts'
import { projectFunds } from '../execution/execution.funds.ts'
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
    byCutoff.set(key, [...(byCutoff.get(key) ?? []), f])
  }
  for (const group of byCutoff.values()) {
    const paid = await projectFunds(trx, { projectIds: group.map((f) => f.projectId!), fiscalYear: group[0]!.fiscalYear, month: group[0]!.cutoffMonth })
    for (const f of group) {
      const p = paid.get(f.projectId!)
      if (p) funds.set(f.id, { budgetInitial: p.budgetInitial, budgetAdjusted: p.budgetAdjusted, executed: p.executed })
    }
  }
  return funds
}

async function rulesByJurisdiction(trx: Db | Trx, forms: FormRow[]) {
  const cache = new Map<string, RuleSet>()
  for (const f of forms) {
    const key = `${f.jurisdictionCode}/${f.fiscalYear}`
    if (!cache.has(key)) cache.set(key, (await effectiveRules(trx, f.jurisdictionCode, f.fiscalYear)).rules)
  }
  return (f: FormRow) => cache.get(`${f.jurisdictionCode}/${f.fiscalYear}`)!
}

/** The system's year-end forecast for the project forms still following payments (execution.forecast.ts), by form id. */
async function currentForecasts(trx: Db | Trx, forms: FormRow[]) {
  const byForm = new Map<string, Forecast>()
  const groups = new Map<string, FormRow[]>()
  for (const f of forms.filter((f) => f.kind === 'project' && fundsFollowPaymentsIn.includes(f.status))) {
    const key = `${f.fiscalYear}/${f.cutoffMonth}`
    groups.set(key, [...(groups.get(key) ?? []), f])
  }
  for (const group of groups.values()) {
    const forecasts = await forecastFor(trx, { projectIds: group.map((f) => f.projectId!), fiscalYear: group[0]!.fiscalYear, month: group[0]!.cutoffMonth })
    for (const f of group) {
      const forecast = forecasts.get(f.projectId!)
      if (forecast) byForm.set(f.id, forecast)
    }
  }
  return byForm
}

async function recomputeSome(trx: Db | Trx, forms: FormRow[], fundsOf: Map<string, { budgetInitial: string; budgetAdjusted: string; executed: string }>) {
  if (forms.length === 0) return
  const rulesOf = await rulesByJurisdiction(trx, forms)
  const indicators = await trx
    .selectFrom('monitoringFormIndicator')
    .select(['id', 'formId', 'level2', 'nature', 'target', 'unit', 'progress'])
    .where('formId', 'in', forms.map((f) => f.id))
    .orderBy('formId')
    .orderBy('sortOrder')
    .execute()
  const byForm = new Map<string, typeof indicators>()
  for (const ind of indicators) byForm.set(ind.formId, [...(byForm.get(ind.formId) ?? []), ind])

  const forecastOf = await currentForecasts(trx, forms)
  const indicatorRows: ReturnType<typeof sql>[] = []
  const formRows: ReturnType<typeof sql>[] = []
  for (const form of forms) {
    const rules = rulesOf(form)
    const funds = fundsOf.get(form.id)!
    const own = byForm.get(form.id) ?? []
    const lights = computeFormLights(form, own, funds, rules)
    own.forEach((ind, i) => {
      const light = lights.indicators[i] ?? null
      indicatorRows.push(sql`(${ind.id}::uuid, ${light?.value ?? null}::varchar, ${light ? JSON.stringify(light) : null}::jsonb)`)
    })
    const forecast = forecastOf.get(form.id)
    const systemForecast = forecast?.value ?? form.systemForecast
    const flagged = forecastStrays({ unitForecast: form.unitForecast, systemForecast, budget: funds.budgetAdjusted }, rules.monitoring.forecastMarginPercent)
    formRows.push(
      sql`(${form.id}::uuid, ${funds.budgetInitial}::numeric, ${funds.budgetAdjusted}::numeric, ${funds.executed}::numeric, ${lights.executionRate}::numeric,
        ${lights.budget.value}::varchar, ${lights.project.value}::varchar, ${JSON.stringify({ budget: lights.budget, project: lights.project })}::jsonb, ${flagged}::boolean,
        ${systemForecast}::numeric, ${forecast ? JSON.stringify(forecast.explained) : null}::jsonb, ${forecast !== undefined}::boolean)`,
    )
  }
  if (indicatorRows.length) {
    await sql`update monitoring_form_indicator as t set light = v.light, light_explained = v.explained
      from (values ${sql.join(indicatorRows)}) as v(id, light, explained) where t.id = v.id`.execute(trx)
  }
  await sql`update monitoring_form as t set budget_initial = v.budget_initial, budget_adjusted = v.budget_adjusted, executed = v.executed,
      execution_rate = v.execution_rate, budget_light = v.budget_light, project_light = v.project_light, lights_explained = v.explained,
      forecast_flagged = v.flagged, system_forecast = v.system_forecast,
      forecast_explained = case when v.forecast_fresh then v.forecast_explained else t.forecast_explained end
    from (values ${sql.join(formRows)}) as v(id, budget_initial, budget_adjusted, executed, execution_rate, budget_light, project_light, explained, flagged,
      system_forecast, forecast_explained, forecast_fresh)
    where t.id = v.id`.execute(trx)
}

/**
 * Recomputes the lights of these forms (and refreshes the funds of those not yet submitted) in the caller's
 * transaction. Project forms first, then department forms, whose money is the sum of their department's project
 * forms. Idempotent: running it twice writes the same values. Does not touch `version`: a refresh is not an edit.
 */
export async function recomputeLights(trx: Db | Trx, formIds: readonly string[]): Promise<number> {
  if (formIds.length === 0) return 0
  const forms = await loadForms(trx, formIds)
  const projects = forms.filter((f) => f.kind === 'project')
  await recomputeSome(trx, projects, await currentFunds(trx, projects))
  const departments = forms.filter((f) => f.kind === 'department')
  const deptFunds = await currentFunds(trx, departments)
  for (const [id, sum] of await departmentFunds(trx, departments.filter((f) => fundsFollowPaymentsIn.includes(f.status)))) deptFunds.set(id, sum)
  await recomputeSome(trx, departments, deptFunds)
  return forms.length
}

export const SWEEP_CHUNK = 1000

/**
 * Every form of a round, in chunks of `SWEEP_CHUNK`, each chunk its own short transaction (other writers are never
 * blocked for the whole sweep). Resumable: a sweep cut off half-way is simply run again. Department forms are swept
 * after all project forms, since their money sums them.
 */
export async function sweepRoundLights(db: Db, roundId: string, progress?: (done: number, total?: number, message?: string) => Promise<void>): Promise<{ forms: number }> {
  const { total } = await db.selectFrom('monitoringForm').select((eb) => eb.fn.countAll<string>().as('total')).where('roundId', '=', roundId).executeTakeFirstOrThrow()
  const count = Number(total)
  let done = 0
  await progress?.(0, count, '计算预警灯')
  for (const kind of ['project', 'department'] as const) {
    let after: string | null = null
    for (;;) {
      let query = db.selectFrom('monitoringForm').select('id').where('roundId', '=', roundId).where('kind', '=', kind).orderBy('id').limit(SWEEP_CHUNK)
      if (after) query = query.where('id', '>', after)
      const ids = (await query.execute()).map((r) => r.id)
      if (ids.length === 0) break
      await db.transaction().execute((trx) => recomputeLights(trx, ids))
      done += ids.length
      after = ids[ids.length - 1]!
      await progress?.(done, count, '计算预警灯')
    }
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
