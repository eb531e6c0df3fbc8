import { App, Button, Empty, Form, Popconfirm, Segmented, Select, Space, Tag, Typography } from 'antd'
import type { TableColumnsType } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatMoney } from '../../../../domain/money'
import { FormModal } from '../../../shared/FormModal'
import { PagedTable } from '../../../shared/PagedTable'
import { SearchInput } from '../../../shared/SearchInput'
import { errorMessage } from '../../../shared/serverErrors'
import { useTableState } from '../../../shared/useTableState'
import { useCan } from '../../auth/CurrentUser'
import { lightColors, useRoundVocabulary } from './roundVocabulary'
import { useAgencies, useAssignAgency, useKeyForms, usePickKey } from './rounds.queries'
import type { KeyForm, RoundDetail } from './rounds.types'

/** 重点监控: the key forms with why they are key and their agency; finance picks, removes and assigns agencies. */
export function KeyPanel({ round }: { round: RoundDetail }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const vocabulary = useRoundVocabulary()
  const table = useTableState<{ only: 'key' | 'all'; q?: string }>({ only: 'key' })
  const forms = useKeyForms(round.id, table.params, true)
  const manages = useCan('monitoring.manage') && !round.readOnly && round.status === 'open'
  const pick = usePickKey()
  const [assigning, setAssigning] = useState<KeyForm | null>(null)

  async function choose(form: KeyForm, picked: boolean) {
    try {
      await pick.mutateAsync({ id: round.id, pick: picked ? [form.id] : [], unpick: picked ? [] : [form.id] })
      message.success(t('common.saved'))
    } catch (err) {
      message.error(errorMessage(err))
    }
  }

  const columns: TableColumnsType<KeyForm> = [
    { key: 'project', title: t('monitoringRounds.late.project'), width: 250, render: (_, f) => <span>{f.projectName} <Typography.Text type="secondary" style={{ fontSize: 12 }}>{f.projectCode}</Typography.Text></span> },
    { key: 'unit', title: t('monitoringRounds.late.byUnit'), dataIndex: 'unitName', width: 150 },
    { key: 'amount', title: t('monitoringRounds.key.amountTotal'), dataIndex: 'amountTotal', width: 140, align: 'right', render: (a: string) => formatMoney(a) },
    { key: 'rate', title: t('monitoringRounds.key.executionRate'), dataIndex: 'executionRate', width: 90, align: 'right', render: (r: string | null) => (r === null ? '—' : `${r}%`) },
    { key: 'light', title: t('monitoringRounds.fields.lights'), dataIndex: 'projectLight', width: 70, render: (l: KeyForm['projectLight']) => (l ? <Tag color={lightColors[l]}>{vocabulary.light(l)}</Tag> : '—') },
    { key: 'reasons', title: t('monitoringRounds.key.reasons'), dataIndex: 'keyReasons', width: 200, render: (reasons: KeyForm['keyReasons']) => <Space size={2} wrap>{reasons.map((r) => <Tag key={r}>{vocabulary.reason(r)}</Tag>)}</Space> },
    { key: 'agency', title: t('monitoringRounds.key.agency'), dataIndex: 'agencyName', width: 130, render: (n: string | null) => n ?? '—' },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 190,
      fixed: 'right',
      render: (_, f) =>
        manages && (
          <Space>
            {f.isKey ? (
              <>
                <Button size="small" onClick={() => setAssigning(f)}>{t('monitoringRounds.key.assign')}</Button>
                <Popconfirm title={t('monitoringRounds.key.unpickConfirm', { name: f.projectName })} onConfirm={() => choose(f, false)} okText={t('common.confirm')} cancelText={t('common.cancel')}>
                  <Button size="small" danger>{t('monitoringRounds.key.unpick')}</Button>
                </Popconfirm>
              </>
            ) : (
              <Button size="small" type="primary" onClick={() => choose(f, true)}>{t('monitoringRounds.key.pick')}</Button>
            )}
          </Space>
        ),
    },
  ]

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Segmented
          options={[{ value: 'key', label: t('monitoringRounds.key.onlyKey') }, { value: 'all', label: t('monitoringRounds.key.all') }]}
          value={table.filters.only}
          onChange={(only) => table.setFilters({ only: only as 'key' | 'all' })}
        />
        <SearchInput label={t('monitoringRounds.key.search')} value={table.filters.q} onSearch={(q) => table.setFilters({ q })} width={220} />
      </Space>
      <PagedTable
        label={t('monitoringRounds.key.tab')}
        rowKey="id"
        columns={columns}
        query={forms}
        table={table}
        scrollX={columns.reduce((sum, c) => sum + Number(c.width ?? 0), 0)}
        emptyText={<Empty description={t('monitoringRounds.key.empty')} />}
      />
      {assigning && <AgencyDialog round={round} form={assigning} onClose={() => setAssigning(null)} />}
    </>
  )
}

function AgencyDialog({ round, form, onClose }: { round: RoundDetail; form: KeyForm; onClose: () => void }) {
  const { t } = useTranslation()
  const agencies = useAgencies(true)
  const assign = useAssignAgency()
  return (
    <FormModal<{ agencyUserId: string | null }>
      title={`${t('monitoringRounds.key.assignTitle')}：${form.projectName}`}
      initialValues={{ agencyUserId: form.agencyUserId }}
      onClose={onClose}
      onSubmit={(v) => assign.mutateAsync({ id: round.id, formIds: [form.id], agencyUserId: v.agencyUserId ?? null })}
    >
      <Form.Item name="agencyUserId" label={t('monitoringRounds.key.agencyUser')}>
        <Select
          allowClear
          loading={agencies.isPending}
          placeholder={t('monitoringRounds.key.withdraw')}
          options={(agencies.data ?? []).map((a) => ({ value: a.id, label: `${a.displayName}（${a.orgName}）` }))}
        />
      </Form.Item>
    </FormModal>
  )
}
