import {
  type GoalAction,
  type GoalKind,
  type GoalStatus,
  type ReviewDimension,
  goalActionLabels,
  goalKindLabels,
  goalKinds,
  goalStatusLabels,
  goalStatuses,
  reviewDimensionLabels,
  reviewDimensions,
} from '../../../domain/goals'
import { useCodeLabels } from '../../shared/useCodeLabels'

/** The goals' code lists with labels in the current language; the labels live in domain/ (the 申报表 uses them too). */
export function useGoalVocabulary() {
  const { labelOf, optionsOf } = useCodeLabels()
  return {
    status: labelOf<GoalStatus>(goalStatusLabels),
    kind: labelOf<GoalKind>(goalKindLabels),
    action: labelOf<GoalAction>(goalActionLabels),
    dimension: labelOf<ReviewDimension>(reviewDimensionLabels),
    statusOptions: optionsOf(goalStatuses, goalStatusLabels),
    kindOptions: optionsOf(goalKinds, goalKindLabels),
    dimensions: reviewDimensions,
  }
}

export type GoalVocabulary = ReturnType<typeof useGoalVocabulary>

/** Being written (gold), under review (blue), back with the unit (red), in force (green / cyan), history (grey). */
export const goalStatusColors: Record<GoalStatus, string> = {
  draft: 'gold',
  submitted: 'blue',
  dept_approved: 'geekblue',
  returned: 'red',
  approved: 'green',
  published: 'cyan',
  superseded: 'default',
}

/** 优/良 let the goal go on to 批复 (national rules); 中 sends it back; 差 blocks it from the budget. */
export const gradeColors: Record<string, string> = { 优: 'green', 良: 'blue', 中: 'orange', 差: 'red' }
