import { nationalRules, type RuleSet } from './rule-set.ts'

/**
 * Which way an indicator is better, read from its words: a cost (成本, 二级 成本指标), a failure, overdue or complaint
 * rate is better low; a 满意度, 合格率 or 覆盖率 better high. The word lists are rule-set data
 * (`indicatorDirection`); the longest word found in the name wins, so 不合格率 is low-is-better although it contains
 * 合格率, and 成本节约率 high-is-better although it contains 成本. The name decides before the 二级: a 成本指标 row
 * named 政府采购节支率 is better high.
 */
export type Direction = 'lower' | 'higher'

type DirectionRules = Pick<RuleSet, 'indicatorDirection'>

function longestHit(text: string, rules: DirectionRules): { word: string; direction: Direction } | null {
  const compact = text.replace(/\s+/g, '')
  let best: { word: string; direction: Direction } | null = null
  const lists: [Direction, string[]][] = [['lower', rules.indicatorDirection.lowerIsBetter], ['higher', rules.indicatorDirection.higherIsBetter]]
  for (const [direction, words] of lists) {
    for (const word of words) {
      if (word && compact.includes(word) && (!best || word.length > best.word.length)) best = { word, direction }
    }
  }
  return best
}

/** The direction the words of a 三级 name (then its 二级) point, with the word that decided; null when they say nothing. */
export function directionOf(
  indicator: { name: string; level2?: string },
  rules: DirectionRules = nationalRules,
): { direction: Direction; word: string } | null {
  return longestHit(indicator.name, rules) ?? (indicator.level2 ? longestHit(indicator.level2, rules) : null)
}
