import { Table, Typography } from 'antd'
import type { TableColumnsType } from 'antd'
import { useTranslation } from 'react-i18next'
import { LightCounts } from './roundVocabulary'
import { useRollup } from './rounds.queries'
import type { RoundRollup } from './rounds.types'

type Row = RoundRollup['items'][number]

/** 市区联动: a city's rounds of the year rolled up per jurisdiction (its own and its districts'), shown when there are several. */
export function RollupTable({ fiscalYear }: { fiscalYear: number }) {
  const { t } = useTranslation()
  const rollup = useRollup(fiscalYear, true)
  const items = rollup.data?.items ?? []
  if (items.length < 2) return null
  const columns: TableColumnsType<Row> = [
    { key: 'name', title: t('monitoringRounds.fields.jurisdiction'), dataIndex: 'jurisdictionName', width: 160 },
    { key: 'rounds', title: t('monitoringRounds.rollup.rounds'), dataIndex: 'rounds', width: 80, align: 'right' },
    { key: 'forms', title: t('monitoringRounds.fields.forms'), width: 80, align: 'right', render: (_, r) => r.stats.forms },
    { key: 'reported', title: t('monitoringRounds.fields.reported'), width: 80, align: 'right', render: (_, r) => r.stats.forms - r.stats.unreported },
    { key: 'late', title: t('monitoringRounds.fields.late'), width: 80, align: 'right', sorter: (a, b) => a.stats.late - b.stats.late, render: (_, r) => (r.stats.late ? <Typography.Text type="danger">{r.stats.late}</Typography.Text> : 0) },
    { key: 'lights', title: t('monitoringRounds.fields.lights'), width: 220, render: (_, r) => <LightCounts stats={r.stats} /> },
  ]
  return (
    <Table<Row>
      size="small"
      rowKey="jurisdictionCode"
      style={{ marginBottom: 16 }}
      title={() => t('monitoringRounds.rollup.title', { year: fiscalYear })}
      columns={columns}
      dataSource={items}
      pagination={false}
      aria-label={t('monitoringRounds.rollup.title', { year: fiscalYear })}
    />
  )
}
