import { Card, Col, Descriptions, Empty, Row, Space, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { GoalAction, GoalOpinionView } from '../../../domain/goals'
import { formatDateTime } from '../../shared/format'
import { gradeColors, useGoalVocabulary } from './goalVocabulary'
import { useTermWords } from '../../shared/useTermWords'

const stages = ['unit', 'dept', 'finance'] as const

/** The review rounds present, newest first. */
export const roundsOf = (items: readonly { round: number }[]) => [...new Set(items.map((i) => i.round))].sort((a, b) => b - a)
const returning = new Set(['return'])

/**
 * 审核意见 per review round, newest first: in each round the unit's moves, the department's 初审 and the finance
 * 复审 side by side, a 复审 with its grade and its four dimension opinions.
 */
export function GoalOpinions({ opinions }: { opinions: GoalOpinionView[] }) {
  const { t } = useTranslation()
  const rounds = roundsOf(opinions)
  return (
    <Card size="small" title={t('goals.opinions.title')}>
      {rounds.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('goals.opinions.none')} />
      ) : (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          {rounds.map((round) => (
            <Card key={round} type="inner" size="small" title={t('goals.opinions.round', { round })}>
              <Row gutter={[16, 16]}>
                {stages.map((stage) => {
                  const entries = opinions.filter((o) => o.round === round && o.stage === stage)
                  return (
                    <Col key={stage} xs={24} lg={8}>
                      <Typography.Text type="secondary">{t(`goals.opinions.stages.${stage}`)}</Typography.Text>
                      {entries.length === 0 ? (
                        <div>
                          <Typography.Text type="secondary">—</Typography.Text>
                        </div>
                      ) : (
                        entries.map((o) => <OpinionEntry key={o.id} opinion={o} />)
                      )}
                    </Col>
                  )
                })}
              </Row>
            </Card>
          ))}
        </Space>
      )}
    </Card>
  )
}

function OpinionEntry({ opinion: o }: { opinion: GoalOpinionView }) {
  const { t } = useTranslation()
  const words = useTermWords()
  const vocabulary = useGoalVocabulary()
  const dimensions = vocabulary.dimensions.filter((d) => o.dimensions[d])
  return (
    <div style={{ borderInlineStart: `3px solid ${returning.has(o.action) ? '#ff4d4f' : '#d9d9d9'}`, paddingInlineStart: 8, marginTop: 8 }}>
      <Space size={4} wrap>
        <Tag color={returning.has(o.action) ? 'red' : 'blue'}>{vocabulary.action(o.action as GoalAction)}</Tag>
        {o.grade && <Tag color={gradeColors[o.grade]}>{t('goals.gradeTag', { grade: words.grade(o.grade) })}</Tag>}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {[o.actorName, o.orgName].filter(Boolean).join(' · ')} {formatDateTime(o.createdAt)}
        </Typography.Text>
      </Space>
      {o.opinion && <Typography.Paragraph style={{ margin: '4px 0', whiteSpace: 'pre-wrap' }}>{o.opinion}</Typography.Paragraph>}
      {dimensions.length > 0 && (
        <Descriptions
          size="small"
          column={1}
          bordered
          items={dimensions.map((d) => ({ key: d, label: vocabulary.dimension(d), children: o.dimensions[d] }))}
          styles={{ label: { width: 90, whiteSpace: 'nowrap' } }}
        />
      )}
    </div>
  )
}
