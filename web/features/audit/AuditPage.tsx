import { Button, Card, DatePicker, type TableColumnsType, Typography } from 'antd'
import type { Dayjs } from 'dayjs'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { auditActionLabel } from '../../../domain/audit-actions'
import type { AuditEntry } from '../../api/types'
import { ExportButton } from '../../shared/ExportButton'
import { ListToolbar } from '../../shared/ListToolbar'
import { PagedTable } from '../../shared/PagedTable'
import { SearchInput } from '../../shared/SearchInput'
import { formatDateTime } from '../../shared/format'
import { useTableState } from '../../shared/useTableState'
import { AuditChainCheck } from './AuditChainCheck'
import { AuditChanges } from './AuditChanges'
import { AuditEntity } from './AuditEntity'
import { useAuditEntries } from './audit.queries'

type AuditFilters = {
  username?: string
  entityType?: string
  entityId?: string
  action?: string
  from?: string
  to?: string
}

export function AuditPage() {
  const { t, i18n } = useTranslation()
  const table = useTableState<AuditFilters>({}, { sort: 'at', order: 'desc' })
  // The audit list sorts by time only: it takes `order` and refuses a `sort` field.
  const { sort: _timeOnly, ...params } = table.params
  const entries = useAuditEntries(params)
  // The picker holds Dayjs values; the filters hold the ISO strings the API takes.
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null)

  const columns: TableColumnsType<AuditEntry> = [
    {
      title: t('audit.at'),
      dataIndex: 'at',
      render: formatDateTime,
      width: 170,
      sorter: true,
      sortOrder: table.sortOrderOf('at'),
      sortDirections: ['descend', 'ascend', 'descend'],
    },
    { title: t('audit.username'), dataIndex: 'username', render: (name: string | null) => name ?? '—' },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      render: (action: string) => (
        <span title={action}>
          {auditActionLabel(action, i18n.language === 'en' ? 'en' : 'zh')}
        </span>
      ),
    },
    {
      title: t('labels.record'),
      key: 'entity',
      render: (_: unknown, entry: AuditEntry) => <AuditEntity entry={entry} onTrail={(entityType, entityId) => table.setFilters({ entityType, entityId })} />,
    },
    { title: t('audit.clientIp'), dataIndex: 'clientIp', render: (ip: string | null) => ip ?? '—' },
    {
      title: t('audit.requestId'),
      dataIndex: 'requestId',
      render: (id: string | null) => (id ? <Typography.Text copyable={{ text: id }}>{id.slice(0, 12)}</Typography.Text> : '—'),
    },
  ]

  return (
    <Card title={t('nav.audit')} size="small">
      <ListToolbar
        filters={
          <>
            <SearchInput
              label={t('audit.username')}
              value={table.filters.username}
              onSearch={(username) => table.setFilters({ username })}
              width={160}
            />
            <SearchInput
              label={t('audit.entityType')}
              value={table.filters.entityType}
              onSearch={(entityType) => table.setFilters({ entityType })}
              width={160}
            />
            <SearchInput
              label={t('audit.entityId')}
              value={table.filters.entityId}
              onSearch={(entityId) => table.setFilters({ entityId })}
              width={160}
            />
            <SearchInput
              label={t('audit.action')}
              value={table.filters.action}
              onSearch={(action) => table.setFilters({ action })}
              width={160}
            />
            <DatePicker.RangePicker
              aria-label={t('audit.range')}
              showTime
              value={range}
              onChange={(next) => {
                setRange(next)
                table.setFilters({
                  from: next?.[0]?.toISOString() ?? undefined,
                  to: next?.[1]?.toISOString() ?? undefined,
                })
              }}
            />
            <Button
              onClick={() => {
                setRange(null)
                table.resetFilters()
              }}
            >
              {t('common.reset')}
            </Button>
          </>
        }
        actions={
          <>
            <AuditChainCheck />
            <ExportButton path="/api/audit/export" params={params} />
          </>
        }
      />
      <PagedTable
        label={t('nav.audit')}
        rowKey="id"
        columns={columns}
        query={entries}
        table={table}
        expandable={{ expandedRowRender: (entry) => <AuditChanges entry={entry} /> }}
      />
    </Card>
  )
}
