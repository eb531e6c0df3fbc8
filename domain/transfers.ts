import Decimal from 'decimal.js'
import { type Light, lightLabels, lightRank } from './lights.ts'
import { addMoney, compareMoney, formatMoney, isMoney } from './money.ts'
import type { ProblemText } from './results.ts'
import type { Grade } from './rule-set.ts'
import { type Explained, gradeOf } from './scoring.ts'

/**
 * 对下转移支付 (REFERENCE §10): a city 转移支付 project allocates its money to districts directly below. The set is
 * checked as a whole: each district once, each amount above zero, and together no more than the project's
 * fiscal budget.
 */
export interface TransferAllocationInput {
  districtCode: string
  amount: string
}

export function transferAllocationProblems(items: readonly TransferAllocationInput[], budget: string, districts: ReadonlySet<string>): ProblemText[] {
  const problems: ProblemText[] = []
  const seen = new Set<string>()
  const valid: string[] = []
  items.forEach((item, i) => {
    if (!districts.has(item.districtCode)) problems.push({ path: `items.${i}.districtCode`, zh: '分配对象须为本级直属的下级行政区划', en: 'Allocate only to districts directly below this jurisdiction' })
    else if (seen.has(item.districtCode)) problems.push({ path: `items.${i}.districtCode`, zh: '同一区划只能分配一次', en: 'Each district appears once' })
    seen.add(item.districtCode)
    if (!isMoney(item.amount) || compareMoney(item.amount, '0') <= 0) problems.push({ path: `items.${i}.amount`, zh: '分配金额须大于 0，最多两位小数', en: 'An amount above zero with at most two decimals' })
    else valid.push(item.amount)
  })
  const total = addMoney(...valid)
  if (compareMoney(total, budget) > 0) {
    const [sum, limit] = [formatMoney(total), formatMoney(budget)]
    problems.push({ path: 'items', zh: `分配合计 ${sum} 元超过项目财政拨款 ${limit} 元`, en: `The allocations (${sum}) exceed the project’s fiscal budget (${limit})` })
  }
  return problems
}

/**
 * One district's part of a 转移支付 (REFERENCE §10, rule 48): its allocation and, once the district names the project
 * that receives it, that project's sub-goal, latest monitoring and self-evaluation.
 */
export interface DistrictShare {
  districtName: string
  amount: string
  linked: boolean
  goalApproved: boolean
  /** The latest accepted or submitted monitoring form's project light, if any. */
  light: Light | null
  /** What the district project had spent by that form's cut-off. */
  executed: string | null
  /** The district project's self-evaluation total and grade, once accepted. */
  score: string | null
}

export interface TransferRollUp {
  allocated: string
  districts: number
  linked: number
  goalsApproved: number
  monitored: number
  executed: string
  /** Percent of the allocated money spent by the districts' latest reports, two places. */
  executionRate: string | null
  worstLight: Light | null
  evaluated: number
  /** The self-evaluation totals weighted by each district's allocation, two places; null before any. */
  weightedScore: string | null
  grade: Grade | null
}

/**
 * The city's goal sees its districts at once: money and stage coverage summed, the worst light, and the districts'
 * self-evaluation totals weighted by what each received (a district with more money weighs more).
 */
export function rollUpTransfer(shares: readonly DistrictShare[], rules: Parameters<typeof gradeOf>[1]): Explained<TransferRollUp> {
  const allocated = addMoney(...shares.map((s) => s.amount))
  const executed = addMoney(...shares.map((s) => s.executed ?? '0'))
  const scored = shares.filter((s) => s.score !== null)
  const scoredMoney = scored.reduce((sum, s) => sum.plus(s.amount), new Decimal(0))
  const weighted = scored.length && scoredMoney.gt(0) ? scored.reduce((sum, s) => sum.plus(new Decimal(s.score!).times(s.amount)), new Decimal(0)).div(scoredMoney).toDecimalPlaces(2, Decimal.ROUND_HALF_UP) : null
  const seen = shares.map((s) => s.light).filter((l): l is Light => l !== null)
  const worstLight = seen.length ? seen.reduce((worst, l) => (lightRank(l) < lightRank(worst) ? l : worst)) : null
  const rate = new Decimal(allocated).gt(0) ? new Decimal(executed).div(allocated).times(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2) : null
  const grade = weighted ? gradeOf(weighted, rules) : null
  const value: TransferRollUp = {
    allocated,
    districts: shares.length,
    linked: shares.filter((s) => s.linked).length,
    goalsApproved: shares.filter((s) => s.goalApproved).length,
    monitored: shares.filter((s) => s.light !== null || s.executed !== null).length,
    executed,
    executionRate: rate,
    worstLight,
    evaluated: scored.length,
    weightedScore: weighted?.toFixed(2) ?? null,
    grade: grade?.value ?? null,
  }
  const terms = scored.map((s) => `${s.districtName} ${s.score} 分 × ${formatMoney(s.amount)} 元`).join(' + ')
  const formula = [
    `分配 ${shares.length} 个区共 ${formatMoney(allocated)} 元，已落实区级项目 ${value.linked} 个，区级目标已批复 ${value.goalsApproved} 个`,
    `已报送监控 ${value.monitored} 个，支出 ${formatMoney(executed)} 元${rate ? `（执行率 ${rate}%）` : ''}，最差预警 ${worstLight ? lightLabels[worstLight].zh : '无'}`,
    weighted ? `自评按分配额加权：(${terms}) ÷ ${formatMoney(scoredMoney.toFixed(2))} 元 = ${weighted.toFixed(2)} 分 → ${grade!.value}` : '尚无区级自评结果',
  ].join('；')
  return { value, rule: 'REFERENCE §10、§13.48：转移支付的区级子目标、监控与自评逐级汇总到本级目标；自评得分按各区分配额加权', formula }
}
