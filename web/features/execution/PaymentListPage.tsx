import { UploadOutlined } from '@ant-design/icons'
import { Button, Card, Empty, Select, Typography } from 'antd'
import type { TableColumnsType } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { formatMoney } from '../../../domain/money'
import { ExportButton } from '../../shared/ExportButton'
import { ListToolbar } from '../../shared/ListToolbar'
import { PagedTable } from '../../shared/PagedTable'
import { SearchInput } from '../../shared/SearchInput'
import { filterSelectProps, fiscalYearOptions } from '../../shared/listFilters'
import { type TableState, useTableState } from '../../shared/useTableState'
import { useCurrentUser } from '../auth/CurrentUser'
import { OrgTreeSelect } from '../org/OrgTreeSelect'
import { usePayments } from './execution.queries'
import type { PaymentFilters, PaymentItem } from './execution.types'
import { PaymentSourceTag, projectColumn, useMonthOptions, usePaymentSourceOptions } from './executionVocabulary'

/** 支付明细: the treasury payments of the projects in the user's scope, filtered, sorted, paged, summed, exported. */
export function PaymentListPage() {
  const { t } = useTranslation()
  const user = useCurrentUser()
  const [search] = useSearchParams()
  const table = useTableState<PaymentFilters>({ projectId: search.get('projectId') ?? undefined })
  const list = usePayments(table.params)
  const filtered = Object.values(table.filters).some((v) => v !== undefined && v !== '')

  const columns: TableColumnsType<PaymentItem> = [
    { key: 'paidOn', title: t('execution.fields.paidOn'), dataIndex: 'paidOn', width: 110, sorter: true, sortOrder: table.sortOrderOf('paidOn') },
    projectColumn(t('execution.fields.project')),
    { key: 'unitName', title: t('execution.fields.unit'), dataIndex: 'unitName', width: 160, ellipsis: { showTitle: true } },
    { key: 'amount', title: t('execution.fields.amount'), dataIndex: 'amount', width: 140, align: 'right', sorter: true, sortOrder: table.sortOrderOf('amount'), render: (a: string) => formatMoney(a) },
    { key: 'fundSource', title: t('execution.fields.fundSource'), dataIndex: 'fundSource', width: 130, ellipsis: { showTitle: true } },
    { key: 'voucherNo', title: t('execution.fields.voucherNo'), dataIndex: 'voucherNo', width: 240, sorter: true, sortOrder: table.sortOrderOf('voucherNo') },
    { key: 'source', title: t('execution.fields.source'), dataIndex: 'source', width: 100, render: (s: PaymentItem['source']) => <PaymentSourceTag source={s} /> },
  ]

  const actions = (
    <>
      {user.permissions.includes('execution.push') && (
        <Link to="/execution/import">
          <Button icon={<UploadOutlined aria-hidden />}>{t('execution.nav.import')}</Button>
        </Link>
      )}
      <ExportButton path="/api/execution/payments/export" params={table.params} />
    </>
  )

  return (
    <Card title={t('execution.nav.payments')} size="small">
      <ListToolbar filters={<PaymentListFilters table={table} />} actions={actions} />
      <PagedTable
        label={t('execution.paymentsLabel')}
        rowKey="id"
        columns={columns}
        query={list}
        table={table}
        scrollX={columns.reduce((sum, c) => sum + Number(c.width ?? 0), 0)}
        emptyText={<Empty description={filtered ? t('execution.emptyFiltered') : t('execution.emptyPayments')} />}
      />
      {list.data && list.data.total > 0 && (
        <Typography.Text type="secondary">{t('execution.sum', { count: list.data.total, amount: formatMoney(list.data.sumAmount) })}</Typography.Text>
      )}
    </Card>
  )
}

function PaymentListFilters({ table }: { table: TableState<PaymentFilters> }) {
  const { t } = useTranslation()
  const user = useCurrentUser()
  const months = useMonthOptions()
  const sources = usePaymentSourceOptions()
  const { filters, setFilters } = table
  return (
    <>
      <SearchInput label={t('execution.filters.q')} value={filters.q} onSearch={(q) => setFilters({ q })} width={240} />
      <Select {...filterSelectProps(t('execution.fields.fiscalYear'), 110)} options={fiscalYearOptions()} value={filters.fiscalYear} onChange={(fiscalYear?: number) => setFilters({ fiscalYear })} />
      <Select {...filterSelectProps(t('execution.fields.month'), 100)} options={months} value={filters.month} onChange={(month?: number) => setFilters({ month })} />
      {user.org.kind === 'jurisdiction' && user.permissions.includes('org.read') && (
        <OrgTreeSelect kinds={['department']} label={t('execution.filters.department')} value={filters.departmentCode} onChange={(departmentCode) => setFilters({ departmentCode })} allowClear width={200} />
      )}
      <Select {...filterSelectProps(t('execution.fields.source'), 120)} options={sources} value={filters.source} onChange={(source?: PaymentFilters['source']) => setFilters({ source })} />
      <Button onClick={table.resetFilters}>{t('common.reset')}</Button>
    </>
  )
}
