import { Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import { ROLES } from '../api/types'

export function useRoleLabel() {
  const { t } = useTranslation()
  return (role: string) => t(`roles.${role}`, { defaultValue: role })
}

export function useRoleOptions() {
  const label = useRoleLabel()
  return ROLES.map((role) => ({ value: role, label: label(role) }))
}

export function RoleTags({ roles }: { roles: string[] }) {
  const label = useRoleLabel()
  return (
    <>
      {roles.map((role) => (
        <Tag key={role} color="blue">
          {label(role)}
        </Tag>
      ))}
    </>
  )
}
