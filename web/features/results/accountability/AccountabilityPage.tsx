import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons'
import { App, Button, Card, Empty, Popconfirm, Select, Space, Tabs, Typography } from 'antd'
import type { TableColumnsType } from 'antd'
import type { UseQueryResult } from '@tanstack/react-query'
import { type ReactNode, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { type InterviewSourceType, interviewSourceTypes } from '../../../../domain/interviews'
import { formatMoney } from '../../../../domain/money'
import { ExportButton } from '../../../shared/ExportButton'
import { ListToolbar } from '../../../shared/ListToolbar'
import { PagedTable } from '../../../shared/PagedTable'
import { SearchInput } from '../../../shared/SearchInput'
import { filterSelectProps, fiscalYearOptions } from '../../../shared/listFilters'
import type { Paged } from '../../../api/types'
import { errorMessage } from '../../../shared/serverErrors'
import { type TableState, useTableState } from '../../../shared/useTableState'
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
  const table = useTableState<InterviewFilters>({ projectId })
  const list = useInterviews(table.params)
  const remove = useDeleteInterview()
  const [editing, setEditing] = useState<Interview | 'new' | null>(null)
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
    <RegisterFrame
      of="interviews"
      table={table}
      list={list}
      columns={compact ? columns.filter((c) => c.key !== 'outcome') : columns}
      compact={compact}
      exportPath="/api/interviews/export"
      onCreate={() => setEditing('new')}
      extraFilters={
        <Select
          {...filterSelectProps(t('accountability.interviews.filters.sourceType'), 150)}
          options={interviewSourceTypes.map((s) => ({ value: s, label: t(`accountability.sources.${s}`) }))}
          value={table.filters.sourceType}
          onChange={(sourceType?: InterviewSourceType) => table.setFilters({ sourceType })}
        />
      }
    >
      {editing && <InterviewDialog interview={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />}
    </RegisterFrame>
  )
}

export function AccountabilityList({ projectId, compact }: { projectId?: string; compact?: boolean }) {
  const { t } = useTranslation()
  const table = useTableState<AccountabilityFilters>({ projectId })
  const list = useAccountabilityList(table.params)
  const remove = useDeleteAccountability()
  const [editing, setEditing] = useState<Accountability | 'new' | null>(null)
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
    <RegisterFrame of="accountability" table={table} list={list} columns={columns} compact={compact} exportPath="/api/accountability/export" onCreate={() => setEditing('new')}>
      {editing && <AccountabilityDialog record={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />}
    </RegisterFrame>
  )
}

/**
 * What the two registers share: the toolbar (search, year, the register's own filters; 登记 for finance and export)
 * unless compact, and the paged table with its empty state.
 */
function RegisterFrame<T extends { id: string }, F extends InterviewFilters | AccountabilityFilters>(props: {
  of: 'interviews' | 'accountability'
  table: TableState<F>
  list: UseQueryResult<Paged<T>>
  columns: TableColumnsType<T>
  compact?: boolean
  exportPath: string
  onCreate: () => void
  extraFilters?: ReactNode
  children: ReactNode
}) {
  const { t } = useTranslation()
  const canManage = useCan('results.manage')
  const { table, of } = props
  const filtered = Object.entries(table.filters).some(([k, v]) => k !== 'projectId' && v !== undefined && v !== '')
  return (
    <>
      {!props.compact && (
        <ListToolbar
          filters={
            <>
              <SearchInput label={t(`accountability.${of}.filters.q`)} value={table.filters.q} onSearch={(q) => table.setFilters({ q } as Partial<F>)} width={200} />
              <Select {...filterSelectProps(t(`accountability.${of}.filters.fiscalYear`), 110)} options={fiscalYearOptions()} value={table.filters.fiscalYear} onChange={(fiscalYear?: number) => table.setFilters({ fiscalYear } as Partial<F>)} />
              {props.extraFilters}
              <Button onClick={table.resetFilters}>{t('common.reset')}</Button>
            </>
          }
          actions={
            <Space>
              {canManage && (
                <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={props.onCreate}>
                  {t(`accountability.${of}.create`)}
                </Button>
              )}
              <ExportButton path={props.exportPath} params={table.params} />
            </Space>
          }
        />
      )}
      <PagedTable
        label={t(`accountability.${of}.label`)}
        rowKey="id"
        columns={props.columns}
        query={props.list}
        table={table}
        scrollX={props.columns.reduce((sum, c) => sum + Number(c.width ?? 0), 0)}
        emptyText={<Empty description={filtered ? t(`accountability.${of}.emptyFiltered`) : t(`accountability.${of}.empty`)} />}
      />
      {props.children}
    </>
  )
}
