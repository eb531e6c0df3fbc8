import { Flex, Space } from 'antd'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

/** Filters on the left (a search landmark), actions such as 新增 and 导出 on the right. */
export function ListToolbar({ filters, actions }: { filters: ReactNode; actions?: ReactNode }) {
  const { t } = useTranslation()
  return (
    <Flex justify="space-between" align="start" wrap gap={8} style={{ marginBottom: 16 }}>
      <div role="search" aria-label={t('common.filters')}>
        <Space wrap>{filters}</Space>
      </div>
      {actions && <Space wrap>{actions}</Space>}
    </Flex>
  )
}
