import { Alert, App, Button, Card, Form, Input } from 'antd'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { applyFieldErrors, errorMessage } from '../../shared/serverErrors'
import { useChangePassword } from './auth.queries'
import { useCurrentUser } from './CurrentUser'

interface ChangePasswordForm {
  currentPassword: string
  newPassword: string
  confirmPassword: string
}

export function ChangePasswordPage() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm<ChangePasswordForm>()
  const change = useChangePassword()
  const navigate = useNavigate()
  // Opened or reset by an administrator: this page is the only one until the password is the user's own.
  const firstLogin = useCurrentUser().mustChangePassword

  async function submit({ currentPassword, newPassword }: ChangePasswordForm) {
    try {
      await change.mutateAsync({ currentPassword, newPassword })
      form.resetFields()
      if (firstLogin) {
        message.success(t('accounts.firstLogin.done'))
        void navigate('/', { replace: true })
      } else {
        message.success(t('auth.changePassword.done'))
      }
    } catch (err) {
      applyFieldErrors(form, err)
    }
  }

  return (
    <Card title={t(firstLogin ? 'accounts.firstLogin.title' : 'auth.changePassword.title')} style={{ maxWidth: 520 }}>
      {firstLogin && <Alert type="warning" showIcon title={t('accounts.firstLogin.explain')} style={{ marginBottom: 16 }} />}
      {change.isError && (
        <Alert type="error" showIcon title={errorMessage(change.error)} style={{ marginBottom: 16 }} />
      )}
      <Form<ChangePasswordForm>
        form={form}
        layout="vertical"
        aria-label={t('auth.changePassword.title')}
        onFinish={submit}
      >
        <Form.Item
          name="currentPassword"
          label={t('auth.changePassword.current')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('auth.changePassword.new')}
          rules={[{ required: true, message: t('common.required') }]}
          extra={t('auth.changePassword.policyHint')}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirmPassword"
          label={t('auth.changePassword.confirm')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('common.required') },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || value === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('auth.changePassword.mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={change.isPending}>
          {t('auth.changePassword.submit')}
        </Button>
      </Form>
    </Card>
  )
}
