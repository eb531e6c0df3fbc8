import { Alert, Button, DatePicker, Form, Input, InputNumber, Modal, Result } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { JobProgress } from '../../../shared/JobProgress'
import { applyFieldErrors, errorMessage } from '../../../shared/serverErrors'
import { useOpenSelfRound } from './self.queries'

interface Values {
  fiscalYear: number
  deadline: Dayjs
  name?: string
}

/**
 * 发起单位自评: after year-end, the year and the units' deadline. The 自评表 (every budgeted or executed project, each
 * department's overall goal) are created by a background job whose progress shows here; when done the round opens.
 */
export function OpenSelfRoundDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const [form] = Form.useForm<Values>()
  const fiscalYear = Form.useWatch('fiscalYear', form) ?? dayjs().year() - 1
  const open = useOpenSelfRound()
  const [error, setError] = useState<string | null>(null)
  const [started, setStarted] = useState<{ roundId: string; jobRunId: string } | null>(null)
  const [done, setDone] = useState(false)

  async function submit(values: Values) {
    setError(null)
    try {
      const res = await open.mutateAsync({ fiscalYear: values.fiscalYear, name: values.name?.trim() || undefined, deadline: values.deadline.toISOString() })
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
        <Button key="go" type="primary" disabled={!done} onClick={() => navigate(`/evaluation/self-rounds/${started.roundId}`)}>
          {t('evaluationSelf.rounds.openIt')}
        </Button>,
      ]
    : undefined

  return (
    <Modal
      open
      title={t('evaluationSelf.rounds.openTitle')}
      okText={t('evaluationSelf.rounds.open')}
      cancelText={t('common.cancel')}
      confirmLoading={open.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      footer={footer}
      mask={{ closable: false }}
      destroyOnHidden
    >
      {started ? (
        done ? (
          <Result status="success" title={t('evaluationSelf.rounds.openDone')} />
        ) : (
          <JobProgress jobId={started.jobRunId} title={t('evaluationSelf.rounds.openProgress')} onDone={() => setDone(true)} />
        )
      ) : (
        <Form<Values>
          form={form}
          layout="vertical"
          aria-label={t('evaluationSelf.rounds.openTitle')}
          initialValues={{ fiscalYear: dayjs().year() - 1, deadline: dayjs().add(30, 'day').hour(18).minute(0).second(0) }}
          onFinish={submit}
        >
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
          <Alert type="info" showIcon title={t('evaluationSelf.rounds.openHint')} style={{ marginBottom: 16 }} />
          <Form.Item name="fiscalYear" label={t('evaluationSelf.fields.fiscalYear')} rules={[{ required: true }]}>
            <InputNumber min={2000} max={2100} style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="deadline" label={t('evaluationSelf.rounds.deadline')} rules={[{ required: true }]}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: 220 }} />
          </Form.Item>
          <Form.Item name="name" label={t('evaluationSelf.rounds.name')}>
            <Input maxLength={100} placeholder={t('evaluationSelf.rounds.namePlaceholder', { year: fiscalYear })} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  )
}
