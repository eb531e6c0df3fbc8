import { Alert, App, Form, Input, Modal, Space, Typography } from 'antd'
import { type ReactNode, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type ReloadOutcome, useConflict } from './ConflictNotice'
import { errorMessage } from './serverErrors'

export type OpinionNeed = 'none' | 'optional' | 'required'

export interface OpinionDialogProps {
  /** The action's name: the title says 确认{action} and the OK button says it. */
  title: string
  okText: string
  danger?: boolean
  /** What is about to happen, in a sentence. */
  question: ReactNode
  opinion: OpinionNeed
  opinionLabel: string
  /** Shown when a required opinion is missing. */
  requiredMessage: string
  /** The shortest opinion accepted when one is required. */
  minLength?: number
  placeholder?: string
  maxLength: number
  /** Sends the action; a rejection is shown in the dialog, which stays open. */
  onSubmit: (opinion: string) => Promise<unknown>
  successMessage: string
  onClose: () => void
  /**
   * Re-reads the record after someone else changed it (409): the dialog keeps the typed opinion, and the caller
   * acts on the reloaded version from then on. Without it a 409 shows as any other error.
   */
  onReload?: () => Promise<ReloadOutcome>
}

/** A workflow action confirmed in a dialog, with an opinion where the action takes one; server errors stay in it. */
export function OpinionDialog(props: OpinionDialogProps) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm<{ opinion?: string }>()
  const [error, setError] = useState<string | null>(null)
  const [pending, setPending] = useState(false)
  const conflict = useConflict(props.onReload)

  async function submit({ opinion }: { opinion?: string }) {
    setError(null)
    conflict.reset()
    setPending(true)
    try {
      await props.onSubmit(opinion?.trim() ?? '')
      message.success(props.successMessage)
      props.onClose()
    } catch (err) {
      if (!conflict.handle(err)) setError(errorMessage(err))
    } finally {
      setPending(false)
    }
  }

  return (
    <Modal
      open
      title={props.title}
      okText={props.okText}
      okButtonProps={{ danger: props.danger, disabled: conflict.blocksOk }}
      cancelText={t('common.cancel')}
      confirmLoading={pending}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      // A stray click beside the dialog (the second click of a double-click on the button that opened it) must
      // not close it and lose the opinion.
      mask={{ closable: false }}
      destroyOnHidden
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph style={{ marginBottom: 0 }}>{props.question}</Typography.Paragraph>
        {conflict.notice}
        {error && <Alert type="error" showIcon title={error} />}
        <Form form={form} layout="vertical" aria-label={props.title} onFinish={submit}>
          {props.opinion !== 'none' && (
            <Form.Item
              name="opinion"
              label={props.opinionLabel}
              rules={props.opinion === 'required' ? [{ required: true, whitespace: true, min: props.minLength, message: props.requiredMessage }] : []}
            >
              <Input.TextArea rows={3} maxLength={props.maxLength} showCount placeholder={props.placeholder} />
            </Form.Item>
          )}
        </Form>
      </Space>
    </Modal>
  )
}
