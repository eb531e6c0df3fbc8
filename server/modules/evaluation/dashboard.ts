import Decimal from 'decimal.js'
import { sql } from 'kysely'
import { z } from 'zod'
import type { Grade } from '../../../domain/rule-set.ts'
import { keyEvaluationStages, type KeyEvaluationStage, selfEvalSubmittedStatuses } from '../../../domain/evaluation.ts'
import type { Db } from '../../db/database.ts'
import type { ActorCtx } from '../../http/context.ts'
import { jurisdictionsUnder } from '../../platform/scope.ts'
import { selfFormVisibleTo } from './self.repository.ts'
import { selfCoverage } from './self.service.ts'

/**
 * 绩效评价看板: for one fiscal year, in the actor's scope — self-evaluation coverage and grades by department and by
 * district, the distribution of totals, the largest spot-check gaps, and the key evaluations by stage. Every
 * figure carries the filters of the list it drills into. Read-only; nothing here scores (totals are the forms').
 */

export const EvaluationDashboardQuery = z.strictObject({ fiscalYear: z.coerce.number().int().min(2000).max(2100) })

type Grades = Record<Grade, number>
const noGrades = (): Grades => ({ 优: 0, 良: 0, 中: 0, 差: 0 })

export interface GradeGroup {
  code: string
  name: string
  forms: number
  submitted: number
  grades: Grades
  averageTotal: string | null
  drill: Record<string, string | number>
}

/** Totals in bands the grade lines cut (差 below 60, then 10 points each; 100 in the top band). */
const BANDS = [
  { from: 0, to: 60 },
  { from: 60, to: 70 },
  { from: 70, to: 80 },
  { from: 80, to: 90 },
  { from: 90, to: 100 },
]

function groupsFrom(rows: { code: string; name: string; grade: Grade | null; status: string; total: string | null }[], drillKey: string, fiscalYear: number): GradeGroup[] {
  const groups = new Map<string, GradeGroup & { sum: Decimal; scored: number }>()
  for (const row of rows) {
    const g = groups.get(row.code) ?? { code: row.code, name: row.name, forms: 0, submitted: 0, grades: noGrades(), averageTotal: null, drill: { fiscalYear, [drillKey]: row.code }, sum: new Decimal(0), scored: 0 }
    g.forms++
    if ((selfEvalSubmittedStatuses as readonly string[]).includes(row.status)) g.submitted++
    if (row.grade) g.grades[row.grade]++
    if (row.total !== null) {
      g.sum = g.sum.plus(row.total)
      g.scored++
    }
    groups.set(row.code, g)
  }
  return [...groups.values()].map(({ sum, scored, ...g }) => ({ ...g, averageTotal: scored ? sum.dividedBy(scored).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2) : null }))
}

export async function evaluationDashboard(db: Db, ctx: ActorCtx, fiscalYear: number) {
  const { actor } = ctx
  const forms = await db
    .selectFrom('selfEvalForm')
    .innerJoin('selfEvalRound', 'selfEvalRound.id', 'selfEvalForm.roundId')
    .innerJoin('orgNode as department', 'department.code', 'selfEvalForm.departmentCode')
    .innerJoin('orgNode as jurisdiction', 'jurisdiction.code', 'selfEvalForm.jurisdictionCode')
    .where(selfFormVisibleTo(actor))
    .where('selfEvalForm.fiscalYear', '=', fiscalYear)
    .select(['selfEvalForm.departmentCode', 'department.name as departmentName', 'selfEvalForm.jurisdictionCode', 'jurisdiction.name as jurisdictionName', 'selfEvalForm.status', 'selfEvalForm.grade', 'selfEvalForm.total'])
    .execute()
  const submittedRows = forms.filter((f) => (selfEvalSubmittedStatuses as readonly string[]).includes(f.status))
  const byDepartment = groupsFrom(
    forms.filter((f) => f.jurisdictionCode === actor.org.jurisdictionCode).map((f) => ({ code: f.departmentCode, name: f.departmentName, grade: f.grade, status: f.status, total: f.total })),
    'departmentCode',
    fiscalYear,
  ).sort((a, b) => a.code.localeCompare(b.code))
  // A city sees its districts: one group per jurisdiction below it (its own forms are the departments above).
  const byDistrict = groupsFrom(
    forms.filter((f) => f.jurisdictionCode !== actor.org.jurisdictionCode).map((f) => ({ code: f.jurisdictionCode, name: f.jurisdictionName, grade: f.grade, status: f.status, total: f.total })),
    'jurisdictionCode',
    fiscalYear,
  ).sort((a, b) => a.code.localeCompare(b.code))
  const scores = BANDS.map((band, i) => ({
    ...band,
    count: submittedRows.filter((f) => f.total !== null && new Decimal(f.total).gte(band.from) && (i === BANDS.length - 1 ? true : new Decimal(f.total).lt(band.to))).length,
  }))
  const gradeTotals = noGrades()
  for (const f of submittedRows) if (f.grade) gradeTotals[f.grade]++

  const coverage = actor.org.kind === 'unit' ? null : await selfCoverage(db, ctx, { fiscalYear })
  const spotCheckGaps = await spotCheckGapsOf(db, ctx, fiscalYear)
  const keyEvaluations = await keyEvaluationsByStage(db, ctx, fiscalYear)
  return {
    fiscalYear,
    forms: forms.length,
    submitted: submittedRows.length,
    grades: gradeTotals,
    coverage: coverage && { expected: coverage.expected, submitted: coverage.submitted, rate: coverage.rate, departments: coverage.departments.map(({ missing: _m, ...d }) => d) },
    byDepartment,
    byDistrict,
    scores,
    spotCheckGaps,
    keyEvaluations,
  }
}
export type EvaluationDashboard = Awaited<ReturnType<typeof evaluationDashboard>>

/** The reviewed spot-check items with the largest gap between the unit's total and the reviewer's, flagged first. */
async function spotCheckGapsOf(db: Db, ctx: ActorCtx, fiscalYear: number) {
  if (!ctx.actor.permissions.has('evaluation.spotcheck') && ctx.actor.org.kind !== 'jurisdiction') return []
  return db
    .selectFrom('spotCheckItem')
    .innerJoin('spotCheck', 'spotCheck.id', 'spotCheckItem.spotCheckId')
    .where('spotCheck.fiscalYear', '=', fiscalYear)
    .where((eb) => eb('spotCheck.jurisdictionCode', 'in', jurisdictionsUnder(eb, ctx.actor)))
    .where('spotCheckItem.status', '=', 'reviewed')
    .select(['spotCheckItem.id', 'spotCheckItem.spotCheckId', 'spotCheckItem.title', 'spotCheckItem.unitTotal', 'spotCheckItem.reviewerTotal', 'spotCheckItem.gap', 'spotCheckItem.flagged', 'spotCheck.name as spotCheckName'])
    .orderBy('spotCheckItem.flagged', 'desc')
    .orderBy(sql`abs(coalesce(spot_check_item.gap, 0))`, 'desc')
    .limit(10)
    .execute()
}

/** Key evaluations of the year in the actor's scope, counted by stage (a department: those it commissions or is the object of). */
async function keyEvaluationsByStage(db: Db, ctx: ActorCtx, fiscalYear: number) {
  const { actor } = ctx
  let query = db.selectFrom('keyEvaluation').where('keyEvaluation.fiscalYear', '=', fiscalYear)
  if (actor.org.kind === 'jurisdiction') query = query.where((eb) => eb('keyEvaluation.jurisdictionCode', 'in', jurisdictionsUnder(eb, actor)))
  else if (actor.org.kind === 'department') query = query.where((eb) => eb.or([eb('keyEvaluation.departmentCode', '=', actor.org.code), eb('keyEvaluation.commissionerCode', '=', actor.org.code)]))
  else query = query.where('keyEvaluation.unitCode', '=', actor.org.code)
  const rows = await query.select(['keyEvaluation.stage', (eb) => eb.fn.countAll<string>().as('count')]).groupBy('keyEvaluation.stage').execute()
  const count = new Map(rows.map((r) => [r.stage, Number(r.count)]))
  return keyEvaluationStages.map((stage: KeyEvaluationStage) => ({ stage, count: count.get(stage) ?? 0 }))
}

