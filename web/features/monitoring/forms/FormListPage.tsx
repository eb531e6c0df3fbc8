import { Alert, Button, Card, Empty, Select, Space, Table, Tag, Typography } from 'antd'
import type { TableColumnsType } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { formatMoney } from '../../../../domain/money'
import { ExportButton } from '../../../shared/ExportButton'
import { ListToolbar } from '../../../shared/ListToolbar'
import { OpinionDialog } from '../../../shared/OpinionDialog'
import { SearchInput } from '../../../shared/SearchInput'
import { filterSelectProps } from '../../../shared/listFilters'
import { errorMessage } from '../../../shared/serverErrors'
import { type TableState, useTableState } from '../../../shared/useTableState'
import { useCurrentUser } from '../../auth/CurrentUser'
import { OrgTreeSelect } from '../../org/OrgTreeSelect'
import { useBatchAccept, useFormList } from './forms.queries'
import type { FormFilters, FormListItem } from './forms.types'
import { FormStatusTag, LightTag, useFormVocabulary } from './formVocabulary'

/** The filters a link may carry (the dashboard drills down with ?roundId=…&light=red&departmentCode=…). */
const linkable = ['roundId', 'status', 'light', 'budgetLight', 'departmentCode', 'unitCode', 'isKey', 'kind', 'q'] as const

/** Whose review a form waits for, as the org kind of the reviewer. */
const reviewerOf = (status: FormListItem['status']) => (status === 'submitted' ? 'department' : status === 'dept_accepted' ? 'jurisdiction' : null)

/** 绩效监控表: the forms in the user's scope with their lights, filtered and paged; reviewers accept several at once. */
export function FormListPage() {
  const { t } = useTranslation()
  const user = useCurrentUser()
  const [search] = useSearchParams()
  const initial = Object.fromEntries(linkable.flatMap((k) => (search.get(k) ? [[k, search.get(k)!]] : []))) as FormFilters
  const table = useTableState<FormFilters>(initial)
  const list = useFormList(table.params)
  const [selected, setSelected] = useState<FormListItem[]>([])
  const [batchOpen, setBatchOpen] = useState(false)
  const [batchResult, setBatchResult] = useState<{ accepted: number; skipped: number } | null>(null)
  const batch = useBatchAccept()
  const reviews = user.permissions.includes('monitoring.review')
  const filtered = Object.values(table.filters).some((v) => v !== undefined && v !== '')

  const columns: TableColumnsType<FormListItem> = [
    {
      key: 'projectName',
      title: t('monitoringForms.fields.project'),
      width: 260,
      render: (_: unknown, row) => (
        <Space orientation="vertical" size={0}>
          <Space size={4}>
            <Link to={`/monitoring/forms/${row.id}`}>{row.projectName ?? `${row.departmentName}（${t('monitoringForms.kinds.department')}）`}</Link>
            {row.isKey && <Tag color="purple">{t('monitoringForms.fields.keyTag')}</Tag>}
          </Space>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.projectCode ?? t('monitoringForms.kinds.department')} · {row.roundName}
          </Typography.Text>
        </Space>
      ),
    },
    { key: 'unit', title: t('monitoringForms.fields.unit'), width: 150, ellipsis: { showTitle: true }, render: (_: unknown, row) => row.unitName ?? row.departmentName },
    { key: 'budgetAdjusted', title: t('monitoringForms.fields.budgetAdjusted'), dataIndex: 'budgetAdjusted', width: 140, align: 'right', render: (v: string) => formatMoney(v) },
    { key: 'executed', title: t('monitoringForms.fields.executed'), dataIndex: 'executed', width: 130, align: 'right', render: (v: string) => formatMoney(v) },
    {
      key: 'executionRate',
      title: t('monitoringForms.fields.executionRate'),
      dataIndex: 'executionRate',
      width: 90,
      align: 'right',
      sorter: true,
      sortOrder: table.sortOrderOf('executionRate'),
      render: (v: string | null) => (v === null ? '—' : `${v}%`),
    },
    { key: 'budgetLight', title: t('monitoringForms.fields.budgetLight'), dataIndex: 'budgetLight', width: 100, render: (l: FormListItem['budgetLight']) => <LightTag light={l} /> },
    { key: 'projectLight', title: t('monitoringForms.fields.projectLight'), dataIndex: 'projectLight', width: 100, render: (l: FormListItem['projectLight']) => <LightTag light={l} /> },
    { key: 'status', title: t('monitoringForms.fields.status'), dataIndex: 'status', width: 110, render: (s: FormListItem['status']) => <FormStatusTag status={s} /> },
  ]

  const mine = (row: FormListItem) => reviews && reviewerOf(row.status) === user.org.kind

  async function acceptSelected(opinion: string) {
    const result = await batch.mutateAsync({ items: selected.map((r) => ({ id: r.id, version: r.version })), opinion })
    setBatchResult({ accepted: result.accepted, skipped: result.items.length - result.accepted })
    setSelected([])
  }

  return (
    <Card title={t('monitoringForms.nav.list')} size="small">
      <ListToolbar
        filters={<FormListFilters table={table} />}
        actions={
          <Space>
            {reviews && (
              <Button type="primary" disabled={selected.length === 0} onClick={() => setBatchOpen(true)}>
                {t('monitoringForms.actions.batchAccept')}
                {selected.length > 0 && ` (${selected.length})`}
              </Button>
            )}
            <ExportButton path="/api/monitoring/forms/export" params={table.params} />
          </Space>
        }
      />
      {batchResult && (
        <Alert
          type={batchResult.skipped ? 'warning' : 'success'}
          showIcon
          closable={{ onClose: () => setBatchResult(null) }}
          style={{ marginBottom: 12 }}
          title={[t('monitoringForms.dialogs.batchDone', { accepted: batchResult.accepted }), batchResult.skipped ? t('monitoringForms.dialogs.batchSkipped', { count: batchResult.skipped }) : ''].filter(Boolean).join('；')}
        />
      )}
      {list.isError && <Alert type="error" showIcon title={errorMessage(list.error)} style={{ marginBottom: 12 }} />}
      <Table<FormListItem>
        rowKey="id"
        size="middle"
        aria-label={t('monitoringForms.listLabel')}
        columns={columns}
        dataSource={list.data?.items}
        loading={list.isFetching}
        pagination={table.pagination(list.data?.total)}
        onChange={table.onChange}
        rowSelection={reviews ? { selectedRowKeys: selected.map((r) => r.id), onChange: (_keys, rows) => setSelected(rows), getCheckboxProps: (row) => ({ disabled: !mine(row), 'aria-label': row.projectName ?? row.departmentName }) } : undefined}
        locale={{ emptyText: <Empty description={filtered ? t('monitoringForms.emptyFiltered') : t('monitoringForms.empty')} /> }}
        scroll={{ x: columns.reduce((sum, c) => sum + Number(c.width ?? 0), 0) + (reviews ? 48 : 0) }}
        tableLayout="fixed"
      />
      {batchOpen && (
        <OpinionDialog
          title={t('monitoringForms.actions.batchAccept')}
          okText={t('monitoringForms.actions.accept')}
          question={t('monitoringForms.dialogs.batchQuestion', { count: selected.length })}
          opinion="optional"
          opinionLabel={t('monitoringForms.dialogs.opinion')}
          requiredMessage={t('monitoringForms.dialogs.opinionRequired')}
          maxLength={2000}
          onSubmit={acceptSelected}
          successMessage={t('monitoringForms.done')}
          onClose={() => setBatchOpen(false)}
        />
      )}
    </Card>
  )
}

function FormListFilters({ table }: { table: TableState<FormFilters> }) {
  const { t } = useTranslation()
  const user = useCurrentUser()
  const vocabulary = useFormVocabulary()
  const { filters, setFilters } = table
  const yesNo = [
    { value: 'true', label: t('monitoringForms.filters.yes') },
    { value: 'false', label: t('monitoringForms.filters.no') },
  ]
  return (
    <>
      <SearchInput label={t('monitoringForms.filters.q')} value={filters.q} onSearch={(q) => setFilters({ q })} width={220} />
      {user.org.kind === 'jurisdiction' && user.permissions.includes('org.read') && (
        <OrgTreeSelect kinds={['department']} label={t('monitoringForms.fields.department')} value={filters.departmentCode} onChange={(departmentCode) => setFilters({ departmentCode })} allowClear width={200} />
      )}
      <Select {...filterSelectProps(t('monitoringForms.filters.status'), 130)} options={vocabulary.statusOptions} value={filters.status} onChange={(status?: FormFilters['status']) => setFilters({ status })} />
      <Select {...filterSelectProps(t('monitoringForms.filters.light'), 130)} options={vocabulary.lightOptions} value={filters.light} onChange={(light?: FormFilters['light']) => setFilters({ light })} />
      <Select {...filterSelectProps(t('monitoringForms.filters.budgetLight'), 130)} options={vocabulary.lightOptions} value={filters.budgetLight} onChange={(budgetLight?: FormFilters['budgetLight']) => setFilters({ budgetLight })} />
      <Select {...filterSelectProps(t('monitoringForms.filters.isKey'), 110)} options={yesNo} value={filters.isKey} onChange={(isKey?: FormFilters['isKey']) => setFilters({ isKey })} />
      <Button onClick={table.resetFilters}>{t('common.reset')}</Button>
    </>
  )
}
