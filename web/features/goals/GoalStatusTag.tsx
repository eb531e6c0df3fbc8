import { Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import type { GoalStatus, Grade } from './goals.types'
import { goalStatusColors, gradeColors, useGoalVocabulary } from './goalVocabulary'
import { useTermWords } from '../../shared/useTermWords'

export function GoalStatusTag({ status }: { status: GoalStatus }) {
  const vocabulary = useGoalVocabulary()
  return <Tag color={goalStatusColors[status]}>{vocabulary.status(status)}</Tag>
}

/** The finance 复审 grade, e.g. "复审：良"; nothing before the goal is graded. */
export function GradeTag({ grade }: { grade: Grade | null }) {
  const { t } = useTranslation()
  const words = useTermWords()
  if (!grade) return null
  return <Tag color={gradeColors[grade]}>{t('goals.gradeTag', { grade: words.grade(grade) })}</Tag>
}
