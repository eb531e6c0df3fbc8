import { PlusOutlined } from '@ant-design/icons'
import { rectificationStatuses, rectificationTodos } from '../../../../domain/results'
import { Button, Card, Checkbox, Empty, Select, Space, Tag, Typography } from 'antd'
import type { TableColumnsType } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { ExportButton } from '../../../shared/ExportButton'
import { ListToolbar } from '../../../shared/ListToolbar'
import { PagedTable } from '../../../shared/PagedTable'
import { SearchInput } from '../../../shared/SearchInput'
import { filterSelectProps } from '../../../shared/listFilters'
import { type TableState, useTableState } from '../../../shared/useTableState'
import { useCan, useCurrentUser } from '../../auth/CurrentUser'
import { OrgTreeSelect } from '../../org/OrgTreeSelect'
import { CreateRectificationDialog } from './CreateRectificationDialog'
import { useRectificationList } from './rectifications.queries'
import type { RectificationFilters, RectificationListItem } from './rectifications.types'
import { EscalationTag, RectificationStatusTag, useRectificationVocabulary } from './rectificationVocabulary'

/** 整改事项: the items in the user's scope, filtered and paged, with how far each overdue one has escalated. */
export function RectificationListPage() {
  const { t } = useTranslation()
  const [search] = useSearchParams()
  const canManage = useCan('results.manage')
  const vocabulary = useRectificationVocabulary()
  const [creating, setCreating] = useState(false)
  // The home page's to-dos link here with ?todo= and ?overdue=.
  const table = useTableState<RectificationFilters>({
    status: rectificationStatuses.find((s) => s === search.get('status')),
    todo: rectificationTodos.find((s) => s === search.get('todo')),
    projectId: search.get('projectId') ?? undefined,
    sourceId: search.get('sourceId') ?? undefined,
    overdue: search.get('overdue') === 'true' ? 'true' : undefined,
  })
  const list = useRectificationList(table.params)
  const filtered = Object.entries(table.filters).some(([, v]) => v !== undefined && v !== '')

  const columns: TableColumnsType<RectificationListItem> = [
    {
      key: 'problem',
      title: t('rectifications.fields.problem'),
      dataIndex: 'problem',
      width: 300,
      render: (problem: string, row) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/results/rectifications/${row.id}`}>
            <Typography.Text ellipsis={{ tooltip: problem }} style={{ maxWidth: 280, color: 'inherit' }}>
              {problem}
            </Typography.Text>
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.origin ? `${vocabulary.source(row.sourceType)} · ${vocabulary.origin(row.origin)}` : vocabulary.source(row.sourceType)}
          </Typography.Text>
        </Space>
      ),
    },
    {
      key: 'project',
      title: t('rectifications.fields.project'),
      dataIndex: 'projectName',
      width: 200,
      render: (name: string | null, row) => (row.projectId ? <Link to={`/projects/${row.projectId}`}>{name}</Link> : '—'),
    },
    { key: 'owner', title: t('rectifications.fields.owner'), dataIndex: 'ownerName', width: 150, ellipsis: { showTitle: true } },
    { key: 'department', title: t('rectifications.fields.department'), dataIndex: 'departmentName', width: 130, ellipsis: { showTitle: true } },
    { key: 'fiscalYear', title: t('rectifications.fields.fiscalYear'), dataIndex: 'fiscalYear', width: 80 },
    {
      key: 'dueOn',
      title: t('rectifications.fields.dueOn'),
      dataIndex: 'dueOn',
      width: 190,
      sorter: true,
      sortOrder: table.sortOrderOf('dueOn'),
      render: (due: string, row) => (
        <Space size={4}>
          {due}
          <EscalationTag escalation={row.escalation} />
        </Space>
      ),
    },
    { key: 'status', title: t('rectifications.fields.status'), dataIndex: 'status', width: 130, render: (s: RectificationListItem['status']) => <RectificationStatusTag status={s} /> },
  ]

  return (
    <Card
      title={t('rectifications.nav.list')}
      size="small"
      extra={
        canManage && (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
            {t('rectifications.create.button')}
          </Button>
        )
      }
    >
      <ListToolbar filters={<Filters table={table} />} actions={<ExportButton path="/api/rectifications/export" params={table.params} />} />
      <PagedTable
        label={t('rectifications.listLabel')}
        rowKey="id"
        columns={columns}
        query={list}
        table={table}
        scrollX={columns.reduce((sum, c) => sum + Number(c.width ?? 0), 0)}
        emptyText={<Empty description={filtered ? t('rectifications.emptyFiltered') : t('rectifications.empty')} />}
      />
      {creating && <CreateRectificationDialog onClose={() => setCreating(false)} />}
    </Card>
  )
}

function Filters({ table }: { table: TableState<RectificationFilters> }) {
  const { t } = useTranslation()
  const user = useCurrentUser()
  const vocabulary = useRectificationVocabulary()
  const { filters, setFilters } = table
  return (
    <>
      <SearchInput label={t('rectifications.filters.q')} value={filters.q} onSearch={(q) => setFilters({ q })} width={220} />
      <Select {...filterSelectProps(t('rectifications.filters.status'), 130)} options={vocabulary.statusOptions} value={filters.status} onChange={(status?: RectificationFilters['status']) => setFilters({ status })} />
      <Select {...filterSelectProps(t('rectifications.filters.source'), 150)} options={vocabulary.sourceOptions} value={filters.sourceType} onChange={(sourceType?: RectificationFilters['sourceType']) => setFilters({ sourceType })} />
      {user.org.kind === 'jurisdiction' && user.permissions.includes('org.read') && (
        <OrgTreeSelect kinds={['department']} label={t('rectifications.filters.department')} value={filters.departmentCode} onChange={(departmentCode) => setFilters({ departmentCode })} allowClear width={200} />
      )}
      {filters.todo && (
        <Tag closable onClose={() => setFilters({ todo: undefined })}>
          {t(`rectifications.todo.${filters.todo}`)}
        </Tag>
      )}
      <Checkbox checked={filters.overdue === 'true'} onChange={(e) => setFilters({ overdue: e.target.checked ? 'true' : undefined })}>
        {t('rectifications.filters.overdue')}
      </Checkbox>
      <Button onClick={table.resetFilters}>{t('common.reset')}</Button>
    </>
  )
}
