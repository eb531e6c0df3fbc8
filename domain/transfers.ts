import { addMoney, compareMoney, formatMoney, isMoney } from './money.ts'
import type { ProblemText } from './results.ts'

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
