import Decimal from 'decimal.js'
import { formatMoney, type Money } from './money.ts'
import { deviationFromTime, executionRate, timeProgress } from './monitoring-dashboard.ts'
import { ruleSetPaths } from './rule-set-resolve.ts'
import type { Grade, RuleSet } from './rule-set.ts'

/**
 * 市区联动 and the 驾驶舱 (REFERENCE §10, §13.48): the figures a city finance bureau reads over its districts and a
 * bureau over its departments — coverage of each stage, coverage of spending in the PEFA style, execution against
 * time progress, and which rule values a district sets differently from the city. Pure; the cockpit module sums the
 * inputs in SQL (into its summary table) and calls these.
 */

/** The projects a roll-up counts: those in the year's budget (纳入预算), whatever stage they have reached. */
export const budgetProjectStatuses = ['budgeted', 'executing', 'closed'] as const

/** Monitoring forms count as reported from submission on (as the monitoring dashboard counts them). */
export const monitoringReportedStatuses = ['submitted', 'dept_accepted', 'accepted'] as const

/** `part / whole × 100` with two places; null when there is nothing to cover (not 0 %, not 100 %). */
export function shareOf(part: Decimal.Value, whole: Decimal.Value): string | null {
  const w = new Decimal(whole)
  return w.isZero() ? null : new Decimal(part).dividedBy(w).times(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2)
}

export const stages = ['goals', 'monitoring', 'selfEvaluation', 'rectification'] as const
export type Stage = (typeof stages)[number]
export const stageLabels: Record<Stage, { zh: string; en: string; numerator: { zh: string; en: string }; denominator: { zh: string; en: string } }> = {
  goals: { zh: '目标批复', en: 'Goals approved', numerator: { zh: '目标已批复的项目', en: 'projects with an approved goal' }, denominator: { zh: '纳入预算的项目', en: 'budget projects' } },
  monitoring: { zh: '监控填报', en: 'Monitoring reported', numerator: { zh: '最近一轮已报送的监控表', en: 'forms reported in the latest round' }, denominator: { zh: '最近一轮应报监控表', en: 'forms expected in the latest round' } },
  selfEvaluation: { zh: '自评提交', en: 'Self-evaluations submitted', numerator: { zh: '已提交的自评表', en: 'self-evaluations submitted' }, denominator: { zh: '应提交的自评表', en: 'self-evaluations expected' } },
  rectification: { zh: '整改销号', en: 'Rectification closed', numerator: { zh: '已销号的整改事项', en: 'items closed' }, denominator: { zh: '已下达的整改事项', en: 'items raised' } },
}

/** The counts behind the stage coverage of one district or department (or their sum). */
export interface StageCounts {
  projects: number
  projectsWithGoal: number
  monitoringExpected: number
  monitoringReported: number
  selfEvalExpected: number
  selfEvalSubmitted: number
  rectificationRaised: number
  rectificationClosed: number
}

export interface StageCoverage {
  stage: Stage
  done: number
  of: number
  /** Percent with two places, null when nothing was due. */
  rate: string | null
}

/** Coverage of each stage of the lifecycle (全过程): what is done of what was due. */
export function stageCoverage(c: StageCounts): StageCoverage[] {
  const pairs: Record<Stage, [number, number]> = {
    goals: [c.projectsWithGoal, c.projects],
    monitoring: [c.monitoringReported, c.monitoringExpected],
    selfEvaluation: [c.selfEvalSubmitted, c.selfEvalExpected],
    rectification: [c.rectificationClosed, c.rectificationRaised],
  }
  return stages.map((stage) => ({ stage, done: pairs[stage][0], of: pairs[stage][1], rate: shareOf(pairs[stage][0], pairs[stage][1]) }))
}

// ─── PEFA-style coverage of spending ───────────────────────────────────────────────────────────────────────────

export const coverageDimensions = ['goals', 'monitoring', 'evaluation'] as const
export type CoverageDimension = (typeof coverageDimensions)[number]
export const coverageLabels: Record<CoverageDimension, { zh: string; en: string; counted: { zh: string; en: string } }> = {
  goals: { zh: '绩效目标覆盖', en: 'Covered by goals', counted: { zh: '绩效目标已批复（或已公开）的项目', en: 'projects whose goal is approved (or published)' } },
  monitoring: { zh: '运行监控覆盖', en: 'Covered by monitoring', counted: { zh: '本年度任一轮监控表已报送的项目', en: 'projects with a monitoring form reported in any round of the year' } },
  evaluation: { zh: '绩效评价覆盖', en: 'Covered by evaluation', counted: { zh: '自评表已提交或有财政/部门重点评价的项目', en: 'projects with a submitted self-evaluation or a key evaluation' } },
}

/** One project as the coverage counts it: its year's budget (年初预算数) and which stages reached it. */
export interface CoverageProject {
  amount: Money
  goals: boolean
  monitoring: boolean
  evaluation: boolean
}

/** The amounts a coverage figure is made of (the summary table stores these per department). */
export interface CoverageAmounts {
  projects: number
  spending: Money
  covered: Record<CoverageDimension, { projects: number; spending: Money }>
}

/** Sums projects into coverage amounts: every budget project's money counts in the whole; each stage's in its part. */
export function coverageAmountsOf(projects: readonly CoverageProject[]): CoverageAmounts {
  const sum = (list: readonly CoverageProject[]) => list.reduce((s, p) => s.plus(p.amount), new Decimal(0)).toFixed(2)
  const covered = Object.fromEntries(
    coverageDimensions.map((d) => {
      const list = projects.filter((p) => p[d])
      return [d, { projects: list.length, spending: sum(list) }]
    }),
  ) as CoverageAmounts['covered']
  return { projects: projects.length, spending: sum(projects), covered }
}

/** Adds the amounts of several districts or departments (money as decimals). */
export function addCoverageAmounts(rows: readonly CoverageAmounts[]): CoverageAmounts {
  const zero = (): { projects: number; spending: Money } => ({ projects: 0, spending: '0.00' })
  const total: CoverageAmounts = { projects: 0, spending: '0.00', covered: { goals: zero(), monitoring: zero(), evaluation: zero() } }
  for (const r of rows) {
    total.projects += r.projects
    total.spending = new Decimal(total.spending).plus(r.spending).toFixed(2)
    for (const d of coverageDimensions) {
      total.covered[d] = { projects: total.covered[d].projects + r.covered[d].projects, spending: new Decimal(total.covered[d].spending).plus(r.covered[d].spending).toFixed(2) }
    }
  }
  return total
}

export interface CoverageFigure {
  dimension: CoverageDimension
  covered: Money
  spending: Money
  projects: number
  ofProjects: number
  /** Share of spending, percent with two places; null without spending. */
  share: string | null
  /** Which amounts were counted, in words, with the figures. */
  explanation: { zh: string; en: string }
}

/**
 * PEFA-style coverage: the share of the year's budgeted spending (money, not a count of projects) that approved goals,
 * monitoring and evaluation reach. The whole is the 年初预算数 of every budget project; a part is the same money of the
 * projects the stage reached. [PEFA 2016 PI-8 measures coverage of spending by performance plans and evaluations;
 * its A–D bands are not applied here: UNCONFIRMED for Chinese practice.]
 */
export function pefaCoverage(amounts: CoverageAmounts): CoverageFigure[] {
  return coverageDimensions.map((dimension) => {
    const part = amounts.covered[dimension]
    const share = shareOf(part.spending, amounts.spending)
    const label = coverageLabels[dimension]
    const shown = share === null ? '—' : `${share}%`
    return {
      dimension,
      covered: part.spending,
      spending: amounts.spending,
      projects: part.projects,
      ofProjects: amounts.projects,
      share,
      explanation: {
        zh: `${label.counted.zh}的年初预算数 ${formatMoney(part.spending)} 元 ÷ 纳入预算的全部项目年初预算数 ${formatMoney(amounts.spending)} 元 = ${shown}（${amounts.projects} 个项目中 ${part.projects} 个）`,
        en: `Initial budget of ${label.counted.en} ${formatMoney(part.spending)} ÷ initial budget of all ${amounts.projects} budget projects ${formatMoney(amounts.spending)} = ${shown} (${part.projects} of ${amounts.projects} projects)`,
      },
    }
  })
}

// ─── execution against time progress ───────────────────────────────────────────────────────────────────────────

/**
 * The month time progress is read at for a year: December for a past year, the current month for the current one
 * (China time), none for a future year (nothing has been due yet).
 */
export function progressMonthOf(fiscalYear: number, today: string): number | null {
  const [year, month] = today.split('-').map(Number) as [number, number]
  if (fiscalYear < year) return 12
  if (fiscalYear > year) return null
  return month
}

/** 执行率 of the adjusted budget against 时间进度 m/12, with the gap in points (the monitoring dashboard's own functions). */
export function executionAgainstTime(input: { budget: Money; executed: Money; month: number | null }) {
  const rate = executionRate(input.executed, input.budget)
  const progress = input.month === null ? null : timeProgress(input.month)
  return { budget: input.budget, executed: input.executed, executionRate: rate, timeProgress: progress, deviation: rate !== null && progress !== null ? deviationFromTime(rate, progress) : null }
}

// ─── grades and lights ─────────────────────────────────────────────────────────────────────────────────────────

export type GradeCounts = Record<Grade, number>
export type LightCounts = { green: number; yellow: number; red: number }

// ─── rule sets: where a district differs from the city ─────────────────────────────────────────────────────────

export interface RuleDifference {
  path: string
  parent: unknown
  child: unknown
  /** The layer that set the child's value (e.g. "南山区 2026年 第1版"). */
  source: string
}

const leaf = (rules: RuleSet, path: string): unknown => path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], rules)

/** Every rule whose effective value in the child jurisdiction is not the parent's, in rule-set order. */
export function ruleDifferences(parent: RuleSet, child: { rules: RuleSet; sourceOf: Record<string, string> }): RuleDifference[] {
  return ruleSetPaths.flatMap((path) => {
    const a = leaf(parent, path)
    const b = leaf(child.rules, path)
    return JSON.stringify(a) === JSON.stringify(b) ? [] : [{ path, parent: a, child: b, source: child.sourceOf[path] ?? '' }]
  })
}
