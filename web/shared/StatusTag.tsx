import { Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import type { RecordStatus } from '../api/types'

export function StatusTag({ status }: { status: RecordStatus }) {
  const { t } = useTranslation()
  return <Tag color={status === 'active' ? 'green' : 'default'}>{t(`status.${status}`)}</Tag>
}
