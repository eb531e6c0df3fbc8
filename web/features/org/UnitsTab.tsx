import { PlusOutlined } from '@ant-design/icons'
import { App, Button, Space, type TableColumnsType } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Unit, RecordStatus } from '../../api/types'
import { ExportButton } from '../../shared/ExportButton'
import { ListToolbar } from '../../shared/ListToolbar'
import { PagedTable } from '../../shared/PagedTable'
import { SearchInput } from '../../shared/SearchInput'
import { StatusSelect } from '../../shared/StatusSelect'
import { StatusTag } from '../../shared/StatusTag'
import { StatusToggle } from '../../shared/StatusToggle'
import { errorMessage } from '../../shared/serverErrors'
import type { TableState } from '../../shared/useTableState'
import { useCan, useCurrentUser } from '../auth/CurrentUser'
import { UnitFormModal } from './UnitFormModal'
import { OrgTreeSelect } from './OrgTreeSelect'
import { orgListPath, useOrgList, useUpdateOrg } from './org.queries'

export type UnitFilters = { q?: string; status?: RecordStatus; departmentCode?: string; jurisdictionCode?: string }

export function UnitsTab({ table }: { table: TableState<UnitFilters> }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const canManage = useCan('org.manage')
  // Parent filters only where the scope has more than one parent to choose from.
  const orgKind = useCurrentUser().org.kind
  const list = useOrgList('units', table.params)
  const update = useUpdateOrg('units')
  const [modal, setModal] = useState<{ editing?: Unit } | null>(null)

  const toggle = (row: Unit) => (status: RecordStatus) =>
    update.mutateAsync({ code: row.code, status, version: row.version }).then(
      () => message.success(t('common.saved')),
      (err) => message.error(errorMessage(err)),
    )

  const columns: TableColumnsType<Unit> = [
    { title: t('org.unit.code'), dataIndex: 'code', sorter: true, sortOrder: table.sortOrderOf('code'), width: 120 },
    { title: t('org.unit.name'), dataIndex: 'name', sorter: true, sortOrder: table.sortOrderOf('name') },
    {
      title: t('org.unit.department'),
      dataIndex: 'departmentName',
      render: (name: string | undefined, row) => (name ? `${name} (${row.departmentCode})` : row.departmentCode),
    },
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
            <SearchInput label={t('org.searchCodeOrName')} value={table.filters.q} onSearch={(q) => table.setFilters({ q })} />
            <StatusSelect value={table.filters.status} onChange={(status) => table.setFilters({ status })} />
            {orgKind === 'jurisdiction' && (
              <OrgTreeSelect
                kinds={['jurisdiction']}
                label={t('org.department.jurisdiction')}
                value={table.filters.jurisdictionCode}
                onChange={(jurisdictionCode) => table.setFilters({ jurisdictionCode })}
                allowClear
                width={200}
              />
            )}
            {orgKind !== 'unit' && (
              <OrgTreeSelect
                kinds={['department']}
                label={t('org.unit.department')}
                value={table.filters.departmentCode}
                onChange={(departmentCode) => table.setFilters({ departmentCode })}
                allowClear
                width={220}
              />
            )}
            <Button onClick={table.resetFilters}>{t('common.reset')}</Button>
          </>
        }
        actions={
          <>
            {canManage && (
              <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setModal({})}>
                {t('org.unit.create')}
              </Button>
            )}
            <ExportButton path={`${orgListPath('units')}/export`} params={table.params} />
          </>
        }
      />
      <PagedTable label={t('org.tabs.units')} rowKey="code" columns={columns} query={list} table={table} />
      {modal && (
        <UnitFormModal
          editing={modal.editing}
          defaultDepartment={table.filters.departmentCode}
          onClose={() => setModal(null)}
        />
      )}
    </>
  )
}
