import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { App as AntApp, ConfigProvider } from 'antd'
import enUS from 'antd/locale/en_US'
import zhCN from 'antd/locale/zh_CN'
import { Suspense } from 'react'
import { useTranslation } from 'react-i18next'
import { RouterProvider, createBrowserRouter } from 'react-router'
import { ApiError, setUnauthorizedHandler } from './api/client'
import { AppLayout, PageSpinner } from './layout/AppLayout'
import { NotFoundPage, RequirePermission } from './layout/RequirePermission'
import { allPages, loginRoute } from './routes'

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // Client errors will not heal by asking again; network blips and 5xx may.
      retry: (count, err) => !(err instanceof ApiError && err.status >= 400 && err.status < 500) && count < 2,
    },
  },
})

const router = createBrowserRouter([
  {
    path: loginRoute.path,
    element: (
      <Suspense fallback={<PageSpinner />}>
        <loginRoute.page />
      </Suspense>
    ),
  },
  {
    element: <AppLayout />,
    children: [
      ...allPages().map((page) => ({
        path: page.path,
        element: (
          <RequirePermission permission={page.permission}>
            <page.page />
          </RequirePermission>
        ),
      })),
      { path: '*', element: <NotFoundPage /> },
    ],
  },
])

setUnauthorizedHandler(() => {
  if (router.state.location.pathname === loginRoute.path) return
  const from = router.state.location.pathname + router.state.location.search
  queryClient.clear()
  void router.navigate(loginRoute.path, { replace: true, state: { from } })
})

export function App() {
  const { i18n } = useTranslation()
  return (
    // autoInsertSpace off: antd would render 登录 as "登 录", which also breaks name-based locators.
    <ConfigProvider
      locale={i18n.language === 'en' ? enUS : zhCN}
      button={{ autoInsertSpace: false }}
    >
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  )
}
