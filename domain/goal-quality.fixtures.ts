import type { GoalIndicatorInput } from './goals.ts'

/** For tests: an indicator row with blank defaults (产出指标 / 数量指标, ≥, unweighted) and the given fields. */
export const indicatorRow = (over: Partial<GoalIndicatorInput>): GoalIndicatorInput => ({
  level1: '产出指标',
  level2: '数量指标',
  name: '',
  indicatorId: null,
  nature: '>=',
  target: '',
  unit: '',
  mediumTermTarget: null,
  weight: null,
  valueBasis: 'plan',
  scoringRule: '',
  ...over,
})
