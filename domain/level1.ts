import { canonicalLevel1, type CanonicalLevel1, type RuleSet } from './rule-set.ts'

/**
 * 一级 indicator names as real tables print them, brought to one name, for every rule that asks "which 一级": the
 * quality check, the budget gate (§13.20) and the self-evaluation weights (§13.4–5). Real forms write "产出",
 * "产出指标", "产出指标(50分)" (a weight heading, ADDENDUM B4), "效果指标" (河北, 东莞) for the same 一级.
 */

/** Full-width letters and brackets to ASCII, no spaces, no weight heading "(50分)" / "（50分）". */
function cleaned(name: string): string {
  return name
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, '')
    .replace(/\(\d+(?:\.\d+)?分?\)$/, '')
}

/** The comparison key of a name: cleaned, and a trailing 指标 dropped ("产出" = "产出指标"). */
const keyOf = (name: string) => cleaned(name).replace(/指标$/, '')

type Level1Rules = Pick<RuleSet, 'level1Synonyms'>

/**
 * The name a 一级 is known by: a canonical 一级 (产出指标, 效益指标, 满意度指标, 成本指标) when the name or one of its
 * rule-set synonyms matches, otherwise the name itself, cleaned ("实施效果指标" stays itself).
 */
export function normalizeLevel1(name: string, rules: Level1Rules): string {
  const key = keyOf(name)
  for (const canonical of canonicalLevel1) {
    if (keyOf(canonical) === key || rules.level1Synonyms[canonical].some((synonym) => keyOf(synonym) === key)) return canonical
  }
  return cleaned(name)
}

/** Whether the name is a 一级 the rule set knows (a canonical name or a synonym of one). */
export function isKnownLevel1(name: string, rules: Level1Rules): boolean {
  return (canonicalLevel1 as readonly string[]).includes(normalizeLevel1(name, rules))
}

/** The required 一级 (rule set `requiredLevel1`) that none of the given 一级 names stands for. §13.20 */
export function missingLevel1(level1Names: readonly string[], rules: Pick<RuleSet, 'level1Synonyms' | 'requiredLevel1'>): string[] {
  const present = new Set(level1Names.map((name) => normalizeLevel1(name, rules)))
  return rules.requiredLevel1.filter((required) => !present.has(normalizeLevel1(required, rules)))
}

/** Which part of the self-evaluation split a 一级 draws on: 成本 (a 一级 in 101号) is part of 产出 in 10号. */
export type Level1WeightPart = 'output' | 'effect' | 'satisfaction'
const weightParts: Record<CanonicalLevel1, Level1WeightPart> = { 产出指标: 'output', 成本指标: 'output', 效益指标: 'effect', 满意度指标: 'satisfaction' }

/** The weight part of a 一级, or null when the rule set does not know the name. */
export function level1WeightPart(name: string, rules: Level1Rules): Level1WeightPart | null {
  const canonical = normalizeLevel1(name, rules)
  return (canonicalLevel1 as readonly string[]).includes(canonical) ? weightParts[canonical as CanonicalLevel1] : null
}
