import { PlusOutlined, ThunderboltOutlined } from '@ant-design/icons'
import { Button, Card, Empty, Select, Space, Tag } from 'antd'
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
import { DrawDialog, ExpertFormDialog } from './ExpertDialogs'
import { useExpertList } from './experts.queries'
import type { ExpertFilters, ExpertListItem } from './experts.types'

/** 专家库: the pool in the user's scope with fields and affiliations, filtered, paged and exported; the random draw. */
export function ExpertListPage() {
  const { t } = useTranslation()
  const user = useCurrentUser()
  const navigate = useNavigate()
  const table = useTableState<ExpertFilters>({})
  const list = useExpertList(table.params)
  const [dialog, setDialog] = useState<'create' | 'draw' | null>(null)

  const columns: TableColumnsType<ExpertListItem> = [
    { key: 'name', title: t('experts.fields.name'), dataIndex: 'name', width: 120, sorter: true, sortOrder: table.sortOrderOf('name'), render: (name: string, row) => <Link to={`/experts/${row.id}`}>{name}</Link> },
    { key: 'fields', title: t('experts.fields.fields'), dataIndex: 'fields', width: 240, render: (fields: string[]) => fields.join('、') },
    { key: 'affiliation', title: t('experts.fields.affiliation'), dataIndex: 'affiliation', width: 220, render: (a: string, row) => a || row.affiliationName || '—' },
    { key: 'title', title: t('experts.fields.title'), dataIndex: 'title', width: 120 },
    { key: 'active', title: t('experts.fields.active'), dataIndex: 'active', width: 90, render: (a: boolean) => (a ? <Tag color="green">{t('experts.fields.activeYes')}</Tag> : <Tag>{t('experts.fields.activeNo')}</Tag>) },
  ]
  const filtered = Object.values(table.filters).some((v) => v !== undefined && v !== '')

  return (
    <Card title={t('experts.nav.list')} size="small">
      <ListToolbar
        filters={
          <>
            <SearchInput label={t('experts.filters.q')} value={table.filters.q} onSearch={(q) => table.setFilters({ q })} width={220} />
            <SearchInput label={t('experts.filters.field')} value={table.filters.field} onSearch={(field) => table.setFilters({ field })} width={160} />
            <Select
              {...filterSelectProps(t('experts.filters.active'), 110)}
              options={[
                { value: 'true', label: t('experts.fields.activeYes') },
                { value: 'false', label: t('experts.fields.activeNo') },
              ]}
              value={table.filters.active}
              onChange={(active?: ExpertFilters['active']) => table.setFilters({ active })}
            />
            <Button onClick={table.resetFilters}>{t('common.reset')}</Button>
          </>
        }
        actions={
          <Space>
            <ExportButton path="/api/experts/export" params={table.params} />
            {user.permissions.includes('expert.draw') && (
              <Button icon={<ThunderboltOutlined />} onClick={() => setDialog('draw')}>
                {t('experts.actions.draw')}
              </Button>
            )}
            {user.permissions.includes('expert.manage') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog('create')}>
                {t('experts.actions.create')}
              </Button>
            )}
          </Space>
        }
      />
      <PagedTable
        label={t('experts.listLabel')}
        rowKey="id"
        columns={columns}
        query={list}
        table={table}
        scrollX={columns.reduce((sum, c) => sum + Number(c.width ?? 0), 0)}
        emptyText={<Empty description={filtered ? t('projects.emptyFiltered') : t('experts.empty')} />}
      />
      {dialog === 'create' && <ExpertFormDialog onClose={() => setDialog(null)} onSaved={(e) => navigate(`/experts/${e.id}`)} />}
      {dialog === 'draw' && <DrawDialog onClose={() => setDialog(null)} onDrawn={(d) => navigate(`/experts/draws/${d.id}`)} />}
    </Card>
  )
}
