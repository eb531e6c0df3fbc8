import { Card, Col, Descriptions, Empty, Row, Space, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { formatDateTime } from '../../shared/format'
import { roundsOf } from './GoalOpinions'
import type { ExpertReview } from './goals.types'
import { gradeColors, useGoalVocabulary } from './goalVocabulary'
import { useTermWords } from '../../shared/useTermWords'

/** The experts' reviews of the current round side by side (finance compares them), earlier rounds below. */
export function GoalExpertReviews({ reviews, round }: { reviews: ExpertReview[]; round: number }) {
  const { t } = useTranslation()
  const rounds = roundsOf(reviews)
  return (
    <Card size="small" title={t('goals.experts.title')}>
      {reviews.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('goals.experts.none')} />
      ) : (
        rounds.map((r) => (
          <div key={r} style={{ marginBottom: 12 }}>
            <Typography.Text type="secondary">{r === round ? t('goals.experts.currentRound', { round: r }) : t('goals.opinions.round', { round: r })}</Typography.Text>
            <Row gutter={[12, 12]} style={{ marginTop: 8 }}>
              {reviews
                .filter((e) => e.round === r)
                .map((e) => (
                  <Col key={e.id} xs={24} md={12} xxl={8}>
                    <ExpertCard review={e} />
                  </Col>
                ))}
            </Row>
          </div>
        ))
      )}
    </Card>
  )
}

function ExpertCard({ review: e }: { review: ExpertReview }) {
  const { t } = useTranslation()
  const words = useTermWords()
  const vocabulary = useGoalVocabulary()
  return (
    <Card
      type="inner"
      size="small"
      title={e.expertName}
      extra={
        e.submittedAt ? (
          <Space size={4}>
            <Tag>{t('goals.experts.score', { score: e.score })}</Tag>
            {e.grade && <Tag color={gradeColors[e.grade]}>{words.grade(e.grade)}</Tag>}
          </Space>
        ) : (
          <Tag color="gold">{t('goals.experts.pending')}</Tag>
        )
      }
    >
      {e.submittedAt ? (
        <>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{e.opinion}</Typography.Paragraph>
          <Descriptions
            size="small"
            column={1}
            items={vocabulary.dimensions.filter((d) => e.dimensions[d]).map((d) => ({ key: d, label: vocabulary.dimension(d), children: e.dimensions[d] }))}
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatDateTime(e.submittedAt)}
          </Typography.Text>
        </>
      ) : (
        <Typography.Text type="secondary">{t('goals.experts.assignedAt', { at: formatDateTime(e.assignedAt) })}</Typography.Text>
      )}
    </Card>
  )
}
