import { Alert, Button, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Result, Select } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { JobProgress } from '../../../shared/JobProgress'
import { applyFieldErrors, errorMessage } from '../../../shared/serverErrors'
import { useCurrentUser } from '../../auth/CurrentUser'
import { useRuleSet } from '../../rules/rules.queries'
import { useOpenRound } from './rounds.queries'

interface Values {
  fiscalYear: number
  cutoffMonth: number
  adhoc: boolean
  deadline: Dayjs
  name?: string
}

/**
 * 发起监控批次: the year, a cut-off month (the rule set's months are offered; another month only as an ad-hoc round),
 * the units' deadline and an optional name. After sending, the forms are created by a background job whose progress
 * shows here; when it is done the round opens.
 */
export function OpenRoundDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const user = useCurrentUser()
  const [form] = Form.useForm<Values>()
  const fiscalYear = Form.useWatch('fiscalYear', form) ?? dayjs().year()
  const adhoc = Form.useWatch('adhoc', form) ?? false
  const rules = useRuleSet(user.org.jurisdictionCode, fiscalYear)
  const months = rules.data?.effective.rules.monitoringCutoffMonths ?? []
  const openRound = useOpenRound()
  const [error, setError] = useState<string | null>(null)
  const [started, setStarted] = useState<{ roundId: string; jobRunId: string } | null>(null)
  const [done, setDone] = useState(false)

  const monthOptions = Array.from({ length: 12 }, (_, i) => i + 1)
    .filter((m) => adhoc || months.includes(m))
    .map((m) => ({ value: m, label: t('monitoringRounds.fields.cutoffValue', { month: m }) }))

  async function submit(values: Values) {
    setError(null)
    try {
      const res = await openRound.mutateAsync({ ...values, name: values.name?.trim() || undefined, deadline: values.deadline.toISOString() })
      setStarted({ roundId: res.round.id, jobRunId: res.jobRunId })
    } catch (err) {
      if (!applyFieldErrors(form, err)) setError(errorMessage(err))
    }
  }

  const footer = started
    ? [
        <Button key="close" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button key="go" type="primary" disabled={!done} onClick={() => navigate(`/monitoring/rounds/${started.roundId}`)}>
          {t('monitoringRounds.openDialog.openIt')}
        </Button>,
      ]
    : undefined

  return (
    <Modal
      open
      title={t('monitoringRounds.openDialog.title')}
      okText={t('monitoringRounds.open')}
      cancelText={t('common.cancel')}
      confirmLoading={openRound.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      footer={footer}
      mask={{ closable: false }}
      destroyOnHidden
    >
      {started ? (
        done ? (
          <Result status="success" title={t('monitoringRounds.openDialog.done')} />
        ) : (
          <JobProgress jobId={started.jobRunId} title={t('monitoringRounds.openDialog.progress')} onDone={() => setDone(true)} />
        )
      ) : (
        <Form<Values>
          form={form}
          layout="vertical"
          aria-label={t('monitoringRounds.openDialog.title')}
          initialValues={{ fiscalYear: dayjs().year(), adhoc: false, deadline: dayjs().add(15, 'day').hour(18).minute(0).second(0) }}
          onFinish={submit}
        >
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
          <Form.Item name="fiscalYear" label={t('monitoringRounds.fields.fiscalYear')} rules={[{ required: true }]}>
            <InputNumber min={2000} max={2100} style={{ width: 140 }} />
          </Form.Item>
          <Form.Item
            name="cutoffMonth"
            label={t('monitoringRounds.fields.cutoffMonth')}
            rules={[{ required: true }]}
            extra={t('monitoringRounds.openDialog.cutoffHint', { months: months.join('、') || '—' })}
          >
            <Select options={monthOptions} style={{ width: 180 }} loading={rules.isPending} />
          </Form.Item>
          <Form.Item name="adhoc" valuePropName="checked">
            <Checkbox>{t('monitoringRounds.openDialog.adhoc')}</Checkbox>
          </Form.Item>
          <Form.Item name="deadline" label={t('monitoringRounds.fields.deadline')} rules={[{ required: true }]}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: 220 }} />
          </Form.Item>
          <Form.Item name="name" label={t('monitoringRounds.fields.name')}>
            <Input maxLength={100} placeholder={t('monitoringRounds.openDialog.namePlaceholder', { year: fiscalYear })} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  )
}
