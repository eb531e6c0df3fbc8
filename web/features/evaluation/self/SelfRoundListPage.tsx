import { PlusOutlined } from '@ant-design/icons'
import { Button, Card, Empty, Select, Space, Typography } from 'antd'
import type { TableColumnsType } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { ListToolbar } from '../../../shared/ListToolbar'
import { PagedTable } from '../../../shared/PagedTable'
import { formatDateTime } from '../../../shared/format'
import { filterSelectProps, fiscalYearOptions } from '../../../shared/listFilters'
import { type TableState, useTableState } from '../../../shared/useTableState'
import { useCan } from '../../auth/CurrentUser'
import { OpenSelfRoundDialog } from './OpenSelfRoundDialog'
import { useSelfRoundList } from './self.queries'
import type { SelfRoundFilters, SelfRoundView } from './self.types'
import { SelfRoundStatusTag, useSelfVocabulary } from './selfVocabulary'

/** 单位自评批次: one round a year per jurisdiction (a city sees its districts' too), with its forms counted by status. */
export function SelfRoundListPage() {
  const { t } = useTranslation()
  const table = useTableState<SelfRoundFilters>({})
  const list = useSelfRoundList(table.params)
  const canOpen = useCan('evaluation.manage')
  const [opening, setOpening] = useState(false)
  const filtered = Object.values(table.filters).some((v) => v !== undefined && v !== '')

  const columns: TableColumnsType<SelfRoundView> = [
    {
      key: 'name',
      title: t('evaluationSelf.rounds.name'),
      dataIndex: 'name',
      width: 260,
      render: (name: string, row) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/evaluation/self-rounds/${row.id}`}>{name}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.jurisdictionName}
          </Typography.Text>
        </Space>
      ),
    },
    { key: 'fiscalYear', title: t('evaluationSelf.fields.fiscalYear'), dataIndex: 'fiscalYear', width: 90, align: 'center', sorter: true, sortOrder: table.sortOrderOf('fiscalYear') },
    { key: 'deadline', title: t('evaluationSelf.rounds.deadline'), dataIndex: 'deadline', width: 150, sorter: true, sortOrder: table.sortOrderOf('deadline'), render: (d: string) => formatDateTime(d) },
    { key: 'status', title: t('evaluationSelf.fields.status'), dataIndex: 'status', width: 90, render: (s: SelfRoundView['status']) => <SelfRoundStatusTag status={s} /> },
    { key: 'total', title: t('evaluationSelf.rounds.forms'), width: 80, align: 'right', render: (_, row) => row.counts.total },
    { key: 'draft', title: t('evaluationSelf.rounds.draft'), width: 80, align: 'right', render: (_, row) => row.counts.draft + row.counts.returned },
    { key: 'submitted', title: t('evaluationSelf.rounds.submitted'), width: 90, align: 'right', render: (_, row) => row.counts.submitted + row.counts.deptAccepted },
    { key: 'accepted', title: t('evaluationSelf.rounds.accepted'), width: 80, align: 'right', render: (_, row) => row.counts.accepted },
  ]

  return (
    <Card title={t('evaluationSelf.nav.rounds')} size="small">
      <ListToolbar
        filters={<RoundFilters table={table} />}
        actions={
          canOpen && (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setOpening(true)}>
              {t('evaluationSelf.rounds.open')}
            </Button>
          )
        }
      />
      <PagedTable
        label={t('evaluationSelf.rounds.listLabel')}
        rowKey="id"
        columns={columns}
        query={list}
        table={table}
        scrollX={columns.reduce((sum, c) => sum + Number(c.width ?? 0), 0)}
        emptyText={<Empty description={filtered ? t('evaluationSelf.emptyFiltered') : canOpen ? t('evaluationSelf.rounds.emptyManage') : t('evaluationSelf.rounds.empty')} />}
      />
      {opening && <OpenSelfRoundDialog onClose={() => setOpening(false)} />}
    </Card>
  )
}

function RoundFilters({ table }: { table: TableState<SelfRoundFilters> }) {
  const { t } = useTranslation()
  const vocabulary = useSelfVocabulary()
  const { filters, setFilters } = table
  return (
    <>
      <Select {...filterSelectProps(t('evaluationSelf.fields.fiscalYear'), 120)} options={fiscalYearOptions()} value={filters.fiscalYear} onChange={(fiscalYear?: number) => setFilters({ fiscalYear })} />
      <Select {...filterSelectProps(t('evaluationSelf.fields.status'), 120)} options={vocabulary.roundStatusOptions} value={filters.status} onChange={(status?: SelfRoundFilters['status']) => setFilters({ status })} />
      <Button onClick={table.resetFilters}>{t('common.reset')}</Button>
    </>
  )
}
