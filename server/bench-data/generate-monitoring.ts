/**
 * What the bench needs for monitoring (issue 11), written set-based in SQL inside the generator's transaction, from
 * the projects just loaded: for every budgeted, executing or closed project an approved (published) goal with seven
 * indicators — quantitative targets of each nature, a cost ceiling from the project's money, a qualitative one — and
 * its monthly 国库集中支付 payments: all twelve months of the years before CURRENT_YEAR, months 1–PAID_THROUGH_MONTH
 * of CURRENT_YEAR (the first cut-off, end of June). Each project spends along one of three profiles (even,
 * year-end heavy, front-loaded) and executes 70–105 % of its 年初预算数 over a year; which one follows from a hash
 * of its code and the seed, so a seed gives the same data on both engines.
 */

export const PAID_THROUGH_MONTH = 6
export const GOAL_INDICATORS_PER_GOAL = 7

/** $1, $2: the path patterns of the generated org (generate.ts), $3: the seed, $4: the current year. */
const benchProjects = `
  select p.* from project p
   where p.status in ('budgeted', 'executing', 'closed')
     and p.fiscal_year <= $4::int
     and p.jurisdiction_code in (select code from org_node where kind = 'jurisdiction' and (path like $1 or path like $2))`

const hash = (expr: string) => `abs(hashtext(${expr} || ':' || $3::text))`

const goalsSql = `
  insert into goal (lineage_id, kind, project_id, fiscal_year, jurisdiction_code, department_code, unit_code, name,
    overall_target, annual_target, framework_code, status, finance_grade, submitted_at, approved_at, published_at,
    in_force_from, created_at, updated_at)
  select gen_random_uuid(), 'project', p.id, p.fiscal_year, p.jurisdiction_code, p.department_code, p.unit_code,
    left(p.name || '绩效目标', 200),
    '按期保质完成' || p.name || '，服务对象满意度不低于85%。',
    p.fiscal_year || '年完成' || p.name || '年度任务。',
    'legacy-88', 'published', case when ${hash('p.code')} % 2 = 0 then '优' else '良' end,
    make_timestamptz(p.fiscal_year - 1, 11, 10, 9, 0, 0, 'Asia/Shanghai'),
    make_timestamptz(p.fiscal_year - 1, 12, 20, 9, 0, 0, 'Asia/Shanghai'),
    make_timestamptz(p.fiscal_year - 1, 12, 20, 9, 0, 0, 'Asia/Shanghai'),
    make_timestamptz(p.fiscal_year - 1, 12, 20, 9, 0, 0, 'Asia/Shanghai'),
    make_timestamptz(p.fiscal_year - 1, 11, 1, 9, 0, 0, 'Asia/Shanghai'),
    make_timestamptz(p.fiscal_year - 1, 12, 20, 9, 0, 0, 'Asia/Shanghai')
  from (${benchProjects}) p`

/**
 * The seven indicators: (sort, 一级, 二级, name, nature, low, spread, unit, value basis). A target is low + a hash of
 * the project modulo spread; the cost ceiling (sort 4) is the project's 年初预算数 in 万元 and the qualitative one (6)
 * has no number.
 */
const template = `(values
  (1, '产出指标', '数量指标', '服务对象覆盖人次', '>=', 200, 800, '人次', 'plan'),
  (2, '产出指标', '质量指标', '验收合格率', '>=', 90, 11, '%', 'industry'),
  (3, '产出指标', '时效指标', '任务按期完成率', '>=', 90, 11, '%', 'plan'),
  (4, '产出指标', '成本指标', '项目支出成本控制', '<=', 0, 1, '万元', 'plan'),
  (5, '效益指标', '社会效益指标', '群众办事平均等待时间', '<=', 10, 30, '分钟', 'history'),
  (6, '效益指标', '可持续影响指标', '长效管理机制', 'qualitative', 0, 1, '', 'other'),
  (7, '满意度指标', '服务对象满意度指标', '服务对象满意度', '>=', 85, 11, '%', 'industry')
) as t(sort_order, level1, level2, name, nature, low, spread, unit, value_basis)`

const indicatorsSql = `
  insert into goal_indicator (goal_id, sort_order, level1, level2, name, nature, target, unit, target_number,
    target_base_unit, value_basis, scoring_rule)
  select g.id, t.sort_order, t.level1, t.level2, t.name, t.nature,
    case when t.nature = 'qualitative' then '建立并有效运行'
         when t.sort_order = 4 then round(p.amount_fiscal / 10000, 2)::text
         else (t.low + ${hash('p.code || t.sort_order::text')} % t.spread)::text end,
    t.unit,
    case when t.nature = 'qualitative' then null
         when t.sort_order = 4 then p.amount_fiscal
         else t.low + ${hash('p.code || t.sort_order::text')} % t.spread end,
    case when t.nature = 'qualitative' then null when t.sort_order = 4 then '元' else t.unit end,
    t.value_basis, '完成目标值得满分，未完成按比例扣分'
  from goal g
  join (${benchProjects}) p on p.id = g.project_id
  cross join ${template}`

const fundSource = `case p.budget_kind when 'general' then '一般公共预算资金' when 'fund' then '政府性基金预算资金'
  when 'state_capital' then '国有资本经营预算资金' else '社会保险基金预算资金' end`

/** Month weights of the three profiles: even (1 each, Σ 12), year-end heavy (m, Σ 78), front-loaded (13 − m, Σ 78). */
const paymentsSql = `
  insert into execution_payment (jurisdiction_code, project_id, fiscal_year, paid_on, month, amount, fund_source, voucher_no, source)
  select x.jurisdiction_code, x.id, x.fiscal_year, make_date(x.fiscal_year, x.m, 5 + x.h % 20), x.m, x.amount,
    x.fund_source, 'GK' || x.fiscal_year || lpad(x.m::text, 2, '0') || '-' || x.code, 'generated'
  from (
    select p.jurisdiction_code, p.id, p.fiscal_year, p.code, m, ${hash('p.code')} as h, ${fundSource} as fund_source,
      round(p.amount_fiscal * (70 + ${hash('p.code')} % 36) / 100
        * case ${hash('p.code')} % 3 when 0 then 1.0 / 12 when 1 then m / 78.0 else (13 - m) / 78.0 end, 2) as amount
    from (${benchProjects}) p
    cross join generate_series(1, 12) as m
    where p.fiscal_year < $4::int or m <= ${PAID_THROUGH_MONTH}
  ) x
  where x.amount > 0`

export interface MonitoringDataSummary {
  goals: number
  goalIndicators: number
  payments: number
}

type Run = <R = Record<string, unknown>>(text: string, params?: readonly unknown[]) => Promise<R[]>

/** Writes goals, their indicators and the payments of the generated projects (after the projects, in one transaction). */
export async function writeMonitoringData(run: Run, generatedPaths: readonly string[], seed: number, currentYear: number, phase: (name: string) => void = () => {}): Promise<MonitoringDataSummary> {
  const params = [...generatedPaths, String(seed), currentYear]
  const count = async (text: string) => Number((await run<{ n: number | string }>(`with w as (${text} returning 1) select count(*) as n from w`, params))[0]!.n)
  const goals = await count(goalsSql)
  phase(`${goals.toLocaleString('en')} goals`)
  const goalIndicators = await count(indicatorsSql)
  phase(`${goalIndicators.toLocaleString('en')} goal indicators`)
  const payments = await count(paymentsSql)
  phase(`${payments.toLocaleString('en')} payments`)
  return { goals, goalIndicators, payments }
}

/** Removes what writeMonitoringData wrote for the generated projects ($1, $2: the generated org's path patterns). */
export async function removeMonitoringData(run: Run, generatedPaths: readonly string[]) {
  const projects = `select id from project where jurisdiction_code in (select code from org_node where kind = 'jurisdiction' and (path like $1 or path like $2))`
  await run(`delete from execution_payment where project_id in (${projects})`, generatedPaths)
  await run(`delete from goal where project_id in (${projects})`, generatedPaths)
}
