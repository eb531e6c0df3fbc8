import { PlusOutlined } from '@ant-design/icons'
import { Button, Card, Empty, Select, Space, Tag, Typography } from 'antd'
import type { TableColumnsType } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { ExportButton } from '../../../shared/ExportButton'
import { ListToolbar } from '../../../shared/ListToolbar'
import { PagedTable } from '../../../shared/PagedTable'
import { formatDateTime } from '../../../shared/format'
import { filterSelectProps, fiscalYearOptions } from '../../../shared/listFilters'
import { type TableState, useTableState } from '../../../shared/useTableState'
import { DrawSpotCheckDialog } from './DrawSpotCheckDialog'
import { useSpotCheckList } from './spotchecks.queries'
import type { SpotCheckFilters, SpotCheckListItem } from './spotchecks.types'

export function SpotStatusTag({ status }: { status: 'open' | 'closed' }) {
  const { t } = useTranslation()
  return <Tag color={status === 'open' ? 'processing' : 'default'}>{t(`spotChecks.status.${status}`)}</Tag>
}

/** 抽查复核: the samples drawn (a city: also its districts', read-only), with how many are re-scored and flagged. */
export function SpotCheckListPage() {
  const { t } = useTranslation()
  const table = useTableState<SpotCheckFilters>({})
  const list = useSpotCheckList(table.params)
  const [drawing, setDrawing] = useState(false)
  const filtered = Object.values(table.filters).some((v) => v !== undefined && v !== '')

  const columns: TableColumnsType<SpotCheckListItem> = [
    {
      key: 'name',
      title: t('spotChecks.fields.name'),
      dataIndex: 'name',
      width: 260,
      sorter: true,
      sortOrder: table.sortOrderOf('name'),
      render: (name: string, row) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/evaluation/spot-checks/${row.id}`}>{name}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.jurisdictionName}
            {row.includeBelow ? ` · ${t('spotChecks.fields.includeBelow')}` : ''}
          </Typography.Text>
        </Space>
      ),
    },
    { key: 'fiscalYear', title: t('spotChecks.fields.fiscalYear'), dataIndex: 'fiscalYear', width: 90, align: 'center', sorter: true, sortOrder: table.sortOrderOf('fiscalYear') },
    { key: 'seed', title: t('spotChecks.fields.seed'), dataIndex: 'seed', width: 140, render: (s: string) => <Typography.Text code>{s}</Typography.Text> },
    { key: 'pool', title: t('spotChecks.fields.pool'), dataIndex: 'poolSize', width: 90, align: 'right' },
    { key: 'items', title: t('spotChecks.fields.items'), dataIndex: 'items', width: 90, align: 'right' },
    { key: 'reviewed', title: t('spotChecks.fields.reviewed'), dataIndex: 'reviewed', width: 90, align: 'right' },
    { key: 'flagged', title: t('spotChecks.fields.flagged'), dataIndex: 'flagged', width: 100, align: 'right', render: (n: number) => (n ? <Typography.Text type="danger">{n}</Typography.Text> : 0) },
    { key: 'status', title: t('spotChecks.fields.status'), dataIndex: 'status', width: 90, render: (s: SpotCheckListItem['status']) => <SpotStatusTag status={s} /> },
    { key: 'createdAt', title: t('spotChecks.fields.createdAt'), dataIndex: 'createdAt', width: 150, sorter: true, sortOrder: table.sortOrderOf('createdAt'), render: (d: string) => formatDateTime(d) },
  ]

  return (
    <Card title={t('spotChecks.nav.list')} size="small">
      <ListToolbar
        filters={<Filters table={table} />}
        actions={
          <Space>
            <ExportButton path="/api/evaluation/spot-checks/export" params={table.params} />
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setDrawing(true)}>
              {t('spotChecks.draw.open')}
            </Button>
          </Space>
        }
      />
      <PagedTable
        label={t('spotChecks.listLabel')}
        rowKey="id"
        columns={columns}
        query={list}
        table={table}
        scrollX={columns.reduce((sum, c) => sum + Number(c.width ?? 0), 0)}
        emptyText={<Empty description={filtered ? t('spotChecks.emptyFiltered') : t('spotChecks.empty')} />}
      />
      {drawing && <DrawSpotCheckDialog onClose={() => setDrawing(false)} />}
    </Card>
  )
}

function Filters({ table }: { table: TableState<SpotCheckFilters> }) {
  const { t } = useTranslation()
  const { filters, setFilters } = table
  const statuses = (['open', 'closed'] as const).map((s) => ({ value: s, label: t(`spotChecks.status.${s}`) }))
  return (
    <>
      <Select {...filterSelectProps(t('spotChecks.fields.fiscalYear'), 120)} options={fiscalYearOptions()} value={filters.fiscalYear} onChange={(fiscalYear?: number) => setFilters({ fiscalYear })} />
      <Select {...filterSelectProps(t('spotChecks.fields.status'), 120)} options={statuses} value={filters.status} onChange={(status?: SpotCheckFilters['status']) => setFilters({ status })} />
      <Button onClick={table.resetFilters}>{t('common.reset')}</Button>
    </>
  )
}
