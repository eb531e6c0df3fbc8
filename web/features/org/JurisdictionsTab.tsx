import { PlusOutlined } from '@ant-design/icons'
import { App, Button, Space, type TableColumnsType } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Jurisdiction, RecordStatus } from '../../api/types'
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
import { JurisdictionFormModal } from './JurisdictionFormModal'
import { OrgTreeSelect } from './OrgTreeSelect'
import { orgListPath, useOrgList, useUpdateOrg } from './org.queries'

export type JurisdictionFilters = { q?: string; status?: RecordStatus; parentCode?: string }

export function JurisdictionsTab({ table }: { table: TableState<JurisdictionFilters> }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const canManage = useCan('org.manage')
  const list = useOrgList('jurisdictions', table.params)
  const update = useUpdateOrg('jurisdictions')
  const [modal, setModal] = useState<{ editing?: Jurisdiction } | null>(null)

  const toggle = (row: Jurisdiction) => (status: RecordStatus) =>
    update.mutateAsync({ code: row.code, status, version: row.version }).then(
      () => message.success(t('common.saved')),
      (err) => message.error(errorMessage(err)),
    )

  const columns: TableColumnsType<Jurisdiction> = [
    { title: t('org.jurisdiction.code'), dataIndex: 'code', sorter: true, sortOrder: table.sortOrderOf('code'), width: 110 },
    { title: t('org.jurisdiction.name'), dataIndex: 'name', sorter: true, sortOrder: table.sortOrderOf('name') },
    {
      title: t('org.jurisdiction.level'),
      dataIndex: 'level',
      render: (level: Jurisdiction['level']) => t(`level.${level}`),
    },
    { title: t('org.jurisdiction.parent'), dataIndex: 'parentCode', render: (code: string | null) => code ?? '—' },
    { title: t('org.jurisdiction.financeBureau'), dataIndex: 'financeBureauName' },
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
            <OrgTreeSelect
              kinds={['jurisdiction']}
              label={t('org.jurisdiction.parent')}
              value={table.filters.parentCode}
              onChange={(parentCode) => table.setFilters({ parentCode })}
              allowClear
              width={220}
            />
            <Button onClick={table.resetFilters}>{t('common.reset')}</Button>
          </>
        }
        actions={
          <>
            {canManage && (
              <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setModal({})}>
                {t('org.jurisdiction.create')}
              </Button>
            )}
            <ExportButton path={`${orgListPath('jurisdictions')}/export`} params={table.params} />
          </>
        }
      />
      <PagedTable label={t('org.tabs.jurisdictions')} rowKey="code" columns={columns} query={list} table={table} />
      {modal && <JurisdictionFormModal editing={modal.editing} onClose={() => setModal(null)} />}
    </>
  )
}
