import { Form, Input, Select } from 'antd'
import { useTranslation } from 'react-i18next'
import { mayManageAccountWith } from '../../../domain/admin-separation'
import type { User } from '../../api/types'
import { FormModal } from '../../shared/FormModal'
import { useRoleOptions } from '../../shared/RoleTags'
import { useCurrentUser } from '../auth/CurrentUser'
import { OrgTreeSelect } from '../org/OrgTreeSelect'
import { useCreateUser, useUpdateUser } from './users.queries'

interface UserForm {
  username: string
  displayName: string
  password: string
  orgCode: string
  roles: string[]
}

/** Create (no `editing`) or edit a user; the username is fixed and passwords change by reset. */
export function UserFormModal({ editing, onClose }: { editing?: User; onClose: () => void }) {
  const { t } = useTranslation()
  const create = useCreateUser()
  const update = useUpdateUser()
  const me = useCurrentUser()
  // 三员分立: the other administrators' roles are not this administrator's to give.
  const roleOptions = useRoleOptions().filter((option) => mayManageAccountWith(me.roles, [option.value]))
  const required = { required: true, message: t('common.required') }

  return (
    <FormModal<UserForm>
      title={editing ? t('users.edit') : t('users.create')}
      onClose={onClose}
      initialValues={editing ?? { roles: [] }}
      onSubmit={(values) =>
        editing
          ? update.mutateAsync({
              id: editing.id,
              displayName: values.displayName,
              orgCode: values.orgCode,
              roles: values.roles,
              version: editing.version,
            })
          : create.mutateAsync(values)
      }
    >
      <Form.Item name="username" label={t('users.username')} rules={[required]}>
        <Input disabled={!!editing} autoComplete="off" maxLength={64} />
      </Form.Item>
      <Form.Item name="displayName" label={t('users.displayName')} rules={[required]}>
        <Input maxLength={64} />
      </Form.Item>
      {!editing && (
        <Form.Item name="password" label={t('users.initialPassword')} rules={[required]} extra={t('accounts.users.passwordHint')}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      )}
      <Form.Item name="orgCode" label={t('users.org')} rules={[required]}>
        <OrgTreeSelect kinds={['jurisdiction', 'department', 'unit']} label={t('users.org')} />
      </Form.Item>
      <Form.Item name="roles" label={t('users.roles')} rules={[{ ...required, type: 'array', min: 1 }]}>
        <Select mode="multiple" options={roleOptions} optionFilterProp="label" aria-label={t('users.roles')} />
      </Form.Item>
    </FormModal>
  )
}
