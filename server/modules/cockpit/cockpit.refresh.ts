import { sql } from 'kysely'
import { budgetProjectStatuses, monitoringReportedStatuses, progressMonthOf } from '../../../domain/cockpit.ts'
import { chinaDay } from '../../../domain/corrective-actions.ts'
import { selfEvalSubmittedStatuses } from '../../../domain/evaluation.ts'
import { goalInForceStatuses } from '../../../domain/goals.ts'
import { type Db, inTransaction, type Trx } from '../../db/database.ts'

const list = (values: readonly string[]) => sql.join(values.map((v) => sql`${v}`))
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`)

/**
 * Rewrites the cockpit summary of a jurisdiction and every jurisdiction below it for one year, in one statement per
 * table and one transaction: each department's budget projects (纳入预算) and their money, which of them an approved
 * goal, a reported monitoring form and a self-evaluation or key evaluation reached, the forms and lights of its
 * jurisdiction's latest monitoring round, its self-evaluations and their grades, its rectification items, and the
 * adjusted budget and payments of its projects. Idempotent: run again, it writes the same rows.
 */
export async function refreshCockpitSummary(db: Db | Trx, input: { jurisdictionCode: string; fiscalYear: number; now: Date; jobRunId?: string | null }) {
  const { fiscalYear: year, now } = input
  const run = async (trx: Trx) => {
    const root = await trx.selectFrom('orgNode').select(['code', 'path']).where('code', '=', input.jurisdictionCode).where('kind', '=', 'jurisdiction').executeTakeFirstOrThrow()
    const under = `${escapeLike(root.path)}%`
    const juris = sql`(select code from org_node where kind = 'jurisdiction' and path like ${under})`
    await sql`delete from cockpit_summary where fiscal_year = ${year} and jurisdiction_code in ${juris}`.execute(trx)
    await sql`
      with proj as (
        select p.id, p.department_code, p.amount_total,
          exists (select 1 from goal g where g.project_id = p.id and g.fiscal_year = p.fiscal_year and g.status in (${list(goalInForceStatuses)})) as with_goal,
          exists (select 1 from monitoring_form f where f.project_id = p.id and f.fiscal_year = p.fiscal_year and f.status in (${list(monitoringReportedStatuses)})) as monitored,
          (exists (select 1 from self_eval_form s where s.project_id = p.id and s.fiscal_year = p.fiscal_year and s.status in (${list(selfEvalSubmittedStatuses)}))
            or exists (select 1 from key_evaluation k where k.project_id = p.id and k.fiscal_year = p.fiscal_year)) as evaluated
        from project p
        where p.fiscal_year = ${year} and p.status in (${list(budgetProjectStatuses)}) and p.jurisdiction_code in ${juris}
      ),
      proj_sum as (
        select department_code,
          count(*)::int as projects,
          (count(*) filter (where with_goal))::int as projects_with_goal,
          (count(*) filter (where monitored))::int as projects_monitored,
          (count(*) filter (where evaluated))::int as projects_evaluated,
          coalesce(sum(amount_total), 0) as spending,
          coalesce(sum(amount_total) filter (where with_goal), 0) as spending_with_goal,
          coalesce(sum(amount_total) filter (where monitored), 0) as spending_monitored,
          coalesce(sum(amount_total) filter (where evaluated), 0) as spending_evaluated
        from proj group by department_code
      ),
      money as (
        select proj.department_code,
          coalesce(sum((select coalesce(sum(a.amount), 0) from budget_adjustment a where a.project_id = proj.id and a.fiscal_year = ${year})), 0) as adjustments,
          coalesce(sum((select coalesce(sum(x.amount), 0) from execution_payment x where x.project_id = proj.id and x.fiscal_year = ${year})), 0) as executed
        from proj group by proj.department_code
      ),
      latest_round as (
        select distinct on (jurisdiction_code) id, jurisdiction_code, cutoff_month
        from monitoring_round
        where fiscal_year = ${year} and status <> 'opening' and jurisdiction_code in ${juris}
        order by jurisdiction_code, cutoff_month desc, created_at desc
      ),
      mon as (
        select f.department_code, max(r.cutoff_month) as cutoff_month,
          count(*)::int as expected,
          (count(*) filter (where f.status in (${list(monitoringReportedStatuses)})))::int as reported,
          (count(*) filter (where f.project_light = 'green'))::int as green,
          (count(*) filter (where f.project_light = 'yellow'))::int as yellow,
          (count(*) filter (where f.project_light = 'red'))::int as red
        from monitoring_form f join latest_round r on r.id = f.round_id
        group by f.department_code
      ),
      self as (
        select department_code,
          count(*)::int as expected,
          (count(*) filter (where status in (${list(selfEvalSubmittedStatuses)})))::int as submitted,
          (count(*) filter (where grade = '优'))::int as excellent,
          (count(*) filter (where grade = '良'))::int as good,
          (count(*) filter (where grade = '中'))::int as pass,
          (count(*) filter (where grade = '差'))::int as fail
        from self_eval_form where fiscal_year = ${year} and jurisdiction_code in ${juris}
        group by department_code
      ),
      rect as (
        select department_code, count(*)::int as raised, (count(*) filter (where status = 'closed'))::int as closed
        from rectification where fiscal_year = ${year} and jurisdiction_code in ${juris}
        group by department_code
      )
      insert into cockpit_summary (fiscal_year, jurisdiction_code, department_code, projects, projects_with_goal, projects_monitored,
        projects_evaluated, spending, spending_with_goal, spending_monitored, spending_evaluated, monitoring_cutoff_month,
        monitoring_expected, monitoring_reported, light_green, light_yellow, light_red, self_eval_expected, self_eval_submitted,
        grade_excellent, grade_good, grade_pass, grade_fail, rectification_raised, rectification_closed, budget_adjusted, executed, refreshed_at)
      select ${year}, d.jurisdiction_code, d.code,
        coalesce(ps.projects, 0), coalesce(ps.projects_with_goal, 0), coalesce(ps.projects_monitored, 0), coalesce(ps.projects_evaluated, 0),
        coalesce(ps.spending, 0), coalesce(ps.spending_with_goal, 0), coalesce(ps.spending_monitored, 0), coalesce(ps.spending_evaluated, 0),
        coalesce(mon.cutoff_month, (select cutoff_month from latest_round r where r.jurisdiction_code = d.jurisdiction_code)),
        coalesce(mon.expected, 0), coalesce(mon.reported, 0), coalesce(mon.green, 0), coalesce(mon.yellow, 0), coalesce(mon.red, 0),
        coalesce(self.expected, 0), coalesce(self.submitted, 0), coalesce(self.excellent, 0), coalesce(self.good, 0), coalesce(self.pass, 0), coalesce(self.fail, 0),
        coalesce(rect.raised, 0), coalesce(rect.closed, 0),
        coalesce(ps.spending, 0) + coalesce(money.adjustments, 0), coalesce(money.executed, 0), ${now}
      from org_node d
      left join proj_sum ps on ps.department_code = d.code
      left join money on money.department_code = d.code
      left join mon on mon.department_code = d.code
      left join self on self.department_code = d.code
      left join rect on rect.department_code = d.code
      where d.kind = 'department' and d.jurisdiction_code in ${juris}
    `.execute(trx)
    const progressMonth = progressMonthOf(year, chinaDay(now))
    await sql`
      insert into cockpit_refresh (fiscal_year, jurisdiction_code, refreshed_at, progress_month, job_run_id)
      select ${year}, code, ${now}, ${progressMonth}, ${input.jobRunId ?? null} from org_node where kind = 'jurisdiction' and path like ${under}
      on conflict (fiscal_year, jurisdiction_code) do update set refreshed_at = excluded.refreshed_at, progress_month = excluded.progress_month, job_run_id = excluded.job_run_id
    `.execute(trx)
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from cockpit_summary where fiscal_year = ${year} and jurisdiction_code in ${juris}`.execute(trx)
    return { jurisdictionCode: root.code, fiscalYear: year, departments: Number(rows[0]?.n ?? 0), refreshedAt: now.toISOString(), progressMonth }
  }
  return inTransaction(db, run)
}
