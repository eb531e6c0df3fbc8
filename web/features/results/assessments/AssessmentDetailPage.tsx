import { ArrowLeftOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Descriptions, Space, Table, Typography } from 'antd'
import type { TableColumnsType } from 'antd'
import { useTranslation } from 'react-i18next'
import { useNavigate, useParams } from 'react-router'
import { PageSpinner } from '../../../layout/AppLayout'
import { LoadFailed } from '../../../shared/LoadFailed'
import { GradeTag } from '../../evaluation/self/selfVocabulary'
import { ReviewForm, SelfAssessmentForm } from './AssessmentForms'
import { useAssessment } from './assessments.queries'
import type { AssessmentDetail, AssessmentItem } from './assessments.types'
import { AssessmentStatusTag, ConsequenceTag, Explanation, ItemKindTag } from './assessmentVocabulary'

/** 考核详情: the items with points, scores and how each computed score was counted; the self-assessment or review open to this user; the result once published. */
export function AssessmentDetailPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const { id } = useParams()
  const query = useAssessment(id)
  if (query.isPending) return <PageSpinner />
  if (query.isError) return <LoadFailed query={query} backTo="/results/assessments" backLabel={t('assessments.backToList')} />
  const a = query.data
  const reload = () => query.refetch()
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        size="small"
        title={
          <Space wrap>
            <Button type="text" icon={<ArrowLeftOutlined aria-hidden />} aria-label={t('assessments.backToList')} onClick={() => navigate('/results/assessments')} />
            <Typography.Title level={5} style={{ margin: 0 }}>
              {t('assessments.nav.detail')}
            </Typography.Title>
            <Typography.Text strong>{a.orgName}</Typography.Text>
            <AssessmentStatusTag status={a.status} />
          </Space>
        }
      >
        <Descriptions size="small" bordered column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('assessments.fields.org')}>{`${a.orgName}（${a.orgCode}）`}</Descriptions.Item>
          <Descriptions.Item label={t('assessments.fields.orgKind')}>{t(`assessments.orgKinds.${a.orgKind}`)}</Descriptions.Item>
          <Descriptions.Item label={t('assessments.fields.fiscalYear')}>{a.fiscalYear}</Descriptions.Item>
          <Descriptions.Item label={t('assessments.fields.dueOn')}>{String(a.dueOn).slice(0, 10)}</Descriptions.Item>
          <Descriptions.Item label={t('assessments.fields.total')}>{a.total ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('assessments.fields.grade')}>
            <GradeTag grade={a.grade} />
          </Descriptions.Item>
          {a.totalExplanation && (
            <Descriptions.Item label={t('assessments.fields.totalFormula')} span={3}>
              <Typography.Text>{a.totalExplanation.formula}</Typography.Text>
              <br />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {a.totalExplanation.rule}
              </Typography.Text>
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      {a.status === 'published' && <Result assessment={a} />}
      {/* The review form shows every item with its explanation: the table would repeat it. */}
      {!a.moves.includes('review') && (
        <Card size="small" title={t('assessments.itemsLabel')}>
          <ItemsTable assessment={a} />
        </Card>
      )}
      {a.moves.includes('self') && <SelfAssessmentForm assessment={a} onReload={reload} />}
      {a.moves.includes('review') && <ReviewForm assessment={a} onReload={reload} />}
    </Space>
  )
}

function Result({ assessment: a }: { assessment: AssessmentDetail }) {
  const { t } = useTranslation()
  return (
    <Card size="small" title={t('assessments.result.title')}>
      <Descriptions size="small" bordered column={{ xs: 1, md: 4 }}>
        <Descriptions.Item label={t('assessments.fields.rank')}>
          <Typography.Text strong>{a.rank ?? '—'}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('assessments.fields.total')}>{a.total}</Descriptions.Item>
        <Descriptions.Item label={t('assessments.fields.grade')}>
          <GradeTag grade={a.grade} />
        </Descriptions.Item>
        <Descriptions.Item label={t('assessments.fields.consequence')}>
          <ConsequenceTag consequence={a.consequence} />
        </Descriptions.Item>
      </Descriptions>
      {a.consequence === 'interview' && <Alert type="warning" showIcon title={t('assessments.result.interviewHint')} style={{ marginTop: 12 }} />}
    </Card>
  )
}

const score = (v: string | null) => v ?? '—'

function ItemsTable({ assessment: a }: { assessment: AssessmentDetail }) {
  const { t } = useTranslation()
  const columns: TableColumnsType<AssessmentItem> = [
    { key: 'code', title: t('assessments.fields.code'), dataIndex: 'code', width: 56 },
    { key: 'name', title: t('assessments.fields.item'), dataIndex: 'name', width: 170 },
    { key: 'kind', title: t('assessments.fields.kind'), dataIndex: 'kind', width: 96, render: (k: AssessmentItem['kind']) => <ItemKindTag kind={k} /> },
    { key: 'points', title: t('assessments.fields.points'), dataIndex: 'points', width: 64, align: 'right' },
    { key: 'computedScore', title: t('assessments.fields.computedScore'), dataIndex: 'computedScore', width: 80, align: 'right', render: score },
    { key: 'selfScore', title: t('assessments.fields.selfScore'), dataIndex: 'selfScore', width: 80, align: 'right', render: score },
    { key: 'reviewScore', title: t('assessments.fields.reviewScore'), dataIndex: 'reviewScore', width: 80, align: 'right', render: score },
    { key: 'score', title: t('assessments.fields.score'), dataIndex: 'score', width: 70, align: 'right', render: (v: string | null) => <Typography.Text strong>{score(v)}</Typography.Text> },
    {
      key: 'explanation',
      title: t('assessments.fields.explanation'),
      render: (_: unknown, item) => (
        <Space orientation="vertical" size={2}>
          {(item.explanation || !(item.selfNote || item.reviewOpinion)) && <Explanation item={item} />}
          {item.selfNote && <Typography.Text>{`${t('assessments.fields.selfNote')}：${item.selfNote}`}</Typography.Text>}
          {item.reviewOpinion && <Typography.Text type="warning">{`${t('assessments.fields.reviewOpinion')}：${item.reviewOpinion}`}</Typography.Text>}
        </Space>
      ),
    },
  ]
  return <Table<AssessmentItem> aria-label={t('assessments.itemsLabel')} rowKey="code" size="small" columns={columns} dataSource={a.items} pagination={false} scroll={{ x: 1100 }} />
}
