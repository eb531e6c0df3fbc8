import { Button, Result } from 'antd'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import type { Permission } from '../api/types'
import { hasPermission, useCurrentUser } from '../features/auth/CurrentUser'

export function RequirePermission({ permission, children }: { permission?: Permission | readonly Permission[]; children: ReactNode }) {
  const user = useCurrentUser()
  const { t } = useTranslation()
  const navigate = useNavigate()
  if (hasPermission(user, permission)) return children
  return (
    <Result
      status="403"
      title="403"
      subTitle={t('errors.forbiddenPage')}
      extra={<Button onClick={() => navigate('/')}>{t('common.backHome')}</Button>}
    />
  )
}

export function NotFoundPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  return (
    <Result
      status="404"
      title="404"
      subTitle={t('errors.notFoundPage')}
      extra={<Button onClick={() => navigate('/')}>{t('common.backHome')}</Button>}
    />
  )
}
