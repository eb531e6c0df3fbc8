import { Form, Input } from 'antd'
import { useTranslation } from 'react-i18next'
import type { User } from '../../api/types'
import { FormModal } from '../../shared/FormModal'
import { useResetPassword } from './users.queries'

/** An administrator sets a new password for a user who forgot theirs. */
export function ResetPasswordModal({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation()
  const reset = useResetPassword()
  return (
    <FormModal<{ password: string; confirmPassword: string }>
      title={t('users.resetPasswordFor', { name: `${user.displayName} (${user.username})` })}
      formLabel={t('users.resetPassword')}
      okText={t('users.resetPassword')}
      onClose={onClose}
      onSubmit={({ password }) => reset.mutateAsync({ id: user.id, password, version: user.version })}
    >
      <Form.Item
        name="password"
        label={t('users.newPassword')}
        rules={[{ required: true, message: t('common.required') }]}
        extra={t('accounts.users.passwordHint')}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirmPassword"
        label={t('auth.changePassword.confirm')}
        dependencies={['password']}
        rules={[
          { required: true, message: t('common.required') },
          ({ getFieldValue }) => ({
            validator: (_, value) =>
              !value || value === getFieldValue('password')
                ? Promise.resolve()
                : Promise.reject(new Error(t('auth.changePassword.mismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </FormModal>
  )
}
