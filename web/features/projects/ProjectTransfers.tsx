import { DeleteOutlined, PlusOutlined } from '@ant-design/icons'
import { App, Button, Card, Empty, Form, Modal, Select, Space, Table, Tooltip, Typography } from 'antd'
import { Link } from 'react-router'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { addMoney, formatMoney } from '../../../domain/money'
import { errorMessage } from '../../shared/serverErrors'
import { useCan, useCurrentUser } from '../auth/CurrentUser'
import { parseAmount } from './amounts'
import { MoneyInput } from './MoneyInput'
import { GradeTag } from '../evaluation/self/selfVocabulary'
import { GoalStatusTag } from '../goals/GoalStatusTag'
import { LightTag } from '../monitoring/dashboard/DashboardTables'
import { type TransferAllocations, type TransferShare, useSaveTransferAllocations, useTransferAllocations } from './projects.queries'
import type { Project } from './projects.types'

const ALLOCATING = ['reserve', 'library', 'budgeted', 'executing']

/** 转移支付分配: a city 转移支付 project's money allocated to the districts directly below (the base of their 考核 proposals). */
export function ProjectTransfers({ project }: { project: Project }) {
  const { t } = useTranslation()
  const user = useCurrentUser()
  const isTransfer = project.objectKind === 'transfer'
  const allocations = useTransferAllocations(project.id, isTransfer)
  const [editing, setEditing] = useState(false)
  // A bureau above only supervises; the project's own side and its bureau change the allocation.
  const ownSide = user.org.kind !== 'jurisdiction' || user.org.jurisdictionCode === project.jurisdictionCode
  const canEdit = useCan('project.edit') && ownSide && ALLOCATING.includes(project.status)
  if (!isTransfer) return null
  const data = allocations.data
  const total = addMoney(...(data?.items.map((i) => i.amount) ?? []))
  return (
    <Card
      size="small"
      title={t('projects.transfers.title')}
      loading={allocations.isPending}
      extra={
        canEdit && data && data.districts.length > 0 ? (
          <Button size="small" onClick={() => setEditing(true)}>
            {t('projects.transfers.edit')}
          </Button>
        ) : null
      }
    >
      {data && data.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={data.districts.length ? t('projects.transfers.empty') : t('projects.transfers.noDistricts')} />
      ) : (
        <Table
          size="small"
          rowKey="districtCode"
          pagination={false}
          dataSource={data?.items ?? []}
          scroll={{ x: 900 }}
          columns={[
            { key: 'district', title: t('projects.transfers.district'), dataIndex: 'districtName', width: 110 },
            { key: 'amount', title: t('projects.transfers.amount'), dataIndex: 'amount', align: 'right', width: 140, render: formatMoney },
            {
              key: 'project',
              title: t('projects.transfers.districtProject'),
              dataIndex: 'districtProject',
              render: (p: TransferShare['districtProject']) => (p ? <Link to={`/projects/${p.id}`}>{p.name}</Link> : <Typography.Text type="secondary">{t('projects.transfers.notNamed')}</Typography.Text>),
            },
            { key: 'goal', title: t('projects.transfers.subGoal'), dataIndex: 'goalStatus', width: 110, render: (s: TransferShare['goalStatus']) => (s ? <GoalStatusTag status={s} /> : '—') },
            {
              key: 'monitoring',
              title: t('projects.transfers.monitoring'),
              dataIndex: 'light',
              width: 170,
              render: (light: TransferShare['light'], r) => (r.executed === null ? '—' : <Space size={4}><LightTag light={light} /><span>{formatMoney(r.executed)}</span></Space>),
            },
            { key: 'evaluation', title: t('projects.transfers.selfEvaluation'), dataIndex: 'score', width: 120, render: (score: string | null, r) => (score === null ? '—' : <Space size={4}><span>{score}</span><GradeTag grade={r.grade} /></Space>) },
          ]}
          footer={() => (
            <Space orientation="vertical" size={2}>
              <Typography.Text type="secondary">{t('projects.transfers.total', { total: formatMoney(total), budget: formatMoney(project.amountFiscal) })}</Typography.Text>
              {data && <RollUpLine rollUp={data.rollUp} />}
            </Space>
          )}
        />
      )}
      {editing && data && <AllocationDialog project={project} allocations={data} onClose={() => setEditing(false)} />}
    </Card>
  )
}

/** The districts rolled up to this goal: stage coverage, spending, the worst light and the weighted self-evaluation score. */
function RollUpLine({ rollUp }: { rollUp: TransferAllocations['rollUp'] }) {
  const { t } = useTranslation()
  const v = rollUp.value
  return (
    <Tooltip title={rollUp.formula}>
      <Typography.Text tabIndex={0}>
        {t('projects.transfers.rollUp', { linked: v.linked, goals: v.goalsApproved, monitored: v.monitored, evaluated: v.evaluated, districts: v.districts, rate: v.executionRate ?? '—' })}
        {v.worstLight && <LightTag light={v.worstLight} />}
        {v.weightedScore && (
          <>
            {t('projects.transfers.weightedScore', { score: v.weightedScore })} <GradeTag grade={v.grade} />
          </>
        )}
      </Typography.Text>
    </Tooltip>
  )
}

interface Row {
  districtCode?: string
  amount?: string
}

function AllocationDialog({ project, allocations, onClose }: { project: Project; allocations: TransferAllocations; onClose: () => void }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const save = useSaveTransferAllocations()
  const [form] = Form.useForm<{ items: Row[] }>()
  const rows = Form.useWatch('items', form) ?? []
  const total = addMoney(...rows.map((r) => parseAmount(r?.amount) ?? '0'))

  async function submit() {
    const { items } = await form.validateFields()
    const body = { projectId: project.id, version: allocations.version, items: (items ?? []).map((r) => ({ districtCode: r.districtCode!, amount: parseAmount(r.amount)! })) }
    save.mutateAsync(body).then(
      () => {
        message.success(t('projects.transfers.saved'))
        onClose()
      },
      (err) => message.error(errorMessage(err)),
    )
  }

  return (
    <Modal open title={t('projects.transfers.title')} okText={t('projects.transfers.save')} cancelText={t('common.cancel')} onOk={submit} onCancel={onClose} confirmLoading={save.isPending} width={560} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t('projects.transfers.hint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ items: allocations.items.map((i) => ({ districtCode: i.districtCode, amount: formatMoney(i.amount) })) }}>
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <Space key={field.key} align="start" style={{ display: 'flex' }}>
                  <Form.Item name={[field.name, 'districtCode']} label={index === 0 ? t('projects.transfers.district') : undefined} rules={[{ required: true, message: t('projects.transfers.districtRequired') }]}>
                    <Select
                      style={{ width: 200 }}
                      aria-label={t('projects.transfers.district')}
                      options={allocations.districts.map((d) => ({ value: d.code, label: d.name, disabled: rows.some((r, i) => i !== index && r?.districtCode === d.code) }))}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'amount']}
                    label={index === 0 ? t('projects.transfers.amount') : undefined}
                    rules={[{ validator: (_, value?: string) => (parseAmount(value) ? Promise.resolve() : Promise.reject(new Error(t('projects.transfers.amountRequired')))) }]}
                  >
                    <MoneyInput />
                  </Form.Item>
                  <Button type="text" danger icon={<DeleteOutlined aria-hidden />} aria-label={t('projects.transfers.remove')} onClick={() => remove(field.name)} style={{ marginTop: index === 0 ? 30 : 0 }} />
                </Space>
              ))}
              {fields.length < allocations.districts.length && (
                <Button type="dashed" icon={<PlusOutlined aria-hidden />} onClick={() => add({})}>
                  {t('projects.transfers.add')}
                </Button>
              )}
            </>
          )}
        </Form.List>
      </Form>
      <Typography.Text type="secondary">{t('projects.transfers.total', { total: formatMoney(total), budget: formatMoney(project.amountFiscal) })}</Typography.Text>
    </Modal>
  )
}
