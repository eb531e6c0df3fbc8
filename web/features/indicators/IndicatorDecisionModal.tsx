import { Alert, App, Form, Input, Modal, Space, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../shared/serverErrors'
import { type IndicatorDecision, useDecideIndicator } from './indicators.queries'
import type { IndicatorRow } from './indicators.types'

/** 确认 may add an opinion; 不予采纳 and 停用 must say why. */
export const opinionRequired = (decision: IndicatorDecision) => decision !== 'confirm'

/** Confirms a decision on one indicator (确认 / 不予采纳 / 停用) with the finance bureau's opinion. */
export function IndicatorDecisionModal({
  indicator,
  decision,
  onClose,
}: {
  indicator: Pick<IndicatorRow, 'id' | 'name' | 'code' | 'version'>
  decision: IndicatorDecision
  onClose: () => void
}) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const decide = useDecideIndicator()
  const [form] = Form.useForm<{ opinion?: string }>()
  const [error, setError] = useState<string | null>(null)
  const action = t(`indicators.actions.${decision}`)
  const required = opinionRequired(decision)

  async function submit({ opinion }: { opinion?: string }) {
    setError(null)
    try {
      await decide.mutateAsync({ id: indicator.id, decision, version: indicator.version, opinion: opinion?.trim() ?? '' })
      message.success(t('indicators.decided', { action }))
      onClose()
    } catch (err) {
      setError(errorMessage(err))
    }
  }

  return (
    <Modal
      open
      title={t('indicators.decisionTitle', { action })}
      okText={action}
      okButtonProps={{ danger: decision !== 'confirm' }}
      cancelText={t('common.cancel')}
      confirmLoading={decide.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph style={{ marginBottom: 0 }}>
          {t(`indicators.decisionConfirm.${decision}`, { name: indicator.name, code: indicator.code })}
        </Typography.Paragraph>
        {error && <Alert type="error" showIcon title={error} />}
        <Form form={form} layout="vertical" aria-label={t('indicators.decisionTitle', { action })} onFinish={submit}>
          <Form.Item
            name="opinion"
            label={t('indicators.fields.reviewOpinion')}
            rules={required ? [{ required: true, whitespace: true, min: 2, message: t('indicators.opinionRequired') }] : []}
          >
            <Input.TextArea rows={3} maxLength={1000} showCount placeholder={required ? undefined : t('indicators.opinionOptional')} />
          </Form.Item>
        </Form>
      </Space>
    </Modal>
  )
}
