import { CheckOutlined, HistoryOutlined, RollbackOutlined, SendOutlined } from '@ant-design/icons'
import { App, Button, Card, Empty, Popconfirm, Select, Space, Typography } from 'antd'
import type { TableColumnsType } from 'antd'
import dayjs from 'dayjs'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { disclosureStates, type DisclosureState } from '../../../domain/disclosure-decisions'
import { PUBLIC_RECORD_KINDS, type PublicRecordKind } from '../../../domain/disclosure'
import { ExportButton } from '../../shared/ExportButton'
import { formatDateTime } from '../../shared/format'
import { ListToolbar } from '../../shared/ListToolbar'
import { PagedTable } from '../../shared/PagedTable'
import { SearchInput } from '../../shared/SearchInput'
import { filterSelectProps, fiscalYearOptions } from '../../shared/listFilters'
import { errorMessage } from '../../shared/serverErrors'
import { useTableState } from '../../shared/useTableState'
import { useCan } from '../auth/CurrentUser'
import { OrgTreeSelect } from '../org/OrgTreeSelect'
import { DecisionDialog, reasonLabel, WithdrawDialog } from './DisclosureDialogs'
import { HistoryDrawer } from './HistoryDrawer'
import { useApprove, useApproveBatch, useDisclosureRecords } from './disclosure.queries'
import type { DisclosureFilters, DisclosureRecord } from './disclosure.types'
import { StateTag } from './StateTag'

type Open = { what: 'decide' | 'withdraw' | 'history'; record: DisclosureRecord } | null

/**
 * 信息公开审核: the year's goals, self-evaluations, key evaluation reports and 考核 results with their decision.
 * Units and departments propose (publish, or not with a reason); finance publishes — one by one or a department's
 * goals at once — and withdraws with a reason; the history shows every copy made.
 */
export function DisclosurePage() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const table = useTableState<DisclosureFilters>({ fiscalYear: dayjs().year() })
  const list = useDisclosureRecords(table.params)
  const approve = useApprove()
  const batch = useApproveBatch()
  const canApprove = useCan('disclosure.approve')
  const [open, setOpen] = useState<Open>(null)
  const f = (k: string) => t(`disclosure.fields.${k}`)
  const { filters } = table

  const publish = (row: DisclosureRecord) =>
    approve.mutateAsync(row).then(
      () => message.success(t('disclosure.approved')),
      (err: unknown) => message.error(errorMessage(err)),
    )
  const publishBatch = () =>
    batch.mutateAsync({ fiscalYear: filters.fiscalYear!, departmentCode: filters.departmentCode! }).then(
      (r) => message.success(t('disclosure.batch.done', { published: r.published, ...r.skipped })),
      (err: unknown) => message.error(errorMessage(err)),
    )

  const columns: TableColumnsType<DisclosureRecord> = [
    { key: 'kind', title: f('kind'), dataIndex: 'kind', width: 120, render: (kind: PublicRecordKind) => t(`disclosure.kinds.${kind}`) },
    { key: 'recordKey', title: f('recordKey'), dataIndex: 'recordKey', width: 150, sorter: true, sortOrder: table.sortOrderOf('recordKey') },
    { key: 'title', title: f('title'), dataIndex: 'title', width: 220, sorter: true, sortOrder: table.sortOrderOf('title'), ellipsis: { showTitle: true } },
    {
      key: 'departmentCode',
      title: f('department'),
      dataIndex: 'departmentName',
      width: 190,
      sorter: true,
      sortOrder: table.sortOrderOf('departmentCode'),
      render: (name: string | null, row) => (
        <Space orientation="vertical" size={0}>
          {name ?? '—'}
          {row.unitName && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {row.unitName}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      key: 'state',
      title: f('state'),
      dataIndex: 'state',
      width: 130,
      render: (state: DisclosureState, row) => (
        <Space orientation="vertical" size={0}>
          <StateTag state={state} />
          {!row.publishable && state !== 'published' && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('disclosure.notPublishable')}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      key: 'reason',
      title: f('reason'),
      width: 200,
      ellipsis: { showTitle: true },
      render: (_: unknown, row) => (row.state === 'withdrawn' ? row.withdrawalReason : row.reasonCode ? [reasonLabel(row.reasonCode), row.reasonText].filter(Boolean).join('：') : null),
    },
    { key: 'decidedAt', title: f('approvedAt'), dataIndex: 'approvedAt', width: 150, sorter: true, sortOrder: table.sortOrderOf('decidedAt'), render: (at: string | null) => (at ? formatDateTime(at) : '') },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 250,
      fixed: 'right',
      render: (_: unknown, row) => (
        <Space size={4} wrap>
          {row.mayDecide && (
            <Button size="small" icon={<SendOutlined aria-hidden />} onClick={() => setOpen({ what: 'decide', record: row })} aria-label={`${t('disclosure.actions.decide')} ${row.title}`}>
              {t('disclosure.actions.decide')}
            </Button>
          )}
          {row.mayApprove && <PublishButton row={row} onConfirm={() => publish(row)} />}
          {row.mayWithdraw && (
            <Button size="small" danger icon={<RollbackOutlined aria-hidden />} onClick={() => setOpen({ what: 'withdraw', record: row })} aria-label={`${t('disclosure.actions.withdraw')} ${row.title}`}>
              {t('disclosure.actions.withdraw')}
            </Button>
          )}
          <Button size="small" icon={<HistoryOutlined aria-hidden />} onClick={() => setOpen({ what: 'history', record: row })} aria-label={`${t('disclosure.actions.history')} ${row.title}`} />
        </Space>
      ),
    },
  ]
  const filtered = Object.entries(filters).some(([k, v]) => k !== 'fiscalYear' && v !== undefined && v !== '')
  const batchReady = !!filters.departmentCode && !!filters.fiscalYear
  return (
    <Card title={t('disclosure.title')} size="small">
      <Typography.Paragraph type="secondary">{t('disclosure.intro')}</Typography.Paragraph>
      <ListToolbar
        filters={
          <>
            <SearchInput label={t('disclosure.filters.q')} value={filters.q} onSearch={(q) => table.setFilters({ q })} width={180} />
            <Select {...filterSelectProps(t('disclosure.filters.fiscalYear'), 100)} options={fiscalYearOptions()} value={filters.fiscalYear} onChange={(fiscalYear?: number) => table.setFilters({ fiscalYear })} />
            <Select
              {...filterSelectProps(t('disclosure.filters.kind'), 140)}
              options={PUBLIC_RECORD_KINDS.map((k) => ({ value: k, label: t(`disclosure.kinds.${k}`) }))}
              value={filters.kind}
              onChange={(kind?: PublicRecordKind) => table.setFilters({ kind })}
            />
            <OrgTreeSelect kinds={['department']} label={t('disclosure.filters.department')} value={filters.departmentCode} onChange={(departmentCode) => table.setFilters({ departmentCode })} allowClear width={200} />
            <Select
              {...filterSelectProps(t('disclosure.filters.state'), 120)}
              options={disclosureStates.map((s) => ({ value: s, label: t(`disclosure.states.${s}`) }))}
              value={filters.state}
              onChange={(state?: DisclosureState) => table.setFilters({ state })}
            />
            <Button onClick={table.resetFilters}>{t('common.reset')}</Button>
          </>
        }
        actions={
          <Space>
            {canApprove && (
              <Popconfirm
                title={t('disclosure.batch.title')}
                description={t('disclosure.batch.confirm', { year: filters.fiscalYear })}
                okText={t('disclosure.batch.ok')}
                cancelText={t('common.cancel')}
                disabled={!batchReady}
                onConfirm={publishBatch}
              >
                <Button type="primary" disabled={!batchReady} title={batchReady ? undefined : t('disclosure.batch.departmentRequired')} loading={batch.isPending}>
                  {t('disclosure.actions.batch')}
                </Button>
              </Popconfirm>
            )}
            <ExportButton path="/api/disclosure/records/export" params={table.params} />
          </Space>
        }
      />
      <PagedTable
        label={t('disclosure.label')}
        rowKey="sourceId"
        columns={columns}
        query={list}
        table={table}
        scrollX={columns.reduce((sum, c) => sum + Number(c.width ?? 0), 0)}
        emptyText={<Empty description={filtered ? t('disclosure.emptyFiltered') : t('disclosure.empty')} />}
      />
      {open?.what === 'decide' && <DecisionDialog record={open.record} reasons={list.data?.withholdReasons ?? []} needingText={list.data?.reasonsNeedingText ?? []} onClose={() => setOpen(null)} />}
      {open?.what === 'withdraw' && <WithdrawDialog record={open.record} onClose={() => setOpen(null)} />}
      {open?.what === 'history' && <HistoryDrawer record={open.record} onClose={() => setOpen(null)} />}
    </Card>
  )
}

/** 公开 (or 重新公开 of a published record after an edit: the new copy supersedes the old), after a confirmation. */
function PublishButton({ row, onConfirm }: { row: DisclosureRecord; onConfirm: () => void }) {
  const { t } = useTranslation()
  const again = row.state === 'published'
  const label = t(again ? 'disclosure.actions.republish' : 'disclosure.actions.approve')
  return (
    <Popconfirm title={t(again ? 'disclosure.republishConfirm' : 'disclosure.approveConfirm', { name: row.title })} okText={label} cancelText={t('common.cancel')} onConfirm={onConfirm}>
      <Button size="small" type={again ? 'default' : 'primary'} icon={<CheckOutlined aria-hidden />} aria-label={`${label} ${row.title}`}>
        {label}
      </Button>
    </Popconfirm>
  )
}
