import { Alert, App, Button, Card, Form, InputNumber, Space, Spin } from 'antd'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../../api/client'
import type { SecuritySettings } from '../../api/types'
import { applyFieldErrors, errorMessage } from '../../shared/serverErrors'
import { useSaveSecuritySettings, useSecuritySettings } from './settings.queries'

type SettingsForm = Omit<SecuritySettings, 'version'>

// 等保 2.0 level 3 expects complexity, lockout, idle timeout and a longest session; the bounds only stop typos.
// Labels and hints are i18n keys; the fields added with per-address lockout and session lifetime live under accounts.*.
const FIELDS: { name: keyof SettingsForm; min: number; max: number; unit: string; label?: string; hint?: string }[] = [
  { name: 'passwordMinLength', min: 8, max: 64, unit: 'settings.unit.chars' },
  { name: 'passwordMinClasses', min: 1, max: 4, unit: 'settings.unit.classes' },
  { name: 'maxFailedLogins', min: 1, max: 100, unit: 'settings.unit.times', hint: 'accounts.settings.maxFailedLoginsHint' },
  { name: 'lockoutMinutes', min: 1, max: 1440, unit: 'settings.unit.minutes', hint: 'accounts.settings.lockoutMinutesHint' },
  { name: 'accountMaxFailedLogins', min: 5, max: 10000, unit: 'settings.unit.times', label: 'accounts.settings.accountMaxFailedLogins', hint: 'accounts.settings.accountMaxFailedLoginsHint' },
  { name: 'sessionIdleMinutes', min: 1, max: 1440, unit: 'settings.unit.minutes' },
  { name: 'sessionMaxHours', min: 1, max: 168, unit: 'accounts.settings.hours', label: 'accounts.settings.sessionMaxHours', hint: 'accounts.settings.sessionMaxHoursHint' },
]

export function SecuritySettingsPage() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm<SettingsForm>()
  const settings = useSecuritySettings()
  const save = useSaveSecuritySettings()

  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data)
  }, [settings.data, form])

  async function submit(values: SettingsForm) {
    if (!settings.data) return
    try {
      await save.mutateAsync({ ...values, version: settings.data.version })
      message.success(t('common.saved'))
    } catch (err) {
      applyFieldErrors(form, err)
    }
  }

  if (settings.isPending) return <Spin />
  if (settings.isError) return <Alert type="error" showIcon title={errorMessage(settings.error)} />

  const conflict = save.error instanceof ApiError && save.error.status === 409
  return (
    <Card title={t('nav.securitySettings')} size="small" style={{ maxWidth: 640 }}>
      {save.isError && (
        <Alert
          type="error"
          showIcon
          title={errorMessage(save.error)}
          style={{ marginBottom: 16 }}
          action={
            conflict && (
              <Button
                size="small"
                onClick={async () => {
                  save.reset()
                  const fresh = await settings.refetch()
                  if (fresh.data) form.setFieldsValue(fresh.data)
                }}
              >
                {t('common.refresh')}
              </Button>
            )
          }
        />
      )}
      <Form<SettingsForm> form={form} layout="vertical" aria-label={t('nav.securitySettings')} onFinish={submit}>
        {FIELDS.map((field) => (
          <Form.Item
            key={field.name}
            name={field.name}
            label={t(field.label ?? `settings.${field.name}`)}
            extra={t(field.hint ?? `settings.${field.name}Hint`)}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <InputNumber
              min={field.min}
              max={field.max}
              precision={0}
              style={{ width: 200 }}
              suffix={t(field.unit)}
            />
          </Form.Item>
        ))}
        <Space>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
          <Button onClick={() => form.setFieldsValue(settings.data)}>{t('common.reset')}</Button>
        </Space>
      </Form>
    </Card>
  )
}
