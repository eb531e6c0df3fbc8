import { Tag } from 'antd'
import type { IndicatorStatus } from '../../../domain/indicators'
import { indicatorStatusColors, useIndicatorVocabulary } from './indicatorVocabulary'

export function IndicatorStatusTag({ status }: { status: IndicatorStatus }) {
  const vocabulary = useIndicatorVocabulary()
  return <Tag color={indicatorStatusColors[status]}>{vocabulary.status(status)}</Tag>
}
