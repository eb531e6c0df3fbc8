import { App, DatePicker, Descriptions, Form, type FormInstance, Input } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useTranslation } from 'react-i18next'
import { formatMoney } from '../../../domain/money'
import { FormModal } from '../../shared/FormModal'
import { ProjectPicker } from '../indicators/ProjectPicker'
import { useCreateAdjustment, useProjectFunds } from './execution.queries'

interface Values {
  projectId: string
  amount: string
  reason: string
  adjustedOn: Dayjs
}

const AMOUNT = /^-?\d{1,16}(\.\d{1,2})?$/

/** 调整预算: a signed amount (a cut is negative, and asks for confirmation) with its reason and date. */
export function AdjustmentDialog({ projectId, onClose }: { projectId?: string; onClose: () => void }) {
  const { t } = useTranslation()
  const { modal } = App.useApp()
  const create = useCreateAdjustment()

  const submit = async (values: Values) => {
    const body = { projectId: values.projectId, amount: values.amount.trim(), reason: values.reason, adjustedOn: values.adjustedOn.format('YYYY-MM-DD') }
    if (body.amount.startsWith('-')) {
      const confirmed = await modal.confirm({ title: t('execution.adjust.confirmCut', { amount: formatMoney(body.amount.slice(1)) }), content: t('execution.adjust.confirmCutDetail'), okText: t('execution.adjust.cut'), okButtonProps: { danger: true }, cancelText: t('common.cancel') })
      if (!confirmed) throw new Error(t('execution.adjust.cancelled'))
    }
    await create.mutateAsync(body)
  }

  return (
    <FormModal<Values> title={t('execution.adjust.title')} initialValues={{ projectId, adjustedOn: dayjs() }} onSubmit={submit} onClose={onClose} okText={t('execution.adjust.save')}>
      {(form) => <AdjustmentFields form={form} />}
    </FormModal>
  )
}

function AdjustmentFields({ form }: { form: FormInstance<Values> }) {
  const { t } = useTranslation()
  const projectId = Form.useWatch('projectId', form)
  const amount = Form.useWatch('amount', form)
  return (
    <>
      <Form.Item name="projectId" label={t('execution.fields.project')} rules={[{ required: true, message: t('execution.adjust.projectRequired') }]}>
        <ProjectPicker value={projectId} onChange={(id) => form.setFieldValue('projectId', id)} width={460} />
      </Form.Item>
      <FundsSummary projectId={projectId} amount={amount} />
      <Form.Item name="amount" label={t('execution.adjust.amount')} extra={t('execution.adjust.amountHint')} rules={[{ required: true, pattern: AMOUNT, message: t('execution.adjust.amountInvalid') }]}>
        <Input inputMode="decimal" placeholder="-20000.00" />
      </Form.Item>
      <Form.Item name="reason" label={t('execution.adjust.reason')} rules={[{ required: true, whitespace: true, message: t('execution.adjust.reasonRequired') }, { max: 500 }]}>
        <Input.TextArea rows={3} showCount maxLength={500} />
      </Form.Item>
      <Form.Item name="adjustedOn" label={t('execution.adjust.adjustedOn')} rules={[{ required: true }]}>
        <DatePicker />
      </Form.Item>
    </>
  )
}

/** The project's budget before and after the adjustment being typed. */
function FundsSummary({ projectId, amount }: { projectId?: string; amount?: string }) {
  const { t } = useTranslation()
  const funds = useProjectFunds(projectId)
  if (!funds.data) return null
  const valid = amount && AMOUNT.test(amount.trim())
  const after = valid ? (Math.round((Number(funds.data.budgetAdjusted) + Number(amount)) * 100) / 100).toFixed(2) : null
  return (
    <Descriptions
      size="small"
      bordered
      column={1}
      style={{ marginBottom: 16 }}
      items={[
        { key: 'initial', label: t('execution.funds.budgetInitial'), children: formatMoney(funds.data.budgetInitial) },
        { key: 'adjusted', label: t('execution.funds.budgetAdjusted'), children: formatMoney(funds.data.budgetAdjusted) },
        { key: 'after', label: t('execution.adjust.after'), children: after ? formatMoney(after) : '—' },
      ]}
    />
  )
}
