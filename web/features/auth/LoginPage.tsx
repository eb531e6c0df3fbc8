import { LockOutlined, UserOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Form, Input, Typography } from 'antd'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { useLocation, useNavigate } from 'react-router'
import { LanguageSwitch } from '../../layout/LanguageSwitch'
import { errorMessage } from '../../shared/serverErrors'
import { useLogin } from './auth.queries'

interface LoginForm {
  username: string
  password: string
}

export function LoginPage() {
  const { t, i18n } = useTranslation()
  const navigate = useNavigate()
  const location = useLocation()
  const login = useLogin()
  const from = (location.state as { from?: string } | null)?.from

  useEffect(() => {
    document.title = `${t('auth.login.title')} · ${t('app.name')}`
  }, [t])

  async function submit(values: LoginForm) {
    await login.mutateAsync(values).then(
      () => navigate(from && from !== '/login' ? from : '/', { replace: true }),
      () => undefined, // shown from login.error below
    )
  }

  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        background: 'linear-gradient(135deg, #e6f0ff 0%, #f5f7fa 60%)',
      }}
    >
      <div style={{ position: 'absolute', top: 16, right: 24 }}>
        <LanguageSwitch />
      </div>
      <Card style={{ width: 400, boxShadow: '0 8px 24px rgba(0,0,0,0.08)' }}>
        <div style={{ textAlign: 'center', marginBottom: 24 }}>
          <Typography.Title level={2} style={{ marginBottom: 4 }}>
            {t('app.name')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('app.title')}</Typography.Text>
        </div>
        {login.isError && (
          <Alert type="error" showIcon title={errorMessage(login.error)} style={{ marginBottom: 16 }} />
        )}
        <Form<LoginForm> layout="vertical" aria-label={t('auth.login.title')} onFinish={submit} requiredMark={false}>
          <Form.Item
            name="username"
            label={t('auth.login.username')}
            rules={[{ required: true, message: t('auth.login.usernameRequired') }]}
          >
            <Input prefix={<UserOutlined aria-hidden />} autoComplete="username" autoFocus size="large" />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('auth.login.password')}
            rules={[{ required: true, message: t('auth.login.passwordRequired') }]}
          >
            <Input.Password prefix={<LockOutlined aria-hidden />} autoComplete="current-password" size="large" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={login.isPending}>
            {t('auth.login.submit')}
          </Button>
        </Form>
        <div style={{ textAlign: 'center', marginTop: 16 }}>
          {/* The public portal is server-rendered outside this app: a full page load, not a client-side route. */}
          <Typography.Link href={i18n.language === 'en' ? '/public?lang=en' : '/public'}>{t('auth.login.publicPortal')}</Typography.Link>
        </div>
      </Card>
    </div>
  )
}
