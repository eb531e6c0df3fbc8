import { Col, Row, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { AuditEntry } from '../../api/types'

function asRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {}
}

/** Top-level fields whose value differs between before and after. */
export function changedFields(before: unknown, after: unknown): string[] {
  const a = asRecord(before)
  const b = asRecord(after)
  const keys = new Set([...Object.keys(a), ...Object.keys(b)])
  return [...keys].filter((key) => JSON.stringify(a[key]) !== JSON.stringify(b[key]))
}

function JsonPanel({ label, value }: { label: string; value: unknown }) {
  const { t } = useTranslation()
  return (
    <section aria-label={label}>
      <Typography.Text strong>{label}</Typography.Text>
      <pre
        style={{
          background: '#fafafa',
          border: '1px solid #f0f0f0',
          borderRadius: 6,
          padding: 12,
          margin: '8px 0 0',
          maxHeight: 360,
          overflow: 'auto',
          fontSize: 12,
          whiteSpace: 'pre-wrap',
          wordBreak: 'break-all',
        }}
      >
        {value === null || value === undefined ? t('audit.none') : JSON.stringify(value, null, 2)}
      </pre>
    </section>
  )
}

/** Before and after of one audited write, side by side, with the changed fields named. */
export function AuditChanges({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation()
  const changed = changedFields(entry.before, entry.after)
  return (
    <div>
      {changed.length > 0 && (
        <div style={{ marginBottom: 8 }}>
          <Typography.Text type="secondary">{t('audit.changedFields')}: </Typography.Text>
          {changed.map((field) => (
            <Tag key={field} color="orange">
              {field}
            </Tag>
          ))}
        </div>
      )}
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <JsonPanel label={t('audit.before')} value={entry.before} />
        </Col>
        <Col xs={24} md={12}>
          <JsonPanel label={t('audit.after')} value={entry.after} />
        </Col>
      </Row>
    </div>
  )
}
