import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons'
import { App, Button, Card, Empty, Popconfirm, Select, Space, Tabs, Typography } from 'antd'
import type { TableColumnsType } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { type InterviewSourceType, interviewSourceTypes } from '../../../../domain/interviews'
import { formatMoney } from '../../../../domain/money'
import { ExportButton } from '../../../shared/ExportButton'
import { ListToolbar } from '../../../shared/ListToolbar'
import { PagedTable } from '../../../shared/PagedTable'
import { SearchInput } from '../../../shared/SearchInput'
import { filterSelectProps, fiscalYearOptions } from '../../../shared/listFilters'
import { errorMessage } from '../../../shared/serverErrors'
import { useTableState } from '../../../shared/useTableState'
import { useCan } from '../../auth/CurrentUser'
import { AccountabilityDialog } from './AccountabilityDialog'
import { useAccountabilityList, useDeleteAccountability, useDeleteInterview, useInterviews } from './accountability.queries'
import type { Accountability, AccountabilityFilters, Interview, InterviewFilters } from './accountability.types'
import { InterviewDialog } from './InterviewDialog'

/** 约谈与问责: the 约谈 held with poor performers and the 问责 for major losses, each a list with filters and export. */
export function AccountabilityPage() {
  const { t } = useTranslation()
  const [params, setParams] = useSearchParams()
  const tab = params.get('tab') === 'accountability' ? 'accountability' : 'interviews'
  return (
    <Card title={t('accountability.nav.page')} size="small">
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams({ tab: key }, { replace: true })}
        items={[
          { key: 'interviews', label: t('accountability.tabs.interviews'), children: <InterviewList /> },
          { key: 'accountability', label: t('accountability.tabs.accountability'), children: <AccountabilityList /> },
        ]}
      />
    </Card>
  )
}

/** The 修改 and 删除 (with confirmation) of a row the caller may change. */
function RowActions({ name, onEdit, onDelete, confirm }: { name: string; onEdit: () => void; onDelete: () => Promise<unknown>; confirm: string }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  return (
    <Space size={4}>
      <Button size="small" icon={<EditOutlined aria-hidden />} aria-label={`${t('common.edit')} ${name}`} onClick={onEdit} />
      <Popconfirm
        title={confirm}
        okText={t('common.delete')}
        okButtonProps={{ danger: true }}
        cancelText={t('common.cancel')}
        onConfirm={() => onDelete().then(() => message.success(t('accountability.deleted')), (err: unknown) => message.error(errorMessage(err)))}
      >
        <Button size="small" danger icon={<DeleteOutlined aria-hidden />} aria-label={`${t('common.delete')} ${name}`} />
      </Popconfirm>
    </Space>
  )
}

export function InterviewList({ projectId, compact }: { projectId?: string; compact?: boolean }) {
  const { t } = useTranslation()
  const canManage = useCan('results.manage')
  const table = useTableState<InterviewFilters>({ projectId })
  const list = useInterviews(table.params)
  const remove = useDeleteInterview()
  const [editing, setEditing] = useState<Interview | 'new' | null>(null)
  const filtered = Object.entries(table.filters).some(([k, v]) => k !== 'projectId' && v !== undefined && v !== '')
  const f = (k: string) => t(`accountability.interviews.fields.${k}`)
  const columns: TableColumnsType<Interview> = [
    { key: 'interviewedOn', title: f('interviewedOn'), dataIndex: 'interviewedOn', width: 110, sorter: true, sortOrder: table.sortOrderOf('interviewedOn') },
    {
      key: 'org',
      title: f('org'),
      dataIndex: 'orgName',
      width: 170,
      render: (name: string, row) => (
        <Space orientation="vertical" size={0}>
          {name}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.personTitle}
          </Typography.Text>
        </Space>
      ),
    },
    { key: 'interviewer', title: f('interviewer'), dataIndex: 'interviewer', width: 140, ellipsis: { showTitle: true } },
    { key: 'reason', title: f('reason'), dataIndex: 'reason', width: 220, ellipsis: { showTitle: true } },
    {
      key: 'source',
      title: f('source'),
      dataIndex: 'sourceName',
      width: 200,
      render: (name: string | null, row) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(`accountability.sources.${row.sourceType}`)}
          </Typography.Text>
          {row.projectId && !compact ? <Link to={`/projects/${row.projectId}`}>{row.projectName}</Link> : name}
        </Space>
      ),
    },
    { key: 'outcome', title: f('outcome'), dataIndex: 'outcome', width: 200, ellipsis: { showTitle: true } },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 90,
      fixed: 'right',
      render: (_: unknown, row) =>
        row.mayEdit ? <RowActions name={row.orgName} onEdit={() => setEditing(row)} onDelete={() => remove.mutateAsync({ id: row.id, version: row.version })} confirm={t('accountability.interviews.deleteConfirm', { name: row.orgName })} /> : null,
    },
  ]
  return (
    <>
      {!compact && (
        <ListToolbar
          filters={
            <>
              <SearchInput label={t('accountability.interviews.filters.q')} value={table.filters.q} onSearch={(q) => table.setFilters({ q })} width={200} />
              <Select {...filterSelectProps(t('accountability.interviews.filters.fiscalYear'), 110)} options={fiscalYearOptions()} value={table.filters.fiscalYear} onChange={(fiscalYear?: number) => table.setFilters({ fiscalYear })} />
              <Select
                {...filterSelectProps(t('accountability.interviews.filters.sourceType'), 150)}
                options={interviewSourceTypes.map((s) => ({ value: s, label: t(`accountability.sources.${s}`) }))}
                value={table.filters.sourceType}
                onChange={(sourceType?: InterviewSourceType) => table.setFilters({ sourceType })}
              />
              <Button onClick={table.resetFilters}>{t('common.reset')}</Button>
            </>
          }
          actions={
            <Space>
              {canManage && (
                <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing('new')}>
                  {t('accountability.interviews.create')}
                </Button>
              )}
              <ExportButton path="/api/interviews/export" params={table.params} />
            </Space>
          }
        />
      )}
      <PagedTable
        label={t('accountability.interviews.label')}
        rowKey="id"
        columns={compact ? columns.filter((c) => c.key !== 'outcome') : columns}
        query={list}
        table={table}
        scrollX={columns.reduce((sum, c) => sum + Number(c.width ?? 0), 0)}
        emptyText={<Empty description={filtered ? t('accountability.interviews.emptyFiltered') : t('accountability.interviews.empty')} />}
      />
      {editing && <InterviewDialog interview={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />}
    </>
  )
}

export function AccountabilityList({ projectId, compact }: { projectId?: string; compact?: boolean }) {
  const { t } = useTranslation()
  const canManage = useCan('results.manage')
  const table = useTableState<AccountabilityFilters>({ projectId })
  const list = useAccountabilityList(table.params)
  const remove = useDeleteAccountability()
  const [editing, setEditing] = useState<Accountability | 'new' | null>(null)
  const filtered = Object.entries(table.filters).some(([k, v]) => k !== 'projectId' && v !== undefined && v !== '')
  const f = (k: string) => t(`accountability.accountability.fields.${k}`)
  const columns: TableColumnsType<Accountability> = [
    { key: 'decidedOn', title: f('decidedOn'), dataIndex: 'decidedOn', width: 110, sorter: true, sortOrder: table.sortOrderOf('decidedOn') },
    {
      key: 'project',
      title: f('project'),
      dataIndex: 'projectName',
      width: 200,
      render: (name: string, row) => (
        <Space orientation="vertical" size={0}>
          {compact ? name : <Link to={`/projects/${row.projectId}`}>{name}</Link>}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.unitName ?? row.departmentName}
          </Typography.Text>
        </Space>
      ),
    },
    { key: 'incident', title: f('incident'), dataIndex: 'incident', width: 220, ellipsis: { showTitle: true } },
    { key: 'lossAmount', title: f('lossAmount'), dataIndex: 'lossAmount', width: 150, align: 'right', sorter: true, sortOrder: table.sortOrderOf('lossAmount'), render: formatMoney },
    { key: 'measures', title: f('measures'), dataIndex: 'measures', width: 200, ellipsis: { showTitle: true } },
    { key: 'decidedBy', title: f('decidedBy'), dataIndex: 'decidedBy', width: 140, ellipsis: { showTitle: true } },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 90,
      fixed: 'right',
      render: (_: unknown, row) =>
        row.mayEdit ? <RowActions name={row.projectName} onEdit={() => setEditing(row)} onDelete={() => remove.mutateAsync({ id: row.id, version: row.version })} confirm={t('accountability.accountability.deleteConfirm', { name: row.projectName })} /> : null,
    },
  ]
  return (
    <>
      {!compact && (
        <ListToolbar
          filters={
            <>
              <SearchInput label={t('accountability.accountability.filters.q')} value={table.filters.q} onSearch={(q) => table.setFilters({ q })} width={200} />
              <Select {...filterSelectProps(t('accountability.accountability.filters.fiscalYear'), 110)} options={fiscalYearOptions()} value={table.filters.fiscalYear} onChange={(fiscalYear?: number) => table.setFilters({ fiscalYear })} />
              <Button onClick={table.resetFilters}>{t('common.reset')}</Button>
            </>
          }
          actions={
            <Space>
              {canManage && (
                <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing('new')}>
                  {t('accountability.accountability.create')}
                </Button>
              )}
              <ExportButton path="/api/accountability/export" params={table.params} />
            </Space>
          }
        />
      )}
      <PagedTable
        label={t('accountability.accountability.label')}
        rowKey="id"
        columns={columns}
        query={list}
        table={table}
        scrollX={columns.reduce((sum, c) => sum + Number(c.width ?? 0), 0)}
        emptyText={<Empty description={filtered ? t('accountability.accountability.emptyFiltered') : t('accountability.accountability.empty')} />}
      />
      {editing && <AccountabilityDialog record={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />}
    </>
  )
}
