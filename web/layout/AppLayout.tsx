import { Button, Layout, Result, Space, Spin, Typography } from 'antd'
import { Suspense, useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { Navigate, Outlet, useLocation } from 'react-router'
import { ApiError } from '../api/client'
import { CurrentUserProvider } from '../features/auth/CurrentUser'
import { CHANGE_PASSWORD_PATH, useMe } from '../features/auth/auth.queries'
import { findPage } from '../routes'
import { errorMessage } from '../shared/serverErrors'
import { LanguageSwitch } from './LanguageSwitch'
import { SideMenu } from './SideMenu'
import { UserMenu } from './UserMenu'

export function PageSpinner() {
  return (
    <div style={{ padding: 48, textAlign: 'center' }}>
      <Spin size="large" />
    </div>
  )
}

/** The signed-in shell: loads the session, then side menu, header and the current page. */
export function AppLayout() {
  const { t } = useTranslation()
  const location = useLocation()
  const me = useMe()
  const page = findPage(location.pathname)

  useEffect(() => {
    document.title = page ? `${t(page.labelKey)} · ${t('app.name')}` : t('app.name')
  }, [page, t])

  if (me.isPending) return <PageSpinner />
  if (me.isError) {
    if (me.error instanceof ApiError && me.error.status === 401) {
      return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />
    }
    return (
      <Result
        status="error"
        title={t('errors.sessionLoad')}
        subTitle={errorMessage(me.error)}
        extra={<Button onClick={() => me.refetch()}>{t('common.retry')}</Button>}
      />
    )
  }

  // 等保: a password handed out by an administrator is replaced before anything else (the server refuses the rest).
  if (me.data.mustChangePassword && location.pathname !== CHANGE_PASSWORD_PATH) {
    return <Navigate to={CHANGE_PASSWORD_PATH} replace />
  }

  return (
    <CurrentUserProvider user={me.data}>
      <Layout style={{ minHeight: '100vh' }}>
        {/* Wide enough for the longest English labels (Import declarations, Indicator proposals) without an ellipsis. */}
        <Layout.Sider width={248} breakpoint="lg" collapsedWidth={0}>
          <div style={{ color: '#fff', padding: '16px 20px', fontSize: 18, fontWeight: 600, whiteSpace: 'nowrap' }}>
            {t('app.name')}
          </div>
          {/* Until a handed-out password is replaced, the menu would only lead back to the change-password page. */}
          {!me.data.mustChangePassword && <SideMenu />}
        </Layout.Sider>
        <Layout>
          <Layout.Header
            style={{
              background: '#fff',
              padding: '0 24px',
              display: 'flex',
              alignItems: 'center',
              justifyContent: 'space-between',
              borderBottom: '1px solid #f0f0f0',
            }}
          >
            <Typography.Text strong>{t('app.title')}</Typography.Text>
            <Space size="middle">
              <LanguageSwitch />
              <UserMenu />
            </Space>
          </Layout.Header>
          {/* Layout.Content is the page's <main> landmark. */}
          <Layout.Content style={{ padding: 24 }}>
            {page && (
              <Typography.Title level={4} style={{ marginTop: 0 }}>
                {t(page.labelKey)}
              </Typography.Title>
            )}
            <Suspense fallback={<PageSpinner />}>
              <Outlet />
            </Suspense>
          </Layout.Content>
        </Layout>
      </Layout>
    </CurrentUserProvider>
  )
}
