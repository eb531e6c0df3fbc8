import { Card, Col, Descriptions, Empty, List, Row, Space, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { allPages, visibleRoutes } from '../../routes'
import { RoleTags } from '../../shared/RoleTags'
import { useCurrentUser } from '../auth/CurrentUser'

export function HomePage() {
  const { t } = useTranslation()
  const user = useCurrentUser()
  const links = allPages(visibleRoutes(user)).filter((page) => page.path !== '/')

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('home.welcome', { name: user.displayName })}
        </Typography.Title>
        <Descriptions
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'username', label: t('home.username'), children: user.username },
            { key: 'displayName', label: t('home.displayName'), children: user.displayName },
            {
              key: 'org',
              label: t('home.org'),
              children: (
                <Space size="small" wrap>
                  <span>{user.org.name}</span>
                  <Typography.Text type="secondary">{user.org.code}</Typography.Text>
                  <Tag>{t(`orgKind.${user.org.kind}`)}</Tag>
                </Space>
              ),
            },
            { key: 'roles', label: t('home.roles'), children: <RoleTags roles={user.roles} /> },
          ]}
        />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={t('home.quickLinks')} style={{ height: '100%' }}>
            {links.length === 0 ? (
              <Empty description={t('home.noLinks')} />
            ) : (
              <nav aria-label={t('home.quickLinks')}>
                <Row gutter={[12, 12]}>
                  {links.map((page) => (
                    <Col key={page.path} xs={12} md={8}>
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
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('home.permissions')} style={{ height: '100%' }}>
            <List
              size="small"
              dataSource={user.permissions}
              locale={{ emptyText: <Empty description={t('home.noPermissions')} /> }}
              renderItem={(permission) => (
                <List.Item>
                  <span>{t(`permissions.${permission}`, { defaultValue: permission })}</span>
                  <Typography.Text type="secondary" code>
                    {permission}
                  </Typography.Text>
                </List.Item>
              )}
            />
          </Card>
        </Col>
      </Row>
    </Space>
  )
}
