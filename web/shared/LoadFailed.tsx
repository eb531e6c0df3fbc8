import type { UseQueryResult } from '@tanstack/react-query'
import { Button, Result, Space } from 'antd'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { errorMessage } from './serverErrors'

/** A record that could not be read (gone, out of scope, network): say why, retry, or go back to its list. */
export function LoadFailed({ query, backTo, backLabel }: { query: UseQueryResult<unknown>; backTo: string; backLabel: string }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  return (
    <Result
      status="warning"
      title={errorMessage(query.error)}
      extra={
        <Space>
          <Button onClick={() => query.refetch()}>{t('common.retry')}</Button>
          <Button type="primary" onClick={() => navigate(backTo)}>
            {backLabel}
          </Button>
        </Space>
      }
    />
  )
}
