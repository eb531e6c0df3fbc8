import { Button, Card, Checkbox, Empty, Select, Space, Tag, Typography } from 'antd'
import type { TableColumnsType } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { formatMoney } from '../../../../domain/money'
import { ExportButton } from '../../../shared/ExportButton'
import { formatDateTime } from '../../../shared/format'
import { ListToolbar } from '../../../shared/ListToolbar'
import { PagedTable } from '../../../shared/PagedTable'
import { SearchInput } from '../../../shared/SearchInput'
import { filterSelectProps } from '../../../shared/listFilters'
import { type TableState, useTableState } from '../../../shared/useTableState'
import { useCan, useCurrentUser } from '../../auth/CurrentUser'
import { OrgTreeSelect } from '../../org/OrgTreeSelect'
import { useActionList } from './actions.queries'
import type { ActionFilters, ActionListItem } from './actions.types'
import { ActionKindTag, ActionStatusTag, useActionVocabulary } from './actionVocabulary'
import { RedLightProposals } from './RedLightProposals'

/** 纠偏措施: the measures in the user's scope, filtered and paged; with a round, its red lights awaiting a decision. */
export function ActionListPage() {
  const { t } = useTranslation()
  const [search] = useSearchParams()
  const roundId = search.get('roundId') ?? undefined
  const projectId = search.get('projectId') ?? undefined
  const canAct = useCan('monitoring.act')
  const table = useTableState<ActionFilters>({ roundId, projectId })
  const list = useActionList(table.params)
  const filtered = Object.entries(table.filters).some(([k, v]) => k !== 'roundId' && k !== 'projectId' && v !== undefined && v !== '')
  const today = new Date().toISOString().slice(0, 10)

  const columns: TableColumnsType<ActionListItem> = [
    {
      key: 'title',
      title: t('monitoringActions.fields.title'),
      dataIndex: 'title',
      width: 260,
      render: (title: string, row) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/monitoring/actions/${row.id}`}>{title}</Link>
          {row.roundName && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {row.roundName}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    { key: 'kind', title: t('monitoringActions.fields.kind'), dataIndex: 'kind', width: 110, render: (kind: ActionListItem['kind']) => <ActionKindTag kind={kind} /> },
    {
      key: 'project',
      title: t('monitoringActions.fields.project'),
      dataIndex: 'projectName',
      width: 220,
      render: (name: string | null, row) =>
        row.projectId ? (
          <Space orientation="vertical" size={0}>
            <Link to={`/projects/${row.projectId}`}>{name}</Link>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {row.projectCode}
            </Typography.Text>
          </Space>
        ) : (
          row.departmentName
        ),
    },
    { key: 'unit', title: t('monitoringActions.fields.unit'), dataIndex: 'unitName', width: 140, ellipsis: { showTitle: true }, render: (u: string | null, row) => u ?? row.departmentName },
    { key: 'amount', title: t('monitoringActions.fields.amount'), dataIndex: 'amount', width: 130, align: 'right', sorter: true, sortOrder: table.sortOrderOf('amount'), render: (a: string | null) => (a ? formatMoney(a) : '—') },
    {
      key: 'dueOn',
      title: t('monitoringActions.fields.dueOn'),
      dataIndex: 'dueOn',
      width: 130,
      sorter: true,
      sortOrder: table.sortOrderOf('dueOn'),
      render: (due: string | null, row) => (
        <Space size={4}>
          {due ?? '—'}
          {due && row.status === 'open' && due < today && <Tag color="red">{t('monitoringActions.overdue')}</Tag>}
        </Space>
      ),
    },
    {
      key: 'status',
      title: t('monitoringActions.fields.status'),
      dataIndex: 'status',
      width: 150,
      render: (status: ActionListItem['status'], row) => (
        <Space size={4}>
          <ActionStatusTag status={status} />
          {row.liftedAt && <Tag>{t('monitoringActions.lifted')}</Tag>}
        </Space>
      ),
    },
    { key: 'issuer', title: t('monitoringActions.fields.issuer'), dataIndex: 'issuerOrgName', width: 130, ellipsis: { showTitle: true } },
    { key: 'createdAt', title: t('monitoringActions.fields.issuedAt'), dataIndex: 'createdAt', width: 150, sorter: true, sortOrder: table.sortOrderOf('createdAt'), render: formatDateTime },
  ]

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {roundId && canAct && <RedLightProposals roundId={roundId} />}
      <Card title={t('monitoringActions.nav.list')} size="small">
        <ListToolbar filters={<ActionListFilters table={table} />} actions={<ExportButton path="/api/monitoring/actions/export" params={table.params} />} />
        <PagedTable
          label={t('monitoringActions.listLabel')}
          rowKey="id"
          columns={columns}
          query={list}
          table={table}
          scrollX={columns.reduce((sum, c) => sum + Number(c.width ?? 0), 0)}
          emptyText={<Empty description={filtered ? t('monitoringActions.emptyFiltered') : t('monitoringActions.empty')} />}
        />
      </Card>
    </Space>
  )
}

function ActionListFilters({ table }: { table: TableState<ActionFilters> }) {
  const { t } = useTranslation()
  const user = useCurrentUser()
  const vocabulary = useActionVocabulary()
  const { filters, setFilters } = table
  return (
    <>
      <SearchInput label={t('monitoringActions.filters.q')} value={filters.q} onSearch={(q) => setFilters({ q })} width={220} />
      <Select {...filterSelectProps(t('monitoringActions.filters.kind'), 130)} options={vocabulary.kindOptions} value={filters.kind} onChange={(kind?: ActionFilters['kind']) => setFilters({ kind })} />
      <Select {...filterSelectProps(t('monitoringActions.filters.status'), 120)} options={vocabulary.statusOptions} value={filters.status} onChange={(status?: ActionFilters['status']) => setFilters({ status })} />
      {user.org.kind === 'jurisdiction' && user.permissions.includes('org.read') && (
        <OrgTreeSelect kinds={['department']} label={t('monitoringActions.filters.department')} value={filters.departmentCode} onChange={(departmentCode) => setFilters({ departmentCode })} allowClear width={200} />
      )}
      <Checkbox checked={filters.inForce === 'true'} onChange={(e) => setFilters({ inForce: e.target.checked ? 'true' : undefined })}>
        {t('monitoringActions.filters.inForce')}
      </Checkbox>
      <Checkbox checked={filters.overdue === 'true'} onChange={(e) => setFilters({ overdue: e.target.checked ? 'true' : undefined })}>
        {t('monitoringActions.filters.overdue')}
      </Checkbox>
      <Button onClick={table.resetFilters}>{t('common.reset')}</Button>
    </>
  )
}
