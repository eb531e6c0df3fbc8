import { Card, Col, Empty, List, Row, Space, Typography } from 'antd'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { formatDateTime } from '../../shared/format'
import { ExAnteStatusTag } from '../exante/exanteVocabulary'
import { GoalStatusTag } from '../goals/GoalStatusTag'
import { ProjectStatusTag } from '../projects/ProjectStatusTag'
import type { HomeView } from './home.types'

interface Item {
  id: string
  to: string
  title: string
  description: string
  tag: ReactNode
  updatedAt: string
}

function RecentList({ title, items }: { title: string; items: Item[] }) {
  const { t } = useTranslation()
  return (
    <Card title={title} style={{ height: '100%' }} role="region" aria-label={title}>
      <List
        size="small"
        dataSource={items}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.recent.empty')} /> }}
        renderItem={(item) => (
          <List.Item extra={<Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>{formatDateTime(item.updatedAt)}</Typography.Text>}>
            <Space orientation="vertical" size={0}>
              <Space size="small" wrap>
                <Link to={item.to}>{item.title}</Link>
                {item.tag}
              </Space>
              <Typography.Text type="secondary">{item.description}</Typography.Text>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  )
}

/** The records the user's scope changed last, each linking to its page. */
export function HomeRecent({ home }: { home: HomeView }) {
  const { t } = useTranslation()
  const lists: { key: string; title: string; items: Item[] }[] = []
  if (home.goals) {
    lists.push({
      key: 'goals',
      title: t('home.recent.goals'),
      items: home.goals.recent.map((g) => ({ id: g.id, to: `/goals/${g.id}`, title: g.name, description: `${g.fiscalYear} · ${g.unitName ?? g.departmentName}`, tag: <GoalStatusTag status={g.status} />, updatedAt: g.updatedAt })),
    })
  }
  if (home.projects) {
    lists.push({
      key: 'projects',
      title: t('home.recent.projects'),
      items: home.projects.recent.map((p) => ({ id: p.id, to: `/projects/${p.id}`, title: p.name, description: `${p.fiscalYear} · ${p.code}`, tag: <ProjectStatusTag status={p.status} />, updatedAt: p.updatedAt })),
    })
  }
  if (home.exante && !home.projects) {
    // Agencies and experts have no project list: their assessments are their records.
    lists.push({
      key: 'exante',
      title: t('home.recent.exante'),
      items: home.exante.recent.map((a) => ({ id: a.id, to: `/exante/${a.id}`, title: a.projectName, description: String(a.fiscalYear), tag: <ExAnteStatusTag status={a.status} />, updatedAt: a.updatedAt })),
    })
  }
  if (lists.length === 0) return null
  return (
    <Row gutter={[16, 16]}>
      {lists.map((list) => (
        <Col key={list.key} xs={24} xl={24 / lists.length}>
          <RecentList title={list.title} items={list.items} />
        </Col>
      ))}
    </Row>
  )
}
