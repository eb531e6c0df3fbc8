/**
 * The thresholds the scoring rules apply. A rule set belongs to a jurisdiction and a fiscal year (issue 4 stores
 * and inherits them); these are the national defaults of REFERENCE §13.
 */
export interface ScoringRules {
  /** Lower bounds of 优, 良, 中 on the 100-point scale; below the last is 差. §13.2 */
  gradeBands: { excellent: number; good: number; pass: number }
  /** How a reverse (≤, <) indicator scores when missed: FASP2's linear fall to 0 at twice the target, or target/actual. §13.11 */
  reverseFormula: 'linear_to_double' | 'target_over_actual'
  /** Lower bounds, as shares of the weight, of 达成 and 部分达成 for qualitative indicators. §13.18 */
  qualitativeBands: { achieved: number; partial: number }
  /** Actual ÷ target at or above which a deviation reason is required (over-achievement). §13.13 */
  overAchievementRatio: number
  /** Execution rate below which a reason is required. §13.8 */
  executionReasonBelow: number
}

export const nationalScoringRules: ScoringRules = {
  gradeBands: { excellent: 90, good: 80, pass: 60 },
  reverseFormula: 'linear_to_double',
  qualitativeBands: { achieved: 0.8, partial: 0.6 },
  overAchievementRatio: 1.3,
  executionReasonBelow: 0.9,
}
