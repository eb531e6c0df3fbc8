import { App, Button, DatePicker, Empty, Form, Input, Popconfirm, Space, Table, Tag, Typography } from 'antd'
import type { TableColumnsType } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ExportButton } from '../../../shared/ExportButton'
import { FormModal } from '../../../shared/FormModal'
import { LoadFailed } from '../../../shared/LoadFailed'
import { formatDateTime } from '../../../shared/format'
import { errorMessage } from '../../../shared/serverErrors'
import { useCan, useCurrentUser } from '../../auth/CurrentUser'
import { useRoundVocabulary } from './roundVocabulary'
import { useExtend, useLateView, useRemind } from './rounds.queries'
import type { LateForm, LateGroup, RoundDetail } from './rounds.types'

/**
 * 未报送情况: finance sees the late departments, a department its late units, everybody the forms still with the unit;
 * reviewers remind the late (per department, unit or form), finance extends a unit's or a form's deadline.
 */
export function LatePanel({ round }: { round: RoundDetail }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const vocabulary = useRoundVocabulary()
  const late = useLateView(round.id, true)
  const remind = useRemind()
  const user = useCurrentUser()
  // Reviewers remind: a department its units, the round's own bureau everybody; a bureau above only looks.
  const canRemind = useCan('monitoring.review') && !(user.org.kind === 'jurisdiction' && user.org.jurisdictionCode !== round.jurisdictionCode)
  const canExtend = useCan('monitoring.manage') && !round.readOnly && round.status === 'open'
  const [extending, setExtending] = useState<{ unitCode?: string; formIds?: string[]; name: string } | null>(null)
  if (late.isError) return <LoadFailed query={late} backTo="/monitoring/rounds" backLabel={t('monitoringRounds.backToList')} />
  const view = late.data

  async function send(body: { formIds?: string[]; unitCodes?: string[]; departmentCodes?: string[] }) {
    try {
      const res = await remind.mutateAsync({ id: round.id, ...body })
      message.success(t('monitoringRounds.late.reminded', { count: res.reminded }))
    } catch (err) {
      message.error(errorMessage(err))
    }
  }
  const remindButton = (body: Parameters<typeof send>[0], label = t('monitoringRounds.late.remind')) =>
    canRemind && (
      <Popconfirm title={t('monitoringRounds.late.remindConfirm')} onConfirm={() => send(body)} okText={t('common.confirm')} cancelText={t('common.cancel')}>
        <Button size="small">{label}</Button>
      </Popconfirm>
    )

  const groupColumns = (kind: 'department' | 'unit'): TableColumnsType<LateGroup> => [
    { key: 'name', title: kind === 'department' ? t('monitoringRounds.late.byDepartment') : t('monitoringRounds.late.byUnit'), dataIndex: 'name', width: 220 },
    { key: 'unreported', title: t('monitoringRounds.late.unreported'), dataIndex: 'unreported', width: 90, align: 'right', sorter: (a, b) => a.unreported - b.unreported },
    { key: 'late', title: t('monitoringRounds.late.late'), dataIndex: 'late', width: 80, align: 'right', sorter: (a, b) => a.late - b.late, render: (n: number) => (n ? <Typography.Text type="danger">{n}</Typography.Text> : 0) },
    { key: 'reminded', title: t('monitoringRounds.late.reminded'), dataIndex: 'reminded', width: 80, align: 'right' },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 160,
      render: (_, g) => (
        <Space>
          {g.late > 0 && remindButton(kind === 'department' ? { departmentCodes: [g.code] } : { unitCodes: [g.code] })}
          {kind === 'unit' && canExtend && g.code !== g.departmentCode && (
            <Button size="small" onClick={() => setExtending({ unitCode: g.code, name: g.name })}>
              {t('monitoringRounds.late.extend')}
            </Button>
          )}
        </Space>
      ),
    },
  ]

  const formColumns: TableColumnsType<LateForm> = [
    { key: 'project', title: t('monitoringRounds.late.project'), width: 240, render: (_, f) => (f.kind === 'department' ? <Tag>{t('monitoringRounds.late.departmentForm')}</Tag> : <span>{f.projectName} <Typography.Text type="secondary" style={{ fontSize: 12 }}>{f.projectCode}</Typography.Text></span>) },
    { key: 'unit', title: t('monitoringRounds.late.byUnit'), width: 160, render: (_, f) => f.unitName ?? f.departmentName },
    { key: 'status', title: t('monitoringRounds.fields.status'), dataIndex: 'status', width: 90, render: (s: LateForm['status']) => vocabulary.formStatus(s) },
    { key: 'dueAt', title: t('monitoringRounds.late.dueAt'), dataIndex: 'dueAt', width: 150, sorter: (a, b) => a.dueAt.localeCompare(b.dueAt), render: (d: string, f) => <Typography.Text type={f.late ? 'danger' : undefined}>{formatDateTime(d)}</Typography.Text> },
    { key: 'remindCount', title: t('monitoringRounds.late.remindCount'), dataIndex: 'remindCount', width: 90, align: 'right' },
    { key: 'remindedAt', title: t('monitoringRounds.late.remindedAt'), dataIndex: 'remindedAt', width: 150, render: formatDateTime },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 150,
      render: (_, f) => (
        <Space>
          {f.late && remindButton({ formIds: [f.id] })}
          {canExtend && <Button size="small" onClick={() => setExtending({ formIds: [f.id], name: f.projectName ?? f.departmentName })}>{t('monitoringRounds.late.extend')}</Button>}
        </Space>
      ),
    },
  ]

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Space>
        {view && view.forms.some((f) => f.late) && remindButton({}, t('monitoringRounds.late.remindAll'))}
        <ExportButton path={`/api/monitoring/rounds/${round.id}/late/export`} params={{}} />
      </Space>
      {view && view.departments.length > 0 && <Table<LateGroup> size="small" rowKey="code" columns={groupColumns('department')} dataSource={view.departments} pagination={{ pageSize: 10, hideOnSinglePage: true }} aria-label={t('monitoringRounds.late.byDepartment')} />}
      {view && view.units.length > 0 && <Table<LateGroup> size="small" rowKey="code" columns={groupColumns('unit')} dataSource={view.units} pagination={{ pageSize: 10, hideOnSinglePage: true }} aria-label={t('monitoringRounds.late.byUnit')} />}
      <Table<LateForm>
        size="small"
        rowKey="id"
        loading={late.isPending}
        columns={formColumns}
        dataSource={view?.forms ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        aria-label={t('monitoringRounds.late.forms')}
        locale={{ emptyText: <Empty description={t('monitoringRounds.late.empty')} /> }}
        scroll={{ x: 1030 }}
      />
      {extending && <ExtensionDialog round={round} target={extending} onClose={() => setExtending(null)} />}
    </Space>
  )
}

function ExtensionDialog({ round, target, onClose }: { round: RoundDetail; target: { unitCode?: string; formIds?: string[]; name: string }; onClose: () => void }) {
  const { t } = useTranslation()
  const extend = useExtend()
  return (
    <FormModal<{ until: Dayjs; reason: string }>
      title={`${t('monitoringRounds.late.extendTitle')}：${target.name}`}
      initialValues={{ until: dayjs(round.deadline).add(7, 'day') }}
      onClose={onClose}
      onSubmit={(v) => extend.mutateAsync({ id: round.id, unitCode: target.unitCode, formIds: target.formIds, until: v.until.toISOString(), reason: v.reason })}
    >
      <Form.Item name="until" label={t('monitoringRounds.late.until')} rules={[{ required: true }]}>
        <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
      </Form.Item>
      <Form.Item name="reason" label={t('monitoringRounds.late.reason')} rules={[{ required: true, min: 2 }]}>
        <Input.TextArea rows={3} maxLength={500} />
      </Form.Item>
    </FormModal>
  )
}
