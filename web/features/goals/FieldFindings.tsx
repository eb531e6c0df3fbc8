import { ExclamationCircleOutlined, WarningOutlined } from '@ant-design/icons'
import { Typography } from 'antd'
import type { Finding } from './goalFindings'

/** The findings on one field, under it: errors red, warnings orange. */
export function FieldFindings({ findings }: { findings: readonly Finding[] }) {
  if (findings.length === 0) return null
  return (
    <div role="list" style={{ marginTop: 4 }}>
      {findings.map((f) => (
        <div role="listitem" key={`${f.code ?? ''}:${f.message}`} style={{ fontSize: 12, lineHeight: 1.5 }}>
          <Typography.Text type={f.severity === 'error' ? 'danger' : 'warning'} style={{ fontSize: 12 }}>
            {f.severity === 'error' ? <ExclamationCircleOutlined aria-hidden /> : <WarningOutlined aria-hidden />} {f.message}
          </Typography.Text>
        </div>
      ))}
    </div>
  )
}

/** The status an input takes from its findings. */
export const statusOf = (findings: readonly Finding[]): '' | 'error' | 'warning' =>
  findings.some((f) => f.severity === 'error') ? 'error' : findings.length ? 'warning' : ''
