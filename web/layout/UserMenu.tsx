import { DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons'
import { App, Button, Dropdown } from 'antd'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { useCurrentUser } from '../features/auth/CurrentUser'
import { useLogout } from '../features/auth/auth.queries'

export function UserMenu() {
  const { t } = useTranslation()
  const user = useCurrentUser()
  const navigate = useNavigate()
  const logout = useLogout()
  const { message } = App.useApp()

  async function signOut() {
    try {
      await logout.mutateAsync()
    } catch {
      // The session may already be gone; leaving for the login page is still right.
    }
    message.success(t('auth.loggedOut'))
    navigate('/login', { replace: true })
  }

  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'password', icon: <KeyOutlined aria-hidden />, label: t('nav.changePassword') },
          { type: 'divider' },
          { key: 'logout', icon: <LogoutOutlined aria-hidden />, label: t('nav.logout'), danger: true },
        ],
        onClick: ({ key }) => (key === 'logout' ? void signOut() : navigate('/account/password')),
      }}
    >
      <Button type="text" icon={<UserOutlined aria-hidden />} aria-label={t('nav.userMenu')}>
        {user.displayName} <DownOutlined aria-hidden />
      </Button>
    </Dropdown>
  )
}
