import { Button, Card, Empty, Select, Space, Typography } from 'antd'
import type { TableColumnsType } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { formatMoney } from '../../../domain/money'
import { ExportButton } from '../../shared/ExportButton'
import { ListToolbar } from '../../shared/ListToolbar'
import { PagedTable } from '../../shared/PagedTable'
import { SearchInput } from '../../shared/SearchInput'
import { filterSelectProps, fiscalYearOptions } from '../../shared/listFilters'
import { type TableState, useTableState } from '../../shared/useTableState'
import { useCurrentUser } from '../auth/CurrentUser'
import { OrgTreeSelect } from '../org/OrgTreeSelect'
import { useExAnteList } from './exante.queries'
import type { ExAnteFilters, ExAnteListItem } from './exante.types'
import { ConclusionTag, ExAnteStatusTag, useExAnteVocabulary } from './exanteVocabulary'

/** 事前绩效评估: the assessments in the user's scope (an agency or expert: those assigned to it), filtered and paged. */
export function ExAnteListPage() {
  const { t } = useTranslation()
  const vocabulary = useExAnteVocabulary()
  const table = useTableState<ExAnteFilters>({})
  const list = useExAnteList(table.params)
  const filtered = Object.values(table.filters).some((v) => v !== undefined && v !== '')

  const columns: TableColumnsType<ExAnteListItem> = [
    {
      key: 'projectName',
      title: t('exante.fields.projectName'),
      dataIndex: 'projectName',
      width: 250,
      render: (name: string, row) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/exante/${row.id}`}>{name}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.projectCode}
          </Typography.Text>
        </Space>
      ),
    },
    { key: 'fiscalYear', title: t('exante.fields.fiscalYear'), dataIndex: 'fiscalYear', width: 80, align: 'center', sorter: true, sortOrder: table.sortOrderOf('fiscalYear') },
    { key: 'unitName', title: t('exante.fields.unit'), dataIndex: 'unitName', width: 140, ellipsis: { showTitle: true } },
    { key: 'amountTotal', title: t('exante.fields.amountTotal'), dataIndex: 'amountTotal', width: 130, align: 'right', render: (amount: string) => formatMoney(amount) },
    { key: 'assessorKind', title: t('exante.fields.assessorKind'), dataIndex: 'assessorKind', width: 130, render: vocabulary.assessorKind },
    { key: 'total', title: t('exante.fields.total'), dataIndex: 'total', width: 70, align: 'right', sorter: true, sortOrder: table.sortOrderOf('total') },
    { key: 'status', title: t('exante.fields.status'), dataIndex: 'status', width: 100, render: (status: ExAnteListItem['status']) => <ExAnteStatusTag status={status} /> },
    { key: 'conclusion', title: t('exante.fields.conclusion'), dataIndex: 'conclusion', width: 110, render: (c: ExAnteListItem['conclusion']) => <ConclusionTag conclusion={c} /> },
  ]

  return (
    <Card title={t('nav.exante')} size="small">
      <ListToolbar filters={<ExAnteListFilters table={table} />} actions={<ExportButton path="/api/exante/export" params={table.params} />} />
      <PagedTable
        label={t('exante.listLabel')}
        rowKey="id"
        columns={columns}
        query={list}
        table={table}
        scrollX={columns.reduce((sum, c) => sum + Number(c.width ?? 0), 0)}
        emptyText={<Empty description={filtered ? t('projects.emptyFiltered') : t('exante.empty')} />}
      />
    </Card>
  )
}

function ExAnteListFilters({ table }: { table: TableState<ExAnteFilters> }) {
  const { t } = useTranslation()
  const user = useCurrentUser()
  const vocabulary = useExAnteVocabulary()
  const { filters, setFilters } = table
  return (
    <>
      <SearchInput label={t('exante.filters.q')} value={filters.q} onSearch={(q) => setFilters({ q })} width={220} />
      <Select {...filterSelectProps(t('exante.fields.fiscalYear'), 120)} options={fiscalYearOptions()} value={filters.fiscalYear} onChange={(fiscalYear?: number) => setFilters({ fiscalYear })} />
      {user.org.kind === 'jurisdiction' && user.permissions.includes('org.read') && (
        <OrgTreeSelect kinds={['department']} label={t('exante.filters.department')} value={filters.departmentCode} onChange={(departmentCode) => setFilters({ departmentCode })} allowClear width={220} />
      )}
      <Select {...filterSelectProps(t('exante.fields.status'), 130)} options={vocabulary.statusOptions} value={filters.status} onChange={(status?: ExAnteFilters['status']) => setFilters({ status })} />
      <Select {...filterSelectProps(t('exante.fields.conclusion'), 130)} options={vocabulary.conclusionOptions} value={filters.conclusion} onChange={(conclusion?: ExAnteFilters['conclusion']) => setFilters({ conclusion })} />
      <Button onClick={table.resetFilters}>{t('common.reset')}</Button>
    </>
  )
}
