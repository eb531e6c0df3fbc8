import { Tag, Tooltip, Typography } from 'antd'
import { type Light, lightLabels, lights } from '../../../../domain/lights'
import {
  type CauseCategory,
  causeCategories,
  causeCategoryLabels,
  type Likelihood,
  likelihoodLabels,
  likelihoods,
  type MonitoringFormStatus,
  monitoringFormStatuses,
  monitoringFormStatusLabels,
} from '../../../../domain/monitoring'
import { useCodeLabels } from '../../../shared/useCodeLabels'
import type { Explained } from './forms.types'

/** The monitoring code lists in the current language; the labels live in domain/monitoring.ts and domain/lights.ts. */
export function useFormVocabulary() {
  const { labelOf, optionsOf } = useCodeLabels()
  return {
    status: labelOf<MonitoringFormStatus>(monitoringFormStatusLabels),
    light: labelOf<Light>(lightLabels),
    likelihood: labelOf<Likelihood>(likelihoodLabels),
    cause: labelOf<CauseCategory>(causeCategoryLabels),
    statusOptions: optionsOf(monitoringFormStatuses, monitoringFormStatusLabels),
    lightOptions: optionsOf(lights, lightLabels),
    likelihoodOptions: optionsOf(likelihoods, likelihoodLabels),
    causeOptions: optionsOf(causeCategories, causeCategoryLabels),
  }
}

const statusColors: Record<MonitoringFormStatus, string> = { draft: 'gold', submitted: 'blue', dept_accepted: 'cyan', returned: 'red', accepted: 'green' }
export const lightColors: Record<Light, string> = { red: 'red', yellow: 'gold', green: 'green', blue: 'blue' }

export function FormStatusTag({ status }: { status: MonitoringFormStatus }) {
  return <Tag color={statusColors[status]}>{useFormVocabulary().status(status)}</Tag>
}

/** 红/黄/绿/蓝 as a coloured tag; hovering (or focusing) it shows the rule and the formula that lit it. */
export function LightTag({ light, explained }: { light: Light | null; explained?: Explained<unknown> | null }) {
  const vocabulary = useFormVocabulary()
  if (!light) return <Typography.Text type="secondary">—</Typography.Text>
  const tag = (
    <Tag color={lightColors[light]} tabIndex={explained ? 0 : undefined} aria-label={explained ? `${vocabulary.light(light)}：${explained.formula}` : undefined}>
      ● {vocabulary.light(light)}
    </Tag>
  )
  if (!explained) return tag
  return (
    <Tooltip
      title={
        <>
          <div>{explained.rule}</div>
          <div>{explained.formula}</div>
        </>
      }
    >
      {tag}
    </Tooltip>
  )
}
