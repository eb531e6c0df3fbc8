import { CheckOutlined, PlusOutlined } from '@ant-design/icons'
import { Alert, App, Button, Card, Empty, Popconfirm, Space, Table, Tabs } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ListToolbar } from '../../shared/ListToolbar'
import { errorMessage } from '../../shared/serverErrors'
import { useTableState } from '../../shared/useTableState'
import { useCan } from '../auth/CurrentUser'
import { IndicatorDrawer } from './IndicatorDrawer'
import { IndicatorFormModal } from './IndicatorFormModal'
import { IndicatorListFilters } from './IndicatorListFilters'
import { indicatorColumns, widthOf } from './indicatorColumns'
import { useIndicatorVocabulary } from './indicatorVocabulary'
import { useConfirmMany, useIndicators } from './indicators.queries'
import type { IndicatorFilters, IndicatorRow } from './indicators.types'

const TABS = ['proposed', 'active', 'rejected'] as const
type ProposalTab = (typeof TABS)[number]

/**
 * 指标提议: departments and units propose indicators the library lacks; the finance bureau confirms them (one by
 * one in the drawer, or several at once here) or turns them down with a reason. Newest changes first.
 */
export function IndicatorProposalsPage() {
  const { t } = useTranslation()
  const { message, modal } = App.useApp()
  const vocabulary = useIndicatorVocabulary()
  const canManage = useCan('indicator.manage')
  const table = useTableState<IndicatorFilters>({ status: 'proposed', origin: 'proposal' }, { sort: 'updatedAt', order: 'desc' })
  const tab = (TABS as readonly string[]).includes(table.filters.status ?? '') ? (table.filters.status as ProposalTab) : 'proposed'
  const indicators = useIndicators(table.params)
  const confirmMany = useConfirmMany()
  const [selected, setSelected] = useState<IndicatorRow[]>([])
  const [openId, setOpenId] = useState<string>()
  const [creating, setCreating] = useState(false)
  const selecting = canManage && tab === 'proposed'

  const columns = indicatorColumns({
    t,
    vocabulary,
    updatedAt: true,
    relevance: !!table.filters.q,
    onOpen: (row) => setOpenId(row.id),
    sortOrderOf: table.sortOrderOf,
  }).filter((c) => c.key !== 'status' || tab !== 'proposed')

  async function confirmSelected() {
    const result = await confirmMany.mutateAsync(selected)
    setSelected([])
    if (result.failed.length === 0) {
      message.success(t('indicators.batch.done', { count: result.confirmed }))
      return
    }
    modal.warning({
      title: t('indicators.batch.partial', { confirmed: result.confirmed, failed: result.failed.length }),
      content: (
        <ul style={{ paddingInlineStart: 20, margin: 0 }}>
          {result.failed.map((f) => (
            <li key={f.name}>
              {f.name}：{errorMessage(f.error)}
            </li>
          ))}
        </ul>
      ),
    })
  }

  return (
    <Card title={t('nav.indicatorProposals')} size="small">
      <Tabs
        activeKey={tab}
        onChange={(key) => {
          setSelected([])
          table.setFilters({ status: key, origin: 'proposal' })
        }}
        items={TABS.map((key) => ({ key, label: t(`indicators.proposals.tabs.${key}`) }))}
      />
      <ListToolbar
        filters={<IndicatorListFilters table={table} showStatus={false} />}
        actions={
          <Space wrap>
            {selecting && (
              <Popconfirm
                title={t('indicators.batch.confirmTitle', { count: selected.length })}
                description={t('indicators.batch.confirmHint')}
                okText={t('indicators.actions.confirm')}
                cancelText={t('common.cancel')}
                onConfirm={confirmSelected}
                disabled={selected.length === 0}
              >
                <Button icon={<CheckOutlined aria-hidden />} disabled={selected.length === 0} loading={confirmMany.isPending}>
                  {t('indicators.batch.button', { count: selected.length })}
                </Button>
              </Popconfirm>
            )}
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
              {canManage ? t('indicators.create') : t('indicators.propose')}
            </Button>
          </Space>
        }
      />
      {indicators.isError && (
        <Alert
          type="error"
          showIcon
          title={errorMessage(indicators.error)}
          action={
            <Button size="small" onClick={() => indicators.refetch()}>
              {t('common.retry')}
            </Button>
          }
          style={{ marginBottom: 12 }}
        />
      )}
      <Table<IndicatorRow>
        rowKey="id"
        size="middle"
        aria-label={t('indicators.proposals.listLabel')}
        columns={columns}
        dataSource={indicators.data?.items}
        loading={indicators.isFetching}
        pagination={table.pagination(indicators.data?.total)}
        onChange={table.onChange}
        scroll={{ x: widthOf(columns) }}
        tableLayout="fixed"
        rowSelection={
          selecting
            ? {
                selectedRowKeys: selected.map((r) => r.id),
                onChange: (_, rows) => setSelected(rows),
                preserveSelectedRowKeys: true,
              }
            : undefined
        }
        locale={{ emptyText: <Empty description={t(`indicators.proposals.empty.${tab}`)} /> }}
      />
      <IndicatorDrawer id={openId} onClose={() => setOpenId(undefined)} onOpen={setOpenId} />
      {creating && <IndicatorFormModal onClose={() => setCreating(false)} onSaved={(row) => setOpenId(row.id)} />}
    </Card>
  )
}
