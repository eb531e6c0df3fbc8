import { PlusOutlined } from '@ant-design/icons'
import type { UseQueryResult } from '@tanstack/react-query'
import { App, Button, Space, type TableColumnsType } from 'antd'
import { type ReactNode, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Paged, RecordStatus } from '../../api/types'
import { ExportButton } from '../../shared/ExportButton'
import { ListToolbar } from '../../shared/ListToolbar'
import { PagedTable } from '../../shared/PagedTable'
import { SearchInput } from '../../shared/SearchInput'
import { StatusSelect } from '../../shared/StatusSelect'
import { StatusTag } from '../../shared/StatusTag'
import { StatusToggle } from '../../shared/StatusToggle'
import { errorMessage } from '../../shared/serverErrors'
import type { TableState } from '../../shared/useTableState'
import { useCan } from '../auth/CurrentUser'
import { type OrgResource, orgListPath, useOrgList, useUpdateOrg } from './org.queries'

interface OrgRow {
  code: string
  name: string
  status: RecordStatus
  version: number
}

export type OrgFilters = { q?: string; status?: RecordStatus }

interface OrgNodesTabProps<Row extends OrgRow, Filters extends OrgFilters> {
  resource: OrgResource
  table: TableState<Filters>
  /** i18n keys of the code and name columns, the create button and the table's label. */
  labels: { code: string; name: string; create: string; table: string }
  codeWidth?: number
  /** The columns between name and status that only this kind has. */
  columns: TableColumnsType<Row>
  /** Filters after search and status: the parent pickers that fit this kind and the user's scope. */
  filters?: ReactNode
  /** The create/edit dialog. */
  renderModal(editing: Row | undefined, onClose: () => void): ReactNode
}

/**
 * One tab of the org page: search, status and parent filters, a paged sortable table, enable/disable, edit and
 * create for those who manage the org, and the Excel export. The three kinds differ only in their columns,
 * parent filters and dialog.
 */
export function OrgNodesTab<Row extends OrgRow, Filters extends OrgFilters>(props: OrgNodesTabProps<Row, Filters>) {
  const { resource, table, labels } = props
  const { t } = useTranslation()
  const { message } = App.useApp()
  const canManage = useCan('org.manage')
  // The resource decides the row type; the caller names both, so the list is of its rows.
  const list = useOrgList(resource, table.params) as UseQueryResult<Paged<Row>>
  const update = useUpdateOrg(resource)
  const [modal, setModal] = useState<{ editing?: Row } | null>(null)

  const toggle = (row: Row) => (status: RecordStatus) =>
    update.mutateAsync({ code: row.code, status, version: row.version }).then(
      () => message.success(t('common.saved')),
      (err) => message.error(errorMessage(err)),
    )

  const columns: TableColumnsType<Row> = [
    { title: t(labels.code), dataIndex: 'code', sorter: true, sortOrder: table.sortOrderOf('code'), width: props.codeWidth ?? 120 },
    { title: t(labels.name), dataIndex: 'name', sorter: true, sortOrder: table.sortOrderOf('name') },
    ...props.columns,
    {
      title: t('common.status'),
      dataIndex: 'status',
      sorter: true,
      sortOrder: table.sortOrderOf('status'),
      render: (status: RecordStatus) => <StatusTag status={status} />,
    },
  ]
  if (canManage) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      render: (_, row) => (
        <Space size={0}>
          <Button type="link" size="small" aria-label={`${t('common.edit')} ${row.name}`} onClick={() => setModal({ editing: row })}>
            {t('common.edit')}
          </Button>
          <StatusToggle status={row.status} name={`${row.name} (${row.code})`} onToggle={toggle(row)} />
        </Space>
      ),
    })
  }

  return (
    <>
      <ListToolbar
        filters={
          <>
            <SearchInput label={t('org.searchCodeOrName')} value={table.filters.q} onSearch={(q) => table.setFilters({ q } as Partial<Filters>)} />
            <StatusSelect value={table.filters.status} onChange={(status) => table.setFilters({ status } as Partial<Filters>)} />
            {props.filters}
            <Button onClick={table.resetFilters}>{t('common.reset')}</Button>
          </>
        }
        actions={
          <>
            {canManage && (
              <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setModal({})}>
                {t(labels.create)}
              </Button>
            )}
            <ExportButton path={`${orgListPath(resource)}/export`} params={table.params} />
          </>
        }
      />
      <PagedTable label={t(labels.table)} rowKey="code" columns={columns} query={list} table={table} />
      {modal && props.renderModal(modal.editing, () => setModal(null))}
    </>
  )
}
