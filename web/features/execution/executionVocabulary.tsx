import { Space, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
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

/** The project column of the execution lists: its name linking to the project, code and fiscal year below. */
export function projectColumn<T extends { projectId: string; projectName: string; projectCode: string; fiscalYear: number }>(title: string) {
  return {
    key: 'projectName',
    title,
    dataIndex: 'projectName',
    width: 260,
    render: (name: string, row: T) => (
      <Space orientation="vertical" size={0}>
        <Link to={`/projects/${row.projectId}`}>{name}</Link>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {row.projectCode} · {row.fiscalYear}
        </Typography.Text>
      </Space>
    ),
  }
}
