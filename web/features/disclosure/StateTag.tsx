import { Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import type { DisclosureState } from '../../../domain/disclosure-decisions'

const colors: Record<DisclosureState, string> = { undecided: 'default', to_publish: 'blue', not_to_publish: 'orange', published: 'green', withdrawn: 'red' }

export function StateTag({ state }: { state: DisclosureState }) {
  const { t } = useTranslation()
  return <Tag color={colors[state]}>{t(`disclosure.states.${state}`)}</Tag>
}
