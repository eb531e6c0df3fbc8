import { goalInForceStatuses } from '../../../domain/goals'
import { missingLevel1 } from '../../../domain/level1'
import type { RuleSet } from '../../../domain/rule-set'
import type { GoalListItem, GoalView } from './goals.types'

/** Whether a project may enter the budget as far as its goal goes (先有目标，后有预算, §13.20), and why not. */
export type BudgetGate =
  | { state: 'ready'; goal: GoalListItem }
  | { state: 'none' }
  | { state: 'pending'; goal: GoalListItem }
  | { state: 'blocked'; goal: GoalListItem }
  | { state: 'missingLevel1'; goal: GoalListItem; missing: string[] }

/**
 * The same test the server makes when the project moves to 已纳入预算, from what the page can read: the project's
 * goals of its year (newest revision first), the version in force with its indicators, and the rule set.
 */
export function budgetGateOf(
  goals: readonly GoalListItem[],
  inForce: GoalView | null,
  rules: Pick<RuleSet, 'requiredLevel1' | 'reviewConsequences' | 'level1Synonyms'> | undefined,
): BudgetGate {
  const newest = [...goals].sort((a, b) => b.revision - a.revision)
  const approved = newest.find((g) => goalInForceStatuses.includes(g.status))
  if (!approved) {
    const latest = newest[0]
    if (!latest) return { state: 'none' }
    const grade = latest.financeGrade
    return grade && rules?.reviewConsequences[grade] === 'blocked' ? { state: 'blocked', goal: latest } : { state: 'pending', goal: latest }
  }
  const levels = inForce?.id === approved.id ? inForce.indicators.map((i) => i.level1) : null
  const missing = levels && rules ? missingLevel1(levels, rules) : []
  return missing.length ? { state: 'missingLevel1', goal: approved, missing } : { state: 'ready', goal: approved }
}
