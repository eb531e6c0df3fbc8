import Decimal from 'decimal.js'
import { needsExAnte } from './exante.ts'
import { type Grade, grades, type RuleSet } from './rule-set.ts'

/**
 * 人大材料 (issue 14, REFERENCE §9): what goes to the people's congress with the budget draft, per department — the
 * major projects' goals of the year under review, last year's key evaluation results and self-evaluation summary,
 * the rectification still open, and the department's overall goal.
 */

/**
 * A major project (重大项目) is the one §3.1 means: flagged as a new major project, or at or above the rule set's
 * amount for ex-ante assessment (`exAnte.majorProjectAmount`). One threshold, so the 人大 sees the same projects
 * that had to pass an ex-ante assessment.
 */
export function isMajorProject(project: { isMajorNew: boolean; amountTotal: string }, rules: Pick<RuleSet, 'exAnte'>): boolean {
  return needsExAnte(project, rules)
}

export interface SelfEvaluationSummary {
  /** Forms submitted with a grade. */
  count: number
  counts: Record<Grade, number>
  /** Mean of the totals, 2 places, half up; null without a scored form. */
  averageTotal: string | null
}

/** Last year's self-evaluation in figures: forms by grade and the average total, counted exactly. */
export function summariseSelfEvaluations(forms: readonly { grade: Grade | null; total: string | null }[]): SelfEvaluationSummary {
  const graded = forms.filter((f) => f.grade !== null)
  const counts = Object.fromEntries(grades.map((g) => [g, graded.filter((f) => f.grade === g).length])) as Record<Grade, number>
  const totals = graded.filter((f) => f.total !== null).map((f) => new Decimal(f.total!))
  const averageTotal = totals.length ? Decimal.sum(...totals).dividedBy(totals.length).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2) : null
  return { count: graded.length, counts, averageTotal }
}

/** The grades a summary lists one by one (the ones the 人大 asks about): 中 and 差. */
export const poorGrades: readonly Grade[] = ['中', '差']

/** A package's file name: "<年度>年<部门>预算绩效情况（人大审查材料）.docx"; the bundle of a jurisdiction's year. */
export const npcFormats = ['docx', 'pdf'] as const
export type NpcFormat = (typeof npcFormats)[number]
export const packageFileName = (fiscalYear: number, departmentName: string, format: NpcFormat = 'docx') => `${fiscalYear}年${departmentName}预算绩效情况（人大审查材料）.${format}`
export const bundleFileName = (fiscalYear: number, jurisdictionName: string) => `${fiscalYear}年${jurisdictionName}各部门预算绩效情况（人大审查材料）.zip`
