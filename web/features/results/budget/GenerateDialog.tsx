import { Alert, Button, Form, InputNumber, Modal, Result } from 'antd'
import dayjs from 'dayjs'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { JobProgress } from '../../../shared/JobProgress'
import { errorMessage } from '../../../shared/serverErrors'
import { useGenerateBudget, useRefreshBudgetDecisions } from './budget.queries'

/**
 * 生成预算安排建议: for an evaluated year, every project with an accepted self-evaluation or a reported key evaluation
 * gets a proposal for the next year; a background job does it and its progress shows here. Decisions are kept.
 */
export function GenerateDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation()
  const [form] = Form.useForm<{ evaluatedYear: number }>()
  const generate = useGenerateBudget()
  const refresh = useRefreshBudgetDecisions()
  const [error, setError] = useState<string | null>(null)
  const [jobId, setJobId] = useState<string | null>(null)
  const [done, setDone] = useState(false)

  async function submit(values: { evaluatedYear: number }) {
    setError(null)
    try {
      setJobId((await generate.mutateAsync(values)).jobRunId)
    } catch (err) {
      setError(errorMessage(err))
    }
  }

  return (
    <Modal
      open
      title={t('budgetDecisions.generate.title')}
      okText={t('budgetDecisions.generate.ok')}
      cancelText={t('common.cancel')}
      confirmLoading={generate.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      footer={jobId ? [<Button key="close" type="primary" onClick={onClose}>{t('budgetDecisions.generate.close')}</Button>] : undefined}
      destroyOnHidden
    >
      {jobId ? (
        done ? (
          <Result status="success" title={t('budgetDecisions.generate.done')} />
        ) : (
          <JobProgress jobId={jobId} title={t('budgetDecisions.generate.progress')} onDone={() => { setDone(true); void refresh() }} />
        )
      ) : (
        <Form form={form} layout="vertical" aria-label={t('budgetDecisions.generate.title')} initialValues={{ evaluatedYear: dayjs().year() - 1 }} onFinish={submit}>
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
          <Alert type="info" showIcon title={t('budgetDecisions.generate.hint')} style={{ marginBottom: 16 }} />
          <Form.Item name="evaluatedYear" label={t('budgetDecisions.fields.evaluatedYear')} rules={[{ required: true }]}>
            <InputNumber min={2000} max={2099} style={{ width: 140 }} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  )
}
