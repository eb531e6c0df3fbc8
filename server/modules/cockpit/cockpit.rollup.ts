import { sql } from 'kysely'
import { type CoverageAmounts, executionAgainstTime, pefaCoverage, stageCoverage } from '../../../domain/cockpit.ts'
import { addMoney } from '../../../domain/money.ts'
import type { Db } from '../../db/database.ts'
import type { ActorCtx } from '../../http/context.ts'
import { jurisdictionFor } from './cockpit.scope.ts'

/**
 * The roll-up reads (rule 48): everything here reads the summary table the refresh job writes, never the fact
 * tables, so a province answers as fast as a district. Figures (coverage, shares, execution against time progress)
 * come from domain/cockpit.ts.
 */

const counts = ['projects', 'projectsWithGoal', 'projectsMonitored', 'projectsEvaluated', 'monitoringExpected', 'monitoringReported', 'lightGreen', 'lightYellow', 'lightRed', 'selfEvalExpected', 'selfEvalSubmitted', 'gradeExcellent', 'gradeGood', 'gradePass', 'gradeFail', 'rectificationRaised', 'rectificationClosed'] as const
const amounts = ['spending', 'spendingWithGoal', 'spendingMonitored', 'spendingEvaluated', 'budgetAdjusted', 'executed'] as const
const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)

/** The summed columns of a group of summary rows (counts as int, money as numeric(18,2) text). */
export const summedColumns = sql.join([
  ...counts.map((c) => sql`coalesce(sum(s.${sql.raw(snake(c))}), 0)::int as ${sql.ref(c)}`),
  ...amounts.map((c) => sql`coalesce(sum(s.${sql.raw(snake(c))}), 0)::numeric(18,2)::text as ${sql.ref(c)}`),
  sql`max(s.monitoring_cutoff_month)::int as "monitoringCutoffMonth"`,
  sql`min(s.refreshed_at) as "refreshedAt"`,
])

export type SummedRow = Record<(typeof counts)[number], number> & Record<(typeof amounts)[number], string> & { monitoringCutoffMonth: number | null; refreshedAt: Date | null }

/** A group's figures as the pages show them. */
export function figuresOf(row: SummedRow, progressMonth: number | null) {
  const n = (k: (typeof counts)[number]) => Number(row[k] ?? 0)
  const coverageAmounts: CoverageAmounts = {
    projects: n('projects'),
    spending: row.spending,
    covered: {
      goals: { projects: n('projectsWithGoal'), spending: row.spendingWithGoal },
      monitoring: { projects: n('projectsMonitored'), spending: row.spendingMonitored },
      evaluation: { projects: n('projectsEvaluated'), spending: row.spendingEvaluated },
    },
  }
  return {
    stages: stageCoverage({
      projects: n('projects'),
      projectsWithGoal: n('projectsWithGoal'),
      monitoringExpected: n('monitoringExpected'),
      monitoringReported: n('monitoringReported'),
      selfEvalExpected: n('selfEvalExpected'),
      selfEvalSubmitted: n('selfEvalSubmitted'),
      rectificationRaised: n('rectificationRaised'),
      rectificationClosed: n('rectificationClosed'),
    }),
    monitoringCutoffMonth: row.monitoringCutoffMonth ?? null,
    lights: { green: n('lightGreen'), yellow: n('lightYellow'), red: n('lightRed') },
    grades: { 优: n('gradeExcellent'), 良: n('gradeGood'), 中: n('gradePass'), 差: n('gradeFail') },
    execution: executionAgainstTime({ budget: row.budgetAdjusted, executed: row.executed, month: progressMonth }),
    coverage: pefaCoverage(coverageAmounts),
    coverageAmounts,
  }
}
export type Figures = ReturnType<typeof figuresOf>

async function refreshOf(db: Db, code: string, fiscalYear: number) {
  const row = await db.selectFrom('cockpitRefresh').select(['refreshedAt', 'progressMonth', 'jobRunId']).where('jurisdictionCode', '=', code).where('fiscalYear', '=', fiscalYear).executeTakeFirst()
  return row ?? null
}

async function assessmentsOf(db: Db, codes: string[], fiscalYear: number) {
  if (codes.length === 0) return new Map<string, { total: string | null; grade: string | null; rank: number | null; status: string }>()
  const rows = await db.selectFrom('assessment').select(['orgCode', 'total', 'grade', 'rank', 'status']).where('orgCode', 'in', codes).where('fiscalYear', '=', fiscalYear).execute()
  return new Map(rows.map((r) => [r.orgCode, { total: r.total, grade: r.grade, rank: r.rank, status: r.status }]))
}

/**
 * 市区联动 roll-up of a jurisdiction for a year: one row for its own departments (本级) and one per jurisdiction
 * directly below it (each with everything under it), with the 考核 result of each district and the totals.
 */
export async function rollupOf(db: Db, ctx: ActorCtx, query: { fiscalYear: number; jurisdictionCode?: string }) {
  const root = await jurisdictionFor(db, ctx, query.jurisdictionCode)
  const { fiscalYear } = query
  const rootLength = root.path.length
  // The group of a summary row: the root itself, or the first path segment below it (its district).
  const group = sql<string>`case when s.jurisdiction_code = ${root.code} then ${root.code} else split_part(substr(j.path, ${rootLength + 1}), '/', 1) end`
  const [grouped, children, refresh, districtAssessments] = await Promise.all([
    sql<SummedRow & { code: string }>`
      select ${group} as code, ${summedColumns}
      from cockpit_summary s join org_node j on j.code = s.jurisdiction_code
      where s.fiscal_year = ${fiscalYear} and j.path like ${`${root.path}%`}
      group by 1`.execute(db),
    db.selectFrom('orgNode').select(['code', 'name', 'path']).where('kind', '=', 'jurisdiction').where('parentCode', '=', root.code).orderBy('path').execute(),
    refreshOf(db, root.code, fiscalYear),
    db.selectFrom('assessment').select(['orgCode', 'total', 'grade', 'rank', 'status']).where('orgKind', '=', 'jurisdiction').where('jurisdictionCode', '=', root.code).where('fiscalYear', '=', fiscalYear).execute(),
  ])
  const progressMonth = refresh?.progressMonth ?? null
  const byCode = new Map(grouped.rows.map((r) => [r.code, r]))
  // The 考核 of the districts is the city's (its jurisdiction_code), one row per district and year.
  const assessments = new Map(districtAssessments.map((r) => [r.orgCode, { total: r.total, grade: r.grade, rank: r.rank, status: r.status }]))
  const empty = emptyRow()
  const rowOf = (node: { code: string; name: string }, own: boolean) => {
    const summed = byCode.get(node.code) ?? empty
    return { code: node.code, name: node.name, own, refreshedAt: summed.refreshedAt, assessment: own ? null : (assessments.get(node.code) ?? null), ...figuresOf(summed, progressMonth) }
  }
  const rows = [rowOf({ code: root.code, name: `${root.name}本级` }, true), ...children.map((c) => rowOf(c, false))]
  return {
    jurisdiction: { code: root.code, name: root.name, parentCode: root.parentCode },
    fiscalYear,
    refreshedAt: refresh?.refreshedAt ?? null,
    progressMonth,
    rows,
    total: figuresOf(addRows(grouped.rows), progressMonth),
  }
}

/** The departments of one jurisdiction (its 本级), each with its figures and its 考核 result. */
export async function departmentsOf(db: Db, ctx: ActorCtx, code: string, fiscalYear: number) {
  const jurisdiction = await jurisdictionFor(db, ctx, code)
  const [rows, refresh] = await Promise.all([
    sql<SummedRow & { code: string; name: string }>`
      select d.code, d.name, ${summedColumns}
      from cockpit_summary s join org_node d on d.code = s.department_code
      where s.fiscal_year = ${fiscalYear} and s.jurisdiction_code = ${jurisdiction.code}
      group by d.code, d.name order by d.code`.execute(db),
    refreshOf(db, jurisdiction.code, fiscalYear),
  ])
  const progressMonth = refresh?.progressMonth ?? null
  const assessments = await assessmentsOf(db, rows.rows.map((r) => r.code), fiscalYear)
  return {
    jurisdiction: { code: jurisdiction.code, name: jurisdiction.name, parentCode: jurisdiction.parentCode },
    fiscalYear,
    refreshedAt: refresh?.refreshedAt ?? null,
    progressMonth,
    rows: rows.rows.map((r) => ({ code: r.code, name: r.name, refreshedAt: r.refreshedAt, assessment: assessments.get(r.code) ?? null, ...figuresOf(r, progressMonth) })),
    total: figuresOf(addRows(rows.rows), progressMonth),
  }
}

/** PEFA-style coverage of a jurisdiction's whole subtree, with the amounts counted. */
export async function coverageOf(db: Db, ctx: ActorCtx, query: { fiscalYear: number; jurisdictionCode?: string }) {
  const root = await jurisdictionFor(db, ctx, query.jurisdictionCode)
  const { rows } = await sql<SummedRow>`
    select ${summedColumns} from cockpit_summary s join org_node j on j.code = s.jurisdiction_code
    where s.fiscal_year = ${query.fiscalYear} and j.path like ${`${root.path}%`}`.execute(db)
  const refresh = await refreshOf(db, root.code, query.fiscalYear)
  const figures = figuresOf(rows[0] ?? emptyRow(), refresh?.progressMonth ?? null)
  return { jurisdiction: { code: root.code, name: root.name }, fiscalYear: query.fiscalYear, refreshedAt: refresh?.refreshedAt ?? null, coverage: figures.coverage, amounts: figures.coverageAmounts }
}

function emptyRow(): SummedRow {
  return { ...Object.fromEntries(counts.map((c) => [c, 0])), ...Object.fromEntries(amounts.map((c) => [c, '0.00'])), monitoringCutoffMonth: null, refreshedAt: null } as SummedRow
}

/** Totals of several groups (money added as decimals through the domain's sums). */
function addRows(rows: readonly SummedRow[]): SummedRow {
  const total = emptyRow()
  for (const r of rows) {
    for (const c of counts) total[c] += Number(r[c] ?? 0)
    for (const c of amounts) total[c] = addMoney(total[c], r[c])
    total.monitoringCutoffMonth = Math.max(total.monitoringCutoffMonth ?? 0, r.monitoringCutoffMonth ?? 0) || null
  }
  return total
}
