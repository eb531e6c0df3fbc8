import { Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import { correctiveActionKindLabels, correctiveActionKinds, correctiveActionStatusLabels, correctiveActionStatuses, type CorrectiveActionKind, type CorrectiveActionStatus } from '../../../../domain/monitoring'

const kindColors: Record<CorrectiveActionKind, string> = {
  notice: 'blue',
  inquiry: 'geekblue',
  hold_payment: 'orange',
  stop_payment: 'red',
  cut_budget: 'volcano',
  suspend: 'magenta',
  recover: 'purple',
}
const statusColors: Record<CorrectiveActionStatus, string> = { open: 'gold', responded: 'processing', closed: 'default' }

/** Labels of the corrective-action vocabulary in the UI language (they live in domain/monitoring.ts). */
export function useActionVocabulary() {
  const { i18n } = useTranslation()
  const lang = i18n.language.startsWith('en') ? 'en' : 'zh'
  return {
    kind: (k: CorrectiveActionKind) => correctiveActionKindLabels[k][lang],
    status: (s: CorrectiveActionStatus) => correctiveActionStatusLabels[s][lang],
    kindOptions: correctiveActionKinds.map((value) => ({ value, label: correctiveActionKindLabels[value][lang] })),
    statusOptions: correctiveActionStatuses.map((value) => ({ value, label: correctiveActionStatusLabels[value][lang] })),
  }
}

export function ActionKindTag({ kind }: { kind: CorrectiveActionKind }) {
  return <Tag color={kindColors[kind]}>{useActionVocabulary().kind(kind)}</Tag>
}

export function ActionStatusTag({ status }: { status: CorrectiveActionStatus }) {
  return <Tag color={statusColors[status]}>{useActionVocabulary().status(status)}</Tag>
}
