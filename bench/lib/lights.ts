import { sql } from 'kysely'
import { openRoundWork } from '../../server/modules/monitoring/rounds.open.ts'
import { sweepRoundLights } from '../../server/modules/monitoring/monitoring.lights.ts'
import { type BenchDatabase, table } from './harness.ts'

const MONTH = 6

/**
 * One statement doing what the sweep does for the lights (national bands 60/80/120 and 60/80, every indicator lit by
 * time progress): funds of the forms still being filled from payments and adjustments, each indicator's light, the
 * budget light and the project light (the worst indicator). It writes no explanations and no forecasts; the app
 * writes the budget and project lights' explanations and re-forecasts the forms whose funds moved (an indicator's
 * explanation is worked out when its form is read), so the ratio is the price of the app's way on top of the same
 * arithmetic.
 */
export const BASELINE_SQL = `
with f as (
  select f.id, f.project_id, f.fiscal_year, f.cutoff_month as m, p.amount_fiscal
    + coalesce((select sum(a.amount) from budget_adjustment a where a.project_id = f.project_id and a.fiscal_year = f.fiscal_year), 0) as budget
  from monitoring_form f join project p on p.id = f.project_id
  where f.round_id = any($1::uuid[]) and f.kind = 'project' and f.status in ('draft', 'returned')
),
paid as (
  select f.id, coalesce(sum(e.amount), 0) as executed
  from f left join execution_payment e on e.project_id = f.project_id and e.fiscal_year = f.fiscal_year and e.month <= f.m
  group by f.id
),
il as (
  select i.id, i.form_id,
    case
      when i.progress is null then null
      when i.nature = 'qualitative' then case i.progress when '达成' then 'green' when '部分达成' then 'yellow' when '未达成' then 'red' end
      when i.target !~ '^[0-9]+(\\.[0-9]+)?$' then null
      when i.nature in ('<=', '<') or i.target::numeric = 0 then
        case when (i.nature = '<=' and i.progress::numeric <= i.target::numeric) or (i.nature = '<' and i.progress::numeric < i.target::numeric)
               or (i.nature = '>=' and i.progress::numeric >= i.target::numeric) or (i.nature = '>' and i.progress::numeric > i.target::numeric)
               or (i.nature = '=' and i.progress::numeric <= 0) then 'green' else 'red' end
      else case
        when round(i.progress::numeric / (i.target::numeric * f.m / 12) * 100, 2) < 60 then 'red'
        when round(i.progress::numeric / (i.target::numeric * f.m / 12) * 100, 2) < 80 then 'yellow'
        when round(i.progress::numeric / (i.target::numeric * f.m / 12) * 100, 2) < 120 then 'green'
        else 'blue' end
    end as light
  from monitoring_form_indicator i join f on f.id = i.form_id
),
ui as (update monitoring_form_indicator t set light = il.light from il where t.id = il.id),
worst as (
  select il.form_id, min(case il.light when 'red' then 1 when 'yellow' then 2 when 'green' then 3 when 'blue' then 4 end) as worst
  from il group by il.form_id
),
fl as (
  select f.id, f.m, f.budget, paid.executed, worst.worst,
    case when f.budget = 0 then 0 else round(paid.executed / f.budget * 100, 2) end as rate
  from f join paid on paid.id = f.id left join worst on worst.form_id = f.id
)
update monitoring_form t set budget_adjusted = fl.budget, executed = fl.executed, execution_rate = fl.rate,
  budget_light = case
    when round((case when fl.budget = 0 then 0 else paid_rate end) / (fl.m::numeric / 12 * 100) * 100, 2) < 60 then 'red'
    when round((case when fl.budget = 0 then 0 else paid_rate end) / (fl.m::numeric / 12 * 100) * 100, 2) < 80 then 'yellow'
    else 'green' end,
  project_light = (array['red', 'yellow', 'green', 'blue'])[fl.worst]
from fl, lateral (select case when fl.budget = 0 then 0 else fl.executed / fl.budget * 100 end as paid_rate) r
where t.id = fl.id`

/**
 * Part (a) of the monitoring bench: a June round per jurisdiction of the generated set (opened by the app, not
 * timed), every indicator's progress filled, then the app's sweep against BASELINE_SQL over the same forms — and
 * the two results compared light by light.
 */
export async function lightsBench(db: BenchDatabase, log: (line: string) => void) {
  const kdb = db.handle.db
  const jurisdictions = (await sql<{ code: string }>`select distinct jurisdiction_code as code from project where fiscal_year = 2026 and status in ('budgeted', 'executing') and jurisdiction_code like '99%' order by 1`.execute(kdb)).rows
  const opening = performance.now()
  const roundIds: string[] = []
  for (const j of jurisdictions) {
    const round = await kdb
      .insertInto('monitoringRound')
      .values({ jurisdictionCode: j.code, fiscalYear: 2026, cutoffMonth: MONTH, name: '2026年1—6月绩效运行监控（压测）', deadline: new Date(Date.now() + 86_400_000), status: 'opening', createdAt: new Date(), updatedAt: new Date() })
      .returning('id')
      .executeTakeFirstOrThrow()
    await openRoundWork(kdb, round.id)
    roundIds.push(round.id)
  }
  const openSeconds = (performance.now() - opening) / 1000
  await sql`update monitoring_form_indicator i set likelihood = 'certain', progress = case
      when i.nature = 'qualitative' then (array['达成', '部分达成', '未达成'])[abs(hashtext(i.id::text)) % 3 + 1]
      when i.nature in ('<=', '<') then round(i.target::numeric * (0.6 + (abs(hashtext(i.id::text)) % 80) / 100.0), 2)::text
      else round(i.target::numeric * ${MONTH} / 12 * (0.3 + (abs(hashtext(i.id::text)) % 120) / 100.0), 2)::text end
    from monitoring_form f where f.id = i.form_id and f.round_id = any(${roundIds}::uuid[])`.execute(kdb)
  await sql`vacuum analyze monitoring_form_indicator`.execute(kdb)
  await sql`vacuum analyze monitoring_form`.execute(kdb)
  const { forms, indicators } = (await sql<{ forms: number; indicators: number }>`select count(distinct f.id)::int as forms, count(i.id)::int as indicators
    from monitoring_form f left join monitoring_form_indicator i on i.form_id = f.id where f.round_id = any(${roundIds}::uuid[])`.execute(kdb)).rows[0]!
  log(`(a) ${jurisdictions.length} rounds opened by the app in ${openSeconds.toFixed(1)} s: ${forms.toLocaleString('en')} forms, ${indicators.toLocaleString('en')} indicators`)

  const appStart = performance.now()
  for (const id of roundIds) await sweepRoundLights(kdb, id)
  const appSeconds = (performance.now() - appStart) / 1000
  await sql`create temporary table app_lights as select i.id, i.light, f.budget_light, f.project_light from monitoring_form_indicator i join monitoring_form f on f.id = i.form_id where f.round_id = any(${roundIds}::uuid[])`.execute(kdb)
  await sql`update monitoring_form set budget_light = null, project_light = null where round_id = any(${roundIds}::uuid[])`.execute(kdb)
  await sql`update monitoring_form_indicator i set light = null from monitoring_form f where f.id = i.form_id and f.round_id = any(${roundIds}::uuid[])`.execute(kdb)

  const sqlStart = performance.now()
  await sql.raw(BASELINE_SQL.replace('$1::uuid[]', `array[${roundIds.map((id) => `'${id}'`).join(',')}]::uuid[]`)).execute(kdb)
  const sqlSeconds = (performance.now() - sqlStart) / 1000
  const { differ } = (await sql<{ differ: number }>`select count(*)::int as differ from app_lights a join monitoring_form_indicator i on i.id = a.id join monitoring_form f on f.id = i.form_id
    where a.light is distinct from i.light or a.budget_light is distinct from f.budget_light or a.project_light is distinct from f.project_light`.execute(kdb)).rows[0]!
  const ratio = appSeconds / sqlSeconds
  log(
    table([
      { path: 'app: sweepRoundLights (lights, form explanations, forecasts)', forms: forms.toLocaleString('en'), seconds: appSeconds.toFixed(1), 'app / SQL': ratio.toFixed(2) },
      { path: 'one hand-written SQL (lights only)', forms: forms.toLocaleString('en'), seconds: sqlSeconds.toFixed(1), 'app / SQL': '1.00' },
    ]),
  )
  log(`(a) indicator rows whose lights differ between the app and the SQL: ${differ}`)
  return { rounds: roundIds.length, forms, indicators, openSeconds, appSeconds, sqlSeconds, ratio, differ }
}
