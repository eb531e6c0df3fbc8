import { PlusOutlined } from '@ant-design/icons'
import { Button, Card, Empty, Select, Space, Tag, Typography } from 'antd'
import type { TableColumnsType } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { ListToolbar } from '../../../shared/ListToolbar'
import { PagedTable } from '../../../shared/PagedTable'
import { formatDateTime } from '../../../shared/format'
import { filterSelectProps, fiscalYearOptions } from '../../../shared/listFilters'
import { type TableState, useTableState } from '../../../shared/useTableState'
import { useCan, useCurrentUser } from '../../auth/CurrentUser'
import { OpenRoundDialog } from './OpenRoundDialog'
import { RollupTable } from './RollupTable'
import { LightCounts, RoundStatusTag, useRoundVocabulary } from './roundVocabulary'
import { useRoundList } from './rounds.queries'
import type { Round, RoundFilters } from './rounds.types'

/** 监控批次: the rounds in scope (a city: its own and its districts', read-only), with their reporting figures. */
export function RoundListPage() {
  const { t } = useTranslation()
  const table = useTableState<RoundFilters>({})
  const list = useRoundList(table.params)
  const canOpen = useCan('monitoring.manage')
  const atBureau = useCurrentUser().org.kind === 'jurisdiction'
  const [opening, setOpening] = useState(false)
  const filtered = Object.values(table.filters).some((v) => v !== undefined && v !== '')

  const columns: TableColumnsType<Round> = [
    {
      key: 'name',
      title: t('monitoringRounds.fields.name'),
      dataIndex: 'name',
      width: 260,
      render: (name: string, row) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/monitoring/rounds/${row.id}`}>{name}</Link>
          <Space size={4}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {row.jurisdictionName}
            </Typography.Text>
            {row.adhoc && <Tag style={{ fontSize: 11 }}>{t('monitoringRounds.fields.adhoc')}</Tag>}
          </Space>
        </Space>
      ),
    },
    { key: 'fiscalYear', title: t('monitoringRounds.fields.fiscalYear'), dataIndex: 'fiscalYear', width: 80, align: 'center' },
    { key: 'cutoffMonth', title: t('monitoringRounds.fields.cutoffMonth'), dataIndex: 'cutoffMonth', width: 100, align: 'center', sorter: true, sortOrder: table.sortOrderOf('cutoffMonth'), render: (month: number) => t('monitoringRounds.fields.cutoffValue', { month }) },
    { key: 'deadline', title: t('monitoringRounds.fields.deadline'), dataIndex: 'deadline', width: 150, sorter: true, sortOrder: table.sortOrderOf('deadline'), render: (d: string, row) => <Typography.Text type={row.deadlinePassed ? 'danger' : undefined}>{formatDateTime(d)}</Typography.Text> },
    { key: 'status', title: t('monitoringRounds.fields.status'), dataIndex: 'status', width: 90, render: (s: Round['status']) => <RoundStatusTag status={s} /> },
    { key: 'forms', title: t('monitoringRounds.fields.forms'), width: 80, align: 'right', render: (_, row) => row.stats.forms },
    { key: 'key', title: t('monitoringRounds.fields.key'), width: 80, align: 'right', render: (_, row) => row.stats.key },
    { key: 'reported', title: t('monitoringRounds.fields.reported'), width: 80, align: 'right', render: (_, row) => row.stats.forms - row.stats.unreported },
    { key: 'late', title: t('monitoringRounds.fields.late'), width: 80, align: 'right', render: (_, row) => (row.stats.late ? <Typography.Text type="danger">{row.stats.late}</Typography.Text> : 0) },
    { key: 'lights', title: t('monitoringRounds.fields.lights'), width: 200, render: (_, row) => <LightCounts stats={row.stats} /> },
  ]

  return (
    <Card title={t('monitoringRounds.nav.rounds')} size="small">
      <ListToolbar
        filters={<RoundListFilters table={table} />}
        actions={
          canOpen && (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setOpening(true)}>
              {t('monitoringRounds.open')}
            </Button>
          )
        }
      />
      {atBureau && <RollupTable fiscalYear={table.filters.fiscalYear ?? new Date().getFullYear()} />}
      <PagedTable
        label={t('monitoringRounds.listLabel')}
        rowKey="id"
        columns={columns}
        query={list}
        table={table}
        scrollX={columns.reduce((sum, c) => sum + Number(c.width ?? 0), 0)}
        emptyText={<Empty description={filtered ? t('projects.emptyFiltered') : canOpen ? t('monitoringRounds.emptyManage') : t('monitoringRounds.empty')} />}
      />
      {opening && <OpenRoundDialog onClose={() => setOpening(false)} />}
    </Card>
  )
}

function RoundListFilters({ table }: { table: TableState<RoundFilters> }) {
  const { t } = useTranslation()
  const vocabulary = useRoundVocabulary()
  const { filters, setFilters } = table
  return (
    <>
      <Select {...filterSelectProps(t('monitoringRounds.fields.fiscalYear'), 120)} options={fiscalYearOptions()} value={filters.fiscalYear} onChange={(fiscalYear?: number) => setFilters({ fiscalYear })} />
      <Select {...filterSelectProps(t('monitoringRounds.fields.status'), 120)} options={vocabulary.statusOptions} value={filters.status} onChange={(status?: RoundFilters['status']) => setFilters({ status })} />
      <Button onClick={table.resetFilters}>{t('common.reset')}</Button>
    </>
  )
}
