import { Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import { type PaymentSource, paymentSources } from '../../../domain/monitoring'

const sourceColors: Record<PaymentSource, string> = { import: 'blue', api: 'geekblue', demo: 'default', generated: 'default' }

export function usePaymentSourceOptions() {
  const { t } = useTranslation()
  return paymentSources.map((s) => ({ value: s, label: t(`execution.sources.${s}`) }))
}

export function PaymentSourceTag({ source }: { source: PaymentSource }) {
  const { t } = useTranslation()
  return <Tag color={sourceColors[source]}>{t(`execution.sources.${source}`)}</Tag>
}

/** 1–12月 for a month filter. */
export function useMonthOptions() {
  const { t } = useTranslation()
  return Array.from({ length: 12 }, (_, i) => ({ value: i + 1, label: t('execution.monthN', { month: i + 1 }) }))
}
