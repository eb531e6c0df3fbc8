import { EditOutlined, PlusOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Col, Descriptions, Empty, Flex, Result, Row, Space, Spin, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { PageSpinner } from '../../layout/AppLayout'
import { errorMessage } from '../../shared/serverErrors'
import { useCan, useCurrentUser } from '../auth/CurrentUser'
import { FrameworkCreateModal } from './FrameworkCreateModal'
import { FrameworkEditor } from './FrameworkEditor'
import { FrameworkTree } from './FrameworkTree'
import { useFramework, useFrameworks } from './rules.queries'
import type { FrameworkDetail, FrameworkSummary } from './rules.types'

/** 指标体系: the frameworks a user can see (national templates first), one's tree, and a bureau's own editable copies. */
export function FrameworksPage() {
  const { t } = useTranslation()
  const user = useCurrentUser()
  const canManage = useCan('indicator.manage') && user.org.kind === 'jurisdiction'
  const frameworks = useFrameworks()
  const [params, setParams] = useSearchParams()
  const [editing, setEditing] = useState(false)
  const [creating, setCreating] = useState(false)
  const selected = params.get('code') ?? frameworks.data?.[0]?.code
  const framework = useFramework(selected)

  const select = (code: string) => {
    setEditing(false)
    setParams({ code }, { replace: true })
  }

  if (frameworks.isPending) return <PageSpinner />
  if (frameworks.isError) return <Result status="warning" title={errorMessage(frameworks.error)} extra={<Button onClick={() => frameworks.refetch()}>{t('common.retry')}</Button>} />

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={8} xxl={6}>
        <Card
          size="small"
          title={t('rules.frameworks.listTitle')}
          extra={
            canManage && (
              <Button size="small" type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
                {t('rules.frameworks.create')}
              </Button>
            )
          }
        >
          <Flex vertical gap={8} role="list" aria-label={t('rules.frameworks.listTitle')}>
            {frameworks.data.map((item) => (
              <FrameworkListItem key={item.code} item={item} selected={item.code === selected} onSelect={() => select(item.code)} />
            ))}
          </Flex>
        </Card>
      </Col>
      <Col xs={24} lg={16} xxl={18}>
        {!selected ? (
          <Card size="small">
            <Empty description={t('rules.frameworks.empty')} />
          </Card>
        ) : framework.isPending ? (
          <PageSpinner />
        ) : framework.isError ? (
          <Result status="warning" title={errorMessage(framework.error)} />
        ) : (
          <Spin spinning={framework.isFetching && !editing}>
            <FrameworkDetailCard framework={framework.data} summary={frameworks.data.find((f) => f.code === framework.data.code)} editing={editing} onEdit={() => setEditing(true)} onDone={() => setEditing(false)} />
          </Spin>
        )}
      </Col>
      {creating && (
        <FrameworkCreateModal
          frameworks={frameworks.data}
          copyFrom={selected}
          onClose={() => setCreating(false)}
          onCreated={(code) => {
            select(code)
            setEditing(true)
          }}
        />
      )}
    </Row>
  )
}

function OwnerTag({ item }: { item: FrameworkSummary }) {
  const { t } = useTranslation()
  return item.jurisdictionCode === null ? <Tag color="gold">{t('rules.frameworks.national')}</Tag> : <Tag color="blue">{item.jurisdictionName ?? item.jurisdictionCode}</Tag>
}

function FrameworkListItem({ item, selected, onSelect }: { item: FrameworkSummary; selected: boolean; onSelect: () => void }) {
  const { t } = useTranslation()
  return (
    <div role="listitem">
      <Button
        block
        type={selected ? 'primary' : 'default'}
        ghost={selected}
        aria-current={selected ? 'true' : undefined}
        onClick={onSelect}
        style={{ height: 'auto', padding: '8px 12px', textAlign: 'start', whiteSpace: 'normal', display: 'block' }}
      >
        <div style={{ fontWeight: 600 }}>{item.name}</div>
        <Space size={4} wrap style={{ marginTop: 4 }}>
          <OwnerTag item={item} />
          <Tag>{t('rules.frameworks.fromYear', { year: item.fiscalYearFrom })}</Tag>
          {item.status === 'disabled' && <Tag color="default">{t('status.disabled')}</Tag>}
        </Space>
      </Button>
    </div>
  )
}

interface FrameworkDetailCardProps {
  framework: FrameworkDetail
  /** The list row: it carries the owner's name, which the detail does not. */
  summary?: FrameworkSummary
  editing: boolean
  onEdit: () => void
  onDone: () => void
}

function FrameworkDetailCard({ framework, summary, editing, onEdit, onDone }: FrameworkDetailCardProps) {
  const { t } = useTranslation()
  return (
    <Card
      size="small"
      title={
        <Space wrap>
          <Typography.Text strong>{framework.name}</Typography.Text>
          <OwnerTag item={{ ...framework, jurisdictionName: summary?.jurisdictionName ?? framework.jurisdictionName }} />
        </Space>
      }
      extra={
        framework.editable &&
        !editing && (
          <Button icon={<EditOutlined aria-hidden />} onClick={onEdit}>
            {t('common.edit')}
          </Button>
        )
      }
    >
      {editing ? (
        <FrameworkEditor key={framework.code} framework={framework} onDone={onDone} />
      ) : (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          {framework.jurisdictionCode === null && <Alert type="info" showIcon title={t('rules.frameworks.readOnly')} />}
          <Descriptions
            size="small"
            column={{ xs: 1, md: 2, xxl: 4 }}
            items={[
              { key: 'code', label: t('rules.frameworks.fields.code'), children: framework.code },
              { key: 'year', label: t('rules.frameworks.fields.fiscalYearFrom'), children: framework.fiscalYearFrom },
              { key: 'status', label: t('common.status'), children: t(`status.${framework.status}`) },
              { key: 'weights', label: t('rules.frameworks.weightTotalLabel'), children: t('rules.frameworks.weightsInRules') },
              { key: 'description', label: t('rules.frameworks.fields.description'), span: 'filled', children: framework.description || '—' },
            ]}
          />
          <FrameworkTree framework={framework} />
        </Space>
      )}
    </Card>
  )
}
