import { Space, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import {
  type AssessmentItemKind,
  assessmentItemKindLabels,
  type AssessmentMetric,
  assessmentMetricLabels,
  type AssessmentStatus,
  assessmentStatuses,
  assessmentStatusLabels,
} from '../../../../domain/assessment'
import type { AssessmentItem } from './assessments.types'

const statusColors: Record<AssessmentStatus, string> = { self_assessing: 'gold', submitted: 'processing', reviewed: 'cyan', published: 'green' }
const kindColors: Record<AssessmentItemKind, string> = { computed: 'blue', entered: 'default', bonus: 'green', deduction: 'volcano' }

/** Labels of the 考核 vocabulary in the UI language (they live in domain/assessment.ts). */
export function useAssessmentVocabulary() {
  const { i18n } = useTranslation()
  const lang = i18n.language.startsWith('en') ? 'en' : 'zh'
  return {
    status: (s: AssessmentStatus) => assessmentStatusLabels[s][lang],
    kind: (k: AssessmentItemKind) => assessmentItemKindLabels[k][lang],
    metric: (m: AssessmentMetric) => assessmentMetricLabels[m][lang],
    statusOptions: assessmentStatuses.map((value) => ({ value, label: assessmentStatusLabels[value][lang] })),
  }
}

export function AssessmentStatusTag({ status }: { status: AssessmentStatus }) {
  return <Tag color={statusColors[status]}>{useAssessmentVocabulary().status(status)}</Tag>
}

export function ItemKindTag({ kind }: { kind: AssessmentItemKind }) {
  return <Tag color={kindColors[kind]}>{useAssessmentVocabulary().kind(kind)}</Tag>
}

/** What a published result proposes: 约谈 for a poor grade (domain assessmentConsequence), nothing otherwise. */
export function ConsequenceTag({ consequence }: { consequence: 'interview' | 'none' | null }) {
  const { t } = useTranslation()
  if (!consequence) return <>—</>
  return consequence === 'interview' ? <Tag color="red">{t('assessments.consequences.interview')}</Tag> : <Tag>{t('assessments.consequences.none')}</Tag>
}

/** How an item's score came about: a computed item's counts and formula with its rule; a note where the system could not count. */
export function Explanation({ item }: { item: AssessmentItem }) {
  const { t } = useTranslation()
  if (!item.explanation) return <Typography.Text type="secondary">{t('assessments.noExplanation')}</Typography.Text>
  return (
    <Space orientation="vertical" size={0}>
      <Typography.Text>{item.explanation.formula}</Typography.Text>
      {item.explanation.rule && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {item.explanation.rule}
        </Typography.Text>
      )}
    </Space>
  )
}

