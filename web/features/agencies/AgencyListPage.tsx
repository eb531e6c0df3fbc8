import { PlusOutlined } from '@ant-design/icons'
import { Button, Card, Empty, Select, Tag } from 'antd'
import type { TableColumnsType } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import { ExportButton } from '../../shared/ExportButton'
import { ListToolbar } from '../../shared/ListToolbar'
import { PagedTable } from '../../shared/PagedTable'
import { SearchInput } from '../../shared/SearchInput'
import { filterSelectProps } from '../../shared/listFilters'
import { useTableState } from '../../shared/useTableState'
import { useCurrentUser } from '../auth/CurrentUser'
import { AgencyFormDialog } from './AgencyDialogs'
import { useAgencyList } from './agencies.queries'
import type { AgencyFilters, AgencyListItem } from './agencies.types'
import { CreditStatusTag, useAgencyVocabulary } from './agencyVocabulary'

/** 第三方机构名录 (rule 44): the register in the user's scope, filtered and paged, with its Excel export. */
export function AgencyListPage() {
  const { t } = useTranslation()
  const user = useCurrentUser()
  const navigate = useNavigate()
  const vocabulary = useAgencyVocabulary()
  const table = useTableState<AgencyFilters>({})
  const list = useAgencyList(table.params)
  const [creating, setCreating] = useState(false)
  const canManage = user.permissions.includes('agency.manage')

  const columns: TableColumnsType<AgencyListItem> = [
    { key: 'name', title: t('agencies.fields.name'), dataIndex: 'name', width: 260, sorter: true, sortOrder: table.sortOrderOf('name'), render: (name: string, row) => <Link to={`/agencies/${row.id}`}>{name}</Link> },
    { key: 'creditCode', title: t('agencies.fields.creditCode'), dataIndex: 'creditCode', width: 190 },
    { key: 'type', title: t('agencies.fields.type'), dataIndex: 'type', width: 130, render: vocabulary.type },
    { key: 'staffCount', title: t('agencies.fields.staffCount'), dataIndex: 'staffCount', width: 90, align: 'right', sorter: true, sortOrder: table.sortOrderOf('staffCount') },
    { key: 'creditStatus', title: t('agencies.fields.creditStatus'), dataIndex: 'creditStatus', width: 100, render: (s: AgencyListItem['creditStatus']) => <CreditStatusTag status={s} /> },
    { key: 'majorViolations', title: t('agencies.fields.majorViolations'), dataIndex: 'majorViolations', width: 100, align: 'center', render: (n: number) => (n > 0 ? <Tag color="red">{n}</Tag> : 0) },
    { key: 'engagementCount', title: t('agencies.fields.engagementCount'), dataIndex: 'engagementCount', width: 100, align: 'center' },
    { key: 'averageRating', title: t('agencies.fields.averageRating'), dataIndex: 'averageRating', width: 120, align: 'right', render: (r: string | null) => r ?? '—' },
    { key: 'jurisdictionName', title: t('agencies.fields.jurisdiction'), dataIndex: 'jurisdictionName', width: 140 },
  ]
  const filtered = Object.values(table.filters).some((v) => v !== undefined && v !== '')

  return (
    <Card title={t('agencies.nav.list')} size="small">
      <ListToolbar
        filters={
          <>
            <SearchInput label={t('agencies.filters.q')} value={table.filters.q} onSearch={(q) => table.setFilters({ q })} width={240} />
            <Select {...filterSelectProps(t('agencies.fields.type'), 160)} options={vocabulary.typeOptions} value={table.filters.type} onChange={(type?: AgencyFilters['type']) => table.setFilters({ type })} />
            <Select {...filterSelectProps(t('agencies.fields.creditStatus'), 130)} options={vocabulary.creditStatusOptions} value={table.filters.creditStatus} onChange={(creditStatus?: AgencyFilters['creditStatus']) => table.setFilters({ creditStatus })} />
            <Button onClick={table.resetFilters}>{t('common.reset')}</Button>
          </>
        }
        actions={
          <>
            <ExportButton path="/api/agencies/export" params={table.params} />
            {canManage && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t('agencies.actions.create')}
              </Button>
            )}
          </>
        }
      />
      <PagedTable
        label={t('agencies.listLabel')}
        rowKey="id"
        columns={columns}
        query={list}
        table={table}
        scrollX={columns.reduce((sum, c) => sum + Number(c.width ?? 0), 0)}
        emptyText={<Empty description={filtered ? t('projects.emptyFiltered') : t('agencies.empty')} />}
      />
      {creating && <AgencyFormDialog onClose={() => setCreating(false)} onSaved={(a) => navigate(`/agencies/${a.id}`)} />}
    </Card>
  )
}
