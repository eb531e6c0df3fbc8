import Decimal from 'decimal.js'
import type { Money } from './money.ts'

/**
 * 全年预计执行数 as the system forecasts it (issue 11, "Forecast"): the year-end execution extrapolated from the
 * project's payments so far along the cumulative monthly spending profile of prior years' similar projects. Pure:
 * the server gathers the payments and the peers, this says what they mean and how.
 */

/** Which spending profile a forecast used, from the narrowest with enough peers to plain even spending. */
export const profileKinds = ['department', 'jurisdiction', 'even'] as const
export type ProfileKind = (typeof profileKinds)[number]
export const profileKindLabels: Record<ProfileKind, { zh: string; en: string }> = {
  department: { zh: '同部门同预算类型项目往年支出进度', en: 'Prior years of the department’s projects of the same budget kind' },
  jurisdiction: { zh: '本区划同预算类型项目往年支出进度', en: 'Prior years of the jurisdiction’s projects of the same budget kind' },
  even: { zh: '按月均衡支出', en: 'Even monthly spending' },
}

/** A cumulative monthly profile: share of the year's spending paid by the end of month 1..12 (fractions, 12 entries). */
export interface SpendingProfile {
  kind: ProfileKind
  /** Distinct projects whose prior-year payments built the profile (0 for even spending). */
  peers: number
  /** Project-years averaged (a continuing project counts once per year). */
  peerYears: number
  cumulative: string[]
}

/** Below this expected share, payments to date say too little about the year: the budget itself is the forecast. */
export const MIN_SHARE_TO_EXTRAPOLATE = '0.05'

const round2 = (d: Decimal) => d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP)
const percent = (share: Decimal.Value) => round2(new Decimal(share).times(100)).toFixed(2)
const ratio = (d: Decimal) => d.toDecimalPlaces(6, Decimal.ROUND_HALF_UP).toFixed(6)

function checkMonth(month: number) {
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`月份须为 1–12 的整数，收到 ${month}`)
}

/** Even spending: m/12 of the year by the end of month m. */
export function evenProfile(): SpendingProfile {
  return { kind: 'even', peers: 0, peerYears: 0, cumulative: Array.from({ length: 12 }, (_, i) => ratio(new Decimal(i + 1).dividedBy(12))) }
}

/**
 * The cumulative profile of peers from the sum, over their project-years, of each month's share of that year's
 * spending (so a large project weighs no more than a small one), divided by the number of project-years.
 * `shareSums[i]` is Σ (paid in month i+1 / paid in the year) over the project-years.
 */
export function profileFromShareSums(kind: Exclude<ProfileKind, 'even'>, shareSums: readonly Decimal.Value[], peers: number, peerYears: number): SpendingProfile {
  if (shareSums.length !== 12) throw new RangeError('须有 12 个月的支出占比')
  if (peerYears <= 0) throw new RangeError('没有往年项目，不能形成支出进度曲线')
  let running = new Decimal(0)
  const cumulative = shareSums.map((sum) => {
    running = running.plus(new Decimal(sum).dividedBy(peerYears))
    return ratio(Decimal.max(running, 0))
  })
  return { kind, peers, peerYears, cumulative }
}

/** The same profile from peers' monthly payments (one array of 12 amounts per project-year); for tests and small sets. */
export function profileFromPayments(kind: Exclude<ProfileKind, 'even'>, peerYears: readonly (readonly Decimal.Value[])[], peers: number): SpendingProfile {
  const sums = Array.from({ length: 12 }, () => new Decimal(0))
  let counted = 0
  for (const months of peerYears) {
    const total = months.reduce<Decimal>((s, v) => s.plus(v), new Decimal(0))
    if (total.lte(0)) continue
    counted += 1
    months.forEach((v, i) => (sums[i] = sums[i]!.plus(new Decimal(v).dividedBy(total))))
  }
  return profileFromShareSums(kind, sums, peers, counted)
}

/** The narrowest candidate with at least `minPeers` projects, else even spending. Candidates go narrow to wide. */
export function chooseProfile(candidates: readonly SpendingProfile[], minPeers: number): SpendingProfile {
  return candidates.find((c) => c.kind !== 'even' && c.peers >= minPeers && c.peerYears > 0) ?? evenProfile()
}

export interface ForecastInput {
  /** 1–N月执行数. */
  executed: Money
  /** The cut-off month N. */
  month: number
  /** 全年预算数 (调整后预算数): the forecast never exceeds it. */
  budget: Money
  profile: SpendingProfile
}

export interface ForecastExplained {
  rule: string
  formula: string
  profile: ProfileKind
  peers: number
  peerYears: number
  month: number
  /** Share of the year's spending the profile expects by the end of the cut-off month, in percent. */
  expectedSharePercent: string
  /** The whole cumulative profile in percent, January first. */
  cumulativePercent: string[]
  /** How the figure came about. */
  basis: 'extrapolated' | 'capped' | 'budget'
}

export interface Forecast {
  value: Money
  explained: ForecastExplained
}

/**
 * 系统预测全年执行数 = 1–N月执行数 / 往年同期累计支出占比, at most the full-year budget and at least what is paid.
 * Before MIN_SHARE_TO_EXTRAPOLATE of the year's spending is expected, the budget is the forecast.
 */
export function forecastYearEnd(input: ForecastInput): Forecast {
  checkMonth(input.month)
  const { profile, month } = input
  const executed = new Decimal(input.executed)
  const budget = new Decimal(input.budget)
  const share = new Decimal(profile.cumulative[month - 1] ?? 0)
  const sharePercent = percent(share)
  const source = profileKindLabels[profile.kind].zh
  const peersText = profile.kind === 'even' ? '' : `（${profile.peers} 个项目、${profile.peerYears} 个项目年度）`
  const rule = `按${source}${peersText}外推：全年预计 = 1–${month}月执行数 ÷ 截至${month}月累计支出占比，不超过全年预算数`
  const explain = (basis: ForecastExplained['basis'], formula: string): ForecastExplained => ({
    rule,
    formula,
    profile: profile.kind,
    peers: profile.peers,
    peerYears: profile.peerYears,
    month,
    expectedSharePercent: sharePercent,
    cumulativePercent: profile.cumulative.map((c) => percent(c)),
    basis,
  })
  if (share.lt(MIN_SHARE_TO_EXTRAPOLATE)) {
    const value = round2(Decimal.max(budget, executed))
    return { value: value.toFixed(2), explained: explain('budget', `截至${month}月累计支出占比仅 ${sharePercent}%，不足以外推，按全年预算数 ${value.toFixed(2)} 预计`) }
  }
  const raw = round2(executed.dividedBy(share))
  const ceiling = Decimal.max(budget, executed)
  if (raw.gt(ceiling)) {
    return {
      value: round2(ceiling).toFixed(2),
      explained: explain('capped', `${executed.toFixed(2)} ÷ ${sharePercent}% = ${raw.toFixed(2)}，超过全年预算数，取 ${round2(ceiling).toFixed(2)}`),
    }
  }
  return { value: raw.toFixed(2), explained: explain('extrapolated', `${executed.toFixed(2)} ÷ ${sharePercent}% = ${raw.toFixed(2)}`) }
}

export interface ForecastFlag {
  flagged: boolean
  rule: string
  formula: string
}

/**
 * A unit's 全年预计执行数 is flagged when it differs from the system's forecast by more than `marginPercent` of the
 * full-year budget. With a zero budget any difference is flagged.
 */
export function flagUnitEstimate(input: { unitEstimate: Money; forecast: Money; budget: Money; marginPercent: number }): ForecastFlag {
  const difference = new Decimal(input.unitEstimate).minus(input.forecast).abs()
  const allowed = round2(new Decimal(input.budget).abs().times(input.marginPercent).dividedBy(100))
  const flagged = difference.gt(allowed)
  return {
    flagged,
    rule: `单位预计与系统预测之差超过全年预算数的 ${input.marginPercent}% 时提示`,
    formula: `|${input.unitEstimate} − ${input.forecast}| = ${round2(difference).toFixed(2)} ${flagged ? '>' : '≤'} ${input.budget} × ${input.marginPercent}% = ${allowed.toFixed(2)}${flagged ? '，偏差过大' : ''}`,
  }
}
