import { PlusOutlined } from '@ant-design/icons'
import { Button, Card, Empty, Select, Typography } from 'antd'
import type { TableColumnsType } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatMoney } from '../../../domain/money'
import { ListToolbar } from '../../shared/ListToolbar'
import { PagedTable } from '../../shared/PagedTable'
import { SearchInput } from '../../shared/SearchInput'
import { filterSelectProps, fiscalYearOptions } from '../../shared/listFilters'
import { useTableState } from '../../shared/useTableState'
import { useCurrentUser } from '../auth/CurrentUser'
import { OrgTreeSelect } from '../org/OrgTreeSelect'
import { AdjustmentDialog } from './AdjustmentDialog'
import { useAdjustments } from './execution.queries'
import type { AdjustmentFilters, AdjustmentItem } from './execution.types'
import { projectColumn } from './executionVocabulary'

/** 预算调整: 调整预算 records (全年预算数 = 年初 + 调整) in the user's scope; finance records new ones with a reason. */
export function AdjustmentListPage() {
  const { t } = useTranslation()
  const user = useCurrentUser()
  const table = useTableState<AdjustmentFilters>({})
  const list = useAdjustments(table.params)
  const [adding, setAdding] = useState(false)
  const filtered = Object.values(table.filters).some((v) => v !== undefined && v !== '')
  const { filters, setFilters } = table

  const columns: TableColumnsType<AdjustmentItem> = [
    { key: 'adjustedOn', title: t('execution.adjust.adjustedOn'), dataIndex: 'adjustedOn', width: 110 },
    projectColumn(t('execution.fields.project')),
    { key: 'unitName', title: t('execution.fields.unit'), dataIndex: 'unitName', width: 160, ellipsis: { showTitle: true } },
    {
      key: 'amount',
      title: t('execution.adjust.amount'),
      dataIndex: 'amount',
      width: 140,
      align: 'right',
      render: (a: string) => <Typography.Text type={a.startsWith('-') ? 'danger' : 'success'}>{a.startsWith('-') ? formatMoney(a) : `+${formatMoney(a)}`}</Typography.Text>,
    },
    { key: 'reason', title: t('execution.adjust.reason'), dataIndex: 'reason', width: 260, ellipsis: { showTitle: true } },
    { key: 'createdByName', title: t('execution.adjust.by'), dataIndex: 'createdByName', width: 120 },
  ]

  return (
    <Card title={t('execution.nav.adjustments')} size="small">
      <ListToolbar
        filters={
          <>
            <SearchInput label={t('execution.filters.adjustmentQ')} value={filters.q} onSearch={(q) => setFilters({ q })} width={240} />
            <Select {...filterSelectProps(t('execution.fields.fiscalYear'), 110)} options={fiscalYearOptions()} value={filters.fiscalYear} onChange={(fiscalYear?: number) => setFilters({ fiscalYear })} />
            {user.org.kind === 'jurisdiction' && user.permissions.includes('org.read') && (
              <OrgTreeSelect kinds={['department']} label={t('execution.filters.department')} value={filters.departmentCode} onChange={(departmentCode) => setFilters({ departmentCode })} allowClear width={200} />
            )}
            <Button onClick={table.resetFilters}>{t('common.reset')}</Button>
          </>
        }
        actions={
          user.permissions.includes('execution.adjust') && (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setAdding(true)}>
              {t('execution.adjust.title')}
            </Button>
          )
        }
      />
      <PagedTable
        label={t('execution.adjustmentsLabel')}
        rowKey="id"
        columns={columns}
        query={list}
        table={table}
        scrollX={columns.reduce((sum, c) => sum + Number(c.width ?? 0), 0)}
        emptyText={<Empty description={filtered ? t('execution.emptyFiltered') : t('execution.emptyAdjustments')} />}
      />
      {adding && <AdjustmentDialog onClose={() => setAdding(false)} />}
    </Card>
  )
}
