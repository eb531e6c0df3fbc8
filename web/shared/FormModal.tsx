import { Alert, App, Form, Modal } from 'antd'
import type { FormInstance } from 'antd'
import { type ReactNode, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type ReloadOutcome, useConflict } from './ConflictNotice'
import { applyFieldErrors, errorMessage } from './serverErrors'

interface FormModalProps<V> {
  title: string
  /** Accessible name of the form, e.g. "新增用户". Defaults to the title. */
  formLabel?: string
  initialValues?: Partial<V>
  onSubmit: (values: V) => Promise<unknown>
  onClose: () => void
  children: ReactNode | ((form: FormInstance<V>) => ReactNode)
  okText?: string
  /** Re-reads the record after a 409; the dialog keeps what was typed (see OpinionDialog). */
  onReload?: () => Promise<ReloadOutcome>
}

/**
 * A modal form that submits to the server and shows its answer: field errors on the fields,
 * anything else (conflict, duplicate, policy) in an Alert. Mount it only while open.
 */
export function FormModal<V extends object>(props: FormModalProps<V>) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm<V>()
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const conflict = useConflict(props.onReload)

  async function submit(values: V) {
    setSaving(true)
    setError(null)
    conflict.reset()
    try {
      await props.onSubmit(values)
      message.success(t('common.saved'))
      props.onClose()
    } catch (err) {
      if (!conflict.handle(err) && !applyFieldErrors(form, err)) setError(errorMessage(err))
    } finally {
      setSaving(false)
    }
  }

  return (
    <Modal
      open
      title={props.title}
      okText={props.okText ?? t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      okButtonProps={{ disabled: conflict.blocksOk }}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      mask={{ closable: false }}
      destroyOnHidden
    >
      {conflict.notice && <div style={{ marginBottom: 16 }}>{conflict.notice}</div>}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form<V>
        form={form}
        layout="vertical"
        aria-label={props.formLabel ?? props.title}
        initialValues={props.initialValues}
        onFinish={submit}
      >
        {typeof props.children === 'function' ? props.children(form) : props.children}
        {/* lets Enter in a field submit the form */}
        <button type="submit" hidden />
      </Form>
    </Modal>
  )
}
