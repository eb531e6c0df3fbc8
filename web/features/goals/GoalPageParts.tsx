import { ArrowLeftOutlined } from '@ant-design/icons'
import type { UseQueryResult } from '@tanstack/react-query'
import { Button, Space, Typography } from 'antd'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { LoadFailed } from '../../shared/LoadFailed'

/** A goal that could not be read: say why, retry, or go back to the list. */
export function GoalLoadFailed({ query }: { query: UseQueryResult<unknown> }) {
  const { t } = useTranslation()
  return <LoadFailed query={query} backTo="/goals" backLabel={t('goals.backToList')} />
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
