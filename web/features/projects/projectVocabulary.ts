import {
  type BudgetKind,
  type ObjectKind,
  type ProjectAttribute,
  type ProjectStatus,
  type ProjectType,
  budgetKindLabels,
  budgetKinds,
  objectKindLabels,
  objectKinds,
  projectAttributeLabels,
  projectAttributes,
  projectStatusLabels,
  projectStatuses,
  projectTypeLabels,
  projectTypes,
} from '../../../domain/projects'
import { useCodeLabels } from '../../shared/useCodeLabels'

/**
 * The project library's code lists with labels in the current language. The labels live in domain/ (the
 * import file and the server use the same ones), so they are not repeated in the locale files.
 */
export function useProjectVocabulary() {
  const { labelOf, optionsOf } = useCodeLabels()

  return {
    budgetKind: labelOf<BudgetKind>(budgetKindLabels),
    objectKind: labelOf<ObjectKind>(objectKindLabels),
    attribute: labelOf<ProjectAttribute>(projectAttributeLabels),
    projectType: labelOf<ProjectType>(projectTypeLabels),
    status: labelOf<ProjectStatus>(projectStatusLabels),
    budgetKindOptions: optionsOf(budgetKinds, budgetKindLabels),
    objectKindOptions: optionsOf(objectKinds, objectKindLabels),
    attributeOptions: optionsOf(projectAttributes, projectAttributeLabels),
    projectTypeOptions: optionsOf(projectTypes, projectTypeLabels),
    statusOptions: optionsOf(projectStatuses, projectStatusLabels),
  }
}

export type ProjectVocabulary = ReturnType<typeof useProjectVocabulary>

/** One colour per lifecycle stage, from draft (gold) to done (green); cancelled is grey. */
export const statusColors: Record<ProjectStatus, string> = {
  reserve: 'gold',
  library: 'blue',
  budgeted: 'cyan',
  executing: 'purple',
  closed: 'green',
  cancelled: 'default',
}
