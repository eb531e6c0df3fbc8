import { Alert, App, Form, InputNumber, Modal, Typography } from 'antd'
import dayjs from 'dayjs'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../../shared/serverErrors'
import { useOpenAssessments, usePublishAssessments } from './assessments.queries'

/** A year and a confirmation, then one call for the whole year: opening (启动年度考核) or ranking and publishing (排名并通报). */
function YearDialog({ kind, onClose }: { kind: 'open' | 'publish'; onClose: () => void }) {
  const { t } = useTranslation()
  const { message, modal } = App.useApp()
  const [form] = Form.useForm<{ fiscalYear: number }>()
  const open = useOpenAssessments()
  const publish = usePublishAssessments()
  const [error, setError] = useState<string | null>(null)
  const pending = open.isPending || publish.isPending

  async function submit({ fiscalYear }: { fiscalYear: number }) {
    setError(null)
    const confirmed = await modal.confirm({
      title: t(`assessments.${kind}.confirm`, { year: fiscalYear }),
      okText: t(`assessments.${kind}.ok`),
      cancelText: t('common.cancel'),
      okButtonProps: kind === 'publish' ? { danger: true } : undefined,
    })
    if (!confirmed) return
    try {
      if (kind === 'open') message.success(t('assessments.open.done', await open.mutateAsync({ fiscalYear })))
      else message.success(t('assessments.publish.done', await publish.mutateAsync({ fiscalYear })))
      onClose()
    } catch (err) {
      setError(errorMessage(err))
    }
  }

  return (
    <Modal open title={t(`assessments.${kind}.title`)} okText={t(`assessments.${kind}.ok`)} cancelText={t('common.cancel')} confirmLoading={pending} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Typography.Paragraph type="secondary">{t(`assessments.${kind}.hint`)}</Typography.Paragraph>
      <Form form={form} layout="vertical" aria-label={t(`assessments.${kind}.title`)} initialValues={{ fiscalYear: dayjs().year() - (kind === 'open' ? 0 : 1) }} onFinish={submit}>
        <Form.Item name="fiscalYear" label={t(`assessments.${kind}.year`)} rules={[{ required: true }]}>
          <InputNumber min={2000} max={2100} precision={0} style={{ width: 160 }} />
        </Form.Item>
      </Form>
    </Modal>
  )
}

export const OpenAssessmentsDialog = ({ onClose }: { onClose: () => void }) => <YearDialog kind="open" onClose={onClose} />
export const PublishAssessmentsDialog = ({ onClose }: { onClose: () => void }) => <YearDialog kind="publish" onClose={onClose} />
