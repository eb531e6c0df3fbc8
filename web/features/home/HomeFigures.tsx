import { Card, Col, Row, Space, Statistic, Typography } from 'antd'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { addMoney, formatMoney, toWanYuan } from '../../../domain/money'
import { useExAnteVocabulary } from '../exante/exanteVocabulary'
import { useGoalVocabulary } from '../goals/goalVocabulary'
import { useProjectVocabulary } from '../projects/projectVocabulary'
import type { HomeView } from './home.types'

/** 元 → "1,250.00" 万元: key figures read in 万元, as budget tables print them. */
const wanYuan = (amount: string) => formatMoney(toWanYuan(amount, 2))

/** Counts per status, each a small figure with its label. */
function StatusCounts({ items }: { items: { key: string; label: string; count: number }[] }) {
  return (
    <Row gutter={[12, 12]}>
      {items.map((item) => (
        <Col key={item.key} xs={12} sm={8} xl={6}>
          <Statistic title={item.label} value={item.count} />
        </Col>
      ))}
    </Row>
  )
}

function FigureCard({ title, to, children }: { title: string; to: string; children: ReactNode }) {
  const { t } = useTranslation()
  return (
    <Card title={title} extra={<Link to={to}>{t('home.recent.more')}</Link>} style={{ height: '100%' }}>
      {children}
    </Card>
  )
}

/** Key figures of the user's scope: projects and their money by status, goals and ex-ante assessments by status. */
export function HomeFigures({ home }: { home: HomeView }) {
  const { t } = useTranslation()
  const projectVocabulary = useProjectVocabulary()
  const goalVocabulary = useGoalVocabulary()
  const exAnteVocabulary = useExAnteVocabulary()
  const live = home.projects?.byStatus.filter((s) => s.status !== 'cancelled') ?? []
  return (
    <Row gutter={[16, 16]}>
      {home.projects && (
        <Col xs={24} xl={home.goals || home.exante ? 12 : 24}>
          <FigureCard title={t('home.figures.projects')} to="/projects">
            <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
              <Row gutter={16}>
                <Col span={12}>
                  <Statistic title={t('home.figures.projectsTotal')} value={live.reduce((sum, s) => sum + s.count, 0)} />
                </Col>
                <Col span={12}>
                  <Statistic
                    title={t('home.figures.money')}
                    value={wanYuan(addMoney(...live.map((s) => s.amount)))}
                    suffix={<Typography.Text type="secondary">{t('home.figures.moneyUnit')}</Typography.Text>}
                  />
                </Col>
              </Row>
              <StatusCounts items={home.projects.byStatus.map((s) => ({ key: s.status, label: projectVocabulary.status(s.status), count: s.count }))} />
            </Space>
          </FigureCard>
        </Col>
      )}
      {(home.goals || home.exante) && (
        <Col xs={24} xl={home.projects ? 12 : 24}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            {home.goals && (
              <FigureCard title={t('home.figures.goals')} to="/goals">
                <StatusCounts items={home.goals.byStatus.map((s) => ({ key: s.status, label: goalVocabulary.status(s.status), count: s.count }))} />
              </FigureCard>
            )}
            {home.exante && (
              <FigureCard title={t('home.figures.exante')} to="/exante">
                <StatusCounts items={home.exante.byStatus.map((s) => ({ key: s.status, label: exAnteVocabulary.status(s.status), count: s.count }))} />
              </FigureCard>
            )}
          </Space>
        </Col>
      )}
    </Row>
  )
}
