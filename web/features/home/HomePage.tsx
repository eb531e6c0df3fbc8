import { Alert, Button, Card, Col, Empty, Row, Space, Spin, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { allPages, visibleRoutes } from '../../routes'
import { errorMessage } from '../../shared/serverErrors'
import { RoleTags } from '../../shared/RoleTags'
import { useCurrentUser } from '../auth/CurrentUser'
import { HomeFigures } from './HomeFigures'
import { HomeRecent } from './HomeRecent'
import { HomeTodos } from './HomeTodos'
import { useHome } from './home.queries'

/** Each role's working page: what waits for it, the figures of its scope, what changed last, and its pages. */
export function HomePage() {
  const { t } = useTranslation()
  const user = useCurrentUser()
  const home = useHome()

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card size="small">
        <Space size="middle" wrap>
          <Typography.Text strong style={{ fontSize: 16 }}>
            {t('home.welcome', { name: user.displayName })}
          </Typography.Text>
          <span>
            {user.org.name} <Tag>{t(`orgKind.${user.org.kind}`)}</Tag>
          </span>
          <RoleTags roles={user.roles} />
        </Space>
      </Card>
      {home.isPending ? (
        <Spin />
      ) : home.isError ? (
        <Alert
          type="error"
          showIcon
          title={t('home.loadFailed')}
          description={errorMessage(home.error)}
          action={<Button onClick={() => home.refetch()}>{t('common.retry')}</Button>}
        />
      ) : (
        <>
          {(home.data.todos.length > 0 || home.data.projects || home.data.goals || home.data.exante) && <HomeTodos todos={home.data.todos} />}
          <HomeFigures home={home.data} />
          <HomeRecent home={home.data} />
        </>
      )}
      <QuickLinks />
    </Space>
  )
}

function QuickLinks() {
  const { t } = useTranslation()
  const user = useCurrentUser()
  const links = allPages(visibleRoutes(user)).filter((page) => page.path !== '/')
  return (
    <Card title={t('home.quickLinks')}>
      {links.length === 0 ? (
        <Empty description={t('home.noLinks')} />
      ) : (
        <nav aria-label={t('home.quickLinks')}>
          <Row gutter={[12, 12]}>
            {links.map((page) => (
              <Col key={page.path} xs={12} md={6} xl={4}>
                <Link to={page.path}>
                  <Card size="small" hoverable style={{ textAlign: 'center' }}>
                    <div style={{ fontSize: 22 }}>{page.icon}</div>
                    <div>{t(page.labelKey)}</div>
                  </Card>
                </Link>
              </Col>
            ))}
          </Row>
        </nav>
      )}
    </Card>
  )
}
