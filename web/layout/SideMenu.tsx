import { Menu, type MenuProps } from 'antd'
import { useTranslation } from 'react-i18next'
import { useLocation, useNavigate } from 'react-router'
import { useCurrentUser } from '../features/auth/CurrentUser'
import { isMenuGroup, menuKeyFor, visibleRoutes } from '../routes'

export function SideMenu() {
  const { t } = useTranslation()
  const user = useCurrentUser()
  const navigate = useNavigate()
  const { pathname } = useLocation()
  const entries = visibleRoutes(user)

  // Each label carries its full text as a tooltip, should a long one still be cut in a narrow window.
  const label = (key: string) => <span title={t(key)}>{t(key)}</span>
  const items: MenuProps['items'] = entries.map((entry) =>
    isMenuGroup(entry)
      ? {
          key: entry.key,
          icon: entry.icon,
          label: label(entry.labelKey),
          children: entry.children.map((child) => ({ key: child.path, icon: child.icon, label: label(child.labelKey) })),
        }
      : { key: entry.path, icon: entry.icon, label: label(entry.labelKey) },
  )

  return (
    <nav aria-label={t('nav.mainMenu')}>
      <Menu
        mode="inline"
        theme="dark"
        selectedKeys={[menuKeyFor(pathname)]}
        defaultOpenKeys={entries.filter(isMenuGroup).map((group) => group.key)}
        items={items}
        onClick={({ key }) => navigate(key)}
      />
    </nav>
  )
}
