import { CheckCircleOutlined } from '@ant-design/icons'
import { Alert, Card, Space, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { type Finding, bySeverity, placeOf } from './goalFindings'

interface QualityPanelProps {
  findings: readonly Finding[] | null
  /** The name of the indicator row at an index, to say where a finding is. */
  rowName: (index: number) => string
  title?: string
}

/** 智能审核: every finding of the last check, errors (which block submission) first; null before the first check. */
export function QualityPanel({ findings, rowName, title }: QualityPanelProps) {
  const { t } = useTranslation()
  const errors = findings?.filter((f) => f.severity === 'error').length ?? 0
  const warnings = (findings?.length ?? 0) - errors

  const where = (path: string) => {
    const place = placeOf(path)
    if (place.kind === 'indicators') return t('goals.quality.whereIndicators')
    if (place.kind === 'goal') return t(`goals.fields.${place.field}`, { defaultValue: place.field })
    const name = rowName(place.index)
    return t('goals.quality.whereRow', { n: place.index + 1, name: name || '—', field: t(`goals.indicator.${place.field}`, { defaultValue: place.field }) })
  }

  return (
    <Card
      size="small"
      title={title ?? t('goals.quality.title')}
      extra={
        findings && (
          <Space size={4}>
            <Tag color={errors ? 'red' : 'default'}>{t('goals.quality.errors', { count: errors })}</Tag>
            <Tag color={warnings ? 'orange' : 'default'}>{t('goals.quality.warnings', { count: warnings })}</Tag>
          </Space>
        )
      }
    >
      {findings === null ? (
        <Typography.Text type="secondary">{t('goals.quality.notYet')}</Typography.Text>
      ) : findings.length === 0 ? (
        <Alert type="success" showIcon icon={<CheckCircleOutlined aria-hidden />} title={t('goals.quality.clean')} />
      ) : (
        <>
          {errors > 0 && <Alert type="error" showIcon title={t('goals.quality.blocking', { count: errors })} style={{ marginBottom: 8 }} />}
          <ul aria-label={title ?? t('goals.quality.title')} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {bySeverity(findings).map((f, i) => (
              <li key={`${i}:${f.path}:${f.code ?? ''}`} style={{ padding: '8px 0', borderTop: i ? '1px solid #f0f0f0' : undefined }}>
                <Space orientation="vertical" size={0} style={{ width: '100%' }}>
                  <Space size={4} wrap>
                    <Tag color={f.severity === 'error' ? 'red' : 'orange'}>{t(`goals.quality.${f.severity}`)}</Tag>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {where(f.path)}
                    </Typography.Text>
                  </Space>
                  <Typography.Text>{f.message}</Typography.Text>
                  {f.rule && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('goals.quality.rule', { rule: f.rule })}
                    </Typography.Text>
                  )}
                </Space>
              </li>
            ))}
          </ul>
        </>
      )}
    </Card>
  )
}
