import { Space, Tag, Tooltip } from 'antd'
import { type Light, lightLabels } from '../../../../domain/lights'
import { type KeyMonitoringReason, keyMonitoringReasonLabels, type MonitoringFormStatus, monitoringFormStatusLabels, type MonitoringRoundStatus, monitoringRoundStatuses, monitoringRoundStatusLabels } from '../../../../domain/monitoring'
import { useCodeLabels } from '../../../shared/useCodeLabels'
import type { RoundStats } from './rounds.types'

export function useRoundVocabulary() {
  const { labelOf, optionsOf } = useCodeLabels()
  return {
    status: labelOf<MonitoringRoundStatus>(monitoringRoundStatusLabels),
    formStatus: labelOf<MonitoringFormStatus>(monitoringFormStatusLabels),
    reason: labelOf<KeyMonitoringReason>(keyMonitoringReasonLabels),
    light: labelOf<Light>(lightLabels),
    statusOptions: optionsOf(monitoringRoundStatuses, monitoringRoundStatusLabels),
  }
}

const roundColors: Record<MonitoringRoundStatus, string> = { opening: 'processing', open: 'green', closed: 'default' }
export const lightColors: Record<Light, string> = { red: 'red', yellow: 'gold', green: 'green', blue: 'blue' }

export function RoundStatusTag({ status }: { status: MonitoringRoundStatus }) {
  return <Tag color={roundColors[status]}>{useRoundVocabulary().status(status)}</Tag>
}

/** The four lights' counts as small coloured tags (only those that occur). */
export function LightCounts({ stats }: { stats: Pick<RoundStats, Light> }) {
  const vocabulary = useRoundVocabulary()
  const shown = (['red', 'yellow', 'green', 'blue'] as const).filter((l) => stats[l] > 0)
  if (shown.length === 0) return <span>—</span>
  return (
    <Space size={2} wrap>
      {shown.map((light) => (
        <Tooltip key={light} title={vocabulary.light(light)}>
          <Tag color={lightColors[light]} style={{ marginInlineEnd: 0 }}>
            {vocabulary.light(light)} {stats[light]}
          </Tag>
        </Tooltip>
      ))}
    </Space>
  )
}
