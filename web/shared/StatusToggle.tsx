import { Button, Popconfirm } from 'antd'
import { useTranslation } from 'react-i18next'
import type { RecordStatus } from '../api/types'

interface StatusToggleProps {
  status: RecordStatus
  /** What the row is called in the confirmation, e.g. "深圳市 (440300)". */
  name: string
  onToggle: (next: RecordStatus) => Promise<unknown>
}

/** 停用 / 启用 link with a confirmation; the caller reports success or failure. */
export function StatusToggle({ status, name, onToggle }: StatusToggleProps) {
  const { t } = useTranslation()
  const next: RecordStatus = status === 'active' ? 'disabled' : 'active'
  const verb = next === 'disabled' ? t('common.disable') : t('common.enable')
  return (
    <Popconfirm
      title={t('common.confirmStatus', { action: verb, name })}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      onConfirm={() => onToggle(next).catch(() => undefined)}
    >
      <Button type="link" size="small" danger={next === 'disabled'} aria-label={`${verb} ${name}`}>
        {verb}
      </Button>
    </Popconfirm>
  )
}
