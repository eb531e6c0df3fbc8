import { Select } from 'antd'
import { useTranslation } from 'react-i18next'
import type { RecordStatus } from '../api/types'

interface StatusSelectProps {
  value: RecordStatus | undefined
  onChange: (value: RecordStatus | undefined) => void
}

/** Status filter for list toolbars; empty means all. */
export function StatusSelect({ value, onChange }: StatusSelectProps) {
  const { t } = useTranslation()
  return (
    <Select<RecordStatus>
      aria-label={t('common.status')}
      placeholder={t('common.status')}
      allowClear
      style={{ width: 120 }}
      value={value}
      onChange={(next) => onChange(next ?? undefined)}
      options={[
        { value: 'active', label: t('status.active') },
        { value: 'disabled', label: t('status.disabled') },
      ]}
    />
  )
}
