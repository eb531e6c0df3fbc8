import { ArrowLeftOutlined } from '@ant-design/icons'
import type { UseQueryResult } from '@tanstack/react-query'
import { Button, Result, Space, Typography } from 'antd'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { errorMessage } from '../../shared/serverErrors'

/** A goal that could not be read (gone, out of scope, network): say why, retry, or go back to the list. */
export function GoalLoadFailed({ query }: { query: UseQueryResult<unknown> }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  return (
    <Result
      status="warning"
      title={errorMessage(query.error)}
      extra={
        <Space>
          <Button onClick={() => query.refetch()}>{t('common.retry')}</Button>
          <Button type="primary" onClick={() => navigate('/goals')}>
            {t('goals.backToList')}
          </Button>
        </Space>
      }
    />
  )
}

/** A goal page card's title: a back arrow, the heading, and tags after it. */
export function GoalHeading({ title, back, backLabel, children }: { title: string; back: string; backLabel: string; children?: ReactNode }) {
  const navigate = useNavigate()
  return (
    <Space wrap>
      <Button type="text" icon={<ArrowLeftOutlined aria-hidden />} aria-label={backLabel} onClick={() => navigate(back)} />
      <Typography.Title level={5} style={{ margin: 0 }}>
        {title}
      </Typography.Title>
      {children}
    </Space>
  )
}
