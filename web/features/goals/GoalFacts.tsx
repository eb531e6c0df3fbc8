import type { DescriptionsProps } from 'antd'
import { Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { DescriptionGroup } from '../../shared/DescriptionGroup'
import { formatDateTime } from '../../shared/format'
import { useCan } from '../auth/CurrentUser'
import { useFramework } from '../rules/rules.queries'
import type { GoalView } from './goals.types'
import { useGoalVocabulary } from './goalVocabulary'

/** Whose goal it is and where it stands: kind, project, year, department and unit, framework, dates. */
export function GoalFacts({ goal, title, full = true }: { goal: GoalView; title: string; full?: boolean }) {
  const { t } = useTranslation()
  const vocabulary = useGoalVocabulary()
  const canReadProjects = useCan('project.read')
  // The framework by its name (财预〔2020〕10号…), not its code (legacy-88).
  const framework = useFramework(goal.frameworkCode)
  const items: DescriptionsProps['items'] = [
    { key: 'kind', label: t('goals.fields.kind'), children: vocabulary.kind(goal.kind) },
    { key: 'fiscalYear', label: t('goals.fields.fiscalYear'), children: goal.fiscalYear },
    ...(goal.projectId
      ? [
          {
            key: 'project',
            label: t('goals.fields.project'),
            span: 'filled' as const,
            children: (
              <span>
                {canReadProjects ? <Link to={`/projects/${goal.projectId}`}>{goal.projectName}</Link> : goal.projectName}{' '}
                <Typography.Text type="secondary">{goal.projectCode}</Typography.Text>
              </span>
            ),
          },
        ]
      : []),
    { key: 'department', label: t('goals.fields.department'), children: goal.departmentName },
    { key: 'unit', label: t('goals.fields.unit'), children: goal.unitName ?? '—' },
    { key: 'framework', label: t('goals.fields.framework'), children: framework.data?.name ?? '—' },
    { key: 'revision', label: t('goals.fields.revision'), children: <Tag>{t('goals.revision', { revision: goal.revision })}</Tag> },
  ]
  if (full) {
    items.push(
      { key: 'submittedAt', label: t('goals.fields.submittedAt'), children: formatDateTime(goal.submittedAt) },
      { key: 'approvedAt', label: t('goals.fields.approvedAt'), children: formatDateTime(goal.approvedAt) },
      {
        key: 'inForce',
        label: t('goals.fields.inForce'),
        span: 'filled' as const,
        children: goal.inForceFrom ? t('goals.inForceRange', { from: formatDateTime(goal.inForceFrom), to: goal.inForceTo ? formatDateTime(goal.inForceTo) : t('goals.inForceNow') }) : '—',
      },
    )
    if (goal.adjustmentReason) items.push({ key: 'reason', label: t('goals.fields.adjustmentReason'), span: 'filled' as const, children: goal.adjustmentReason })
  }
  return <DescriptionGroup title={title} column={{ xs: 1, md: 2 }} items={items} />
}
