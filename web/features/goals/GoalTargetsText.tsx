import { useTranslation } from 'react-i18next'
import { DescriptionGroup } from '../../shared/DescriptionGroup'
import type { GoalView } from './goals.types'

/** The targets in words, as the unit wrote them. */
export function GoalTargetsText({ goal }: { goal: GoalView }) {
  const { t } = useTranslation()
  const text = (value: string) => <span style={{ whiteSpace: 'pre-wrap' }}>{value || '—'}</span>
  return (
    <DescriptionGroup
      title={t('goals.sections.targets')}
      column={1}
      items={(['overallTarget', 'mediumTermTarget', 'annualTarget'] as const).map((field) => ({ key: field, label: t(`goals.fields.${field}`), children: text(goal[field]) }))}
    />
  )
}
