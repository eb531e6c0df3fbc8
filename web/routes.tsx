import {
  ApartmentOutlined,
  AuditOutlined,
  HomeOutlined,
  KeyOutlined,
  SafetyOutlined,
  SettingOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons'
import { type ComponentType, type LazyExoticComponent, type ReactNode, lazy } from 'react'
import type { Me, Permission } from './api/types'
import { hasPermission } from './features/auth/CurrentUser'

/** A page: one router entry, one menu item, one access rule. */
export interface PageRoute {
  path: string
  /** i18n key of the menu label and page title. */
  labelKey: string
  icon: ReactNode
  /** Needed to see the menu item and open the page; none means any signed-in user. */
  permission?: Permission
  page: LazyExoticComponent<ComponentType>
}

/** A menu group: no page of its own. */
export interface MenuGroup {
  key: string
  labelKey: string
  icon: ReactNode
  children: PageRoute[]
}

export type RouteEntry = PageRoute | MenuGroup

export const isMenuGroup = (entry: RouteEntry): entry is MenuGroup => 'children' in entry

// Icons are decorative (aria-hidden), so menu items are named "首页", not "home 首页".
export const routes: RouteEntry[] = [
  {
    path: '/',
    labelKey: 'nav.home',
    icon: <HomeOutlined aria-hidden />,
    page: lazy(() => import('./features/home/HomePage').then((m) => ({ default: m.HomePage }))),
  },
  {
    key: 'system',
    labelKey: 'nav.system',
    icon: <SettingOutlined aria-hidden />,
    children: [
      {
        path: '/org',
        labelKey: 'nav.org',
        icon: <ApartmentOutlined aria-hidden />,
        permission: 'org.read',
        page: lazy(() => import('./features/org/OrgPage').then((m) => ({ default: m.OrgPage }))),
      },
      {
        path: '/users',
        labelKey: 'nav.users',
        icon: <TeamOutlined aria-hidden />,
        permission: 'user.read',
        page: lazy(() => import('./features/users/UsersPage').then((m) => ({ default: m.UsersPage }))),
      },
      {
        path: '/audit',
        labelKey: 'nav.audit',
        icon: <AuditOutlined aria-hidden />,
        permission: 'audit.read',
        page: lazy(() => import('./features/audit/AuditPage').then((m) => ({ default: m.AuditPage }))),
      },
      {
        path: '/settings/security',
        labelKey: 'nav.securitySettings',
        icon: <SafetyOutlined aria-hidden />,
        permission: 'settings.manage',
        page: lazy(() =>
          import('./features/settings/SecuritySettingsPage').then((m) => ({ default: m.SecuritySettingsPage })),
        ),
      },
    ],
  },
  {
    key: 'account',
    labelKey: 'nav.account',
    icon: <UserOutlined aria-hidden />,
    children: [
      {
        path: '/account/password',
        labelKey: 'nav.changePassword',
        icon: <KeyOutlined aria-hidden />,
        page: lazy(() =>
          import('./features/auth/ChangePasswordPage').then((m) => ({ default: m.ChangePasswordPage })),
        ),
      },
    ],
  },
]

/** Outside the signed-in layout and the menu. */
export const loginRoute = {
  path: '/login',
  page: lazy(() => import('./features/auth/LoginPage').then((m) => ({ default: m.LoginPage }))),
}

export function allPages(entries: RouteEntry[] = routes): PageRoute[] {
  return entries.flatMap((entry) => (isMenuGroup(entry) ? entry.children : [entry]))
}

/** The route table cut down to what this user may open; groups left empty disappear. */
export function visibleRoutes(user: Pick<Me, 'permissions'>, entries: RouteEntry[] = routes): RouteEntry[] {
  return entries.flatMap((entry): RouteEntry[] => {
    if (!isMenuGroup(entry)) return hasPermission(user, entry.permission) ? [entry] : []
    const children = entry.children.filter((child) => hasPermission(user, child.permission))
    return children.length > 0 ? [{ ...entry, children }] : []
  })
}

export function findPage(pathname: string): PageRoute | undefined {
  return allPages().find((page) => page.path === pathname)
}
