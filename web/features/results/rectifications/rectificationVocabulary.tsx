import { Tag, Tooltip } from 'antd'
import { useTranslation } from 'react-i18next'
import {
  type EscalationLevel,
  escalationLevelLabels,
  findingOriginLabels,
  findingOrigins,
  type FindingOrigin,
  rectificationSourceLabels,
  rectificationSourceTypes,
  type RectificationSourceType,
  rectificationStatusLabels,
  rectificationStatuses,
  type RectificationStatus,
} from '../../../../domain/results'

const statusColors: Record<RectificationStatus, string> = { open: 'gold', responded: 'processing', verified: 'cyan', closed: 'default' }

/** Labels of the rectification vocabulary in the UI language (they live in domain/results.ts). */
export function useRectificationVocabulary() {
  const { i18n } = useTranslation()
  const lang = i18n.language.startsWith('en') ? 'en' : 'zh'
  return {
    status: (s: RectificationStatus) => rectificationStatusLabels[s][lang],
    source: (s: RectificationSourceType) => rectificationSourceLabels[s][lang],
    origin: (o: FindingOrigin) => findingOriginLabels[o][lang],
    escalation: (l: EscalationLevel) => escalationLevelLabels[l][lang],
    statusOptions: rectificationStatuses.map((value) => ({ value, label: rectificationStatusLabels[value][lang] })),
    sourceOptions: rectificationSourceTypes.map((value) => ({ value, label: rectificationSourceLabels[value][lang] })),
    originOptions: findingOrigins.map((value) => ({ value, label: findingOriginLabels[value][lang] })),
  }
}

export function RectificationStatusTag({ status }: { status: RectificationStatus }) {
  return <Tag color={statusColors[status]}>{useRectificationVocabulary().status(status)}</Tag>
}

/** 逾期 with how far it went up: the department first, then finance (rule 43). */
export function EscalationTag({ escalation }: { escalation: { level: EscalationLevel; daysOverdue: number; formula?: string } }) {
  const { t } = useTranslation()
  const vocabulary = useRectificationVocabulary()
  if (escalation.level === 'none') return null
  return (
    <Tooltip title={t('rectifications.overdueDays', { days: escalation.daysOverdue })}>
      <Tag color={escalation.level === 'finance' ? 'red' : 'orange'}>{vocabulary.escalation(escalation.level)}</Tag>
    </Tooltip>
  )
}
